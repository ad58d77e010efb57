using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Logging;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.Storage;
using SstcFunctions.Storage.Corrections;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Serves project reads from an in-memory <see cref="CatalogueSnapshot"/> so that a request costs no table query.
/// At most once per check interval a reader starts a background look at the catalogue version stamp (one point read)
/// and the snapshot is reloaded when it changed; writes made by this instance invalidate it at once. When the check
/// fails, reads answer "unavailable" until storage is back, instead of serving silently stale data for ever.
/// </summary>
public sealed class CatalogueReadModel
{
    private readonly CatalogueStore _store;
    private readonly CorrectionStore _corrections;
    private readonly ILogger<CatalogueReadModel> _logger;
    private readonly Lock _loadGate = new();
    private Task<CatalogueSnapshot>? _loading;
    private readonly long _checkIntervalTicks;
    private volatile CatalogueSnapshot? _snapshot;
    private long _snapshotInvalidation;
    private long _invalidation;
    private long _lastCheck;
    private int _checking;
    private volatile Exception? _checkFailure;

    public CatalogueReadModel(CatalogueStore store, CorrectionStore corrections, ILogger<CatalogueReadModel> logger)
    {
        _store = store;
        _corrections = corrections;
        _logger = logger;
        _checkIntervalTicks = (long)(store.Options.VersionCheckInterval.TotalSeconds * Stopwatch.Frequency);
        // Both are singletons of the same container: the subscription lives as long as the store.
        store.Changed += Invalidate;
    }

    public async ValueTask<CatalogueSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is null || Interlocked.Read(ref _snapshotInvalidation) < Interlocked.Read(ref _invalidation))
        {
            return await LoadAsync(cancellationToken);
        }
        if (Stopwatch.GetTimestamp() - Interlocked.Read(ref _lastCheck) >= _checkIntervalTicks) StartCheck();
        if (_checkFailure is { } failure) throw new CatalogueUnavailableException(failure);
        return snapshot;
    }

    /// <summary>Raised on a background thread after each load, with the snapshot now served.</summary>
    public event Action<CatalogueSnapshot>? Loaded;

    /// <summary>This instance changed the catalogue: the next read reloads before answering.</summary>
    public void Invalidate() => Interlocked.Increment(ref _invalidation);

    /// <summary>
    /// A snapshot at least as new as every invalidation seen so far. One load runs at a time, shared by every caller and
    /// never cancelled by one: a request that gives up (a client timing out during a long cold load) stops waiting, the
    /// load goes on for the others. Cancelling the load with the first request's token let impatient clients restart a
    /// cold load for ever (issue 16's benchmark: no answer for minutes at 19,000 projects on a loaded machine).
    /// </summary>
    private async Task<CatalogueSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var wanted = Interlocked.Read(ref _invalidation);
        while (true)
        {
            if (_snapshot is { } current && Interlocked.Read(ref _snapshotInvalidation) >= wanted) return current;
            Task<CatalogueSnapshot> loading;
            lock (_loadGate)
            {
                loading = _loading ??= Task.Run(LoadSharedAsync, CancellationToken.None);
            }
            await loading.WaitAsync(cancellationToken);
        }
    }

    private async Task<CatalogueSnapshot> LoadSharedAsync()
    {
        try
        {
            var invalidation = Interlocked.Read(ref _invalidation);
            var previous = _snapshot;
            var started = Stopwatch.GetTimestamp();
            var contents = await _store.LoadAsync(previous?.Contents, CancellationToken.None);
            var read = Stopwatch.GetTimestamp();
            // People's corrections are laid over the extracted records on every load, so every ingestion gets them.
            var (curated, curation) = CurationIndex.Apply(contents, await _corrections.LoadAllAsync(CancellationToken.None));
            var curatedAt = Stopwatch.GetTimestamp();
            var snapshot = new CatalogueSnapshot(curated, previous) { Curation = curation };
            _snapshot = snapshot;
            Interlocked.Exchange(ref _snapshotInvalidation, invalidation);
            Interlocked.Exchange(ref _lastCheck, Stopwatch.GetTimestamp());
            _checkFailure = null;
            _logger.LogInformation("Catalogue snapshot {Version} loaded: {Count} projects, {Read} brochures read ({Bytes} bytes of snapshot blobs, {TableReads} from the table) in {Milliseconds} ms (storage {StorageMilliseconds} ms, corrections {CurationMilliseconds} ms, index {IndexMilliseconds} ms)",
                snapshot.Version, snapshot.Count, contents.BrochuresRead, contents.SnapshotBytes, contents.TableReads,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, (long)Stopwatch.GetElapsedTime(started, read).TotalMilliseconds,
                (long)Stopwatch.GetElapsedTime(read, curatedAt).TotalMilliseconds, (long)Stopwatch.GetElapsedTime(curatedAt).TotalMilliseconds);
            // Once the waiting readers have their snapshot: the memory of what was replaced (the previous snapshot, the
            // load's buffers; a cold load leaves its decompressed JSON), then the search text and what subscribers prepare ahead of readers.
            var replaced = contents.BrochuresRead > 0 || (previous is not null && snapshot.Count != previous.Count);
            _ = Task.Run(() =>
            {
                try
                {
                    snapshot.PrepareSearch();
                    if (replaced) ReleaseReplacedSnapshot();
                    Loaded?.Invoke(snapshot);
                }
                catch (Exception e)
                {
                    // Only preparation: a reader computes whatever is missing itself.
                    _logger.LogWarning(e, "Preparing catalogue snapshot {Version} in the background failed", snapshot.Version);
                }
            });
            return snapshot;
        }
        finally
        {
            lock (_loadGate)
            {
                _loading = null;
            }
        }
    }

    /// <summary>
    /// After a load that read brochures or dropped one (an ingestion, a delete, a cold start; not a correction), the
    /// replaced snapshot and the load's buffers are tens of MB of garbage spread through the heap. One blocking, compacting collection that also returns
    /// the freed memory to the system keeps an instance at the size of the catalogue it holds: without it the host's RSS
    /// kept ~100 MB more after 20 ingestions of 1,000 cards than after a restart (docs/benchmarks.md, catalogue scale).
    /// </summary>
    private void ReleaseReplacedSnapshot()
    {
        var started = Stopwatch.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _logger.LogInformation("Replaced snapshot released: heap {HeapMegabytes} MB after a {Milliseconds} ms collection",
            GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void StartCheck()
    {
        if (Interlocked.CompareExchange(ref _checking, 1, 0) != 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                var version = await _store.GetVersionAsync();
                if (version != _snapshot?.Version)
                {
                    Invalidate();
                    await LoadAsync(CancellationToken.None);
                }
                _checkFailure = null;
            }
            catch (Exception e)
            {
                if (_checkFailure is null) _logger.LogWarning(e, "Catalogue version check failed; reads answer 503 until storage is back");
                _checkFailure = e;
            }
            finally
            {
                Interlocked.Exchange(ref _lastCheck, Stopwatch.GetTimestamp());
                Interlocked.Exchange(ref _checking, 0);
            }
        });
    }
}

/// <summary>The catalogue cannot be read now (storage unreachable at the last check); HTTP answers 503.</summary>
public sealed class CatalogueUnavailableException(Exception inner) : Exception("Catalogue storage is unavailable.", inner);
