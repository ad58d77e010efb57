using System.Text.RegularExpressions;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Classification;

/// <summary>ILO Programme and Budget policy outcomes (data: Data/outcomes.json).</summary>
public sealed partial class OutcomeCatalog
{
    public static OutcomeCatalog Default { get; } = new(ClassificationData.Load<OutcomeData>("outcomes.json"));

    // Words a title must share with the printed text before a line without a number counts as naming it.
    private const int TitlePrefixWords = 5;

    private readonly Dictionary<string, PolicyOutcome> _byId = new(StringComparer.Ordinal);
    private readonly List<PolicyOutcome> _all = [];
    private readonly List<(string Prefix, PolicyOutcome Outcome)> _titlePrefixes = [];

    internal OutcomeCatalog(OutcomeData data)
    {
        foreach (var entry in data.Outcomes)
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Title))
                throw new InvalidDataException("Every outcome needs an id and a title.");
            var outcome = new PolicyOutcome(entry.Id, entry.Title);
            if (!_byId.TryAdd(entry.Id, outcome)) throw new InvalidDataException($"Outcome {entry.Id} is listed twice.");
            _all.Add(outcome);
            var words = FoldedText.Tokenize(entry.Title).Take(TitlePrefixWords).Select(t => t.Text);
            _titlePrefixes.Add((" " + string.Join(' ', words) + " ", outcome));
        }
    }

    /// <summary>True when the text starts like an outcome line ("Outcome 5: …", "Policy outcome A –", "OUTCOME 3").</summary>
    public bool IsOutcomeLine(string text) => LinePattern().IsMatch(text);

    /// <summary>Every outcome named in the text, canonical titles, in order, without duplicates.</summary>
    public IReadOnlyList<PolicyOutcome> Parse(string text) => Collect(text, MentionPattern(), byTitle: true);

    /// <summary>
    /// Outcomes a description names as a label ("… decent work. Outcome 5: Skills …", "(Outcome 5)"), which is how
    /// an outcome line looks once the layout merged it into the text; a bare "outcome 3" in prose does not count.
    /// </summary>
    public IReadOnlyList<PolicyOutcome> ParseLabels(string text) => Collect(text, LabelPattern(), byTitle: false);

    public IReadOnlyList<PolicyOutcome> All => _all;

    public PolicyOutcome? Find(string id) => _byId.GetValueOrDefault(id.Trim().ToUpperInvariant());

    private List<PolicyOutcome> Collect(string text, Regex pattern, bool byTitle)
    {
        var found = new List<PolicyOutcome>();
        // Most descriptions never say "outcome": skip the regex scan for them.
        if (!text.Contains("outcome", StringComparison.OrdinalIgnoreCase)) return found;
        foreach (Match match in pattern.Matches(text))
        {
            foreach (Capture id in match.Groups["id"].Captures)
            {
                if (_byId.TryGetValue(id.Value.ToUpperInvariant(), out var outcome) && !found.Contains(outcome)) found.Add(outcome);
            }
        }
        if (found.Count == 0 && byTitle && KeywordPattern().IsMatch(text))
        {
            // "Policy outcome: Skills and lifelong learning …" names its outcome by title only.
            var key = " " + FoldedText.Key(text) + " ";
            foreach (var (prefix, outcome) in _titlePrefixes)
            {
                if (key.Contains(prefix, StringComparison.Ordinal)) found.Add(outcome);
            }
        }
        return found;
    }

    // "Outcome 5", "OUTCOMES 3 and 5", "Policy outcome 5.", "Enabling outcome A", "P&B Outcome No. 2".
    // Letter ids must be capitals so that "outcome a" in running text is not outcome A.
    private const string Head = @"(?:(?:policy|enabling|p\s*&\s*b|ilo|programme\s+and\s+budget)\s+)?outcomes?\s*(?:no\.?\s*|n[°º]\s*|\#\s*)?";
    private const string Id = @"(?<id>[1-8]|(?-i:[A-C]))(?![\p{L}\p{Nd}])";
    private const string IdList = Id + @"(?:\s*(?:,|&|/|\band\b|\bor\b)\s*" + Id + ")*";

    [GeneratedRegex(@"^[\s\p{P}\p{S}]*" + Head + @"(?:" + IdList + @"|\s*[:\-–—])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"\b" + Head + IdList, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\b" + Head + IdList + @"\s*[:\-–—.)]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\boutcomes?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();

    internal sealed record OutcomeData(IReadOnlyList<OutcomeEntry> Outcomes);

    internal sealed record OutcomeEntry(string Id, string Title, bool Enabling = false);
}
