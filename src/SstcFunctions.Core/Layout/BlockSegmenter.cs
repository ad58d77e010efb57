namespace SstcFunctions.Core.Layout;

/// <summary>Lines of one style stacked at a steady pitch: a title, a paragraph, an outcome line, a tag line.</summary>
public sealed class TextBlock(int page, TextLine first)
{
    private readonly List<TextLine> _lines = [first];

    public int Page { get; } = page;
    public IReadOnlyList<TextLine> Lines => _lines;
    public Box Box { get; private set; } = first.Box;
    public TextStyle Style => _lines[0].Style;
    public TextLine Last => _lines[^1];

    /// <summary>The words of the block with line breaks undone.</summary>
    public string Text { get; set; } = first.Text;

    internal void Add(TextLine line)
    {
        _lines.Add(line);
        Box = Box.Union(line.Box);
    }

    public override string ToString() => $"p{Page} [{Box.Left:F0},{Box.Top:F0}] {Style.Size}{(Style.Bold ? "b" : "")}{(Style.Italic ? "i" : "")}: {Text}";
}

/// <summary>
/// Stacks a page's lines into blocks by geometry and typography. A block ends where the style changes (weight,
/// size, slant, colour), where the gap grows beyond the block's own line pitch, or where a line starts a new role.
/// </summary>
public static class BlockSegmenter
{
    // Line pitch as a multiple of the font size: leading rarely exceeds 1.6; a paragraph gap adds at least ~0.4.
    private const double MaxFirstPitch = 1.75;
    private const double PitchGrowth = 1.2;

    /// <param name="startsBlock">Lines that always open a block of their own ("Outcome 5: …" set in body style).</param>
    /// <param name="graphics">Rules and filled areas: text on either side of one never continues a block.</param>
    public static List<TextBlock> Segment(int page, IEnumerable<TextLine> lines, Func<string, bool> startsBlock, PageGraphics? graphics = null)
    {
        graphics ??= PageGraphics.None;
        var blocks = new List<TextBlock>();
        var open = new List<TextBlock>();
        foreach (var line in lines.OrderByDescending(l => l.Box.Top).ThenBy(l => l.Box.Left))
        {
            TextBlock? target = null;
            if (!startsBlock(line.Text))
            {
                foreach (var block in open)
                {
                    if (!Continues(block, line) || Divided(block.Last, line, graphics)) continue;
                    if (target is null || block.Last.Baseline < target.Last.Baseline) target = block;
                }
            }
            if (target is null)
            {
                target = new TextBlock(page, line);
                blocks.Add(target);
            }
            else
            {
                target.Add(line);
            }
            // Whatever sat directly above this line in its column cannot grow past it.
            open.RemoveAll(b => b != target && b.Last.Baseline > line.Baseline && b.Box.OverlapX(line.Box) > 0);
            if (!open.Contains(target)) open.Add(target);
        }
        return blocks;
    }

    /// <summary>A rule or the edge of a filled area between two lines: a box, a sidebar or a pull quote begins or ends.</summary>
    private static bool Divided(TextLine upper, TextLine lower, PageGraphics graphics) =>
        graphics != PageGraphics.None
        && graphics.EdgeBetween(upper.Baseline, lower.Box.Top, Math.Max(upper.Box.Left, lower.Box.Left), Math.Min(upper.Box.Right, lower.Box.Right));

    private static bool Continues(TextBlock block, TextLine line)
    {
        var last = block.Last;
        if (!last.Style.LooksLike(line.Style)) return false;
        var pitch = last.Baseline - line.Baseline;
        var size = Math.Max(last.Style.Size, line.Style.Size);
        if (pitch < 0.5 * size) return false;
        var limit = block.Lines.Count >= 2
            ? PitchGrowth * (block.Lines[^2].Baseline - last.Baseline)
            : MaxFirstPitch * size;
        if (pitch > limit + 0.5) return false;
        var overlap = last.Box.OverlapX(line.Box);
        return overlap > 0.3 * Math.Min(last.Box.Width, line.Box.Width);
    }
}
