using System.Globalization;
using SstcFunctions.Core;
using SstcFunctions.Core.Records;
using SstcFunctions.TestSupport;
using UglyToad.PdfPig;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// `sstc-bench fixtures`: extracts every fixture brochure with the real extractor and prints one accuracy table
/// (scripts/accuracy.sh). Fixture folders: tests/SstcFunctions.Core.Tests/Fixtures/*, the shared seed brochure(s)
/// (../shared/brochures/*) and, with --blind, tests/blind-fixtures/*; each holds brochure.pdf and expected.json.
/// </summary>
public static class FixtureReport
{
    public const double TargetF1 = 0.98;
    public const double TargetExact = 0.95;

    public static int Run(Options options)
    {
        var root = options.Optional("root") ?? FindRoot();
        var folders = Folders(root, options.Flag("blind"), options.Optional("shared"));
        var only = options.Optional("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (only is not null) folders = folders.Where(f => only.Contains(Path.GetFileName(f))).ToList();
        var verbose = options.Optional("verbose");
        if (verbose is not null && verbose != "true" && !folders.Any(f => Path.GetFileName(f) == verbose))
            throw new UsageException($"no fixture named {verbose}");

        var rows = new List<(FixtureTruth Truth, FixtureScore? Score, string? Error)>();
        foreach (var folder in folders)
        {
            var truth = FixtureTruth.Load(folder);
            try
            {
                using var stream = File.OpenRead(truth.Pdf);
                var result = new BrochureExtractor().Extract(stream, BrochureId.FromFileName(truth.Name + ".pdf"));
                var score = FixtureScore.Score(truth.Cards, result.Projects);
                rows.Add((truth, score, null));
                if (verbose == "true" || verbose == truth.Name) PrintCards(truth, score);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                rows.Add((truth, null, $"{e.GetType().Name}: {e.Message}"));
            }
        }

        PrintTable(rows);
        var unscored = rows.Where(r => r.Score is not null).SelectMany(r => r.Score!.Unscored).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unscored.Count > 0)
            Console.WriteLine($"\nnot scored, the records have no such property yet: {string.Join(", ", unscored)} (their columns show – until they do)");
        var below = rows.Where(r => r.Score is null || r.Score.F1 < TargetF1 || r.Score.ExactShare < TargetExact).ToList();
        Console.WriteLine();
        Console.WriteLine(below.Count == 0
            ? $"every fixture meets card F1 ≥ {TargetF1} and ≥ {TargetExact:P0} cards exact"
            : $"{below.Count} of {rows.Count} fixtures below card F1 ≥ {TargetF1} or {TargetExact:P0} cards exact: {string.Join(", ", below.Select(b => b.Truth.Name))}");
        foreach (var (truth, score, _) in rows.Where(r => r.Score is not null))
        {
            options.Record(($"{truth.Name}.f1", Math.Round(score!.F1, 4)), ($"{truth.Name}.exact", Math.Round(score.ExactShare, 4)));
        }
        return options.Flag("strict") && below.Count > 0 ? 1 : 0;
    }

    private static List<string> Folders(string root, bool blind, string? shared)
    {
        var sharedDir = shared
                        ?? (Environment.GetEnvironmentVariable("SSTC_SHARED_DIR") is { Length: > 0 } env ? env : Path.Combine(root, "..", "shared"));
        var parents = new List<string>
        {
            Path.Combine(root, "tests", "SstcFunctions.Core.Tests", "Fixtures"),
            Path.Combine(sharedDir, "brochures"),
        };
        if (blind) parents.Add(Path.Combine(root, "tests", "blind-fixtures"));
        return parents.Where(Directory.Exists)
            .SelectMany(p => Directory.GetDirectories(p).Order(StringComparer.Ordinal))
            .Where(f => File.Exists(Path.Combine(f, "expected.json")) && File.Exists(Path.Combine(f, "brochure.pdf")))
            .ToList();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SstcFunctions.sln"))) return dir.FullName;
        }
        throw new UsageException("run inside the repository or pass --root DIR");
    }

    private static void PrintTable(List<(FixtureTruth Truth, FixtureScore? Score, string? Error)> rows)
    {
        string[] head = ["fixture", "producer", "lang", "cards exp/found", "P", "R", "F1", .. FixtureScore.Fields, "order", "exact"];
        var table = new List<string[]> { head };
        foreach (var (truth, score, error) in rows)
        {
            var producer = truth.Producer ?? Producer(truth.Pdf);
            if (score is null)
            {
                table.Add([truth.Name, producer, truth.Language, $"{truth.Cards.Count}/–", .. Enumerable.Repeat("–", head.Length - 5), "error"]);
                Console.Error.WriteLine($"{truth.Name}: {error}");
                continue;
            }
            table.Add([
                truth.Name, producer, truth.Language, $"{score.Expected}/{score.Found}",
                F(score.Precision), F(score.Recall), F(score.F1),
                .. FixtureScore.Fields.Select(f => score.Field(f).Share is { } s ? Pct(s) : "–"),
                score.Matched == 0 ? "–" : Pct(score.Order),
                $"{Pct(score.ExactShare)} ({score.ExactCards})",
            ]);
        }
        var widths = head.Select((_, i) => table.Max(r => r[i].Length)).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => i < 3 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |";
        Console.WriteLine(Line(head));
        Console.WriteLine("|" + string.Join("|", widths.Select((w, i) => i < 3 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in table.Skip(1)) Console.WriteLine(Line(row));
    }

    private static void PrintCards(FixtureTruth truth, FixtureScore score)
    {
        Console.WriteLine($"== {truth.Name}: {score.Matched} of {score.Expected} cards paired, {score.Found} extracted, {score.ExactCards} exact");
        foreach (var line in score.Mismatches()) Console.WriteLine("  " + line);
        Console.WriteLine();
    }

    /// <summary>The PDF's producer, shortened (Chromium's "Skia/PDF m…" → Chromium).</summary>
    private static string Producer(string pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var producer = document.Information.Producer ?? document.Information.Creator ?? "?";
            return producer.Contains("Skia", StringComparison.Ordinal) ? "Chromium" : producer.Split(' ')[0];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "?";
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Pct(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";
}
