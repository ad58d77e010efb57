using System.Collections.Concurrent;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// Decides which topics a card is about (data: Data/topics.json). Evidence is weighed, not merely found:
/// a strong phrase is enough on its own, weak terms need company or the title, hints only tip the balance,
/// and an "exclude" phrase vetoes the topic. See the data file's header for the scoring.
/// </summary>
public sealed class TopicTaxonomy
{
    private static readonly IReadOnlyList<(string Language, TopicData Data)> AllData = ClassificationData.LoadLanguages<TopicData>("topics");
    private static readonly ConcurrentDictionary<string, TopicTaxonomy> ByLanguage = new(StringComparer.Ordinal);

    public static TopicTaxonomy Default { get; } = new(AllData[0].Data);

    /// <summary>
    /// The taxonomy for a card in that language: the English phrases and that language's (topics.{lang}.json),
    /// with the English scoring; English alone for English or a language without phrases.
    /// </summary>
    public static TopicTaxonomy For(string? language)
    {
        if (AllData.FirstOrDefault(l => l.Language == language && language != ClassificationLanguages.English) is not { Data: { } local }) return Default;
        return ByLanguage.GetOrAdd(language!, _ => new TopicTaxonomy(AllData[0].Data, local));
    }

    private readonly PhraseIndex<TopicTerm> _index = new();
    private readonly List<TopicEntry> _topics;
    private readonly Scoring _scoring;

    /// <param name="data">English first: it defines the topics, their labels and the scoring; the others add phrases.</param>
    internal TopicTaxonomy(TopicData data, params TopicData[] others)
    {
        _topics = [.. data.Topics];
        Slugs = _topics.Select(t => t.Slug).ToList();
        _scoring = data.Scoring ?? throw new InvalidDataException("The English topics need a scoring.");
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in data.Topics)
        {
            if (!slugs.Add(topic.Slug)) throw new InvalidDataException($"Topic {topic.Slug} is listed twice.");
        }
        foreach (var language in others.Prepend(data))
        {
            foreach (var topic in language.Topics)
            {
                if (!slugs.Contains(topic.Slug)) throw new InvalidDataException($"Topic {topic.Slug} is not an English topic.");
                if (topic.Strong.Count == 0) throw new InvalidDataException($"Topic {topic.Slug} has no strong phrase.");
                foreach (var phrase in topic.Strong) _index.Add(phrase, new TopicTerm(topic.Slug, _scoring.Strong, false));
                foreach (var phrase in topic.Weak ?? []) _index.Add(phrase, new TopicTerm(topic.Slug, _scoring.Weak, false));
                foreach (var phrase in topic.Hints ?? []) _index.Add(phrase, new TopicTerm(topic.Slug, _scoring.Hint, false));
                foreach (var phrase in topic.Exclude ?? []) _index.Add(phrase, new TopicTerm(topic.Slug, 0, true));
            }
            foreach (var phrase in language.Neutral) _index.Add(phrase, null);
        }
    }

    /// <summary>Every topic slug, in data-file order.</summary>
    public IReadOnlyList<string> Slugs { get; }

    /// <summary>The topic's name for people ("Women's economic empowerment"), or null for an unknown slug.</summary>
    public string? Label(string slug) => _topics.FirstOrDefault(t => t.Slug == slug)?.Label;

    /// <summary>The topics a card is about, in taxonomy order.</summary>
    public IReadOnlyList<string> Classify(string title, string description) =>
        Classify(FoldedDocument.Of(title), FoldedDocument.Of(description));

    internal IReadOnlyList<string> Classify(FoldedDocument title, FoldedDocument description)
    {
        var evidence = new Dictionary<string, Dictionary<string, (double Weight, bool Strong)>>(StringComparer.Ordinal);
        var vetoed = new HashSet<string>(StringComparer.Ordinal);
        Collect(title, _scoring.TitleFactor, evidence, vetoed);
        Collect(description, 1, evidence, vetoed);

        var topics = new List<string>();
        foreach (var topic in _topics)
        {
            if (!evidence.TryGetValue(topic.Slug, out var phrases)) continue;
            // An exclude phrase shows the weak words mean something else here; only strong phrases still count.
            var score = vetoed.Contains(topic.Slug)
                ? phrases.Values.Where(v => v.Strong).Sum(v => v.Weight)
                : phrases.Values.Sum(v => v.Weight);
            if (score >= _scoring.Threshold) topics.Add(topic.Slug);
        }
        return topics;
    }

    internal IEnumerable<string> Patterns => _index.Patterns;

    private void Collect(FoldedDocument document, double factor, Dictionary<string, Dictionary<string, (double Weight, bool Strong)>> evidence, HashSet<string> vetoed)
    {
        foreach (var hit in _index.Find(document.Text, document.Tokens))
        {
            foreach (var term in hit.Payloads)
            {
                if (term.Excludes)
                {
                    vetoed.Add(term.Slug);
                    continue;
                }
                if (!evidence.TryGetValue(term.Slug, out var phrases)) evidence[term.Slug] = phrases = new(StringComparer.Ordinal);
                // A phrase counts once per card, at its best placement (title over description).
                var weight = term.Weight * factor;
                if (!phrases.TryGetValue(hit.Phrase, out var previous) || previous.Weight < weight)
                    phrases[hit.Phrase] = (weight, term.Weight >= _scoring.Strong);
            }
        }
    }

    private sealed record TopicTerm(string Slug, double Weight, bool Excludes);

    /// <summary>Scoring only in the English file; other languages' files give phrases for the same slugs.</summary>
    internal sealed record TopicData(Scoring? Scoring, IReadOnlyList<string> Neutral, IReadOnlyList<TopicEntry> Topics);

    internal sealed record Scoring(double Strong, double Weak, double Hint, double TitleFactor, double Threshold);

    internal sealed record TopicEntry(string Slug, string Label, IReadOnlyList<string> Strong, IReadOnlyList<string>? Weak,
        IReadOnlyList<string>? Hints, IReadOnlyList<string>? Exclude);
}
