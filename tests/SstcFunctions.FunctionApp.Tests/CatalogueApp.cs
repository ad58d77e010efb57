using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// The function classes wired exactly as the hosts wire them (ServiceRegistration.AddSstcCatalogue) against a real
/// Azurite, on tables and a container of their own; requests are DefaultHttpContexts, responses fully executed.
/// </summary>
public sealed class CatalogueApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CatalogueApp(string connectionString, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string?>
        {
            ["CatalogueStorage"] = connectionString,
            ["Catalogue:BrochuresTable"] = prefix + "brochures",
            ["Catalogue:ProjectsTable"] = prefix + "projects",
            ["Catalogue:CorrectionsTable"] = prefix + "corrections",
            ["Catalogue:BrochureContainer"] = prefix + "-brochures",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSstcCatalogue(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A function class as the host creates it: constructor-injected from the container.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public CatalogueStore Store => Get<CatalogueStore>();

    /// <summary>Stores records as an ingestion would and lets the read model see them.</summary>
    public async Task CommitAsync(BrochureCommit commit)
    {
        await Store.CommitAsync(commit);
        Get<CatalogueReadModel>().Invalidate();
    }

    public Task<BrochureStatus> IngestAsync(string blobName, byte[] content) =>
        Get<BrochureIngestion>().IngestAsync(new MemoryStream(content), blobName, CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>What the hosts give a request: MVC's result executors (FileStreamResult: ranges, ETags), logging.</summary>
    private static readonly IServiceProvider HttpServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    public static async Task<Response> SendAsync(Func<HttpRequest, Task<IActionResult>> function, string method, string pathAndQuery,
        IDictionary<string, string>? headers = null, byte[]? body = null, string? contentType = null, bool chunked = false)
    {
        var context = new DefaultHttpContext { RequestServices = HttpServices };
        var request = context.Request;
        request.Method = method;
        var queryStart = pathAndQuery.IndexOf('?');
        request.Path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        request.QueryString = queryStart < 0 ? QueryString.Empty : new QueryString(pathAndQuery[queryStart..]);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers[name] = value;
        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            if (!chunked) request.ContentLength = body.Length; // chunked: no Content-Length, the size is known only by reading
        }
        if (contentType is not null) request.ContentType = contentType;
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var result = await function(request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new Response(context.Response.StatusCode, context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), responseBody.ToArray());
    }
}

public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Asserts an RFC 7807 problem with this status; returns its JSON.</summary>
    public JsonElement AssertProblem(int status)
    {
        Assert.Equal(status, Status);
        Assert.StartsWith("application/problem+json", Header("Content-Type"));
        var json = Json;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", Text); // never a stack trace
        return json;
    }
}
