namespace SstcFunctions.Core.Classification;

/// <summary>The languages the classifier has vocabularies for, as BCP 47 tags (data: Data/languages.json).</summary>
public static class ClassificationLanguages
{
    /// <summary>The language of the canonical names (regions, countries, outcome ids) and of a text nothing decides.</summary>
    public const string English = "en";

    /// <summary>Every language the detector knows, in data-file order.</summary>
    public static IReadOnlyList<string> All => LanguageDetector.Default.Languages;

    /// <summary>The language's name in itself ("Español"), or null for an unknown tag.</summary>
    public static string? Name(string tag) => LanguageDetector.Default.Name(tag);

    /// <summary>"es", "ES", "es-419" → "es"; null when the tag is not a language the classifier knows.</summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.Contains(primary) ? primary : null;
    }
}

/// <summary>What <see cref="LanguageDetector"/> decided: the language and how many of the text's words spoke for it.</summary>
public sealed record LanguageGuess(string Language, int Evidence, double Share);

/// <summary>
/// Tells which of the catalogue's languages a text is in by its function words ("the", "los", "des"), counted on
/// folded tokens. Each word belongs to one language: words two languages share ("de", "la") tell nothing and are not listed.
/// Too few such words, or a tie, decide nothing: the caller keeps what it knew (the brochure's language).
/// </summary>
public sealed class LanguageDetector
{
    public static LanguageDetector Default { get; } = new(ClassificationData.Load<LanguageData>("languages.json"));

    private readonly Dictionary<string, int> _languageByWord = new(StringComparer.Ordinal);
    private readonly List<string> _languages = [];
    private readonly LanguageData _data;

    internal LanguageDetector(LanguageData data)
    {
        _data = data;
        foreach (var language in data.Languages)
        {
            if (_languages.Contains(language.Tag)) throw new InvalidDataException($"Language {language.Tag} is listed twice.");
            if (language.StopWords.Count < data.MinimumEvidence) throw new InvalidDataException($"Language {language.Tag} has too few stop words.");
            var index = _languages.Count;
            _languages.Add(language.Tag);
            foreach (var word in language.StopWords)
            {
                var key = FoldedText.Key(word);
                if (key.Length == 0 || key.Contains(' ')) throw new InvalidDataException($"Stop word '{word}' ({language.Tag}) must be one word.");
                if (_languageByWord.TryGetValue(key, out var other) && other != index)
                    throw new InvalidDataException($"Stop word '{word}' is listed for {_languages[other]} and {language.Tag}: it tells nothing.");
                _languageByWord[key] = index;
            }
        }
    }

    public IReadOnlyList<string> Languages => _languages;

    /// <summary>The language's name in itself ("Français"), or null for an unknown tag.</summary>
    public string? Name(string tag) => _data.Languages.FirstOrDefault(l => l.Tag == tag)?.Name;

    /// <summary>The text's language, or null when its words do not decide (too short, no function words, a tie).</summary>
    public LanguageGuess? Detect(string? text) => Detect(FoldedDocument.Of(text));

    internal LanguageGuess? Detect(FoldedDocument document)
    {
        var counts = new int[_languages.Count];
        foreach (var token in document.Tokens)
        {
            if (_languageByWord.TryGetValue(token.Text, out var language)) counts[language]++;
        }
        var best = -1;
        var runnerUp = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (best < 0 || counts[i] > counts[best])
            {
                if (best >= 0) runnerUp = Math.Max(runnerUp, counts[best]);
                best = i;
            }
            else runnerUp = Math.Max(runnerUp, counts[i]);
        }
        if (best < 0 || counts[best] < _data.MinimumEvidence) return null;
        // The winner must outweigh the next language clearly: a Spanish name in an English text is not Spanish.
        if (counts[best] < runnerUp * _data.MinimumLead) return null;
        var share = document.Tokens.Count == 0 ? 0 : (double)counts[best] / document.Tokens.Count;
        return new LanguageGuess(_languages[best], counts[best], Math.Round(share, 3));
    }

    internal sealed record LanguageData(int MinimumEvidence, double MinimumLead, IReadOnlyList<LanguageEntry> Languages);

    internal sealed record LanguageEntry(string Tag, string Name, IReadOnlyList<string> StopWords);
}
