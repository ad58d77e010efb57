using System.Net.Http.Json;
using System.Text.Json;
using SstcFunctions.LocalHost;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>
/// One local host with a function key, over a private Azurite: the blob trigger and its local Event Grid watch the fixed
/// <c>brochures</c> container, so sharing storage with other test assemblies would let it ingest their uploads.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const string FunctionKey = "local-test-function-key";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalFunctionsHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await AzuriteInstance.StartPrivateAsync();
        Host = await LocalFunctionsHost.StartAsync(Settings(Storage, FunctionKey));
        Http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public static Dictionary<string, string?> Settings(AzuriteInstance storage, string? functionKey, bool blobTriggers = true) => new()
    {
        ["AzureWebJobsStorage"] = storage.ConnectionString,
        ["CatalogueStorage"] = storage.ConnectionString,
        ["LocalHost:Port"] = "0",
        ["LocalHost:FunctionKey"] = functionKey ?? "",
        ["LocalHost:BlobTriggers"] = blobTriggers ? "true" : "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Polls GET /api/brochures/{id} until it leaves "pending" (or never appears) within the timeout.</summary>
    public async Task<JsonElement> WaitForBrochureAsync(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync($"api/brochures/{id}");
            if (response.IsSuccessStatusCode)
            {
                last = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (last.GetProperty("status").GetString() is "succeeded" or "failed") return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"brochure {id} not processed within {timeout}; last status: {last}");
    }

    /// <summary>Every project of one brochure, following continuation tokens, once the catalogue shows <paramref name="expected"/> of them.</summary>
    public async Task<List<JsonElement>> ProjectsOfAsync(string brochureId, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var projects = new List<JsonElement>();
            string? token = null;
            do
            {
                var url = $"api/projects?brochure={brochureId}" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
                using var response = await Http.GetAsync(url);
                // 400: the read model (refreshed within about a second) does not know the brochure yet.
                if (response.StatusCode == System.Net.HttpStatusCode.BadRequest && DateTime.UtcNow < deadline) break;
                response.EnsureSuccessStatusCode();
                var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                projects.AddRange(page.GetProperty("projects").EnumerateArray().Select(p => p.Clone()));
                token = page.GetProperty("continuationToken").GetString();
            }
            while (token is not null);
            if (projects.Count == expected || DateTime.UtcNow > deadline) return projects;
            await Task.Delay(100); // the read model catches up with a committed brochure within about a second
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "local host";
}
