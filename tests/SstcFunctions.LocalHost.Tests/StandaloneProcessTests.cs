using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using SstcFunctions.LocalHost.Tests.EventGrid;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>The built host runs as its own process (what scripts/run-local.sh and kill/restart tests start).</summary>
public sealed class StandaloneProcessTests
{
    [Fact]
    public async Task The_built_host_serves_health_on_the_port_given_with_port_and_stops_when_killed()
    {
        await using var storage = await AzuriteInstance.StartOrReuseAsync();
        var port = AzuriteInstance.FreePort();
        await using var host = LocalHostProcess.Start(["--port", port.ToString()], new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["CatalogueStorage"] = storage.ConnectionString,
            ["LocalHost__BlobTriggers"] = "false",
            ["LocalHost__HostId"] = $"standalone-{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        await host.WaitForHealthAsync(http, TimeSpan.FromSeconds(60));
        using (var health = await http.GetAsync("api/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await host.KillAsync();
        Assert.True(host.HasExited);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("api/health"));
    }

    /// <summary>
    /// What scripts/run-local.sh starts beside <c>func start</c>: only the local Event Grid, posting BlobCreated for each
    /// upload to the webhook given with <c>--webhook</c> (here a recording listener standing in for the Functions host).
    /// </summary>
    [Fact]
    public async Task Events_only_mode_posts_each_upload_to_the_given_webhook_once()
    {
        await using var storage = await AzuriteInstance.StartPrivateAsync();
        await using var webhook = await RecordingWebhook.StartAsync();
        await using var events = LocalHostProcess.Start(["--events-only", "--webhook", webhook.Url.AbsoluteUri],
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage.ConnectionString, ["CatalogueStorage"] = storage.ConnectionString });

        // The events-only process creates the watched container, as func start would not for an Event Grid trigger.
        var container = new BlobContainerClient(storage.ConnectionString, "brochures");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await container.ExistsAsync() && DateTime.UtcNow < deadline && !events.HasExited) await Task.Delay(100);
        Assert.True(await container.ExistsAsync(), "the brochures container was not created\n" + events.Output);

        await container.GetBlobClient("uploaded.pdf").UploadAsync(BinaryData.FromString("x"));

        while (webhook.Requests.Count == 0 && DateTime.UtcNow < deadline && !events.HasExited) await Task.Delay(100);
        // Several more listings: still one delivery. Each later upload is announced by a later pass, which listed
        // uploaded.pdf again: three sentinels delivered prove three more passes without waiting for the clock.
        for (var i = 1; i <= 3; i++)
        {
            await container.GetBlobClient($"sentinel-{i}.pdf").UploadAsync(BinaryData.FromString("x"));
            while (webhook.Requests.Count < 1 + i && DateTime.UtcNow < deadline && !events.HasExited) await Task.Delay(100);
        }
        Assert.Equal(4, webhook.Requests.Count);
        var request = Assert.Single(webhook.Requests, r => r.Body.Contains("/blobs/uploaded.pdf", StringComparison.Ordinal));
        Assert.Equal("/runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("/blobServices/default/containers/brochures/blobs/uploaded.pdf", body.RootElement[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Events_only_mode_refuses_a_webhook_that_is_not_an_http_url()
    {
        await using var events = LocalHostProcess.Start(["--events-only", "--webhook", "localhost:7071"],
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        await events.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, events.ExitCode);
        Assert.Contains("--webhook must be an absolute http(s) URL", events.Output);
    }
}
