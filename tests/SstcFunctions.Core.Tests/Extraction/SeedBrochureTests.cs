using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Extraction;

/// <summary>The whole pipeline on the seed brochure (scrambled content-stream order, landscape grid) against its ground truth.</summary>
public class SeedBrochureTests
{
    [Fact]
    public void Every_card_of_the_seed_brochure_matches_the_ground_truth()
    {
        var seed = ExpectedBrochure.Load(SharedFixtures.SeedBrochureDirectory);

        var result = seed.Extract();

        Assert.Equal(21, seed.Projects.Count);
        Assert.Empty(seed.Mismatches(result));
    }

    [Fact]
    public void The_cover_page_holds_no_card_and_its_text_reaches_the_brochure_facts()
    {
        var seed = ExpectedBrochure.Load(SharedFixtures.SeedBrochureDirectory);

        var result = seed.Extract();

        Assert.DoesNotContain(result.Projects, p => p.Page == 1);
        Assert.Equal(7, result.Brochure.PageCount);
        Assert.Equal(23, result.Brochure.StatedProjectCount);
    }
}
