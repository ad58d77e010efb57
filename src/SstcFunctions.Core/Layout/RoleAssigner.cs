using System.Text.RegularExpressions;

namespace SstcFunctions.Core.Layout;

/// <summary>Options of the layout's role stage: how long a region heading or a tag line may be.</summary>
public sealed record LayoutOptions
{
    public static LayoutOptions Default { get; } = new();

    public int MaxRegionHeadingLines { get; init; } = 3;
    public int MaxRegionHeadingChars { get; init; } = 90;
    public int MaxTagChars { get; init; } = 90;
}

/// <summary>How one design (pages sharing a body style) sets its cards.</summary>
internal sealed record DesignTraits(bool Badges, bool Beside);

/// <summary>
/// The roles stage: what each block is to a reader (body, title, outcome, field, caption, region, tags). Decided from
/// relative typography (the body is the style titles keep introducing), per page for bound volumes of several designs,
/// and per design for where outcomes and descriptions sit.
/// </summary>
internal sealed partial class RoleAssigner(ICardVocabulary vocabulary, LayoutOptions options)
{
    /// <summary>Assigns every block's role on every page; returns the traits of each design, by its body style.</summary>
    public Dictionary<StyleKey, DesignTraits> Assign(List<PageLayout> layouts)
    {
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
        var traits = new Dictionary<StyleKey, DesignTraits>();
        foreach (var design in layouts.GroupBy(p => p.Typography.Body))
        {
            var designPages = design.ToList();
            var titleKeys = TitleStyles(designPages);
            foreach (var page in designPages) AssignTitles(page, titleKeys);
            foreach (var page in designPages) AssignTags(page);
            traits[design.Key] = new DesignTraits(OutcomesAreBadges(designPages), DescriptionsBesideTitles(designPages));
        }
        return traits;
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
        block.Lines.Count <= options.MaxRegionHeadingLines
        && block.Text.Length <= options.MaxRegionHeadingChars
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
                if (!Typography.Of(next.Style).StandsOut(block.Style)) continue;
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
                if (page.Roles[block] != BlockRole.Other || !page.Typography.StandsOut(block.Style)) continue;
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
    private void AssignTags(PageLayout page)
    {
        foreach (var block in page.Blocks)
        {
            var role = page.Roles[block];
            if (role is not (BlockRole.Other or BlockRole.Body or BlockRole.Region)) continue;
            if (block.Lines.Count > 2 || block.Text.Length > options.MaxTagChars) continue;
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

    internal static bool IsTight(TextBlock upper, TextBlock lower) =>
        upper.Box.Bottom - lower.Box.Top <= 2 * Math.Max(upper.Style.Size, lower.Style.Size);

    internal static bool IsUpperCase(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    [GeneratedRegex(@"\s*[·•|/;]\s*")]
    internal static partial Regex TagSeparator();
}
