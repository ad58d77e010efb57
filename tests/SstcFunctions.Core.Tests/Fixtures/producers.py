#!/usr/bin/env python3
"""Renders the fixture brochures made by producers other than Chromium: one folder per design with the source
(brochure.tex / .fodt / .fodp / .py), brochure.pdf, expected.json and README.md.

Ground truth comes from the project data (projects.py, projects_i18n.py); pages are read back with pdftotext.
Usage: python3 producers.py [design ...]
Needs (Debian): texlive-latex-recommended texlive-latex-extra texlive-luatex lmodern texlive-lang-spanish texlive-lang-french
libreoffice-writer-nogui libreoffice-impress-nogui python3-reportlab groff poppler-utils iso-codes.
ReportLab designs need the Debian python3 (/usr/bin/python3) when another python3 comes first on PATH.
"""
import html, os, subprocess, sys
sys.dont_write_bytecode = True
from projects import LAC, AFRICA, ARAB, ASIA, EUROPE, ITC, INTER, PROJECTS
from fixturelib import cards, hard_cards, region_name, outcome_line, country_list, write_expected, latex, soffice, pdf_producer

HERE = os.path.dirname(os.path.abspath(__file__))

def folder(name):
    path = os.path.join(HERE, name)
    os.makedirs(path, exist_ok=True)
    return path

def idx(region):
    return [i for i, p in enumerate(PROJECTS) if p["region"] == region]

def tex(s):
    for a, b in [("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"), ("_", r"\_"),
                 ("{", r"\{"), ("}", r"\}")]:
        s = s.replace(a, b)
    return s

# ---------------------------------------------------------------------------------------------------------------
def latex_article():
    """pdfTeX, Latin Modern + microtype, two-column article: numbered region sections, a small-caps Countries: line
    under each bold title, TeX hyphenation, cards breaking across columns and pages, a footnote, a running head."""
    regions = [AFRICA, LAC, ARAB, ITC, INTER]
    order = [c for r in regions for c in cards(idx(r))]
    for c in order:  # a second paragraph on some cards: longer cards, more breaks across columns and pages
        if c["index"] % 2 == 0:
            c["description"] += (" At the end of the biennium, the partners will report on the results achieved and publish the "
                                 "material they produced for constituents in other regions, starting with an online seminar "
                                 f"hosted by {country_list(c, 'en').split(', ')[0]}.")
    body = []
    current = None
    for c in order:
        if c["region"] != current:
            current = c["region"]
            body.append(f"\\section{{{tex(current)}}}")
        description = tex(c["description"])
        if c["index"] == 2:  # one footnote, in the middle of a description
            description = description.replace("Bridgetown", "Bridgetown\\footnote{The workshop is hosted by the social security "
                                              "institution of the host country; interpretation is provided.}", 1)
        paragraphs = description.replace(" At the end of the biennium", "\n\nAt the end of the biennium").split("\n\n")
        body.append("\\begin{card}{" + tex(c["title"]) + "}{" + (tex(country_list(c, "en")) if c["countries"] else "") + "}\n" + "\n\n".join(paragraphs)
                    + ("\n\n\\outcome{" + tex(outcome_line(c)) + "}" if c["outcome"] else "") + "\n\\end{card}")
    source = r"""\documentclass[10pt,a4paper,twocolumn]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage[english]{babel}
\usepackage{microtype}
\usepackage[a4paper,top=24mm,bottom=24mm,left=18mm,right=18mm,columnsep=7mm,headsep=6mm]{geometry}
\usepackage{fancyhdr}
\usepackage{titlesec}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{\footnotesize\itshape ILO Partnerships and Field Support}
\fancyhead[R]{\footnotesize\itshape South-South and Triangular Cooperation: project digest 2024--2025}
\fancyfoot[C]{\footnotesize\thepage}
\renewcommand{\headrulewidth}{0.4pt}
\titleformat{\section}{\Large\bfseries\raggedright}{\thesection}{0.8em}{}
\titlespacing*{\section}{0pt}{14pt plus 4pt}{8pt}
\setlength{\parindent}{1em}
\setlength{\parskip}{0pt}
\newenvironment{card}[2]{\par\addvspace{10pt}\noindent{\large\bfseries\raggedright\interlinepenalty=10000 #1\par}\nopagebreak\vspace{2pt}%
  \if\relax\detokenize{#2}\relax\else\noindent{\footnotesize\interlinepenalty=10000\textsc{Countries: #2}\par}\nopagebreak\fi\vspace{3pt}}{\par}
\newcommand{\outcome}[1]{\par\vspace{3pt}\noindent{\small\itshape #1\par}}
\begin{document}
\twocolumn[{\noindent{\huge\bfseries South-South and Triangular Cooperation\\[4pt] Project digest 2024--2025\par}
\vspace{10pt}\noindent\begin{minipage}{\textwidth}\large This digest presents eighteen South-South and triangular cooperation
projects that ILO constituents are carrying out during the 2024--2025 biennium, grouped by region. Each entry names the
countries taking part and the policy outcome of the Programme and Budget that the exchange serves; figures on funding and
partners are available from the ILO Partnerships and Field Support Department on request, together with contact details
for each project team.\end{minipage}\vspace{18pt}}]
""" + "\n\n".join(body) + "\n\\end{document}\n"
    path = folder("latex-article")
    latex(path, source)
    write_expected(path, order, {"title": "South-South and Triangular Cooperation Project digest 2024-2025", "biennium": "2024-2025",
                                 "statedProjectCount": 18, "statedCountryCount": None},
                   "pdfTeX (Latin Modern, T1, microtype), A4 two-column article: numbered region sections (`1 Africa`, "
                   "`2 Latin America and the Caribbean` wrapping), a bold title then a small-caps `Countries:` line under it, "
                   "TeX hyphenation in the prose, italic outcome line, cards breaking across columns and a page, one footnote, "
                   "running head and centred folio. Source: brochure.tex (written by producers.py).",
                   producer=pdf_producer(os.path.join(path, "brochure.pdf")).split("-")[0], lang="en")
    return path

# ---------------------------------------------------------------------------------------------------------------
X = lambda s: html.escape(s, quote=True)
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"')

def fodt(fonts, automatic, footer, body, lang="en", country="GB", size="9.5pt", font="Liberation Serif", header=""):
    faces = "".join(f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;"/>' for f in fonts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>{faces}</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="{font}" fo:font-size="{size}" fo:language="{lang}" fo:country="{country}" fo:hyphenate="false"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>{automatic}</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{f"<style:header>{header}</style:header>" if header else ""}<style:footer>{footer}</style:footer></style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body>
</office:document>
"""

def writer_table():
    """LibreOffice Writer: one region per page, cards as cells of a bordered two-column table (shaded title row over a
    body row), justified text, 0.2 cm cell padding (a narrow gutter), labelled Partners:/Budget:/Duration: lines."""
    regions = [LAC, AFRICA, ARAB, ASIA, EUROPE]
    automatic = """
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.6cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:margin-top="6cm" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="#1f3864" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Intro" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="12pt"/></style:style>
 <style:style style:name="Region" style:family="paragraph"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.35cm" fo:padding-bottom="0.1cm" fo:border-bottom="1.5pt solid #1f3864"/><style:text-properties fo:font-size="17pt" fo:font-weight="bold" fo:color="#1f3864" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Cards" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>
 <style:style style:name="Cards.A" style:family="table-column"><style:table-column-properties style:column-width="8.5cm"/></style:style>
 <style:style style:name="TitleCell" style:family="table-cell"><style:table-cell-properties fo:background-color="#d9e2f3" fo:padding="0.2cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="BodyCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.2cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="EmptyCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.2cm" fo:border="none"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="10.5pt" fo:font-weight="bold" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.15cm"/></style:style>
 <style:style style:name="Label" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="Outcome" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-top="0.15cm"/><style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/></style:style>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt" fo:color="#666666"/></style:style>"""
    body = ['<text:p text:style-name="Cover">ILO South-South and Triangular Cooperation portfolio 2022–2023</text:p>',
            '<text:p text:style-name="Intro">This portfolio lists the twenty-one South-South and triangular cooperation projects '
            'started by ILO constituents in the 2022–2023 biennium, one region per page. For each project the table gives the '
            'partners, the budget, the duration and the policy outcome it contributes to.</text:p>']
    order = []
    for region in regions:
        group = cards(idx(region))[:7]
        order.extend(group)
        body.append(f'<text:h text:style-name="Region" text:outline-level="1">{X(region)}</text:h>')
        body.append('<table:table table:name="' + X(region.split()[0]) + '" table:style-name="Cards"><table:table-column table:style-name="Cards.A" table:number-columns-repeated="2"/>')
        for k in range(0, len(group), 2):
            pair = group[k:k + 2]
            body.append('<table:table-row>' + "".join(
                f'<table:table-cell table:style-name="TitleCell" office:value-type="string"><text:p text:style-name="Title">{X(c["title"])}</text:p></table:table-cell>'
                for c in pair) + ('<table:table-cell table:style-name="EmptyCell"/>' if len(pair) == 1 else "") + '</table:table-row>')
            cells = []
            for c in pair:
                labels = "".join(f'<text:p text:style-name="Label"><text:span text:style-name="Bold">{name}:</text:span> {X(c[key])}</text:p>'
                                 for name, key in [("Partners", "partners"), ("Budget", "budget"), ("Duration", "duration")])
                outcome = f'<text:p text:style-name="Outcome">{X(outcome_line(c))}</text:p>' if c["outcome"] else ""
                cells.append(f'<table:table-cell table:style-name="BodyCell" office:value-type="string"><text:p text:style-name="Body">{X(c["description"])}</text:p>{labels}{outcome}</table:table-cell>')
            if len(pair) == 1: cells.append('<table:table-cell table:style-name="EmptyCell"/>')
            body.append('<table:table-row>' + "".join(cells) + '</table:table-row>')
        body.append('</table:table>')
    footer = '<text:p text:style-name="Footer">ILO SSTC portfolio 2022–2023 · <text:page-number text:select-page="current"/></text:p>'
    path = folder("writer-table")
    with open(os.path.join(path, "brochure.fodt"), "w", encoding="utf-8") as f:
        f.write(fodt(["Liberation Serif", "Liberation Sans"], automatic, footer, "\n".join(body)))
    soffice(path, "brochure.fodt")
    write_expected(path, order, {"title": "ILO South-South and Triangular Cooperation portfolio 2022–2023", "biennium": "2022-2023",
                                 "statedProjectCount": 21, "statedCountryCount": None},
                   "LibreOffice Writer (flat ODF brochure.fodt written by producers.py, converted with headless soffice), A4 portrait, "
                   "Liberation Serif 9.5 pt: cover page, then one region per page; cards are cells of a bordered two-column table, "
                   "a shaded title row over a body row, justified text with 0.2 cm cell padding (a narrow gutter between neighbouring "
                   "cards), labelled `Partners:`, `Budget:`, `Duration:` lines (bold labels) and an italic outcome line in each cell.",
                   producer="LibreOffice Writer", lang="en", labels=("partners", "budget", "duration"))
    return path

# ---------------------------------------------------------------------------------------------------------------
CAPTIONS = {
    14: "Photo: assessors at a construction site in Dili. © ILO", 15: "Photo: a community monitor visits a rice farm. © ILO/K. Sok",
    16: "Photo: rebuilding a school after the cyclone. © ILO", 17: "Photo: delivery riders waiting for orders. © ILO/R. Das",
    18: "Photo: a job fair for refugees in Gaziantep. © ILO", 19: "Photo: a mine entrance in the highlands. © ILO/A. Bek",
    20: "Photo: young jobseekers at a youth centre. © ILO", 21: "Photo: the Turin campus on the river Po. © ITC-ILO",
    22: "Photo: union delegates in a blended course. © ITC-ILO", 23: "Photo: a care worker and her client. © ILO/M. Silva",
    24: "Photo: members of a coffee cooperative. © ILO", 0: "Photo: a job counsellor with a young jobseeker. © ILO",
    1: "Photo: apprentices in an assembly plant. © ILO", 2: "Photo: a social security office in Bridgetown. © ILO",
    3: "Photo: inspectors on a banana plantation. © ILO/J. Mora",
}

def impress_slides():
    """LibreOffice Impress: 16:9 slides, the region in each slide's title, one or two cards per slide, each under a photo
    placeholder (a drawn rectangle) with a photo caption that is not a description."""
    W, H = 28.0, 15.75
    plan = [(ASIA, [14, 15]), (ASIA, [16, 17]), (EUROPE, [18, 19]), (EUROPE, [20]), (ITC, [21, 22]), (INTER, [23, 24]),
            (LAC, [0]), (LAC, [1, 2]), (LAC, [3])]
    automatic = """
 <style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout>
 <style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties draw:background-size="full" draw:fill="solid" draw:fill-color="#ffffff"/></style:style>
 <style:style style:name="frame" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="top" draw:auto-grow-height="false" fo:padding-top="0cm" fo:padding-bottom="0cm" fo:padding-left="0cm" fo:padding-right="0cm" fo:wrap-option="wrap"/></style:style>
 <style:style style:name="band" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#0b5394"/></style:style>
 <style:style style:name="photo" style:family="graphic"><style:graphic-properties draw:stroke="solid" svg:stroke-color="#90a4ae" svg:stroke-width="0.03cm" draw:fill="solid" draw:fill-color="#cfd8dc"/></style:style>
 <style:style style:name="cross" style:family="graphic"><style:graphic-properties draw:stroke="solid" svg:stroke-color="#90a4ae" svg:stroke-width="0.03cm"/></style:style>
 <style:style style:name="Ptitle" style:family="paragraph"><style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="#ffffff" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Pcap" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:font-style="italic" fo:color="#607d8b" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Pcard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="#0b5394" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Pbody" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm" fo:line-height="115%"/><style:text-properties fo:font-size="10.5pt" fo:color="#263238" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Pout" style:family="paragraph"><style:text-properties fo:font-size="9pt" fo:color="#0b5394" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Pfoot" style:family="paragraph"><style:text-properties fo:font-size="8pt" fo:color="#90a4ae" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Pbig" style:family="paragraph"><style:text-properties fo:font-size="34pt" fo:font-weight="bold" fo:color="#0b5394" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Plead" style:family="paragraph"><style:text-properties fo:font-size="16pt" fo:color="#263238" style:font-name="Liberation Sans"/></style:style>"""
    def frame(x, y, w, h, paragraphs):
        inner = "".join(f'<text:p text:style-name="{st}">{X(t)}</text:p>' for st, t in paragraphs)
        return f'<draw:frame draw:style-name="frame" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm"><draw:text-box>{inner}</draw:text-box></draw:frame>'
    def photo(x, y, w, h):
        return (f'<draw:rect draw:style-name="photo" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm"/>'
                f'<draw:line draw:style-name="cross" svg:x1="{x}cm" svg:y1="{y}cm" svg:x2="{x + w}cm" svg:y2="{y + h}cm"/>'
                f'<draw:line draw:style-name="cross" svg:x1="{x}cm" svg:y1="{y + h}cm" svg:x2="{x + w}cm" svg:y2="{y}cm"/>')
    def text_of(c):
        out = [("Pcard", c["title"]), ("Pbody", c["description"])]
        if c["outcome"]: out.append(("Pout", outcome_line(c)))
        return out
    slides = ['<draw:page draw:name="cover" draw:style-name="dp1" draw:master-page-name="Default">'
              + f'<draw:rect draw:style-name="band" svg:x="0cm" svg:y="0cm" svg:width="1.2cm" svg:height="{H}cm"/>'
              + frame(2.5, 4.5, 23, 4, [("Pbig", "South-South and Triangular Cooperation"), ("Pbig", "Highlights 2024")])
              + frame(2.5, 9.5, 22, 3, [("Plead", "Fifteen exchanges between countries of the South, region by region.")]) + '</draw:page>']
    order = []
    for number, (region, indexes) in enumerate(plan, start=2):
        group = cards(indexes)
        order.extend(group)
        items = [f'<draw:rect draw:style-name="band" svg:x="0cm" svg:y="0cm" svg:width="{W}cm" svg:height="2.1cm"/>',
                 frame(1.2, 0.45, 25, 1.4, [("Ptitle", region)])]
        if len(group) == 2:
            for k, c in enumerate(group):
                x = 1.2 + k * 13.3
                items.append(photo(x, 2.7, 12.1, 3.3))
                items.append(frame(x, 6.1, 12.1, 0.5, [("Pcap", CAPTIONS[c["index"]])]))
                items.append(frame(x, 6.8, 12.1, 8.0, text_of(c)))
        else:
            c = group[0]
            items.append(photo(1.2, 2.7, 11.5, 10.6))
            items.append(frame(1.2, 13.45, 11.5, 0.5, [("Pcap", CAPTIONS[c["index"]])]))
            items.append(frame(13.9, 2.9, 12.9, 11.5, text_of(c)))
        items.append(frame(1.2, H - 0.8, 20, 0.5, [("Pfoot", f"ILO · SSTC highlights 2024 | {number}")]))
        slides.append(f'<draw:page draw:name="s{number}" draw:style-name="dp1" draw:master-page-name="Default">{"".join(items)}</draw:page>')
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;"/></office:font-face-decls>
<office:styles><style:default-style style:family="graphic"><style:text-properties fo:language="en" fo:country="GB"/></style:default-style></office:styles>
<office:automatic-styles>{automatic}</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/></office:master-styles>
<office:body><office:presentation>{"".join(slides)}</office:presentation></office:body>
</office:document>
"""
    path = folder("impress-slides")
    with open(os.path.join(path, "brochure.fodp"), "w", encoding="utf-8") as f: f.write(doc)
    soffice(path, "brochure.fodp")
    write_expected(path, order, {"title": "South-South and Triangular Cooperation Highlights 2024", "biennium": None,
                                 "statedProjectCount": 15, "statedCountryCount": None},
                   "LibreOffice Impress (flat ODF brochure.fodp written by producers.py, converted with headless soffice), 16:9 slides "
                   "in Liberation Sans: a cover slide, then the region in a white title on a blue band at the top of each slide, one or "
                   "two cards per slide, each card under a photo placeholder (a drawn grey rectangle with a cross) whose italic caption "
                   "(\"Photo: … © ILO\") is not a description; bold blue title, body text, outcome line; a small footer with the slide number.",
                   producer="LibreOffice Impress", lang="en")
    return path

# ---------------------------------------------------------------------------------------------------------------
def with_reportlab(design):
    """Runs `design` under the Debian python3 when the python3 running this script has no ReportLab."""
    try:
        import reportlab  # noqa: F401
        return False
    except ImportError:
        subprocess.run(["/usr/bin/python3", os.path.abspath(__file__), design], check=True)
        return True

def reportlab_runin():
    """ReportLab (standard Type 1 fonts, not embedded), a two-column bulletin: run-in titles (a bold sans title ending
    with a full stop, the serif description following on the same line), outcome lines `Outcome 5 – …`, an "At a glance"
    sidebar box and a pull quote in the column flow, a rule between the columns."""
    if with_reportlab("reportlab-runin"): return folder("reportlab-runin")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle, NextPageTemplate, FrameBreak, KeepTogether
    W, Hh = A4
    M, G = 50, 20
    col = (W - 2 * M - G) / 2
    path = folder("reportlab-runin")
    purple = colors.HexColor("#6a1b9a")
    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(M, Hh - 32, "SSTC BULLETIN  ·  No. 7  ·  2025")
        canvas.drawRightString(W - M, 30, f"{doc.page}")
        canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
        canvas.setLineWidth(0.5)
        top = Hh - 50 - (150 if doc.page == 1 else 0)
        canvas.line(W / 2, 50, W / 2, top)
        canvas.restoreState()
    first = [Frame(M, Hh - 50 - 150, W - 2 * M, 150, id="head"), Frame(M, 50, col, Hh - 100 - 150, id="c1"), Frame(M + col + G, 50, col, Hh - 100 - 150, id="c2")]
    later = [Frame(M, 50, col, Hh - 100, id="c1"), Frame(M + col + G, 50, col, Hh - 100, id="c2")]
    doc = BaseDocTemplate(os.path.join(path, "brochure.pdf"), pagesize=A4, title="SSTC Bulletin No. 7", author="ILO",
                          pageTemplates=[PageTemplate("first", first, onPage=decorate), PageTemplate("later", later, onPage=decorate)])
    big = ParagraphStyle("big", fontName="Helvetica-Bold", fontSize=26, leading=30, textColor=purple)
    lead = ParagraphStyle("lead", fontName="Times-Italic", fontSize=12, leading=16, spaceBefore=8)
    region_style = ParagraphStyle("region", fontName="Helvetica-Bold", fontSize=13, leading=16, textColor=purple, spaceBefore=10, spaceAfter=6)
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12.6, alignment=TA_JUSTIFY, spaceBefore=7)
    out_style = ParagraphStyle("out", fontName="Times-Italic", fontSize=8.5, leading=10.5, textColor=colors.HexColor("#555555"), spaceBefore=2)
    quote = ParagraphStyle("quote", fontName="Times-BoldItalic", fontSize=13, leading=17, textColor=purple, spaceBefore=12, spaceAfter=12, leftIndent=6, rightIndent=6)
    side = ParagraphStyle("side", fontName="Helvetica", fontSize=8.5, leading=11)
    story = [Paragraph("SSTC Bulletin: sixteen exchanges between countries of the South", big),
             Paragraph("Each entry opens with the name of the project; the outcome of the ILO Programme and Budget it serves follows "
                       "the description.", lead), NextPageTemplate("later"), FrameBreak()]
    order = []
    for region in [AFRICA, ARAB, ASIA, INTER]:
        story.append(Paragraph(X(region.upper()), region_style))
        for c in cards(idx(region)):
            order.append(c)
            story.append(Paragraph(f'<font name="Helvetica-Bold" color="#6a1b9a">{X(c["title"])}.</font> {X(c["description"])}', body))
            if c["outcome"]: story.append(Paragraph(X(outcome_line(c, " – ")), out_style))
            if c["index"] == 6:
                box = Table([[Paragraph("<b>AT A GLANCE</b>", side)], [Paragraph("16 projects in four regions", side)],
                             [Paragraph("Average duration: 20 months", side)], [Paragraph("Two in three involve a study tour", side)]],
                            colWidths=[col - 10])
                box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3e5f5")), ("BOX", (0, 0), (-1, -1), 0.8, purple),
                                         ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
                story += [Spacer(1, 10), KeepTogether(box)]
            if c["index"] == 12:
                rule = Table([[Paragraph("“Mentoring between women's business associations opened doors that no single "
                                         "network could have opened alone.”", quote)]], colWidths=[col])
                rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.5, purple), ("LINEBELOW", (0, -1), (-1, -1), 1.5, purple)]))
                story.append(rule)
    doc.build(story)
    write_expected(path, order, {"title": "SSTC Bulletin: sixteen exchanges between countries of the South", "biennium": None,
                                 "statedProjectCount": 16, "statedCountryCount": None},
                   "ReportLab (standard Type 1 fonts Times and Helvetica, not embedded), A4 bulletin: full-width masthead on page 1, "
                   "then two columns with a vertical rule between them; upper-case region headings; run-in titles (a bold purple "
                   "Helvetica title ending with a full stop, the Times description following on the same line); italic outcome "
                   "lines `Outcome 5 – …`; an \"At a glance\" shaded sidebar box and a pull quote between rules inside the column "
                   "flow; running head \"SSTC BULLETIN · No. 7 · 2025\" and page number. Source: reportlab_runin() in producers.py.",
                   producer="ReportLab", lang="en")
    return path

# ---------------------------------------------------------------------------------------------------------------
def lualatex_sidebyside_es():
    """Spanish edition, LuaLaTeX (fontspec, Liberation fonts, Spanish hyphenation): each card side by side, the title and
    its `Resultado N: …` line in a narrow left column, the description in a wide justified right column; the ITC-ILO
    cards and two more print no outcome line."""
    regions = [LAC, AFRICA, ARAB, EUROPE, ITC, INTER]
    order = [c for r in regions for c in cards(idx(r), "es")]
    for c in order:
        if c["index"] in (9, 20): c["outcome"] = None  # printed without an outcome line in this edition
    body, current = [], None
    for c in order:
        if c["region"] != current:
            current = c["region"]
            body.append(f"\\region{{{tex(region_name(current, 'es'))}}}")
        left = f"{{\\titlefont\\bfseries {tex(c['title'])}\\par}}"
        if c["outcome"]:
            left += f"\\vspace{{4pt}}{{\\titlefont\\footnotesize\\color{{teal}} {tex(outcome_line(c))}\\par}}"
        body.append(f"\\card{{{left}}}{{{tex(c['description'])}}}")
    source = r"""\documentclass[10pt,a4paper]{article}
\usepackage{fontspec}
\setmainfont{Liberation Serif}
\newfontfamily\titlefont{Liberation Sans Narrow}[Ligatures=TeX]
\usepackage[spanish]{babel}
\usepackage[a4paper,top=22mm,bottom=22mm,left=20mm,right=20mm]{geometry}
\usepackage[dvipsnames]{xcolor}
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[R]{\footnotesize\titlefont OIT $\cdot$ Cooperación Sur-Sur y triangular $\cdot$ Edición en español}
\fancyfoot[R]{\footnotesize\titlefont\thepage}
\renewcommand{\headrulewidth}{0pt}
\setlength{\parindent}{0pt}
\newcommand{\region}[1]{\par\vspace{12pt}{\titlefont\huge\bfseries\color{teal}#1\par}\vspace{4pt}{\color{teal}\rule{\textwidth}{1.2pt}}\par\vspace{6pt}}
\newcommand{\card}[2]{\par\noindent\begin{minipage}[t]{0.33\textwidth}\raggedright #1\end{minipage}\hfill
  \begin{minipage}[t]{0.62\textwidth}\setlength{\parindent}{0pt}\justifying #2\end{minipage}\par\vspace{5pt}{\color{lightgray}\rule{\textwidth}{0.4pt}}\par\vspace{6pt}}
\providecommand{\justifying}{\rightskip=0pt plus 0pt\relax}
\begin{document}
{\titlefont\Huge\bfseries\color{teal}Cooperación Sur-Sur y triangular\par}\vspace{4pt}
{\titlefont\LARGE Proyectos 2020--2021\par}\vspace{10pt}
{\large Esta edición presenta 21 proyectos de cooperación Sur-Sur y triangular que los mandantes de la OIT llevan a cabo
durante el bienio 2020--2021. Junto al título de cada proyecto figura el resultado del Programa y Presupuesto al que contribuye.\par}
""" + "\n".join(body) + "\n\\end{document}\n"
    path = folder("lualatex-es")
    latex(path, source, engine="lualatex")
    write_expected(path, order, {"title": "Cooperación Sur-Sur y triangular Proyectos 2020-2021", "biennium": "2020-2021",
                                 "statedProjectCount": 21, "statedCountryCount": None},
                   "Spanish edition. LuaLaTeX (fontspec: Liberation Serif text, Liberation Sans Narrow titles; babel spanish "
                   "hyphenation), A4 portrait, one column of side-by-side cards: the bold title and its teal `Resultado N: …` line "
                   "in a narrow left column, the justified description in a wide right column, a light rule between cards; region "
                   "headings in Spanish over a teal rule; the ITC-ILO cards and two others have no outcome line; running head and "
                   "page number. Source: brochure.tex (written by producers.py).",
                   producer="LuaTeX", lang="es")
    return path

# ---------------------------------------------------------------------------------------------------------------
def roff(text):
    """groff text: unbreakable spaces as \\~, no line starting with a control character."""
    return text.replace("\\", "\\e").replace("\u00a0", "\\~")

def groff_fr():
    """French edition, groff ms (-mfr, French hyphenation), two columns, Times: bold titles, italic labelled lines
    `Pays :` and `Partenaires :` between the title and the description, `Résultat 5 :` lines after it."""
    regions = [AFRICA, ASIA, EUROPE, ITC, INTER]
    order = [c for r in regions for c in cards(idx(r), "fr")]
    lines = [".nr PS 9.5", ".nr VS 11.5", ".nr PD 0.3v", ".nr HM 0.9i", ".nr FM 0.8i", ".nr PO 0.75i", ".nr LL 6.77i",
             ".ds LH OIT \\(em Coopération Sud-Sud et triangulaire", ".ds CH", ".ds RH Recueil de projets 2024\\(en2025",
             ".ds CF \\(em\\~%\\~\\(em", ".hla fr", ".hpf hyphen.fr", ".nh", ".TL", "Coopération Sud-Sud et triangulaire",
             ".br", "Recueil de projets 2024\\(en2025", ".LP", ".ce",
             "Dix-huit projets d’échange entre pays du Sud, présentés par région.", ".hy 1", ".2C"]
    current = None
    for c in order:
        if c["region"] != current:
            current = c["region"]
            lines += [".sp 0.6v", ".LP", f"\\s+4\\fB{roff(region_name(current, 'fr').upper())}\\fP\\s-4", ".sp 0.2v"]
        lines += [".KS", ".SH", roff(c["title"]), ".LP"]
        if c["countries"]:
            lines += [f"\\fIPays\\~:\\fP {roff(country_list(c, 'fr'))}", ".br"]
        lines += [f"\\fIPartenaires\\~:\\fP {roff(c['partners'])}", ".KE", ".PP", roff(c["description"])]
        if c["outcome"]:
            lines += [".LP", f"\\s-1\\fI{roff(outcome_line(c))}\\fP\\s+1"]
    path = folder("groff-fr")
    with open(os.path.join(path, "brochure.ms"), "w", encoding="utf-8") as f: f.write("\n".join(lines) + "\n")
    with open(os.path.join(path, "brochure.pdf"), "wb") as out:
        subprocess.run(["groff", "-k", "-mfr", "-ms", "-Tpdf", "-dpaper=a4", "-P-pa4", "brochure.ms"], cwd=path, check=True, stdout=out)
    write_expected(path, order, {"title": "Coopération Sud-Sud et triangulaire Recueil de projets 2024-2025", "biennium": "2024-2025",
                                 "statedProjectCount": 18, "statedCountryCount": None},
                   "French edition. groff ms (-mfr, French hyphenation, gropdf, standard Times not embedded), A4, two columns: "
                   "upper-case region lines, bold titles, italic labelled lines `Pays :` (country names from Debian's iso-codes "
                   "French translations) and `Partenaires :` between title and description, `Résultat 5 :` lines after it, "
                   "running head and \"— N —\" folio. Source: brochure.ms (written by producers.py).",
                   producer="groff", lang="fr", labels=("partners",))
    return path

# ---------------------------------------------------------------------------------------------------------------
def writer_spaced_es():
    """Spanish edition, LibreOffice Writer, one column: letter-spaced upper-case titles, labelled lines `Países:`,
    `Socios:`, `Presupuesto:`, `Duración:`, `Resultado N:` lines; the region is a heading where it starts and, through a
    chapter field, the running head of every page (so a continuation page names it only there)."""
    regions = [AFRICA, LAC, ASIA, ARAB]
    automatic = """
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.3cm" fo:margin-bottom="1.3cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm" fo:border-bottom="0.5pt solid #999999" fo:padding-bottom="0.1cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt" fo:color="#555555" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Foot" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
 <style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:margin-top="5cm" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="28pt" fo:font-weight="bold" fo:color="#8d2c1f" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Intro" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/><style:text-properties fo:font-size="12pt"/></style:style>
 <style:style style:name="Region" style:family="paragraph"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold" fo:color="#8d2c1f" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="10pt" fo:font-weight="bold" fo:letter-spacing="0.06cm" fo:color="#8d2c1f" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="Lab" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-size="8.5pt" fo:color="#444444"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="10.5pt"/></style:style>
 <style:style style:name="Out" style:family="paragraph"><style:paragraph-properties fo:padding-left="0.2cm" fo:border-left="2pt solid #8d2c1f" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>"""
    order = []
    body = ['<text:p text:style-name="Cover">Cooperación Sur-Sur y triangular de la OIT: fichas de proyectos</text:p>',
            '<text:p text:style-name="Intro">Dieciocho proyectos en cuatro regiones. Cada ficha indica los países participantes, '
            'los socios, el presupuesto, la duración y el resultado del Programa y Presupuesto al que contribuye.</text:p>']
    for region in regions:
        group = cards(idx(region), "es")
        for c in group: c["title"] = c["title"].upper()  # printed in capitals
        order.extend(group)
        body.append(f'<text:h text:style-name="Region" text:outline-level="1">{X(region_name(region, "es"))}</text:h>')
        for c in group:
            body.append(f'<text:p text:style-name="Title">{X(c["title"])}</text:p>')
            if c["countries"]:
                body.append(f'<text:p text:style-name="Lab"><text:span text:style-name="B">Países:</text:span> {X(country_list(c, "es"))}</text:p>')
            body.append(f'<text:p text:style-name="Body">{X(c["description"])}</text:p>')
            for name, key in [("Socios", "partners"), ("Presupuesto", "budget"), ("Duración", "duration")]:
                body.append(f'<text:p text:style-name="Lab"><text:span text:style-name="B">{name}:</text:span> {X(c[key])}</text:p>')
            if c["outcome"]: body.append(f'<text:p text:style-name="Out">{X(outcome_line(c))}</text:p>')
    header = '<text:p text:style-name="Head"><text:chapter text:display="name" text:outline-level="1"/></text:p>'
    footer = '<text:p text:style-name="Foot">OIT · Fichas de proyectos · <text:page-number text:select-page="current"/></text:p>'
    path = folder("writer-spaced-es")
    with open(os.path.join(path, "brochure.fodt"), "w", encoding="utf-8") as f:
        f.write(fodt(["Liberation Serif", "Liberation Sans"], automatic, footer, "\n".join(body), lang="es", country="ES", header=header))
    soffice(path, "brochure.fodt")
    write_expected(path, order, {"title": "Cooperación Sur-Sur y triangular de la OIT: fichas de proyectos", "biennium": None,
                                 "statedProjectCount": 18, "statedCountryCount": None},
                   "Spanish edition. LibreOffice Writer (flat ODF brochure.fodt written by producers.py, converted with headless "
                   "soffice), A4 portrait, one column: cover page, each region starting a page with a heading, the region also in "
                   "the running head (a chapter field) so continuation pages name it only there; letter-spaced (0.06 cm) bold "
                   "upper-case titles; labelled lines `Países:` (names from Debian's iso-codes Spanish translations) under the "
                   "title and `Socios:`, `Presupuesto:`, `Duración:` after the justified description; `Resultado N:` line with a "
                   "rule on its left; the ITC-free selection still has cards breaking across pages.",
                   producer="LibreOffice Writer", lang="es", labels=("partners", "budget", "duration"))
    return path

# ---------------------------------------------------------------------------------------------------------------
def reportlab_factsheet(lang):
    """Spanish or French fact sheets, ReportLab: one region per page, each card a title in white
    on a dark bar, the description, then the outcome line; the projects name countries that are easy to confuse."""
    design = f"reportlab-factsheet-{lang}"
    if with_reportlab(design): return folder(design)
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, KeepTogether, PageBreak
    path = folder(design)
    hard = hard_cards(lang)
    plan = [(AFRICA, [c for c in hard if c["region"] == AFRICA]),
            (ASIA, [c for c in hard if c["region"] == ASIA] + cards(idx(ASIA), lang)),
            (LAC, [c for c in hard if c["region"] == LAC] + cards(idx(LAC), lang))]
    navy = colors.HexColor("#1a237e")
    words = {"es": ("Fichas de proyectos de cooperación Sur-Sur", "OIT · Fichas de proyectos"),
             "fr": ("Fiches de projets de coopération Sud-Sud", "OIT · Fiches de projets")}[lang]
    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(56, 30, words[1])
        canvas.drawRightString(A4[0] - 56, 30, str(doc.page))
        canvas.restoreState()
    region_st = ParagraphStyle("r", fontName="Helvetica-Bold", fontSize=18, leading=22, textColor=navy, spaceAfter=10)
    title_st = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=11, leading=14, textColor=colors.white)
    body_st = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=13, alignment=TA_JUSTIFY, spaceBefore=5)
    out_st = ParagraphStyle("o", fontName="Helvetica-Oblique", fontSize=8.5, leading=11, textColor=navy, spaceBefore=3)
    story = [Paragraph(X(words[0]), ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=24, leading=28, textColor=navy, spaceAfter=16))]
    order = []
    for k, (region, group) in enumerate(plan):
        if k: story.append(PageBreak())
        story.append(Paragraph(X(region_name(region, lang)), region_st))
        for c in group:
            order.append(c)
            bar = Table([[Paragraph(X(c["title"]), title_st)]], colWidths=[A4[0] - 112])
            bar.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), navy), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                                     ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
            parts = [bar, Paragraph(X(c["description"]), body_st)]
            if c["outcome"]: parts.append(Paragraph(X(outcome_line(c)), out_st))
            story += [KeepTogether(parts), Spacer(1, 14)]
    SimpleDocTemplate(os.path.join(path, "brochure.pdf"), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=50, bottomMargin=50,
                      title=words[0], author="OIT").build(story, onFirstPage=decorate, onLaterPages=decorate)
    language = {"es": "Spanish", "fr": "French"}[lang]
    write_expected(path, order, {"title": words[0], "biennium": None, "statedProjectCount": None, "statedCountryCount": None},
                   f"{language} fact sheets. ReportLab (standard Helvetica, not embedded), A4 portrait, one column: a region heading "
                   "starting each region's page, each card a title in white on a "
                   "navy bar, the justified description, then the italic outcome line. The first projects name countries that are "
                   "easy to confuse (Papua New Guinea, Equatorial Guinea, Guinea-Bissau and the Gulf of Guinea; the two Congos; "
                   "Sudan and South Sudan; Niger and Nigeria; Dominica and the Dominican Republic; the Republic of Korea). "
                   f"Source: reportlab_factsheet(\"{lang}\") in producers.py; texts in projects_i18n.py.",
                   producer="ReportLab", lang=lang)
    return path

# ---------------------------------------------------------------------------------------------------------------
def latex_framed_en():
    """pdfTeX, tcolorbox: each card a framed box with its bold title in a coloured title bar, the description, then an
    italic outcome line at the foot of the box; two boxes per row (a tcbraster, equal heights per row), unnumbered
    region headings between the rows."""
    regions = [LAC, ARAB, ASIA, EUROPE]
    order = [c for r in regions for c in cards(idx(r))]
    for c in order:  # a closing sentence on every other card: boxes of unequal natural height side by side
        if c["index"] % 2 == 1:
            c["description"] += (" Results will be shared with constituents in other regions through a short practice note "
                                 f"and an online seminar hosted by {country_list(c, 'en').split(', ')[0]}.")
    body, current, row = [], None, []
    def flush():
        if row: body.append("\\begin{tcbraster}[raster columns=2, raster equal height=rows, raster column skip=5mm, raster row skip=5mm]\n"
                            + "\n".join(row) + "\n\\end{tcbraster}")
        row.clear()
    for c in order:
        if c["region"] != current:
            flush()
            current = c["region"]
            body.append(f"\\section*{{{tex(current)}}}")
        row.append("\\begin{card}{" + tex(c["title"]) + "}\n" + tex(c["description"])
                   + ("\n\\tcblower\n" + tex(outcome_line(c)) if c["outcome"] else "") + "\n\\end{card}")
    flush()
    source = r"""\documentclass[10pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage[english]{babel}
\usepackage{microtype}
\usepackage[a4paper,top=22mm,bottom=22mm,left=18mm,right=18mm,headsep=6mm]{geometry}
\usepackage[dvipsnames]{xcolor}
\usepackage[most]{tcolorbox}
\usepackage{fancyhdr}
\usepackage{titlesec}
\definecolor{ilo}{HTML}{1E2D78}
\definecolor{pale}{HTML}{EEF1FA}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{\footnotesize\sffamily ILO $\cdot$ South-South and Triangular Cooperation}
\fancyhead[R]{\footnotesize\sffamily Project cards 2022--2023}
\fancyfoot[C]{\footnotesize\sffamily\thepage}
\renewcommand{\headrulewidth}{0.4pt}
\titleformat{\section}{\color{ilo}\Large\sffamily\bfseries\raggedright}{}{0pt}{}
\titlespacing*{\section}{0pt}{12pt plus 3pt}{7pt}
\setlength{\parindent}{0pt}
\newtcolorbox{card}[1]{enhanced, colback=pale, colframe=ilo, colbacktitle=ilo, coltitle=white, arc=2mm, boxrule=0.8pt,
  fonttitle=\bfseries\normalsize\raggedright, title={#1}, left=2.5mm, right=2.5mm, top=2mm, bottom=2mm,
  before upper={\raggedright}, fontlower=\small\itshape, segmentation hidden, space to upper, valign lower=bottom}
\begin{document}
{\color{ilo}\sffamily\bfseries\Huge South-South and Triangular Cooperation\par}\vspace{4pt}
{\color{ilo}\sffamily\LARGE Project cards 2022--2023\par}\vspace{10pt}
{\large This booklet presents fourteen South-South and triangular cooperation projects carried out by ILO constituents in
the 2022--2023 biennium, grouped by region. Each card gives the project's aim and, at its foot, the outcome of the
Programme and Budget that the exchange serves.\par}\vspace{6pt}
""" + "\n\n".join(body) + "\n\\end{document}\n"
    path = folder("latex-framed-en")
    latex(path, source)
    write_expected(path, order, {"title": "South-South and Triangular Cooperation Project cards 2022-2023", "biennium": "2022-2023",
                                 "statedProjectCount": 14, "statedCountryCount": None},
                   "pdfTeX (Latin Modern, T1, microtype) with tcolorbox, A4 portrait: each card a framed, pale-shaded box with "
                   "rounded corners, its bold title in white on the box's navy title bar, the ragged-right description, then an "
                   "italic `Outcome N: …` line at the foot of the box; two boxes side by side per row (a tcbraster, both boxes "
                   "of a row stretched to the same height), unnumbered sans-serif region headings between the rows; running "
                   "head and centred folio. Source: brochure.tex (written by producers.py).",
                   producer=pdf_producer(os.path.join(path, "brochure.pdf")).split("-")[0], lang="en")
    return path

# ---------------------------------------------------------------------------------------------------------------
def reportlab_panels_es():
    """Spanish edition, ReportLab: one card per shaded panel with rounded corners (a one-column Table), the bold title at
    the top of the panel, the description, then the `Resultado N: …` line under a thin rule, last inside the panel;
    panels in a single column with upper-case region headings between them."""
    if with_reportlab("reportlab-panels-es"): return folder("reportlab-panels-es")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, KeepTogether
    path = folder("reportlab-panels-es")
    plan = [(AFRICA, cards(idx(AFRICA)[:6], "es")), (LAC, cards(idx(LAC), "es")), (INTER, cards(idx(INTER), "es"))]
    green, pale = colors.HexColor("#00594f"), colors.HexColor("#e3f1ee")
    title = "Proyectos de cooperación Sur-Sur y triangular 2022-2023"
    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(56, 30, "OIT · Cooperación Sur-Sur y triangular · Proyectos 2022-2023")
        canvas.drawRightString(A4[0] - 56, 30, f"Página {doc.page}")
        canvas.restoreState()
    region_st = ParagraphStyle("r", fontName="Helvetica-Bold", fontSize=14, leading=18, textColor=green, spaceBefore=8, spaceAfter=8)
    title_st = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=11.5, leading=14.5, textColor=green)
    body_st = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=13, alignment=TA_JUSTIFY)
    out_st = ParagraphStyle("o", fontName="Helvetica-Oblique", fontSize=8.5, leading=11, textColor=colors.HexColor("#333333"))
    story = [Paragraph(X(title), ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=22, leading=27, textColor=green, spaceAfter=8)),
             Paragraph("Esta selección presenta 12 proyectos de cooperación Sur-Sur y triangular que los mandantes de la OIT "
                       "llevan a cabo durante el bienio 2022-2023. Cada panel indica el objetivo del proyecto y el resultado del "
                       "Programa y Presupuesto al que contribuye.",
                       ParagraphStyle("i", fontName="Helvetica", fontSize=11, leading=15, spaceAfter=10))]
    order = []
    width = A4[0] - 112
    for region, group in plan:
        story.append(Paragraph(X(region_name(region, "es").upper()), region_st))
        for c in group:
            order.append(c)
            rows = [[Paragraph(X(c["title"]), title_st)], [Paragraph(X(c["description"]), body_st)]]
            if c["outcome"]: rows.append([Paragraph(X(outcome_line(c)), out_st)])
            panel = Table(rows, colWidths=[width], cornerRadii=[7, 7, 7, 7])
            panel.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), pale), ("LEFTPADDING", (0, 0), (-1, -1), 12),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, 0), 10),
                                       ("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                                       ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
                                       ("LINEABOVE", (0, 2), (-1, 2), 0.5, colors.HexColor("#7fb2aa"))]))
            story += [KeepTogether([panel]), Spacer(1, 12)]
    SimpleDocTemplate(os.path.join(path, "brochure.pdf"), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=50, bottomMargin=50,
                      title=title, author="OIT").build(story, onFirstPage=decorate, onLaterPages=decorate)
    write_expected(path, order, {"title": title, "biennium": "2022-2023", "statedProjectCount": 12, "statedCountryCount": None},
                   "Spanish edition. ReportLab (standard Helvetica, not embedded), A4 portrait, one column: a title and an intro "
                   "paragraph, then one card per shaded panel with rounded corners (a one-column Table on a pale green ground): "
                   "the bold green title at the top of the panel, the justified description, then the italic `Resultado N: …` "
                   "line under a thin rule, last inside the panel; upper-case region headings (ÁFRICA, AMÉRICA LATINA Y EL "
                   "CARIBE, INTERREGIONAL) between the panels; footer with the edition and `Página N`. Source: "
                   "reportlab_panels_es() in producers.py; texts in projects_i18n.py.",
                   producer="ReportLab", lang="es")
    return path

DESIGNS = {"reportlab-factsheet-es": lambda: reportlab_factsheet("es"), "reportlab-factsheet-fr": lambda: reportlab_factsheet("fr"),
           "writer-spaced-es": writer_spaced_es, "latex-article": latex_article, "writer-table": writer_table, "impress-slides": impress_slides, "reportlab-runin": reportlab_runin,
           "lualatex-es": lualatex_sidebyside_es, "groff-fr": groff_fr,
           "latex-framed-en": latex_framed_en, "reportlab-panels-es": reportlab_panels_es}

if __name__ == "__main__":
    for name in sys.argv[1:] or DESIGNS:
        DESIGNS[name]()
        print("rendered", name)
