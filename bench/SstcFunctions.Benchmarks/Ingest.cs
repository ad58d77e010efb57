using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// Upload → queryable latency through the HTTP API: POST /api/brochures?name=PREFIX-N with the PDF, then poll
/// GET /api/projects?brochure=PREFIX-N until its projects are served. Sequential uploads, one at a time.
/// With --pid, also samples the host's RSS after every upload (memory must not grow with brochures ingested).
/// </summary>
public static class Ingest
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUri = new Uri(options.Required("base").TrimEnd('/') + "/");
        var pdf = await File.ReadAllBytesAsync(options.Required("pdf"));
        var count = options.Int("count", 20);
        var prefix = options.String("prefix", "bench");
        var expectCards = options.Int("expect-cards", 1);
        var timeout = TimeSpan.FromSeconds(options.Double("timeout", 30));
        var pollMs = options.Int("poll-ms", 20);
        int? pid = options.Optional("pid") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null;
        var warmup = Math.Min(options.Int("warmup", 10), Math.Max(1, count / 2));

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>();
        var failures = 0;
        long firstRss = 0, lastRss = 0;
        var rssSamples = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var name = $"{prefix}-{i}";
            var sw = Stopwatch.StartNew();
            using var content = new ByteArrayContent(pdf);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var post = await http.PostAsync($"api/brochures?name={Uri.EscapeDataString(name)}", content);
            if (post.StatusCode != HttpStatusCode.Accepted && !post.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"  {name}: POST answered {(int)post.StatusCode} {await post.Content.ReadAsStringAsync()}");
                failures++;
                continue;
            }
            var status = post.Headers.Location;
            var served = 0;
            string? lastStatus = null;
            while (sw.Elapsed < timeout)
            {
                using var get = await http.GetAsync($"api/projects?brochure={Uri.EscapeDataString(name)}");
                if (get.IsSuccessStatusCode)
                {
                    served = CountProjects(await get.Content.ReadAsStringAsync());
                    if (served >= expectCards) break;
                }
                if (status is not null && sw.ElapsedMilliseconds > 5000 && lastStatus is null)
                {
                    // A slow one: record what the brochure status says, for the report.
                    using var st = await http.GetAsync(status);
                    lastStatus = $"{(int)st.StatusCode} {Shorten(await st.Content.ReadAsStringAsync())}";
                }
                await Task.Delay(pollMs);
            }
            sw.Stop();
            if (served >= expectCards) latencies.Add(sw.Elapsed.TotalMilliseconds);
            else
            {
                failures++;
                var st = status is null ? "" : await http.GetStringAsync(status).ContinueWith(t => t.IsCompletedSuccessfully ? Shorten(t.Result) : t.Exception?.GetBaseException().Message ?? "");
                Console.Error.WriteLine($"  {name}: not queryable after {timeout.TotalSeconds:F0} s ({served} projects served); status: {st}");
            }
            if (pid is not null)
            {
                var rss = Memory.Rss(pid);
                if (i == warmup) firstRss = rss;
                lastRss = rss;
                if (i % Math.Max(1, count / 10) == 0 || i == warmup) rssSamples.Add($"{i}: {Memory.Mb(rss)}");
            }
        }

        var p50 = Stats.Percentile(latencies, 50);
        var p95 = Stats.Percentile(latencies, 95);
        Console.WriteLine($"ingest: {latencies.Count}/{count} uploads queryable, {failures} failed; upload→queryable p50 {p50:F0} ms, p95 {p95:F0} ms, max {(latencies.Count > 0 ? latencies.Max() : double.NaN):F0} ms");
        options.Record(("count", count), ("ok", latencies.Count), ("failed", failures), ("p50_ms", p50), ("p95_ms", p95),
            ("max_ms", latencies.Count > 0 ? latencies.Max() : double.NaN));
        if (pid is not null)
        {
            var growth = firstRss == 0 ? 0 : (lastRss - firstRss) * 100.0 / firstRss;
            Console.WriteLine($"  host RSS (upload: MB): {string.Join("  ", rssSamples)}; after warm-up {Memory.Mb(firstRss)} MB, last {Memory.Mb(lastRss)} MB ({growth:F1} %)");
            options.Record(("host_first_rss_mb", Memory.Mb(firstRss)), ("host_last_rss_mb", Memory.Mb(lastRss)), ("host_growth_pct", growth));
        }
        return 0;
    }

    /// <summary>Projects in a GET /api/projects answer: a JSON array, or an object holding one (items/projects/value/results).</summary>
    public static int CountProjects(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array) return root.GetArrayLength();
            if (root.ValueKind != JsonValueKind.Object) return 0;
            foreach (var name in new[] { "items", "projects", "value", "results", "data" })
            {
                if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array) return list.GetArrayLength();
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array) return property.Value.GetArrayLength();
            }
            return 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
