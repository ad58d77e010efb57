using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SstcFunctions.Benchmarks;

/// <summary>Compares `sstc extract` JSON with the generator's card list: speed is never bought with correctness.</summary>
public static partial class Accuracy
{
    public static int Run(Options options)
    {
        var expected = JsonSerializer.Deserialize<Generator.ExpectedBrochure>(File.ReadAllText(options.Required("expected")), Json.Indented)!;
        using var actualDoc = JsonDocument.Parse(File.ReadAllText(options.Required("actual")));
        var actual = actualDoc.RootElement.GetProperty("projects").EnumerateArray().Select(Card.From).ToList();

        var missing = new List<Generator.ExpectedCard>();
        var wrong = new Dictionary<string, List<string>>();
        var wrongCounts = new Dictionary<string, int>();
        void Wrong(string what, string example)
        {
            if (!wrong.TryGetValue(what, out var list)) wrong[what] = list = [];
            wrongCounts[what] = wrongCounts.GetValueOrDefault(what) + 1;
            if (list.Count < 3) list.Add(example);
        }
        // A card is found when its title matches ignoring spaces (word-gap detection is judged apart, as "titles
        // exact"); exact matches are paired first so one lenient pairing cannot steal another card's title.
        var unmatched = actual.GroupBy(a => Normalize(a.Title)).ToDictionary(g => g.Key, g => new Queue<Card>(g));
        var pairs = new Dictionary<Generator.ExpectedCard, Card>(ReferenceEqualityComparer.Instance);
        foreach (var card in expected.Projects)
        {
            if (unmatched.TryGetValue(Normalize(card.Title), out var exact) && exact.Count > 0) pairs[card] = exact.Dequeue();
        }
        var titles = pairs.Count;
        var loose = unmatched.Values.SelectMany(q => q).GroupBy(a => Squash(a.Title)).ToDictionary(g => g.Key, g => new Queue<Card>(g));
        foreach (var card in expected.Projects.Where(c => !pairs.ContainsKey(c)))
        {
            if (loose.TryGetValue(Squash(card.Title), out var near) && near.Count > 0)
            {
                pairs[card] = near.Dequeue();
                Wrong("title spacing", $"{card.Title} read as {pairs[card].Title}");
            }
        }
        int foundCount = 0, pages = 0, regions = 0, outcomes = 0, countries = 0, descriptions = 0;
        foreach (var card in expected.Projects)
        {
            if (!pairs.TryGetValue(card, out var found))
            {
                missing.Add(card);
                continue;
            }
            foundCount++;
            if (found.Page == card.Page) pages++; else Wrong("page", $"{card.Title}: {found.Page} vs {card.Page}");
            if (string.Equals(found.Region, card.Region, StringComparison.OrdinalIgnoreCase)) regions++; else Wrong("region", $"{card.Title}: {found.Region ?? "null"} vs {card.Region}");
            if (found.Outcome == card.Outcome) outcomes++; else Wrong("outcome", $"[{card.Design}] {card.Title}: {found.Outcome ?? "null"} vs {card.Outcome ?? "null"}");
            if (found.Countries.ToHashSet().SetEquals(card.Countries)) countries++; else Wrong("countries", $"{card.Title}: {string.Join(",", found.Countries)} vs {string.Join(",", card.Countries)}");
            if (Normalize(found.Description).StartsWith(Normalize(card.DescriptionStartsWith), StringComparison.Ordinal)
                && (card.DescriptionEndsWith is null || Normalize(found.Description).EndsWith(Normalize(card.DescriptionEndsWith), StringComparison.Ordinal))) descriptions++;
            else Wrong("description", $"{card.Title}: \"{Shorten(found.Description)}\"");
        }
        var extra = loose.Values.SelectMany(q => q).ToList();
        var n = expected.Projects.Count;
        double Pct(int k) => n == 0 ? 0 : Math.Round(100.0 * k / n, 2);

        Console.WriteLine($"accuracy: {actual.Count} cards extracted, {n} generated");
        Console.WriteLine($"  cards found         {foundCount,5} / {n} ({Pct(foundCount)} %)  (title matched ignoring spaces)");
        Console.WriteLine($"  titles exact        {titles,5} ({Pct(titles)} %)");
        Console.WriteLine($"  on the right page   {pages,5} ({Pct(pages)} %)");
        Console.WriteLine($"  region right        {regions,5} ({Pct(regions)} %)");
        Console.WriteLine($"  outcome right       {outcomes,5} ({Pct(outcomes)} %)");
        Console.WriteLine($"  countries exact     {countries,5} ({Pct(countries)} %)");
        Console.WriteLine($"  description whole   {descriptions,5} ({Pct(descriptions)} %)");
        Console.WriteLine($"  extra (unexpected)  {extra.Count,5}");
        foreach (var m in missing.Take(5)) Console.WriteLine($"  missing: p{m.Page} [{m.Design}] {m.Title}");
        foreach (var e in extra.Take(5)) Console.WriteLine($"  extra:   p{e.Page} {Shorten(e.Title)}");
        foreach (var (what, examples) in wrong)
            foreach (var example in examples) Console.WriteLine($"  wrong {what} ({wrongCounts[what]}x): {example}");
        var byDesign = missing.GroupBy(m => m.Design).Select(g => $"{g.Key}:{g.Count()}");
        if (missing.Count > 0) Console.WriteLine($"  missing by design: {string.Join(" ", byDesign)}");

        options.Record(("generated", n), ("extracted", actual.Count), ("found", foundCount), ("titles", titles), ("pages", pages), ("regions", regions),
            ("outcomes", outcomes), ("countries", countries), ("descriptions", descriptions), ("extra", extra.Count));
        return 0;
    }

    /// <summary>Case, whitespace, line-break hyphen spacing and apostrophe style do not count.</summary>
    public static string Normalize(string text)
    {
        var s = text.Replace('\u2019', '\'').Replace('\u00AD', ' ').Normalize(NormalizationForm.FormC).ToLowerInvariant();
        s = Whitespace().Replace(s, " ");
        s = HyphenBreak().Replace(s, "-");
        return s.Trim();
    }

    /// <summary>Normalized with every space removed: "SENEGALAND" and "SENEGAL AND" are the same card.</summary>
    public static string Squash(string text) => Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    private static string Shorten(string s) => s.Length <= 90 ? s : s[..90] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"-\s+")]
    private static partial Regex HyphenBreak();

    private sealed record Card(string Title, int Page, string? Region, string? Outcome, IReadOnlyList<string> Countries, string Description)
    {
        public static Card From(JsonElement e) => new(
            Str(e, "title") ?? "",
            e.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0,
            Str(e, "region"),
            e.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.Object ? Str(o, "id") : null,
            e.TryGetProperty("countries", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [],
            Str(e, "description") ?? "");

        private static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
