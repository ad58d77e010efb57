using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SstcFunctions.LocalHost.EventGrid;
using SstcFunctions.LocalHost.Http;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>
/// The whole local pipeline: a file lands in <c>brochures/</c>, the local Event Grid posts BlobCreated to the host's
/// blob webhook, the WebJobs blob extension runs the FunctionApp's IngestBrochure, and the API then serves exactly the records <c>sstc extract</c> prints for the same file.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class BrochureIngestionTests(LocalHostFixture fixture)
{
    private static readonly TimeSpan IngestionTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Seed_brochure_uploaded_with_the_sdk_is_served_exactly_as_sstc_extract_prints_it()
    {
        var id = $"sdk-upload-{Guid.NewGuid():N}"[..20];
        var container = new BlobContainerClient(fixture.Storage.ConnectionString, "brochures");
        await container.CreateIfNotExistsAsync();

        var invocations = fixture.Host.Services.GetRequiredService<FunctionInvocationLog>();
        var before = invocations.CountOf("IngestBrochure");

        await container.GetBlobClient($"{id}.pdf").UploadAsync(SharedFixtures.SeedBrochurePdf);

        var status = await fixture.WaitForBrochureAsync(id, IngestionTimeout);
        Assert.True(status.GetProperty("status").GetString() == "succeeded", status.ToString());
        await AssertServedAsExtractedAsync(id);
        // The local Event Grid delivers each blob version once: the function runs once, not on every listing. Three
        // more complete listings of the container (counted, not waited for by the clock) deliver nothing again.
        var publisher = fixture.Host.Services.GetServices<IHostedService>().OfType<LocalEventGridPublisher>().Single();
        await publisher.WaitForPassesAsync(publisher.CompletedPasses + 3, new CancellationTokenSource(IngestionTimeout).Token);
        Assert.Equal(before + 1, invocations.CountOf("IngestBrochure"));
    }

    [Fact]
    public async Task Seed_brochure_posted_to_the_api_is_accepted_then_served_exactly_as_sstc_extract_prints_it()
    {
        var id = $"api-upload-{Guid.NewGuid():N}"[..20];
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/brochures?name={id}.pdf") { Content = body };
        request.Headers.Add("x-functions-key", LocalHostFixture.FunctionKey);

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/brochures/{id}", response.Headers.Location?.OriginalString);
        var status = await fixture.WaitForBrochureAsync(id, IngestionTimeout);
        Assert.True(status.GetProperty("status").GetString() == "succeeded", status.ToString());
        await AssertServedAsExtractedAsync(id);
    }

    [Fact]
    public async Task A_blob_that_is_not_a_pdf_is_processed_by_the_listener_and_fails_with_a_reason()
    {
        var id = $"not-a-pdf-{Guid.NewGuid():N}"[..20];
        var container = new BlobContainerClient(fixture.Storage.ConnectionString, "brochures");
        await container.CreateIfNotExistsAsync();

        await container.GetBlobClient($"{id}.pdf").UploadAsync(BinaryData.FromString("just some text, not a brochure"));

        var status = await fixture.WaitForBrochureAsync(id, IngestionTimeout);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("error").GetString()));
    }

    /// <summary>The CLI run as a process on a copy of the seed named like the blob, so both derive the same brochure id.</summary>
    private async Task AssertServedAsExtractedAsync(string id)
    {
        var directory = Directory.CreateTempSubdirectory("sstc-localhost-");
        try
        {
            var copy = Path.Combine(directory.FullName, $"{id}.pdf");
            File.Copy(SharedFixtures.SeedBrochurePdf, copy);
            var (exitCode, stdout, stderr) = await SstcCli.RunAsync("extract", copy);
            Assert.True(exitCode == 0, stderr);
            using var extracted = JsonDocument.Parse(stdout);
            var expected = extracted.RootElement.GetProperty("projects").EnumerateArray().ToList();
            Assert.NotEmpty(expected);

            var served = await fixture.ProjectsOfAsync(id, expected.Count, TimeSpan.FromSeconds(15));

            Assert.Equal(expected.Select(Canonical), served.Select(Canonical));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Compact JSON with the property order kept: the same record serialises to the same text.</summary>
    private static string Canonical(JsonElement element) => JsonSerializer.Serialize(element);

    [Fact]
    public async Task A_file_deleted_from_storage_takes_its_brochure_out_of_the_catalogue_within_seconds()
    {
        var id = $"deleted-{Guid.NewGuid():N}"[..18];
        var container = new BlobContainerClient(fixture.Storage.ConnectionString, "brochures");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{id}.pdf").UploadAsync(SharedFixtures.SeedBrochurePdf);
        var status = await fixture.WaitForBrochureAsync(id, IngestionTimeout);
        Assert.True(status.GetProperty("status").GetString() == "succeeded", status.ToString());
        Assert.NotEmpty(await fixture.ProjectsOfAsync(id, status.GetProperty("projectCount").GetInt32(), TimeSpan.FromSeconds(15)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await container.GetBlobClient($"{id}.pdf").DeleteAsync();

        // The local Event Grid announces the deletion (BlobDeleted) to the app's BlobDeleted function: no GET sweeps.
        using var timeout = new CancellationTokenSource(IngestionTimeout);
        while (true)
        {
            using var response = await fixture.Http.GetAsync($"api/brochures/{id}", timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound) break;
            await Task.Delay(50, timeout.Token);
        }
        Console.WriteLine($"delete-to-gone: {clock.ElapsedMilliseconds} ms");
        Assert.Empty(await fixture.ProjectsOfAsync(id, 0, TimeSpan.FromSeconds(15)));
        Assert.True(fixture.Host.Services.GetRequiredService<FunctionInvocationLog>().CountOf("BlobDeleted") > 0);
    }

    [Fact]
    public async Task The_reconcile_timer_function_removes_a_brochure_whose_file_vanished_without_an_event()
    {
        var id = $"no-event-{Guid.NewGuid():N}"[..18];
        var store = fixture.Host.Services.GetRequiredService<SstcFunctions.Storage.CatalogueStore>();
        await store.CommitAsync(HandBuiltRecords.Commit(id, HandBuiltRecords.Result(id, 2)));

        var timers = fixture.Host.Services.GetRequiredService<SstcFunctions.LocalHost.Timers.LocalTimerTriggers>();
        var reconcile = SstcFunctions.LocalHost.Timers.TimerTriggerFunction.ReadFrom(LocalFunctionsHost.FunctionApp).Single(f => f.FunctionName == "Reconcile");
        await timers.InvokeAsync(reconcile, CancellationToken.None);

        Assert.Null(await store.GetBrochureAsync(id));
        Assert.Empty(await store.GetProjectsAsync(id));
    }
}
