using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Layout;

/// <summary>
/// The cards stage: on each page, tags, badges, descriptions, outcome and field lines join their title (the nearest
/// one above in the column, or beside it in side-by-side designs), blocks are put in reading order (region sections
/// top to bottom, then rows of a grid or columns of a masonry layout), and text with no title above it continues the
/// card before it in reading order, across columns and pages.
/// </summary>
internal sealed class CardAssembler(ICardVocabulary vocabulary)
{
    /// <summary>Reads one page's cards in reading order; returns the region in force at the end of the page.</summary>
    public string? ReadPage(PageLayout page, Typography typography, bool badges, bool beside, string? region, ref CardDraft? continuation, List<CardDraft> cards)
    {
        if (page.IsContents) return region;
        var blocks = page.Blocks;
        var separators = blocks.Where(b => page.Roles[b] == BlockRole.Region && AloneInBand(page, b) && Interrupts(page, b)).OrderByDescending(b => b.Box.Top).ToList();
        // A separator opens the section below it, so it counts itself.
        int SectionOf(TextBlock b) => separators.Count(s => s == b || s.Box.Top > b.Box.Top);

        var titles = blocks.Where(b => page.Roles[b] == BlockRole.Title).ToList();
        var drafts = titles.ToDictionary(t => t, t => new CardDraft(page.Text.Number, t));

        // Tags and badges belong to the title right below them, possibly with the other one in between.
        foreach (var block in blocks)
        {
            var role = page.Roles[block];
            if (role != BlockRole.Tags && !(role == BlockRole.Outcome && badges)) continue;
            var next = page.Below(block);
            if (next is null || !RoleAssigner.IsTight(block, next)) continue;
            if (page.Roles[next] is BlockRole.Tags or BlockRole.Outcome && page.Roles[next] != role
                && page.Below(next) is { } afterNext && RoleAssigner.IsTight(next, afterNext))
            {
                next = afterNext;
            }
            if (!drafts.TryGetValue(next, out var owner)) continue;
            if (role == BlockRole.Tags) owner.Tags.InsertRange(0, SplitTags(block.Text));
            else owner.OutcomeLines.Add(block.Text);
            owner.Add(block);
            page.Consumed.Add(block);
        }

        // Every other block joins the nearest title above it in its column and section.
        var orphans = new List<TextBlock>();
        foreach (var block in blocks)
        {
            var role = page.Roles[block];
            if (page.Consumed.Contains(block) || role is BlockRole.Title or BlockRole.Region or BlockRole.Tags or BlockRole.Caption) continue;
            var section = SectionOf(block);
            var candidates = titles
                // A run-in title shares its last line with the first line of the description: tops may be level.
                .Where(t => t.Box.Top > block.Box.Top - 0.3 * t.Style.Size
                            && (t.Box.Bottom >= block.Box.Top - 0.5 * t.Style.Size || Math.Abs(t.Last.Baseline - block.Lines[0].Baseline) <= 0.3 * t.Style.Size)
                            && t.Box.OverlapX(block.Box) > 0 && SectionOf(t) == section
                            && !RegionBetween(page, t, block))
                .OrderBy(t => t.Box.Bottom)
                .ToList();
            // Side-by-side cards: the description stands right of its title, from the title's height down.
            if (candidates.Count == 0 && beside && role is BlockRole.Body or BlockRole.Field or BlockRole.Outcome)
            {
                var left = titles.Where(t => t.Box.Right <= block.Box.Left + 1 && t.Box.Top >= block.Box.Top - t.Style.Size
                                            && SectionOf(t) == section && !RegionBetween(page, t, block))
                    .OrderBy(t => t.Box.Top).ThenByDescending(t => t.Box.Right).FirstOrDefault();
                if (left is not null) candidates.Add(left);
            }
            if (candidates.Count == 0)
            {
                if (role is BlockRole.Body or BlockRole.Outcome or BlockRole.Field) orphans.Add(block);
                continue;
            }
            var owner = drafts[candidates[0]];
            if (role is BlockRole.Other && !IsBodyLike(block, typography)) continue;
            // A shaded box with no title in it beside a card is a sidebar ("At a glance"), not the card's text.
            if (page.Sidebar(block, candidates[0])) continue;
            if (role == BlockRole.Outcome) owner.OutcomeLines.Add(block.Text);
            else if (role == BlockRole.Field) owner.Fields.Add(vocabulary.Field(block.Text)!);
            else owner.Description.Add(block);
            owner.Add(block);
            if (candidates.Count > 1 && candidates[1].Box.Bottom - candidates[0].Box.Bottom < 2 * candidates[0].Style.Size)
                owner.Doubts.Add("ambiguous column assignment");
        }

        // Reading order: sections top to bottom, columns left to right, top to bottom inside a column.
        var anchors = titles.Concat(orphans).Concat(blocks.Where(b => page.Roles[b] == BlockRole.Region && !separators.Contains(b))).ToList();
        var columnOf = Columns(anchors, page.Text.Width, typography);
        var ordered = new List<TextBlock>();
        foreach (var section in anchors.Concat(separators).GroupBy(SectionOf).OrderBy(g => g.Key))
        {
            ordered.AddRange(section.Where(separators.Contains));
            var items = section.Where(b => !separators.Contains(b)).ToList();
            // A card starts at its badge or tags, not at its title: badges of different heights must not break a row.
            double TopOf(TextBlock b) => drafts.TryGetValue(b, out var d) ? d.Blocks.Max(x => x.Box.Top) : b.Box.Top;
            var rowOf = Rows(items, TopOf, typography);
            ordered.AddRange(IsGrid(items.Where(titles.Contains), rowOf, columnOf)
                ? items.OrderBy(b => rowOf[b]).ThenBy(b => columnOf[b])
                : items.OrderBy(b => columnOf[b]).ThenByDescending(b => b.Box.Top));
        }

        var pageCards = new List<CardDraft>();
        foreach (var block in ordered)
        {
            switch (page.Roles[block])
            {
                case BlockRole.Region:
                    if (region is null || vocabulary.Region(block.Text) != vocabulary.Region(region)) continuation = null;
                    region = block.Text;
                    break;
                case BlockRole.Title:
                    // A title with nothing under it may sit at the foot of a column whose text continues in the next
                    // one; it stays a candidate until the end of the brochure.
                    var draft = drafts[block];
                    if (draft.Description.Count == 0 && draft.OutcomeLines.Count == 0) draft.Doubts.Add("title and text in different columns");
                    draft.Region = region;
                    pageCards.Add(draft);
                    continuation = draft;
                    break;
                default:
                    // Text with no title above it in its column continues the card before it in reading order
                    // (the foot of the previous column or page), unless a new region began in between. Text that runs
                    // across columns (an introduction, a standfirst) stands outside the column flow: it continues nothing.
                    if (continuation is null || SpansColumns(block, titles)) break;
                    if (page.Roles[block] == BlockRole.Outcome) continuation.OutcomeLines.Add(block.Text);
                    else if (page.Roles[block] == BlockRole.Field) continuation.Fields.Add(vocabulary.Field(block.Text)!);
                    else continuation.Description.Add(block);
                    if (continuation.Page != page.Text.Number) continuation.ContinuedOn.Add(page.Text.Number);
                    break;
            }
        }
        foreach (var card in pageCards)
        {
            if (card.Title.Lines.Count > 4) card.Doubts.Add("title runs over more than four lines");
        }
        cards.AddRange(pageCards);
        return region;
    }

    /// <summary>Whether the block lies over titles of two different columns (left edges apart by a column).</summary>
    private static bool SpansColumns(TextBlock block, List<TextBlock> titles)
    {
        var under = titles.Where(t => t.Box.OverlapX(block.Box) > 0.2 * block.Box.Width).Select(t => t.Box.Left).Order().ToList();
        return under.Count >= 2 && under[^1] - under[0] > 0.5 * block.Box.Width;
    }

    /// <summary>
    /// A heading opens a section of the whole page (rows of cards above it belong to the region before) unless the
    /// page is a flow: the heading stands at the foot of one column, no other column goes on below it, and another
    /// column opens with text that has no title above it (the flow's continuation), so that column comes after it.
    /// </summary>
    private static bool Interrupts(PageLayout page, TextBlock heading)
    {
        var left = page.Blocks.Min(b => b.Box.Left);
        var right = page.Blocks.Max(b => b.Box.Right);
        if (heading.Box.Width >= 0.5 * (right - left)) return true;
        var others = page.Blocks.Where(o => o.Box.OverlapX(heading.Box) <= 0).ToList();
        if (others.Any(o => o.Box.Top < heading.Box.Bottom)) return true;
        var opening = others.GroupBy(o => Math.Round(o.Box.Left / 20)).Select(column => column.MaxBy(o => o.Box.Top)!);
        return !opening.Any(o => page.Roles[o] is BlockRole.Body or BlockRole.Outcome or BlockRole.Field);
    }

    private static bool AloneInBand(PageLayout page, TextBlock heading) =>
        !page.Blocks.Any(b => b != heading && b.Box.OverlapY(heading.Box) > 0 && b.Box.OverlapX(heading.Box) <= 0);

    private static bool RegionBetween(PageLayout page, TextBlock title, TextBlock block) =>
        page.Blocks.Any(r => page.Roles[r] == BlockRole.Region && r.Box.Top < title.Box.Top && r.Box.Top > block.Box.Top
                             && r.Box.OverlapX(block.Box) > 0);

    private static bool IsBodyLike(TextBlock block, Typography typography) =>
        Math.Abs(block.Style.Size - typography.Body.Size) <= 0.15 * typography.Body.Size;

    /// <summary>Column index of each anchor: left edges clustered left to right.</summary>
    private static Dictionary<TextBlock, int> Columns(List<TextBlock> anchors, double pageWidth, Typography typography)
    {
        var tolerance = Math.Max(2 * typography.Body.Size, 0.04 * pageWidth);
        var result = new Dictionary<TextBlock, int>();
        var column = -1;
        var lastLeft = double.MinValue;
        foreach (var block in anchors.OrderBy(b => b.Box.Left))
        {
            if (block.Box.Left - lastLeft > tolerance) column++;
            lastLeft = block.Box.Left;
            result[block] = column;
        }
        return result;
    }

    /// <summary>Row index of each item: tops that align within half a body line share a row.</summary>
    private static Dictionary<TextBlock, int> Rows(List<TextBlock> items, Func<TextBlock, double> topOf, Typography typography)
    {
        var result = new Dictionary<TextBlock, int>();
        var row = -1;
        var lastTop = double.MaxValue;
        foreach (var block in items.OrderByDescending(topOf))
        {
            if (lastTop - topOf(block) > 0.6 * typography.Body.Size) row++;
            lastTop = topOf(block);
            result[block] = row;
        }
        return result;
    }

    /// <summary>
    /// A grid (every row but the last holds cards side by side) reads row by row; masonry, whose cards do not line
    /// up after the first row, reads column by column.
    /// </summary>
    private static bool IsGrid(IEnumerable<TextBlock> titles, Dictionary<TextBlock, int> rowOf, Dictionary<TextBlock, int> columnOf)
    {
        var rows = titles.GroupBy(t => rowOf[t]).OrderBy(g => g.Key).ToList();
        if (rows.Count < 2) return false;
        return rows.Take(rows.Count - 1).All(r => r.Select(t => columnOf[t]).Distinct().Count() >= 2);
    }

    private static IEnumerable<string> SplitTags(string text) =>
        RoleAssigner.TagSeparator().Split(text).Select(t => t.Trim()).Where(t => t.Length > 0);
}
