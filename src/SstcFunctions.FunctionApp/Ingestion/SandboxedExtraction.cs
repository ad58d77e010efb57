using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// Extraction in child processes (<c>dotnet sstc.dll serve</c>, kept warm and reused) so that nothing a PDF does to the parser
/// (a stack overflow, which no catch survives; a hang; a memory blow-up) can take the app down or block other brochures.
/// The child gets a managed-heap cap (DOTNET_GCHeapHardLimit) and is killed when its resident memory passes the limit
/// plus headroom or its wall clock passes the time limit plus a grace period.
/// </summary>
/// <remarks>
/// Every outcome caused by the file becomes <see cref="BrochureRejectedException"/> (permanent: recorded, never
/// retried). Only infrastructure problems (the child cannot be started, the sandbox was misused, the caller cancelled)
/// surface as other exceptions, which the trigger may retry.
/// </remarks>
public sealed class SandboxedExtraction : IBrochureExtraction, IDisposable
{
    private readonly ExtractionLimits _limits;
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<SandboxWorker> _idle = [];
    private readonly ConcurrentQueue<StartingWorker> _starting = new();
    private int _disposed;
    private int _workersStarted;

    public SandboxedExtraction(ExtractionLimits limits, SandboxOptions? options = null, ILogger<SandboxedExtraction>? logger = null)
    {
        _limits = limits;
        _options = options ?? new SandboxOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentExtractions));
    }

    /// <summary>Copies the upload to a temp file (refusing it past the size limit), runs a worker on it, interprets the outcome.</summary>
    public async Task<ExtractionResult> ExtractAsync(Stream pdf, string brochureId, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var childDll = _options.ChildDllPath;
        if (!File.Exists(childDll))
        {
            throw new InvalidOperationException($"sandbox misconfigured: {childDll} not found (the FunctionApp build copies sstc.dll beside itself)");
        }

        await _slots.WaitAsync(ct);
        var temp = Path.Combine(_options.TempDirectory, $"{Guid.NewGuid():N}.pdf");
        SandboxWorker? worker = null;
        try
        {
            Directory.CreateDirectory(_options.TempDirectory);
            await CopyCappedAsync(pdf, temp, ct);
            var outcome = await RunOnWorkerAsync(brochureId, temp, ct);
            worker = outcome.Worker;
            if (worker.IsReusable(_options) && outcome.Outcome.MayReuseWorker && Volatile.Read(ref _disposed) == 0)
            {
                _idle.Add(worker);
                worker = null;
            }
            return outcome.Outcome.ToResult();
        }
        finally
        {
            worker?.Dispose();
            TryDelete(temp);
            _slots.Release();
        }
    }

    private async Task<(SandboxWorker Worker, WorkerOutcome Outcome)> RunOnWorkerAsync(string brochureId, string temp, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reused = TakeIdleWorker() ?? await TakeStartingWorkerAsync(ct);
            var worker = reused ?? await StartWorkerAsync(ct);
            try
            {
                var clock = Stopwatch.StartNew();
                var outcome = await worker.RunAsync(ChildArguments(brochureId, temp), _limits, _options, ct);
                _logger.LogInformation(
                    "Sandboxed extraction of {BrochureId} (worker {Pid}, request {Request}): {Outcome} after {ElapsedMs} ms, peak RSS {ResidentMb} MB",
                    brochureId, worker.ProcessId, worker.Requests, outcome.Describe(), clock.ElapsedMilliseconds, outcome.PeakResidentBytes / (1024 * 1024));
                // An idle worker that retired itself (exit 3, after a memory error) before this request reached it: not this file's doing.
                if (reused is not null && outcome.ExitCode == SandboxWorker.RetiredExitCode && attempt == 1)
                {
                    worker.Dispose();
                    continue;
                }
                return (worker, outcome);
            }
            catch
            {
                worker.Dispose();
                throw;
            }
        }
    }

    /// <summary>Worker processes started so far (pre-warmed and on demand).</summary>
    internal int WorkersStarted => Volatile.Read(ref _workersStarted);

    private async Task<SandboxWorker> StartWorkerAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _workersStarted);
        var worker = SandboxWorker.Start(_options, _limits);
        try
        {
            await worker.WaitUntilReadyAsync(_options.StartupTimeout, ct);
            return worker;
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts workers ahead of the first brochure so it does not wait for process start and JIT warm-up. A brochure that
    /// comes while one is still starting takes that one (<see cref="TakeStartingWorkerAsync"/>) rather than starting
    /// another: a second process would start from scratch, and the first would spend its idle warm-up on the cores the
    /// brochure needs.
    /// </summary>
    public void Prewarm(int workers = 1)
    {
        for (var i = 0; i < Math.Min(workers, _options.MaxConcurrentExtractions); i++)
        {
            var starting = new StartingWorker();
            _starting.Enqueue(starting);
            _ = Task.Run(async () =>
            {
                SandboxWorker? worker = null;
                try
                {
                    worker = await StartWorkerAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Sandbox pre-warm failed; workers will start on demand");
                }
                // Claimed by a brochure meanwhile: handed over; otherwise into the idle pool.
                if (starting.TryClaim()) Pool(worker);
                starting.Ready.SetResult(worker);
            });
        }
    }

    /// <summary>A pre-warm start in flight, claimed at most once: by a brochure, or by the idle pool when it is ready.</summary>
    private sealed class StartingWorker
    {
        private int _claimed;
        public TaskCompletionSource<SandboxWorker?> Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }

    private async Task<SandboxWorker?> TakeStartingWorkerAsync(CancellationToken ct)
    {
        while (_starting.TryDequeue(out var starting))
        {
            if (!starting.TryClaim())
            {
                // It was ready first and went to the idle pool (Ready is set once it is there): take it from the pool,
                // or, if another brochure was quicker, look at the next start.
                await starting.Ready.Task.WaitAsync(ct);
                if (TakeIdleWorker() is { } pooled) return pooled;
                continue;
            }
            try
            {
                if (await starting.Ready.Task.WaitAsync(ct) is { } worker)
                {
                    if (worker.IsAlive) return worker;
                    worker.Dispose();
                }
            }
            catch (OperationCanceledException)
            {
                // The brochure gave up waiting: the worker, once ready, is pooled rather than lost.
                _ = starting.Ready.Task.ContinueWith(ready => Pool(ready.Result), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                throw;
            }
        }
        return null;
    }

    private void Pool(SandboxWorker? worker)
    {
        if (worker is null) return;
        if (Volatile.Read(ref _disposed) == 0 && worker.IsAlive) _idle.Add(worker);
        else worker.Dispose();
    }

    private SandboxWorker? TakeIdleWorker()
    {
        while (_idle.TryTake(out var worker))
        {
            if (worker.IsAlive) return worker;
            worker.Dispose();
        }
        return null;
    }

    private async Task CopyCappedAsync(Stream pdf, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await pdf.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > _limits.MaxFileBytes) throw Rejections.TooLarge(total, _limits.MaxFileBytes);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private string[] ChildArguments(string brochureId, string pdfPath) =>
    [
        "--id", brochureId,
        "--max-file-bytes", _limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        "--max-pages", _limits.MaxPages.ToString(CultureInfo.InvariantCulture),
        "--max-seconds", _limits.MaxDuration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        "--max-decoded-bytes", _limits.MaxDecodedStreamBytes.ToString(CultureInfo.InvariantCulture),
        "--max-memory-bytes", _limits.MaxMemoryBytes.ToString(CultureInfo.InvariantCulture),
        pdfPath,
    ];

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp file is harmless; names are unique.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        while (_idle.TryTake(out var worker)) worker.Dispose();
    }
}
