using System.Text.RegularExpressions;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// ILO Programme and Budget policy outcomes (data: Data/outcomes.json, and outcomes.{lang}.json for the titles and
/// outcome lines of other languages). Ids are the same in every language; lines are recognised in all of them at
/// once ("Outcome 5 –", "Resultado 5:", "Résultat 5 :"), since a Spanish brochure may well print an English line.
/// </summary>
public sealed class OutcomeCatalogue
{
    public static OutcomeCatalogue Default { get; } = new(ClassificationData.LoadLanguages<OutcomeData>("outcomes"));

    // Words a title must share with the printed text before a line without a number counts as naming it.
    private const int TitlePrefixWords = 5;

    private readonly Dictionary<string, PolicyOutcome> _byId = new(StringComparer.Ordinal);
    private readonly List<PolicyOutcome> _all = [];
    private readonly Dictionary<string, Dictionary<string, PolicyOutcome>> _byLanguage = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, PolicyOutcome Outcome)> _titlePrefixes = [];
    private readonly string[] _keywords;
    private readonly Regex _line;
    private readonly Regex _mention;
    private readonly Regex _label;
    private readonly Regex _keyword;

    internal OutcomeCatalogue(OutcomeData english) : this([(ClassificationLanguages.English, english)])
    {
    }

    /// <param name="languages">English first: its titles are the canonical ones.</param>
    internal OutcomeCatalogue(IReadOnlyList<(string Language, OutcomeData Data)> languages)
    {
        var (first, canonical) = languages[0];
        if (first != ClassificationLanguages.English) throw new InvalidDataException("The English outcomes come first.");
        foreach (var entry in canonical.Outcomes)
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Title))
                throw new InvalidDataException("Every outcome needs an id and a title.");
            var outcome = new PolicyOutcome(entry.Id, entry.Title);
            if (!_byId.TryAdd(entry.Id, outcome)) throw new InvalidDataException($"Outcome {entry.Id} is listed twice.");
            _all.Add(outcome);
        }
        foreach (var (language, data) in languages)
        {
            var titles = new Dictionary<string, PolicyOutcome>(StringComparer.Ordinal);
            foreach (var entry in data.Outcomes)
            {
                if (!_byId.TryGetValue(entry.Id, out var outcome)) throw new InvalidDataException($"Outcome {entry.Id} ({language}) is not an English outcome.");
                if (string.IsNullOrWhiteSpace(entry.Title)) throw new InvalidDataException($"Outcome {entry.Id} ({language}) has no title.");
                if (!titles.TryAdd(entry.Id, outcome with { Title = entry.Title })) throw new InvalidDataException($"Outcome {entry.Id} ({language}) is listed twice.");
                var words = FoldedText.Tokenize(entry.Title).Take(TitlePrefixWords).Select(t => t.Text);
                // A title in any language names the outcome; the record gets its own language's title later.
                _titlePrefixes.Add((" " + string.Join(' ', words) + " ", outcome));
            }
            _byLanguage[language] = titles;
        }

        _keywords = [.. languages.SelectMany(l => l.Data.Keywords).Distinct()];
        // "Outcome 5", "OUTCOMES 3 and 5", "Policy outcome 5.", "Enabling outcome A", "P&B Outcome No. 2", "Résultat 5 :".
        // Letter ids must be capitals so that "outcome a" in running text is not outcome A.
        var head = "(?:" + string.Join('|', languages.Select(l => "(?:" + l.Data.Head + ")")) + @")\s*(?:no\.?\s*|n[°º]\.?\s*|\#\s*)?";
        const string id = @"(?<id>[1-8]|(?-i:[A-C]))(?![\p{L}\p{Nd}])";
        var and = string.Join('|', languages.SelectMany(l => l.Data.And).Distinct().Select(w => @"\b" + Regex.Escape(w) + @"\b"));
        var ids = id + @"(?:\s*(?:,|&|/|" + and + @")\s*" + id + ")*";
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        _line = new Regex(@"^[\s\p{P}\p{S}]*" + head + @"(?:" + ids + @"|\s*[:\-–—])", options);
        _mention = new Regex(@"\b" + head + ids, options);
        _label = new Regex(@"\b" + head + ids + @"\s*[:\-–—.)]", options);
        _keyword = new Regex(@"\b(?:" + string.Join('|', languages.Select(l => l.Data.Head)) + @")\b", options);
    }

    /// <summary>True when the text starts like an outcome line ("Outcome 5: …", "Policy outcome A –", "Résultat 3 :").</summary>
    public bool IsOutcomeLine(string text) => _line.IsMatch(text);

    /// <summary>Every outcome named in the text, canonical titles, in order, without duplicates.</summary>
    public IReadOnlyList<PolicyOutcome> Parse(string text) => Collect(text, _mention, byTitle: true);

    /// <summary>
    /// Outcomes a description names as a label ("… decent work. Outcome 5: Skills …", "(Outcome 5)"), which is how
    /// an outcome line looks once the layout merged it into the text; a bare "outcome 3" in prose does not count.
    /// </summary>
    public IReadOnlyList<PolicyOutcome> ParseLabels(string text) => Collect(text, _label, byTitle: false);

    /// <summary>The outcomes with their canonical (English) titles.</summary>
    public IReadOnlyList<PolicyOutcome> All => _all;

    /// <summary>Languages with outcome titles, English first.</summary>
    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public PolicyOutcome? Find(string id) => _byId.GetValueOrDefault(id.Trim().ToUpperInvariant());

    /// <summary>The outcome with its title in the language ("Resultado 5" → the Spanish title); the canonical one where the language has none.</summary>
    public PolicyOutcome Localize(PolicyOutcome outcome, string? language) =>
        language is not null && _byLanguage.TryGetValue(language, out var titles) && titles.TryGetValue(outcome.Id, out var local)
            ? local
            : _byId.GetValueOrDefault(outcome.Id) ?? outcome;

    private List<PolicyOutcome> Collect(string text, Regex pattern, bool byTitle)
    {
        var found = new List<PolicyOutcome>();
        // Most descriptions never say "outcome": skip the regex scan for them.
        if (!_keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase))) return found;
        foreach (Match match in pattern.Matches(text))
        {
            foreach (Capture id in match.Groups["id"].Captures)
            {
                if (_byId.TryGetValue(id.Value.ToUpperInvariant(), out var outcome) && !found.Contains(outcome)) found.Add(outcome);
            }
        }
        if (found.Count == 0 && byTitle && _keyword.IsMatch(text))
        {
            // "Policy outcome: Skills and lifelong learning …" names its outcome by title only.
            var key = " " + FoldedText.Key(text) + " ";
            foreach (var (prefix, outcome) in _titlePrefixes)
            {
                if (key.Contains(prefix, StringComparison.Ordinal) && !found.Contains(outcome)) found.Add(outcome);
            }
        }
        return found;
    }

    internal sealed record OutcomeData(string Head, IReadOnlyList<string> And, IReadOnlyList<string> Keywords, IReadOnlyList<OutcomeEntry> Outcomes,
        IReadOnlyList<string>? Biennia = null);

    internal sealed record OutcomeEntry(string Id, string Title, bool Enabling = false);
}
