using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>Commits: a new generation of a brochure's records, the switch of its row, and the clean-up of older generations.</summary>
public sealed partial class CatalogueStore
{
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
            await DeleteGenerationsAsync(commit.BrochureId, keep: generation, olderOnly: true, cancellationToken);
            await snapshots.DeleteAsync(commit.BrochureId, below: generation, keep: generation, cancellationToken);
        }
        else
        {
            // A run that started later committed first (or the brochure was deleted since this run began): its records
            // are the current ones, ours are already stale.
            await DeleteGenerationAsync(commit.BrochureId, generation, cancellationToken);
            await snapshots.DeleteOneAsync(commit.BrochureId, generation, cancellationToken);
        }
        return (await GetBrochureAsync(commit.BrochureId, cancellationToken))!;
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
        // The table rows and the snapshot blob hold the same records; both are in place before the row points at them.
        await Task.WhenAll(
            SubmitAsync(storage.Projects, projectEntities, TableTransactionActionType.UpsertReplace, cancellationToken),
            snapshots.WriteAsync(brochureId, generation, projects, cancellationToken));
    }

    private async Task<bool> SwitchAsync(BrochureCommit commit, string generation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await GetRowAsync(commit.BrochureId, cancellationToken);
            if (row?.GetString("Generation") is { Length: > 0 } current && string.CompareOrdinal(current, generation) > 0) return false;
            // A delete marked after this run began wins: everything below its stamp is being removed.
            if (row?.GetString("DeleteBelow") is { Length: > 0 } below && string.CompareOrdinal(generation, below) < 0) return false;

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
                await WriteRowAndBumpAsync(row is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag), cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Someone else changed (or removed) the row since we read it: look again.
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
}
