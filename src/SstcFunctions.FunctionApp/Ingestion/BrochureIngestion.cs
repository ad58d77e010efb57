using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SstcFunctions.Core;
using SstcFunctions.Core.Pdf;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// One brochure file → its catalogue records. Idempotent: the same content (by SHA-256) is processed once, and a
/// new content replaces the old records as a whole (see <see cref="CatalogueStore.CommitAsync"/>).
/// A rejected file completes with the brochure marked failed; storage trouble is recorded if possible and rethrown so
/// the trigger retries (and, past its retry budget, the poison queue holds it while the brochure says failed).
/// </summary>
public sealed class BrochureIngestion(
    CatalogueStore store,
    IBrochureExtraction extraction,
    ExtractionLimits limits,
    CatalogueReadModel readModel,
    Curation.CurationService curation,
    IngestionRecoveryOptions recovery,
    TimeProvider time,
    ILogger<BrochureIngestion> logger)
{
    public const string StorageRetryReason = "storage unavailable, will retry";
    public const string UnexpectedRetryReason = "unexpected error, will retry";

    // Brochures this instance is ingesting right now (id → runs), so the stalled-ingestion sweep leaves them alone.
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>True while this instance is ingesting the brochure (from the trigger or a recovery run).</summary>
    public bool IsRunning(string brochureId) => _running.ContainsKey(brochureId);

    /// <summary>A failure recorded as one that will be retried (storage trouble, an unexpected error).</summary>
    public static bool FailedWillRetry(BrochureStatus status) =>
        status.Status == BrochureStates.Failed && status.Retry is not null;

    public async Task<BrochureStatus> IngestAsync(Stream blob, string blobName, CancellationToken cancellationToken)
    {
        var brochureId = BrochureId.FromFileName(blobName);
        _running.AddOrUpdate(brochureId, 1, (_, runs) => runs + 1);
        try
        {
            return await IngestCoreAsync(blob, blobName, brochureId, cancellationToken);
        }
        finally
        {
            if (_running.AddOrUpdate(brochureId, 0, (_, runs) => runs - 1) <= 0) _running.TryRemove(new KeyValuePair<string, int>(brochureId, 0));
        }
    }

    private async Task<BrochureStatus> IngestCoreAsync(Stream blob, string blobName, string brochureId, CancellationToken cancellationToken)
    {
        using var content = await ReadAsync(blob, cancellationToken);
        try
        {
            var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
            if (existing is { Status: BrochureStates.Succeeded } && existing.Sha256 == content.Sha256 && existing.FileName == blobName)
            {
                logger.LogInformation("Brochure {BrochureId} already ingested from this content ({Sha256}); nothing to do", brochureId, content.Sha256);
                return existing;
            }
            var pending = await store.MarkPendingAsync(brochureId, blobName, content.Length, content.Sha256, cancellationToken);
            var commit = new BrochureCommit
            {
                BrochureId = brochureId,
                FileName = blobName,
                SizeBytes = content.Length,
                Sha256 = content.Sha256,
                StartedAt = pending.StartedAt,
            };
            using (var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var beating = HeartbeatAsync(brochureId, heartbeat.Token);
                try
                {
                    commit = await ExtractAsync(commit, content, cancellationToken);
                }
                finally
                {
                    await heartbeat.CancelAsync();
                    await beating;
                }
            }
            BrochureStatus status;
            try
            {
                status = await store.CommitAsync(commit, cancellationToken);
            }
            catch (EntityTooLargeException tooLarge)
            {
                status = await store.CommitAsync(commit with { Result = null, FailureReason = "a project is too large to store: " + tooLarge.Message }, cancellationToken);
            }
            readModel.Invalidate();
            if (existing is not null && existing.FileName != blobName) await RemoveReplacedFileAsync(brochureId, existing.FileName, blobName, cancellationToken);
            await curation.NoteReingestionAsync(status, cancellationToken);
            if (status.Error is null)
                logger.LogInformation("Brochure {BrochureId} {Status}: {Projects} projects", brochureId, status.Status, status.ProjectCount);
            else
                logger.LogInformation("Brochure {BrochureId} {Status}: {Projects} projects; {Error}", brochureId, status.Status, status.ProjectCount, status.Error);
            return status;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retry = CatalogueStorage.IsTransient(e) || e is Azure.RequestFailedException ? RetryCause.Storage : RetryCause.Unexpected;
            var reason = $"{(retry == RetryCause.Storage ? StorageRetryReason : UnexpectedRetryReason)} ({e.GetType().Name}: {e.Message})";
            logger.LogError(e, "Ingestion of brochure {BrochureId} failed: {Reason}", brochureId, reason);
            try
            {
                // Marked before rethrowing: if every retry fails too, the poison queue has the blob and the status says why.
                await store.MarkFailedAsync(brochureId, blobName, reason, retry, CancellationToken.None);
            }
            catch (Exception markFailure)
            {
                logger.LogWarning(markFailure, "Could not mark brochure {BrochureId} failed", brochureId);
            }
            throw;
        }
    }

    private async Task<BrochureCommit> ExtractAsync(BrochureCommit commit, BufferedBrochure content, CancellationToken cancellationToken)
    {
        if (content.TooLarge)
        {
            return commit with { FailureReason = $"file too large: more than {limits.MaxFileBytes:N0} bytes" };
        }
        try
        {
            content.Stream.Position = 0;
            var result = await extraction.ExtractAsync(content.Stream, commit.BrochureId, cancellationToken);
            return commit with { Result = WithNoProjectsWarning(result) };
        }
        catch (BrochureRejectedException rejected) when (rejected.Kind != FailureKind.Transient)
        {
            // Permanent for this file (rejected, over a limit, crashed the parser); a transient failure goes on up and is retried.
            logger.LogWarning("Brochure {BrochureId} rejected ({Code}): {Reason}", commit.BrochureId, rejected.Failure.CodeName, rejected.Reason);
            return commit with { FailureReason = rejected.Reason };
        }
    }

    /// <summary>
    /// Touches the brochure row every <see cref="IngestionRecoveryOptions.HeartbeatInterval"/> while the file is
    /// extracted, so <see cref="StalledIngestionRecovery"/> can tell a live ingestion from one whose process died.
    /// </summary>
    private async Task HeartbeatAsync(string brochureId, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(recovery.HeartbeatInterval, time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await store.TouchAsync(brochureId, time.GetUtcNow(), cancellationToken);
                }
                catch (Exception e) when (CatalogueStorage.IsTransient(e) || e is Azure.RequestFailedException)
                {
                    logger.LogWarning("Heartbeat of brochure {BrochureId} failed: {Message}", brochureId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Another file name that maps to the same brochure id (uploaded straight to the container, where no 409 can be
    /// answered) replaced the brochure: its old file goes, so a brochure keeps only its current file.
    /// </summary>
    private async Task RemoveReplacedFileAsync(string brochureId, string oldFileName, string newFileName, CancellationToken cancellationToken)
    {
        try
        {
            await store.Files.DeleteAsync(oldFileName, cancellationToken);
            logger.LogInformation("Brochure {BrochureId}: {Old} replaced by {New}; the old file was removed", brochureId, oldFileName, newFileName);
        }
        catch (Exception e) when (CatalogueStorage.IsTransient(e) || e is Azure.RequestFailedException)
        {
            logger.LogWarning(e, "Brochure {BrochureId}: could not remove the replaced file {Old}", brochureId, oldFileName);
        }
    }

    /// <summary>
    /// A file that opens but yields no project at all (a damaged cross-reference table the parser recovered from
    /// silently, a document of another kind) still succeeds, but never as a bare "succeeded, 0 projects": the status
    /// says so, with the page count, unless the extraction already explained it.
    /// </summary>
    internal static Core.Records.ExtractionResult WithNoProjectsWarning(Core.Records.ExtractionResult result) =>
        result.Projects.Count > 0 || result.Warnings.Count > 0
            ? result
            : result with
            {
                Warnings = [$"no project found in {result.Brochure.PageCount} page(s): the file may be damaged (e.g. a broken cross-reference table) or not a project brochure"],
            };

    /// <summary>Reads the blob once, hashing as it goes; stops at the size limit instead of buffering a huge file.</summary>
    private async Task<BufferedBrochure> ReadAsync(Stream blob, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        long total = 0;
        var tooLarge = false;
        int read;
        while ((read = await blob.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            total += read;
            if (total > limits.MaxFileBytes)
            {
                tooLarge = true;
                buffer.SetLength(0); // Keep hashing for the status, stop keeping the bytes.
                continue;
            }
            buffer.Write(chunk, 0, read);
        }
        return new BufferedBrochure(buffer, total, Convert.ToHexStringLower(hash.GetHashAndReset()), tooLarge);
    }

    private sealed record BufferedBrochure(MemoryStream Stream, long Length, string Sha256, bool TooLarge) : IDisposable
    {
        public void Dispose() => Stream.Dispose();
    }
}
