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
/// The stages, one per file: <see cref="LineBuilder"/> (words, lines, gutters) runs as pages are parsed; here
/// <see cref="RunningText"/>, <see cref="BlockSegmenter"/> and <see cref="FieldBlocks"/> (blocks),
/// <see cref="Hyphenation"/>, <see cref="RoleAssigner"/> (roles) and <see cref="CardAssembler"/> (reading order, cards).
/// </summary>
public sealed partial class BrochureLayoutReader(ICardVocabulary vocabulary, LayoutOptions? options = null)
{
    private readonly RoleAssigner _roles = new(vocabulary, options ?? LayoutOptions.Default);
    private readonly CardAssembler _cards = new(vocabulary);
    // Below this many pages a second thread costs more than it saves.
    private const int ParallelFromPages = 16;
    private const int PagesPerRun = 4;

    public BrochureLayout Read(IReadOnlyList<PageText> pages)
    {
        var warnings = new List<string>();
        var cleaned = RunningText.Remove(pages, text => vocabulary.IsOutcomeLine(text) || vocabulary.Region(text) is not null);
        // The document's language picks the word list; a sample of its lines is enough to tell.
        var sample = string.Join(" ", cleaned.SelectMany(p => p.Lines).Take(400).Select(l => l.Text));
        var hyphenation = new Hyphenation(Hyphenation.WordsOf(cleaned.SelectMany(p => p.Lines).Select(l => l.Text)), WordList.For(vocabulary.Language(sample)));

        // Blocks are a page's own business: a long brochure's pages are segmented on every core.
        var segmented = new PageLayout[cleaned.Count];
        ParallelRuns.For(cleaned.Count, ParallelFromPages, PagesPerRun, (from, to) =>
        {
            for (var index = from; index < to; index++)
            {
                var page = cleaned[index];
                var blocks = BlockSegmenter.Segment(page.Number, page.Lines, text => vocabulary.IsOutcomeLine(text) || vocabulary.Field(text) is not null, page.Graphics);
                blocks = FieldBlocks.Split(blocks, text => vocabulary.Field(text) is not null);
                foreach (var block in blocks) block.Text = hyphenation.Join(block.Lines.Select(l => l.Text));
                segmented[index] = new PageLayout(page, blocks, IsContentsPage(page));
            }
        });
        var layouts = segmented.ToList();

        var traits = _roles.Assign(layouts);

        var cards = new List<CardDraft>();
        var frontMatter = new List<string>();
        string? region = null;
        CardDraft? continuation = null;
        foreach (var page in layouts)
        {
            var before = cards.Count;
            var design = traits[page.Typography.Body];
            region = _cards.ReadPage(page, page.Typography, design.Badges, design.Beside, region, ref continuation, cards);
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

    private static bool IsContentsPage(PageText page)
    {
        if (page.Lines.Any(l => ContentsHeading().IsMatch(l.Text))) return true;
        if (page.Lines.Count < 4) return false;
        var entries = page.Lines.Count(l => ContentsEntry().IsMatch(l.Text));
        return entries >= 3 && entries >= 0.4 * page.Lines.Count;
    }

    // "Africa ........ 12", "Africa … 12", or the page number alone when a tab separates it.
    [GeneratedRegex(@"(?:\.{3,}|…|\s)\s*\d{1,3}$|^\d{1,3}$")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"^(table of )?contents$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeading();
}
