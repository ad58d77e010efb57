namespace SstcFunctions.Core.Classification;

/// <summary>The languages the classifier has vocabularies for, as BCP 47 tags (data: Data/languages.json).</summary>
public static class ClassificationLanguages
{
    /// <summary>The language of the canonical names (regions, countries, outcome ids) and of a text nothing decides.</summary>
    public const string English = "en";

    /// <summary>Every language the detector knows, in data-file order.</summary>
    public static IReadOnlyList<string> All => LanguageDetector.Default.Languages;

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
/// Tells which of the catalogue's languages a text is in by its function words ("the", "de los", "des"), counted on
/// folded tokens. A word shared by two languages ("de", "la") counts for both, so only the distinctive ones decide.
/// Too few such words, or a tie, decide nothing: the caller keeps what it knew (the brochure's language).
/// </summary>
public sealed class LanguageDetector
{
    public static LanguageDetector Default { get; } = new(ClassificationData.Load<LanguageData>("languages.json"));

    private readonly Dictionary<string, List<int>> _languagesByWord = new(StringComparer.Ordinal);
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
                if (!_languagesByWord.TryGetValue(key, out var list)) _languagesByWord[key] = list = [];
                if (!list.Contains(index)) list.Add(index);
            }
        }
    }

    public IReadOnlyList<string> Languages => _languages;

    /// <summary>The text's language, or null when its words do not decide (too short, no function words, a tie).</summary>
    public LanguageGuess? Detect(string? text) => Detect(FoldedDocument.Of(text));

    internal LanguageGuess? Detect(FoldedDocument document)
    {
        var counts = new int[_languages.Count];
        foreach (var token in document.Tokens)
        {
            if (!_languagesByWord.TryGetValue(token.Text, out var languages)) continue;
            foreach (var language in languages) counts[language]++;
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
        // The winner must outweigh the next language clearly: shared words leave close scores between es and fr.
        if (counts[best] < runnerUp * _data.MinimumLead) return null;
        var share = document.Tokens.Count == 0 ? 0 : (double)counts[best] / document.Tokens.Count;
        return new LanguageGuess(_languages[best], counts[best], Math.Round(share, 3));
    }

    internal sealed record LanguageData(int MinimumEvidence, double MinimumLead, IReadOnlyList<LanguageEntry> Languages);

    internal sealed record LanguageEntry(string Tag, string Name, IReadOnlyList<string> StopWords);
}
