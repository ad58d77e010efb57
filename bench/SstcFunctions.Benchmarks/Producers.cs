using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// The generated card list again, as sources for other PDF producers (scripts/bench.sh renders them: render_latex, render_writer):
/// NAME-latex.tex (pdfTeX two-column article: volume title pages, region sections flowing over columns and pages,
/// unbreakable cards, TeX hyphenation in the prose), NAME-writer.fodt (LibreOffice Writer flat ODF: one table
/// of two card cells a row per page, a region heading with "(continued)" on top of every page) and NAME-reportlab.py
/// (ReportLab platypus, landscape, three frames, Helvetica not embedded, justified by word spacing). Each comes with
/// NAME-PRODUCER.expected.json whose pages are 0: the producer decides where a card lands, so `sstc-bench locate`
/// fills them in from the rendered PDF's text (the page each title is printed on), and check-render verifies them.
/// </summary>
public static class Producers
{
    public static void Write(string outDir, string name, IReadOnlyList<Generator.ExpectedCard> cards, IReadOnlyDictionary<string, Generator.CardText> texts)
    {
        var volumes = Volumes(cards);
        WriteOne(outDir, $"{name}-latex", ".tex", Latex(volumes, texts), cards, "latex-article");
        WriteOne(outDir, $"{name}-writer", ".fodt", Writer(volumes, texts), cards, "writer-table");
        WriteOne(outDir, $"{name}-reportlab", ".py", Reportlab(volumes, texts), cards, "reportlab-3col");
    }

    private static void WriteOne(string outDir, string name, string extension, string source, IReadOnlyList<Generator.ExpectedCard> cards, string design)
    {
        File.WriteAllText(Path.Combine(outDir, name + extension), source);
        var projects = cards.Select(c => c with { Page = 0, Design = design }).ToList();
        var expected = new Generator.ExpectedBrochure(name + ".pdf", 0, projects.Count, [design], projects);
        File.WriteAllText(Path.Combine(outDir, name + ".expected.json"), JsonSerializer.Serialize(expected, Json.Indented));
    }

    /// <summary>Consecutive cards of one generator design form a volume (a biennium), as in the Chromium brochure.</summary>
    private static List<(string Biennium, List<Generator.ExpectedCard> Cards)> Volumes(IReadOnlyList<Generator.ExpectedCard> cards)
    {
        var volumes = new List<(string, List<Generator.ExpectedCard>)>();
        string? design = null;
        foreach (var card in cards)
        {
            if (volumes.Count == 0 || card.Design != design)
            {
                var start = 2012 + 2 * volumes.Count;
                volumes.Add(($"{start}-{start + 1}", []));
                design = card.Design;
            }
            volumes[^1].Item2.Add(card);
        }
        return volumes;
    }

    private static string Latex(List<(string Biennium, List<Generator.ExpectedCard> Cards)> volumes, IReadOnlyDictionary<string, Generator.CardText> texts)
    {
        var sb = new StringBuilder();
        sb.Append("""
            \documentclass[10pt,a4paper,twocolumn]{article}
            \usepackage[T1]{fontenc}
            \usepackage[utf8]{inputenc}
            \usepackage{lmodern}
            \usepackage[english]{babel}
            \usepackage{microtype}
            \usepackage[a4paper,top=20mm,bottom=22mm,left=16mm,right=16mm,columnsep=7mm]{geometry}
            \pagestyle{plain}
            \raggedbottom
            \setlength{\parindent}{0pt}
            \newcommand{\region}[1]{\par\addvspace{14pt}{\Large\bfseries\raggedright #1\par}\nopagebreak\vspace{6pt}\nopagebreak}
            \newenvironment{card}[1]{\par\addvspace{9pt}\noindent\begin{minipage}{\linewidth}{\bfseries\raggedright\interlinepenalty=10000 #1\par}\vspace{3pt}\small}{\end{minipage}\par}
            \newcommand{\outcome}[1]{\par\vspace{3pt}{\footnotesize\itshape\raggedright #1\par}}
            \begin{document}

            """);
        foreach (var (biennium, cards) in volumes)
        {
            var countries = cards.SelectMany(c => c.Countries).Distinct().Count();
            sb.Append(CultureInfo.InvariantCulture, $$$"""
                \twocolumn[{\noindent{\huge\bfseries ILO South-South and Triangular Cooperation\\[4pt] Projects {{{biennium.Replace("-", "--", StringComparison.Ordinal)}}}\par}
                \vspace{8pt}\noindent\begin{minipage}{\textwidth}\large The ILO is launching {{{cards.Count}}} South-South and triangular cooperation projects in {{{countries}}} countries during this biennium, presented by region.\end{minipage}\vspace{16pt}}]

                """);
            string? region = null;
            foreach (var card in cards)
            {
                if (card.Region != region)
                {
                    region = card.Region;
                    sb.Append(CultureInfo.InvariantCulture, $"\\region{{{Tex(region)}}}\n");
                }
                var text = texts[card.Title];
                sb.Append(CultureInfo.InvariantCulture, $"\\begin{{card}}{{{Tex(card.Title)}}}\n{Tex(text.Description)}\n");
                if (text.OutcomeLine is not null) sb.Append(CultureInfo.InvariantCulture, $"\\outcome{{{Tex(text.OutcomeLine)}}}\n");
                sb.Append("\\end{card}\n\n");
            }
        }
        sb.Append("\\end{document}\n");
        return sb.ToString();
    }

    private static string Tex(string s)
    {
        var sb = new StringBuilder();
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '\\' => @"\textbackslash{}", '&' => @"\&", '%' => @"\%", '$' => @"\$", '#' => @"\#", '_' => @"\_",
                '{' => @"\{", '}' => @"\}", '~' => @"\textasciitilde{}", '^' => @"\textasciicircum{}", _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    // Writer page geometry (points): A4 less 1.6 cm top, 1.2 cm bottom, the footer and the region heading.
    private const double WriterBudget = 690, CellText = 229; // text width of a 8.5 cm cell less 2 × 0.2 cm padding

    private static string Writer(List<(string Biennium, List<Generator.ExpectedCard> Cards)> volumes, IReadOnlyDictionary<string, Generator.CardText> texts)
    {
        var body = new StringBuilder();
        var table = 0;
        foreach (var (biennium, cards) in volumes)
        {
            var countries = cards.SelectMany(c => c.Countries).Distinct().Count();
            body.Append(CultureInfo.InvariantCulture, $"<text:p text:style-name=\"Cover\">ILO South-South and Triangular Cooperation {biennium}</text:p>\n");
            body.Append(CultureInfo.InvariantCulture, $"<text:p text:style-name=\"Intro\">The ILO is launching {cards.Count} South-South and triangular cooperation projects in {countries} countries during the {biennium} biennium. Each page lists projects of one region.</text:p>\n");
            foreach (var regionCards in cards.GroupAdjacent(c => c.Region))
            {
                // Pages: pairs of cards (one table row each) while the estimated row heights fit the page.
                var first = true;
                var rows = regionCards.Chunk(2).ToList();
                for (var r = 0; r < rows.Count;)
                {
                    var heading = Generator.RegionHeading(regionCards[0].Region) + (first ? "" : " (continued)");
                    first = false;
                    body.Append(CultureInfo.InvariantCulture, $"<text:h text:style-name=\"Region\" text:outline-level=\"1\">{X(heading)}</text:h>\n");
                    body.Append(CultureInfo.InvariantCulture, $"<table:table table:name=\"Cards{++table}\" table:style-name=\"Cards\"><table:table-column table:style-name=\"Cards.A\" table:number-columns-repeated=\"2\"/>\n");
                    double used = 0;
                    do
                    {
                        var pair = rows[r++];
                        used += pair.Max(c => WriterHeight(c, texts[c.Title]));
                        body.Append("<table:table-row table:style-name=\"Row\">");
                        foreach (var c in pair)
                        {
                            var text = texts[c.Title];
                            body.Append("<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
                            body.Append(CultureInfo.InvariantCulture, $"<text:p text:style-name=\"Title\">{X(c.Title)}</text:p><text:p text:style-name=\"Body\">{X(text.Description)}</text:p>");
                            if (text.OutcomeLine is not null) body.Append(CultureInfo.InvariantCulture, $"<text:p text:style-name=\"Outcome\">{X(text.OutcomeLine)}</text:p>");
                            body.Append("</table:table-cell>");
                        }
                        if (pair.Length == 1) body.Append("<table:table-cell table:style-name=\"Empty\"/>");
                        body.Append("</table:table-row>\n");
                    } while (r < rows.Count && used + rows[r].Max(c => WriterHeight(c, texts[c.Title])) <= WriterBudget);
                    body.Append("</table:table>\n");
                }
            }
        }
        const string ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" office:version=\"1.3\"";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document {ns} office:mimetype="application/vnd.oasis.opendocument.text">
            <office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;"/><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;"/></office:font-face-decls>
            <office:styles>
             <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="9.5pt" fo:language="en" fo:country="GB" fo:hyphenate="false"/></style:default-style>
             <style:style style:name="Standard" style:family="paragraph"/>
            </office:styles>
            <office:automatic-styles>
             <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.6cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
              <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
             <style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:break-before="page" fo:margin-top="6cm" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="#5b1a32" style:font-name="Liberation Sans"/></style:style>
             <style:style style:name="Intro" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/><style:text-properties fo:font-size="12pt"/></style:style>
             <style:style style:name="Region" style:family="paragraph"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.35cm" fo:padding-bottom="0.1cm" fo:border-bottom="1.5pt solid #5b1a32"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:color="#5b1a32" style:font-name="Liberation Sans"/></style:style>
             <style:style style:name="Cards" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
             <style:style style:name="Cards.A" style:family="table-column"><style:table-column-properties style:column-width="8.5cm"/></style:style>
             <style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
             <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.2cm" fo:border="0.5pt solid #999999"/></style:style>
             <style:style style:name="Empty" style:family="table-cell"><style:table-cell-properties fo:padding="0.2cm" fo:border="none"/></style:style>
             <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.12cm"/><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#5b1a32" style:font-name="Liberation Sans"/></style:style>
             <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>
             <style:style style:name="Outcome" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.12cm"/><style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/></style:style>
             <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt" fo:color="#666666"/></style:style>
            </office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="Footer">ILO SSTC projects · <text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
            <office:body><office:text>
            {body}</office:text></office:body>
            </office:document>

            """;
    }

    /// <summary>
    /// A Python script (run as `python3 NAME.py OUT.pdf`) holding the cards as JSON: ReportLab platypus on A4
    /// landscape, three column frames, the standard (not embedded) Helvetica faces, justified descriptions; each card
    /// (with the region heading when the region changes) kept together in one column; a volume starts a page.
    /// </summary>
    private static string Reportlab(List<(string Biennium, List<Generator.ExpectedCard> Cards)> volumes, IReadOnlyDictionary<string, Generator.CardText> texts)
    {
        var data = volumes.Select(v => new
        {
            biennium = v.Biennium,
            countries = v.Cards.SelectMany(c => c.Countries).Distinct().Count(),
            cards = v.Cards.Select(c => new { region = c.Region, heading = Generator.RegionHeading(c.Region), title = c.Title, description = texts[c.Title].Description, outcome = texts[c.Title].OutcomeLine }),
        });
        var json = JsonSerializer.Serialize(data); // non-ASCII escaped as \uXXXX: the script stays ASCII
        return $$"""
            # Generated by sstc-bench generate --producers (bench/SstcFunctions.Benchmarks/Producers.cs): the benchmark brochure's
            # cards typeset by ReportLab. Usage: python3 THIS.py OUT.pdf (Debian: python3-reportlab).
            import json, sys
            from xml.sax.saxutils import escape
            from reportlab.lib.pagesizes import A4, landscape
            from reportlab.lib.styles import ParagraphStyle
            from reportlab.lib.enums import TA_JUSTIFY
            from reportlab.lib.colors import HexColor
            from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, KeepTogether, PageBreak, Spacer

            VOLUMES = json.loads(r'''{{json}}''')
            W, H = landscape(A4)
            M, G, COLS = 36, 20, 3
            CW = (W - 2 * M - (COLS - 1) * G) / COLS
            ACCENT = HexColor("#0b5563")
            frames = [Frame(M + i * (CW + G), M + 10, CW, H - 2 * M - 10, id="c%d" % i, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for i in range(COLS)]

            def footer(canvas, doc):
                canvas.saveState()
                canvas.setFont("Helvetica", 7.5)
                canvas.setFillColor(HexColor("#777777"))
                canvas.drawRightString(W - M, 22, "ILO SSTC projects | %d" % doc.page)
                canvas.restoreState()

            doc = BaseDocTemplate(sys.argv[1], pagesize=(W, H), pageTemplates=[PageTemplate(id="cols", frames=frames, onPage=footer)],
                                  title="ILO South-South and Triangular Cooperation projects", author="ILO", invariant=1)
            volume = ParagraphStyle("volume", fontName="Helvetica-Bold", fontSize=20, leading=24, textColor=ACCENT, spaceAfter=10)
            intro = ParagraphStyle("intro", fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=14)
            region = ParagraphStyle("region", fontName="Helvetica-Bold", fontSize=13, leading=16, textColor=ACCENT, spaceBefore=6, spaceAfter=8)
            title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=9.5, leading=11.5, spaceAfter=4)
            body = ParagraphStyle("body", fontName="Helvetica", fontSize=8.5, leading=11, alignment=TA_JUSTIFY)
            outcome = ParagraphStyle("outcome", fontName="Helvetica-Oblique", fontSize=7.5, leading=9.5, textColor=HexColor("#444444"), spaceBefore=4)

            story = []
            for v in VOLUMES:
                if story:
                    story.append(PageBreak())
                story.append(Paragraph("ILO South-South and Triangular Cooperation %s" % v["biennium"], volume))
                story.append(Paragraph("The ILO is launching %d South-South and triangular cooperation projects in %d countries during the %s biennium, presented by region." % (len(v["cards"]), v["countries"], v["biennium"]), intro))
                current = None
                for c in v["cards"]:
                    block = []
                    if c["region"] != current:
                        current = c["region"]
                        block.append(Paragraph(escape(c["heading"]), region))
                    block.append(Paragraph(escape(c["title"]), title))
                    block.append(Paragraph(escape(c["description"]), body))
                    if c["outcome"]:
                        block.append(Paragraph(escape(c["outcome"]), outcome))
                    block.append(Spacer(0, 12))
                    story.append(KeepTogether(block))
            doc.build(story)

            """;
    }

    /// <summary>A cell's height estimate in points (conservative glyph widths, as the HTML generator's).</summary>
    private static double WriterHeight(Generator.ExpectedCard card, Generator.CardText text) =>
        11 + Generator.Lines(card.Title, CellText, 10.5 * 0.70) * 12.5 + 4
        + Generator.Lines(text.Description, CellText, 9.5 * 0.47) * 11
        + (text.OutcomeLine is null ? 0 : 4 + Generator.Lines(text.OutcomeLine, CellText, 8.5 * 0.47) * 10);

    private static string X(string s) => WebUtility.HtmlEncode(s);

    private static IEnumerable<List<T>> GroupAdjacent<T, TKey>(this IEnumerable<T> items, Func<T, TKey> key)
    {
        List<T>? run = null;
        foreach (var item in items)
        {
            if (run is not null && !EqualityComparer<TKey>.Default.Equals(key(run[0]), key(item))) { yield return run; run = null; }
            (run ??= []).Add(item);
        }
        if (run is not null) yield return run;
    }
}
