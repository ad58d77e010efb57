using System.Diagnostics;
using System.Text.Json;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Infra.Tests;

/// <summary>
/// infra/ compiled once by scripts/bicep-build.sh (every .bicep file built and linted with the pinned Bicep CLI; the
/// script fails on any error or warning), then read as the ARM JSON Azure receives.
/// </summary>
public sealed class CompiledInfrastructure : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("sstc-bicep-");

    public CompiledInfrastructure()
    {
        var script = Path.Combine(SharedFixtures.RepositoryRoot, "scripts", "bicep-build.sh");
        var start = new ProcessStartInfo("bash") { ArgumentList = { script, _output.FullName }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        BuildOutput = stdout + stderr.Result;
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/bicep-build.sh failed ({process.ExitCode}):\n{BuildOutput}");
        Main = Load("main.json");
        BlobEvents = Load(Path.Combine("hooks", "blob-events.json"));
    }

    public string BuildOutput { get; }
    public string OutputDirectory => _output.FullName;
    /// <summary>infra/main.bicep, its modules inlined as nested deployments.</summary>
    public JsonElement Main { get; }
    /// <summary>infra/hooks/blob-events.bicep: the Event Grid subscription the postdeploy hook deploys.</summary>
    public JsonElement BlobEvents { get; }

    public JsonElement Load(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output.FullName, relativePath)));
        return document.RootElement.Clone();
    }

    public void Dispose() => _output.Delete(recursive: true);
}

[CollectionDefinition(Name)]
public sealed class CompiledInfrastructureCollection : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "compiled infrastructure";
}
