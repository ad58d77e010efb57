using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>
/// One compact blob per committed generation of a brochure: its records as gzip-compressed JSON, named
/// <c>{brochureId}/{generation}.json.gz</c>. Written before the brochure row points at the generation and, like the
/// generation's table rows, never modified afterwards, so the loader reads a brochure in one GET instead of a page of
/// table entities per 1,000 projects. A blob is trusted only when its records are the brochure's and as many as the
/// row says were committed; otherwise the loader falls back to the table rows (docs/storage.md).
/// </summary>
internal sealed class GenerationSnapshots(CatalogueStorage storage)
{
    public static string BlobName(string brochureId, string generation) => $"{brochureId}/{generation}.json.gz";

    public async Task WriteAsync(string brochureId, string generation, IReadOnlyList<ProjectRecord> projects, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, projects, RecordJson.Options, cancellationToken);
        }
        buffer.Position = 0;
        await storage.Snapshots.GetBlobClient(BlobName(brochureId, generation)).UploadAsync(buffer, overwrite: true, cancellationToken);
    }

    /// <summary>The generation's records and the compressed bytes read, or null when there is no trustworthy blob.</summary>
    public async Task<(List<ProjectRecord> Projects, long Bytes)?> ReadAsync(string brochureId, string generation, int expectedCount, CancellationToken cancellationToken)
    {
        try
        {
            var download = await storage.Snapshots.GetBlobClient(BlobName(brochureId, generation)).DownloadContentAsync(cancellationToken);
            var bytes = download.Value.Content.ToMemory();
            await using var gzip = new GZipStream(download.Value.Content.ToStream(), CompressionMode.Decompress);
            var projects = await JsonSerializer.DeserializeAsync<List<ProjectRecord>>(gzip, RecordJson.Options, cancellationToken);
            if (projects is null || projects.Count != expectedCount || projects.Any(p => p.BrochureId != brochureId)) return null;
            return (projects, bytes.Length);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // Written by a version before snapshots, or its commit crashed in between: the table has it.
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the brochure's snapshots below <paramref name="below"/> (all when null) except <paramref name="keep"/>.</summary>
    public async Task DeleteAsync(string brochureId, string? below, string? keep, CancellationToken cancellationToken)
    {
        await foreach (var blob in storage.Snapshots.GetBlobsAsync(BlobTraits.None, BlobStates.None, brochureId + "/", cancellationToken))
        {
            var generation = blob.Name[(brochureId.Length + 1)..].Split('.')[0];
            if (generation == keep || (below is not null && string.CompareOrdinal(generation, below) >= 0)) continue;
            await storage.Snapshots.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Deletes exactly one generation's snapshot (a commit that lost the race).</summary>
    public Task DeleteOneAsync(string brochureId, string generation, CancellationToken cancellationToken) =>
        storage.Snapshots.DeleteBlobIfExistsAsync(BlobName(brochureId, generation), DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
}
