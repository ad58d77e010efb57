using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SstcFunctions.Core;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Cli;
using SstcFunctions.Core.Records;

// sstc extract FILE.pdf → one JSON object on stdout (exit 0); a refused file → "error: <sentence> [<code>]" on stderr (exit 2),
// the code from the closed set in Core/Pdf/ExtractionFailure.cs. Exit codes: Core/Pdf/WorkerProtocol.cs.
// `extract` runs confined (Confinement.cs): the parse happens in a child process of this same program with the same memory
// limit as the ingestion sandbox and a kill past the deadline, so a stack overflow or a runaway allocation ends as exit 2.
// Options the ingestion sandbox passes (SandboxedExtraction runs this program as its child process):
//   --id BROCHURE-ID          the brochure id (the file is a temp copy, so its name says nothing)
//   --max-file-bytes N, --max-pages N, --max-seconds S, --max-decoded-bytes N, --max-memory-bytes N   (ExtractionLimits)
// Hidden: `sstc serve` reads one WorkerRequest per stdin line and answers each with one WorkerAnswer line, after a first
// {"ready":true} answer once warmed up: a warm worker the sandbox reuses, so brochures do not pay for JIT each time.
if (args is ["serve"])
{
    return Serve();
}
if (!TryParse(args, out var path, out var brochureId, out var limits))
{
    Console.Error.WriteLine("usage: sstc extract [--id ID] [--max-pages N] [--max-seconds S] [--max-file-bytes N] [--max-memory-bytes N] FILE.pdf");
    return WorkerProtocol.ExitUsage;
}
if (!Confinement.IsConfined)
{
    return Confinement.Run(args, limits);
}

using (var watchdog = Watchdog(limits, () =>
{
    Console.Error.WriteLine(ErrorLine(Rejections.TimedOut(limits.MaxDuration).Failure));
    Environment.Exit(WorkerProtocol.ExitRefused);
}))
{
    var (result, failure) = Extract(path, brochureId, limits);
    if (failure is not null)
    {
        Console.Error.WriteLine(ErrorLine(failure));
        return WorkerProtocol.ExitRefused;
    }
    await using var stdout = Console.OpenStandardOutput();
    await JsonSerializer.SerializeAsync(stdout, result, RecordJson.Indented);
    await stdout.WriteAsync("\n"u8.ToArray());
    return WorkerProtocol.ExitRead;
}

static string ErrorLine(ExtractionFailure failure) => $"error: {failure.Reason} [{failure.CodeName}]";

// Should the parser be stuck somewhere that never looks at the cancellation token, the process ends itself shortly
// after the deadline (a parent sandbox kills it too).
static Timer Watchdog(ExtractionLimits limits, Action expire) =>
    new(_ => expire(), null, limits.MaxDuration + TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

static (ExtractionResult? Result, ExtractionFailure? Failure) Extract(string path, string brochureId, ExtractionLimits limits)
{
    try
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw Rejections.Unreadable($"no such file: {path}");
        if (info.Length > limits.MaxFileBytes) throw Rejections.TooLarge(info.Length, limits.MaxFileBytes);
        var bytes = File.ReadAllBytes(path);
        using var deadline = new CancellationTokenSource(limits.MaxDuration);

        // The extractor opens through PdfOpening: the cheap byte checks first, then one parse, with every limit.
        return (new BrochureExtractor(limits).Extract(new MemoryStream(bytes, writable: false), brochureId, deadline.Token), null);
    }
    catch (BrochureRejectedException rejected)
    {
        return (null, rejected.Failure);
    }
    catch (OperationCanceledException)
    {
        return (null, Rejections.TimedOut(limits.MaxDuration).Failure);
    }
    catch (Exception io) when (io is IOException or UnauthorizedAccessException)
    {
        return (null, Rejections.Unreadable($"{path}: {io.Message}").Failure);
    }
    catch (Exception other)
    {
        // Anything else the parser (or code reading its output) throws on this file is just as permanent.
        return (null, PdfOpening.Explain(other, limits).Failure);
    }
}

static int Serve()
{
    using var protocol = Console.OpenStandardOutput();
    var gate = new object();
    Console.SetOut(Console.Error); // Only protocol lines on stdout, whatever else gets printed.
    WarmUp();
    WorkerProtocol.Write(protocol, WorkerAnswer.ReadyLine);
    // Ready now; the rest of the warm-up uses the time until the first request, and stops when it comes.
    var idleWarmUp = IdleWarmUp.Start();
    string? line;
    while ((line = Console.In.ReadLine()) is not null)
    {
        if (line.Length == 0) continue;
        idleWarmUp.Stop();
        var request = WorkerProtocol.ReadRequest(line);
        if (request is null || !TryParse(["extract", .. request.Arguments], out var path, out var brochureId, out var limits))
        {
            Console.Error.WriteLine($"usage: bad serve request (protocol version {WorkerProtocol.Version}) {line}");
            return WorkerProtocol.ExitUsage;
        }

        var answered = false;
        void Answer(WorkerAnswer answer)
        {
            lock (gate)
            {
                if (answered) return;
                answered = true;
                WorkerProtocol.Write(protocol, answer);
            }
        }
        using (Watchdog(limits, () =>
        {
            Answer(new WorkerAnswer { Failure = Rejections.TimedOut(limits.MaxDuration).Failure });
            Environment.Exit(WorkerProtocol.ExitRefused);
        }))
        {
            var (result, failure) = Extract(path, brochureId, limits);
            Answer(new WorkerAnswer { Result = result, Failure = failure });
            result = null;
            // Idle until the next request: give the brochure's memory back now, while no one waits, so the next one
            // starts from a small heap and the pool's resident-memory check sees what the worker really holds.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            if (failure?.Code == RejectionCode.OutOfMemory)
            {
                return WorkerProtocol.ExitRetired; // Out of memory once: retire rather than serve on from a strained heap.
            }
        }
    }
    return WorkerProtocol.ExitRead;
}

// JIT the parser and layout paths on a tiny document before saying ready, so that even a worker started for a waiting
// brochure does not read it in unoptimised code; IdleWarmUp goes further while the worker waits.
static void WarmUp()
{
    try
    {
        var pdf = MinimalPdf.Text("Warm-up: South-South and Triangular Cooperation project brochure");
        using (PdfOpening.Open(pdf, ExtractionLimits.Default, Stopwatch.StartNew()))
        {
        }
        new BrochureExtractor().Extract(new MemoryStream(pdf), "warm-up");
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"warm-up: {e.GetType().Name}: {e.Message}");
    }
}

static bool TryParse(string[] args, out string path, out string brochureId, out ExtractionLimits limits)
{
    path = "";
    brochureId = "";
    limits = ExtractionLimits.Default;
    if (args is not ["extract", ..]) return false;
    string? id = null;
    for (var i = 1; i < args.Length; i++)
    {
        var arg = args[i];
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            if (path.Length > 0) return false;
            path = arg;
            continue;
        }
        if (i + 1 >= args.Length) return false;
        var value = args[++i];
        switch (arg)
        {
            case "--id": id = value; break;
            case "--max-file-bytes" when long.TryParse(value, CultureInfo.InvariantCulture, out var n): limits = limits with { MaxFileBytes = n }; break;
            case "--max-pages" when int.TryParse(value, CultureInfo.InvariantCulture, out var n): limits = limits with { MaxPages = n }; break;
            case "--max-seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var s): limits = limits with { MaxDuration = TimeSpan.FromSeconds(s) }; break;
            case "--max-decoded-bytes" when long.TryParse(value, CultureInfo.InvariantCulture, out var n): limits = limits with { MaxDecodedStreamBytes = n }; break;
            case "--max-memory-bytes" when long.TryParse(value, CultureInfo.InvariantCulture, out var n): limits = limits with { MaxMemoryBytes = n }; break;
            default: return false;
        }
    }
    if (path.Length == 0) return false;
    brochureId = id ?? BrochureId.FromFileName(path);
    return true;
}
