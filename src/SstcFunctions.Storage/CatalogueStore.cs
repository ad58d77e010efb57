using Azure.Data.Tables;

namespace SstcFunctions.Storage;

/// <summary>
/// Reads and writes the catalogue: the one storage boundary for tables and blobs. Each ingestion writes a new
/// generation of project entities (and its snapshot blob), then switches the brochure row to it and deletes older
/// generations, so readers and overlapping runs never see a mix. The switch is one ETag-conditional write that only a
/// newer generation can win; a winner deletes only generations older than its own, a loser only its own (after its
/// last write), so no run deletes rows another run is still writing and relies on. The class is split by seam:
/// status rows (<c>CatalogueStore.Status.cs</c>), commits (<c>.Commit.cs</c>), deletes and orphans
/// (<c>.Deletes.cs</c>), the loader (<c>.Load.cs</c>), batching (<see cref="TableBatches"/>), snapshot blobs
/// (<see cref="GenerationSnapshots"/>) and brochure files (<see cref="BrochureFileStore"/>).
/// </summary>
public sealed partial class CatalogueStore
{
    internal const int MaxBatchEntities = TableBatches.MaxBatchEntities;
    internal const int MaxBatchChars = TableBatches.MaxBatchChars;

    private readonly CatalogueStorage storage;
    private readonly GenerationSnapshots snapshots;

    public CatalogueStore(CatalogueStorage storage)
    {
        this.storage = storage;
        snapshots = new GenerationSnapshots(storage);
        Files = new BrochureFileStore(storage);
    }

    /// <summary>The raw clients, for tests that arrange or inspect storage; production code goes through this class.</summary>
    public CatalogueStorage Storage => storage;

    public CatalogueStorageOptions Options => storage.Options;

    /// <summary>The brochure files (PDFs) in the container the blob trigger watches.</summary>
    public BrochureFileStore Files { get; }

    /// <summary>
    /// Entity-group transactions in flight at once when a generation needs several (over 100 projects or ~1.5 M
    /// characters). Each transaction holds one partition and at most 100 entities.
    /// </summary>
    internal int MaxParallelBatches { get; set; } = 8;

    /// <summary>
    /// Raised as soon as this instance changed what the catalogue serves (a brochure switched generation or was marked
    /// deleting, together with the version stamp), before clean-up finishes, so an in-process read model never serves
    /// records older than a status poll.
    /// </summary>
    public event Action? Changed;

    internal static IEnumerable<List<TableEntity>> Batches(IEnumerable<TableEntity> entities) => TableBatches.Batches(entities);

    /// <summary>Something else the read model serves changed (a correction): bump the version so every instance reloads.</summary>
    public Task NotifyChangedAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => BumpVersionAsync(cancellationToken), cancellationToken);

    /// <summary>A cheap stamp that changes whenever any brochure's records or status change.</summary>
    public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => GetVersionCore(cancellationToken), cancellationToken);

    private async Task<string> GetVersionCore(CancellationToken cancellationToken)
    {
        var response = await storage.Brochures.GetEntityIfExistsAsync<TableEntity>(
            CatalogueKeys.BrochurePartition, CatalogueKeys.VersionRow, ["Version"], cancellationToken);
        return response.HasValue ? response.Value!.GetString("Version") ?? "0" : "0";
    }

    private async Task BumpVersionAsync(CancellationToken cancellationToken)
    {
        await storage.Brochures.SubmitTransactionAsync([BumpVersion()], cancellationToken);
        Changed?.Invoke();
    }

    /// <summary>
    /// A brochure row's change and the version bump, in one transaction: no reader sees the new status with the old
    /// stamp (or the reverse), and this instance's read model reloads once, after both. Conflict or precondition
    /// failures of the row surface as <see cref="Azure.RequestFailedException"/> (409, 412, 404), nothing written.
    /// </summary>
    private async Task WriteRowAndBumpAsync(TableTransactionAction row, CancellationToken cancellationToken)
    {
        await storage.Brochures.SubmitTransactionAsync([row, BumpVersion()], cancellationToken);
        Changed?.Invoke();
    }

    private static TableTransactionAction BumpVersion() => new(TableTransactionActionType.UpsertReplace,
        new TableEntity(CatalogueKeys.BrochurePartition, CatalogueKeys.VersionRow) { ["Version"] = CatalogueKeys.NewGeneration() });

    private Task SubmitAsync(TableClient table, List<TableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(table, entities, action, MaxParallelBatches, cancellationToken);
}
