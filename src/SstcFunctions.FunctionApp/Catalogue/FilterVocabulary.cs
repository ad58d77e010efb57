using SstcFunctions.Core.Classification;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// The finite value lists of the project filters, taken from the Core data catalogs, so a filter value is either a
/// known one (in its canonical spelling) or a 400 that lists the valid ones.
/// </summary>
public sealed class FilterVocabulary
{
    private readonly Dictionary<string, string> _regions;
    private readonly Dictionary<string, string> _outcomes;
    private readonly Dictionary<string, string>? _topics;
    private readonly Dictionary<string, string>? _activities;
    private readonly Dictionary<string, string>? _modalities;

    public FilterVocabulary(IEnumerable<string> regions, IEnumerable<string> outcomes, IEnumerable<string>? topics,
        IEnumerable<string>? activities, IEnumerable<string>? modalities)
    {
        _regions = ByFoldedKey(regions);
        _outcomes = ByFoldedKey(outcomes);
        _topics = topics is null ? null : ByFoldedKey(topics);
        _activities = activities is null ? null : ByFoldedKey(activities);
        _modalities = modalities is null ? null : ByFoldedKey(modalities);
    }

    public static FilterVocabulary Default { get; } = new(
        RegionCatalogue.Default.CanonicalNames,
        OutcomeCatalogue.Default.All.Select(o => o.Id),
        TopicTaxonomy.Default.Slugs,
        LabelCatalogue.Activities.Slugs,
        LabelCatalogue.Modalities.Slugs);

    public IReadOnlyCollection<string> Regions => _regions.Values;
    public IReadOnlyCollection<string> Outcomes => _outcomes.Values;
    /// <summary>Null while the classification data has no list for this facet: any well-formed slug is accepted.</summary>
    public IReadOnlyCollection<string>? Topics => _topics?.Values;
    public IReadOnlyCollection<string>? Activities => _activities?.Values;
    public IReadOnlyCollection<string>? Modalities => _modalities?.Values;

    /// <summary>"africa", "AFRICA" → "Africa"; a printed variant ("Asia & Pacific") → its canonical name.</summary>
    public string? Region(string value) =>
        _regions.GetValueOrDefault(Key(value)) ?? RegionCatalogue.Default.Match(value);

    public string? Outcome(string value) => _outcomes.GetValueOrDefault(Key(value));

    /// <summary>A code, or a name in any catalogue language ("Etiopía", "Éthiopie").</summary>
    public string? Country(string value) =>
        ClassificationLanguages.All.Select(l => CountryMatcher.For(l).Resolve(value)).FirstOrDefault(code => code is not null);

    /// <summary>The catalogue's BCP 47 language tags.</summary>
    public IReadOnlyCollection<string> Languages => [.. ClassificationLanguages.All];

    /// <summary>"es", "ES", "es-419" → "es".</summary>
    public string? Language(string value) => ClassificationLanguages.Normalize(value);

    /// <summary>The language's own name ("Español"), for the languages facet.</summary>
    public string? LanguageName(string tag) => ClassificationLanguages.Name(tag);

    /// <summary>The country's name in the language (English canonical name without one).</summary>
    public string? CountryName(string code, string? language) => CountryMatcher.For(language).DisplayName(code);

    /// <summary>The outcome's title in the language (canonical English without one).</summary>
    public string? OutcomeTitle(string id, string? language) =>
        OutcomeCatalogue.Default.Find(id) is { } outcome ? OutcomeCatalogue.Default.Localize(outcome, language).Title : null;

    public string? Topic(string value) => Lookup(_topics, value);
    public string? Activity(string value) => Lookup(_activities, value);
    public string? Modality(string value) => Lookup(_modalities, value);

    public string? TopicLabel(string slug) => TopicTaxonomy.Default.Label(slug);

    private static string? Lookup(Dictionary<string, string>? known, string value)
    {
        if (known is not null) return known.GetValueOrDefault(Key(value));
        var slug = value.Trim().ToLowerInvariant();
        return slug.Length is > 0 and <= 80 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? slug : null;
    }

    private static Dictionary<string, string> ByFoldedKey(IEnumerable<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values) map.TryAdd(Key(value), value);
        return map;
    }

    private static string Key(string value) => SearchText.Fold(value).Trim();
}
