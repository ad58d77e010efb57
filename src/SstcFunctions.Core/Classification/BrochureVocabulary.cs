using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Classification;

/// <summary>The vocabularies the layout needs (<see cref="ICardVocabulary"/>), from this folder's data files.</summary>
public sealed class BrochureVocabulary(RegionCatalogue regions, OutcomeCatalogue outcomes, FieldLabels fields) : ICardVocabulary
{
    public static BrochureVocabulary Default { get; } = new(RegionCatalogue.Default, OutcomeCatalogue.Default, FieldLabels.Default);

    public bool IsOutcomeLine(string text) => outcomes.IsOutcomeLine(text);

    public string? Region(string heading) => regions.Match(heading);

    public FieldLine? Field(string text) => fields.Parse(text);

    public bool IsCaption(string text) => fields.IsCaption(text);

    public string? Language(string text) => LanguageDetector.Default.Detect(text)?.Language;
}
