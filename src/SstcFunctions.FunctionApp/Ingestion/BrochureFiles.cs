using Microsoft.Extensions.Logging;
using SstcFunctions.Core;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// The brochure files in the container and the brochures they become: upload (the blob trigger does the rest),
/// delete (file and records together), and removal of a brochure whose file was deleted directly.
/// </summary>
public sealed class BrochureFiles(CatalogueStore store, CatalogueReadModel readModel, ILogger<BrochureFiles> logger)
{
    /// <summary>
    /// Stores the file under its name; the blob trigger ingests it. The brochure is marked pending first, so a status
    /// poll right after the 202 never reports the previous content as current. A different file name that maps to the
    /// id of an existing brochure (<c>con.pdf</c> and <c>CON.pdf</c>) is a conflict unless <paramref name="replace"/>
    /// says to replace that brochure; then the new file becomes its only file (the old one is deleted once the new one
    /// is stored), so a brochure never has two files.
    /// </summary>
    public async Task<BrochureUploadOutcome> UploadAsync(string fileName, UploadStream pdf, bool replace, CancellationToken cancellationToken)
    {
        var brochureId = BrochureId.FromFileName(fileName);
        var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
        if (existing is not null && existing.FileName != fileName && existing.Status != BrochureStates.Deleting && !replace)
        {
            return new BrochureUploadOutcome(null, existing);
        }
        await store.Files.UploadAsync(fileName, pdf, cancellationToken);
        logger.LogInformation("Brochure {BrochureId} uploaded as {FileName} ({Bytes} bytes)", brochureId, fileName, pdf.BytesRead);
        // Pending unless the trigger has already recorded this very content (it may run before this line).
        var status = existing is { Status: BrochureStates.Succeeded } && existing.Sha256 == pdf.Sha256 && existing.FileName == fileName
            ? existing // Same file again: the trigger will find it done and skip it.
            : await store.MarkPendingUnlessRecordedAsync(brochureId, fileName, pdf.BytesRead, pdf.Sha256, cancellationToken);
        if (existing is not null && existing.FileName != fileName)
        {
            // The row names the new file now: the old file's deletion (and its BlobDeleted event) leaves the brochure.
            await store.Files.DeleteAsync(existing.FileName, cancellationToken);
            logger.LogInformation("Brochure {BrochureId}: {Old} replaced by {New}", brochureId, existing.FileName, fileName);
        }
        return new BrochureUploadOutcome(status, null);
    }

    /// <summary>
    /// Deletes the brochure's files, then marks it deleting (it leaves the catalogue at once) and finishes removing its
    /// records in the background, a bounded step at a time; the reconciler finishes whatever this instance does not.
    /// Bounded work for the caller whatever the brochure's size: a container listing, its file deletes and two writes.
    /// </summary>
    public async Task<BrochureDeleteOutcome> DeleteAsync(string brochureId, CancellationToken cancellationToken)
    {
        var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
        // Files first: a record without a file is swept later, a file without a record would be ingested again.
        var removedFile = await store.Files.DeleteAllOfAsync(brochureId, existing?.FileName, cancellationToken);
        var marked = existing is null ? null : await store.MarkDeletingAsync(brochureId, cancellationToken);
        if (marked is null) return new BrochureDeleteOutcome(null, removedFile);
        readModel.Invalidate();
        FinishInBackground(brochureId);
        return new BrochureDeleteOutcome(marked, true);
    }

    /// <summary>Completes every marked deletion, one bounded step after another. Returns the brochures completed.</summary>
    public async Task<IReadOnlyList<string>> FinishDeletionsAsync(CancellationToken cancellationToken)
    {
        var done = new List<string>();
        foreach (var id in await store.ListDeletionsAsync(cancellationToken))
        {
            await FinishDeletionAsync(id, cancellationToken);
            done.Add(id);
        }
        return done;
    }

    private async Task FinishDeletionAsync(string brochureId, CancellationToken cancellationToken)
    {
        while (!await store.CompleteDeletionAsync(brochureId, cancellationToken))
        {
        }
        logger.LogInformation("Brochure {BrochureId}: deletion complete", brochureId);
    }

    private void FinishInBackground(string brochureId) => _ = Task.Run(async () =>
    {
        try
        {
            await FinishDeletionAsync(brochureId, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The brochure stays marked (hidden from the catalogue); the reconciler finishes it.
            logger.LogWarning(e, "Brochure {BrochureId}: deletion left for the reconciler", brochureId);
        }
    });

    /// <summary>
    /// A file was deleted from the container (a BlobDeleted event, or the reconciler found it missing): the brochure
    /// whose current file it was goes with it. Nothing happens when the brochure has another file now (replaced under a
    /// new name) or the file is back (deleted and uploaded again before the event arrived). Returns the brochure removed.
    /// </summary>
    public async Task<string?> RemoveIfFileGoneAsync(string blobName, CancellationToken cancellationToken)
    {
        var brochureId = BrochureId.FromFileName(blobName);
        var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
        if (existing is null || existing.FileName != blobName || existing.Status == BrochureStates.Deleting) return null;
        if (await store.Files.ExistsAsync(blobName, cancellationToken)) return null;
        if (await store.MarkDeletingAsync(brochureId, cancellationToken) is null) return null;
        readModel.Invalidate();
        FinishInBackground(brochureId);
        logger.LogInformation("Brochure {BrochureId} removed: its file {FileName} was deleted", brochureId, blobName);
        return brochureId;
    }
}

/// <summary>What a delete did: marked the brochure deleting (<see cref="Marked"/>, finished in the background), or
/// only removed stray files (<see cref="Removed"/> without a mark), or found nothing.</summary>
public sealed record BrochureDeleteOutcome(BrochureStatus? Marked, bool Removed);

/// <summary>What an upload did: stored the file (<see cref="Status"/>), or refused it because another file already is
/// that brochure (<see cref="Conflict"/>, the existing brochure).</summary>
public sealed record BrochureUploadOutcome(BrochureStatus? Status, BrochureStatus? Conflict);
