using SstcFunctions.Core.Records;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Curation;

/// <summary>Why a card is in the review queue: closed kinds, worded by the dashboard.</summary>
public static class ReviewReasons
{
    /// <summary>The extractor lowered the card's confidence (its reasons are in confidenceReasons).</summary>
    public const string LowConfidence = "low-confidence";
    /// <summary>No region heading was printed over the card, or it was not recognised.</summary>
    public const string NoRegion = "no-region";
    /// <summary>No policy outcome was printed on the card.</summary>
    public const string NoOutcome = "no-outcome";
    /// <summary>No country was named on the card.</summary>
    public const string NoCountries = "no-countries";
    /// <summary>The brochure states another number of projects than the cards found: one may be missing or invented.</summary>
    public const string StatedCountGap = "stated-count-gap";
}

/// <summary>How much a card needs a person's look (0: not at all) and why.</summary>
public sealed record ReviewAssessment(double Score, IReadOnlyList<string> Reasons)
{
    public static ReviewAssessment None { get; } = new(0, []);

    public bool Needed => Score > 0;

    /// <summary>
    /// Extracted cards nobody reviewed or withdrew: low confidence weighs most (twice the confidence lost), then a missing
    /// region (0.5), missing outcome or countries (0.3 each), and a brochure whose stated project count differs from
    /// the cards found (0.1: every card of it deserves a glance, after the doubtful ones).
    /// </summary>
    public static ReviewAssessment Of(ProjectRecord project, BrochureStatus? brochure)
    {
        if (project.Origin == ProjectOrigins.Added || project.Curation is { Withdrawn: true } || project.Curation?.ReviewedAt is not null) return None;
        var score = 0.0;
        var reasons = new List<string>();
        void Add(string reason, double weight)
        {
            reasons.Add(reason);
            score += weight;
        }
        if (project.Confidence < 1) Add(ReviewReasons.LowConfidence, 2 * (1 - project.Confidence));
        if (string.IsNullOrWhiteSpace(project.Region)) Add(ReviewReasons.NoRegion, 0.5);
        if (project.Outcome is null) Add(ReviewReasons.NoOutcome, 0.3);
        if (project.Countries.Count == 0) Add(ReviewReasons.NoCountries, 0.3);
        if (brochure is { StatedProjectCount: { } stated, ProjectCount: { } found } && stated != found) Add(ReviewReasons.StatedCountGap, 0.1);
        return reasons.Count == 0 ? None : new ReviewAssessment(Math.Round(score, 3), reasons);
    }
}
