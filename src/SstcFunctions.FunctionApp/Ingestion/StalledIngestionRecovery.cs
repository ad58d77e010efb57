using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SstcFunctions.Core.Pdf;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// Resumes brochures whose ingestion stalled: the process running it died (its blob-trigger message stays invisible
/// for the WebJobs visibility timeout, 10 minutes) or it failed with a "will retry" reason. At startup (see
/// <see cref="ExecuteAsync"/>) and from the Reconcile timer function, each brochure that is pending (or failed, will
/// retry) and not updated (no heartbeat) for <see cref="IngestionRecoveryOptions.StalledAfter"/> is claimed (one instance wins) and re-ingested
/// from its blob through <see cref="BrochureIngestion.IngestAsync"/>, the blob trigger's own path; ingestion is
/// idempotent, so a late trigger run of the same blob finds it done. A brochure whose blob is gone is removed.
/// Errors are logged, never thrown: the sweep must not take the host down.
/// </summary>
public sealed class StalledIngestionRecovery(
    CatalogueStore store,
    BrochureIngestion ingestion,
    CatalogueReadModel readModel,
    IngestionRecoveryOptions options,
    ExtractionLimits limits,
    TimeProvider time,
    ILogger<StalledIngestionRecovery> logger) : BackgroundService
{
    public TimeSpan StalledAfter { get; } = options.EffectiveStalledAfter(limits);

    /// <summary>
    /// At startup (a restart, typically): resumes what a dead process left, each brochure as soon as its row counts as
    /// stalled (no heartbeat for <see cref="StalledAfter"/>), then stops; the Reconcile timer function is the periodic
    /// safety net. So a brochure whose ingestion died with its host resumes within <see cref="StalledAfter"/> of the
    /// restart, not after a fixed sweep interval.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RecoveryEnabled) return;
        logger.LogInformation("Stalled-ingestion recovery at startup: brochures without a heartbeat for {StalledAfter}", StalledAfter);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset next;
                try
                {
                    var sweep = await SweepOnceAsync(stoppingToken);
                    if (sweep.NextStallAt is not { } at) return; // nothing left that may have stalled
                    next = at;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Stalled-ingestion sweep failed; trying again in {Delay}", StalledAfter);
                    next = time.GetUtcNow() + StalledAfter;
                }
                var delay = next - time.GetUtcNow();
                await Task.Delay(delay > MinimumDelay ? delay : MinimumDelay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    /// <summary>One pass over the brochures. Throws only when they cannot be listed.</summary>
    public async Task<RecoverySweep> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var sweep = new RecoverySweep();
        var now = time.GetUtcNow();
        foreach (var brochure in await store.ListBrochuresAsync(cancellationToken))
        {
            if (brochure.Status != BrochureStates.Pending && !BrochureIngestion.FailedWillRetry(brochure)) continue;
            if (ingestion.IsRunning(brochure.Id)) continue; // This instance is on it (the trigger's retry, say).
            if (brochure.UpdatedAt is { } updated && now - updated < StalledAfter)
            {
                // Alive elsewhere, or not stalled long enough yet: look again when it would count as stalled.
                var due = updated + StalledAfter;
                if (sweep.NextStallAt is null || due < sweep.NextStallAt) sweep.NextStallAt = due;
                continue;
            }
            try
            {
                await RecoverAsync(brochure, sweep, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                sweep.Failed.Add(brochure.Id);
                logger.LogWarning(e, "Recovery of brochure {BrochureId} failed; the next sweep tries again", brochure.Id);
            }
        }
        return sweep;
    }

    private async Task RecoverAsync(BrochureStatus brochure, RecoverySweep sweep, CancellationToken cancellationToken)
    {
        var attempt = await store.TryClaimStalledAsync(brochure.Id, brochure.UpdatedAt, cancellationToken);
        if (attempt is null) return; // Changed since listed: a live run, or another instance claimed it.

        // A file whose every run dies with its process would otherwise be retried for ever (the trigger has its poison
        // queue for that). Storage trouble is not the file's fault: that one is retried as long as it lasts.
        var storageTrouble = brochure.Status == BrochureStates.Failed && brochure.Retry == RetryCause.Storage;
        if (attempt > options.MaxRecoveryAttempts && !storageTrouble)
        {
            var reason = $"ingestion did not complete after {attempt - 1} recovery attempts (the process ingesting it stopped or failed each time); upload the file again to retry";
            await store.MarkFailedAsync(brochure.Id, brochure.FileName, reason, cancellationToken: cancellationToken);
            readModel.Invalidate();
            sweep.GaveUp.Add(brochure.Id);
            logger.LogError("Brochure {BrochureId} given up: {Reason}", brochure.Id, reason);
            return;
        }

        var download = await store.Files.DownloadAsync(brochure.FileName, cancellationToken);
        if (download is null)
        {
            // The file is gone (deleted, or an upload that never finished): the brochure goes with it, as everywhere.
            await store.DeleteBrochureAsync(brochure.Id, cancellationToken);
            readModel.Invalidate();
            sweep.Removed.Add(brochure.Id);
            logger.LogWarning("Brochure {BrochureId} was {Status} but its file {FileName} is gone: removed", brochure.Id, brochure.Status, brochure.FileName);
            return;
        }

        logger.LogWarning("Brochure {BrochureId} stalled ({Status}, last updated {UpdatedAt:o}): ingesting it again, recovery attempt {Attempt}",
            brochure.Id, brochure.Status, brochure.UpdatedAt, attempt);
        await using (download)
        {
            var status = await ingestion.IngestAsync(download, brochure.FileName, cancellationToken);
            logger.LogInformation("Recovered brochure {BrochureId}: {Status}", brochure.Id, status.Status);
        }
        sweep.Recovered.Add(brochure.Id);
    }
}

/// <summary>What one sweep did, by brochure id.</summary>
public sealed record RecoverySweep
{
    /// <summary>Ingested again (whatever the outcome: succeeded, or failed for a reason the file gave).</summary>
    public List<string> Recovered { get; } = [];
    /// <summary>Removed because their file is gone.</summary>
    public List<string> Removed { get; } = [];
    /// <summary>Marked failed for good after too many recovery attempts.</summary>
    public List<string> GaveUp { get; } = [];
    /// <summary>Recovery attempted and failed (storage trouble, typically); retried by a later sweep.</summary>
    public List<string> Failed { get; } = [];
    /// <summary>When the earliest brochure left alone because it was updated recently would count as stalled; null: none.</summary>
    public DateTimeOffset? NextStallAt { get; set; }
}
