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
    ILogger<BrochureIngestion> logger)
{
    public const string StorageRetryReason = "storage unavailable, will retry";
    public const string UnexpectedRetryReason = "unexpected error, will retry";

    // Brochures this instance is ingesting right now (id → runs), so the stalled-ingestion sweep leaves them alone.
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>True while this instance is ingesting the brochure (from the trigger or a recovery run).</summary>
    public bool IsRunning(string brochureId) => _running.ContainsKey(brochureId);

    /// <summary>A failure recorded with a reason that promises a retry (storage trouble, an unexpected error).</summary>
    public static bool FailedWillRetry(BrochureStatus status) =>
        status.Status == BrochureStates.Failed && status.Error is { } error
        && (error.StartsWith(StorageRetryReason, StringComparison.Ordinal) || error.StartsWith(UnexpectedRetryReason, StringComparison.Ordinal));

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
            commit = await ExtractAsync(commit, content, cancellationToken);
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
            await curation.NoteReingestionAsync(status, cancellationToken);
            if (status.Error is null)
                logger.LogInformation("Brochure {BrochureId} {Status}: {Projects} projects", brochureId, status.Status, status.ProjectCount);
            else
                logger.LogInformation("Brochure {BrochureId} {Status}: {Projects} projects; {Error}", brochureId, status.Status, status.ProjectCount, status.Error);
            await ReconcileAsync(cancellationToken);
            return status;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = CatalogueStorage.IsTransient(e) || e is Azure.RequestFailedException
                ? $"{StorageRetryReason} ({e.GetType().Name}: {e.Message})"
                : $"{UnexpectedRetryReason} ({e.GetType().Name}: {e.Message})";
            logger.LogError(e, "Ingestion of brochure {BrochureId} failed: {Reason}", brochureId, reason);
            try
            {
                // Marked before rethrowing: if every retry fails too, the poison queue has the blob and the status says why.
                await store.MarkFailedAsync(brochureId, blobName, reason, CancellationToken.None);
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
            return commit with { Result = result };
        }
        catch (BrochureRejectedException rejected) when (rejected.Kind != FailureKind.Transient)
        {
            // Permanent for this file (rejected, over a limit, crashed the parser); a transient failure goes on up and is retried.
            logger.LogWarning("Brochure {BrochureId} rejected ({Code}): {Reason}", commit.BrochureId, rejected.Failure.CodeName, rejected.Reason);
            return commit with { FailureReason = rejected.Reason };
        }
    }

    /// <summary>The blob trigger never sees deletes: each ingestion removes brochures whose file has gone.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = await store.RemoveOrphansAsync(cancellationToken);
            if (removed.Count > 0)
            {
                readModel.Invalidate();
                logger.LogInformation("Removed brochures whose file is gone: {BrochureIds}", string.Join(", ", removed));
            }
        }
        catch (Exception e) when (CatalogueStorage.IsTransient(e) || e is Azure.RequestFailedException)
        {
            logger.LogWarning(e, "Reconciliation skipped: storage unavailable");
        }
    }

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
