using System.Diagnostics;
using SstcFunctions.Core;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Pdf;
using UglyToad.PdfPig;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// Where extraction time goes, in one process: a cold BrochureExtractor run (JIT included, as `sstc extract` pays
/// it), then warm runs of each phase alone — bare PdfPig letters (the floor any PdfPig reader pays), the reader
/// (parse + glyphs + lines), the layout (cards), and the whole extractor (classification is the remainder).
/// </summary>
public static class Phases
{
    public static int Run(Options options)
    {
        var path = options.Required("pdf");
        var runs = options.Int("runs", 3);
        var limits = ExtractionLimits.Default with { MaxDuration = TimeSpan.FromMinutes(10), MaxPages = 100_000, MaxFileBytes = long.MaxValue };

        // Cold costs paid once per process, before any page is read: the classification data (country names from
        // ICU across all cultures, regions, outcomes) and PdfPig's first document (fonts, JIT).
        var classificationInit = Measure(() =>
        {
            _ = SstcFunctions.Core.Classification.CountryMatcher.Default;
            _ = SstcFunctions.Core.Classification.RegionCatalogue.Default;
            _ = SstcFunctions.Core.Classification.OutcomeCatalogue.Default;
            return 0;
        });
        Console.WriteLine($"cold: classification data init {classificationInit.Ms:F0} ms");
        var coldLetters = Measure(() => Letters(path));
        Console.WriteLine($"cold: first PdfPig pass over the file (PdfPig JIT, font set-up) {coldLetters.Ms:F0} ms, {coldLetters.Result} letters");
        var cold = Measure(() =>
        {
            using var s = File.OpenRead(path);
            return new BrochureExtractor(limits).Extract(s, "phases").Projects.Count;
        });
        Console.WriteLine($"cold extract (JIT included): {cold.Ms:F0} ms, {cold.Result} cards");

        var results = new Dictionary<string, List<Measurement>>();
        void Add(string name, Measurement m) => (results.TryGetValue(name, out var l) ? l : results[name] = []).Add(m);
        var pageCount = 0;
        for (var run = 0; run < runs; run++)
        {
            Add("pdfpig.letters", Measure(() => Letters(path)));
            Add("pdfpig.letters.2docs-parallel", Measure(() =>
            {
                // Two documents on two streams, odd and even pages: what a page-parallel reader could gain on 2 cores.
                var total = 0;
                Parallel.For(0, 2, part =>
                {
                    using var s = File.OpenRead(path);
                    using var doc = PdfDocument.Open(s, new ParsingOptions { UseLenientParsing = true });
                    var n = 0;
                    for (var i = 1 + part; i <= doc.NumberOfPages; i += 2) n += doc.GetPage(i).Letters.Count;
                    Interlocked.Add(ref total, n);
                });
                return total;
            }));
            IReadOnlyList<PageText>? pages = null;
            Add("reader (parse+glyphs+lines)", Measure(() =>
            {
                using var s = File.OpenRead(path);
                pages = PdfTextReader.ReadPages(s, limits);
                return pages.Count;
            }));
            Add("layout (cards)", Measure(() => new BrochureLayoutReader(SstcFunctions.Core.Classification.BrochureVocabulary.Default).Read(pages!).Cards.Count));
            Add("extract (whole)", Measure(() =>
            {
                using var s = File.OpenRead(path);
                return new BrochureExtractor(limits).Extract(s, "phases").Projects.Count;
            }));
        }

        using (var d = PdfDocument.Open(path)) pageCount = d.NumberOfPages;
        Console.WriteLine($"{Path.GetFileName(path)}: {pageCount} pages, warm runs: {runs} (median shown)");
        Console.WriteLine($"  {"phase",-32} {"ms",8} {"cpu ms",8} {"pages/s",9} {"alloc MB",9} {"gen0",5} {"gen1",5} {"gen2",5}");
        var medians = new Dictionary<string, double>();
        var cpuMedians = new Dictionary<string, double>();
        foreach (var (name, list) in results)
        {
            var ms = Stats.Median(list.Select(m => m.Ms).ToList());
            medians[name] = ms;
            cpuMedians[name] = Stats.Median(list.Select(m => m.CpuMs).ToList());
            var m0 = list.OrderBy(m => m.Ms).ElementAt(list.Count / 2);
            Console.WriteLine($"  {name,-32} {ms,8:F0} {cpuMedians[name],8:F0} {pageCount / (ms / 1000),9:F0} {Memory.Mb(m0.Allocated),9:F0} {m0.Gen0,5} {m0.Gen1,5} {m0.Gen2,5}");
        }
        var classification = medians["extract (whole)"] - medians["reader (parse+glyphs+lines)"] - medians["layout (cards)"];
        var classificationCpu = cpuMedians["extract (whole)"] - cpuMedians["reader (parse+glyphs+lines)"] - cpuMedians["layout (cards)"];
        Console.WriteLine($"  {"classification+records (rest)",-32} {classification,8:F0} {classificationCpu,8:F0}");
        Console.WriteLine($"  peak RSS of this process: {Memory.Mb(Memory.PeakRss())} MB");
        options.Record(("pages", pageCount), ("cold_ms", cold.Ms), ("init_ms", classificationInit.Ms), ("cold_letters_ms", coldLetters.Ms), ("letters_ms", medians["pdfpig.letters"]),
            ("letters_parallel_ms", medians["pdfpig.letters.2docs-parallel"]), ("reader_ms", medians["reader (parse+glyphs+lines)"]),
            ("layout_ms", medians["layout (cards)"]), ("extract_ms", medians["extract (whole)"]), ("classification_ms", classification),
            ("letters_cpu_ms", cpuMedians["pdfpig.letters"]), ("letters_parallel_cpu_ms", cpuMedians["pdfpig.letters.2docs-parallel"]),
            ("reader_cpu_ms", cpuMedians["reader (parse+glyphs+lines)"]), ("layout_cpu_ms", cpuMedians["layout (cards)"]),
            ("extract_cpu_ms", cpuMedians["extract (whole)"]), ("classification_cpu_ms", classificationCpu));
        return 0;
    }

    private static int Letters(string path)
    {
        using var s = File.OpenRead(path);
        using var doc = PdfDocument.Open(s, new ParsingOptions { UseLenientParsing = true });
        var n = 0;
        for (var i = 1; i <= doc.NumberOfPages; i++) n += doc.GetPage(i).Letters.Count;
        return n;
    }

    public sealed record Measurement(double Ms, double CpuMs, long Allocated, int Gen0, int Gen1, int Gen2, int Result);

    private static Measurement Measure(Func<int> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = action();
        sw.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        return new Measurement(sw.Elapsed.TotalMilliseconds, cpuMs, GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, result);
    }
}
