using System.Text;

namespace SstcFunctions.Core.Layout;

/// <summary>
/// Glyphs → lines by geometry alone: glyphs sharing a baseline, split into words at gaps and into separate lines
/// at gutters. Content-stream order is ignored, so text drawn out of order still reads in place.
/// </summary>
/// <remarks>This runs once per glyph of the brochure, so it avoids LINQ and per-glyph allocations.</remarks>
public static class LineBuilder
{
    // Fractions of the font size. A word space is ~0.25 em in common fonts; a column gutter is at least ~1 em.
    private const double BaselineTolerance = 0.3;
    private const double WordGap = 0.2;
    private const double WordGapAfterSpaceGlyph = 0.08;
    private const double GutterGap = 1.0;
    private const double MaxJustifiedGap = 8.0;

    public static List<TextLine> Build(IReadOnlyList<Glyph> input)
    {
        // Sort primitive keys with an index array rather than the glyph structs themselves: far fewer bytes moved.
        var glyphs = new Glyph[input.Count];
        var keys = new double[input.Count];
        var order = new int[input.Count];
        var count = 0;
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Text.Length == 0) continue;
            glyphs[count] = input[i];
            keys[count] = -input[i].Baseline;
            order[count] = count;
            count++;
        }
        Array.Sort(keys, order, 0, count);

        var lines = new List<TextLine>();
        var text = new StringBuilder();
        var row = new List<Glyph>();
        var rowKeys = new List<double>();
        var rowStart = 0;
        for (var i = 1; i <= count; i++)
        {
            ref readonly var first = ref glyphs[order[rowStart]];
            if (i < count && Math.Abs(first.Baseline - glyphs[order[i]].Baseline)
                <= BaselineTolerance * Math.Max(first.Size, glyphs[order[i]].Size)) continue;
            row.Clear();
            rowKeys.Clear();
            for (var j = rowStart; j < i; j++)
            {
                row.Add(glyphs[order[j]]);
                rowKeys.Add(glyphs[order[j]].Left);
            }
            var rowArray = row.ToArray();
            Array.Sort(rowKeys.ToArray(), rowArray);
            SplitRow(rowArray, lines, text);
            rowStart = i;
        }
        return MergeJustifiedGaps(lines);
    }

    /// <summary>
    /// Justified text in a narrow column can open word gaps wider than a gutter. A real gutter stays empty from line
    /// to line; a justified gap does not, so two pieces of one baseline are rejoined when a neighbouring line of the
    /// same size runs straight across the gap between them.
    /// </summary>
    private static List<TextLine> MergeJustifiedGaps(List<TextLine> lines)
    {
        // Build emits lines row by row, top down, left to right: regroup them into rows.
        var rows = new List<List<TextLine>>();
        foreach (var line in lines)
        {
            if (rows.Count > 0 && rows[^1][0].Baseline == line.Baseline) rows[^1].Add(line);
            else rows.Add([line]);
        }
        // A merge can make a line cross the gap of its neighbour, so repeat until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                for (var i = 0; i + 1 < row.Count; i++)
                {
                    var (left, right) = (row[i], row[i + 1]);
                    var size = left.Style.Size;
                    if (right.Box.Left - left.Box.Right > MaxJustifiedGap * size || Math.Abs(right.Style.Size - size) > 0.05 * size) continue;
                    if (!Crossed(rows, r, left.Box.Right + 0.5, right.Box.Left - 0.5, left.Baseline, size)) continue;
                    row[i] = new TextLine(left.Text + " " + right.Text, left.Box.Union(right.Box), left.Baseline,
                                          left.Text.Length >= right.Text.Length ? left.Style : right.Style);
                    row.RemoveAt(i + 1);
                    i--;
                    changed = true;
                }
            }
        }
        return rows.SelectMany(r => r).ToList();
    }

    private static bool Crossed(List<List<TextLine>> rows, int r, double gapLeft, double gapRight, double baseline, double size)
    {
        for (var n = Math.Max(0, r - 3); n <= Math.Min(rows.Count - 1, r + 3); n++)
        {
            if (n == r) continue;
            foreach (var line in rows[n])
            {
                if (Math.Abs(line.Baseline - baseline) > 1.7 * size || Math.Abs(line.Style.Size - size) > 0.05 * size) continue;
                if (line.Box.Left < gapLeft && line.Box.Right > gapRight) return true;
            }
        }
        return false;
    }

    private static void SplitRow(Glyph[] row, List<TextLine> lines, StringBuilder text)
    {
        var start = 0;
        var previous = -1;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i].IsSpace) continue;
            if (previous >= 0 && row[i].Left - row[previous].Right > GutterGap * Math.Max(row[previous].Size, row[i].Size))
            {
                AddLine(row.AsSpan(start, i - start), lines, text);
                start = i;
            }
            previous = i;
        }
        AddLine(row.AsSpan(start), lines, text);
    }

    private static void AddLine(Span<Glyph> run, List<TextLine> lines, StringBuilder text)
    {
        text.Clear();
        // Few distinct styles per line: count characters per style in a small array instead of a dictionary.
        Span<int> styleChars = stackalloc int[8];
        Span<int> styleGlyph = stackalloc int[8];
        var styles = 0;
        double left = double.MaxValue, right = double.MinValue, baseline = 0, size = 0;
        var previous = -1;
        var spaceSince = false;
        for (var i = 0; i < run.Length; i++)
        {
            ref readonly var g = ref run[i];
            if (g.IsSpace) { spaceSince = true; continue; }
            if (previous >= 0)
            {
                ref readonly var p = ref run[previous];
                var gap = g.Left - p.Right;
                var em = Math.Max(p.Size, g.Size);
                if (gap > WordGap * em || (spaceSince && gap > WordGapAfterSpaceGlyph * em)) text.Append(' ');
            }
            text.Append(g.Text);
            var s = 0;
            while (s < styles && !SameStyle(run[styleGlyph[s]], g)) s++;
            if (s == styles && styles < styleChars.Length) { styleGlyph[s] = i; styleChars[s] = 0; styles++; }
            if (s < styles) styleChars[s] += g.Text.Length;
            if (g.Left < left) left = g.Left;
            if (g.Right > right) right = g.Right;
            if (g.Size > size) { size = g.Size; baseline = g.Baseline; }
            previous = i;
            spaceSince = false;
        }
        if (previous < 0) return;
        var normalized = TextNormalizer.Normalize(text.ToString());
        if (normalized.Length == 0) return;
        var dominant = 0;
        for (var s = 1; s < styles; s++) if (styleChars[s] > styleChars[dominant]) dominant = s;
        var d = run[styleGlyph[dominant]];
        var style = new TextStyle(Math.Round(d.Size, 1), d.Bold, d.Italic, d.Colour, d.FontFamily);
        lines.Add(new TextLine(normalized, new Box(left, baseline - 0.22 * size, right, baseline + 0.78 * size), baseline, style));
    }

    private static bool SameStyle(in Glyph a, in Glyph b) =>
        Math.Abs(a.Size - b.Size) < 0.05 && a.Bold == b.Bold && a.Italic == b.Italic
        && (ReferenceEquals(a.Colour, b.Colour) || a.Colour == b.Colour)
        && (ReferenceEquals(a.FontFamily, b.FontFamily) || a.FontFamily == b.FontFamily);
}
