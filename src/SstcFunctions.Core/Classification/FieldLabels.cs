using System.Text.Json.Serialization;
using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// Labelled lines of a card ("Countries: Kenya, Uganda", "Socios: OIT", "Pays : Niger") in every language of the
/// data file (Data/fields.json). Labels compare folded (case and accents ignored); the colon is required.
/// </summary>
public sealed class FieldLabels
{
    public static FieldLabels Default { get; } = new(ClassificationData.Load<FieldData>("fields.json"));

    // Folded label words → field; the longest label wins ("Total budget" over "Budget").
    private readonly List<(string[] Words, CardField Field)> _labels = [];
    private readonly HashSet<string> _captions = new(StringComparer.Ordinal);

    internal FieldLabels(FieldData data)
    {
        foreach (var entry in data.Fields)
        {
            if (!Enum.TryParse<CardField>(entry.Field, ignoreCase: true, out var field))
                throw new InvalidDataException($"fields.json: unknown field '{entry.Field}'.");
            foreach (var (language, labels) in entry.Labels)
            {
                if (labels.Count == 0) throw new InvalidDataException($"fields.json: {entry.Field} has no {language} label.");
                foreach (var label in labels) _labels.Add((FoldedText.Tokenize(label).Select(t => t.Text).ToArray(), field));
            }
        }
        _labels.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        foreach (var label in (data.Captions ?? new Dictionary<string, IReadOnlyList<string>>()).Values.SelectMany(l => l))
            _captions.Add(string.Join(' ', FoldedText.Tokenize(label).Select(t => t.Text)));
        Languages = data.Fields.SelectMany(f => f.Labels.Keys).Distinct().Order().ToList();
    }

    /// <summary>Languages every field has labels in.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// A caption or photo credit: it opens with a caption label ("Photo:", "Foto:", "Crédit :") or carries a copyright
    /// sign, the mark of a credit line in every language.
    /// </summary>
    public bool IsCaption(string text)
    {
        if (text.Contains('©')) return true;
        var colon = text.IndexOfAny([':', '：']);
        if (colon <= 0 || colon > 30) return false;
        var words = string.Join(' ', FoldedText.Tokenize(text[..colon]).Select(t => t.Text));
        return _captions.Contains(words);
    }

    /// <summary>The field and value of a labelled line, or null when the line is not one.</summary>
    public FieldLine? Parse(string text)
    {
        var colon = text.IndexOfAny([':', '：']);
        // A label is a few words at the start of the line; a colon further in belongs to prose.
        if (colon <= 0 || colon > 40) return null;
        var words = FoldedText.Tokenize(text[..colon]).Select(t => t.Text).ToArray();
        if (words.Length == 0) return null;
        foreach (var (labelWords, field) in _labels)
        {
            if (labelWords.AsSpan().SequenceEqual(words))
            {
                var value = text[(colon + 1)..].Trim();
                return value.Length == 0 ? null : new FieldLine(field, value);
            }
        }
        return null;
    }

    internal sealed record FieldData(IReadOnlyList<FieldEntry> Fields, IReadOnlyDictionary<string, IReadOnlyList<string>>? Captions = null);

    internal sealed record FieldEntry(string Field, [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, IReadOnlyList<string>> Labels);
}
