using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SstcFunctions.Benchmarks;

public sealed class UsageException(string message) : Exception(message);

/// <summary>"--name value" pairs; a flag without a value is "true".</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument {list[i]}");
            var name = list[i][2..];
            var value = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
            options._values[name] = value;
        }
        return options;
    }

    public string Required(string name) => _values.TryGetValue(name, out var v) ? v : throw new UsageException($"--{name} is required");
    public string? Optional(string name) => _values.GetValueOrDefault(name);
    public string String(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;
    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";

    /// <summary>Appends key=value lines to --kv FILE (if given), keys prefixed with --label.</summary>
    public void Record(params (string Key, object Value)[] values)
    {
        var path = Optional("kv");
        if (path is null) return;
        var label = Optional("label");
        var lines = values.Select(v => $"{(label is null ? "" : label + ".")}{v.Key}={Format(v.Value)}");
        File.AppendAllLines(path, lines);
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

public static class Json
{
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public static class Memory
{
    /// <summary>Resident set size of a process in bytes, from /proc (0 where /proc is missing).</summary>
    public static long Rss(int? pid = null) => Status(pid, "VmRSS:");

    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public static long PeakRss(int? pid = null) => Status(pid, "VmHWM:");

    private static long Status(int? pid, string field)
    {
        var path = $"/proc/{(pid is null ? "self" : pid.Value.ToString(CultureInfo.InvariantCulture))}/status";
        if (!File.Exists(path)) return 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var kb = line[field.Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    public static double Mb(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}

public static class Stats
{
    /// <summary>Nearest-rank percentile of a sample (p in 0..100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);
}

public static class Commands
{
    public static int Ports(Options options)
    {
        var listeners = Enumerable.Range(0, options.Int("count", 1)).Select(_ =>
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return l;
        }).ToList();
        foreach (var l in listeners) Console.WriteLine(((IPEndPoint)l.LocalEndpoint).Port);
        foreach (var l in listeners) l.Stop();
        return 0;
    }

    public static int Generate(Options options)
    {
        var outDir = options.Required("out");
        var name = options.String("name", "large");
        var expected = Generator.Generate(outDir, name, options.Int("pages", 300), options.Int("seed", 42),
            options.Optional("designs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            options.Flag("producers"));
        Console.WriteLine($"generated {Path.Combine(outDir, name)}.html: {expected.Pages} pages, {expected.Cards} cards, designs {string.Join(", ", expected.Designs ?? [])}");
        options.Record(("pages", expected.Pages), ("cards", expected.Cards));
        return 0;
    }

    /// <summary>
    /// Fills in the pages of an expected list whose producer chose them (LaTeX, Writer): each card's page is the page
    /// of `pdftotext -raw` output that prints its title, searched from the previous card's page on (cards are listed in
    /// print order). A title printed nowhere is a render error. Rewrites --expected in place.
    /// </summary>
    public static int Locate(Options options)
    {
        var path = options.Required("expected");
        var expected = JsonSerializer.Deserialize<Generator.ExpectedBrochure>(File.ReadAllText(path), Json.Indented)!;
        var pages = File.ReadAllText(options.Required("text")).Split('\f').Select(Loose).ToArray();
        var printed = pages.Count(p => p.Length > 0);
        var located = new List<Generator.ExpectedCard>();
        var from = 0;
        foreach (var card in expected.Projects)
        {
            var title = Loose(card.Title);
            var at = Array.FindIndex(pages, from, p => p.Contains(title, StringComparison.Ordinal));
            if (at < 0)
            {
                Console.Error.WriteLine($"locate: title not printed after page {from + 1}: {card.Title}");
                return 1;
            }
            from = at;
            located.Add(card with { Page = at + 1 });
        }
        File.WriteAllText(path, JsonSerializer.Serialize(expected with { Pages = printed, Projects = located }, Json.Indented));
        Console.WriteLine($"locate: {located.Count} cards on {printed} pages");
        options.Record(("pages", printed), ("cards", located.Count));
        return 0;
    }

    /// <summary>
    /// Guards the generator, not the extractor: every title and every description's last words must be printed on
    /// the card's page (nothing clipped by an under-estimated card height), checked on `pdftotext -raw` output.
    /// </summary>
    public static int CheckRender(Options options)
    {
        var expected = JsonSerializer.Deserialize<Generator.ExpectedBrochure>(File.ReadAllText(options.Required("expected")), Json.Indented)!;
        var pages = File.ReadAllText(options.Required("text")).Split('\f').Select(Loose).ToArray();
        var problems = new List<string>();
        if (pages.Count(p => p.Length > 0) < expected.Pages) problems.Add($"PDF has {pages.Length} pages of text, expected {expected.Pages}");
        foreach (var card in expected.Projects)
        {
            var text = card.Page - 1 < pages.Length ? pages[card.Page - 1] : "";
            if (!text.Contains(Loose(card.Title), StringComparison.Ordinal)) problems.Add($"page {card.Page}: title not printed: {card.Title}");
            if (card.DescriptionEndsWith is not null && !text.Contains(Loose(card.DescriptionEndsWith), StringComparison.Ordinal)) problems.Add($"page {card.Page}: description clipped: {card.Title}");
        }
        foreach (var p in problems.Take(20)) Console.Error.WriteLine(p);
        Console.WriteLine(problems.Count == 0
            ? $"render check: all {expected.Cards} cards printed in full on their pages"
            : $"render check: {problems.Count} problems");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Squashed and without hyphens: a word TeX hyphenated at a line end ("de-\nsign") is the word ("design").</summary>
    private static string Loose(string text) => Accuracy.Squash(text).Replace("-", "", StringComparison.Ordinal);
}
