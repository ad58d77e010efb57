using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace SstcFunctions.Storage;

/// <summary>
/// The storage account clients and the lazily created tables and container. Clients are plain HTTP pipelines with no
/// connection state, so one instance survives a storage outage; only a successful "create if not exists" is remembered.
/// </summary>
public sealed class CatalogueStorage
{
    private readonly SemaphoreSlim _ensureLock = new(1, 1);
    private volatile bool _ensured;

    /// <summary>The clients the app registers with <c>AddAzureClients</c> (connection string locally, identity in Azure).</summary>
    public CatalogueStorage(TableServiceClient tables, BlobServiceClient blobs, CatalogueStorageOptions? options = null)
    {
        Options = options ?? new CatalogueStorageOptions();
        Brochures = tables.GetTableClient(Options.BrochuresTable);
        Projects = tables.GetTableClient(Options.ProjectsTable);
        Corrections = tables.GetTableClient(Options.CorrectionsTable);
        BrochureBlobs = blobs.GetBlobContainerClient(Options.BrochureContainer);
        Snapshots = blobs.GetBlobContainerClient(Options.SnapshotContainerName);
    }

    /// <summary>Clients of their own from a connection string (tests, tools), with the app's retry settings.</summary>
    public CatalogueStorage(string connectionString, CatalogueStorageOptions? options = null)
        : this(new TableServiceClient(connectionString, WithRetry(new TableClientOptions())), new BlobServiceClient(connectionString, WithRetry(new BlobClientOptions())), options)
    {
    }

    private static T WithRetry<T>(T options) where T : ClientOptions
    {
        ConfigureRetry(options.Retry);
        return options;
    }

    public CatalogueStorageOptions Options { get; }
    public TableClient Brochures { get; }
    public TableClient Projects { get; }
    public TableClient Corrections { get; }
    public BlobContainerClient BrochureBlobs { get; }
    /// <summary>One compact snapshot blob per committed generation (<see cref="GenerationSnapshots"/>).</summary>
    public BlobContainerClient Snapshots { get; }

    /// <summary>Creates the tables and the container once; a failure (storage down) is retried on the next call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_ensured) return;
        await _ensureLock.WaitAsync(cancellationToken);
        try
        {
            if (_ensured) return;
            // Independent round trips, in flight together: a cold instance pays one of them before its first load, not five.
            await Task.WhenAll(
                Brochures.CreateIfNotExistsAsync(cancellationToken),
                Projects.CreateIfNotExistsAsync(cancellationToken),
                Corrections.CreateIfNotExistsAsync(cancellationToken),
                BrochureBlobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                Snapshots.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
            _ensured = true;
        }
        finally
        {
            _ensureLock.Release();
        }
    }

    /// <summary>
    /// Runs a storage operation with the tables and container in place. When they vanished after creation (storage
    /// recreated, an emulator restarted), creates them again and retries once instead of failing until a restart.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        try
        {
            return await operation();
        }
        catch (RequestFailedException e) when (e.ErrorCode is "TableNotFound" or "ContainerNotFound")
        {
            _ensured = false;
            await EnsureCreatedAsync(cancellationToken);
            return await operation();
        }
    }

    public Task RunAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async () => { await operation(); return true; }, cancellationToken);

    /// <summary>True for failures that retrying later can fix: throttling, server errors, no answer at all.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        RequestFailedException => false,
        HttpRequestException or TimeoutException or IOException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };

    /// <summary>Fail fast enough that an HTTP read during an outage answers 503 in seconds, not after a minute of back-off.</summary>
    public static void ConfigureRetry(RetryOptions retry)
    {
        retry.MaxRetries = 3;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
