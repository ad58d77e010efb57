using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SstcFunctions.LocalHost.Tests.EventGrid;

/// <summary>A real HTTP listener on a free loopback port that records every request and answers <see cref="Status"/>.</summary>
public sealed class RecordingWebhook : IAsyncDisposable
{
    public sealed record Request(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();

    private RecordingWebhook(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where to deliver: <c>http://127.0.0.1:PORT/runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure</c>.</summary>
    public Uri Url { get; }
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;
    public IReadOnlyList<Request> Requests => [.. _requests];

    public static async Task<RecordingWebhook> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        RecordingWebhook? webhook = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            webhook!._requests.Enqueue(new Request(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            context.Response.StatusCode = (int)webhook.Status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        webhook = new RecordingWebhook(app, new Uri(new Uri(address), "/runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure"));
        return webhook;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
