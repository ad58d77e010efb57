using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// The sweep that resumes brochures a dead instance left pending (its trigger message invisible for 10 minutes):
/// re-ingested from the blob when it is there, removed when it is gone, left alone while it is fresh.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StalledIngestionRecoveryTests(AzuriteFixture fixture)
{
    private sealed class CountingExtraction : IBrochureExtraction
    {
        public int Calls;

        public Task<ExtractionResult> ExtractAsync(Stream pdf, string brochureId, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(HandBuiltRecords.Result(brochureId, 3));
        }
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 stalled");

    private (CatalogueApp App, CountingExtraction Extraction) NewApp(string stalledAfter)
    {
        var extraction = new CountingExtraction();
        var app = fixture.NewApp(
            services => services.AddSingleton<IBrochureExtraction>(extraction),
            new Dictionary<string, string?> { ["Ingestion:StalledAfter"] = stalledAfter });
        return (app, extraction);
    }

    /// <summary>What a host killed mid-ingestion leaves: the file, and the brochure row saying pending.</summary>
    private static async Task LeavePendingAsync(CatalogueApp app, string fileName, bool withBlob)
    {
        await app.Store.Storage.EnsureCreatedAsync();
        if (withBlob) await app.Store.Storage.BrochureBlobs.UploadBlobAsync(fileName, BinaryData.FromBytes(Pdf));
        await app.Store.MarkPendingAsync(Core.BrochureId.FromFileName(fileName), fileName, Pdf.Length, "0123abcd");
    }

    [Fact]
    public async Task A_brochure_left_pending_with_its_file_is_ingested_once_by_the_sweep()
    {
        var (app, extraction) = NewApp("00:00:00");
        await using var _ = app;
        await LeavePendingAsync(app, "left-pending.pdf", withBlob: true);
        var recovery = app.Get<StalledIngestionRecovery>();

        var sweep = await recovery.SweepOnceAsync(CancellationToken.None);

        Assert.Equal(["left-pending"], sweep.Recovered);
        Assert.Empty(sweep.Failed);
        var status = await app.Store.GetBrochureAsync("left-pending");
        Assert.Equal(BrochureStates.Succeeded, status!.Status);
        Assert.Equal(3, status.ProjectCount);
        Assert.Equal(3, (await app.Store.GetProjectsAsync("left-pending")).Count);
        Assert.Equal(1, extraction.Calls);

        // Done is done: the next sweep, and the trigger message arriving late, change nothing.
        Assert.Empty((await recovery.SweepOnceAsync(CancellationToken.None)).Recovered);
        await app.IngestAsync("left-pending.pdf", Pdf);
        Assert.Equal(1, extraction.Calls);
        Assert.Equal(3, (await app.Store.LoadAsync()).Projects.Count);
    }

    [Fact]
    public async Task A_brochure_left_pending_without_its_file_is_removed()
    {
        var (app, extraction) = NewApp("00:00:00");
        await using var _ = app;
        await LeavePendingAsync(app, "file-gone.pdf", withBlob: false);

        var sweep = await app.Get<StalledIngestionRecovery>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(["file-gone"], sweep.Removed);
        Assert.Null(await app.Store.GetBrochureAsync("file-gone"));
        Assert.Equal(0, extraction.Calls);
    }

    [Fact]
    public async Task A_brochure_pending_for_less_than_the_threshold_is_left_to_its_live_run()
    {
        var (app, extraction) = NewApp("00:10:00");
        await using var _ = app;
        await LeavePendingAsync(app, "fresh.pdf", withBlob: true);

        var sweep = await app.Get<StalledIngestionRecovery>().SweepOnceAsync(CancellationToken.None);

        Assert.Empty(sweep.Recovered);
        Assert.Equal(BrochureStates.Pending, (await app.Store.GetBrochureAsync("fresh"))!.Status);
        Assert.Equal(0, extraction.Calls);
    }

    [Fact]
    public async Task A_file_that_never_completes_is_given_up_after_the_attempt_limit()
    {
        var (app, _) = NewApp("00:00:00");
        await using var __ = app;
        await LeavePendingAsync(app, "crashes-host.pdf", withBlob: true);
        var limit = app.Get<IngestionRecoveryOptions>().MaxRecoveryAttempts;
        // Each claim is what a recovery run that died with its process leaves behind.
        for (var i = 0; i < limit; i++)
        {
            var seen = await app.Store.GetBrochureAsync("crashes-host");
            Assert.Equal(i + 1, await app.Store.TryClaimStalledAsync("crashes-host", seen!.UpdatedAt));
        }

        var sweep = await app.Get<StalledIngestionRecovery>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(["crashes-host"], sweep.GaveUp);
        var status = await app.Store.GetBrochureAsync("crashes-host");
        Assert.Equal(BrochureStates.Failed, status!.Status);
        Assert.Contains("recovery attempts", status.Error);
        Assert.False(BrochureIngestion.FailedWillRetry(status));
    }
}
