using System.Net;
using Azure;
using Azure.Data.Tables;

namespace SstcFunctions.Storage;

/// <summary>
/// Deletes in two steps, so a caller never waits for (or fails on) work proportional to a brochure's size: a mark
/// (one conditional write and the version bump: the catalogue hides the brochure at once) and a completion that
/// removes its records a bounded page at a time, run in the background and by the reconciler.
/// </summary>
public sealed partial class CatalogueStore
{
    /// <summary>Project entities removed per completion step: one query page, at most ten transactions.</summary>
    internal int DeletePageSize { get; set; } = 1000;
    // A pending row younger than this may be an upload whose blob is not written yet: reconciliation leaves it alone.
    private static readonly TimeSpan PendingGrace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Marks the brochure deleting: it leaves the catalogue at once (the version changes) and its status says
    /// <see cref="BrochureStates.Deleting"/> until <see cref="CompleteDeletionAsync"/> has removed everything. Every
    /// generation older than the mark's stamp is doomed; a commit that began before the mark loses its switch, an upload
    /// after it starts the brochure afresh. Null when there is no such brochure.
    /// </summary>
    public Task<BrochureStatus?> MarkDeletingAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(async () =>
        {
            while (true)
            {
                var row = await GetRowAsync(brochureId, cancellationToken);
                if (row is null) return null;
                if (row.GetString("Status") == BrochureStates.Deleting) return ToStatus(row);
                var mark = new TableEntity(CatalogueKeys.BrochurePartition, brochureId)
                {
                    ["Status"] = BrochureStates.Deleting,
                    ["DeleteBelow"] = CatalogueKeys.NewGeneration(),
                    ["Generation"] = "",
                    ["CommittedProjectCount"] = 0,
                    ["CompletedAt"] = null,
                };
                try
                {
                    await WriteRowAndBumpAsync(new TableTransactionAction(TableTransactionActionType.UpdateMerge, mark, row.ETag), cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
                {
                    continue; // Changed (or gone) since it was read: look again.
                }
                return await GetBrochureCore(brochureId, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>
    /// One bounded step of a marked deletion: removes up to <see cref="DeletePageSize"/> of the brochure's doomed project
    /// entities, or, when none is left, its snapshot blobs and then the row itself (unless the brochure was uploaded
    /// again since, which keeps the row). True when the deletion is complete (or there is none).
    /// </summary>
    public Task<bool> CompleteDeletionAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(async () =>
        {
            var row = await GetRowAsync(brochureId, cancellationToken);
            if (row?.GetString("DeleteBelow") is not { Length: > 0 } below) return true;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {brochureId} and RowKey lt {below}");
            var doomed = new List<TableEntity>();
            await foreach (var page in storage.Projects.QueryAsync<TableEntity>(filter, DeletePageSize, ["PartitionKey", "RowKey"], cancellationToken).AsPages())
            {
                doomed.AddRange(page.Values);
                break;
            }
            if (doomed.Count > 0)
            {
                await SubmitAsync(storage.Projects, doomed, TableTransactionActionType.Delete, cancellationToken);
                return false;
            }
            await snapshots.DeleteAsync(brochureId, below, keep: null, cancellationToken);
            try
            {
                if (row.GetString("Status") == BrochureStates.Deleting)
                {
                    await storage.Brochures.DeleteEntityAsync(CatalogueKeys.BrochurePartition, brochureId, row.ETag, cancellationToken);
                }
                else
                {
                    await storage.Brochures.UpdateEntityAsync(new TableEntity(CatalogueKeys.BrochurePartition, brochureId) { ["DeleteBelow"] = "" },
                        row.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                return true;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                return e.Status == (int)HttpStatusCode.NotFound; // Changed meanwhile: the next step looks again.
            }
        }, cancellationToken);

    /// <summary>Brochures marked deleting whose removal has not completed.</summary>
    public Task<IReadOnlyList<string>> ListDeletionsAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync<IReadOnlyList<string>>(async () =>
        {
            var ids = new List<string>();
            await foreach (var row in QueryBrochureRowsAsync(cancellationToken))
            {
                if (row.GetString("DeleteBelow") is { Length: > 0 }) ids.Add(row.RowKey);
            }
            return ids;
        }, cancellationToken);

    /// <summary>
    /// Marks the brochure deleting and completes the deletion step by step (for background callers: the reconciler,
    /// tests). False when there was no such brochure.
    /// </summary>
    public async Task<bool> DeleteBrochureAsync(string brochureId, CancellationToken cancellationToken = default)
    {
        if (await MarkDeletingAsync(brochureId, cancellationToken) is null) return false;
        while (!await CompleteDeletionAsync(brochureId, cancellationToken))
        {
        }
        return true;
    }

    /// <summary>
    /// Marks deleting the brochures whose file is no longer in the container (the blob trigger never sees deletes);
    /// the caller completes the deletions. Returns the ids marked.
    /// </summary>
    public Task<IReadOnlyList<string>> RemoveOrphansAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => RemoveOrphansCore(cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<string>> RemoveOrphansCore(CancellationToken cancellationToken)
    {
        var blobs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.BrochureBlobs.GetBlobsAsync(cancellationToken: cancellationToken)) blobs.Add(blob.Name);
        var removed = new List<string>();
        await foreach (var row in QueryBrochureRowsAsync(cancellationToken))
        {
            var fileName = row.GetString("FileName") ?? "";
            if (blobs.Contains(fileName) || row.GetString("Status") == BrochureStates.Deleting) continue;
            var pendingSince = row.GetDateTimeOffset("UploadedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue;
            if (row.GetString("Status") == BrochureStates.Pending && DateTimeOffset.UtcNow - pendingSince < PendingGrace) continue;
            if (await MarkDeletingAsync(row.RowKey, cancellationToken) is not null) removed.Add(row.RowKey);
        }
        return removed;
    }
}
