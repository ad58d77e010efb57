using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
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
    private int _disposed;

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
            var reused = TakeIdleWorker();
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

    private async Task<SandboxWorker> StartWorkerAsync(CancellationToken ct)
    {
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

    /// <summary>Starts workers ahead of the first brochure so it does not wait for process start and JIT warm-up.</summary>
    public void Prewarm(int workers = 1)
    {
        for (var i = 0; i < Math.Min(workers, _options.MaxConcurrentExtractions); i++)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    var worker = await StartWorkerAsync(CancellationToken.None);
                    if (Volatile.Read(ref _disposed) == 0) _idle.Add(worker);
                    else worker.Dispose();
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Sandbox pre-warm failed; workers will start on demand");
                }
            });
        }
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

/// <summary>What one request to a worker came to: an answer (result or typed failure), a kill, or a crash.</summary>
internal sealed record WorkerOutcome(WorkerAnswer? Answer, ExtractionFailure? Killed, int? ExitCode, string Errors, long PeakResidentBytes)
{
    /// <summary>After a memory failure the worker retires itself; anything killed or crashed is gone anyway.</summary>
    public bool MayReuseWorker => Killed is null && ExitCode is null && Answer?.Failure?.Code != RejectionCode.OutOfMemory;

    public string Describe() =>
        Killed is not null ? $"killed: {Killed}"
        : ExitCode is { } code ? $"crashed with exit {code}"
        : Answer?.Failure is { } failure ? $"rejected: {failure}"
        : "succeeded";

    /// <summary>The result, a rejection carrying its typed failure, or (only for infrastructure trouble) another exception.</summary>
    public ExtractionResult ToResult()
    {
        if (Killed is not null) throw new BrochureRejectedException(Killed);
        if (ExitCode is { } exitCode) throw SandboxedExtractionOutcomes.Crash(exitCode, Errors);
        if (Answer?.Failure is { } failure) throw new BrochureRejectedException(failure);
        return Answer?.Result ?? throw new InvalidOperationException("sandbox: the worker answered with neither a result nor a failure");
    }
}

internal static class SandboxedExtractionOutcomes
{
    /// <summary>
    /// A worker that died on its own: permanent for the file (its kind is <see cref="FailureKind.Crashed"/>), unless it
    /// exited with the usage code (it rejected its request: our bug, not the file's). The runtime's first line ("Stack
    /// overflow.") goes into the failure as detail for a person; nothing decides on it.
    /// </summary>
    public static Exception Crash(int exitCode, string errors)
    {
        if (exitCode == WorkerProtocol.ExitUsage)
        {
            return new InvalidOperationException($"sandbox: the worker rejected its request: {errors.Trim()}");
        }
        var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Rejections.Crashed(exitCode, first is { Length: > 120 } ? first[..117] + "..." : first);
    }
}

/// <summary>
/// One child process running <c>sstc serve</c>: a request is a JSON array of extract arguments on a stdin line, the
/// answer one stdout line. Watched while it works: killed past the deadline or the memory limit, or on cancellation.
/// </summary>
internal sealed class SandboxWorker : IDisposable
{
    /// <summary>The exit code of a worker that retired itself on purpose (after running out of memory once).</summary>
    public const int RetiredExitCode = WorkerProtocol.ExitRetired;

    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly Task _errorPump;
    private bool _broken;

    public int ProcessId { get; }
    public int Requests { get; private set; }
    public long LastResidentBytes { get; private set; }

    private SandboxWorker(Process process)
    {
        _process = process;
        ProcessId = process.Id;
        _errorPump = PumpErrorsAsync();
    }

    public bool IsAlive
    {
        get
        {
            try
            {
                return !_broken && !_process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    public bool IsReusable(SandboxOptions options) =>
        IsAlive && Requests < options.MaxRequestsPerWorker && LastResidentBytes < options.RecycleResidentBytes;

    public static SandboxWorker Start(SandboxOptions options, ExtractionLimits limits)
    {
        var start = new ProcessStartInfo(options.DotnetPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(options.ChildDllPath)!,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(options.ChildDllPath);
        start.ArgumentList.Add("serve");
        // The managed heap may not grow past the limit: beyond it allocations throw OutOfMemoryException in the worker,
        // which answers "exceeded the … memory limit". The resident-memory poll catches native growth as well.
        start.Environment["DOTNET_GCHeapHardLimit"] = limits.MaxMemoryBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0"; // Instrumented code only pays off in long-running processes.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_EnableCrashReport"] = "0";
        try
        {
            return new SandboxWorker(Process.Start(start) ?? throw new InvalidOperationException("sandbox: the worker did not start"));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"sandbox: cannot start {options.DotnetPath}: {e.Message}", e);
        }
    }

    /// <summary>Waits for the worker's {"ready":true} line (it warms the JIT up first); failing that is infrastructure trouble.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"sandbox: the worker was not ready within {timeout.TotalSeconds:0} s");
        }
        if (line is null || WorkerProtocol.ReadAnswer(line) is not { Ready: true })
        {
            await Task.WhenAny(_errorPump, Task.Delay(1000, CancellationToken.None));
            throw new InvalidOperationException($"sandbox: the worker did not start ({(line ?? "no output")}): {Errors().Trim()}");
        }
    }

    public async Task<WorkerOutcome> RunAsync(string[] arguments, ExtractionLimits limits, SandboxOptions options, CancellationToken ct)
    {
        Requests++;
        lock (_errors) _errors.Clear();
        var clock = Stopwatch.StartNew();
        long peak = 0;
        try
        {
            await _process.StandardInput.WriteLineAsync(WorkerProtocol.Write(new WorkerRequest(WorkerProtocol.Version, arguments)).AsMemory(), ct);
            await _process.StandardInput.FlushAsync(ct);
        }
        catch (IOException)
        {
            // The worker is gone; reading its answer below finds that out and says how it ended.
        }

        var answer = _process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
        var hardDeadline = limits.MaxDuration + options.KillGrace;
        var memoryKill = limits.MaxMemoryBytes + options.ResidentHeadroomBytes;
        ExtractionFailure? killedBecause = null;
        try
        {
            while (!answer.IsCompleted)
            {
                await Task.WhenAny(answer, Task.Delay(options.PollInterval, ct));
                if (answer.IsCompleted) break;
                ct.ThrowIfCancellationRequested();
                var resident = ResidentBytes();
                peak = Math.Max(peak, resident);
                if (clock.Elapsed > hardDeadline)
                {
                    killedBecause = Rejections.TimedOut(limits.MaxDuration).Failure;
                }
                else if (resident > memoryKill)
                {
                    killedBecause = Rejections.OutOfMemory(limits.MaxMemoryBytes).Failure;
                }
                if (killedBecause is not null)
                {
                    Kill();
                    return new WorkerOutcome(null, killedBecause, null, Errors(), peak);
                }
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        string? line;
        try
        {
            line = await answer;
        }
        catch (IOException)
        {
            line = null;
        }
        LastResidentBytes = ResidentBytes();
        peak = Math.Max(peak, LastResidentBytes);
        if (line is null)
        {
            // The worker died without answering: a crash (stack overflow, runtime abort, killed by the OS).
            _broken = true;
            await _process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAny(_errorPump, Task.Delay(1000));
            return new WorkerOutcome(null, null, _process.ExitCode, Errors(), peak);
        }

        if (WorkerProtocol.ReadAnswer(line) is { Ready: false } reply && (reply.Result is null) != (reply.Failure is null))
        {
            return new WorkerOutcome(reply, null, null, Errors(), peak);
        }
        _broken = true;
        throw new InvalidOperationException($"sandbox: unreadable answer from the worker: {line[..Math.Min(line.Length, 200)]}");
    }

    private string Errors()
    {
        lock (_errors) return _errors.ToString();
    }

    private async Task PumpErrorsAsync()
    {
        try
        {
            var buffer = new char[4096];
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer, CancellationToken.None)) > 0)
            {
                lock (_errors)
                {
                    if (_errors.Length < 64 * 1024) _errors.Append(buffer, 0, Math.Min(read, 64 * 1024 - _errors.Length));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The worker went away.
        }
    }

    private long ResidentBytes()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private void Kill()
    {
        _broken = true;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        try
        {
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}

/// <summary>How the sandbox runs its child processes ("Sandbox" configuration section). The per-brochure limits are <see cref="ExtractionLimits"/>.</summary>
public sealed record SandboxOptions
{
    /// <summary>At most this many child processes at once; more brochures wait their turn (waiting does not count against their time).</summary>
    public int MaxConcurrentExtractions { get; init; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>The CLI assembly run as the child; copied beside the app by the build.</summary>
    public string ChildDllPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "sstc.dll");
    /// <summary>The dotnet host that runs the child (this process's own host when it is one).</summary>
    public string DotnetPath { get; init; } = FindDotnet();
    /// <summary>Where uploads are written for the child to read; each file is deleted after its extraction.</summary>
    public string TempDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "sstc-sandbox");
    /// <summary>Past the time limit the worker reports the timeout itself; it is killed if still busy after this grace.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Resident memory allowed above the managed-heap limit (runtime, JIT, native buffers) before the child is killed.</summary>
    public long ResidentHeadroomBytes { get; init; } = 192L * 1024 * 1024;
    /// <summary>How long a new worker may take to start and warm up before that counts as an infrastructure failure.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How often the child's wall clock and resident memory are checked.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);
    /// <summary>A worker is replaced after this many brochures (keeps any slow leak bounded).</summary>
    public int MaxRequestsPerWorker { get; init; } = 100;
    /// <summary>A worker whose resident memory is above this after a brochure is replaced rather than reused.</summary>
    public long RecycleResidentBytes { get; init; } = 384L * 1024 * 1024;

    private static string FindDotnet()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        foreach (var variable in new[] { "DOTNET_HOST_PATH" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } host && File.Exists(host)) return host;
        }
        foreach (var variable in new[] { "DOTNET_ROOT", "DOTNET_INSTALL_DIR" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } root)
            {
                var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (File.Exists(candidate)) return candidate;
            }
        }
        return "dotnet";
    }
}
