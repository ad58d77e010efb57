using System.Net;
using Azure;
using Azure.Data.Tables;

namespace SstcFunctions.Storage;

/// <summary>
/// Entity-group transactions: one partition each, at most 100 entities and well under 4 MiB (Azure's limits; Azurite
/// enforces neither), a few in flight at once rather than one round trip after another.
/// </summary>
internal static class TableBatches
{
    public const int MaxBatchEntities = 100;
    public const int MaxBatchChars = 1_500_000;

    public static async Task SubmitAsync(TableClient table, List<TableEntity> entities, TableTransactionActionType action, int maxParallel, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken };
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

    public static IEnumerable<List<TableEntity>> Batches(IEnumerable<TableEntity> entities)
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
}
