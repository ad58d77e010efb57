using Azure;
using Azure.Storage.Blobs.Models;
using SstcFunctions.Core;

namespace SstcFunctions.Storage;

/// <summary>
/// The brochure files (PDFs) in the container the blob trigger watches: the only code that touches their blobs, so
/// callers get files, never clients.
/// </summary>
public sealed class BrochureFileStore
{
    private const int UploadBlockBytes = 4 * 1024 * 1024;
    private readonly CatalogueStorage storage;

    internal BrochureFileStore(CatalogueStorage storage) => this.storage = storage;

    /// <summary>Stores the file under its name, streamed in 4 MiB blocks one at a time: memory per upload is one block.</summary>
    public Task UploadAsync(string fileName, Stream pdf, CancellationToken cancellationToken) =>
        storage.RunAsync(() => storage.BrochureBlobs.GetBlobClient(fileName).UploadAsync(pdf, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            TransferOptions = new Azure.Storage.StorageTransferOptions
            {
                MaximumConcurrency = 1,
                InitialTransferSize = UploadBlockBytes,
                MaximumTransferSize = UploadBlockBytes,
            },
        }, cancellationToken), cancellationToken);

    /// <summary>Deletes one file; false when it was not there.</summary>
    public Task<bool> DeleteAsync(string fileName, CancellationToken cancellationToken) =>
        storage.RunAsync(async () => (await storage.BrochureBlobs.DeleteBlobIfExistsAsync(fileName, DeleteSnapshotsOption.IncludeSnapshots,
            cancellationToken: cancellationToken)).Value, cancellationToken);

    /// <summary>Deletes every file whose name maps to the brochure id, and the recorded file name. True when any was there.</summary>
    public Task<bool> DeleteAllOfAsync(string brochureId, string? recordedFileName, CancellationToken cancellationToken) =>
        storage.RunAsync(async () =>
        {
            var removedFile = false;
            await foreach (var blob in storage.BrochureBlobs.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (BrochureId.FromFileName(blob.Name) != brochureId && blob.Name != recordedFileName) continue;
                try
                {
                    await storage.BrochureBlobs.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                    removedFile = true;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                }
            }
            return removedFile;
        }, cancellationToken);

    public Task<bool> ExistsAsync(string fileName, CancellationToken cancellationToken) =>
        storage.RunAsync(async () => (await storage.BrochureBlobs.GetBlobClient(fileName).ExistsAsync(cancellationToken)).Value, cancellationToken);

    /// <summary>
    /// The file's properties and a seekable stream over it that downloads only what is read, pinned to the version whose
    /// ETag is returned (a replacement mid-download fails the read, never mixes files). Null when the file is gone.
    /// </summary>
    public Task<BrochureFile?> OpenReadAsync(string fileName, CancellationToken cancellationToken) =>
        storage.RunAsync<BrochureFile?>(async () =>
        {
            var blob = storage.BrochureBlobs.GetBlobClient(fileName);
            try
            {
                var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
                {
                    Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
                }, cancellationToken);
                return new BrochureFile(content, properties.ETag.ToString("H"), properties.LastModified);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>The whole file as a stream (the caller disposes it); null when the file is gone.</summary>
    public Task<Stream?> DownloadAsync(string fileName, CancellationToken cancellationToken) =>
        storage.RunAsync<Stream?>(async () =>
        {
            try
            {
                return (await storage.BrochureBlobs.GetBlobClient(fileName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }, cancellationToken);
}

/// <summary>A brochure file opened for reading: its content (read on demand), entity tag (quoted) and last change.</summary>
public sealed record BrochureFile(Stream Content, string ETag, DateTimeOffset LastModified);
