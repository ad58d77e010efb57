using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// The "is this a project brochure?" stage, run after classification and before anything is kept. A brochure's
/// cards name countries and carry ILO signals (a policy outcome, a region heading, a cooperation modality); the
/// headings and paragraphs of a manual, a paper or a report, which the layout also rebuilds as "cards", mostly
/// do not. The evidence is counted per card and judged over the document against <see cref="BrochureEvidenceOptions"/>.
/// </summary>
/// <remarks>
/// A document that is not judged a brochure keeps no projects: the extraction succeeds with zero projects and a
/// typed <see cref="NoticeCode.NotABrochure"/> notice saying which evidence was missing (docs/real-world-pdfs.md).
/// </remarks>
public sealed class BrochureEvidenceGate(BrochureEvidenceOptions options)
{
    public static BrochureEvidenceGate Default { get; } = new(new BrochureEvidenceOptions());

    public BrochureEvidenceOptions Options { get; } = options;

    /// <summary>What the cards show, counted.</summary>
    public static BrochureEvidence Gather(IReadOnlyList<ProjectRecord> projects, int pageCount)
    {
        int countries = 0, signals = 0, supported = 0, outcomes = 0, regions = 0, modalities = 0;
        var pagesWithCards = new HashSet<int>();
        var pagesWithSupportedCards = new HashSet<int>();
        foreach (var project in projects)
        {
            pagesWithCards.Add(project.Page);
            var hasCountry = project.Countries.Count > 0;
            var hasOutcome = project.Outcomes.Count > 0;
            var hasRegion = project.Region is not null;
            var hasModality = project.Modality.Count > 0;
            if (hasCountry) countries++;
            if (hasOutcome) outcomes++;
            if (hasRegion) regions++;
            if (hasModality) modalities++;
            var hasSignal = hasOutcome || hasRegion || hasModality;
            if (hasSignal) signals++;
            if (IsSupported(project))
            {
                supported++;
                pagesWithSupportedCards.Add(project.Page);
            }
        }
        return new BrochureEvidence(pageCount, projects.Count, pagesWithCards.Count, countries, outcomes, regions, modalities, signals,
                                    supported, pagesWithSupportedCards.Count);
    }

    /// <summary>A card that looks like a project: it names a country and carries an ILO signal (outcome, region or modality).</summary>
    public static bool IsSupported(ProjectRecord project) =>
        project.Countries.Count > 0 && (project.Outcomes.Count > 0 || project.Region is not null || project.Modality.Count > 0);

    /// <summary>Reason added to every card of a document that is not judged a brochure.</summary>
    public const string NotABrochure = "the document does not look like a project brochure";

    /// <summary>
    /// The card's final confidence, from the document's verdict and the card's own score
    /// (<see cref="ProjectClassifier"/>: 1 minus its doubts). A card of a document judged a brochure scores
    /// 0.5 + 0.5 × card score, so 0.5–1; a card of any other document scores at most 0.49 × card score, so below 0.5.
    /// Real and invented cards therefore never share a range: the first half of the scale says whether the document
    /// is a brochure at all, the second how sure the card itself is (docs/real-world-pdfs.md has the distributions).
    /// </summary>
    public static ProjectRecord Calibrate(ProjectRecord card, BrochureAssessment assessment)
    {
        var score = Math.Clamp(card.Confidence, 0, 1);
        return assessment.IsBrochure
            ? card with { Confidence = Math.Round(BrochureFloor + (1 - BrochureFloor) * score, 2) }
            : card with
            {
                Confidence = Math.Round(Math.Floor(NotBrochureCeiling * score * 100) / 100, 2),
                ConfidenceReasons = [.. card.ConfidenceReasons, NotABrochure],
            };
    }

    /// <summary>The lowest confidence of a card in a document judged a brochure.</summary>
    public const double BrochureFloor = 0.5;
    /// <summary>The highest confidence of a card in any other document.</summary>
    public const double NotBrochureCeiling = 0.49;

    /// <summary>The verdict on a document's evidence, with every threshold it failed.</summary>
    public BrochureAssessment Assess(BrochureEvidence evidence)
    {
        var missing = new List<MissingEvidence>();
        if (evidence.Cards == 0) return new BrochureAssessment(false, evidence, [MissingEvidence.NoCards]);
        if (evidence.SupportedCards < Options.MinSupportedCards) missing.Add(MissingEvidence.TooFewSupportedCards);
        if (evidence.SupportedShare < Options.MinSupportedShare) missing.Add(MissingEvidence.SupportedShareTooLow);
        if (evidence.CountryShare < Options.MinCountryShare) missing.Add(MissingEvidence.CountryShareTooLow);
        if (evidence.SignalShare < Options.MinSignalShare) missing.Add(MissingEvidence.SignalShareTooLow);
        if (evidence.SupportedPageShare < Options.MinSupportedPageShare) missing.Add(MissingEvidence.SupportedPagesTooFew);
        return new BrochureAssessment(missing.Count == 0, evidence, missing);
    }
}

/// <summary>Thresholds of <see cref="BrochureEvidenceGate"/>; measured on the brochure fixtures and a real-world corpus (docs/real-world-pdfs.md).</summary>
public sealed record BrochureEvidenceOptions
{
    /// <summary>At least this many cards must look like projects (country + ILO signal).</summary>
    public int MinSupportedCards { get; init; } = 1;
    /// <summary>Share of cards that look like projects.</summary>
    public double MinSupportedShare { get; init; } = 0.5;
    /// <summary>Share of cards naming at least one country.</summary>
    public double MinCountryShare { get; init; } = 0.6;
    /// <summary>Share of cards with an outcome, a recognised region heading or a cooperation modality.</summary>
    public double MinSignalShare { get; init; } = 0.5;
    /// <summary>Share of the pages with cards that have at least one card looking like a project.</summary>
    public double MinSupportedPageShare { get; init; } = 0.5;
}

/// <summary>Counts over a document's cards, the inputs of the verdict.</summary>
public sealed record BrochureEvidence(
    int Pages,
    int Cards,
    int PagesWithCards,
    int CardsWithCountry,
    int CardsWithOutcome,
    int CardsWithRegion,
    int CardsWithModality,
    int CardsWithSignal,
    int SupportedCards,
    int PagesWithSupportedCards)
{
    public double CountryShare => Share(CardsWithCountry, Cards);
    public double SignalShare => Share(CardsWithSignal, Cards);
    public double SupportedShare => Share(SupportedCards, Cards);
    public double SupportedPageShare => Share(PagesWithSupportedCards, PagesWithCards);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>What a document lacked to count as a brochure.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MissingEvidence>))]
public enum MissingEvidence
{
    NoCards,
    TooFewSupportedCards,
    SupportedShareTooLow,
    CountryShareTooLow,
    SignalShareTooLow,
    SupportedPagesTooFew,
}

/// <summary>The gate's verdict: a brochure or not, on which evidence, and what was missing.</summary>
public sealed record BrochureAssessment(bool IsBrochure, BrochureEvidence Evidence, IReadOnlyList<MissingEvidence> Missing);
