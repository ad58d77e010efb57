namespace SstcFunctions.Core.Layout;

/// <summary>A page as the layout stages see it: its blocks, their roles, and the geometry questions they ask.</summary>
internal sealed class PageLayout(PageText text, List<TextBlock> blocks, bool isContents)
{
    public PageText Text { get; } = text;
    public List<TextBlock> Blocks { get; } = blocks;
    public bool IsContents { get; } = isContents;
    /// <summary>The typography this page is read with: the document's, or the page's own design.</summary>
    public Typography Typography { get; set; } = null!;
    public Dictionary<TextBlock, BlockRole> Roles { get; } = new(ReferenceEqualityComparer.Instance);
    public HashSet<TextBlock> Consumed { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The nearest block below, sharing some horizontal range.</summary>
    public TextBlock? Below(TextBlock block) =>
        Blocks.Where(b => b != block && b.Box.Top <= block.Box.Bottom + 0.5 * b.Style.Size && b.Box.Top < block.Box.Top
                          && b.Box.OverlapX(block.Box) > 0)
            .MaxBy(b => b.Box.Top);

    /// <summary>The nearest block below that is not a labelled field line: what a title introduces.</summary>
    public TextBlock? BelowFields(TextBlock block)
    {
        var next = Below(block);
        while (next is not null && Roles.GetValueOrDefault(next) == BlockRole.Field) next = Below(next);
        return next;
    }

    /// <summary>Whether the block lies in a filled area that its owner's title is not in, and that holds no title.</summary>
    public bool Sidebar(TextBlock block, TextBlock title)
    {
        foreach (var fill in Text.Graphics.Fills)
        {
            if (!Inside(block.Box, fill.Box) || Inside(title.Box, fill.Box)) continue;
            // A card's body panel under its title bar (framed cards draw bar and body as two fills) is the card.
            if (fill.Box.Top <= title.Box.Top + 1 && title.Box.Bottom - fill.Box.Top <= 2 * title.Style.Size
                && fill.Box.Left <= title.Box.Left + 1 && fill.Box.Right >= title.Box.Right - 1) continue;
            // A band inside the card's own panel that carries its outcome or labelled lines (a coloured footer strip) is the card.
            if (Roles.GetValueOrDefault(block) is BlockRole.Outcome or BlockRole.Field && InOwnPanel(fill, title)) continue;
            if (!Blocks.Any(b => Roles.GetValueOrDefault(b) == BlockRole.Title && Inside(b.Box, fill.Box))) return true;
        }
        return false;
    }

    /// <summary>Whether the fill lies in a larger filled panel that holds this title and no other: the card's own panel.</summary>
    private bool InOwnPanel(Fill fill, TextBlock title) =>
        Text.Graphics.Fills.Any(panel => panel != fill && Inside(fill.Box, panel.Box) && Inside(title.Box, panel.Box)
                                         && Blocks.Count(b => Roles.GetValueOrDefault(b) == BlockRole.Title && Inside(b.Box, panel.Box)) == 1);

    private static bool Inside(Box inner, Box outer) =>
        inner.Left >= outer.Left - 1 && inner.Right <= outer.Right + 1 && inner.Bottom >= outer.Bottom - 1 && inner.Top <= outer.Top + 1;

    /// <summary>The body block right of this one whose first line stands at the same height: a side-by-side card's text.</summary>
    public TextBlock? BodyBeside(TextBlock block) =>
        Blocks.Where(b => b != block && Roles.GetValueOrDefault(b) == BlockRole.Body && b.Box.Left >= block.Box.Right - 1
                          && Math.Abs(b.Lines[0].Baseline - block.Lines[0].Baseline) <= 0.5 * block.Style.Size)
            .MinBy(b => b.Box.Left);

    public TextBlock? Above(TextBlock block) =>
        Blocks.Where(b => b != block && b.Box.Bottom >= block.Box.Top - 0.5 * b.Style.Size && b.Box.Bottom > block.Box.Bottom
                          && b.Box.OverlapX(block.Box) > 0)
            .MinBy(b => b.Box.Bottom);
}
