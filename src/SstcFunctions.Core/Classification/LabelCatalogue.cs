using System.Collections.Concurrent;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// Labels a card carries whenever its text names them: the activities a project runs (Data/activities.json)
/// and the cooperation modality (Data/modalities.json). Unlike topics, one explicit phrase is enough.
/// Another language's catalog reads its own phrases (activities.{lang}.json) and the English ones together.
/// </summary>
public sealed class LabelCatalogue
{
    private static readonly IReadOnlyList<(string Language, LabelData Data)> ActivityData = ClassificationData.LoadLanguages<LabelData>("activities");
    private static readonly IReadOnlyList<(string Language, LabelData Data)> ModalityData = ClassificationData.LoadLanguages<LabelData>("modalities");
    private static readonly ConcurrentDictionary<(string, string), LabelCatalogue> ByLanguage = new();

    public static LabelCatalogue Activities { get; } = new(ActivityData[0].Data);

    public static LabelCatalogue Modalities { get; } = new(ModalityData[0].Data);

    /// <summary>The activities catalog for a card in that language (English alone for English or an unknown language).</summary>
    public static LabelCatalogue ActivitiesFor(string? language) => For(ActivityData, Activities, "activities", language);

    /// <summary>The modalities catalog for a card in that language (English alone for English or an unknown language).</summary>
    public static LabelCatalogue ModalitiesFor(string? language) => For(ModalityData, Modalities, "modalities", language);

    private static LabelCatalogue For(IReadOnlyList<(string Language, LabelData Data)> all, LabelCatalogue english, string name, string? language)
    {
        if (all.FirstOrDefault(l => l.Language == language && language != ClassificationLanguages.English) is not { Data: { } local }) return english;
        return ByLanguage.GetOrAdd((name, language!), _ => new LabelCatalogue(all[0].Data, local));
    }

    private readonly PhraseIndex<string> _index = new();
    private readonly List<string> _slugs = [];

    /// <param name="data">English first: it defines the labels; the others add phrases to them.</param>
    internal LabelCatalogue(params LabelData[] data)
    {
        foreach (var label in data[0].Labels)
        {
            if (_slugs.Contains(label.Slug)) throw new InvalidDataException($"Label {label.Slug} is listed twice.");
            _slugs.Add(label.Slug);
        }
        foreach (var language in data)
        {
            foreach (var label in language.Labels)
            {
                if (!_slugs.Contains(label.Slug)) throw new InvalidDataException($"Label {label.Slug} is not an English label.");
                if (label.Phrases.Count == 0) throw new InvalidDataException($"Label {label.Slug} has no phrase.");
                foreach (var phrase in label.Phrases) _index.Add(phrase, label.Slug);
            }
            foreach (var phrase in language.Neutral ?? []) _index.Add(phrase, null);
        }
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
