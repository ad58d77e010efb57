using System.Text.Json.Nodes;
using SstcFunctions.Core.Records;
using SstcFunctions.Storage.Corrections;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests.Corrections;

public sealed class CardIdentityTests
{
    [Theory]
    [InlineData("STUDY TOUR – São Paulo", "study-tour-sao-paulo")]
    [InlineData("  Côte d’Ivoire: skills\nfor youth ", "cote-d-ivoire-skills-for-youth")]
    [InlineData("Timor-Leste", "timor-leste")]
    [InlineData("中国 – 南南合作", "中国-南南合作")]
    [InlineData("— ! —", "")]
    public void A_title_folds_to_letters_and_digits_joined_by_dashes(string title, string key) =>
        Assert.Equal(key, CardIdentity.Fold(title));

    [Fact]
    public void Repeated_and_empty_titles_are_told_apart_by_occurrence()
    {
        var projects = new[] { "Training", "Other", "TRAINING", "", "Training" }
            .Select((t, i) => HandBuiltRecords.Project("b", i + 1) with { Title = t }).ToList();

        Assert.Equal(["training", "other", "training~2", "untitled~1", "training~3"], CardIdentity.Keys(projects));
    }

    [Fact]
    public void Keys_do_not_depend_on_page_position_or_ordinal()
    {
        var card = HandBuiltRecords.Project("b", 3) with { Title = "Green jobs" };
        var moved = card with { Ordinal = 9, Page = 12, Bounds = new CardBounds(1, 2, 3, 4), Id = "b-009" };

        Assert.Equal(CardIdentity.Keys([card]), CardIdentity.Keys([moved]));
    }

    [Fact]
    public void A_correction_lands_on_its_card_by_key_then_by_clear_similarity_and_otherwise_nowhere()
    {
        var cards = new[]
        {
            ("Skills for youth employment in Morocco", "Apprenticeship systems were compared between vocational centres."),
            ("Governance of labour migration between Jordan and Egypt", "Recruitment practices were reviewed with employers."),
            ("Occupational safety in mining", "Inspectors trained together on hazards underground."),
        }.Select((c, i) => HandBuiltRecords.Project("b", i + 1) with { Title = c.Item1, Description = c.Item2 }).ToList();
        CardCorrection Correction(string key, string title, string text) => new()
        {
            BrochureId = "b", CardKey = key, Kind = CorrectionKinds.Corrected, AnchorTitle = title, AnchorText = text,
            Fields = new JsonObject { ["region"] = "Africa" },
        };

        var result = CorrectionOverlay.Apply("b", cards,
        [
            Correction("skills-for-youth-employment-in-morocco", "Skills for youth employment in Morocco", "Apprenticeship systems were compared between vocational centres."),
            Correction("labour-migration-governance-between-jordan-and-egypt", "Labour migration governance between Jordan and Egypt", "Recruitment practices were reviewed with employers."),
            Correction("cooperatives-of-women-artisans", "Cooperatives of women artisans", "Women-led cooperatives exchanged marketing methods."),
        ]);

        var matches = result.Matches.ToDictionary(m => m.Correction.CardKey);
        Assert.Equal(MatchKinds.Exact, matches["skills-for-youth-employment-in-morocco"].Match);
        Assert.Equal("b-001", matches["skills-for-youth-employment-in-morocco"].ProjectId);
        Assert.Equal(MatchKinds.Similar, matches["labour-migration-governance-between-jordan-and-egypt"].Match);
        Assert.Equal("b-002", matches["labour-migration-governance-between-jordan-and-egypt"].ProjectId);
        Assert.Equal(MatchKinds.None, matches["cooperatives-of-women-artisans"].Match);
        Assert.Null(matches["cooperatives-of-women-artisans"].ProjectId);
        Assert.Equal(["Africa", "Africa", cards[2].Region], result.Projects.Select(p => p.Region));
        Assert.Equal([ProjectOrigins.Corrected, ProjectOrigins.Corrected, ProjectOrigins.Extracted], result.Projects.Select(p => p.Origin));
        Assert.Same(cards[2], result.Projects[2]);
    }

    [Fact]
    public void Two_equally_similar_cards_are_a_guess_and_get_no_correction()
    {
        var cards = new[] { "Skills for youth in Morocco", "Skills for youth in Tunisia" }
            .Select((t, i) => HandBuiltRecords.Project("b", i + 1) with { Title = t, Description = "Same text." }).ToList();
        var correction = new CardCorrection
        {
            BrochureId = "b", CardKey = "skills-for-youth-in-algeria", Kind = CorrectionKinds.Corrected,
            AnchorTitle = "Skills for youth in Algeria", AnchorText = "Same text.", Fields = new JsonObject { ["title"] = "x" },
        };

        var result = CorrectionOverlay.Apply("b", cards, [correction]);

        Assert.Equal(MatchKinds.None, Assert.Single(result.Matches).Match);
        Assert.All(result.Projects, p => Assert.Equal(ProjectOrigins.Extracted, p.Origin));
    }
}
