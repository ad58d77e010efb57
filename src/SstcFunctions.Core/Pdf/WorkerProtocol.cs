using System.Globalization;
using System.Text.Json;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// The one definition of what the ingestion sandbox and its worker (<c>sstc serve</c>) say to each other, one JSON
/// object per line, and of the CLI's exit codes. Both sides decide on these types (a failure's code and kind), never on
/// the text of a message. Bump <see cref="Version"/> with any change; each side refuses a version it does not speak.
/// </summary>
public static class WorkerProtocol
{
    public const int Version = 1;

    /// <summary>Exit code: the result was printed.</summary>
    public const int ExitRead = 0;
    /// <summary>Exit code: the file was refused; stderr has <c>error: sentence [code]</c>.</summary>
    public const int ExitRefused = 2;
    /// <summary>Exit code of a serving worker that retired itself on purpose (after running out of memory once).</summary>
    public const int ExitRetired = 3;
    /// <summary>Exit code: bad arguments or a bad request line (infrastructure, never the file's fault).</summary>
    public const int ExitUsage = 64;

    /// <summary>
    /// The runtime settings a worker process is started with (SandboxWorker, and the benchmark that measures it).
    /// </summary>
    public static IReadOnlyDictionary<string, string> WorkerEnvironment(ExtractionLimits limits) => new Dictionary<string, string>
    {
        // The managed heap may not grow past the limit: beyond it allocations throw OutOfMemoryException in the worker,
        // which answers "exceeded the … memory limit". The sandbox's resident-memory poll catches native growth as well.
        ["DOTNET_GCHeapHardLimit"] = limits.MaxMemoryBytes.ToString("X", CultureInfo.InvariantCulture),
        // Server GC as the CLI runs (its runtimeconfig): with two parsers allocating ~1.4 GB on a 300-page brochure it
        // collects on both cores, and its dynamic heap count (DATAS) kept the peak lower than workstation GC (the warm
        // worker on the benchmark brochures: 15-20 % faster, 214-259 MB against 235-311 MB; docs/benchmarks.md).
        ["DOTNET_gcServer"] = "1",
        // At most 16 MB of allocation (gen0) and of promotion (gen1) between collections, on each of the two heaps. Unbounded,
        // the GC let gen1 fill with pages' parser objects promoted mid-page (80 MB of it, nearly all dead) and committed
        // ~200 MB for 40-60 MB that were live: the six-design brochure's worker peaked at 250-261 MB, now 208-219 MB (the
        // other designs 170-197 MB, from 202-245), at the same speed within run-to-run noise (docs/benchmarks.md).
        ["DOTNET_GCGen0MaxBudget"] = MaxBudgetBytes.ToString("X", CultureInfo.InvariantCulture),
        ["DOTNET_GCGen1MaxBudget"] = MaxBudgetBytes.ToString("X", CultureInfo.InvariantCulture),
        // Dynamic PGO back on (the CLI's runtimeconfig turns it off for one-shot runs): a worker lives for many brochures,
        // and the profile-guided tier-1 code read the ReportLab benchmark brochure in ~340 ms in process against ~425 ms.
        ["DOTNET_TieredPGO"] = "1",
        // Start counting calls for tier-1 recompilation at once, not after 100 ms without new tier-0 code: a worker
        // keeps JIT-compiling through its first brochures, which delayed the optimised code until the third or fourth
        // (the ReportLab benchmark brochure: 1.42, 1.07, 0.85, 0.64 s; with no delay 1.12, 0.65, 0.64 s).
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
        ["DOTNET_DbgEnableMiniDump"] = "0",
        ["DOTNET_EnableCrashReport"] = "0",
    };

    // The GC's gen0 and gen1 budget cap in the worker (WorkerEnvironment); the runtime reads GC settings in hexadecimal.
    private const long MaxBudgetBytes = 16L << 20;

    public static string Write(WorkerRequest request) => JsonSerializer.Serialize(request, RecordJson.Options);
    /// <summary>
    /// Writes the answer as one line of UTF-8 straight to the worker's output, never as a string (a 2,000-card answer is
    /// 2-3 MB); <see cref="WorkerAnswerReader"/> reads it the same way. JSON escapes any newline inside a string.
    /// </summary>
    public static void Write(Stream output, WorkerAnswer answer)
    {
        JsonSerializer.Serialize(output, answer, RecordJson.Options);
        output.Write("\n"u8);
        output.Flush();
    }

    /// <summary>A request line, or null when it is not one of this version.</summary>
    public static WorkerRequest? ReadRequest(string line) => Read<WorkerRequest>(line) is { Version: Version } request ? request : null;

    private static T? Read<T>(string line) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, RecordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Sandbox → worker: extract one file; <see cref="Arguments"/> are those of <c>sstc extract</c>.</summary>
public sealed record WorkerRequest(int Version, IReadOnlyList<string> Arguments);

/// <summary>
/// Worker → sandbox: first a <see cref="Ready"/> line once warmed up, then one answer per request, with exactly one of
/// <see cref="Result"/> and <see cref="Failure"/>.
/// </summary>
public sealed record WorkerAnswer
{
    public int Version { get; init; } = WorkerProtocol.Version;
    public bool Ready { get; init; }
    public ExtractionResult? Result { get; init; }
    public ExtractionFailure? Failure { get; init; }

    public static WorkerAnswer ReadyLine { get; } = new() { Ready = true };
}
