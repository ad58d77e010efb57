using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class WordBreaksTests
{
    /// <summary>Glyphs of one line: letters 5 pt wide, <paramref name="gaps"/> gives the gap (em) before each glyph.</summary>
    private static Glyph[] Line(string text, Func<int, char, double> gaps, double size = 10, bool bold = false)
    {
        var glyphs = new List<Glyph>();
        var x = 40.0;
        for (var i = 0; i < text.Length; i++)
        {
            x += gaps(i, text[i]) * size;
            glyphs.Add(new Glyph(text[i].ToString(), x, x + 5, 700, size, bold, false, "#000000", "Serif"));
            x += 5;
        }
        return glyphs.ToArray();
    }

    private static string Words(Glyph[] line)
    {
        var breaks = WordBreaks.Find(line);
        return string.Concat(line.Select((g, i) => (breaks[i] ? " " : "") + (g.IsSpace ? "" : g.Text)));
    }

    [Fact]
    public void Without_space_glyphs_words_come_from_the_line_s_own_gaps()
    {
        // pdfTeX draws no spaces: kerning inside words (−0.03 to 0.04 em), tight justified spaces (0.22 em) between.
        var text = "PeerlearningonpublicemploymentservicesforyoungpeopleintheAndeancountries";
        var starts = new HashSet<int> { 4, 12, 14, 20, 30, 38, 41, 46, 52, 54, 57, 63 };
        var line = Line(text, (i, _) => starts.Contains(i) ? 0.22 : (i % 3 == 0 ? -0.03 : 0.04));

        Assert.Equal("Peer learning on public employment services for young people in the Andean countries", Words(line));
    }

    [Fact]
    public void A_letter_spaced_title_with_space_glyphs_keeps_its_words_whole()
    {
        // Tracking of 0.15 em between letters; the producer draws a space glyph between words.
        var line = Line("PEER LEARNING FOR YOUTH", (i, c) => i == 0 ? 0 : 0.15);

        Assert.Equal("PEER LEARNING FOR YOUTH", Words(line));
    }

    [Fact]
    public void Two_columns_justified_differently_on_one_baseline_both_break_at_their_word_gaps()
    {
        // Left column: word gaps of 0.54 em; right column (a gutter of 2 em away): tight lines at 0.23 em. The jump
        // between the two groups of word gaps is wider than the one below them; both columns must keep their words.
        const string left = "Ministriesoflabour";
        const string right = "Hotelassociationsandunions";
        var leftStarts = new HashSet<int> { 10, 12 };
        var rightStarts = new HashSet<int> { 5, 17, 20 };
        var line = Line(left + right, (i, _) => i == left.Length ? 2.0
            : i < left.Length ? (leftStarts.Contains(i) ? 0.54 : 0)
            : rightStarts.Contains(i - left.Length) ? 0.23 : 0);

        Assert.Equal("Ministries of labour Hotel associations and unions", Words(line));
    }
}
