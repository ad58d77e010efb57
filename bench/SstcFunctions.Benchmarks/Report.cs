using System.Globalization;
using System.Text;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// The results table: every figure next to the baseline measured in the same run, and PASS/FAIL against the
/// targets of issue 6. A measurement that is missing (a step failed or was skipped) is a FAIL, never a pass.
/// </summary>
public static class Report
{
    public static int Run(Options options)
    {
        var kv = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(options.Required("kv")))
        {
            var eq = line.IndexOf('=');
            if (eq > 0) kv[line[..eq]] = line[(eq + 1)..];
        }
        double? N(string key) => kv.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) ? d : null;
        string S(string key) => kv.GetValueOrDefault(key) ?? "?";

        var rows = new List<string[]>();
        int pass = 0, fail = 0, info = 0;
        void Row(string measure, string result, string baseline, string ratio, string target, bool? ok)
        {
            var verdict = ok switch { true => "PASS", false => "FAIL", null => target == "" ? "info" : "FAIL (not measured)" };
            if (ok == true) pass++;
            else if (ok == false || target != "") fail++;
            else info++;
            rows.Add([measure, result, baseline, ratio, target, verdict]);
        }
        string F(double? v, string unit, int decimals = 0) => v is null ? "n/a" : v.Value.ToString("F" + decimals, CultureInfo.InvariantCulture) + unit;

        // 1. Extraction on the large generated brochure and on the seed fixture, against pdftotext.
        foreach (var (label, name, judged) in new[] { ("large", "large generated brochure", true), ("seed", "seed fixture", false) })
        {
            var pages = N($"{label}.pages");
            var sstc = N($"{label}.sstc_s");
            var pdftotext = N($"{label}.pdftotext_s");
            var ratio = sstc / pdftotext;
            var cards = N($"{label}.cards");
            var what = $"{name}: {F(pages, " pages")}{(cards is null ? "" : $", {F(cards, " cards")}")}";
            Row($"{what} — `sstc extract` wall time (median of {S($"{label}.runs")})",
                $"{F(sstc, " s", 2)} = {F(pages / sstc, " pages/s")}", $"pdftotext {F(pdftotext, " s", 2)} = {F(pages / pdftotext, " pages/s")}",
                F(ratio, "×", 2), judged ? "≤ 3× pdftotext" : "", judged ? ratio is null ? null : ratio <= 3 : null);
            var cpu = N($"{label}.sstc_cpu_s");
            var ptCpu = N($"{label}.pdftotext_cpu_s");
            Row($"{name} — CPU time (user+sys; less sensitive to other load than wall time)", F(cpu, " s", 2), $"pdftotext {F(ptCpu, " s", 2)}",
                F(cpu / ptCpu, "×", 2), "", null);
            var rss = N($"{label}.sstc_rss_mb");
            Row($"{name} — `sstc extract` peak RSS", F(rss, " MB"), $"pdftotext {F(N($"{label}.pdftotext_rss_mb"), " MB")}", "",
                judged ? "≤ 300 MB" : "", judged ? rss is null ? null : rss <= 300 : null);
        }
        var generated = N("acc.generated");
        var titles = N("acc.titles");
        Row("large brochure — cards found / generated (title matched ignoring spaces)",
            $"{F(N("acc.found"), "")} / {F(generated, "")} (titles exact {F(titles, "")}; extracted {F(N("acc.extracted"), "")}, extra {F(N("acc.extra"), "")})", "generator's card list", "",
            "100 %", N("acc.found") is not { } found || generated is null ? null : found >= generated && generated > 0);
        if (generated is > 0)
        {
            string P(string key) => F(N(key) * 100 / generated, " %", 1);
            Row("large brochure — page / region / outcome / countries / whole description right",
                $"{P("acc.pages")} / {P("acc.regions")} / {P("acc.outcomes")} / {P("acc.countries")} / {P("acc.descriptions")}", "", "", "", null);
        }
        if (N("seedacc.generated") is { } seedCards)
            Row("seed fixture — cards found (title ignoring spaces)", $"{F(N("seedacc.found"), "")} / {F(seedCards, "")}", "expected.json", "", "", null);

        // 2. Upload → queryable.
        var p50 = N("ingest.p50_ms");
        var p95 = N("ingest.p95_ms");
        var okCount = N("ingest.ok");
        var count = N("ingest.count");
        Row($"fixture upload → queryable, {F(count, "")} uploads via local host + Azurite (ok {F(okCount, "")})", $"p50 {F(p50, " ms")}", "", "", "p50 ≤ 2 s",
            p50 is null || okCount is null ? null : p50 <= 2000 && okCount == count);
        Row("", $"p95 {F(p95, " ms")}", "", "", "p95 ≤ 4 s", p95 is null || okCount is null ? null : p95 <= 4000 && okCount == count);

        // 3. Reads under load, against one raw Azurite query with the same filter.
        foreach (var (key, path) in new[] { ("country", "GET /api/projects?country=BR"), ("q", "GET /api/projects?q=migration"), ("facets", "GET /api/facets") })
        {
            var rps = N($"read.{key}.rps");
            var r50 = N($"read.{key}.p50_ms");
            var r99 = N($"read.{key}.p99_ms");
            var raw = N($"raw.{key}.ms");
            var rawRows = N($"raw.{key}.rows");
            var conns = S("read.connections");
            Row($"{path} — wrk {S("read.duration")}, {conns} connections", $"{F(rps, " req/s")}", "", "", "≥ 1,000 req/s", rps is null ? null : rps >= 1000);
            Row("", $"p99 {F(r99, " ms", 2)}", "", "", "p99 ≤ 50 ms", r99 is null ? null : r99 <= 50);
            Row("", $"p50 {F(r50, " ms", 2)}", $"raw Azurite query {F(raw, " ms", 1)} ({F(rawRows, " rows")}: {S($"raw.{key}.what")})", F(r50 / raw, "×", 3),
                "p50 < raw query", r50 is null || raw is null ? null : r50 < raw);
        }

        // 4. Memory over many brochures in one process.
        var growth = N("soak.growth_pct");
        Row($"memory over {F(N("soak.count"), "")} fixture extractions in one process (in-process pipeline)",
            $"RSS {F(N("soak.first_rss_mb"), " MB")} after warm-up → {F(N("soak.last_rss_mb"), " MB")} ({F(growth, " %", 1)}); GC committed {F(N("soak.first_committed_mb"), " MB")} → {F(N("soak.last_committed_mb"), " MB")}", "", "",
            "flat within 10 %", growth is null ? null : growth <= 10);
        if (N("ingest.host_first_rss_mb") is { } hostFirst)
            Row($"local host RSS over the {F(count, "")} uploads", $"{F(hostFirst, " MB")} → {F(N("ingest.host_last_rss_mb"), " MB")} ({F(N("ingest.host_growth_pct"), " %", 1)})", "", "", "", null);

        // Where extraction time goes (Stopwatch harness, warm, large brochure).
        if (N("phases.extract_ms") is { } extractMs)
        {
            string Pair(string key) => $"{F(N($"phases.{key}_ms"), "")}/{F(N($"phases.{key}_cpu_ms"), "")}";
            Row("large brochure — where time goes (in-process, warm medians, wall/CPU ms)",
                $"PdfPig letters alone {Pair("letters")} · reader (parse+glyphs+lines) {Pair("reader")} · layout {Pair("layout")} · classification+records (rest) {Pair("classification")} · whole extractor {Pair("extract")}",
                $"cold, once per process: classification data {F(N("phases.init_ms"), " ms")}, first PdfPig pass {F(N("phases.cold_letters_ms"), " ms")}; PdfPig letters on 2 documents in parallel {Pair("letters_parallel")}", "", "", null);
        }

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {S("machine.cpu")}, {S("machine.cores")} cores, {S("machine.mem_gb")} GB; {S("machine.os")}; .NET {S("machine.dotnet")}; {S("machine.pdftotext")}; wrk {S("machine.wrk")}. Run {S("machine.date")}, load average at end {S("machine.load_end")}{(kv.ContainsKey("machine.note") ? " — " + S("machine.note") : "")}.");
        sb.AppendLine();
        sb.AppendLine("| Measure | Result | Baseline (same run) | Ratio | Target | Verdict |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows) sb.AppendLine("| " + string.Join(" | ", r.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{pass} PASS, {fail} FAIL.");
        Console.WriteLine(sb.ToString());
        if (options.Optional("out") is { } outPath) File.WriteAllText(outPath, sb.ToString());
        return fail == 0 ? 0 : 1;
    }
}
