using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class OutcomeCatalogueTests
{
    private readonly OutcomeCatalogue _outcomes = OutcomeCatalogue.Default;

    [Theory]
    [InlineData("Outcome 5: Skills and lifelong learning", "5")]
    [InlineData("OUTCOME 5 – SKILLS", "5")]
    [InlineData("Policy outcome 5.", "5")]
    [InlineData("Outcome A: Authoritative knowledge and", "A")]
    [InlineData("Enabling outcome A", "A")]
    [InlineData("Enabling Outcome B: Improved leadership and governance", "B")]
    [InlineData("P&B Outcome No. 7", "7")]
    [InlineData("• Outcome 8", "8")]
    public void Outcome_lines_name_their_id_with_the_canonical_title(string line, string id)
    {
        Assert.True(_outcomes.IsOutcomeLine(line));
        var outcome = Assert.Single(_outcomes.Parse(line));
        Assert.Equal(id, outcome.Id);
        Assert.Equal(_outcomes.All.Single(o => o.Id == id).Title, outcome.Title);
    }

    [Fact]
    public void Truncated_titles_still_get_the_full_canonical_title()
    {
        var outcome = Assert.Single(_outcomes.Parse("Outcome A: Authoritative knowledge and"));
        Assert.Equal("Authoritative knowledge and high-impact partnerships for promoting decent work", outcome.Title);
    }

    [Theory]
    [InlineData("Outcomes 3 and 5", new[] { "3", "5" })]
    [InlineData("Outcomes 5, 3 & A", new[] { "5", "3", "A" })]
    [InlineData("Outcome 3: Economic transitions\nOutcome 5: Skills", new[] { "3", "5" })]
    [InlineData("Outcome 5: Skills. Outcome 5: Skills again", new[] { "5" })]
    public void A_card_can_carry_several_outcomes_in_order_without_duplicates(string text, string[] ids)
    {
        Assert.Equal(ids, _outcomes.Parse(text).Select(o => o.Id));
    }

    [Fact]
    public void A_line_naming_the_outcome_only_by_title_is_recognised()
    {
        const string line = "Policy outcome: Skills and lifelong learning to facilitate access to the labour market";
        Assert.True(_outcomes.IsOutcomeLine(line));
        Assert.Equal("5", Assert.Single(_outcomes.Parse(line)).Id);
    }

    [Theory]
    [InlineData("The outcome of the forum will be a joint declaration")]
    [InlineData("Participants will discuss outcomes and lessons learned")]
    [InlineData("Outcome 9: not a Programme and Budget outcome")]
    [InlineData("Workers in 5 countries")]
    public void Prose_and_unknown_ids_are_not_outcomes(string text)
    {
        Assert.Empty(_outcomes.Parse(text));
    }

    [Theory]
    [InlineData("The ILO will organize a workshop on outcome a and b of the study")]
    [InlineData("Trainers from Peru will share their experience")]
    [InlineData("SSTC TRIPARTITE FORUM: SKILLS FOR FUTURE OF WORK")]
    public void Ordinary_lines_are_not_outcome_lines(string text)
    {
        Assert.False(_outcomes.IsOutcomeLine(text));
    }

    [Fact]
    public void Labels_merged_into_a_description_are_found_but_prose_mentions_are_not()
    {
        Assert.Equal("5", Assert.Single(_outcomes.ParseLabels("… decent work for all. Outcome 5: Skills and lifelong learning")).Id);
        Assert.Equal("8", Assert.Single(_outcomes.ParseLabels("Pension reform exchange (Outcome 8).")).Id);
        Assert.Empty(_outcomes.ParseLabels("This supports outcome 5 of the programme"));
    }

    [Fact]
    public void Catalogue_has_the_eight_policy_and_three_enabling_outcomes_with_titles()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "A", "B", "C"], _outcomes.All.Select(o => o.Id));
        Assert.All(_outcomes.All, o => Assert.False(string.IsNullOrWhiteSpace(o.Title)));
        Assert.Equal(_outcomes.All.Count, _outcomes.All.Select(o => o.Title).Distinct().Count());
    }
}
