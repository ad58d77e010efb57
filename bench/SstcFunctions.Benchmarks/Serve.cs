using System.Diagnostics;
using System.Globalization;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// Extraction as the Functions app runs it: a sandbox worker (<c>sstc serve</c>) started with the environment
/// SandboxWorker gives it, warmed up on its own documents (idle until its warm-up is done, as a pre-warmed pool worker is when
/// an upload comes), then sent the brochure <c>--runs</c> times over the worker
/// protocol. Prints the wall time of each answer (the first brochure a fresh worker gets, then the same worker again) and
/// the worker's peak RSS during each (the largest is recorded).
/// </summary>
public static class Serve
{
    public static async Task<int> RunAsync(Options options)
    {
        var sstc = options.Required("sstc");
        var pdf = Path.GetFullPath(options.Required("pdf"));
        var runs = options.Int("runs", 3);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sstc);
        start.ArgumentList.Add("serve");
        foreach (var (name, value) in WorkerProtocol.WorkerEnvironment(ExtractionLimits.Default)) start.Environment[name] = value;
        using var worker = Process.Start(start) ?? throw new InvalidOperationException("could not start sstc serve");
        _ = worker.StandardError.ReadToEndAsync();
        // Answers read as the app reads them (SandboxWorker): streamed from the output's bytes.
        var answers = new WorkerAnswerReader(worker.StandardOutput.BaseStream);
        var ready = await answers.ReadAsync();
        if (ready.Answer is not { Ready: true }) throw new InvalidOperationException($"no ready line: {ready.Unreadable}");
        // A pre-warmed worker has had its idle warm-up before a brochure comes (sstc serve's IdleWarmUp): wait until
        // its CPU time stops growing, as the app's pool worker is idle by the time an upload arrives.
        var idle = await WaitUntilIdleAsync(worker.Id, TimeSpan.FromSeconds(30));
        Console.WriteLine($"  worker idle (warm-up done) {idle.TotalSeconds:F1} s after its ready line");

        var walls = new List<double>();
        var peaks = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            // Peak resident memory of this brochure alone: Linux resets VmHWM to the current RSS on "5" > clear_refs.
            File.WriteAllText($"/proc/{worker.Id}/clear_refs", "5");
            var clock = Stopwatch.StartNew();
            await worker.StandardInput.WriteLineAsync(WorkerProtocol.Write(new WorkerRequest(WorkerProtocol.Version, ["--id", "bench", pdf])));
            await worker.StandardInput.FlushAsync();
            var answer = (await answers.ReadAsync()).Answer;
            var wall = clock.Elapsed.TotalSeconds;
            if (answer?.Result is null) throw new InvalidOperationException($"run {run}: no result ({answer?.Failure?.Code.ToString() ?? "no answer"})");
            walls.Add(wall);
            peaks.Add(PeakResidentMegabytes(worker.Id));
            Console.WriteLine($"  worker run {run}: {wall:F2} s, {answer.Result.Projects.Count} projects, peak RSS {peaks[^1]:F0} MB");
        }
        var peakMb = peaks.Max();
        worker.StandardInput.Close();
        await worker.WaitForExitAsync();
        var warm = walls.Skip(1).DefaultIfEmpty(walls[0]).Order().ToList();
        var median = warm.Count % 2 == 1 ? warm[warm.Count / 2] : (warm[warm.Count / 2 - 1] + warm[warm.Count / 2]) / 2;
        Console.WriteLine($"  worker: first {walls[0]:F2} s, warm median {median:F2} s, largest peak RSS of a brochure {peakMb:F0} MB");
        options.Record(("first_s", walls[0]), ("warm_s", median), ("rss_mb", peakMb));
        return 0;
    }

    private static async Task<TimeSpan> WaitUntilIdleAsync(int pid, TimeSpan cap)
    {
        var clock = Stopwatch.StartNew();
        var last = CpuSeconds(pid);
        while (clock.Elapsed < cap)
        {
            await Task.Delay(250);
            var now = CpuSeconds(pid);
            if (now - last < 0.01) break;
            last = now;
        }
        return clock.Elapsed;
    }

    // utime + stime of /proc/PID/stat (fields 14 and 15, after the parenthesised command name), in seconds.
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100;
    }

    private static double PeakResidentMegabytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
        return double.NaN;
    }
}
