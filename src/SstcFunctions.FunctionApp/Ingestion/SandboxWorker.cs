using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.FunctionApp.Ingestion;

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
    // Answers are read as bytes from the output's base stream, never through its StreamReader (WorkerAnswerReader).
    private readonly WorkerAnswerReader _answers;
    private bool _broken;

    public int ProcessId { get; }
    public int Requests { get; private set; }
    public long LastResidentBytes { get; private set; }

    private SandboxWorker(Process process)
    {
        _process = process;
        ProcessId = process.Id;
        _answers = new WorkerAnswerReader(process.StandardOutput.BaseStream);
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
        foreach (var (name, value) in WorkerProtocol.WorkerEnvironment(limits)) start.Environment[name] = value;
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
        WorkerAnswerRead read;
        try
        {
            read = await _answers.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"sandbox: the worker was not ready within {timeout.TotalSeconds:0} s");
        }
        if (read.Answer is not { Ready: true })
        {
            await Task.WhenAny(_errorPump, Task.Delay(1000, CancellationToken.None));
            throw new InvalidOperationException($"sandbox: the worker did not start ({read.Unreadable ?? "no output"}): {Errors().Trim()}");
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

        var answer = ReadAnswerAsync();
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

        var read = await answer;
        LastResidentBytes = ResidentBytes();
        peak = Math.Max(peak, LastResidentBytes);
        if (read.IsEnded)
        {
            // The worker died without answering: a crash (stack overflow, runtime abort, killed by the OS).
            _broken = true;
            await _process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAny(_errorPump, Task.Delay(1000));
            return new WorkerOutcome(null, null, _process.ExitCode, Errors(), peak);
        }

        if (read.Answer is { Ready: false } reply && (reply.Result is null) != (reply.Failure is null))
        {
            return new WorkerOutcome(reply, null, null, Errors(), peak);
        }
        _broken = true;
        throw new InvalidOperationException($"sandbox: unreadable answer from the worker: {read.Unreadable ?? "a ready line"}");
    }

    /// <summary>The answer, or the end of the output when the worker went away (an I/O failure included).</summary>
    private async Task<WorkerAnswerRead> ReadAnswerAsync()
    {
        try
        {
            return await _answers.ReadAsync(CancellationToken.None);
        }
        catch (IOException)
        {
            return WorkerAnswerRead.Ended;
        }
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
