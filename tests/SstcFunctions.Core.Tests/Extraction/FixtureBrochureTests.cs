namespace SstcFunctions.Core.Tests.Extraction;

/// <summary>
/// Every folder under Fixtures/ is a brochure design of our own (see its README.md); adding a folder adds a case.
/// Regenerate them with <c>python3 Fixtures/generate.py</c>.
/// </summary>
public class FixtureBrochureTests
{
    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static TheoryData<string> Designs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(FixturesDirectory).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "expected.json"))) data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Fact]
    public void There_are_at_least_four_designs()
    {
        Assert.True(Designs().Count >= 4, $"only {Designs().Count} fixture designs under {FixturesDirectory}");
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Every_card_of_the_design_matches_its_ground_truth(string design)
    {
        var brochure = ExpectedBrochure.Load(Path.Combine(FixturesDirectory, design));

        var result = brochure.Extract();

        var mismatches = brochure.Mismatches(result);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
