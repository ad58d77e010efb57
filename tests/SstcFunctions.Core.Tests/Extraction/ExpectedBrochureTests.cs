using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Extraction;

/// <summary>The ground-truth comparison itself must catch what it claims to, or the brochure tests prove nothing.</summary>
public class ExpectedBrochureTests
{
    private static readonly ExpectedProject Expected = new(
        Page: 2, Region: "Africa", Title: "Green jobs for youth", DescriptionStartsWith: "Technical colleges in Kenya",
        Countries: ["KE", "UG"], CountriesOptional: ["TZ"], Outcome: "5", Topics: ["green-jobs"], Tags: ["Triangular"]);

    private static ProjectRecord Actual(Func<ProjectRecord, ProjectRecord>? change = null)
    {
        var record = new ProjectRecord
        {
            Id = "b-001", BrochureId = "b", Ordinal = 1, Title = "Green jobs for youth", Region = "Africa",
            Description = "Technical colleges in Kenya and Uganda will co-develop short courses.",
            Countries = ["KE", "UG", "TZ"], Outcome = new PolicyOutcome("5", "Skills"), Topics = ["green-jobs", "skills"],
            Tags = ["Triangular"], Page = 2, Bounds = new CardBounds(0, 0, 10, 10), Confidence = 1,
        };
        return change is null ? record : change(record);
    }

    private static IReadOnlyList<string> Compare(params ProjectRecord[] projects) =>
        new ExpectedBrochure("x", [Expected]).Mismatches(new ExtractionResult(
            new BrochureRecord { Id = "b", PageCount = 2, ProjectCount = projects.Length }, projects, []));

    [Fact]
    public void A_matching_card_has_no_mismatch() => Assert.Empty(Compare(Actual()));

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var problems = Compare(Actual(p => p with
        {
            Page = 3, Region = "Arab States", Description = "Other text", Countries = ["KE", "FR"], Outcome = null,
            Topics = [], Tags = [],
        }));

        string[] fields = ["page", "region", "description", "countries lack UG", "countries include unexpected FR", "outcome", "topics", "tags"];
        Assert.Equal(fields.Length, problems.Count);
        Assert.All(fields, field => Assert.Contains(problems, p => p.Contains("\": " + field, StringComparison.Ordinal)));
    }

    [Fact]
    public void Missing_and_unexpected_cards_are_reported()
    {
        var problems = Compare(Actual(p => p with { Title = "Green jobs for youth in East Africa" }));

        Assert.Contains(problems, p => p.StartsWith("missing card", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("unexpected card", StringComparison.Ordinal));
    }
}
