using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SstcFunctions.LocalHost;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests.Hostile;

/// <summary>A local host (sandboxed extraction, Event Grid–sourced blob trigger) over its own private Azurite, for the hostile end-to-end tests.</summary>
public sealed class HostileHostFixture : IAsyncLifetime
{
    public const string FunctionKey = "hostile-test-function-key";
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalFunctionsHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public BlobContainerClient Brochures { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await AzuriteInstance.StartPrivateAsync();
        Host = await LocalFunctionsHost.StartAsync(LocalHostFixture.Settings(Storage, FunctionKey));
        Http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Brochures = new BlobContainerClient(Storage.ConnectionString, "brochures");
        await Brochures.CreateIfNotExistsAsync();
    }

    public Task UploadAsync(string fileName, byte[] bytes) => Brochures.GetBlobClient(fileName).UploadAsync(new BinaryData(bytes), overwrite: true);

    /// <summary>Polls GET /api/brochures/{id} until it is succeeded or failed.</summary>
    public Task<JsonElement> WaitForBrochureAsync(string id, TimeSpan timeout) => WaitForBrochureAsync(Http, id, timeout);

    public static async Task<JsonElement> WaitForBrochureAsync(HttpClient http, string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync($"api/brochures/{id}");
                if (response.IsSuccessStatusCode)
                {
                    last = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (last.GetProperty("status").GetString() is "succeeded" or "failed") return last;
                }
            }
            catch (HttpRequestException)
            {
                // A host process still starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"brochure {id} not processed within {timeout}; last status: {last}");
    }

    /// <summary>Every project the API serves for one brochure, following continuation tokens.</summary>
    public static async Task<List<JsonElement>> ProjectsOfAsync(HttpClient http, string brochureId)
    {
        var projects = new List<JsonElement>();
        string? token = null;
        do
        {
            var url = $"api/projects?brochure={brochureId}" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await http.GetFromJsonAsync<JsonElement>(url);
            projects.AddRange(page.GetProperty("projects").EnumerateArray().Select(p => p.Clone()));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return projects;
    }

    /// <summary>Waits until the read model serves <paramref name="expected"/> projects for the brochure (it catches up within about a second).</summary>
    public static async Task<List<JsonElement>> ProjectsOfAsync(HttpClient http, string brochureId, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var projects = await ProjectsOfAsync(http, brochureId);
            if (projects.Count == expected || DateTime.UtcNow > deadline) return projects;
            await Task.Delay(100);
        }
    }

    /// <summary>Messages in the WebJobs poison queue (0 when it does not exist).</summary>
    public static async Task<int> PoisonCountAsync(string connectionString)
    {
        var queue = new QueueClient(connectionString, PoisonQueue);
        if (!await queue.ExistsAsync()) return 0;
        var properties = await queue.GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class HostileHostCollection : ICollectionFixture<HostileHostFixture>
{
    public const string Name = "hostile local host";
}
