using System.Diagnostics;
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
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SstcFunctions.LocalHost.dll"), "--port", port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["AzureWebJobsStorage"] = storage.ConnectionString,
                ["CatalogStorage"] = storage.ConnectionString,
                ["LocalHost__BlobTriggers"] = "false",
                ["LocalHost__HostId"] = $"standalone-{port}",
            },
        };
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpStatusCode? status = null;
            while (status is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync("api/health");
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.True(process.HasExited);
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
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SstcFunctions.LocalHost.dll"), "--events-only", "--webhook", webhook.Url.AbsoluteUri },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["AzureWebJobsStorage"] = storage.ConnectionString, ["CatalogStorage"] = storage.ConnectionString },
        };
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The events-only process creates the watched container, as func start would not for an Event Grid trigger.
            var container = new BlobContainerClient(storage.ConnectionString, "brochures");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await container.ExistsAsync() && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(100);
            Assert.True(await container.ExistsAsync(), "the brochures container was not created\n" + string.Join("\n", output));

            await container.GetBlobClient("uploaded.pdf").UploadAsync(BinaryData.FromString("x"));

            while (webhook.Requests.Count == 0 && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(100);
            await Task.Delay(1000); // several more listings: still one delivery
            var request = Assert.Single(webhook.Requests);
            Assert.Equal("/runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure", request.PathAndQuery);
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal("/blobServices/default/containers/brochures/blobs/uploaded.pdf", body.RootElement[0].GetProperty("subject").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Events_only_mode_refuses_a_webhook_that_is_not_an_http_url()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SstcFunctions.LocalHost.dll"), "--events-only", "--webhook", "localhost:7071" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("--webhook must be an absolute http(s) URL", await stderr);
    }
}
