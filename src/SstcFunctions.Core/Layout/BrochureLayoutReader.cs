using System.Text.RegularExpressions;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Layout;

/// <summary>
/// Pages of positioned lines → cards in reading order. Everything is decided from geometry and relative
/// typography, never from absolute sizes of one design: the body is the style that stronger styles keep
/// introducing (else the most common one), titles are those stronger styles, region headings are short headings
/// the region catalogue recognises, and reading order is region sections top to bottom, then rows of a grid or
/// columns of a masonry layout. Bound volumes in different designs are read page by page: a page whose cards are set
/// in another body style than the document's is read with its own typography.
/// </summary>
public sealed partial class BrochureLayoutReader(ICardVocabulary vocabulary)
{
    private const int MaxRegionHeadingLines = 3;
    private const int MaxRegionHeadingChars = 90;
    private const int MaxTagChars = 90;

    public BrochureLayout Read(IReadOnlyList<PageText> pages)
    {
        var warnings = new List<string>();
        var cleaned = RunningText.Remove(pages, text => vocabulary.IsOutcomeLine(text) || vocabulary.Region(text) is not null);
        var hyphenation = new Hyphenation(Hyphenation.WordsOf(cleaned.SelectMany(p => p.Lines).Select(l => l.Text)), WordList.Default);

        var layouts = new List<PageLayout>(cleaned.Count);
        foreach (var page in cleaned)
        {
            var blocks = BlockSegmenter.Segment(page.Number, page.Lines, text => vocabulary.IsOutcomeLine(text) || vocabulary.Field(text) is not null, page.Graphics);
            blocks = FieldBlocks.Split(blocks, text => vocabulary.Field(text) is not null);
            foreach (var block in blocks) block.Text = hyphenation.Join(block.Lines.Select(l => l.Text));
            layouts.Add(new PageLayout(page, blocks, IsContentsPage(page)));
        }

        var typography = Typography.Measure(layouts.Where(p => !p.IsContents).SelectMany(p => p.Blocks));
        foreach (var page in layouts) AssignFirstRoles(page, typography);
        if (CardBodyStyle(layouts, typography) is { } cardBody && cardBody != typography.Body)
        {
            // Long introductions in another size can outweigh the cards; the style titles introduce is the body.
            typography = Typography.Measure(layouts.Where(p => !p.IsContents).SelectMany(p => p.Blocks), cardBody);
            foreach (var page in layouts) AssignFirstRoles(page, typography);
        }
        // Bound volumes may each have their own design: a page whose titles keep introducing another style than the
        // document's body is read with its own typography; a page with too little to decide keeps the document's.
        Typography? previous = null;
        foreach (var page in layouts)
        {
            page.Typography = PageTypography(page, typography, previous);
            if (page.Typography != typography) AssignFirstRoles(page, page.Typography);
            if (!page.IsContents) previous = page.Typography;
        }
        // Title styles and badge placement are decided per design: pages sharing one body style.
        var badgesOf = new Dictionary<StyleKey, bool>();
        var besideOf = new Dictionary<StyleKey, bool>();
        foreach (var design in layouts.GroupBy(p => p.Typography.Body))
        {
            var designPages = design.ToList();
            var titleKeys = TitleStyles(designPages);
            foreach (var page in designPages) AssignTitles(page, titleKeys);
            foreach (var page in designPages) AssignTags(page);
            badgesOf[design.Key] = OutcomesAreBadges(designPages);
            besideOf[design.Key] = DescriptionsBesideTitles(designPages);
        }

        var cards = new List<CardDraft>();
        var frontMatter = new List<string>();
        string? region = null;
        CardDraft? continuation = null;
        foreach (var page in layouts)
        {
            var before = cards.Count;
            region = ReadPage(page, page.Typography, badgesOf[page.Typography.Body], besideOf[page.Typography.Body], region, ref continuation, cards, warnings);
            if (cards.Count == before && !cards.Any(c => c.ContinuedOn.Contains(page.Text.Number)))
            {
                var text = string.Join("\n", page.Blocks.OrderByDescending(b => b.Box.Top).ThenBy(b => b.Box.Left).Select(b => b.Text));
                if (text.Length > 0) frontMatter.Add(text);
            }
        }
        foreach (var empty in cards.Where(c => c.Description.Count == 0 && c.OutcomeLines.Count == 0 && c.Fields.Count == 0))
        {
            warnings.Add($"Page {empty.Page}: heading \"{empty.Title.Text}\" has no text under it; not read as a card.");
        }
        cards.RemoveAll(c => c.Description.Count == 0 && c.OutcomeLines.Count == 0 && c.Fields.Count == 0);
        return new BrochureLayout(pages.Count, cards.Select(c => c.ToCard()).ToList(), frontMatter, warnings);
    }

    private void AssignFirstRoles(PageLayout page, Typography typography)
    {
        foreach (var block in page.Blocks)
        {
            var role = BlockRole.Other;
            if (page.IsContents) role = BlockRole.Other;
            else if (vocabulary.IsOutcomeLine(block.Text)) role = BlockRole.Outcome;
            else if (vocabulary.Field(block.Text) is not null) role = BlockRole.Field;
            else if (vocabulary.IsCaption(block.Text)) role = BlockRole.Caption;
            else if (IsRegionHeading(block, typography)) role = BlockRole.Region;
            else if (block.Style.Key == typography.Body) role = BlockRole.Body;
            page.Roles[block] = role;
        }
    }

    private bool IsRegionHeading(TextBlock block, Typography typography) =>
        block.Lines.Count <= MaxRegionHeadingLines
        && block.Text.Length <= MaxRegionHeadingChars
        && (block.Style.Key != typography.Body || IsUpperCase(block.Text))
        && vocabulary.Region(block.Text) is not null;

    /// <summary>
    /// The style that most often follows a stronger style as a paragraph of two or more lines: the text of cards,
    /// whatever sets the most characters overall. Null when no pair occurs <paramref name="minimumPairs"/> times.
    /// </summary>
    private static StyleKey? CardBodyStyle(List<PageLayout> pages, Typography typography, int minimumPairs = 2)
    {
        var pairs = new Dictionary<(StyleKey Heading, StyleKey Text), int>();
        foreach (var page in pages.Where(p => !p.IsContents))
        {
            foreach (var block in page.Blocks)
            {
                if (page.Roles[block] is not (BlockRole.Other or BlockRole.Body)) continue;
                if (page.BelowFields(block) is not { } next || next.Lines.Count < 2) continue;
                if (page.Roles[next] is not (BlockRole.Other or BlockRole.Body) || next.Style.Key == block.Style.Key) continue;
                if (!(typography with { Body = next.Style.Key }).IsStronger(block.Style.Key)) continue;
                var key = (block.Style.Key, next.Style.Key);
                pairs[key] = pairs.GetValueOrDefault(key) + 1;
            }
        }
        if (pairs.Count == 0) return null;
        var best = pairs.MaxBy(kv => kv.Value);
        return best.Value >= minimumPairs ? best.Key.Text : null;
    }

    /// <summary>
    /// The page's own typography when its cards are set in another body style than the document's: at least two
    /// titles on the page introduce that style, and it sets more of the page's characters than the document's body.
    /// A page with a single card goes on in the design of the page before it when that card is set in its body style.
    /// Otherwise (too little text to decide, or the same design) the document's typography.
    /// </summary>
    private static Typography PageTypography(PageLayout page, Typography document, Typography? previous)
    {
        if (page.IsContents) return document;
        var cardBody = CardBodyStyle([page], document);
        if (cardBody is null && previous is not null && previous != document
            && CardBodyStyle([page], document, minimumPairs: 1) == previous.Body)
        {
            cardBody = previous.Body;
        }
        if (cardBody is null || cardBody == document.Body) return document;
        int own = 0, documentBody = 0;
        foreach (var line in page.Blocks.SelectMany(b => b.Lines))
        {
            if (line.Style.Key == cardBody) own += line.Text.Length;
            else if (line.Style.Key == document.Body) documentBody += line.Text.Length;
        }
        return own > documentBody ? Typography.Measure(page.Blocks, cardBody) : document;
    }

    /// <summary>
    /// Styles that introduce body text again and again are card titles; a cover title or a one-off heading is not.
    /// </summary>
    private static HashSet<StyleKey> TitleStyles(List<PageLayout> pages)
    {
        var counts = new Dictionary<StyleKey, int>();
        foreach (var page in pages)
        {
            foreach (var block in page.Blocks)
            {
                if (page.Roles[block] != BlockRole.Other || !page.Typography.IsStronger(block.Style.Key)) continue;
                if ((page.BelowFields(block) is { } next && page.Roles[next] == BlockRole.Body) || page.BodyBeside(block) is not null)
                    counts[block.Style.Key] = counts.GetValueOrDefault(block.Style.Key) + 1;
            }
        }
        if (counts.Count == 0) return [];
        var best = counts.Values.Max();
        var minimum = best >= 2 ? 2 : 1;
        return counts.Where(kv => kv.Value >= minimum).Select(kv => kv.Key).ToHashSet();
    }

    private static void AssignTitles(PageLayout page, HashSet<StyleKey> titleKeys)
    {
        foreach (var block in page.Blocks)
        {
            if (page.Roles[block] == BlockRole.Other && titleKeys.Contains(block.Style.Key)) page.Roles[block] = BlockRole.Title;
        }
    }

    /// <summary>Short labels set tight above a title, smaller than it, are tags, not part of the title.</summary>
    private static void AssignTags(PageLayout page)
    {
        foreach (var block in page.Blocks)
        {
            var role = page.Roles[block];
            if (role is not (BlockRole.Other or BlockRole.Body or BlockRole.Region)) continue;
            if (block.Lines.Count > 2 || block.Text.Length > MaxTagChars) continue;
            if (page.Below(block) is not { } below || !IsTight(block, below)) continue;
            // A pull quote set between rules sits close to the next title too, but a rule divides them.
            if (page.Text.Graphics.EdgeBetween(block.Last.Baseline, below.Box.Top, below.Box.Left, below.Box.Right)) continue;
            // Tags may sit on an outcome badge that sits on the title.
            var title = page.Roles[below] == BlockRole.Outcome && page.Below(below) is { } next && IsTight(below, next) ? next : below;
            if (page.Roles[title] != BlockRole.Title) continue;
            // A region heading is set larger than the titles under it; a label naming a region ("Interregional · Study tour") is not.
            if (block.Style.Size > title.Style.Size || (role == BlockRole.Region && block.Style.Size >= title.Style.Size)) continue;
            if (role == BlockRole.Body && !TagSeparator().IsMatch(block.Text) && !IsUpperCase(block.Text)) continue;
            // Tags are labels; text opening in lower case is the tail of a sentence broken at a column foot.
            if (block.Text.Length > 0 && char.IsLower(block.Text[0])) continue;
            page.Roles[block] = BlockRole.Tags;
        }
    }

    /// <summary>
    /// Whether this brochure prints outcomes as badges above titles: decided once for the whole document from
    /// how most outcome blocks sit, so one tight card does not flip the reading of its neighbours.
    /// </summary>
    private static bool OutcomesAreBadges(List<PageLayout> pages)
    {
        int total = 0, above = 0;
        foreach (var page in pages)
        {
            foreach (var block in page.Blocks.Where(b => page.Roles[b] == BlockRole.Outcome))
            {
                total++;
                if (page.Below(block) is not { } next) continue;
                var title = page.Roles[next] == BlockRole.Tags ? page.Below(next) : next;
                if (title is null || page.Roles[title] != BlockRole.Title) continue;
                if (!IsTight(block, next)) continue;
                var gapBelow = block.Box.Bottom - next.Box.Top;
                var prev = page.Above(block);
                if (prev is not null && page.Roles[prev] == BlockRole.Tags) prev = page.Above(prev);
                var gapAbove = prev is not null ? prev.Box.Bottom - block.Box.Top : double.MaxValue;
                if (gapBelow <= gapAbove) above++;
            }
        }
        return total > 0 && above * 2 > total;
    }

    /// <summary>
    /// Whether this design sets descriptions beside their titles (title and outcome left, description right, tops
    /// aligned) rather than under them: decided once per design from how most titles sit.
    /// </summary>
    private static bool DescriptionsBesideTitles(List<PageLayout> pages)
    {
        int titles = 0, beside = 0;
        foreach (var page in pages)
        {
            foreach (var title in page.Blocks.Where(b => page.Roles[b] == BlockRole.Title))
            {
                titles++;
                if (page.BelowFields(title) is { } below && page.Roles[below] == BlockRole.Body && IsTight(title, below)) continue;
                if (page.BodyBeside(title) is not null) beside++;
            }
        }
        return titles >= 2 && beside * 2 > titles;
    }

    private static bool IsTight(TextBlock upper, TextBlock lower) =>
        upper.Box.Bottom - lower.Box.Top <= 2 * Math.Max(upper.Style.Size, lower.Style.Size);

    /// <summary>Reads one page's cards in reading order; returns the region in force at the end of the page.</summary>
    private string? ReadPage(PageLayout page, Typography typography, bool badges, bool beside, string? region, ref CardDraft? continuation, List<CardDraft> cards, List<string> warnings)
    {
        if (page.IsContents) return region;
        var blocks = page.Blocks;
        var separators = blocks.Where(b => page.Roles[b] == BlockRole.Region && AloneInBand(page, b)).OrderByDescending(b => b.Box.Top).ToList();
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
            if (next is null || !IsTight(block, next)) continue;
            if (page.Roles[next] is BlockRole.Tags or BlockRole.Outcome && page.Roles[next] != role
                && page.Below(next) is { } afterNext && IsTight(next, afterNext))
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
        TagSeparator().Split(text).Select(t => t.Trim()).Where(t => t.Length > 0);

    private static bool IsUpperCase(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static bool IsContentsPage(PageText page)
    {
        if (page.Lines.Any(l => ContentsHeading().IsMatch(l.Text))) return true;
        if (page.Lines.Count < 4) return false;
        var entries = page.Lines.Count(l => ContentsEntry().IsMatch(l.Text));
        return entries >= 3 && entries >= 0.4 * page.Lines.Count;
    }

    [GeneratedRegex(@"\s*[·•|/;]\s*")]
    private static partial Regex TagSeparator();

    [GeneratedRegex(@"^(table of )?contents$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeading();

    // "Africa ........ 12", "Africa … 12", or the page number alone when a tab separates it.
    [GeneratedRegex(@"(?:\.{3,}|…|\s)\s*\d{1,3}$|^\d{1,3}$")]
    private static partial Regex ContentsEntry();

    private sealed class PageLayout(PageText text, List<TextBlock> blocks, bool isContents)
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
                if (!Blocks.Any(b => Roles.GetValueOrDefault(b) == BlockRole.Title && Inside(b.Box, fill.Box))) return true;
            }
            return false;
        }

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

    private sealed class CardDraft(int page, TextBlock title)
    {
        public int Page { get; } = page;
        public TextBlock Title { get; } = title;
        public List<TextBlock> Blocks { get; } = [title];
        public List<TextBlock> Description { get; } = [];
        public List<string> OutcomeLines { get; } = [];
        public List<FieldLine> Fields { get; } = [];
        public List<string> Tags { get; } = [];
        public List<string> Doubts { get; } = [];
        public List<int> ContinuedOn { get; } = [];
        public string? Region { get; set; }

        public void Add(TextBlock block) => Blocks.Add(block);

        public ProjectCard ToCard()
        {
            var box = Blocks.Where(b => b.Page == Page).Select(b => b.Box).Aggregate((a, b) => a.Union(b));
            var description = string.Join(" ", Description.Select(b => b.Text));
            var doubts = Doubts.Distinct().ToList();
            if (description.Length == 0) doubts.Add("no description found");
            return new ProjectCard
            {
                Page = Page,
                // A run-in title ends with the full stop that separates it from its description; no title needs one.
                Title = Title.Text.EndsWith('.') && !Title.Text.EndsWith("..", StringComparison.Ordinal) ? Title.Text[..^1].TrimEnd() : Title.Text,
                Description = description,
                RegionHeading = Region,
                OutcomeLines = OutcomeLines,
                Fields = Fields,
                Tags = Tags,
                Bounds = new CardBounds(Math.Round(box.Left, 2), Math.Round(box.Bottom, 2), Math.Round(box.Width, 2), Math.Round(box.Height, 2)),
                LayoutDoubts = doubts,
            };
        }
    }
}
