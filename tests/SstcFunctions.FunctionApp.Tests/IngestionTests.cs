using System.Text;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// The blob trigger's path with an extraction stand-in (the extraction core has its own tests): idempotence by content,
/// replacement, permanent rejection versus retryable storage trouble.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestionTests(AzuriteFixture fixture)
{
    /// <summary>Answers from a script: records derived from the file's text, or the exception the test asks for.</summary>
    private sealed class ScriptedExtraction : IBrochureExtraction
    {
        public int Calls;
        public Exception? Throw { get; set; }

        public Task<ExtractionResult> ExtractAsync(Stream pdf, string brochureId, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            if (Throw is { } e) throw e;
            var text = new StreamReader(pdf).ReadToEnd();
            var count = text.Length % 5 + 2;
            return Task.FromResult(HandBuiltRecords.Result(brochureId, count, text.Contains("v2") ? "b" : "a"));
        }
    }

    private static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes("%PDF-1.4 " + marker);

    private (CatalogueApp App, ScriptedExtraction Extraction) NewApp()
    {
        var extraction = new ScriptedExtraction();
        var app = fixture.NewApp(services => services.AddSingleton<IBrochureExtraction>(extraction));
        return (app, extraction);
    }

    [Fact]
    public async Task The_same_content_twice_is_processed_once_and_leaves_one_set()
    {
        var (app, extraction) = NewApp();
        await using var _ = app;
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync("twice.pdf", BinaryData.FromBytes(Pdf("v1")));

        var first = await app.IngestAsync("twice.pdf", Pdf("v1"));
        var second = await app.IngestAsync("twice.pdf", Pdf("v1"));

        Assert.Equal(1, extraction.Calls);
        Assert.Equal(BrochureStates.Succeeded, second.Status);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.ProjectCount, (await app.Store.LoadAsync()).Projects.Count);
    }

    [Fact]
    public async Task The_trigger_entry_point_completes_and_changed_content_replaces_the_records()
    {
        var (app, _) = NewApp();
        await using var __ = app;
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync("changing.pdf", BinaryData.FromBytes(Pdf("v2 longer")));
        var trigger = app.Function<IngestBrochureFunction>();

        await trigger.Run(new MemoryStream(Pdf("v1")), "changing.pdf", CancellationToken.None);
        await trigger.Run(new MemoryStream(Pdf("v2 longer")), "changing.pdf", CancellationToken.None);

        var projects = (await app.Store.LoadAsync()).Projects;
        Assert.All(projects, p => Assert.Contains("(b)", p.Title));
        Assert.Equal(Pdf("v2 longer").Length % 5 + 2, projects.Count);
        Assert.Equal(projects.Count, await Count(app.Store.Storage.Projects));
    }

    [Fact]
    public async Task A_rejected_file_completes_with_the_brochure_failed_and_the_reason()
    {
        var (app, extraction) = NewApp();
        await using var _ = app;
        extraction.Throw = Rejections.Encrypted();
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync("locked.pdf", BinaryData.FromBytes(Pdf("x")));

        var status = await app.IngestAsync("locked.pdf", Pdf("x"));

        Assert.Equal(BrochureStates.Failed, status.Status);
        Assert.Equal("encrypted PDF: a password is required", status.Error);
        Assert.Equal("failed", (await app.Store.GetBrochureAsync("locked"))!.Status);
    }

    [Fact]
    public async Task Storage_trouble_marks_the_brochure_failed_then_rethrows_for_a_retry_and_success_overwrites_it()
    {
        var (app, extraction) = NewApp();
        await using var _ = app;
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync("flaky.pdf", BinaryData.FromBytes(Pdf("v1")));
        extraction.Throw = new RequestFailedException(503, "Server busy");

        await Assert.ThrowsAsync<RequestFailedException>(() => app.IngestAsync("flaky.pdf", Pdf("v1")));
        var failed = await app.Store.GetBrochureAsync("flaky");
        Assert.Equal(BrochureStates.Failed, failed!.Status);
        Assert.StartsWith(BrochureIngestion.StorageRetryReason, failed.Error);
        Assert.Equal(RetryCause.Storage, failed.Retry);
        Assert.True(BrochureIngestion.FailedWillRetry(failed));

        extraction.Throw = null;
        var retried = await app.IngestAsync("flaky.pdf", Pdf("v1"));
        Assert.Equal(BrochureStates.Succeeded, retried.Status);
        Assert.Null(retried.Error);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_rejected_without_extraction()
    {
        var extraction = new ScriptedExtraction();
        await using var app = fixture.NewApp(services => services.AddSingleton<IBrochureExtraction>(extraction),
            new Dictionary<string, string?> { ["Extraction:MaxFileBytes"] = "10" });

        var status = await app.IngestAsync("huge.pdf", Pdf("much more than ten bytes"));

        Assert.Equal(BrochureStates.Failed, status.Status);
        Assert.Contains("too large", status.Error);
        Assert.Equal(0, extraction.Calls);
    }

    [Fact]
    public async Task Overlapping_triggers_for_one_blob_leave_one_consistent_set()
    {
        var (app, _) = NewApp();
        await using var __ = app;
        await app.Store.Storage.EnsureCreatedAsync();
        await app.Store.Storage.BrochureBlobs.UploadBlobAsync("busy.pdf", BinaryData.FromBytes(Pdf("v1")));

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.IngestAsync("busy.pdf", Pdf("v1"))));

        var expected = Pdf("v1").Length % 5 + 2;
        Assert.Equal(expected, (await app.Store.LoadAsync()).Projects.Count);
        Assert.Equal(expected, await Count(app.Store.Storage.Projects));
    }

    private static async Task<int> Count(Azure.Data.Tables.TableClient table)
    {
        var n = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>()) n++;
        return n;
    }
}

/// <summary>A file that opens but yields no project is never a bare "succeeded, 0 projects" (the real extraction, in process).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoProjectsWarningTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task A_pdf_whose_xref_sections_loop_succeeds_with_a_warning_not_silently_empty()
    {
        await using var app = fixture.NewApp(settings: new Dictionary<string, string?> { ["Extraction:InProcess"] = "true" });
        await app.Store.Storage.EnsureCreatedAsync();

        var status = await app.IngestAsync("looping-xref.pdf", HostilePdfs.XrefPrevLoop("South-South and Triangular Cooperation 2024"));

        Assert.Equal(BrochureStates.Succeeded, status.Status);
        Assert.Equal(0, status.ProjectCount);
        // The extraction's own notice (NoticeCode.NotABrochure) says it; the ingestion adds no second one.
        var warning = Assert.Single(status.Warnings);
        Assert.Contains("No project cards were found", warning);
    }

    [Fact]
    public void An_extraction_that_explains_itself_or_found_projects_is_left_as_it_is()
    {
        var found = HandBuiltRecords.Result("found", 2);
        Assert.Same(found, BrochureIngestion.WithNoProjectsWarning(found));
        var explained = HandBuiltRecords.Result("explained", 0) with { Warnings = ["stated 12 projects, found 0"] };
        Assert.Same(explained, BrochureIngestion.WithNoProjectsWarning(explained));
        Assert.Single(BrochureIngestion.WithNoProjectsWarning(HandBuiltRecords.Result("silent", 0) with { Warnings = [] }).Warnings);
    }
}
