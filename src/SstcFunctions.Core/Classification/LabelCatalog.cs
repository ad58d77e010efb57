namespace SstcFunctions.Core.Classification;

/// <summary>
/// Labels a card carries whenever its text names them: the activities a project runs (Data/activities.json)
/// and the cooperation modality (Data/modalities.json). Unlike topics, one explicit phrase is enough.
/// </summary>
public sealed class LabelCatalog
{
    public static LabelCatalog Activities { get; } = new(ClassificationData.Load<LabelData>("activities.json"));

    public static LabelCatalog Modalities { get; } = new(ClassificationData.Load<LabelData>("modalities.json"));

    private readonly PhraseIndex<string> _index = new();
    private readonly List<string> _slugs = [];

    internal LabelCatalog(LabelData data)
    {
        foreach (var label in data.Labels)
        {
            if (_slugs.Contains(label.Slug)) throw new InvalidDataException($"Label {label.Slug} is listed twice.");
            if (label.Phrases.Count == 0) throw new InvalidDataException($"Label {label.Slug} has no phrase.");
            _slugs.Add(label.Slug);
            foreach (var phrase in label.Phrases) _index.Add(phrase, label.Slug);
        }
        foreach (var phrase in data.Neutral ?? []) _index.Add(phrase, null);
    }

    /// <summary>Every label slug, in data-file order.</summary>
    public IReadOnlyList<string> Slugs => _slugs;

    /// <summary>The labels the texts name, in data-file order.</summary>
    public IReadOnlyList<string> Classify(params string[] texts) => Classify(texts.Select(FoldedDocument.Of).ToArray());

    internal IReadOnlyList<string> Classify(params FoldedDocument[] documents)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var hit in _index.Find(document.Text, document.Tokens)) found.UnionWith(hit.Payloads);
        }
        return _slugs.Where(found.Contains).ToList();
    }

    internal IEnumerable<string> Patterns => _index.Patterns;

    internal sealed record LabelData(IReadOnlyList<string>? Neutral, IReadOnlyList<LabelEntry> Labels);

    internal sealed record LabelEntry(string Slug, IReadOnlyList<string> Phrases);
}
