using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>The brochure status rows: what GET /api/brochures/{id} reports, and the marks a running ingestion leaves.</summary>
public sealed partial class CatalogueStore
{
    public Task<BrochureStatus?> GetBrochureAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => GetBrochureCore(brochureId, cancellationToken), cancellationToken);

    private async Task<BrochureStatus?> GetBrochureCore(string brochureId, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(brochureId, cancellationToken);
        return row is null ? null : ToStatus(row);
    }

    public Task<IReadOnlyList<BrochureStatus>> ListBrochuresAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => ListBrochuresCore(cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<BrochureStatus>> ListBrochuresCore(CancellationToken cancellationToken)
    {
        var rows = new List<BrochureStatus>();
        await foreach (var row in QueryBrochureRowsAsync(cancellationToken)) rows.Add(ToStatus(row));
        return rows;
    }

    /// <summary>Records that a file for the brochure arrived; the previous records stay served until the new ones commit.</summary>
    public Task<BrochureStatus> MarkPendingAsync(string brochureId, string fileName, long sizeBytes, string sha256, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => MarkPendingCore(brochureId, fileName, sizeBytes, sha256, cancellationToken), cancellationToken);

    private async Task<BrochureStatus> MarkPendingCore(string brochureId, string fileName, long sizeBytes, string sha256, CancellationToken cancellationToken)
    {
        var entity = PendingRow(brochureId, fileName, sizeBytes, sha256);
        // Merge keeps the committed generation and its counts: the old records are still what readers get.
        // No version bump: status alone does not change what the project read model serves.
        await storage.Brochures.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        return (await GetBrochureAsync(brochureId, cancellationToken))!;
    }

    /// <summary>The status columns of a brochure whose file just arrived (merged over the row: its generation stays).</summary>
    private static TableEntity PendingRow(string brochureId, string fileName, long sizeBytes, string sha256)
    {
        var now = DateTimeOffset.UtcNow;
        var entity = new TableEntity(CatalogueKeys.BrochurePartition, brochureId)
        {
            ["FileName"] = fileName,
            ["Status"] = BrochureStates.Pending,
            ["SizeBytes"] = sizeBytes,
            ["Sha256"] = sha256,
            ["UploadedAt"] = now,
            ["StartedAt"] = now,
            ["CompletedAt"] = null,
        };
        ChunkedText.Write(entity, "Error", null);
        entity["Retry"] = "";
        return entity;
    }

    /// <summary>
    /// Marks the brochure pending for a file just stored, unless its row already records this very content (the blob
    /// trigger may have started, or even finished, before the uploader gets here): then the row is left as it is.
    /// </summary>
    public Task<BrochureStatus> MarkPendingUnlessRecordedAsync(string brochureId, string fileName, long sizeBytes, string sha256, CancellationToken cancellationToken = default) =>
        storage.RunAsync(async () =>
        {
            while (true)
            {
                var row = await GetRowAsync(brochureId, cancellationToken);
                if (row is not null && row.GetString("Sha256") == sha256 && row.GetString("FileName") == fileName
                    && row.GetString("Status") != BrochureStates.Deleting) return ToStatus(row);
                var entity = PendingRow(brochureId, fileName, sizeBytes, sha256);
                try
                {
                    if (row is null) await storage.Brochures.AddEntityAsync(entity, cancellationToken);
                    else await storage.Brochures.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Merge, cancellationToken);
                    return (await GetBrochureAsync(brochureId, cancellationToken))!;
                }
                catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
                {
                    // The trigger changed the row meanwhile: look again.
                }
            }
        }, cancellationToken);

    /// <summary>A failure that may heal (storage trouble): status failed with the reason, committed records kept.</summary>
    /// <param name="retry">Set when the failure will be retried, and why (read back as <see cref="BrochureStatus.Retry"/>).</param>
    public Task MarkFailedAsync(string brochureId, string fileName, string reason, RetryCause? retry = null, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => MarkFailedCore(brochureId, fileName, reason, retry, cancellationToken), cancellationToken);

    private async Task MarkFailedCore(string brochureId, string fileName, string reason, RetryCause? retry, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(CatalogueKeys.BrochurePartition, brochureId)
        {
            ["FileName"] = fileName,
            ["Status"] = BrochureStates.Failed,
            ["CompletedAt"] = DateTimeOffset.UtcNow,
        };
        ChunkedText.Write(entity, "Error", reason);
        entity["Retry"] = retry?.ToString() ?? "";
        // No version bump: status alone does not change what the project read model serves.
        await storage.Brochures.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// A running ingestion's heartbeat: touches the brochure row (its timestamp moves), so a row that stops moving means
    /// the process running it is gone. Never recreates a row deleted meanwhile.
    /// </summary>
    public Task TouchAsync(string brochureId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        storage.RunAsync(async () =>
        {
            try
            {
                await storage.Brochures.UpdateEntityAsync(new TableEntity(CatalogueKeys.BrochurePartition, brochureId) { ["HeartbeatAt"] = now },
                    ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
            {
            }
        }, cancellationToken);

    /// <summary>
    /// Claims a stalled brochure for a recovery run: an ETag-conditional merge on the row as it was seen at
    /// <paramref name="seenUpdatedAt"/>, so among several instances sweeping at once exactly one wins, and the row's
    /// clock restarts. Counts the claims made for the row's current content (SHA-256), replaced by the next commit.
    /// Returns that count, or null when the row is gone, changed since it was seen, or another instance claimed it.
    /// </summary>
    public Task<int?> TryClaimStalledAsync(string brochureId, DateTimeOffset? seenUpdatedAt, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => TryClaimStalledCore(brochureId, seenUpdatedAt, cancellationToken), cancellationToken);

    private async Task<int?> TryClaimStalledCore(string brochureId, DateTimeOffset? seenUpdatedAt, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(brochureId, cancellationToken);
        if (row is null || row.Timestamp != seenUpdatedAt) return null;
        var sha256 = row.GetString("Sha256");
        var attempts = (row.GetString("RecoveryOf") == sha256 ? row.GetInt32("RecoveryAttempts") ?? 0 : 0) + 1;
        var claim = new TableEntity(CatalogueKeys.BrochurePartition, brochureId)
        {
            ["RecoveryAttempts"] = attempts,
            ["RecoveryOf"] = sha256,
            ["RecoveryClaimedAt"] = DateTimeOffset.UtcNow,
        };
        try
        {
            await storage.Brochures.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return attempts;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<TableEntity?> GetRowAsync(string brochureId, CancellationToken cancellationToken)
    {
        var response = await storage.Brochures.GetEntityIfExistsAsync<TableEntity>(CatalogueKeys.BrochurePartition, brochureId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private IAsyncEnumerable<TableEntity> QueryBrochureRowsAsync(CancellationToken cancellationToken) =>
        storage.Brochures.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {CatalogueKeys.BrochurePartition} and RowKey ne {CatalogueKeys.VersionRow}"), cancellationToken: cancellationToken);

    private static ProjectRecord ReadProject(TableEntity entity)
    {
        var json = ChunkedText.Read(entity, "Json") ?? throw new InvalidDataException($"Project {entity.PartitionKey}/{entity.RowKey} has no JSON.");
        return JsonSerializer.Deserialize<ProjectRecord>(json, RecordJson.Options)
            ?? throw new InvalidDataException($"Project {entity.PartitionKey}/{entity.RowKey} is null.");
    }

    private static BrochureStatus ToStatus(TableEntity row)
    {
        var warnings = ChunkedText.Read(row, "Warnings");
        return new BrochureStatus
        {
            Id = row.RowKey,
            FileName = row.GetString("FileName") ?? row.RowKey,
            Status = row.GetString("Status") ?? BrochureStates.Pending,
            SizeBytes = row.GetInt64("SizeBytes"),
            Sha256 = row.GetString("Sha256"),
            Title = row.GetString("Title"),
            Biennium = row.GetString("Biennium"),
            Language = row.GetString("Language"),
            PageCount = row.GetInt32("PageCount"),
            ProjectCount = row.GetInt32("ProjectCount"),
            StatedProjectCount = row.GetInt32("StatedProjectCount"),
            StatedCountryCount = row.GetInt32("StatedCountryCount"),
            Warnings = warnings is null ? [] : JsonSerializer.Deserialize<List<string>>(warnings, RecordJson.Options) ?? [],
            Error = ChunkedText.Read(row, "Error"),
            Retry = Enum.TryParse<RetryCause>(row.GetString("Retry"), out var retry) ? retry : null,
            UploadedAt = row.GetDateTimeOffset("UploadedAt"),
            StartedAt = row.GetDateTimeOffset("StartedAt"),
            CompletedAt = row.GetDateTimeOffset("CompletedAt"),
            UpdatedAt = row.Timestamp,
        };
    }
}
