using System.Text.RegularExpressions;

namespace SstcFunctions.Core.Layout;

/// <summary>
/// Running headers, footers and page numbers: text near the top or bottom edge that repeats at the same height
/// on many pages (digits masked, so "… | 4" and "… | 5" repeat), or that is a page number by its shape.
/// They belong to no card.
/// </summary>
public static partial class RunningText
{
    private const double EdgeBand = 0.1;
    private const double SameHeight = 3.0;

    /// <param name="keep">Lines never removed even if they repeat (region headings, outcome lines).</param>
    public static IReadOnlyList<PageText> Remove(IReadOnlyList<PageText> pages, Func<string, bool> keep)
    {
        var candidates = new List<(int Page, TextLine Line, string Key, double Y)>();
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (!NearEdge(page, line)) continue;
                var fromTop = page.Height - line.Baseline;
                var y = fromTop < page.Height / 2 ? fromTop : -line.Baseline;
                candidates.Add((page.Number, line, Digits().Replace(line.Text.ToLowerInvariant(), "#"), y));
            }
        }
        var threshold = Math.Max(2, (int)Math.Ceiling(0.3 * pages.Count));
        var running = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        foreach (var group in candidates.GroupBy(c => c.Key))
        {
            var items = group.ToList();
            foreach (var item in items)
            {
                var pagesAtHeight = items.Where(o => Math.Abs(o.Y - item.Y) <= SameHeight).Select(o => o.Page).Distinct().Count();
                if (pagesAtHeight >= threshold || PageNumber().IsMatch(item.Line.Text))
                {
                    if (!keep(item.Line.Text)) running.Add(item.Line);
                }
            }
        }
        // A running head printed only once (a two-page brochure) still stands apart: at the top edge of a page after the
        // first, plain, no larger than the text below it, set off from it by more than a paragraph gap, and smaller
        // than the page's text or set in pieces across the page.
        foreach (var page in pages.Skip(1))
        {
            var rows = page.Lines.OrderByDescending(l => l.Baseline).ToList();
            if (rows.Count < 3) continue;
            var top = rows[0].Baseline;
            var head = rows.TakeWhile(l => Math.Abs(l.Baseline - top) < 1).ToList();
            if (head.Count == rows.Count) continue;
            var next = rows[head.Count];
            if (head.Any(l => l.Style.Bold || l.Style.Size > next.Style.Size + 0.5 || !NearEdge(page, l) || keep(l.Text))) continue;
            if (top - next.Baseline < 2.5 * head.Max(l => l.Style.Size) + next.Style.Size) continue;
            // Set smaller than the page's text, or in pieces across the page ("Title    Section"): a line of
            // description carried over from the page before is neither.
            var body = page.Lines.GroupBy(l => l.Style.Size).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
            if (head.Count < 2 && head[0].Style.Size >= body - 0.25) continue;
            foreach (var line in head) running.Add(line);
        }
        if (running.Count == 0) return pages;
        return pages.Select(p => p with { Lines = p.Lines.Where(l => !running.Contains(l)).ToList() }).ToList();
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    private static bool NearEdge(PageText page, TextLine line) =>
        line.Box.Bottom >= page.Height * (1 - EdgeBand) || line.Box.Top <= page.Height * EdgeBand;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // "12", "- 12 -", "Page 12", "12 / 40", "12 of 40", "ILO SSTC 2020-2021 | 12", "12 | Africa".
    [GeneratedRegex(@"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$|^.{1,80}\s[|•·]\s*\d{1,4}$|^\d{1,4}\s*[|•·]\s.{1,80}$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
