using System.Diagnostics;
using System.Reflection;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests.Startup;

/// <summary>
/// The Functions app published as for a deployment (<c>dotnet publish</c> into a directory of its own: functions.metadata,
/// worker.config.json, the sandbox's sstc.dll beside the app), in the configuration the tests were built in (Debug from
/// `dotnet test`, Release from scripts/test.sh), so the publish reuses that build and mostly lays out files. Published once per test run and deleted afterwards.
/// </summary>
public sealed class PublishedWorker : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sstc-published-worker-" + Guid.NewGuid().ToString("N")[..8]);
    public string PublishOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var project = Path.Combine(SharedFixtures.RepositoryRoot, "src", "SstcFunctions.FunctionApp", "SstcFunctions.FunctionApp.csproj");
        // The configuration (and artifacts path) the tests were built with: the publish then reuses that build.
        var configuration = typeof(PublishedWorker).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string[] arguments = ["publish", project, "-c", configuration, "--no-restore", "-o", Directory, "-nologo", "-v", "q"];
        if (Environment.GetEnvironmentVariable("SSTC_ARTIFACTS_PATH") is { Length: > 0 } artifacts) arguments = [.. arguments, "--artifacts-path", artifacts];
        var (exitCode, output) = await RunAsync("dotnet", arguments,
            SharedFixtures.RepositoryRoot, new Dictionary<string, string?>(), PublishTimeout);
        PublishOutput = output;
        if (exitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({exitCode}):\n{output}");
    }

    /// <summary>
    /// Runs the published worker (<c>dotnet SstcFunctions.FunctionApp.dll</c>) with the settings the Functions host gives
    /// it: the host's gRPC endpoint and worker id (never connected to: the startup check stops before Run), storage.
    /// </summary>
    public Task<(int ExitCode, string Output)> StartupCheckAsync(IDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:9/",
            ["Functions__Worker__WorkerId"] = "startup-check",
            ["Functions__Worker__RequestId"] = "startup-check",
            ["Functions__Worker__GrpcMaxMessageLength"] = "2147483647",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = null,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        return RunAsync("dotnet", [Path.Combine(Directory, "SstcFunctions.FunctionApp.dll"), StartupCheck.Switch], Directory, environment, TimeSpan.FromMinutes(3));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string workingDirectory,
        IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
