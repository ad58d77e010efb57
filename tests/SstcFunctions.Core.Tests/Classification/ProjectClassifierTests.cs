using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Classification;

public class ProjectClassifierTests
{
    private const string LongDescription =
        "Trainers and technicians from vocational training institutions in Bolivia, Colombia and Perú will take part " +
        "in a study tour to Brasil, where three key institutions will share their experience with participants.";

    private static ProjectCard Card(
        string title = "STUDY TOUR EXCHANGE ON VOCATIONAL TRAINING",
        string description = LongDescription,
        string? region = "LATIN AMERICA & THE CARIBBEAN (continued)",
        string[]? outcomes = null,
        string[]? tags = null,
        string[]? doubts = null) => new()
    {
        Page = 3,
        Title = title,
        Description = description,
        RegionHeading = region,
        OutcomeLines = outcomes ?? ["Outcome 5: Skills and lifelong learning"],
        Tags = tags ?? [],
        LayoutDoubts = doubts ?? [],
        Bounds = new CardBounds(36, 100, 240, 320),
    };

    private static ProjectRecord Classify(ProjectCard card, int ordinal = 7) =>
        ProjectClassifier.Default.Classify(card, "sstc-2022-2023", ordinal);

    [Fact]
    public void A_complete_card_becomes_a_full_record_with_full_confidence()
    {
        var record = Classify(Card());

        Assert.Equal("sstc-2022-2023-007", record.Id);
        Assert.Equal("sstc-2022-2023", record.BrochureId);
        Assert.Equal(7, record.Ordinal);
        Assert.Equal("Latin America and the Caribbean", record.Region);
        Assert.Equal(["BO", "CO", "PE", "BR"], record.Countries);
        Assert.Equal(["Bolivia", "Colombia", "Peru", "Brazil"], record.CountryNames);
        Assert.Equal("5", record.Outcome?.Id);
        Assert.Contains("tvet", record.Topics);
        Assert.Contains("study-tour", record.Activities);
        Assert.Equal(3, record.Page);
        Assert.Equal(new CardBounds(36, 100, 240, 320), record.Bounds);
        Assert.Equal(1.0, record.Confidence);
        Assert.Empty(record.ConfidenceReasons);
    }

    [Fact]
    public void Countries_named_in_the_title_come_first_and_repeats_are_dropped()
    {
        var record = Classify(Card(title: "EMPLOYMENT SERVICES IN ETHIOPIA", description: LongDescription + " Ethiopia and Bolivia again."));
        Assert.Equal(["ET", "BO", "CO", "PE", "BR"], record.Countries);
    }

    [Fact]
    public void Two_outcome_lines_and_an_outcome_merged_into_the_description_are_all_kept_in_order()
    {
        var record = Classify(Card(
            description: LongDescription + " Outcome 8: Comprehensive and sustainable social protection for all",
            outcomes: ["Outcomes 3 and 5", "Outcome 5: Skills"]));
        Assert.Equal(["3", "5", "8"], record.Outcomes.Select(o => o.Id));
        Assert.Equal("3", record.Outcome?.Id);
        Assert.StartsWith("Economic, social and environmental transitions", record.Outcome?.Title);
    }

    [Fact]
    public void Each_doubt_lowers_confidence_and_is_listed()
    {
        var record = Classify(Card(
            description: "Training in the region.",
            outcomes: [],
            doubts: ["card column is ambiguous"]));

        Assert.Equal(
            [ProjectClassifier.NoCountries, ProjectClassifier.NoOutcome, ProjectClassifier.ShortDescription, "card column is ambiguous"],
            record.ConfidenceReasons);
        Assert.InRange(record.Confidence, 0.0, 0.6);
        Assert.Null(record.Outcome);
        Assert.Empty(record.Outcomes);
        Assert.True(record.Confidence < Classify(Card(outcomes: [])).Confidence);
    }

    [Fact]
    public void An_unknown_region_heading_leaves_the_region_empty_and_says_why()
    {
        var record = Classify(Card(region: "HIGHLIGHTS OF THE YEAR"));
        Assert.Null(record.Region);
        Assert.Contains(ProjectClassifier.UnknownRegion, record.ConfidenceReasons);
        Assert.Null(Classify(Card(region: null)).Region);
        Assert.Empty(Classify(Card(region: null)).ConfidenceReasons);
    }

    [Fact]
    public void Tags_pass_through_and_inform_activities_and_modality()
    {
        var record = Classify(Card(tags: ["Triangular", "Webinar"]));
        Assert.Equal(["Triangular", "Webinar"], record.Tags);
        Assert.Contains("webinar", record.Activities);
        Assert.Contains("triangular", record.Modality);
        Assert.DoesNotContain("Triangular", record.Title);
    }

    [Fact]
    public void Cards_under_the_interregional_heading_are_inter_regional()
    {
        Assert.Contains("inter-regional", Classify(Card(region: "Global / Interregional")).Modality);
    }

    [Fact]
    public void The_default_classifier_is_safe_to_share_across_threads()
    {
        var card = Card();
        var expected = Classify(card);
        var results = new ProjectRecord[2000];
        Parallel.For(0, results.Length, i => results[i] = ProjectClassifier.Default.Classify(card, "sstc-2022-2023", 7));
        Assert.All(results, r =>
        {
            Assert.Equal(expected.Countries, r.Countries);
            Assert.Equal(expected.Topics, r.Topics);
            Assert.Equal(expected.Activities, r.Activities);
        });
    }
}
