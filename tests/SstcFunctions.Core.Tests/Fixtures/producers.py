#!/usr/bin/env python3
"""Renders the fixture brochures made by producers other than Chromium: one folder per design with the source
(brochure.tex / .fodt / .fodp / .py), brochure.pdf, expected.json and README.md.

Ground truth comes from the project data (projects.py, projects_i18n.py); pages are read back with pdftotext.
Usage: python3 producers.py [design ...]
Needs (Debian): texlive-latex-recommended texlive-latex-extra lmodern texlive-lang-spanish texlive-lang-french
libreoffice-writer-nogui libreoffice-impress-nogui python3-reportlab groff poppler-utils iso-codes.
ReportLab designs need the Debian python3 (/usr/bin/python3) when another python3 comes first on PATH.
"""
import html, os, sys
sys.dont_write_bytecode = True
from projects import LAC, AFRICA, ARAB, ASIA, EUROPE, ITC, INTER, PROJECTS
from fixturelib import cards, region_name, outcome_line, country_list, write_expected, latex, soffice, pdf_producer

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

def fodt(fonts, automatic, footer, body, lang="en", country="GB", size="9.5pt", font="Liberation Serif"):
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
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer>{footer}</style:footer></style:master-page></office:master-styles>
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

DESIGNS = {"latex-article": latex_article, "writer-table": writer_table}

if __name__ == "__main__":
    for name in sys.argv[1:] or DESIGNS:
        DESIGNS[name]()
        print("rendered", name)
