using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Classification;

/// <summary>The vocabularies a card is read with, chosen by its language.</summary>
public sealed record CardVocabulary(CountryMatcher Countries, TopicTaxonomy Topics, LabelCatalogue Activities, LabelCatalogue Modalities)
{
    /// <summary>The English names and phrases plus the language's own (English alone for English or an unknown language).</summary>
    public static CardVocabulary For(string language) =>
        new(CountryMatcher.For(language), TopicTaxonomy.For(language), LabelCatalogue.ActivitiesFor(language), LabelCatalogue.ModalitiesFor(language));
}

/// <summary>
/// Turns a card rebuilt by the layout into a project record: language, region, countries, outcomes, topics,
/// activities, modality. The card's language is its own when its words decide it, else the brochure's; it picks the
/// vocabularies and the display names (country names, outcome title). Regions, country codes and outcome ids are
/// canonical in every language, so records of different editions compare and facets merge.
/// </summary>
public sealed class ProjectClassifier(
    RegionCatalogue regions,
    OutcomeCatalogue outcomes,
    LanguageDetector languages,
    Func<string, CardVocabulary> vocabularyFor)
{
    /// <summary>Built from the embedded data once; stateless, so safe to share across threads.</summary>
    public static ProjectClassifier Default { get; } = new(
        RegionCatalogue.Default, OutcomeCatalogue.Default, LanguageDetector.Default, CardVocabulary.For);

    public const string NoOutcome = "no outcome found";
    public const string ShortDescription = "description very short";
    public const string NoCountries = "no countries found";
    public const string UnknownRegion = "region heading not recognised";

    // Below this many words a description is more likely a fragment the layout cut than a real one.
    private const int ShortDescriptionWords = 15;

    // What each doubt costs. A missing outcome is common (training-centre cards have none), so it costs least
    // of the content reasons; a layout doubt means the text itself may be wrong, so it costs most.
    private static readonly IReadOnlyDictionary<string, double> Penalty = new Dictionary<string, double>
    {
        [NoOutcome] = 0.1,
        [ShortDescription] = 0.2,
        [NoCountries] = 0.1,
        [UnknownRegion] = 0.1,
    };
    private const double LayoutDoubtPenalty = 0.2;

    /// <param name="brochureLanguage">The brochure's language, for a card whose own words do not decide (null: English).</param>
    public ProjectRecord Classify(ProjectCard card, string brochureId, int ordinal, string? brochureLanguage = null)
    {
        var reasons = new List<string>();
        var penalty = 0.0;
        void Doubt(string reason, double cost)
        {
            reasons.Add(reason);
            penalty += cost;
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(card.RegionHeading))
        {
            region = regions.Match(card.RegionHeading);
            if (region is null) Doubt(UnknownRegion, Penalty[UnknownRegion]);
        }

        // Tokenize each text once; every matcher below works on the same folded words.
        var title = FoldedDocument.Of(card.Title);
        var description = FoldedDocument.Of(card.Description);
        var tags = FoldedDocument.Of(string.Join(" · ", card.Tags));

        var language = languages.Detect(FoldedDocument.Of(card.Title + "\n" + card.Description))?.Language
            ?? brochureLanguage ?? ClassificationLanguages.English;
        var (countries, topics, activities, modalities) = vocabularyFor(language);

        // A printed "Countries:" line is the card's own list; prose is read only when there is none.
        var countryLine = string.Join(", ", card.Fields.Where(f => f.Field == CardField.Countries).Select(f => f.Value));
        var listed = countryLine.Length > 0 ? countries.Find(FoldedDocument.Of(countryLine)).ToList() : [];
        var mentions = listed.Count > 0 ? listed : countries.Find(title).Concat(countries.Find(description));
        var codes = new List<string>();
        var names = new List<string>();
        foreach (var mention in mentions)
        {
            if (codes.Contains(mention.Code)) continue;
            codes.Add(mention.Code);
            names.Add(countries.DisplayName(mention.Code) ?? mention.Name);
        }
        if (codes.Count == 0) Doubt(NoCountries, Penalty[NoCountries]);

        var cardOutcomes = new List<PolicyOutcome>();
        foreach (var outcome in card.OutcomeLines.SelectMany(outcomes.Parse).Concat(outcomes.ParseLabels(card.Description)))
        {
            var local = outcomes.Localize(outcome, language);
            if (!cardOutcomes.Contains(local)) cardOutcomes.Add(local);
        }
        if (cardOutcomes.Count == 0) Doubt(NoOutcome, Penalty[NoOutcome]);

        if (description.Tokens.Count < ShortDescriptionWords) Doubt(ShortDescription, Penalty[ShortDescription]);
        foreach (var doubt in card.LayoutDoubts) Doubt(doubt, LayoutDoubtPenalty);

        var modality = modalities.Classify(title, description, tags).ToList();
        // A card filed under the interregional heading is interregional whatever its text says.
        if (region == "Interregional" && !modality.Contains("inter-regional")) modality.Add("inter-regional");

        return new ProjectRecord
        {
            Id = BrochureId.ForProject(brochureId, ordinal),
            BrochureId = brochureId,
            Ordinal = ordinal,
            Language = language,
            Title = card.Title,
            Region = region,
            Description = card.Description,
            Countries = codes,
            CountryNames = names,
            Outcome = cardOutcomes.FirstOrDefault(),
            Outcomes = cardOutcomes,
            Topics = topics.Classify(title, description),
            Activities = activities.Classify(title, description, tags),
            Modality = modality,
            Tags = card.Tags,
            Partners = FieldValue(card, CardField.Partners),
            Donor = FieldValue(card, CardField.Donor),
            Budget = FieldValue(card, CardField.Budget),
            Duration = FieldValue(card, CardField.Duration),
            Beneficiaries = FieldValue(card, CardField.Beneficiaries),
            Page = card.Page,
            Bounds = card.Bounds,
            ContinuedOn = card.ContinuedOn,
            Confidence = Math.Round(Math.Clamp(1.0 - penalty, 0.0, 1.0), 2),
            ConfidenceReasons = reasons,
        };
    }

    private static string? FieldValue(ProjectCard card, CardField field) =>
        card.Fields.Where(f => f.Field == field).Select(f => f.Value).FirstOrDefault();
}
