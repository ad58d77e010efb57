using SstcFunctions.Core.Layout;
using static SstcFunctions.Core.Tests.Layout.PageSketch;

namespace SstcFunctions.Core.Tests.Layout;

public class RunningTextTests
{
    private static IReadOnlyList<PageText> Remove(IEnumerable<PageSketch> pages) =>
        RunningText.Remove(pages.Select(p => p.Build()).ToList(), text => text.StartsWith("Outcome", StringComparison.Ordinal));

    [Fact]
    public void A_footer_repeated_with_the_page_number_is_removed_from_every_page()
    {
        var pages = Enumerable.Range(1, 5).Select(n => new PageSketch(n)
            .Line($"ILO SSTC 2020-2021 | {n}", 450, 815, Footer)
            .Line($"Card title {n}", 40, 100, Title)).ToList();

        var cleaned = Remove(pages);

        Assert.All(cleaned, p => Assert.Equal([$"Card title {p.Number}"], p.Lines.Select(l => l.Text)));
    }

    [Fact]
    public void A_running_header_at_the_top_is_removed()
    {
        var pages = Enumerable.Range(1, 4).Select(n => new PageSketch(n)
            .Line("Field Notes 2024-2025 · ILO Partnerships", 40, 20, Footer)
            .Line("Same body line on every page", 40, 400, Body)).ToList();

        var cleaned = Remove(pages);

        Assert.All(cleaned, p => Assert.Equal(["Same body line on every page"], p.Lines.Select(l => l.Text)));
    }

    [Fact]
    public void A_bare_page_number_near_the_edge_is_removed_even_on_one_page()
    {
        var cleaned = Remove([new PageSketch(1).Line("– 7 –", 290, 820, Footer).Line("Body text", 40, 300, Body)]);

        Assert.Equal(["Body text"], cleaned[0].Lines.Select(l => l.Text));
    }

    [Fact]
    public void Repeated_lines_the_caller_keeps_stay_even_at_the_page_edge()
    {
        var pages = Enumerable.Range(1, 3).Select(n => new PageSketch(n)
            .Line("Outcome 5: Skills and lifelong learning", 40, 800, Outcome)).ToList();

        var cleaned = Remove(pages);

        Assert.All(cleaned, p => Assert.Single(p.Lines));
    }
}
