// Length: just over 300 lines on purpose — the ground-truth schema and the scoring of each field beside it, so a new
// expected.json field and its score are added in one place.
using System.Globalization;
using System.Text;
using System.Text.Json;
using SstcFunctions.Core.Records;

namespace SstcFunctions.TestSupport;

/// <summary>
/// The ground truth of one fixture brochure (its expected.json) as the accuracy report reads it: the seed's schema
/// plus optional fields (<c>descriptionEndsWith</c>, <c>continuedOn</c>, <c>partners</c>, <c>budget</c>,
/// <c>duration</c>, <c>outcomes</c>, <c>language</c>; top-level <c>producer</c> and <c>language</c>).
/// </summary>
public sealed record FixtureTruth(string Name, string Folder, string? Producer, string Language, IReadOnlyList<TruthCard> Cards)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Pdf => Path.Combine(Folder, "brochure.pdf");

    public static FixtureTruth Load(string folder)
    {
        var file = JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(Path.Combine(folder, "expected.json")), Json)
                   ?? throw new InvalidDataException($"{folder}/expected.json is empty");
        return new FixtureTruth(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, file.Producer,
            file.Language ?? "en", file.Projects);
    }

    private sealed record TruthFile(string? Producer, string? Language, IReadOnlyList<TruthCard> Projects);
}

/// <summary>One card of expected.json. Null optional fields are not scored.</summary>
public sealed record TruthCard(
    int Page,
    string Region,
    string Title,
    string DescriptionStartsWith,
    IReadOnlyList<string> Countries,
    string? Outcome,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string>? CountriesOptional = null,
    IReadOnlyList<string>? Outcomes = null,
    IReadOnlyList<string>? Tags = null,
    string? DescriptionEndsWith = null,
    IReadOnlyList<int>? ContinuedOn = null,
    string? Partners = null,
    string? Budget = null,
    string? Duration = null,
    string? Language = null);

/// <summary>Right answers out of the matched cards that state the field (Total 0: the fixture does not give it).</summary>
public sealed record FieldScore(string Field, int Right, int Total)
{
    public double? Share => Total == 0 ? null : (double)Right / Total;
}

/// <summary>One expected card, the card it was paired with (null: missing) and the fields that differ.</summary>
public sealed record CardVerdict(TruthCard Expected, ProjectRecord? Actual, IReadOnlyList<string> Wrong)
{
    public bool Exact => Actual is not null && Wrong.Count == 0;
}

/// <summary>
/// How well the extractor read one fixture: card precision/recall/F1 (cards paired by title, normalised for case,
/// whitespace and hyphenation: exact first, then lenient), accuracy of each field over the paired cards, and the
/// share of expected cards that are exact on every field the ground truth gives.
/// </summary>
public sealed class FixtureScore
{
    /// <summary>Field names, in the report's column order.</summary>
    public static readonly string[] Fields =
        ["title", "region", "descStart", "descEnd", "countries", "outcome", "topics", "page", "tags", "labels", "continued", "language"];

    private FixtureScore(int expected, int found, IReadOnlyList<CardVerdict> cards, IReadOnlyList<ProjectRecord> extra)
    {
        Expected = expected;
        Found = found;
        Cards = cards;
        Extra = extra;
    }

    public int Expected { get; }
    public int Found { get; }
    public IReadOnlyList<CardVerdict> Cards { get; }
    /// <summary>Extracted cards paired with no expected card.</summary>
    public IReadOnlyList<ProjectRecord> Extra { get; }

    public int Matched => Cards.Count(c => c.Actual is not null);
    public double Precision => Found == 0 ? (Expected == 0 ? 1 : 0) : (double)Matched / Found;
    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public int ExactCards => Cards.Count(c => c.Exact);
    /// <summary>Exact cards over expected cards (a missing card is not exact).</summary>
    public double ExactShare => Expected == 0 ? 1 : (double)ExactCards / Expected;

    /// <summary>Reading order: the longest run of paired cards whose extracted order (ordinal) follows the expected
    /// order, over the paired cards (1 when every paired card is in order). Not part of a card's exactness.</summary>
    public double Order
    {
        get
        {
            var ordinals = Cards.Where(c => c.Actual is not null).Select(c => c.Actual!.Ordinal).ToList();
            if (ordinals.Count == 0) return 1;
            var tails = new List<int>(); // patience sorting: tails[k] = smallest tail of an increasing run of length k+1
            foreach (var ordinal in ordinals)
            {
                var at = tails.BinarySearch(ordinal);
                if (at < 0) at = ~at;
                if (at == tails.Count) tails.Add(ordinal); else tails[at] = ordinal;
            }
            return (double)tails.Count / ordinals.Count;
        }
    }

    /// <summary>Every missing, extra or wrong card, one line per card and one indented line per wrong field (what
    /// `scripts/accuracy.sh --verbose` prints, and what a test can show when a threshold fails).</summary>
    public IEnumerable<string> Mismatches()
    {
        foreach (var card in Cards.Where(c => !c.Exact))
        {
            yield return card.Actual is null
                ? $"MISSING p{card.Expected.Page} \"{card.Expected.Title}\""
                : $"p{card.Expected.Page} \"{card.Expected.Title}\"";
            foreach (var wrong in card.Wrong.Where(w => w != "missing")) yield return "    " + wrong;
        }
        foreach (var extra in Extra) yield return $"EXTRA p{extra.Page} \"{extra.Title}\"";
    }

    public FieldScore Field(string field)
    {
        var right = 0;
        var total = 0;
        foreach (var card in Cards.Where(c => c.Actual is not null && Applies(field, c.Expected, c.Actual!)))
        {
            total++;
            if (!card.Wrong.Any(w => w.StartsWith(field + ":", StringComparison.Ordinal))) right++;
        }
        return new FieldScore(field, right, total);
    }

    public static FixtureScore Score(IReadOnlyList<TruthCard> expected, IReadOnlyList<ProjectRecord> actual)
    {
        var pairs = Pair(expected, actual);
        var verdicts = expected.Select((card, i) => pairs.TryGetValue(i, out var found)
            ? new CardVerdict(card, found, Compare(card, found).ToList())
            : new CardVerdict(card, null, ["missing"])).ToList();
        var used = pairs.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        return new FixtureScore(expected.Count, actual.Count, verdicts, actual.Where(a => !used.Contains(a)).ToList());
    }

    /// <summary>Exact normalised titles first, then titles equal once squashed to letters and digits, then the closest
    /// remaining title when it is similar enough (a title with a stray word or a split letter-spaced run).</summary>
    private static Dictionary<int, ProjectRecord> Pair(IReadOnlyList<TruthCard> expected, IReadOnlyList<ProjectRecord> actual)
    {
        var pairs = new Dictionary<int, ProjectRecord>();
        var free = actual.ToList();
        foreach (var key in new Func<string, string>[] { NormalizeTitle, Squash })
        {
            for (var i = 0; i < expected.Count; i++)
            {
                if (pairs.ContainsKey(i)) continue;
                var wanted = key(expected[i].Title);
                var hit = free.FirstOrDefault(a => key(a.Title) == wanted);
                if (hit is null) continue;
                pairs[i] = hit;
                free.Remove(hit);
            }
        }
        var candidates = new List<(double Similarity, int Index, ProjectRecord Card)>();
        for (var i = 0; i < expected.Count; i++)
        {
            if (pairs.ContainsKey(i)) continue;
            foreach (var card in free)
            {
                var similarity = Similarity(Squash(expected[i].Title), Squash(card.Title));
                if (similarity >= 0.8) candidates.Add((similarity, i, card));
            }
        }
        foreach (var (_, index, card) in candidates.OrderByDescending(c => c.Similarity))
        {
            if (pairs.ContainsKey(index) || !free.Contains(card)) continue;
            pairs[index] = card;
            free.Remove(card);
        }
        return pairs;
    }

    private static bool Applies(string field, TruthCard expected, ProjectRecord actual) => field switch
    {
        "descEnd" => expected.DescriptionEndsWith is not null,
        "tags" => expected.Tags is not null,
        "labels" => Labels(expected).Any(l => Carries(actual, l.Name)),
        "continued" => expected.ContinuedOn is not null && Carries(actual, "continuedOn"),
        "language" => expected.Language is not null && Carries(actual, "language"),
        _ => true,
    };

    /// <summary>Record properties the ground truth gives but the record type does not carry at all (so they cannot be
    /// scored yet: a record type without a <c>language</c> property is not marked wrong on language, it is listed here).</summary>
    public IReadOnlyList<string> Unscored
    {
        get
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var card in Cards.Where(c => c.Actual is not null))
            {
                var wanted = Labels(card.Expected).Select(l => l.Name).ToList();
                if (card.Expected.ContinuedOn is not null) wanted.Add("continuedOn");
                if (card.Expected.Language is not null) wanted.Add("language");
                names.UnionWith(wanted.Where(name => !Carries(card.Actual!, name)));
            }
            return names.ToList();
        }
    }

    private static IEnumerable<(string Name, string Value)> Labels(TruthCard expected) =>
        new[] { ("partners", expected.Partners), ("budget", expected.Budget), ("duration", expected.Duration) }
            .Where(l => l.Item2 is not null).Select(l => (l.Item1, l.Item2!));

    /// <summary>Every field of <paramref name="actual"/> that differs from <paramref name="expected"/>, as "field: why".</summary>
    public static IEnumerable<string> Compare(TruthCard expected, ProjectRecord actual)
    {
        if (Collapse(actual.Title) != Collapse(expected.Title)) yield return $"title: \"{actual.Title}\"";
        if (actual.Region != expected.Region) yield return $"region: \"{actual.Region}\", expected \"{expected.Region}\"";
        var description = NormalizeText(actual.Description);
        if (!description.StartsWith(NormalizeText(expected.DescriptionStartsWith), StringComparison.Ordinal))
            yield return $"descStart: \"{Shorten(actual.Description, true)}\", expected \"{expected.DescriptionStartsWith}\"";
        if (expected.DescriptionEndsWith is { } end && !description.EndsWith(NormalizeText(end), StringComparison.Ordinal))
            yield return $"descEnd: \"{Shorten(actual.Description, false)}\", expected \"…{end}\"";
        var missing = expected.Countries.Except(actual.Countries).ToList();
        var extra = actual.Countries.Except(expected.Countries).Except(expected.CountriesOptional ?? []).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            yield return $"countries: [{string.Join(",", actual.Countries)}], expected [{string.Join(",", expected.Countries)}]";
        var outcomeWrong = actual.Outcome?.Id != expected.Outcome
                           || (expected.Outcomes is { } all && !all.ToHashSet().SetEquals(actual.Outcomes.Select(o => o.Id)));
        if (outcomeWrong)
            yield return $"outcome: {actual.Outcome?.Id ?? "none"} [{string.Join(",", actual.Outcomes.Select(o => o.Id))}], expected {expected.Outcome ?? "none"}";
        var topics = expected.Topics.Except(actual.Topics).ToList();
        if (topics.Count > 0) yield return $"topics: lack {string.Join(",", topics)} (found {string.Join(",", actual.Topics)})";
        if (actual.Page != expected.Page) yield return $"page: {actual.Page}, expected {expected.Page}";
        if (expected.Tags is { } tags && !tags.SequenceEqual(actual.Tags))
            yield return $"tags: [{string.Join(" · ", actual.Tags)}], expected [{string.Join(" · ", tags)}]";
        foreach (var (name, value) in Labels(expected).Where(l => Carries(actual, l.Name)))
        {
            var found = Property(actual, name);
            if (found is null || NormalizeText(found) != NormalizeText(value)) yield return $"labels: {name} \"{found ?? "none"}\", expected \"{value}\"";
        }
        if (expected.ContinuedOn is { } pages && Carries(actual, "continuedOn")
            && Property(actual, "continuedOn") is var continued && continued != string.Join(",", pages))
            yield return $"continued: [{continued}], expected [{string.Join(",", pages)}]";
        if (expected.Language is { } language && Carries(actual, "language")
            && !string.Equals(Property(actual, "language"), language, StringComparison.OrdinalIgnoreCase))
            yield return $"language: {Property(actual, "language") ?? "none"}, expected {language}";
    }

    /// <summary>Whether the record type has a property of that JSON name at all (null or not).</summary>
    private static bool Carries(ProjectRecord record, string name) =>
        JsonSerializer.SerializeToElement(record, RecordJson.Options).TryGetProperty(name, out _);

    /// <summary>A record property the scorer knows by its JSON name only (fields newer than this scorer's record type):
    /// a string, or an array's items joined by commas; null when the record has no such property.</summary>
    private static string? Property(ProjectRecord record, string name)
    {
        var json = JsonSerializer.SerializeToElement(record, RecordJson.Options);
        if (!json.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => null,
        };
    }

    /// <summary>Whitespace collapsed and typographic apostrophes as plain ones (TeX prints ' as ’); everything else as printed.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Replace('\u00AD', ' ').Replace('\u2019', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);

    /// <summary>Case, whitespace, apostrophe style and soft hyphens do not count.</summary>
    public static string NormalizeText(string text) =>
        Collapse(text.Replace('\u2019', '\'').Replace("\u00AD", "", StringComparison.Ordinal)).ToLower(CultureInfo.InvariantCulture);

    /// <summary>Normalised, and a hyphen at a line break (<c>af- fairs</c>) joined.</summary>
    public static string NormalizeTitle(string text) => NormalizeText(text).Replace("- ", "", StringComparison.Ordinal);

    /// <summary>Letters and digits only, folded: <c>Pe r Lear-ning</c> = <c>Peer learning</c> minus one letter.</summary>
    public static string Squash(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in NormalizeText(text).Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>1 − Levenshtein distance / longer length.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    private static string Shorten(string text, bool start) =>
        text.Length <= 70 ? text : start ? text[..70] + "…" : "…" + text[^70..];
}
