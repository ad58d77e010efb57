using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// GET /api/facets: how many matching projects carry each region, country, topic, outcome, activity, modality and
/// language. Values are canonical (codes, ids, English region names), so editions in several languages merge; the
/// labels of countries and outcomes are in the filtered language (lang=es), or English when no language is asked for.
/// </summary>
public sealed record FacetCounts(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    public static FacetCounts Count(CatalogueSnapshot snapshot, ProjectFilter filter, FilterVocabulary vocabulary)
    {
        var counters = CatalogueFacets.All.ToDictionary(f => f, _ => new Dictionary<string, (int Count, string? Label)>(StringComparer.Ordinal));
        // Brochures are counted too (the headline figure follows the filters), though not an indexed facet.
        counters[ProjectQueryParameters.Brochure] = new Dictionary<string, (int Count, string? Label)>(StringComparer.Ordinal);
        var total = 0;
        foreach (var i in snapshot.Match(filter))
        {
            total++;
            var p = snapshot.Project(i);
            Add(counters[ProjectQueryParameters.Brochure], p.BrochureId, null);
            if (!string.IsNullOrEmpty(p.Region)) Add(counters[CatalogueFacets.Region], p.Region, null);
            foreach (var country in p.Countries) Add(counters[CatalogueFacets.Country], country, vocabulary.CountryName(country, filter.Language));
            foreach (var topic in p.Topics.Distinct()) Add(counters[CatalogueFacets.Topic], topic, vocabulary.TopicLabel(topic));
            var outcomes = p.Outcomes.ToList();
            if (p.Outcome is { } main && !outcomes.Any(o => o.Id == main.Id)) outcomes.Insert(0, main);
            foreach (var outcome in outcomes) Add(counters[CatalogueFacets.Outcome], outcome.Id, vocabulary.OutcomeTitle(outcome.Id, filter.Language) ?? outcome.Title);
            foreach (var activity in p.Activities.Distinct()) Add(counters[CatalogueFacets.Activity], activity, null);
            foreach (var modality in p.Modality.Distinct()) Add(counters[CatalogueFacets.Modality], modality, null);
            Add(counters[CatalogueFacets.Language], p.Language, vocabulary.LanguageName(p.Language));
        }
        var facets = counters.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value
                .Select(v => new FacetValue(v.Key, v.Value.Label, v.Value.Count))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .ToList());
        return new FacetCounts(total, facets);
    }

    private static void Add(Dictionary<string, (int Count, string? Label)> counter, string value, string? label)
    {
        counter[value] = counter.TryGetValue(value, out var seen) ? (seen.Count + 1, seen.Label ?? label) : (1, label);
    }
}

/// <summary>One facet value: the filter value to use, its name for people where the data has one (country, outcome and topic names), and the matching count.</summary>
public sealed record FacetValue(string Value, string? Label, int Count);
