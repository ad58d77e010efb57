using System.Text.RegularExpressions;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// Canonical region names and the printed variants that mean them, in every language (data: Data/regions.json and
/// Data/regions.{lang}.json). The canonical names are English whatever the heading's language, so records merge.
/// </summary>
public sealed partial class RegionCatalogue
{
    /// <summary>A heading is a short line that is mostly the region name; longer text is prose that mentions one.</summary>
    public const int MaxHeadingWords = 10;

    public static RegionCatalogue Default { get; } = new([.. ClassificationData.LoadLanguages<RegionData>("regions").Select(l => l.Data)]);

    // Words a heading may carry around the name without changing which region it is ("the", "(continued)", "(suite)").
    private readonly HashSet<string> _noise = new(StringComparer.Ordinal);
    // Words that read as "and" ("y", "et"), so "Asia & Pacífico" is "Asia y Pacífico".
    private readonly HashSet<string> _and = new(StringComparer.Ordinal) { "and" };
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly List<string> _canonical = [];

    internal RegionCatalogue(params RegionData[] languages)
    {
        foreach (var data in languages)
        {
            _noise.UnionWith((data.Noise ?? []).Select(FoldedText.Key));
            _and.UnionWith((data.And ?? []).Select(FoldedText.Key));
        }
        foreach (var region in languages.SelectMany(l => l.Regions))
        {
            if (!_canonical.Contains(region.Name))
            {
                if (languages.Length > 1 && languages[0].Regions.All(r => r.Name != region.Name))
                    throw new InvalidDataException($"Region '{region.Name}' is not a canonical region of the first data file.");
                _canonical.Add(region.Name);
            }
            foreach (var variant in region.Variants.Append(region.Name))
            {
                var key = KeyOf(variant);
                if (key.Length == 0) throw new InvalidDataException($"Region variant '{variant}' has no words.");
                if (_byKey.TryGetValue(key, out var other) && other != region.Name)
                    throw new InvalidDataException($"Region variant '{variant}' names both {other} and {region.Name}.");
                _byKey[key] = region.Name;
            }
        }
    }

    /// <summary>The canonical region a heading names ("ASIA &amp; THE PACIFIC (continued)" → "Asia and the Pacific"), or null.</summary>
    public string? Match(string heading)
    {
        if (string.IsNullOrWhiteSpace(heading)) return null;
        // Section numbers ("2", "2.", "II.", "Chapter 3") before the name do not change the region.
        if (SectionNumber().Match(heading) is { Success: true } number && number.Length < heading.Length) heading = heading[number.Length..];
        if (Lookup(heading) is { } whole) return whole;
        // "EUROPE ORIENTALE ET ASIE CEN-\nTRALE": a heading hyphenated at a line break, read whole.
        if (LineBreakHyphen().IsMatch(heading) && Lookup(LineBreakHyphen().Replace(heading, "")) is { } joined) return joined;
        // "Global / Interregional", "Arab States / Middle East": a heading may give two names for one region.
        // Every part must name that same region, so a tag line "Interregional | Policy dialogue" is no heading.
        var parts = heading.Split(['/', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2) return null;
        var regions = parts.Select(Lookup).Distinct().ToList();
        return regions is [{ } only] ? only : null;
    }

    public IReadOnlyList<string> CanonicalNames => _canonical;

    [GeneratedRegex(@"(?<=\p{L})[-\u00AD]\s+(?=\p{L})")]
    private static partial Regex LineBreakHyphen();

    private string? Lookup(string heading)
    {
        var tokens = FoldedText.Tokenize(heading);
        if (tokens.Count == 0 || tokens.Count > MaxHeadingWords + 3) return null;
        var words = Words(tokens);
        if (words.Count == 0 || words.Count > MaxHeadingWords) return null;
        return _byKey.GetValueOrDefault(string.Join(' ', words));
    }

    private string KeyOf(string variant) => string.Join(' ', Words(FoldedText.Tokenize(variant)));

    private List<string> Words(List<FoldedToken> tokens)
    {
        var words = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (_noise.Contains(word)) continue;
            // "(cont'd)" folds to "cont" + "d".
            if (word == "d" && i > 0 && tokens[i - 1].Text == "cont") continue;
            words.Add(_and.Contains(word) ? "and" : word);
        }
        return words;
    }

    internal sealed record RegionData(IReadOnlyList<RegionEntry> Regions, IReadOnlyList<string>? Noise = null, IReadOnlyList<string>? And = null);

    internal sealed record RegionEntry(string Name, IReadOnlyList<string> Variants);

    [GeneratedRegex(@"^\s*(?:(?:section|chapter|part|capítulo|sección|parte|chapitre|partie)\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})[.):\-–]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SectionNumber();
}
