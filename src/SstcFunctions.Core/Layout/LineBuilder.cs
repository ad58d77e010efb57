using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace SstcFunctions.Core.Layout;

/// <summary>Options of <see cref="LineBuilder"/>.</summary>
public sealed record LineBuilderOptions
{
    public static LineBuilderOptions Default { get; } = new();

    /// <summary>Glyphs whose baselines differ by less than this fraction of the font size share a row.</summary>
    public double BaselineTolerance { get; init; } = 0.3;
    public WordBreakOptions Words { get; init; } = WordBreakOptions.Default;
    public GutterOptions Gutters { get; init; } = GutterOptions.Default;
}

/// <summary>
/// Glyphs → lines by geometry alone: glyphs sharing a baseline form a row, a row breaks into words
/// (<see cref="WordBreaks"/>), and into separate lines at gutters (<see cref="Gutters"/>: drawn rules, or white
/// that runs down the page). Content-stream order is ignored, so text drawn out of order still reads in place.
/// </summary>
/// <remarks>This runs once per glyph of the brochure, so the inner loops avoid LINQ and per-glyph allocations.</remarks>
public static class LineBuilder
{
    public static List<TextLine> Build(IReadOnlyList<Glyph> input, PageGraphics? graphics = null, LineBuilderOptions? options = null)
    {
        options ??= LineBuilderOptions.Default;
        var (glyphs, count, rows) = Rows(input, options);
        try
        {
            return Lines(glyphs, rows, graphics, options);
        }
        finally
        {
            Return(glyphs, count);
        }
    }

    /// <summary>The rows' words, the gutters between them, and the lines they make.</summary>
    private static List<TextLine> Lines(Glyph[] glyphs, List<(int Start, int Length)> rows, PageGraphics? graphics, LineBuilderOptions options)
    {
        // Words of every row, then the gutters between them judged over the whole page.
        var words = new List<(int Start, int End)>[rows.Count];
        var extents = new List<(double Baseline, double Size, IReadOnlyList<(double Left, double Right)> Words)>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = glyphs.AsSpan(rows[r].Start, rows[r].Length);
            var breaks = WordBreaks.Find(row, options.Words);
            var list = new List<(int, int)>();
            var boxes = new List<(double, double)>();
            double size = 0, baseline = row[0].Baseline;
            var start = -1;
            var last = -1;
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i].IsSpace) continue;
                if (row[i].Size > size) { size = row[i].Size; baseline = row[i].Baseline; }
                if (start >= 0 && breaks[i])
                {
                    list.Add((start, last + 1));
                    boxes.Add((row[start].Left, MaxRight(row, start, last)));
                    start = -1;
                }
                if (start < 0) start = i;
                last = i;
            }
            if (start >= 0)
            {
                list.Add((start, last + 1));
                boxes.Add((row[start].Left, MaxRight(row, start, last)));
            }
            words[r] = list;
            extents.Add((baseline, size > 0 ? size : 1, boxes));
        }
        var gutters = new Gutters(extents, graphics, options.Gutters);

        var lines = new List<TextLine>();
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            var list = words[r];
            if (list.Count == 0) continue;
            var row = glyphs.AsSpan(rows[r].Start, rows[r].Length);
            var first = 0;
            for (var w = 0; w < list.Count; w++)
            {
                if (w + 1 < list.Count && !gutters.IsGutter(r, w)) continue;
                var runIn = RunInTitleEnd(row, list, first, w);
                if (runIn >= 0)
                {
                    AddLine(row, list, first, runIn, lines, text);
                    first = runIn + 1;
                }
                AddLine(row, list, first, w, lines, text);
                first = w + 1;
            }
        }
        return lines;
    }

    /// <summary>
    /// A run-in title: the line opens with words set stronger than the rest (bold, or larger) and ending in a full
    /// stop or a dash, and the description follows on the same line. Returns the title's last word, or -1. A bold
    /// label ending in a colon ("Partners:") is a field, not a title, and stays in its line.
    /// </summary>
    private static int RunInTitleEnd(ReadOnlySpan<Glyph> row, List<(int Start, int End)> words, int first, int last)
    {
        if (last - first < 2) return -1;
        var (restBold, restSize) = WordStyle(row, words[last]);
        for (var w = first; w < last; w++)
        {
            var (bold, size) = WordStyle(row, words[w]);
            var stronger = (bold && !restBold) || size > 1.1 * restSize;
            if (!stronger) return -1;
            var (_, end) = words[w];
            var tail = row[end - 1].Text;
            if (tail is "." or "–" or "—")
            {
                // The rest of the line must all be in the plain style.
                for (var v = w + 1; v <= last; v++)
                {
                    var (b, z) = WordStyle(row, words[v]);
                    if (b != restBold || Math.Abs(z - restSize) > 0.05 * restSize) return -1;
                }
                return w;
            }
        }
        return -1;
    }

    private static (bool Bold, double Size) WordStyle(ReadOnlySpan<Glyph> row, (int Start, int End) word)
    {
        int bold = 0, plain = 0;
        double size = 0;
        for (var i = word.Start; i < word.End; i++)
        {
            if (row[i].IsSpace) continue;
            if (row[i].Bold) bold++; else plain++;
            size = Math.Max(size, row[i].Size);
        }
        return (bold > plain, size);
    }

    private static double MaxRight(ReadOnlySpan<Glyph> row, int start, int last)
    {
        var right = double.MinValue;
        for (var i = start; i <= last; i++) if (row[i].Right > right) right = row[i].Right;
        return right;
    }

    /// <summary>
    /// Glyphs grouped by baseline, rows top down, each row left to right: the glyphs in that order, and each row's
    /// stretch of them.
    /// </summary>
    /// <remarks>
    /// The glyph array is rented from the shared pool (<see cref="Return"/> gives it back), as are the sort keys: allocated
    /// per page they came to ~80 bytes a glyph, 75 MB of garbage over a 300-page brochure.
    /// </remarks>
    private static (Glyph[] Glyphs, int Count, List<(int Start, int Length)> Rows) Rows(IReadOnlyList<Glyph> input, LineBuilderOptions options)
    {
        ReadOnlySpan<Glyph> source = input switch
        {
            Glyph[] array => array,
            List<Glyph> list => CollectionsMarshal.AsSpan(list),
            _ => input.ToArray(),
        };
        // Sort primitive keys with an index array, never the glyph structs themselves: far fewer bytes moved. The
        // glyphs are copied once, in their final order. A text-showing operator draws a run of glyphs on one baseline,
        // so runs are sorted by baseline, not glyphs: tens of keys a page instead of thousands.
        var keys = ArrayPool<double>.Shared.Rent(source.Length);
        var drawn = ArrayPool<int>.Shared.Rent(source.Length);
        var runStarts = ArrayPool<int>.Shared.Rent(source.Length);
        var count = 0;
        var runCount = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i].Text.Length == 0) continue;
            if (count == 0 || source[i].Baseline != source[drawn[count - 1]].Baseline)
            {
                keys[runCount] = -source[i].Baseline;
                runStarts[runCount] = count;
                runCount++;
            }
            drawn[count++] = i;
        }
        var runOrder = ArrayPool<int>.Shared.Rent(runCount);
        for (var r = 0; r < runCount; r++) runOrder[r] = r;
        SortUnlessOrdered(keys, runOrder, 0, runCount);
        var order = ArrayPool<int>.Shared.Rent(count);
        var next = 0;
        for (var r = 0; r < runCount; r++)
        {
            var run = runOrder[r];
            var end = run + 1 < runCount ? runStarts[run + 1] : count;
            for (var j = runStarts[run]; j < end; j++) order[next++] = drawn[j];
        }
        ArrayPool<int>.Shared.Return(drawn);
        ArrayPool<int>.Shared.Return(runStarts);
        ArrayPool<int>.Shared.Return(runOrder);

        var rows = new List<(int Start, int Length)>();
        var rowStart = 0;
        for (var i = 1; i <= count; i++)
        {
            ref readonly var first = ref source[order[rowStart]];
            if (i < count && Math.Abs(first.Baseline - source[order[i]].Baseline)
                <= options.BaselineTolerance * Math.Max(first.Size, source[order[i]].Size)) continue;
            // The baseline keys of this row are spent: reuse their slots for the lefts.
            for (var j = rowStart; j < i; j++) keys[j] = source[order[j]].Left;
            SortUnlessOrdered(keys, order, rowStart, i - rowStart);
            rows.Add((rowStart, i - rowStart));
            rowStart = i;
        }
        var glyphs = ArrayPool<Glyph>.Shared.Rent(count);
        for (var i = 0; i < count; i++) glyphs[i] = source[order[i]];
        ArrayPool<double>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(order);
        return (glyphs, count, rows);
    }

    /// <summary>
    /// Sorts the keys (and their indexes) unless they are in order already. Most producers draw a line's glyphs left to
    /// right and many draw a page's lines top down, so the check (one pass) often saves the sort; it also keeps ties in
    /// drawing order, where the unstable sort would not. A NaN key (a glyph placed by a degenerate matrix) makes the
    /// keys sort, so it goes to the front as it did before the check.
    /// </summary>
    private static void SortUnlessOrdered(double[] keys, int[] order, int start, int length)
    {
        var end = start + length;
        // Written so that a comparison with NaN counts as out of order.
        for (var i = start + 1; i < end; i++)
        {
            if (!(keys[i] >= keys[i - 1]))
            {
                Array.Sort(keys, order, start, length);
                return;
            }
        }
    }

    /// <summary>Gives a glyph array from <see cref="Rows"/> back, without the page's strings in it.</summary>
    private static void Return(Glyph[] glyphs, int count)
    {
        Array.Clear(glyphs, 0, count);
        ArrayPool<Glyph>.Shared.Return(glyphs);
    }

    /// <summary>Words first..last of a row as one line: words joined by single spaces, the dominant style.</summary>
    private static void AddLine(ReadOnlySpan<Glyph> row, List<(int Start, int End)> words, int firstWord, int lastWord, List<TextLine> lines, StringBuilder text)
    {
        text.Clear();
        // Few distinct styles per line: count characters per style in a small array instead of a dictionary.
        Span<int> styleChars = stackalloc int[8];
        Span<int> styleGlyph = stackalloc int[8];
        var styles = 0;
        double left = double.MaxValue, right = double.MinValue, baseline = 0, size = 0;
        for (var w = firstWord; w <= lastWord; w++)
        {
            if (w > firstWord) text.Append(' ');
            var (start, end) = words[w];
            for (var i = start; i < end; i++)
            {
                ref readonly var g = ref row[i];
                if (g.IsSpace) continue;
                text.Append(g.Text);
                var s = 0;
                while (s < styles && !SameStyle(row[styleGlyph[s]], g)) s++;
                if (s == styles && styles < styleChars.Length) { styleGlyph[s] = i; styleChars[s] = 0; styles++; }
                if (s < styles) styleChars[s] += g.Text.Length;
                if (g.Left < left) left = g.Left;
                if (g.Right > right) right = g.Right;
                if (g.Size > size) { size = g.Size; baseline = g.Baseline; }
            }
        }
        if (styles == 0) return;
        var normalized = TextNormalizer.Normalize(text.ToString());
        if (normalized.Length == 0) return;
        var dominant = 0;
        for (var s = 1; s < styles; s++) if (styleChars[s] > styleChars[dominant]) dominant = s;
        var d = row[styleGlyph[dominant]];
        var style = new TextStyle(Math.Round(d.Size, 1), d.Bold, d.Italic, d.Colour, d.FontFamily);
        lines.Add(new TextLine(normalized, new Box(left, baseline - 0.22 * size, right, baseline + 0.78 * size), baseline, style));
    }

    private static bool SameStyle(in Glyph a, in Glyph b) =>
        Math.Abs(a.Size - b.Size) < 0.05 && a.Bold == b.Bold && a.Italic == b.Italic
        && (ReferenceEquals(a.Colour, b.Colour) || a.Colour == b.Colour)
        && (ReferenceEquals(a.FontFamily, b.FontFamily) || a.FontFamily == b.FontFamily);
}
