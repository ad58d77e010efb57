using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>
/// Reads and writes the catalogue tables. Each ingestion writes a new generation of project entities, then switches
/// the brochure row to it and deletes older generations, so readers and overlapping runs never see a mix. The switch
/// is one ETag-conditional write that only a newer generation can win; a winner deletes only generations older than
/// its own, a loser only its own (after its last write), so no run deletes rows another run is still writing and
/// relies on.
/// </summary>
public sealed class CatalogueStore(CatalogueStorage storage)
{
    // Azure rejects a transaction over 100 entities or 4 MiB of payload; Azurite enforces neither.
    internal const int MaxBatchEntities = 100;
    internal const int MaxBatchChars = 1_500_000;
    // A pending row younger than this may be an upload whose blob is not written yet: reconciliation leaves it alone.
    private static readonly TimeSpan PendingGrace = TimeSpan.FromMinutes(15);

    public CatalogueStorage Storage => storage;

    /// <summary>
    /// Entity-group transactions in flight at once when a generation needs several (over 100 projects or ~1.5 M
    /// characters). Each transaction holds one partition and at most 100 entities.
    /// </summary>
    internal int MaxParallelBatches { get; set; } = 8;

    /// <summary>
    /// Raised as soon as this instance changed what the catalogue serves (a brochure switched generation or was
    /// deleted), before clean-up finishes, so an in-process read model never serves records older than a status poll.
    /// </summary>
    public event Action? Changed;

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
        // Merge keeps the committed generation and its counts: the old records are still what readers get.
        // No version bump: status alone does not change what the project read model serves.
        await storage.Brochures.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        return (await GetBrochureAsync(brochureId, cancellationToken))!;
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
                if (row is not null && row.GetString("Sha256") == sha256 && row.GetString("FileName") == fileName) return ToStatus(row);
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

    /// <summary>
    /// Writes the commit's records as a new generation, points the brochure row at it (unless a newer run already
    /// did), and deletes every older generation. Safe to run twice or concurrently.
    /// </summary>
    public Task<BrochureStatus> CommitAsync(BrochureCommit commit, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => CommitCore(commit, cancellationToken), cancellationToken);

    private async Task<BrochureStatus> CommitCore(BrochureCommit commit, CancellationToken cancellationToken)
    {
        var generation = CatalogueKeys.NewGeneration();
        var projects = commit.Result?.Projects ?? [];
        await WriteGenerationAsync(commit.BrochureId, generation, projects, cancellationToken);

        var switched = await SwitchAsync(commit, generation, cancellationToken);
        if (switched)
        {
            Changed?.Invoke();
            await BumpVersionAsync(cancellationToken);
            await DeleteGenerationsAsync(commit.BrochureId, keep: generation, olderOnly: true, cancellationToken);
        }
        else
        {
            // A run that started later committed first: its records are the current ones, ours are already stale.
            await DeleteGenerationAsync(commit.BrochureId, generation, cancellationToken);
        }
        return (await GetBrochureAsync(commit.BrochureId, cancellationToken))!;
    }

    /// <summary>Removes the brochure row and every generation of its projects. False when absent.</summary>
    public Task<bool> DeleteBrochureAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => DeleteBrochureCore(brochureId, cancellationToken), cancellationToken);

    private async Task<bool> DeleteBrochureCore(string brochureId, CancellationToken cancellationToken)
    {
        var existed = await GetRowAsync(brochureId, cancellationToken) is not null;
        try
        {
            if (existed) await storage.Brochures.DeleteEntityAsync(CatalogueKeys.BrochurePartition, brochureId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            existed = false; // Deleted by someone else in between.
        }
        if (existed) await BumpVersionAsync(cancellationToken);
        // Also sweep when the row was already gone: a crashed delete or ingestion may have left entities behind.
        var removedAny = await DeleteGenerationsAsync(brochureId, keep: null, olderOnly: false, cancellationToken);
        return existed || removedAny;
    }

    /// <summary>
    /// Deletes brochures whose file is no longer in the container (the blob trigger never sees deletes).
    /// Returns the ids removed.
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
            if (blobs.Contains(fileName)) continue;
            var pendingSince = row.GetDateTimeOffset("UploadedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue;
            if (row.GetString("Status") == BrochureStates.Pending && DateTimeOffset.UtcNow - pendingSince < PendingGrace) continue;
            if (await DeleteBrochureAsync(row.RowKey, cancellationToken)) removed.Add(row.RowKey);
        }
        return removed;
    }

    /// <summary>Something else the read model serves changed (a correction): bump the version so every instance reloads.</summary>
    public Task NotifyChangedAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => BumpVersionAsync(cancellationToken), cancellationToken);

    /// <summary>A cheap stamp that changes whenever any brochure's records or status change.</summary>
    public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => GetVersionCore(cancellationToken), cancellationToken);

    private async Task<string> GetVersionCore(CancellationToken cancellationToken)
    {
        var response = await storage.Brochures.GetEntityIfExistsAsync<TableEntity>(
            CatalogueKeys.CataloguePartition, CatalogueKeys.VersionRow, ["Version"], cancellationToken);
        return response.HasValue ? response.Value!.GetString("Version") ?? "0" : "0";
    }

    /// <summary>The whole catalogue as of the returned version, via one partition query per brochure.</summary>
    public Task<CatalogueContents> LoadAsync(CancellationToken cancellationToken = default) =>
        LoadAsync(previous: null, cancellationToken);

    /// <summary>
    /// The whole catalogue as of the returned version. A brochure whose row still points at the generation it had in
    /// <paramref name="previous"/> keeps that load's records (a generation is never modified once the row points at
    /// it), so after one ingestion a reload costs the brochure-row query plus one range query for that brochure.
    /// </summary>
    public Task<CatalogueContents> LoadAsync(CatalogueContents? previous, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => LoadCore(previous, cancellationToken), cancellationToken);

    private async Task<CatalogueContents> LoadCore(CatalogueContents? previous, CancellationToken cancellationToken)
    {
        // Read the stamp first: a change during the load then shows up as a newer stamp at the next check.
        var version = await GetVersionCore(cancellationToken);
        var rows = new List<TableEntity>();
        await foreach (var row in QueryBrochureRowsAsync(cancellationToken)) rows.Add(row);
        rows.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));

        var projects = new IReadOnlyList<ProjectRecord>[rows.Count];
        var statuses = new BrochureStatus[rows.Count];
        var generations = new Dictionary<string, CatalogueContents.LoadedGeneration>(rows.Count, StringComparer.Ordinal);
        var toRead = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var generation = rows[i].GetString("Generation");
            if (generation is not null && previous?.Generations.TryGetValue(rows[i].RowKey, out var known) == true && known.Generation == generation)
            {
                statuses[i] = ToStatus(rows[i]);
                projects[i] = known.Projects;
            }
            else
            {
                toRead.Add(i);
            }
        }
        await Parallel.ForEachAsync(toRead, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (row, list) = await LoadBrochureAsync(rows[i], ct);
                rows[i] = row;
                statuses[i] = ToStatus(row);
                projects[i] = list;
            });
        for (var i = 0; i < rows.Count; i++)
        {
            // Only a complete read is remembered; a brochure whose counts did not agree is read again next time.
            if (rows[i].GetString("Generation") is { } generation && projects[i].Count == (rows[i].GetInt32("CommittedProjectCount") ?? 0))
            {
                generations[rows[i].RowKey] = new CatalogueContents.LoadedGeneration(generation, projects[i]);
            }
        }
        return new CatalogueContents(version, statuses, projects.SelectMany(p => p).ToList()) { Generations = generations };
    }

    /// <summary>The committed projects of one brochure in reading order (a single partition query).</summary>
    public Task<IReadOnlyList<ProjectRecord>> GetProjectsAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => GetProjectsCore(brochureId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<ProjectRecord>> GetProjectsCore(string brochureId, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(brochureId, cancellationToken);
        if (row is null) return [];
        return (await LoadBrochureAsync(row, cancellationToken)).Projects;
    }

    private async Task<(TableEntity Row, List<ProjectRecord> Projects)> LoadBrochureAsync(TableEntity row, CancellationToken cancellationToken)
    {
        // The row may switch to a newer generation (and the old one vanish) between reading the row and its projects;
        // re-read until the counts agree.
        for (var attempt = 0; ; attempt++)
        {
            var generation = row.GetString("Generation");
            var list = generation is null ? [] : await ReadGenerationAsync(row.RowKey, generation, cancellationToken);
            var expected = generation is null ? 0 : row.GetInt32("CommittedProjectCount") ?? 0;
            if (list.Count == expected || attempt == 3) return (row, list);
            var again = await GetRowAsync(row.RowKey, cancellationToken);
            if (again is null) return (row, []);
            row = again;
        }
    }

    private async Task<List<ProjectRecord>> ReadGenerationAsync(string brochureId, string generation, CancellationToken cancellationToken)
    {
        var (from, to) = CatalogueKeys.GenerationRange(generation);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {brochureId} and RowKey ge {from} and RowKey lt {to}");
        var list = new List<ProjectRecord>();
        await foreach (var entity in storage.Projects.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ReadProject(entity));
        }
        list.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        return list;
    }

    private async Task WriteGenerationAsync(string brochureId, string generation, IReadOnlyList<ProjectRecord> projects, CancellationToken cancellationToken)
    {
        var projectEntities = new List<TableEntity>(projects.Count);
        foreach (var project in projects)
        {
            var entity = new TableEntity(brochureId, CatalogueKeys.ProjectRow(generation, project.Ordinal))
            {
                ["ProjectId"] = project.Id,
                ["Ordinal"] = project.Ordinal,
                ["Generation"] = generation,
            };
            ChunkedText.Write(entity, "Json", JsonSerializer.Serialize(project, RecordJson.Options));
            projectEntities.Add(entity);
        }
        await SubmitAsync(storage.Projects, projectEntities, TableTransactionActionType.UpsertReplace, cancellationToken);
    }

    private async Task<bool> SwitchAsync(BrochureCommit commit, string generation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await GetRowAsync(commit.BrochureId, cancellationToken);
            if (row?.GetString("Generation") is { } current && string.CompareOrdinal(current, generation) > 0) return false;

            var now = DateTimeOffset.UtcNow;
            var result = commit.Result;
            var entity = new TableEntity(CatalogueKeys.BrochurePartition, commit.BrochureId)
            {
                ["FileName"] = commit.FileName,
                ["Status"] = commit.FailureReason is null ? BrochureStates.Succeeded : BrochureStates.Failed,
                ["SizeBytes"] = commit.SizeBytes,
                ["Sha256"] = commit.Sha256,
                ["Title"] = result?.Brochure.Title,
                ["Biennium"] = result?.Brochure.Biennium,
                ["Language"] = result?.Brochure.Language,
                ["PageCount"] = result?.Brochure.PageCount,
                ["ProjectCount"] = result?.Projects.Count,
                ["StatedProjectCount"] = result?.Brochure.StatedProjectCount,
                ["StatedCountryCount"] = result?.Brochure.StatedCountryCount,
                ["CommittedProjectCount"] = result?.Projects.Count ?? 0,
                ["UploadedAt"] = row?.GetDateTimeOffset("UploadedAt") ?? commit.StartedAt ?? now,
                ["StartedAt"] = commit.StartedAt ?? now,
                ["CompletedAt"] = now,
                ["Generation"] = generation,
            };
            ChunkedText.Write(entity, "Warnings", result is null ? null : JsonSerializer.Serialize(result.Warnings, RecordJson.Options));
            ChunkedText.Write(entity, "Error", commit.FailureReason);
            entity["Retry"] = "";
            try
            {
                if (row is null) await storage.Brochures.AddEntityAsync(entity, cancellationToken);
                else await storage.Brochures.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Someone else changed the row since we read it: look again.
            }
        }
    }

    /// <summary>Deletes generations other than <paramref name="keep"/> (only older ones when <paramref name="olderOnly"/>).</summary>
    private async Task<bool> DeleteGenerationsAsync(string brochureId, string? keep, bool olderOnly, CancellationToken cancellationToken)
    {
        // Generation ids have a fixed length, so "older than keep" is the row range below keep's first row: the
        // commit's own (just written) generation is not read back.
        var filter = olderOnly && keep is not null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {brochureId} and RowKey lt {CatalogueKeys.GenerationRange(keep).From}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {brochureId}");
        var doomed = new List<TableEntity>();
        await foreach (var entity in storage.Projects.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var generation = CatalogueKeys.GenerationOf(entity.RowKey);
            if (generation == keep) continue;
            if (olderOnly && keep is not null && string.CompareOrdinal(generation, keep) > 0) continue;
            doomed.Add(entity);
        }
        await SubmitAsync(storage.Projects, doomed, TableTransactionActionType.Delete, cancellationToken);
        return doomed.Count > 0;
    }

    private async Task DeleteGenerationAsync(string brochureId, string generation, CancellationToken cancellationToken)
    {
        var (from, to) = CatalogueKeys.GenerationRange(generation);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {brochureId} and RowKey ge {from} and RowKey lt {to}");
        var doomed = new List<TableEntity>();
        await foreach (var entity in storage.Projects.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) doomed.Add(entity);
        await SubmitAsync(storage.Projects, doomed, TableTransactionActionType.Delete, cancellationToken);
    }

    /// <summary>
    /// Entity group transactions: one partition each, at most 100 entities and well under 4 MiB; a large brochure's
    /// batches go out a few at a time rather than one round trip after another.
    /// </summary>
    private async Task SubmitAsync(TableClient table, List<TableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Batches(entities), options, async (batch, ct) =>
        {
            var actions = batch.Select(e => new TableTransactionAction(action, e, ETag.All)).ToList();
            try
            {
                await table.SubmitTransactionAsync(actions, ct);
            }
            catch (TableTransactionFailedException e) when (action == TableTransactionActionType.Delete && e.Status == (int)HttpStatusCode.NotFound)
            {
                // An overlapping cleanup deleted some of them already; delete the rest one by one.
                foreach (var entity in batch)
                {
                    try
                    {
                        await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, ct);
                    }
                    catch (RequestFailedException gone) when (gone.Status == (int)HttpStatusCode.NotFound)
                    {
                    }
                }
            }
        });
    }

    internal static IEnumerable<List<TableEntity>> Batches(IEnumerable<TableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableEntity>();
            var chars = 0;
            foreach (var entity in partition)
            {
                var size = EstimateChars(entity);
                if (batch.Count > 0 && (batch.Count == MaxBatchEntities || chars + size > MaxBatchChars))
                {
                    yield return batch;
                    batch = [];
                    chars = 0;
                }
                batch.Add(entity);
                chars += size;
            }
            if (batch.Count > 0) yield return batch;
        }
    }

    private static int EstimateChars(TableEntity entity)
    {
        var chars = entity.PartitionKey.Length + entity.RowKey.Length;
        foreach (var (key, value) in entity) chars += key.Length + (value is string s ? s.Length : 32);
        return chars;
    }

    private async Task BumpVersionAsync(CancellationToken cancellationToken)
    {
        var entity = new TableEntity(CatalogueKeys.CataloguePartition, CatalogueKeys.VersionRow)
        {
            ["Version"] = CatalogueKeys.NewGeneration(),
        };
        await storage.Brochures.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        Changed?.Invoke();
    }

    private async Task<TableEntity?> GetRowAsync(string brochureId, CancellationToken cancellationToken)
    {
        var response = await storage.Brochures.GetEntityIfExistsAsync<TableEntity>(CatalogueKeys.BrochurePartition, brochureId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private IAsyncEnumerable<TableEntity> QueryBrochureRowsAsync(CancellationToken cancellationToken) =>
        storage.Brochures.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CatalogueKeys.BrochurePartition}"), cancellationToken: cancellationToken);

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
