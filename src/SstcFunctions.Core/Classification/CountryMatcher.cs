using System.Globalization;

namespace SstcFunctions.Core.Classification;

/// <summary>A country named in a text: its ISO 3166-1 alpha-2 code, canonical English name and the words as printed.</summary>
public sealed record CountryMention(string Code, string Name, string MatchedText);

/// <summary>
/// Finds countries named in free text. Names come from the platform's ICU data (every region's English and
/// native names, across all cultures it ships) plus the small Data/country-aliases.json for what ICU lacks.
/// Matching is on folded word tokens (case, accents, apostrophes, dashes and line breaks do not matter),
/// longest name first, so "Papua New Guinea" is not also "Guinea" and "Nigeria" is never "Niger".
/// </summary>
public sealed class CountryMatcher
{
    public static CountryMatcher Default { get; } = new(ClassificationData.Load<CountryAliasData>("country-aliases.json"));

    private const int MinimumIcuRegions = 200;

    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byNameKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byAlpha3 = new(StringComparer.OrdinalIgnoreCase);
    // First folded word → every name starting with it, longest first.
    private readonly Dictionary<string, CountryName[]> _byFirstWord;

    internal CountryMatcher(CountryAliasData data)
    {
        var ignored = data.IgnoredNames.Select(FoldedText.Key).ToHashSet(StringComparer.Ordinal);
        var names = new List<CountryName>();

        void Add(string? code, string name, bool capitalsOnly)
        {
            var words = FoldedText.Tokenize(name).Select(t => t.Text).ToArray();
            if (words.Length == 0) return;
            var key = string.Join(' ', words);
            if (ignored.Contains(key)) return;
            // ICU gives some names to two regions (a dependency and its state); the first, a real code, wins.
            if (_byNameKey.TryGetValue(key, out var existing) && existing != code) return;
            if (code is not null) _byNameKey[key] = code;
            names.Add(new CountryName(code, words, capitalsOnly));
        }

        // Places named after a country that are not it ("Gulf of Guinea", "New Mexico"): matched first, reported never.
        foreach (var place in data.NotCountries ?? []) Add(null, place, capitalsOnly: false);
        foreach (var (code, region) in IcuRegions(data.ExcludedCodes))
        {
            _canonical[code] = data.CanonicalNames.GetValueOrDefault(code) ?? region.EnglishName.Replace(" & ", " and ");
            _byAlpha3.TryAdd(region.ThreeLetterISORegionName, code);
        }
        // Without ICU (InvariantGlobalization, or no libicu in the image) every country would silently go unfound.
        if (_canonical.Count < MinimumIcuRegions)
            throw new InvalidOperationException(
                $"ICU reports only {_canonical.Count} regions: country matching needs ICU data (InvariantGlobalization=false and libicu installed).");
        // Aliases first: "Congo" is the Republic of the Congo, whatever an ICU native name says.
        foreach (var (code, aliases) in data.Aliases)
        {
            if (!_canonical.ContainsKey(code)) throw new InvalidDataException($"Country alias code {code} is not an ICU region.");
            foreach (var alias in aliases) Add(code, alias, capitalsOnly: false);
        }
        foreach (var (code, abbreviations) in data.Abbreviations)
        {
            if (!_canonical.ContainsKey(code)) throw new InvalidDataException($"Country abbreviation code {code} is not an ICU region.");
            foreach (var abbreviation in abbreviations) Add(code, abbreviation, capitalsOnly: true);
        }
        foreach (var (code, name) in _canonical) Add(code, name, capitalsOnly: false);
        foreach (var (code, name) in IcuNames(_canonical.Keys.ToHashSet())) Add(code, name, capitalsOnly: false);

        _byFirstWord = names
            .GroupBy(n => n.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Code → canonical English name, for every country and territory the matcher knows.</summary>
    public IReadOnlyDictionary<string, string> CanonicalNames => _canonical;

    /// <summary>Every country mention in order, longest names first, never overlapping.</summary>
    public IReadOnlyList<CountryMention> Find(string text) => Find(FoldedDocument.Of(text));

    internal List<CountryMention> Find(FoldedDocument document)
    {
        var mentions = new List<CountryMention>();
        var (text, tokens) = (document.Text, document.Tokens);
        var i = 0;
        while (i < tokens.Count)
        {
            var match = LongestAt(text, tokens, i);
            if (match is null)
            {
                i++;
                continue;
            }
            if (match.Code is null)
            {
                i += match.Words.Length;
                continue;
            }
            var last = tokens[i + match.Words.Length - 1];
            mentions.Add(new CountryMention(match.Code, _canonical[match.Code], text[tokens[i].Start..last.End]));
            i += match.Words.Length;
        }
        return mentions;
    }

    /// <summary>"BR", "br", "BRA", "Brazil", "Brasil" → "BR"; null when the text names no known country.</summary>
    public string? Resolve(string nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode)) return null;
        var trimmed = nameOrCode.Trim();
        if (trimmed.Length == 2 && _canonical.ContainsKey(trimmed.ToUpperInvariant())) return trimmed.ToUpperInvariant();
        if (_byNameKey.TryGetValue(FoldedText.Key(trimmed), out var code)) return code;
        return trimmed.Length == 3 ? _byAlpha3.GetValueOrDefault(trimmed) : null;
    }

    internal IReadOnlyDictionary<string, string> NameKeys => _byNameKey;

    private CountryName? LongestAt(string text, List<FoldedToken> tokens, int start)
    {
        if (!_byFirstWord.TryGetValue(tokens[start].Text, out var candidates)) return null;
        foreach (var candidate in candidates)
        {
            if (start + candidate.Words.Length > tokens.Count) continue;
            var matches = true;
            for (var w = 1; w < candidate.Words.Length && matches; w++) matches = tokens[start + w].Text == candidate.Words[w];
            if (!matches) continue;
            var printed = text.AsSpan(tokens[start].Start, tokens[start + candidate.Words.Length - 1].End - tokens[start].Start);
            // Country names are proper nouns: "turkey" or "jersey" in lower case are a bird and a fabric.
            if (!HasUpper(printed)) continue;
            if (candidate.CapitalsOnly && HasLower(printed)) continue;
            return candidate;
        }
        return null;
    }

    private static bool HasUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsUpper(c)) return true;
        return false;
    }

    private static bool HasLower(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsLower(c)) return true;
        return false;
    }

    private static IEnumerable<(string Code, RegionInfo Region)> IcuRegions(IReadOnlyList<string> excluded)
    {
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                var code = string.Concat(a, b);
                if (excluded.Contains(code)) continue;
                RegionInfo region;
                try { region = new RegionInfo(code); }
                catch (ArgumentException) { continue; }
                // Some codes are ICU aliases of another region (e.g. "UK" of "GB").
                if (region.TwoLetterISORegionName == code) yield return (code, region);
            }
        }
    }

    /// <summary>English and native names of each region, the latter in every language ICU has a culture for there.</summary>
    private static IEnumerable<(string Code, string Name)> IcuNames(HashSet<string> codes)
    {
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            var region = new RegionInfo(code);
            foreach (var name in Variants(region.EnglishName)) yield return (code, name);
            foreach (var name in Variants(region.NativeName)) yield return (code, name);
        }
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try { region = new RegionInfo(culture.Name); }
            catch (ArgumentException) { continue; }
            if (!codes.Contains(region.TwoLetterISORegionName)) continue;
            foreach (var name in Variants(region.NativeName)) yield return (region.TwoLetterISORegionName, name);
        }
    }

    /// <summary>"Myanmar (Burma)" is also "Myanmar"; "St. Lucia" is also "Saint Lucia"; "Congo - Kinshasa" stays as is.</summary>
    private static IEnumerable<string> Variants(string name)
    {
        yield return name;
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')')) yield return name[..open];
        if (name.StartsWith("St. ", StringComparison.Ordinal)) yield return "Saint " + name[4..];
    }

    private sealed record CountryName(string? Code, string[] Words, bool CapitalsOnly);

    internal sealed record CountryAliasData(
        IReadOnlyList<string> ExcludedCodes,
        IReadOnlyList<string> IgnoredNames,
        IReadOnlyDictionary<string, string> CanonicalNames,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Abbreviations,
        IReadOnlyList<string>? NotCountries);
}
