using System.Diagnostics;
using Azure.Storage.Blobs;
using SstcFunctions.TestSupport;
using Xunit.Abstractions;

namespace SstcFunctions.LocalHost.Tests.Hostile;

/// <summary>
/// The host process (a separate process, with its sandbox worker) killed while a brochure is being ingested, then
/// started again over the same storage: the brochure completes, once, with no duplicated records.
/// </summary>
public sealed class KilledHostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_killed_mid_ingestion_and_restarted_completes_the_brochure_without_duplicates()
    {
        await using var storage = await AzuriteInstance.StartPrivateAsync();
        var port = AzuriteInstance.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var id = "killed-mid-ingestion";

        await using var first = StartHost(storage, port);
        LocalHostProcess? second = null;
        try
        {
            await first.WaitForHealthAsync(http, TimeSpan.FromSeconds(90));
            var container = new BlobContainerClient(storage.ConnectionString, "brochures");
            await container.CreateIfNotExistsAsync();
            await container.GetBlobClient($"{id}.pdf").UploadAsync(SharedFixtures.SeedBrochurePdf, overwrite: true);

            // Kill the moment ingestion has started (the brochure shows as pending) and before it commits.
            var seen = await WaitForStatusAsync(http, id, s => s is "pending" or "succeeded" or "failed", TimeSpan.FromSeconds(90));
            await first.KillAsync();
            output.WriteLine($"host killed while the brochure was {seen}");
            Assert.Equal("pending", seen);

            second = StartHost(storage, port);
            await second.WaitForHealthAsync(http, TimeSpan.FromSeconds(90));
            var clock = Stopwatch.StartNew();
            // Nothing lost: the trigger message the killed host had taken is still in its queue (invisible until its
            // visibility timeout expires, which WebJobs sets to 10 minutes), and the brochure must complete.
            var triggerQueue = new Azure.Storage.Queues.QueueClient(storage.ConnectionString, "azure-webjobs-blobtrigger-killed-host-test");
            var held = (await triggerQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            output.WriteLine($"trigger messages held in the queue after the kill: {held}");
            JsonElementOrTimeout final;
            try
            {
                final = new(await HostileHostFixture.WaitForBrochureAsync(http, id, TimeSpan.FromSeconds(150)), null);
            }
            catch (TimeoutException timeout)
            {
                final = new(default, timeout);
            }
            Assert.True(final.Timeout is null,
                $"{final.Timeout?.Message}\nThe killed invocation's queue message ({held} held) only reappears after the WebJobs 10-minute " +
                "visibility timeout; completing sooner needs the app to resume brochures left pending by a dead instance.");
            var status = final.Status;
            output.WriteLine($"after restart: {status.GetProperty("status").GetString()} in {clock.ElapsedMilliseconds} ms");
            Assert.Equal("succeeded", status.GetProperty("status").GetString());

            var expected = status.GetProperty("projectCount").GetInt32();
            var projects = await HostileHostFixture.ProjectsOfAsync(http, id, expected, TimeSpan.FromSeconds(30));
            Assert.Equal(expected, projects.Count);
            Assert.Equal(expected, projects.Select(p => p.GetProperty("id").GetString()).Distinct().Count());
            Assert.Equal(0, await HostileHostFixture.PoisonCountAsync(storage.ConnectionString));
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
        }
    }

    private readonly record struct JsonElementOrTimeout(System.Text.Json.JsonElement Status, TimeoutException? Timeout);

    private static LocalHostProcess StartHost(AzuriteInstance storage, int port) =>
        LocalHostProcess.Start(["--port", port.ToString()], new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["CatalogueStorage"] = storage.ConnectionString,
            ["LocalHost__HostId"] = "killed-host-test",
            ["Logging__LogLevel__Default"] = "Warning",
            // Stalled-ingestion recovery with its defaults: a 5 s heartbeat, stalled after 20 s without one.
        });

    private static async Task<string> WaitForStatusAsync(HttpClient http, string id, Func<string, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync($"api/brochures/{id}");
                if (response.IsSuccessStatusCode)
                {
                    using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    var status = json.RootElement.GetProperty("status").GetString() ?? "";
                    if (wanted(status)) return status;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"brochure {id} never started");
    }
}
