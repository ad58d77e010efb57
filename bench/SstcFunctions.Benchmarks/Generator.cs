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
public static class Generator
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

    private static readonly Design[] Designs =
    [
        new("landscape-3col-banner", true, 3, 2, "Liberation Sans", 12, 9.5, 8, false, false, false, true, "#c4402a"),
        new("portrait-2col-serif", false, 2, 3, "Liberation Serif", 12.5, 10, 8.5, false, false, false, false, "#1e2dbe"),
        new("landscape-4col-badges", true, 4, 2, "DejaVu Sans", 10, 8, 7, true, false, false, true, "#2a7d4f"),
        new("portrait-3col-bands", false, 3, 3, "Liberation Sans", 10.5, 8.5, 7.5, false, false, true, true, "#7a3fa0"),
        new("portrait-2col-tags", false, 2, 3, "Liberation Sans", 11, 8.5, 7.5, false, true, false, false, "#b06a00"),
        // Masonry: cards of varying heights stacked in three columns (6 a page, 1-3 per column, heights drawn at random, so card
        // edges never line up across columns), one region per page, serif, scrambled. Rows = most cards in a column.
        new("portrait-3col-masonry-serif", false, 3, 3, "Liberation Serif", 9.5, 8, 7, false, false, false, true, "#8a1c3c", Masonry: true),
    ];

    private static readonly (string Heading, string Name, string[] Countries)[] Regions =
    [
        ("LATIN AMERICA AND THE CARIBBEAN", "Latin America and the Caribbean",
            ["AR", "BR", "CL", "CO", "PE", "UY", "PY", "MX", "CR", "GT", "HN", "PA", "EC", "DO", "JM", "CU"]),
        ("AFRICA", "Africa",
            ["KE", "ET", "GH", "SN", "NG", "ZA", "TZ", "UG", "RW", "MZ", "ZM", "CM", "CI", "ML", "BF", "MW"]),
        ("ARAB STATES", "Arab States",
            ["JO", "LB", "IQ", "OM", "KW", "QA", "SA", "AE", "YE", "BH"]),
        ("ASIA AND THE PACIFIC", "Asia and the Pacific",
            ["IN", "CN", "ID", "VN", "TH", "PH", "KH", "LA", "NP", "BD", "LK", "MN", "FJ", "PK", "MY"]),
        ("EASTERN EUROPE AND CENTRAL ASIA", "Eastern Europe and Central Asia",
            ["AL", "AM", "AZ", "BA", "GE", "KZ", "KG", "MD", "ME", "MK", "RS", "TJ", "UA", "UZ"]),
        ("INTERREGIONAL", "Interregional",
            ["BR", "IN", "ZA", "CN", "MX", "ID", "EG", "KE", "TR", "AR"]),
    ];

    private static readonly Dictionary<string, string> CountryNames = new()
    {
        ["AR"] = "Argentina", ["BR"] = "Brazil", ["CL"] = "Chile", ["CO"] = "Colombia", ["PE"] = "Peru", ["UY"] = "Uruguay",
        ["PY"] = "Paraguay", ["MX"] = "Mexico", ["CR"] = "Costa Rica", ["GT"] = "Guatemala", ["HN"] = "Honduras",
        ["PA"] = "Panama", ["EC"] = "Ecuador", ["DO"] = "Dominican Republic", ["JM"] = "Jamaica", ["CU"] = "Cuba",
        ["KE"] = "Kenya", ["ET"] = "Ethiopia", ["GH"] = "Ghana", ["SN"] = "Senegal", ["NG"] = "Nigeria",
        ["ZA"] = "South Africa", ["TZ"] = "Tanzania", ["UG"] = "Uganda", ["RW"] = "Rwanda", ["MZ"] = "Mozambique",
        ["ZM"] = "Zambia", ["CM"] = "Cameroon", ["CI"] = "Côte d'Ivoire", ["ML"] = "Mali", ["BF"] = "Burkina Faso",
        ["MW"] = "Malawi", ["JO"] = "Jordan", ["LB"] = "Lebanon", ["IQ"] = "Iraq", ["OM"] = "Oman", ["KW"] = "Kuwait",
        ["QA"] = "Qatar", ["SA"] = "Saudi Arabia", ["AE"] = "United Arab Emirates", ["YE"] = "Yemen", ["BH"] = "Bahrain",
        ["IN"] = "India", ["CN"] = "China", ["ID"] = "Indonesia", ["VN"] = "Viet Nam", ["TH"] = "Thailand",
        ["PH"] = "Philippines", ["KH"] = "Cambodia", ["LA"] = "Lao People's Democratic Republic", ["NP"] = "Nepal",
        ["BD"] = "Bangladesh", ["LK"] = "Sri Lanka", ["MN"] = "Mongolia", ["FJ"] = "Fiji", ["PK"] = "Pakistan",
        ["MY"] = "Malaysia", ["AL"] = "Albania", ["AM"] = "Armenia", ["AZ"] = "Azerbaijan",
        ["BA"] = "Bosnia and Herzegovina", ["GE"] = "Georgia", ["KZ"] = "Kazakhstan", ["KG"] = "Kyrgyzstan",
        ["MD"] = "Republic of Moldova", ["ME"] = "Montenegro", ["MK"] = "North Macedonia", ["RS"] = "Serbia",
        ["TJ"] = "Tajikistan", ["UA"] = "Ukraine", ["UZ"] = "Uzbekistan", ["EG"] = "Egypt", ["TR"] = "Türkiye",
    };

    private static readonly (string Id, string Title)[] Outcomes =
    [
        ("1", "Strong tripartite constituents and influential and inclusive social dialogue"),
        ("2", "International labour standards and authoritative and effective supervision"),
        ("3", "Economic, social and environmental transitions for full, productive and freely chosen employment and decent work for all"),
        ("4", "Sustainable enterprises as generators of employment and promoters of innovation and decent work"),
        ("5", "Skills and lifelong learning to facilitate access to and transitions in the labour market"),
        ("6", "Gender equality and equal opportunities and treatment for all in the world of work"),
        ("7", "Adequate and effective protection at work for all"),
        ("8", "Comprehensive and sustainable social protection for all"),
        ("A", "Authoritative knowledge and high-impact partnerships for promoting decent work"),
    ];

    private static readonly string[] Actions =
    [
        "STRENGTHENING", "PROMOTING", "SUPPORTING", "BUILDING CAPACITY FOR", "PEER LEARNING ON", "SHARING KNOWLEDGE ON",
        "IMPROVING", "SCALING UP", "EXCHANGING EXPERIENCE ON", "ADVANCING", "MODERNIZING", "EXPANDING", "RETHINKING",
        "MEASURING", "FINANCING", "DESIGNING",
    ];

    private static readonly (string Title, string Prose, string Outcome)[] Subjects =
    [
        ("LABOUR MIGRATION GOVERNANCE", "fair recruitment and the protection of migrant workers along labour migration corridors", "A"),
        ("PUBLIC EMPLOYMENT SERVICES", "the reform of public employment services and job-matching platforms", "3"),
        ("SKILLS RECOGNITION", "the recognition of prior learning and portable skills certificates", "5"),
        ("VOCATIONAL TRAINING SYSTEMS", "technical and vocational education and training institutions", "5"),
        ("SOCIAL PROTECTION FLOORS", "the extension of social protection floors to informal workers", "8"),
        ("OCCUPATIONAL SAFETY AND HEALTH", "occupational safety and health inspection in agriculture and construction", "7"),
        ("WOMEN'S ENTREPRENEURSHIP", "women entrepreneurs' access to finance and markets", "6"),
        ("GREEN JOBS", "green jobs and a just transition in energy and waste management", "3"),
        ("SOCIAL DIALOGUE INSTITUTIONS", "tripartite social dialogue institutions and collective bargaining", "1"),
        ("LABOUR STATISTICS", "labour force surveys and labour market information systems", "A"),
        ("FORMALIZATION OF ENTERPRISES", "the transition of micro and small enterprises to the formal economy", "4"),
        ("CHILD LABOUR ELIMINATION", "the elimination of child labour in supply chains", "7"),
        ("COOPERATIVES AND THE SOCIAL ECONOMY", "cooperatives and the social and solidarity economy", "4"),
        ("YOUTH EMPLOYMENT POLICIES", "national youth employment policies and apprenticeships", "3"),
        ("DISASTER RISK REDUCTION", "employment-intensive recovery after disasters and disaster risk reduction", "3"),
        ("SUSTAINABLE TOURISM", "sustainable tourism and local economic development in rural areas", "4"),
        ("INTERNATIONAL LABOUR STANDARDS", "the ratification and reporting on international labour standards", "2"),
        ("DOMESTIC WORKERS' RIGHTS", "decent work for domestic workers and care workers", "6"),
        ("DIGITAL PLATFORM WORK", "decent work on digital labour platforms", "1"),
        ("PRODUCTIVITY ECOSYSTEMS", "productivity ecosystems for small enterprises", "4"),
        ("MIGRANT WORKERS' SKILLS", "skills partnerships for migrant workers and returnees", "5"),
        ("UNEMPLOYMENT INSURANCE", "unemployment insurance schemes and income security", "8"),
    ];

    private static readonly string[] Scopes =
    [
        "IN {0}", "BETWEEN {0} AND {1}", "ACROSS THE REGION", "THROUGH SOUTH-SOUTH COOPERATION", "IN {0} AND {1}",
        "FOR SMALL ISLAND DEVELOPING STATES", "THROUGH TRIANGULAR COOPERATION", "AFTER COVID-19", "IN RURAL AREAS OF {0}",
        "WITH {0} AS A HUB",
    ];

    private static readonly string[] Openers =
    [
        "This project will facilitate knowledge-sharing among ILO constituents from {C} on {P}.",
        "Constituents from {C} will take part in peer-learning seminars and study visits on {P}.",
        "The ILO will support exchanges between {C} to strengthen {P}.",
        "Building on a successful pilot, experts from {C} will document good practices on {P}.",
        "Ministries of labour, employers and workers from {C} will jointly design tools on {P}.",
    ];

    private static readonly string[] Fillers =
    [
        "Activities include online training, a regional workshop and the publication of a practical guide.",
        "A community of practice will keep the exchange going after the project ends.",
        "Trainers will be certified so that national institutions can repeat the courses on their own.",
        "The results will be presented at a tripartite meeting and feed into national policy reviews.",
        "Special attention will be paid to women, young people and workers in the informal economy.",
        "Virtual components allow participants to join despite travel restrictions.",
        "A short study tour lets practitioners see the approach at work in the host institution.",
        "Each partner institution will appoint a focal point to follow up on the agreed action plan.",
        "The project builds on previous cooperation between the national training institutions involved.",
        "Lessons learned will be shared through the South-South Meeting Point platform.",
    ];

    private static readonly string[] TagWords = ["Triangular", "South-South", "Study tour", "Peer learning", "Fellowship", "Online", "SIDS-to-SIDS"];

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
        var charsPerLine = inner / (design.BodySize * 0.56);

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
            throw new InvalidOperationException($"design {design.Name}: the opening sentence does not fit a {F(cellWidth)}x{F(cellHeight)} card ({bodyLines} lines, {charsPerLine:F0} chars/line)");
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
