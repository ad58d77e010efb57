using SstcFunctions.Core.Records;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Extraction;

/// <summary>The accuracy report's scorer on a made-up pair whose figures are known by hand.</summary>
public class FixtureScoreTests
{
    private static TruthCard Truth(string title, string start = "Technical colleges in Kenya", string? end = null) => new(
        Page: 2, Region: "Africa", Title: title, DescriptionStartsWith: start, Countries: ["KE", "UG"], Outcome: "5",
        Topics: ["green-jobs"], CountriesOptional: ["TZ"], DescriptionEndsWith: end);

    private static ProjectRecord Card(string title, string description = "Technical colleges in Kenya and Uganda will co-develop short courses.",
        int page = 2, string? region = "Africa", string[]? countries = null) => new()
    {
        Id = "b-" + title, BrochureId = "b", Ordinal = 1, Title = title, Region = region, Description = description,
        Countries = countries ?? ["KE", "UG", "TZ"], Outcome = new PolicyOutcome("5", "Skills"), Topics = ["green-jobs", "skills"],
        Page = page, Bounds = new CardBounds(0, 0, 10, 10), Confidence = 1,
    };

    [Fact]
    public void Precision_recall_F1_and_field_accuracy_are_counted_over_paired_cards()
    {
        // Five expected cards; six extracted: three paired exactly (one with a wrong page), one paired leniently
        // (TeX hyphen left in the title), one missing, two extra.
        TruthCard[] expected =
        [
            Truth("Green jobs for youth"),
            Truth("Social affairs in the Sahel"),
            Truth("Peer learning on apprenticeships", end: "short courses."),
            Truth("Labour inspection in North Africa"),
            Truth("Care economy dialogue"),
        ];
        ProjectRecord[] actual =
        [
            Card("GREEN JOBS  FOR YOUTH"),                       // case and spacing: exact pairing, title field wrong
            Card("Social af- fairs in the Sahel"),               // hyphenation: paired, title wrong
            Card("Peer learning on apprenticeships", page: 3),   // page wrong
            Card("Labour inspection in North Africa", countries: ["KE"]), // countries wrong
            Card("Countries: Kenya, Uganda"),                    // extra
            Card("Photo: a workshop in Nairobi"),                // extra
        ];

        var score = FixtureScore.Score(expected, actual);

        Assert.Equal(5, score.Expected);
        Assert.Equal(6, score.Found);
        Assert.Equal(4, score.Matched);
        Assert.Equal(4.0 / 6, score.Precision, 6);
        Assert.Equal(4.0 / 5, score.Recall, 6);
        Assert.Equal(2 * (4.0 / 6) * (4.0 / 5) / (4.0 / 6 + 4.0 / 5), score.F1, 6); // 0.7273
        Assert.Equal(new FieldScore("title", 2, 4), score.Field("title"));
        Assert.Equal(new FieldScore("page", 3, 4), score.Field("page"));
        Assert.Equal(new FieldScore("countries", 3, 4), score.Field("countries"));
        Assert.Equal(new FieldScore("descEnd", 1, 1), score.Field("descEnd"));
        Assert.Null(score.Field("labels").Share);
        Assert.Equal(0, score.ExactCards);
        Assert.Equal(2, score.Extra.Count);
        Assert.Equal(["missing"], score.Cards[4].Wrong);
        var lines = score.Mismatches().ToList();
        Assert.Contains("MISSING p2 \"Care economy dialogue\"", lines);
        Assert.Contains("EXTRA p2 \"Photo: a workshop in Nairobi\"", lines);
        Assert.Contains(lines, l => l.StartsWith("    page: 3, expected 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_order_is_the_longest_run_of_paired_cards_in_expected_order()
    {
        TruthCard[] expected = [Truth("A first card"), Truth("B second card"), Truth("C third card"), Truth("D fourth card")];
        ProjectRecord[] actual = [.. new[] { "C third card", "A first card", "B second card", "D fourth card" }
            .Select((title, i) => Card(title) with { Ordinal = i + 1 })];

        var score = FixtureScore.Score(expected, actual);

        Assert.Equal(0.75, score.Order); // A, B, D in order; C read first
        Assert.Equal(1, score.ExactShare); // order is a brochure figure, not a card field
    }

    [Fact]
    public void A_perfect_read_scores_one_everywhere()
    {
        var score = FixtureScore.Score([Truth("Green jobs for youth", end: "short courses.")], [Card("Green jobs for youth")]);

        Assert.Equal(1, score.F1);
        Assert.Equal(1, score.ExactShare);
        Assert.All(FixtureScore.Fields, f => Assert.True(score.Field(f).Share is null or 1.0, f));
    }

    [Fact]
    public void A_dropped_continuation_fails_the_description_end()
    {
        var score = FixtureScore.Score(
            [Truth("Green jobs for youth", end: "through an open online repository.")],
            [Card("Green jobs for youth", "Technical colleges in Kenya and Uganda will co-develop short courses on solar")]);

        Assert.Equal(1, score.F1);
        Assert.Equal(0, score.ExactShare);
        Assert.Contains(score.Cards[0].Wrong, w => w.StartsWith("descEnd:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_letter_spaced_title_is_paired_leniently_and_a_stranger_is_not()
    {
        ProjectRecord[] actual = [Card("Pe r Lear ning on public employment services"), Card("Youth guarantee schemes in the Balkans")];

        var score = FixtureScore.Score([Truth("Peer learning on public employment services"), Truth("Rural cooperatives and market access")], actual);

        Assert.Same(actual[0], score.Cards[0].Actual);
        Assert.Null(score.Cards[1].Actual);
        Assert.Equal(0.5, score.Precision);
    }

    [Fact]
    public void A_field_the_record_type_does_not_carry_is_listed_as_unscored_not_counted_wrong()
    {
        var truth = Truth("Green jobs for youth") with { Partners = "ILO, UNIDO", Language = "en" };

        var score = FixtureScore.Score([truth], [Card("Green jobs for youth")]);

        // Written against the record type as it is: once ProjectRecord gains Language or Partners, that one is scored.
        string[] absent = [.. new[] { "language", "partners" }.Where(n => typeof(ProjectRecord).GetProperty(char.ToUpperInvariant(n[0]) + n[1..]) is null)];
        Assert.Equal(absent, score.Unscored);
        if (absent.Contains("partners")) Assert.Null(score.Field("labels").Share);
        if (absent.Length == 2) Assert.Equal(1, score.ExactShare);
    }

    [Fact]
    public void Optional_fields_of_expected_json_are_read()
    {
        var folder = Directory.CreateTempSubdirectory("truth").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "expected.json"), """
                {"producer": "pdfTeX", "language": "es", "projects": [{"page": 3, "region": "Africa", "title": "T",
                 "descriptionStartsWith": "D", "descriptionEndsWith": "E.", "continuedOn": [4], "countries": ["KE"],
                 "outcome": null, "topics": [], "partners": "OIT", "budget": "USD 1", "duration": "12 meses", "language": "es"}]}
                """);

            var truth = FixtureTruth.Load(folder);

            Assert.Equal(("pdfTeX", "es"), (truth.Producer, truth.Language));
            var card = Assert.Single(truth.Cards);
            Assert.Equal(("E.", "OIT", "USD 1", "12 meses", "es"), (card.DescriptionEndsWith, card.Partners, card.Budget, card.Duration, card.Language));
            Assert.Equal([4], card.ContinuedOn);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
