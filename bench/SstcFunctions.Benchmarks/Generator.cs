using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// Writes a large brochure as HTML (rendered to PDF by Chromium in scripts/bench.sh) plus the list of cards it holds.
/// The brochure binds several "volumes" (biennia), each with its own cover and design, as bound-together
/// brochures do: landscape/portrait, 2–4 columns, banners or mid-page region bands, outcome below or above the
/// title, tags, serif/sans faces, and a scrambled content-stream order in some volumes (every text element is
/// absolutely positioned, so the DOM order, hence the PDF text order, can differ from the reading order).
/// Deterministic for a given seed.
/// </summary>
public static partial class Generator
{
    private const double Pt = 1.0;

    /// <summary>A page design. Sizes in points.</summary>
    private sealed record Design(
        string Name,
        bool Landscape,
        int Columns,
        int Rows,
        string Font,
        double TitleSize,
        double BodySize,
        double OutcomeSize,
        bool OutcomeAbove,
        bool Tags,
        bool MidPageBands,
        bool Scrambled,
        string Accent,
        bool Masonry = false)
    {
        public double PageWidth => Landscape ? 841.89 : 595.28;
        public double PageHeight => Landscape ? 595.28 : 841.89;
        public double TitleLine => Math.Round(TitleSize * 1.25, 2);
        public double BodyLine => Math.Round(BodySize * 1.35, 2);
        public double OutcomeLine => Math.Round(OutcomeSize * 1.3, 2);
    }


    public sealed record ExpectedCard(
        int Page, string Region, string Title, string DescriptionStartsWith, string? DescriptionEndsWith,
        IReadOnlyList<string> Countries, string? Outcome, string? Design);

    /// <summary>A card's whole printed text beyond its title (the expected list keeps only the description's ends).</summary>
    public sealed record CardText(string Description, string? OutcomeLine);

    /// <summary>The region heading printed for a region name ("Africa" → "AFRICA").</summary>
    public static string RegionHeading(string regionName) => Regions.First(r => r.Name == regionName).Heading;

    public sealed record ExpectedBrochure(string Source, int Pages, int Cards, IReadOnlyList<string>? Designs, IReadOnlyList<ExpectedCard> Projects);

    /// <summary>Writes OUT/NAME.html and OUT/NAME.expected.json (and with producers the same cards for LaTeX and Writer: <see cref="Producers"/>); returns the expected brochure.</summary>
    public static ExpectedBrochure Generate(string outDir, string name, int targetPages, int seed, IReadOnlyList<string>? designNames = null, bool producers = false)
    {
        var designs = designNames is null or { Count: 0 }
            ? Designs
            : designNames.Select(n => Designs.FirstOrDefault(d => d.Name == n) ?? throw new UsageException($"no design {n}; designs: {string.Join(", ", Designs.Select(d => d.Name))}")).ToArray();
        var random = new Random(seed);
        var html = new StringBuilder();
        var cards = new List<ExpectedCard>();
        var usedTitles = new HashSet<string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, CardText>(StringComparer.Ordinal);
        var volumes = designs.Length;
        var pagesPerVolume = Math.Max(2, (int)Math.Ceiling(targetPages / (double)volumes));
        var page = 0;

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>ILO South-South and Triangular Cooperation — bound volumes (generated)</title>\n<style>\n");
        html.Append("@page { size: A4 portrait; margin: 0; }\n@page land { size: A4 landscape; margin: 0; }\n");
        html.Append("* { box-sizing: border-box; }\nhtml, body { margin: 0; padding: 0; }\n");
        html.Append("body { color: #222; font-variant-ligatures: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n");
        html.Append(".page { position: relative; overflow: hidden; break-after: page; page-break-after: always; }\n");
        html.Append(".page:last-child { break-after: auto; page-break-after: auto; }\n.page.land { page: land; }\n");
        html.Append(".page > * { position: absolute; margin: 0; }\n.nb { white-space: nowrap; }\n");
        html.Append(".t { font-weight: bold; white-space: pre-wrap; }\n.d { white-space: pre-wrap; }\n.o { font-style: italic; color: #444; white-space: pre-wrap; }\n");
        html.Append(".g { font-size: 7.5pt; line-height: 9pt; text-transform: none; color: #555; white-space: nowrap; }\n");
        html.Append(".card { border-top: 3pt solid; border-radius: 0 0 3pt 3pt; }\n");
        html.Append(".banner { font-weight: bold; color: #fff; white-space: nowrap; letter-spacing: 0.5pt; }\n");
        html.Append(".band { font-weight: bold; white-space: nowrap; letter-spacing: 0.4pt; border-bottom: 1.5pt solid; }\n");
        html.Append(".footer { font-size: 7.5pt; line-height: 9pt; color: #777; white-space: pre; }\n");
        html.Append(".cover-title { font-weight: bold; font-size: 34pt; line-height: 40pt; }\n.cover-text { font-size: 12pt; line-height: 17pt; white-space: pre-wrap; }\n");
        html.Append("</style>\n</head>\n<body>\n");

        for (var v = 0; v < volumes; v++)
        {
            var design = designs[v];
            var startYear = 2012 + 2 * v;
            var biennium = $"{startYear}-{startYear + 1}";
            var pagesThisVolume = Math.Min(pagesPerVolume, targetPages - page);
            if (pagesThisVolume < 2) break;
            var cardPages = pagesThisVolume - 1;
            // A region change starts a new row, which can waste up to Columns-1 cells per region.
            // A masonry page holds one region, so a region change can waste a whole page's worth of slots less one.
            var cardsThisVolume = design.Masonry
                ? cardPages * MasonryCardsPerPage(design) - Regions.Length * (MasonryCardsPerPage(design) - 1)
                : cardPages * design.Columns * design.Rows - Regions.Length * (design.Columns - 1);
            var volumeCards = new List<ExpectedCard>();

            // Cover page: free text with the stated counts, no cards.
            page++;
            var coverPage = page;
            var coverIndex = html.Length;
            // Cards per region: spread the volume's cards over the six regions.
            var regionCounts = SplitCounts(cardsThisVolume, Regions.Length, random);
            var queue = new List<(int Region, bool FirstOfRegion)>();
            for (var r = 0; r < Regions.Length; r++)
                for (var i = 0; i < regionCounts[r]; i++) queue.Add((r, i == 0));

            var q = 0;
            for (var p = 0; p < cardPages && q < queue.Count; p++)
            {
                page++;
                var pageCards = new List<(int Region, bool FirstOfRegion)>();
                if (design.Masonry)
                {
                    var pageRegion = queue[q].Region;
                    while (pageCards.Count < MasonryCardsPerPage(design) && q < queue.Count && queue[q].Region == pageRegion) pageCards.Add(queue[q++]);
                }
                for (var row = 0; !design.Masonry && row < design.Rows && q < queue.Count; row++)
                {
                    var rowRegion = queue[q].Region;
                    for (var c = 0; c < design.Columns && q < queue.Count && queue[q].Region == rowRegion; c++) pageCards.Add(queue[q++]);
                }
                html.Append(RenderPage(design, page, biennium, pageCards, random, usedTitles, volumeCards, texts));
            }
            html.Insert(coverIndex, Cover(design, coverPage, biennium, volumeCards));
            cards.AddRange(volumeCards);
        }
        html.Append("</body>\n</html>\n");

        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, name + ".html"), html.ToString());
        var expected = new ExpectedBrochure(name + ".pdf", page, cards.Count, designs.Select(d => d.Name).ToList(), cards);
        File.WriteAllText(Path.Combine(outDir, name + ".expected.json"), JsonSerializer.Serialize(expected, Json.Indented));
        if (producers) Producers.Write(outDir, name, cards, texts);
        return expected;
    }

    private static int[] SplitCounts(int total, int parts, Random random)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => 0.6 + random.NextDouble()).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        for (var i = 0; counts.Sum() < total; i = (i + 1) % parts) counts[i]++;
        return counts;
    }

    private static string Cover(Design design, int page, string biennium, List<ExpectedCard> cards)
    {
        var countries = cards.SelectMany(c => c.Countries).Distinct().Count();
        var land = design.Landscape ? " land" : "";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"page{land}\" style=\"width:{F(design.PageWidth)}pt;height:{F(design.PageHeight)}pt;font-family:'{design.Font}'\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<div style=\"left:0;top:0;width:16pt;height:{F(design.PageHeight)}pt;background:{design.Accent}\"></div>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h1 class=\"cover-title\" style=\"left:60pt;top:60pt;width:{F(design.PageWidth - 120)}pt;color:{design.Accent}\">ILO SOUTH-SOUTH AND<br>TRIANGULAR COOPERATION<br>{biennium}</h1>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"cover-text\" style=\"left:60pt;top:220pt;width:{F(design.PageWidth - 120)}pt\">The ILO through its partnerships department is launching {cards.Count} South-South and Triangular Cooperation projects across the regions for the {biennium} biennium.\n\nThe SSTC projects cover {countries} countries and additional global activities. They promote peer-learning activities, training and capacity building, personnel exchange, joint research, fellowships and study tours between countries of the South.</p>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"footer\" style=\"right:30pt;top:{F(design.PageHeight - 24)}pt\">ILO SSTC {biennium} | {page}</p>\n");
        sb.Append("</div>\n");
        return sb.ToString();
    }


    private static string JoinNames(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    /// <summary>Lines a text needs at a given average glyph width, wrapping on spaces (greedy, like the browser).</summary>
    internal static int Lines(string text, double width, double glyph)
    {
        var perLine = Math.Max(1, (int)Math.Floor(width / glyph));
        int lines = 1, used = 0;
        foreach (var word in text.Split(' '))
        {
            var len = word.Length;
            if (used == 0) used = len;
            else if (used + 1 + len <= perLine) used += 1 + len;
            else { lines++; used = len; }
            while (used > perLine) { lines++; used -= perLine; }
        }
        return lines;
    }

    private static string Roman(int n) => n switch { 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", _ => n.ToString(CultureInfo.InvariantCulture) };

    private static string Tint(string hex)
    {
        var r = Convert.ToInt32(hex[1..3], 16); var g = Convert.ToInt32(hex[3..5], 16); var b = Convert.ToInt32(hex[5..7], 16);
        int T(int c) => (int)Math.Round(c + (255 - c) * 0.9);
        return $"#{T(r):x2}{T(g):x2}{T(b):x2}";
    }

    /// <summary>HTML-escapes and keeps hyphenated words on one line, as the seed brochure does.</summary>
    private static string E(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Contains('-') ? $"<span class=\"nb\">{WebUtility.HtmlEncode(w)}</span>" : WebUtility.HtmlEncode(w)));

    private static string F(double value) => Math.Round(value * Pt, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
