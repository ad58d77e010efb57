namespace SstcFunctions.Core.Layout;

/// <summary>Options of <see cref="WordBreaks"/>, in fractions of the font size (em).</summary>
public sealed record WordBreakOptions
{
    public static WordBreakOptions Default { get; } = new();

    /// <summary>Where the producer draws space glyphs, a gap across one this wide is a word break (a soft-hyphen
    /// break draws a space of zero width under the hyphen).</summary>
    public double GapAfterSpaceGlyph { get; init; } = 0.08;
    /// <summary>Least gap without a space glyph that may break a word: tight kerning and tracking stay inside words.</summary>
    public double MinimumGap { get; init; } = 0.12;
    /// <summary>A gap without a space glyph at least this wide always breaks a word.</summary>
    public double CertainGap { get; init; } = 0.3;
    /// <summary>Where the line has space glyphs, a gap without one breaks a word only when it is this fraction of
    /// the line's typical spaced gap: letter-spaced titles keep their letters together.</summary>
    public double ShareOfSpacedGap { get; init; } = 0.6;
}

/// <summary>
/// Where the words of a line of glyphs break. Producers that draw space glyphs (browsers, office suites) are
/// trusted for them; producers that only position words (pdfTeX, many design tools) are read from the line's own
/// gap distribution: the gaps inside words and between words form two groups, and the break lies between them.
/// Judged per line, so justified lines with loose or tight spacing and letter-spaced titles all read whole.
/// </summary>
public static class WordBreaks
{
    /// <summary>Whether the gap before glyph <paramref name="index"/> of a row breaks a word.</summary>
    /// <param name="row">Glyphs of one baseline, sorted left to right.</param>
    public static bool[] Find(ReadOnlySpan<Glyph> row, WordBreakOptions? options = null)
    {
        options ??= WordBreakOptions.Default;
        var breaks = new bool[row.Length];
        // Gaps between consecutive non-space glyphs, in em, and whether a space glyph lies between them.
        Span<double> gaps = row.Length <= 512 ? stackalloc double[row.Length] : new double[row.Length];
        Span<bool> spaced = row.Length <= 512 ? stackalloc bool[row.Length] : new bool[row.Length];
        var previous = -1;
        var sawSpace = false;
        // Word-spacing samples: spaced[0..spacedCount) and plain[0..plainCount), on the stack for ordinary rows.
        Span<double> spacedGaps = row.Length <= 512 ? stackalloc double[row.Length] : new double[row.Length];
        Span<double> plainGaps = row.Length <= 512 ? stackalloc double[row.Length] : new double[row.Length];
        int spacedCount = 0, plainCount = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i].IsSpace) { sawSpace = true; continue; }
            if (previous >= 0)
            {
                var em = Math.Max(row[previous].Size, row[i].Size);
                gaps[i] = em > 0 ? (row[i].Left - row[previous].Right) / em : 0;
                spaced[i] = sawSpace;
                // Gutters (over ~1 em) say nothing about word spacing.
                if (gaps[i] < 1.0)
                {
                    if (sawSpace) spacedGaps[spacedCount++] = gaps[i];
                    else plainGaps[plainCount++] = gaps[i];
                }
            }
            else gaps[i] = double.NaN;
            previous = i;
            sawSpace = false;
        }
        var threshold = spacedCount > 0
            ? Math.Min(options.CertainGap, Math.Max(options.MinimumGap, options.ShareOfSpacedGap * Median(spacedGaps[..spacedCount])))
            : Split(plainGaps[..plainCount], options);
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i].IsSpace || double.IsNaN(gaps[i]) || (i == 0)) continue;
            breaks[i] = spaced[i] ? gaps[i] > options.GapAfterSpaceGlyph : gaps[i] > threshold;
        }
        return breaks;
    }

    /// <summary>
    /// The break between the gaps inside words and the gaps between them on a line without space glyphs: the first
    /// clear jump between sorted gaps above the kerning range. The first, not the widest: one row can hold two columns
    /// justified differently (word gaps of 0.23 em in one, 0.54 em in the other), and the jump between those two
    /// groups of word gaps is wider than the one below them. With no clear jump, the certain gap.
    /// </summary>
    private static double Split(Span<double> gaps, WordBreakOptions options)
    {
        if (gaps.Length == 0) return options.CertainGap;
        gaps.Sort();
        // Every gap on one side of the range: all inside words, or all between words.
        if (gaps[^1] < options.MinimumGap) return options.CertainGap;
        if (gaps[0] > options.CertainGap) return options.MinimumGap;
        for (var i = 1; i < gaps.Length; i++)
        {
            var (low, high) = (Math.Max(gaps[i - 1], 0), gaps[i]);
            if (high < options.MinimumGap || low > options.CertainGap) continue;
            if (high - low >= ClearJump) return Math.Clamp((low + high) / 2, options.MinimumGap, options.CertainGap);
        }
        return options.CertainGap;
    }

    // In em: gaps inside words vary by kerning a few hundredths; word gaps sit a tenth of an em or more above them.
    private const double ClearJump = 0.06;

    private static double Median(Span<double> values)
    {
        values.Sort();
        return values[values.Length / 2];
    }
}
