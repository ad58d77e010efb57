using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class ReconcileFunction(StalledIngestionRecovery recovery, CatalogueStore store, BrochureFiles files, CatalogueReadModel readModel, ILogger<ReconcileFunction> logger)
{
    /// <summary>Every five minutes (seconds, minutes, hours, days, months, weekdays).</summary>
    public const string Schedule = "0 */5 * * * *";

    /// <summary>
    /// The one scheduled reconciler, the safety net behind the events: resumes stalled ingestions (a process that died,
    /// a "will retry" failure) and removes brochures whose file is gone although no BlobDeleted event arrived, and completes deletions left unfinished. A timer
    /// trigger wakes the app even when it has scaled to zero, which a background loop in an instance cannot.
    /// </summary>
    [Function("Reconcile")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var sweep = await recovery.SweepOnceAsync(cancellationToken);
        var removed = await store.RemoveOrphansAsync(cancellationToken);
        if (removed.Count > 0) readModel.Invalidate();
        // Deletions marked by DELETE, a BlobDeleted event or the sweep above, that no instance finished.
        var deleted = await files.FinishDeletionsAsync(cancellationToken);
        logger.LogInformation("Reconcile: {Recovered} resumed, {Removed} removed (file gone), {Deleted} deletions completed, {GaveUp} given up, {Failed} failed",
            sweep.Recovered.Count, removed.Count + sweep.Removed.Count, deleted.Count, sweep.GaveUp.Count, sweep.Failed.Count);
    }
}
