using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Extraction;

/// <summary>
/// Every folder under Fixtures/ is a brochure design of our own (see its README.md): the Chromium ones made by
/// <c>generate.py</c>, the LaTeX, LibreOffice, ReportLab and groff ones by <c>producers.py</c>. Adding a folder adds a
/// case. Each is scored as <c>scripts/accuracy.sh</c> scores it (<see cref="FixtureScore"/>): card F1 ≥ 0.98 and ≥ 95 %
/// of cards exact on every field; the Chromium designs stay at 100 %.
/// </summary>
public class FixtureBrochureTests
{
    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private const double F1Target = 0.98;
    private const double ExactTarget = 0.95;

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
    public void There_are_designs_from_at_least_four_producers_and_three_languages()
    {
        var truths = Directory.GetDirectories(FixturesDirectory).Where(f => File.Exists(Path.Combine(f, "expected.json")))
            .Select(FixtureTruth.Load).ToList();
        Assert.True(truths.Select(t => t.Producer ?? "Chromium").Distinct().Count() >= 5, "fewer than five producers");
        Assert.Equal(["en", "es", "fr"], truths.Select(t => t.Language).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Every_design_reads_to_its_ground_truth(string design)
    {
        var truth = FixtureTruth.Load(Path.Combine(FixturesDirectory, design));
        using var pdf = File.OpenRead(truth.Pdf);
        var result = new BrochureExtractor().Extract(pdf, BrochureId.FromFileName(design + ".pdf"));

        var score = FixtureScore.Score(truth.Cards, result.Projects);

        var why = string.Join("\n", score.Mismatches());
        Assert.True(score.F1 >= F1Target, $"card F1 {score.F1:F2} < {F1Target}\n{why}");
        var floor = truth.Producer is null or "Chromium" ? 1.0 : ExactTarget;
        Assert.True(score.ExactShare >= floor, $"{score.ExactCards} of {score.Expected} cards exact ({score.ExactShare:P0}) < {floor:P0}\n{why}");
    }
}
