using System.Diagnostics;

namespace SstcFunctions.TestSupport;

/// <summary>Runs the built <c>sstc</c> CLI as a separate process, the way a user runs it.</summary>
public static class SstcCli
{
    /// <summary>sstc.dll beside the test assembly (test projects reference the CLI project, which copies it there).</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "sstc.dll");

    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
