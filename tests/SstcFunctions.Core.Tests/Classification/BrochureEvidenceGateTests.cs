using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;
using SstcFunctions.Core.Tests.Extraction;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Classification;

/// <summary>The "is this a brochure?" stage: typed evidence, thresholds in options, and what it does to confidence.</summary>
public sealed class BrochureEvidenceGateTests
{
    [Theory]
    [MemberData(nameof(FixtureBrochureTests.Designs), MemberType = typeof(FixtureBrochureTests))]
    public void Every_brochure_fixture_is_judged_a_brochure_and_keeps_all_its_cards(string design)
    {
        var brochure = ExpectedBrochure.Load(Path.Combine(FixtureBrochureTests.FixturesDirectory, design));

        var result = brochure.Extract();

        Assert.True(result.Assessment!.IsBrochure, string.Join(", ", result.Assessment.Missing));
        Assert.Empty(result.Assessment.Missing);
        Assert.Equal(result.Assessment.Evidence.Cards, result.Projects.Count);
        Assert.Empty(result.HeldBack);
        Assert.DoesNotContain(result.Notices, n => n.Code == NoticeCode.NotABrochure);
    }

    [Fact]
    public void The_seed_brochure_is_judged_a_brochure_and_keeps_all_its_cards()
    {
        using var pdf = File.OpenRead(SharedFixtures.SeedBrochurePdf);

        var result = new BrochureExtractor().Extract(pdf, "seed");

        Assert.True(result.Assessment!.IsBrochure);
        Assert.Equal(result.Assessment.Evidence.Cards, result.Projects.Count);
        Assert.All(result.Projects, p => Assert.InRange(p.Confidence, BrochureEvidenceGate.BrochureFloor, 1.0));
    }

    [Fact]
    public void Headings_and_paragraphs_without_countries_or_ILO_signals_are_not_a_brochure()
    {
        // What a manual gives the layout: titled blocks, one mentioning a country-like token, none with an outcome or region.
        List<ProjectRecord> cards = [.. Enumerable.Range(1, 20).Select(i => Card(i, countries: i == 3 ? ["US"] : []))];

        var assessment = BrochureEvidenceGate.Default.Assess(BrochureEvidenceGate.Gather(cards, pageCount: 10));

        Assert.False(assessment.IsBrochure);
        Assert.Equal(
            [MissingEvidence.TooFewSupportedCards, MissingEvidence.SupportedShareTooLow, MissingEvidence.CountryShareTooLow,
             MissingEvidence.SignalShareTooLow, MissingEvidence.SupportedPagesTooFew],
            assessment.Missing);
        Assert.Equal((20, 1, 0), (assessment.Evidence.Cards, assessment.Evidence.CardsWithCountry, assessment.Evidence.CardsWithSignal));
    }

    [Fact]
    public void Cards_naming_countries_with_outcomes_or_regions_are_a_brochure()
    {
        List<ProjectRecord> cards =
        [
            Card(1, countries: ["BR", "MZ"], outcome: true),
            Card(2, countries: ["IN"], region: "Asia and the Pacific"),
            Card(3, countries: ["CL"], modality: "triangular"),
            Card(4, countries: [], outcome: true), // a training-centre card: no country, still an ILO outcome
        ];

        var assessment = BrochureEvidenceGate.Default.Assess(BrochureEvidenceGate.Gather(cards, pageCount: 4));

        Assert.True(assessment.IsBrochure);
        Assert.Equal((4, 3, 4, 3), (assessment.Evidence.Cards, assessment.Evidence.CardsWithCountry,
                                     assessment.Evidence.CardsWithSignal, assessment.Evidence.SupportedCards));
    }

    [Fact]
    public void The_thresholds_are_options_and_decide()
    {
        // Two of four cards name a country with a signal: a brochure at the default shares, not when 75 % are asked for.
        List<ProjectRecord> cards =
        [
            Card(1, countries: ["BR"], outcome: true), Card(2, countries: ["IN"], outcome: true),
            Card(3, countries: ["CL"], outcome: false), Card(4, countries: [], outcome: true),
        ];
        var evidence = BrochureEvidenceGate.Gather(cards, pageCount: 4);

        Assert.True(BrochureEvidenceGate.Default.Assess(evidence).IsBrochure);
        var strict = new BrochureEvidenceGate(new BrochureEvidenceOptions { MinSupportedShare = 0.75 });
        Assert.Equal([MissingEvidence.SupportedShareTooLow], strict.Assess(evidence).Missing);
        var strictCountries = new BrochureEvidenceGate(new BrochureEvidenceOptions { MinCountryShare = 0.9 });
        Assert.Equal([MissingEvidence.CountryShareTooLow], strictCountries.Assess(evidence).Missing);
    }

    [Fact]
    public void No_cards_at_all_is_not_a_brochure()
    {
        var assessment = BrochureEvidenceGate.Default.Assess(BrochureEvidenceGate.Gather([], pageCount: 3));

        Assert.False(assessment.IsBrochure);
        Assert.Equal([MissingEvidence.NoCards], assessment.Missing);
    }

    [Fact]
    public void Confidence_ranges_of_brochure_cards_and_held_back_cards_never_meet()
    {
        var brochure = new BrochureAssessment(true, BrochureEvidenceGate.Gather([], 1), []);
        var notBrochure = new BrochureAssessment(false, BrochureEvidenceGate.Gather([], 1), [MissingEvidence.NoCards]);
        for (var score = 0.0; score <= 1.0; score += 0.01)
        {
            var card = Card(1, countries: []) with { Confidence = score };
            var kept = BrochureEvidenceGate.Calibrate(card, brochure);
            var held = BrochureEvidenceGate.Calibrate(card, notBrochure);

            Assert.InRange(kept.Confidence, BrochureEvidenceGate.BrochureFloor, 1.0);
            Assert.InRange(held.Confidence, 0.0, BrochureEvidenceGate.NotBrochureCeiling);
            Assert.Contains(BrochureEvidenceGate.NotABrochure, held.ConfidenceReasons);
            Assert.DoesNotContain(BrochureEvidenceGate.NotABrochure, kept.ConfidenceReasons);
        }
        // The card's own score still orders cards within each half.
        Assert.True(BrochureEvidenceGate.Calibrate(Card(1, []) with { Confidence = 0.8 }, brochure).Confidence
                    < BrochureEvidenceGate.Calibrate(Card(1, []) with { Confidence = 1.0 }, brochure).Confidence);
    }

    [Fact]
    public void A_text_document_succeeds_with_no_projects_its_cards_held_back_and_a_typed_notice()
    {
        var pdf = HostilePdfs.TextPdf("Chapter 1. Installing the package on your computer and configuring it", pages: 2);

        var result = new BrochureExtractor().Extract(new MemoryStream(pdf), "manual");

        Assert.Empty(result.Projects);
        Assert.Equal(0, result.Brochure.ProjectCount);
        var notice = Assert.Single(result.Notices);
        Assert.Equal(NoticeCode.NotABrochure, notice.Code);
        Assert.Contains(notice.Message, result.Warnings);
        Assert.All(result.HeldBack, card => Assert.True(card.Confidence < BrochureEvidenceGate.BrochureFloor));
    }

    private static ProjectRecord Card(int page, IReadOnlyList<string> countries, bool outcome = false, string? region = null, string? modality = null) => new()
    {
        Id = $"b-{page}",
        BrochureId = "b",
        Ordinal = page,
        Title = $"Card {page}",
        Description = "Some words.",
        Countries = countries,
        CountryNames = countries,
        Outcomes = outcome ? [new PolicyOutcome("5", "Skills")] : [],
        Region = region,
        Modality = modality is null ? [] : [modality],
        Page = page,
        Bounds = new CardBounds(0, 0, 10, 10),
        Confidence = 1,
    };
}
