using Azure;
using Azure.Storage.Blobs.Models;
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
    private const int UploadBlockBytes = 4 * 1024 * 1024;

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
        if (existing is not null && existing.FileName != fileName && !replace) return new BrochureUploadOutcome(null, existing);
        var blob = store.Storage.BrochureBlobs.GetBlobClient(fileName);
        // Streamed in 4 MiB blocks, one at a time: memory per upload is one block, whatever the file size.
        await store.Storage.RunAsync(() => blob.UploadAsync(pdf, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            TransferOptions = new Azure.Storage.StorageTransferOptions
            {
                MaximumConcurrency = 1,
                InitialTransferSize = UploadBlockBytes,
                MaximumTransferSize = UploadBlockBytes,
            },
        }, cancellationToken), cancellationToken);
        logger.LogInformation("Brochure {BrochureId} uploaded as {FileName} ({Bytes} bytes)", brochureId, fileName, pdf.BytesRead);
        // Pending unless the trigger has already recorded this very content (it may run before this line).
        var status = existing is { Status: BrochureStates.Succeeded } && existing.Sha256 == pdf.Sha256 && existing.FileName == fileName
            ? existing // Same file again: the trigger will find it done and skip it.
            : await store.MarkPendingUnlessRecordedAsync(brochureId, fileName, pdf.BytesRead, pdf.Sha256, cancellationToken);
        if (existing is not null && existing.FileName != fileName)
        {
            // The row names the new file now: the old file's deletion (and its BlobDeleted event) leaves the brochure.
            await store.Storage.RunAsync(() => store.Storage.BrochureBlobs.DeleteBlobIfExistsAsync(existing.FileName,
                DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken), cancellationToken);
            logger.LogInformation("Brochure {BrochureId}: {Old} replaced by {New}", brochureId, existing.FileName, fileName);
        }
        return new BrochureUploadOutcome(status, null);
    }

    /// <summary>Removes every file of the brochure, then its records. False when there was nothing to delete.</summary>
    public async Task<bool> DeleteAsync(string brochureId, CancellationToken cancellationToken)
    {
        var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
        var removedFile = await store.Storage.RunAsync(() => DeleteFilesAsync(brochureId, existing?.FileName, cancellationToken), cancellationToken);
        var removedRecords = await store.DeleteBrochureAsync(brochureId, cancellationToken);
        readModel.Invalidate();
        return removedFile || removedRecords;
    }

    private async Task<bool> DeleteFilesAsync(string brochureId, string? recordedFileName, CancellationToken cancellationToken)
    {
        var removedFile = false;
        // Files first: a record without a file is swept later, a file without a record would be ingested again.
        await foreach (var blob in store.Storage.BrochureBlobs.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (BrochureId.FromFileName(blob.Name) != brochureId && blob.Name != recordedFileName) continue;
            try
            {
                await store.Storage.BrochureBlobs.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                removedFile = true;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
        return removedFile;
    }

    /// <summary>
    /// A file was deleted from the container (a BlobDeleted event, or the reconciler found it missing): the brochure
    /// whose current file it was goes with it. Nothing happens when the brochure has another file now (replaced under a
    /// new name) or the file is back (deleted and uploaded again before the event arrived). Returns the brochure removed.
    /// </summary>
    public async Task<string?> RemoveIfFileGoneAsync(string blobName, CancellationToken cancellationToken)
    {
        var brochureId = BrochureId.FromFileName(blobName);
        var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
        if (existing is null || existing.FileName != blobName) return null;
        var blob = store.Storage.BrochureBlobs.GetBlobClient(blobName);
        if (await store.Storage.RunAsync(() => blob.ExistsAsync(cancellationToken), cancellationToken)) return null;
        if (!await store.DeleteBrochureAsync(brochureId, cancellationToken)) return null;
        readModel.Invalidate();
        logger.LogInformation("Brochure {BrochureId} removed: its file {FileName} was deleted", brochureId, blobName);
        return brochureId;
    }
}

/// <summary>What an upload did: stored the file (<see cref="Status"/>), or refused it because another file already is
/// that brochure (<see cref="Conflict"/>, the existing brochure).</summary>
public sealed record BrochureUploadOutcome(BrochureStatus? Status, BrochureStatus? Conflict);
