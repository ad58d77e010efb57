using System.ComponentModel.DataAnnotations;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>How the sandbox runs its child processes ("Sandbox" configuration section). The per-brochure limits are <see cref="ExtractionLimits"/>.</summary>
public sealed record SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>At most this many child processes at once; more brochures wait their turn (waiting does not count against their time).</summary>
    [Range(1, 256)]
    public int MaxConcurrentExtractions { get; init; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>The CLI assembly run as the child; copied beside the app by the build.</summary>
    [Required]
    public string ChildDllPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "sstc.dll");
    /// <summary>The dotnet host that runs the child (this process's own host when it is one).</summary>
    [Required]
    public string DotnetPath { get; init; } = FindDotnet();
    /// <summary>Where uploads are written for the child to read; each file is deleted after its extraction.</summary>
    [Required]
    public string TempDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "sstc-sandbox");
    /// <summary>Past the time limit the worker reports the timeout itself; it is killed if still busy after this grace.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Resident memory allowed above the managed-heap limit (runtime, JIT, native buffers) before the child is killed.</summary>
    [Range(0, long.MaxValue)]
    public long ResidentHeadroomBytes { get; init; } = 192L * 1024 * 1024;
    /// <summary>How long a new worker may take to start and warm up before that counts as an infrastructure failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How often the child's wall clock and resident memory are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);
    /// <summary>A worker is replaced after this many brochures (keeps any slow leak bounded).</summary>
    [Range(1, int.MaxValue)]
    public int MaxRequestsPerWorker { get; init; } = 100;
    /// <summary>A worker whose resident memory is above this after a brochure is replaced rather than reused.</summary>
    [Range(1, long.MaxValue)]
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
