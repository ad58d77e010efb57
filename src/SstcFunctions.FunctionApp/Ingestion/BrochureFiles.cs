using System.Diagnostics;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using SstcFunctions.Core;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// The brochure files in the container and the brochures they become: upload (the blob trigger does the rest),
/// delete (file, records and index entries together), and the sweep for brochures whose file was deleted directly.
/// </summary>
public sealed class BrochureFiles(CatalogueStore store, CatalogueReadModel readModel, ILogger<BrochureFiles> logger)
{
    private static readonly long SweepIntervalTicks = 60 * Stopwatch.Frequency;
    private long _lastSweep = long.MinValue / 2;

    /// <summary>
    /// Stores the file under its name; the blob trigger ingests it. The brochure is marked pending first, so a status
    /// poll right after the 202 never reports the previous content as current.
    /// </summary>
    public async Task<BrochureStatus> UploadAsync(string fileName, byte[] pdf, CancellationToken cancellationToken)
    {
        var brochureId = BrochureId.FromFileName(fileName);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var existing = await store.GetBrochureAsync(brochureId, cancellationToken);
        var status = existing is { Status: BrochureStates.Succeeded } && existing.Sha256 == sha256 && existing.FileName == fileName
            ? existing // Same file again: the trigger will find it done and skip it.
            : await store.MarkPendingAsync(brochureId, fileName, pdf.LongLength, sha256, cancellationToken);
        var blob = store.Storage.BrochureBlobs.GetBlobClient(fileName);
        await store.Storage.RunAsync(() => blob.UploadAsync(new BinaryData(pdf), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
        }, cancellationToken), cancellationToken);
        logger.LogInformation("Brochure {BrochureId} uploaded as {FileName} ({Bytes} bytes)", brochureId, fileName, pdf.Length);
        return status;
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

    /// <summary>Removes brochures whose file is gone, at most once a minute per instance (called when listing).</summary>
    public async Task SweepIfDueAsync(CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < SweepIntervalTicks || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        var removed = await store.RemoveOrphansAsync(cancellationToken);
        if (removed.Count == 0) return;
        readModel.Invalidate();
        logger.LogInformation("Removed brochures whose file is gone: {BrochureIds}", string.Join(", ", removed));
    }
}
