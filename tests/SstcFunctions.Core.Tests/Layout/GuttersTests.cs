using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class GuttersTests
{
    private static IEnumerable<Glyph> Text(string text, double left, double baseline, double size = 10)
    {
        foreach (var c in text)
        {
            yield return new Glyph(c.ToString(), left, left + 5, baseline, size, false, false, "#000000", "Sans");
            left += 5;
        }
    }

    [Fact]
    public void A_drawn_cell_border_divides_text_even_across_a_narrow_gap()
    {
        // Two table cells 6 pt apart (0.6 em), the border drawn between them.
        var glyphs = Text("left cell", 40, 700).Concat(Text("right cell", 91, 700)).ToList();
        var graphics = new PageGraphics([new Box(87.5, 650, 88, 720)], [], []);

        Assert.Equal(["left cell", "right cell"], LineBuilder.Build(glyphs, graphics).Select(l => l.Text));
        Assert.Equal(["left cell right cell"], LineBuilder.Build(glyphs).Select(l => l.Text));
    }

    [Fact]
    public void A_narrow_gutter_whose_column_starts_line_up_is_a_gutter()
    {
        // Two cells 9 pt apart (0.9 em) on four lines; the right cell's lines all start at x = 150.
        var glyphs = new List<Glyph>();
        for (var row = 0; row < 4; row++)
        {
            glyphs.AddRange(Text("justified left text", 46, 700 - 12 * row));
            glyphs.AddRange(Text("right cell line", 150, 700 - 12 * row));
        }

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.DoesNotContain("text right", l.Text));
    }

    [Fact]
    public void The_same_loose_line_in_other_cards_far_below_does_not_make_its_word_gap_a_gutter()
    {
        // Boilerplate set the same way in three cards of one column: "facilitate" 0.9 em after "will" each time.
        var glyphs = new List<Glyph>();
        foreach (var top in new[] { 700.0, 600, 500 })
        {
            glyphs.AddRange(Text("This project will", 40, top).Concat(Text("facilitate", 134, top)));
            glyphs.AddRange(Text("constituents from Honduras and Uruguay", 40, top - 11));
        }

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(3, lines.Count(l => l.Text == "This project will facilitate"));
    }

    [Fact]
    public void White_down_many_lines_is_a_gutter_even_where_the_next_column_does_not_start_level()
    {
        // A 2 em gap; no two of the right column's lines start level (0.4 pt apart: italic and upright faces, indents).
        var glyphs = new List<Glyph>();
        for (var row = 0; row < 7; row++)
        {
            glyphs.AddRange(Text("left column text", 40, 700 - 12 * row));
            glyphs.AddRange(Text("right column", 140 + 0.4 * row, 700 - 12 * row));
        }

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(14, lines.Count);
    }

    [Fact]
    public void A_wide_justified_gap_whose_neighbours_run_across_it_is_a_word_gap()
    {
        var glyphs = Text("exchange lessons on employment", 40, 720)
            .Concat(Text("from", 40, 708)).Concat(Text("Cambodia,", 80, 708)).Concat(Text("Lao", 140, 708))
            .Concat(Text("intensive reconstruction after", 40, 696)).ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Contains("from Cambodia, Lao", lines.Select(l => l.Text));
    }

    [Fact]
    public void A_run_in_title_is_split_from_the_description_on_its_line()
    {
        var bold = Text("Skills in the Sahel.", 40, 700).Select(g => g with { Bold = true });
        var glyphs = bold.Concat(Text("Producer cooperatives from Niger", 148, 700)).ToList();

        Assert.Equal(["Skills in the Sahel.", "Producer cooperatives from Niger"], LineBuilder.Build(glyphs).Select(l => l.Text));
    }
}
