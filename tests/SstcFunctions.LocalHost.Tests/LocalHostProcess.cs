using System.Collections.Concurrent;
using System.Diagnostics;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>
/// The built local host as its own process, as scripts/run-local.sh starts it (and as a kill can end it). Its output is
/// kept for failure messages; disposing kills it with its sandbox workers.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalHostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static LocalHostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SstcFunctions.LocalHost.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new LocalHostProcess(Process.Start(start)!);
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => string.Join("\n", _output);

    /// <summary>Waits until it answers <c>GET /api/health</c>; fails at once, with its output, if it exits first.</summary>
    public async Task WaitForHealthAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(HasExited, $"the host exited with {(HasExited ? ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("api/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception unreachable) when (unreachable is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the host did not become healthy within {timeout}:\n{Output}");
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>Kills it with its sandbox workers, as a crash or an OOM kill would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
