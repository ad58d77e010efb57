using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class LineBuilderTests
{
    private static List<Glyph> Word(string text, double left, double baseline, double size = 10, double advance = 5)
    {
        var glyphs = new List<Glyph>();
        foreach (var c in text)
        {
            glyphs.Add(new Glyph(c.ToString(), left, left + advance, baseline, size, false, false, "#000000", "Sans"));
            left += advance;
        }
        return glyphs;
    }

    [Fact]
    public void A_glyph_copied_with_other_text_knows_again_whether_it_is_a_space()
    {
        var letter = new Glyph("a", 0, 5, 0, 10, false, false, "#000000", "Sans");

        var space = letter with { Text = " " };

        Assert.False(letter.IsSpace);
        Assert.True(space.IsSpace);
        Assert.False((space with { Text = "b" }).IsSpace);
    }

    [Fact]
    public void Glyphs_drawn_out_of_order_read_in_place()
    {
        var glyphs = Word("world", 40 + 6 * 5, 700).Concat(Word("next line", 40, 686)).Concat(Word("hello", 40, 700)).Reverse().ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(["hello world", "next line"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Columns_drawn_one_after_the_other_read_row_by_row()
    {
        // A two-column page as most producers write it: the left column top down, then the right one, each line one run
        // of glyphs; the middle row's right half comes first, drawn out of place.
        var glyphs = Word("right middle", 300, 686)
            .Concat(Word("left top", 40, 700)).Concat(Word("left middle", 40, 686)).Concat(Word("left bottom", 40, 672))
            .Concat(Word("right top", 300, 700)).Concat(Word("right bottom", 300, 672)).ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(["left top", "right top", "left middle", "right middle", "left bottom", "right bottom"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_glyph_without_a_position_does_not_disturb_the_lines_around_it()
    {
        // A degenerate text matrix in a hostile file can place a glyph at NaN: it must not stop the sort of the rest.
        var stray = new Glyph("x", 40, 45, double.NaN, 10, false, false, "#000000", "Sans");
        var glyphs = Word("second line", 40, 686).Append(stray).Concat(Word("first line", 40, 700)).ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(["first line", "second line"], lines.Select(l => l.Text).Where(t => t != "x"));
    }

    [Fact]
    public void A_gutter_splits_two_columns_sharing_a_baseline()
    {
        var glyphs = Word("left column", 40, 700).Concat(Word("right column", 300, 700)).ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(["left column", "right column"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Ligatures_are_unfolded()
    {
        var lines = LineBuilder.Build(Word("\uFB01nance", 40, 700));

        Assert.Equal("finance", lines.Single().Text);
    }

    [Fact]
    public void A_space_glyph_under_a_soft_hyphen_does_not_split_the_word()
    {
        // Chromium emits a space and a U+2010 at the same position where it breaks at a soft hyphen.
        var glyphs = Word("employ", 40, 700);
        glyphs.Add(new Glyph(" ", 70, 72.5, 700, 10, false, false, "#000000", "Sans"));
        glyphs.Add(new Glyph("\u2010", 70, 73.5, 700, 10, false, false, "#000000", "Sans"));

        Assert.Equal("employ\u2010", LineBuilder.Build(glyphs).Single().Text);
    }

    [Fact]
    public void The_dominant_style_of_a_line_is_the_one_setting_most_characters()
    {
        var glyphs = Word("Countries:", 40, 700).Select(g => g with { Bold = true })
            .Concat(Word("Kenya, Uganda and Tanzania", 40 + 11 * 5, 700)).ToList();

        var line = LineBuilder.Build(glyphs).Single();

        Assert.False(line.Style.Bold);
        Assert.Equal("Countries: Kenya, Uganda and Tanzania", line.Text);
    }
    [Fact]
    public void A_wide_justified_word_gap_is_not_a_gutter_when_the_lines_around_run_across_it()
    {
        var glyphs = Word("develop a common checklist on", 40, 720)
            .Concat(Word("occupational safety", 40, 710)).Concat(Word("for", 150, 710))
            .Concat(Word("plantations, test it during", 40, 700)).ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(["develop a common checklist on", "occupational safety for", "plantations, test it during"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_gutter_stays_a_gutter_when_no_line_crosses_it()
    {
        var glyphs = Word("left column", 40, 720).Concat(Word("right column", 150, 720))
            .Concat(Word("more left", 40, 710)).Concat(Word("more right", 150, 710)).ToList();

        var lines = LineBuilder.Build(glyphs);

        Assert.Equal(["left column", "right column", "more left", "more right"], lines.Select(l => l.Text));
    }
}
