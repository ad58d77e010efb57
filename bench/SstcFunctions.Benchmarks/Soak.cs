using System.Diagnostics;
using SstcFunctions.Core;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// Memory must not grow with the number of brochures ingested in one process: extract the same file many times
/// through the in-process pipeline (BrochureExtractor, as the blob trigger runs it) and compare RSS after warm-up
/// with RSS at the end. No forced GC before sampling: this is the RSS the host would show.
/// </summary>
public static class Soak
{
    public static int Run(Options options)
    {
        var path = options.Required("pdf");
        var count = options.Int("count", 200);
        var warmup = Math.Min(options.Int("warmup", 20), count - 1);
        var bytes = File.ReadAllBytes(path);
        var extractor = new BrochureExtractor();
        long firstRss = 0, maxRss = 0;
        var samples = new List<(int Iteration, long Rss, long Committed)>();
        var sw = Stopwatch.StartNew();
        var cards = 0;
        for (var i = 1; i <= count; i++)
        {
            using (var stream = new MemoryStream(bytes, writable: false))
            {
                cards = extractor.Extract(stream, $"soak-{i}").Projects.Count;
            }
            var rss = Memory.Rss();
            maxRss = Math.Max(maxRss, rss);
            if (i == warmup) firstRss = rss;
            if (i % Math.Max(1, count / 10) == 0 || i == warmup) samples.Add((i, rss, GC.GetGCMemoryInfo().TotalCommittedBytes));
        }
        var lastRss = Memory.Rss();
        var growth = firstRss == 0 ? 0 : (lastRss - firstRss) * 100.0 / firstRss;
        Console.WriteLine($"soak: {count} extractions of {Path.GetFileName(path)} ({cards} cards each) in {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  RSS samples (iteration: MB): {string.Join("  ", samples.Select(s => $"{s.Iteration}: {Memory.Mb(s.Rss)}"))}");
        Console.WriteLine($"  GC committed (iteration: MB): {string.Join("  ", samples.Select(s => $"{s.Iteration}: {Memory.Mb(s.Committed)}"))}");
        Console.WriteLine($"  RSS after warm-up ({warmup}): {Memory.Mb(firstRss)} MB, last: {Memory.Mb(lastRss)} MB, growth {growth:F1} %, max {Memory.Mb(maxRss)} MB");
        Console.WriteLine($"  managed heap after full GC: {Memory.Mb(GC.GetTotalMemory(forceFullCollection: true))} MB");
        options.Record(("count", count), ("first_rss_mb", Memory.Mb(firstRss)), ("last_rss_mb", Memory.Mb(lastRss)),
            ("growth_pct", growth), ("first_committed_mb", Memory.Mb(samples.First(s => s.Iteration == warmup).Committed)), ("last_committed_mb", Memory.Mb(samples[^1].Committed)), ("max_rss_mb", Memory.Mb(maxRss)), ("seconds", sw.Elapsed.TotalSeconds));
        return 0;
    }
}
