using System.Globalization;
using System.Net;
using System.Text;

namespace SstcFunctions.Benchmarks;

/// <summary>One page of a volume as absolutely positioned HTML, and the cards on it.</summary>
public static partial class Generator
{
    private static string RenderPage(Design design, int page, string biennium, List<(int Region, bool FirstOfRegion)> slots,
        Random random, HashSet<string> usedTitles, List<ExpectedCard> cards, Dictionary<string, CardText> texts)
    {
        const double margin = 30, gutter = 16, pad = 9, bannerHeight = 44, bandHeight = 22, footer = 26;
        var elements = new List<(int Order, string Html)>(); // Order: paint group for the scrambled order
        var land = design.Landscape ? " land" : "";
        var width = design.PageWidth;
        var height = design.PageHeight;

        var first = slots[0];
        var bannerRegion = Regions[first.Region];
        var bannerText = first.FirstOfRegion ? bannerRegion.Heading : bannerRegion.Heading + " (continued)";
        // Sections: consecutive slots of one region. Without mid-page bands a page holds one region only,
        // so the slots of a new region move to the next page (the caller's queue is positional, so instead we end
        // the section early by leaving the remaining cells empty — handled by the caller through FirstOfRegion).
        var sections = new List<List<(int Region, bool FirstOfRegion)>>();
        foreach (var slot in slots)
        {
            if (sections.Count == 0 || sections[^1][0].Region != slot.Region) sections.Add([]);
            sections[^1].Add(slot);
        }

        var top = margin;
        if (!design.MidPageBands)
        {
            elements.Add((1, $"<h2 class=\"banner\" style=\"left:0;top:0;width:{F(width)}pt;height:{F(bannerHeight)}pt;padding:0 {F(margin)}pt;font-size:17pt;line-height:{F(bannerHeight)}pt;background:{design.Accent}\">{E(bannerText)}</h2>"));
            top = bannerHeight + 16;
        }

        var rowsAvailable = design.Rows;
        var cellWidth = (width - 2 * margin - (design.Columns - 1) * gutter) / design.Columns;
        var usable = height - top - footer - margin / 2;
        var bandsOnPage = design.MidPageBands ? sections.Count : 0;
        if (!design.MidPageBands && sections.Count > 1)
        {
            // One region per page in banner designs: later regions' slots still get cards, but under a band.
            bandsOnPage = sections.Count - 1;
        }
        var cellHeight = (usable - bandsOnPage * (bandHeight + 10) - (rowsAvailable - 1) * gutter) / rowsAvailable;

        var y = top;
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var region = Regions[section[0].Region];
            if (design.MidPageBands || s > 0)
            {
                var text = section[0].FirstOfRegion ? region.Heading : region.Heading + " (continued)";
                elements.Add((1, $"<h2 class=\"band\" style=\"left:{F(margin)}pt;top:{F(y)}pt;width:{F(width - 2 * margin)}pt;height:{F(bandHeight)}pt;font-size:12pt;line-height:{F(bandHeight - 4)}pt;color:{design.Accent};border-color:{design.Accent}\">{E(text)}</h2>"));
                y += bandHeight + 10;
            }
            var masonry = design.Masonry ? MasonryCells(design, section.Count, y, usable, cellWidth, margin, gutter, random) : null;
            for (var i = 0; i < section.Count; i++)
            {
                var col = i % design.Columns;
                var row = i / design.Columns;
                var x = margin + col * (cellWidth + gutter);
                var cy = y + row * (cellHeight + gutter);
                if (masonry is not null) (x, cy, cellHeight) = masonry[i];
                var card = MakeCard(design, region, cellWidth, cellHeight, pad, random, usedTitles);
                cards.Add(card.Expected with { Page = page });
                texts[card.Expected.Title] = card.Text;
                elements.Add((0, $"<div class=\"card\" style=\"left:{F(x)}pt;top:{F(cy)}pt;width:{F(cellWidth)}pt;height:{F(cellHeight)}pt;background:{Tint(design.Accent)};border-top-color:{design.Accent}\"></div>"));
                foreach (var (kind, dy, html) in card.Elements)
                {
                    var style = $"left:{F(x + pad)}pt;width:{F(cellWidth - 2 * pad)}pt;top:{F(cy + dy)}pt";
                    elements.Add((kind, html.Replace("STYLE", style, StringComparison.Ordinal)));
                }
            }
            y += (int)Math.Ceiling(section.Count / (double)design.Columns) * (cellHeight + gutter);
        }
        elements.Add((5, $"<p class=\"footer\" style=\"right:{F(margin)}pt;top:{F(height - 20)}pt\">ILO SSTC {biennium} | {page}</p>"));

        IEnumerable<(int Order, string Html)> ordered = elements;
        if (design.Scrambled)
        {
            // Card boxes first (painted behind), then titles, then descriptions, banner, outcomes, each group shuffled.
            ordered = elements.Select(e => (e, k: random.Next())).OrderBy(t => t.e.Order == 0 ? 0 : t.e.Order == 2 ? 1 : t.e.Order == 3 ? 2 : t.e.Order == 1 ? 3 : 4).ThenBy(t => t.k).Select(t => t.e);
        }
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"page{land}\" style=\"width:{F(width)}pt;height:{F(height)}pt;font-family:'{design.Font}'\">\n");
        foreach (var e in ordered) sb.Append(e.Html).Append('\n');
        sb.Append("</div>\n");
        return sb.ToString();
    }

    private const double MasonryMinHeight = 215;

    private static int MasonryCardsPerPage(Design design) => 2 * design.Columns;

    /// <summary>
    /// Masonry cells in reading order (column by column): the page's cards spread over the columns (at most Rows per
    /// column; which columns hold fewer is drawn at random), each column's height split at random between its cards.
    /// </summary>
    private static List<(double X, double Y, double Height)> MasonryCells(Design design, int count, double top, double usable,
        double cellWidth, double margin, double gutter, Random random)
    {
        var perColumn = new int[design.Columns];
        for (var i = 0; i < count; i++) perColumn[i % design.Columns]++;
        // Move one card between two random columns when both stay within 1..Rows: the short column is not always the last.
        var a = random.Next(design.Columns);
        var b = random.Next(design.Columns);
        if (a != b && perColumn[a] > 1 && perColumn[b] < design.Rows) { perColumn[a]--; perColumn[b]++; }
        var cells = new List<(double, double, double)>();
        for (var c = 0; c < design.Columns; c++)
        {
            var k = perColumn[c];
            if (k == 0) continue;
            // Heights drawn at random, redrawn while a card would be too small for a title, the opening sentence and an outcome.
            var free = usable - (k - 1) * gutter;
            var weights = Enumerable.Repeat(1.0, k).ToArray();
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var draw = Enumerable.Range(0, k).Select(_ => 0.5 + random.NextDouble()).ToArray();
                if (draw.All(w => free * w / draw.Sum() >= MasonryMinHeight)) { weights = draw; break; }
            }
            var y = top;
            foreach (var w in weights)
            {
                var h = Math.Floor(free * w / weights.Sum());
                cells.Add((margin + c * (cellWidth + gutter), y, h));
                y += h + gutter;
            }
        }
        return cells;
    }

    // Element kinds: 0 card box, 1 region heading, 2 title (and tags), 3 description, 4 outcome, 5 footer.
    private static (ExpectedCard Expected, CardText Text, List<(int Kind, double Dy, string Html)> Elements) MakeCard(
        Design design, (string Heading, string Name, string[] Countries) region, double cellWidth, double cellHeight, double pad,
        Random random, HashSet<string> usedTitles)
    {
        // A long title (wrapping to more lines) can leave a small card no room for the opening sentence: draw the card
        // again rather than fail the whole brochure on one unlucky draw.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (TryMakeCard(design, region, cellWidth, cellHeight, pad, random, usedTitles) is { } card) return card;
        }
        throw new InvalidOperationException($"design {design.Name}: no drawn card fits a {F(cellWidth)}x{F(cellHeight)} card");
    }

    private static (ExpectedCard Expected, CardText Text, List<(int Kind, double Dy, string Html)> Elements)? TryMakeCard(
        Design design, (string Heading, string Name, string[] Countries) region, double cellWidth, double cellHeight, double pad,
        Random random, HashSet<string> usedTitles)
    {
        var inner = cellWidth - 2 * pad;
        var countries = region.Countries.OrderBy(_ => random.Next()).Take(random.Next(2, Math.Min(6, region.Countries.Length) + 1)).ToList();
        var subject = Subjects[random.Next(Subjects.Length)];
        string title;
        do
        {
            var scope = Scopes[random.Next(Scopes.Length)];
            var c0 = CountryNames[countries[0]].ToUpperInvariant();
            var c1 = CountryNames[countries[1]].ToUpperInvariant();
            title = $"{Actions[random.Next(Actions.Length)]} {subject.Title} {string.Format(CultureInfo.InvariantCulture, scope, c0, c1)}";
            if (usedTitles.Contains(title)) title += " " + Roman(usedTitles.Count(t => t.StartsWith(title, StringComparison.Ordinal)) + 2);
        } while (!usedTitles.Add(title));
        // The title names at most the first two countries; the description names all of them.
        var openerTemplate = Openers[random.Next(Openers.Length)];
        string Opener() => openerTemplate.Replace("{C}", JoinNames(countries.Select(c => CountryNames[c]).ToList()), StringComparison.Ordinal).Replace("{P}", subject.Prose, StringComparison.Ordinal);

        var hasOutcome = region.Name != "Interregional" || random.Next(2) == 0;
        var outcome = hasOutcome ? Outcomes.First(o => o.Id == subject.Outcome) : default;
        var outcomeText = hasOutcome ? $"Outcome {outcome.Id}: {outcome.Title}" : null;

        // Conservative line estimates (average glyph width ~0.5 em for body text, ~0.68 em for bold capitals).
        var titleLines = Lines(title, inner, design.TitleSize * 0.70);
        var outcomeLines = outcomeText is null ? 0 : Lines(outcomeText, inner, design.OutcomeSize * 0.56);
        var tags = design.Tags ? string.Join(" · ", TagWords.OrderBy(_ => random.Next()).Take(2)) : null;
        var elements = new List<(int, double, string)>();
        var dy = pad + 4;
        if (design.OutcomeAbove && outcomeText is not null)
        {
            elements.Add((4, dy, $"<p class=\"o\" style=\"STYLE;font-size:{F(design.OutcomeSize)}pt;line-height:{F(design.OutcomeLine)}pt\">{E(outcomeText)}</p>"));
            dy += outcomeLines * design.OutcomeLine + 2;
        }
        if (tags is not null)
        {
            elements.Add((2, dy, $"<p class=\"g\" style=\"STYLE\">{E(tags)}</p>"));
            dy += 9 + 2;
        }
        elements.Add((2, dy, $"<h3 class=\"t\" style=\"STYLE;font-size:{F(design.TitleSize)}pt;line-height:{F(design.TitleLine)}pt;color:{design.Accent}\">{E(title)}</h3>"));
        dy += titleLines * design.TitleLine + design.BodySize * 0.8;
        var bottomReserve = design.OutcomeAbove || outcomeText is null ? pad : pad + outcomeLines * design.OutcomeLine + 6;
        var bodyLines = (int)Math.Floor((cellHeight - dy - bottomReserve) / design.BodyLine);

        // Fill the description sentence by sentence while it stays inside the card (with a line to spare).
        // Small cards name fewer countries: drop the last ones until the opening sentence fits.
        while (countries.Count > 2 && Lines(Opener(), inner, design.BodySize * 0.56) > bodyLines) countries.RemoveAt(countries.Count - 1);
        var sentences = new List<string> { Opener() };
        foreach (var filler in Fillers.OrderBy(_ => random.Next()))
        {
            var candidate = string.Join(" ", sentences.Append(filler));
            if (Lines(candidate, inner, design.BodySize * 0.56) > bodyLines - 1) break;
            sentences.Add(filler);
        }
        var description = string.Join(" ", sentences);
        if (Lines(description, inner, design.BodySize * 0.56) > bodyLines)
        {
            usedTitles.Remove(title);
            return null;
        }
        elements.Add((3, dy, $"<p class=\"d\" style=\"STYLE;font-size:{F(design.BodySize)}pt;line-height:{F(design.BodyLine)}pt\">{E(description)}</p>"));
        if (!design.OutcomeAbove && outcomeText is not null)
        {
            var oy = cellHeight - pad - outcomeLines * design.OutcomeLine;
            elements.Add((4, oy, $"<p class=\"o\" style=\"STYLE;font-size:{F(design.OutcomeSize)}pt;line-height:{F(design.OutcomeLine)}pt\">{E(outcomeText)}</p>"));
        }

        var words = description.Split(' ');
        var expected = new ExpectedCard(0, region.Name, title,
            string.Join(' ', words.Take(8)), string.Join(' ', words.TakeLast(4)),
            countries, hasOutcome ? outcome.Id : null, design.Name);
        return (expected, new CardText(description, outcomeText), elements);
    }
}
