using System.Text.RegularExpressions;
using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Classification;

/// <summary>The vocabularies the layout needs (<see cref="ICardVocabulary"/>), from this folder's data files.</summary>
public sealed partial class BrochureVocabulary(RegionCatalog regions, OutcomeCatalog outcomes, FieldLabels fields) : ICardVocabulary
{
    public static BrochureVocabulary Default { get; } = new(RegionCatalog.Default, OutcomeCatalog.Default, FieldLabels.Default);

    public bool IsOutcomeLine(string text) => outcomes.IsOutcomeLine(text);

    /// <summary>Section numbers ("2", "2.", "II.", "Chapter 3") before the name do not change the region.</summary>
    public string? Region(string heading) =>
        regions.Match(heading) ?? (SectionNumber().Match(heading) is { Success: true } m ? regions.Match(heading[m.Length..]) : null);

    public FieldLine? Field(string text) => fields.Parse(text);

    [GeneratedRegex(@"^\s*(?:(?:section|chapter|part|capítulo|sección|parte|chapitre|partie)\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})[.):\-–]?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SectionNumber();
}
