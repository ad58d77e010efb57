using System.Diagnostics;
using System.Net;
using Azure.Storage.Blobs;
using SstcFunctions.LocalHost;
using SstcFunctions.TestSupport;
using Xunit.Abstractions;

namespace SstcFunctions.LocalHost.Tests.Hostile;

/// <summary>
/// Storage goes away under a running host and comes back on the same ports: reads answer 503 ProblemDetails with
/// Retry-After meanwhile, and afterwards reads and ingestion work again without restarting the app. (The one outage
/// test: it replaced a narrower copy that drove the function classes directly.)
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly string[] Reads = ["api/brochures", "api/projects", "api/facets", "api/projects?q=employment"];

    [Fact]
    public async Task Reads_answer_503_while_azurite_is_down_and_everything_works_again_once_it_is_back()
    {
        var storage = await AzuriteInstance.StartPrivateAsync();
        var (blob, queue, table) = (storage.BlobPort, storage.QueuePort, storage.TablePort);
        AzuriteInstance? restarted = null;
        var host = await LocalFunctionsHost.StartAsync(LocalHostFixture.Settings(storage, "outage-key"));
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var before = "outage-before";
            await UploadAsync(storage.ConnectionString, before);
            var ok = await HostileHostFixture.WaitForBrochureAsync(http, before, TimeSpan.FromSeconds(90));
            Assert.Equal("succeeded", ok.GetProperty("status").GetString());

            await storage.DisposeAsync(); // Azurite stopped.
            var clock = Stopwatch.StartNew();
            foreach (var read in Reads.Append($"api/brochures/{before}"))
            {
                var (status, contentType, retryAfter, body) = await EventuallyAsync(http, read, s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
                output.WriteLine($"storage down: GET {read} → {(int)status} {contentType} {body[..Math.Min(body.Length, 160)]}");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("application/problem+json", contentType);
                Assert.Contains("\"status\":503", body.Replace(" ", ""));
                Assert.Equal(TimeSpan.FromSeconds(5), retryAfter); // RequestGuard's hint: storage is worth retrying soon
            }
            using (var health = await http.GetAsync("api/health"))
            {
                Assert.True((int)health.StatusCode < 500 || health.StatusCode == HttpStatusCode.ServiceUnavailable, health.StatusCode.ToString());
            }
            output.WriteLine($"all reads 503 within {clock.ElapsedMilliseconds} ms");

            restarted = await AzuriteInstance.StartPrivateAsync(blob, queue, table); // Same ports; in-memory, so empty.
            await new BlobContainerClient(restarted.ConnectionString, "brochures").CreateIfNotExistsAsync();
            clock.Restart();
            foreach (var read in Reads)
            {
                var (status, _, _, body) = await EventuallyAsync(http, read, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
                Assert.True(status == HttpStatusCode.OK, $"GET {read} after restart → {(int)status} {body}");
            }
            output.WriteLine($"reads back to 200 within {clock.ElapsedMilliseconds} ms of the restart");

            var after = "outage-after";
            await UploadAsync(restarted.ConnectionString, after);
            var ingested = await HostileHostFixture.WaitForBrochureAsync(http, after, TimeSpan.FromSeconds(120));
            Assert.Equal("succeeded", ingested.GetProperty("status").GetString());
            output.WriteLine($"ingestion works again: {after} succeeded {clock.ElapsedMilliseconds} ms after the restart");
        }
        finally
        {
            await host.DisposeAsync(); // The host first: it must not outlive its storage in this test.
            if (restarted is not null) await restarted.DisposeAsync();
            await storage.DisposeAsync();
        }
    }

    private static async Task UploadAsync(string connectionString, string id)
    {
        var container = new BlobContainerClient(connectionString, "brochures");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{id}.pdf").UploadAsync(SharedFixtures.SeedBrochurePdf, overwrite: true);
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, TimeSpan? RetryAfter, string Body)> EventuallyAsync(
        HttpClient http, string url, Func<HttpStatusCode, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await http.GetAsync(url);
            var result = (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync());
            if (wanted(response.StatusCode) || DateTime.UtcNow > deadline) return result;
            Assert.True((int)response.StatusCode != 500, $"GET {url} → 500 {result.Item4}");
            await Task.Delay(250);
        }
    }
}
