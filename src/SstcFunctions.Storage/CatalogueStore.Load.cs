using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>The loader: the catalogue as of one version, re-reading only brochures whose generation changed.</summary>
public sealed partial class CatalogueStore
{
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
        // A brochure being deleted has left the catalogue already, though its rows are still being removed.
        rows.RemoveAll(row => row.GetString("Status") == BrochureStates.Deleting);
        rows.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        var read = new LoadTally();

        var projects = new IReadOnlyList<ProjectRecord>[rows.Count];
        var statuses = new BrochureStatus[rows.Count];
        var generations = new Dictionary<string, CatalogueContents.LoadedGeneration>(rows.Count, StringComparer.Ordinal);
        var toRead = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var generation = CurrentGeneration(rows[i]);
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
                var (row, list) = await LoadBrochureAsync(rows[i], read, ct);
                rows[i] = row;
                statuses[i] = ToStatus(row);
                projects[i] = list;
            });
        for (var i = 0; i < rows.Count; i++)
        {
            // Only a complete read is remembered; a brochure whose counts did not agree is read again next time.
            if (CurrentGeneration(rows[i]) is { } generation && projects[i].Count == (rows[i].GetInt32("CommittedProjectCount") ?? 0))
            {
                generations[rows[i].RowKey] = new CatalogueContents.LoadedGeneration(generation, projects[i]);
            }
        }
        return new CatalogueContents(version, statuses, projects.SelectMany(p => p).ToList())
        {
            Generations = generations,
            BrochuresRead = toRead.Count,
            SnapshotBytes = read.SnapshotBytes,
            TableReads = read.TableReads,
        };
    }

    /// <summary>The committed projects of one brochure in reading order (a single partition query).</summary>
    public Task<IReadOnlyList<ProjectRecord>> GetProjectsAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => GetProjectsCore(brochureId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<ProjectRecord>> GetProjectsCore(string brochureId, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(brochureId, cancellationToken);
        if (row is null) return [];
        return (await LoadBrochureAsync(row, new LoadTally(), cancellationToken)).Projects;
    }

    private static string? CurrentGeneration(TableEntity row) => row.GetString("Generation") is { Length: > 0 } generation ? generation : null;

    private async Task<(TableEntity Row, List<ProjectRecord> Projects)> LoadBrochureAsync(TableEntity row, LoadTally tally, CancellationToken cancellationToken)
    {
        // The row may switch to a newer generation (and the old one vanish) between reading the row and its projects;
        // re-read until the counts agree.
        for (var attempt = 0; ; attempt++)
        {
            var generation = CurrentGeneration(row);
            var expected = generation is null ? 0 : row.GetInt32("CommittedProjectCount") ?? 0;
            var list = generation is null || expected == 0 ? [] : await ReadGenerationAsync(row.RowKey, generation, expected, tally, cancellationToken);
            if (list.Count == expected || attempt == 3) return (row, list);
            var again = await GetRowAsync(row.RowKey, cancellationToken);
            if (again is null) return (row, []);
            row = again;
        }
    }

    /// <summary>One generation's records: from its snapshot blob (one GET) when there is a sound one, else from the table.</summary>
    private async Task<List<ProjectRecord>> ReadGenerationAsync(string brochureId, string generation, int expected, LoadTally tally, CancellationToken cancellationToken)
    {
        if (await snapshots.ReadAsync(brochureId, generation, expected, cancellationToken) is { } snapshot)
        {
            Interlocked.Add(ref tally.SnapshotBytes, snapshot.Bytes);
            return snapshot.Projects;
        }
        Interlocked.Increment(ref tally.TableReads);
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

    private sealed class LoadTally
    {
        public long SnapshotBytes;
        public int TableReads;
    }
}
