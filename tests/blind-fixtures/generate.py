#!/usr/bin/env python3
"""Blind fixtures: brochures the extractor is never tuned on. No test reads this folder; only
`scripts/accuracy.sh --blind` scores them. Whoever tunes the extractor should not open these PDFs or sources.

Same ground-truth method as tests/SstcFunctions.Core.Tests/Fixtures (project data there, pages read back with pdftotext).
Usage: python3 generate.py [design ...]   (needs the producers listed in ../SstcFunctions.Core.Tests/Fixtures/producers.py)
"""
import os, subprocess, sys
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "SstcFunctions.Core.Tests", "Fixtures"))
from projects import LAC, AFRICA, ARAB, ASIA, EUROPE, ITC, INTER, PROJECTS
from fixturelib import cards, region_name, outcome_line, country_list, write_expected, soffice, latex
from producers import X, fodt, idx, tex

def folder(name):
    path = os.path.join(HERE, name)
    os.makedirs(path, exist_ok=True)
    return path

# ---------------------------------------------------------------------------------------------------------------
def writer_columns_fr():
    """French, LibreOffice Writer: a two-column section that flows cards across columns, shaded title paragraphs,
    labelled lines after the description, outcome line before the title."""
    regions = [LAC, ARAB, ASIA, EUROPE, INTER]
    automatic = """
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.4cm" fo:margin-bottom="1.2cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Sect" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.45cm"/></style:section-properties></style:style>
 <style:style style:name="Mast" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="22pt" fo:font-weight="bold" fo:color="#b71c1c" style:font-name="DejaVu Sans"/></style:style>
 <style:style style:name="Sub" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
 <style:style style:name="Region" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="#b71c1c" style:font-name="DejaVu Sans" fo:text-transform="uppercase"/></style:style>
 <style:style style:name="Out" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="7.5pt" fo:color="#b71c1c" style:font-name="DejaVu Sans"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:background-color="#eeeeee" fo:padding="0.08cm" fo:margin-bottom="0.12cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="10pt" fo:font-weight="bold" style:font-name="DejaVu Sans"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.1cm"/><style:text-properties fo:hyphenate="true"/></style:style>
 <style:style style:name="Lab" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt" fo:color="#777777"/></style:style>"""
    order = [c for r in regions for c in cards(idx(r), "fr")]
    body = ['<text:p text:style-name="Mast">Coopération Sud-Sud et triangulaire : le portefeuille 2022–2023</text:p>',
            '<text:p text:style-name="Sub">Seize échanges entre pays du Sud soutenus par l’Organisation internationale du Travail.</text:p>',
            '<text:section text:style-name="Sect" text:name="Flow">']
    current = None
    for c in order:
        if c["region"] != current:
            current = c["region"]
            body.append(f'<text:p text:style-name="Region">{X(region_name(current, "fr"))}</text:p>')
        if c["outcome"]: body.append(f'<text:p text:style-name="Out">{X(outcome_line(c))}</text:p>')
        body.append(f'<text:p text:style-name="Title">{X(c["title"])}</text:p>')
        body.append(f'<text:p text:style-name="Body">{X(c["description"])}</text:p>')
        for name, key in [("Partenaires", "partners"), ("Budget", "budget"), ("Durée", "duration")]:
            body.append(f'<text:p text:style-name="Lab"><text:span text:style-name="B">{name}\u00a0:</text:span> {X(c[key])}</text:p>')
    body.append('</text:section>')
    footer = '<text:p text:style-name="Footer">Portefeuille CSST 2022–2023 – page <text:page-number text:select-page="current"/></text:p>'
    path = folder("writer-columns-fr")
    with open(os.path.join(path, "brochure.fodt"), "w", encoding="utf-8") as f:
        f.write(fodt(["DejaVu Sans", "Liberation Serif"], automatic, footer, "\n".join(body), lang="fr", country="FR", size="9pt"))
    soffice(path, "brochure.fodt")
    write_expected(path, order, {"title": "Coopération Sud-Sud et triangulaire : le portefeuille 2022–2023", "biennium": "2022-2023",
                                 "statedProjectCount": 16, "statedCountryCount": None},
                   "Blind fixture (French, LibreOffice Writer). See generate.py.", producer="LibreOffice Writer", lang="fr",
                   labels=("partners", "budget", "duration"))

# ---------------------------------------------------------------------------------------------------------------
def reportlab_boxes_es():
    """Spanish, ReportLab, landscape: three boxed cards per row on filled rounded panels, `Países:` line under the title,
    outcome badge at the bottom of the box, region in the page header only."""
    if subprocess.run([sys.executable, "-c", "import reportlab"], capture_output=True).returncode != 0 and sys.executable != "/usr/bin/python3":
        subprocess.run(["/usr/bin/python3", os.path.abspath(__file__), "reportlab-boxes-es"], check=True)
        return
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph
    from reportlab.pdfgen import canvas as pdfcanvas
    path = folder("reportlab-boxes-es")
    W, H = landscape(A4)
    cv = pdfcanvas.Canvas(os.path.join(path, "brochure.pdf"), pagesize=(W, H))
    cv.setTitle("Cooperación Sur-Sur: fichas de proyectos")
    title_st = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=11, leading=13.5, textColor=colors.HexColor("#004d40"))
    lab_st = ParagraphStyle("l", fontName="Helvetica-Oblique", fontSize=7.5, leading=9.5, textColor=colors.HexColor("#37474f"))
    body_st = ParagraphStyle("b", fontName="Helvetica", fontSize=8.5, leading=11)
    out_st = ParagraphStyle("o", fontName="Helvetica-Bold", fontSize=7, leading=8.5, textColor=colors.white)
    plan = [(AFRICA, idx(AFRICA)[:3]), (AFRICA, idx(AFRICA)[3:6]), (AFRICA, idx(AFRICA)[6:]), (ITC, idx(ITC)), (ASIA, idx(ASIA)[:3]), (ASIA, idx(ASIA)[3:])]
    order = []
    for number, (region, indexes) in enumerate(plan, start=1):
        cv.setFillColor(colors.HexColor("#004d40")); cv.rect(0, H - 46, W, 46, stroke=0, fill=1)
        cv.setFillColor(colors.white); cv.setFont("Helvetica-Bold", 16); cv.drawString(36, H - 31, region_name(region, "es"))
        cv.setFont("Helvetica", 8); cv.drawRightString(W - 36, H - 29, "OIT · Fichas de proyectos de cooperación Sur-Sur")
        cv.setFillColor(colors.HexColor("#78909c")); cv.drawCentredString(W / 2, 20, f"{number}")
        group = cards(indexes, "es")
        order.extend(group)
        bw, gap = (W - 72 - 2 * 14) / 3, 14
        for k, c in enumerate(group):
            x, top, bh = 36 + k * (bw + gap), H - 70, H - 130
            cv.setFillColor(colors.HexColor("#e0f2f1")); cv.roundRect(x, top - bh, bw, bh, 8, stroke=0, fill=1)
            y = top - 12
            for text, st in [(c["title"], title_st), ("Países: " + country_list(c, "es") if c["countries"] else None, lab_st), (c["description"], body_st)]:
                if text is None: continue
                para = Paragraph(X(text), st)
                _, h = para.wrap(bw - 24, bh)
                para.drawOn(cv, x + 12, y - h)
                y -= h + 8
            if c["outcome"]:
                para = Paragraph(X(outcome_line(c)), out_st)
                _, h = para.wrap(bw - 36, 100)
                cv.setFillColor(colors.HexColor("#00796b")); cv.roundRect(x + 12, top - bh + 12, bw - 24, h + 10, 5, stroke=0, fill=1)
                para.drawOn(cv, x + 18, top - bh + 17)
        cv.showPage()
    cv.save()
    write_expected(path, order, {"title": None, "biennium": None, "statedProjectCount": None, "statedCountryCount": None},
                   "Blind fixture (Spanish, ReportLab). See generate.py.", producer="ReportLab", lang="es")

# ---------------------------------------------------------------------------------------------------------------
def latex_boxes_en():
    """English, pdfTeX, Palatino + Helvetica, two balanced columns of boxed cards (tcolorbox title bars, outcome in
    the lower part); each region starts a page with a heading, a continuation page names it only in the running head."""
    regions = [AFRICA, LAC, EUROPE, ITC, INTER]
    order = [c for r in regions for c in cards(idx(r))]
    for c in order:
        if c["countries"]:
            c["description"] += (f" A closing seminar hosted by {country_list(c, 'en').split(', ')[0]} will share the results "
                                 "with the constituents of other regions.")
    body, current = [], None
    for c in order:
        if c["region"] != current:
            if current is not None: body.append("\\end{multicols}")
            current = c["region"]
            body.append(f"\\regionhead{{{tex(current)}}}\n\\begin{{multicols}}{{2}}")
        lower = f"\n\\tcblower\n{{\\footnotesize {tex(outcome_line(c))}}}" if c["outcome"] else ""
        body.append(f"\\begin{{cardbox}}{{{tex(c['title'])}}}\n{tex(c['description'])}{lower}\n\\end{{cardbox}}")
    body.append("\\end{multicols}")
    source = r"""\documentclass[12pt]{extarticle}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{mathpazo}
\usepackage[scaled=0.92]{helvet}
\usepackage[english]{babel}
\usepackage[a4paper,top=20mm,bottom=18mm,left=16mm,right=16mm,headsep=5mm]{geometry}
\usepackage{multicol}
\usepackage[most]{tcolorbox}
\usepackage{fancyhdr}
\setlength{\columnsep}{10pt}
\raggedcolumns
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{\sffamily\footnotesize\bfseries\rightmark}
\fancyhead[R]{\sffamily\footnotesize South-South and Triangular Cooperation $\cdot$ Portfolio review}
\fancyfoot[R]{\sffamily\footnotesize\thepage}
\renewcommand{\headrulewidth}{0.3pt}
\newcommand{\regionhead}[1]{\clearpage\markright{#1}\par\vspace{4pt}{\sffamily\Large\bfseries\color{orange!70!black}#1\par}\vspace{2pt}}
\newtcolorbox{cardbox}[1]{enhanced,colback=orange!4,colframe=orange!70!black,boxrule=0.5pt,arc=2pt,
  fonttitle=\sffamily\bfseries\small,title={#1},left=4pt,right=4pt,top=3pt,bottom=3pt,segmentation style={dashed}}
\setlength{\parindent}{0pt}
\begin{document}
""" + "\n".join(body) + "\n\\end{document}\n"
    path = folder("latex-boxes-en")
    latex(path, source)
    write_expected(path, order, {"title": None, "biennium": None, "statedProjectCount": None, "statedCountryCount": None},
                   "Blind fixture (English, pdfTeX). See generate.py.", producer="pdfTeX", lang="en")

# ---------------------------------------------------------------------------------------------------------------
# The two designs below use their own project data (more_projects.py), not the tuned fixtures' projects.
def lualatex_photos_es():
    """Spanish, LuaLaTeX (Latin Modern body, DejaVu Sans Condensed titles, babel spanish), A4 two-column flow
    (standard twocolumn class, not multicol): a full-width masthead and intro on page 1, region headings in the column
    with a rule, bold sans titles, justified hyphenated descriptions, grey photo placeholders with an italic
    `Foto: …` caption between some descriptions and their outcome line (`Resultado de política N: …`, small, in
    colour); cards break across columns and pages; running footer with the page number."""
    from more_projects import ES, REGION_ES
    body, current = [], None
    for c in ES:
        if c["region"] != current:
            current = c["region"]
            body.append(f"\\regionhead{{{tex(REGION_ES[current])}}}")
        body.append(f"\\cardtitle{{{tex(c['title'])}}}\n{tex(c['description'])}\\par")
        if c["caption"]: body.append(f"\\photo{{{tex(c['caption'])}}}")
        body.append(f"\\outcome{{Resultado de política {c['outcome']}: {tex(c['outcome_title'])}}}")
    source = r"""\documentclass[a4paper,10pt,twocolumn]{article}
\usepackage{fontspec}
\usepackage[spanish]{babel}
\usepackage[top=18mm,bottom=20mm,left=15mm,right=15mm,columnsep=7mm]{geometry}
\usepackage{xcolor}
\usepackage{fancyhdr}
\newfontfamily\titlefont{DejaVu Sans Condensed}[Scale=0.92]
\definecolor{ilo}{HTML}{1E2DBE}
\pagestyle{fancy}\fancyhf{}
\fancyfoot[L]{\titlefont\scriptsize OIT $\cdot$ Cooperación Sur-Sur y triangular $\cdot$ Proyectos 2020--2021}
\fancyfoot[R]{\titlefont\scriptsize página \thepage}
\renewcommand{\headrulewidth}{0pt}
\setlength{\parindent}{0pt}\setlength{\parskip}{2pt}
\newcommand{\regionhead}[1]{\par\vspace{8pt}{\titlefont\large\bfseries\color{ilo}#1\par}\vspace{-2pt}{\color{ilo}\rule{\linewidth}{0.8pt}}\par\vspace{2pt}}
\newcommand{\cardtitle}[1]{\par\vspace{7pt}{\titlefont\bfseries\normalsize\raggedright #1\par}\vspace{2pt}}
\newcommand{\photo}[1]{\par\vspace{3pt}\noindent\colorbox{black!12}{\parbox[c][2.4cm][c]{\dimexpr\linewidth-2\fboxsep}{\centering\color{black!30}\rule{1.2cm}{0.9cm}}}\par
  {\footnotesize\itshape\color{black!70}#1\par}}
\newcommand{\outcome}[1]{\par\vspace{2pt}{\titlefont\scriptsize\color{ilo}\raggedright #1\par}}
\begin{document}
\twocolumn[{\titlefont\huge\bfseries\color{ilo}Cooperación Sur-Sur y triangular\par}
\vspace{3pt}{\titlefont\large Quince proyectos de intercambio entre países del Sur\par}
\vspace{6pt}{\small Esta selección presenta iniciativas en las que ministerios, organizaciones de empleadores y de trabajadores
comparten experiencias con sus pares de otras regiones, con el apoyo técnico de la Organización Internacional del Trabajo. Cada ficha indica los países participantes,
las principales actividades previstas y el resultado de política del Programa y Presupuesto de la OIT al que contribuye.\par}
\vspace{10pt}]
""" + "\n".join(body) + "\n\\end{document}\n"
    path = folder("lualatex-photos-es")
    latex(path, source, engine="lualatex")
    write_expected(path, ES, {"title": "Cooperación Sur-Sur y triangular", "biennium": "2020-2021", "statedProjectCount": 15,
                              "statedCountryCount": None},
                   "# lualatex-photos-es\n\nBlind fixture (Spanish, 15 cards, LuaLaTeX via fontspec, from brochure.tex). " + " ".join(lualatex_photos_es.__doc__.split())
                   + "\n\nProject data: more_projects.py (ES), written for this fixture. Regenerate (needs lualatex, pdftotext): "
                   "`python3 generate.py lualatex-photos-es`; expected.json is written from the data, pages read back with pdftotext.", producer="LuaTeX", lang="es")

# ---------------------------------------------------------------------------------------------------------------
def chromium_numbered_en():
    """English, Chromium from HTML (brochure.html), A4 portrait, one wide column: numbered region sections
    (`3 Latin America and the Caribbean`) and numbered card headings (`3.2 Title`: the number is not part of the
    title), a two-by-two grid of labelled lines (`Countries:`, `Partners:`, `Budget:`, `Duration:`) under the heading,
    the description, then `Policy Outcome N: …`; full-width pull quotes (large italic, with an attribution line)
    between some cards; cards may break across pages; running footer."""
    import html
    from more_projects import EN
    from fixturelib import country_name
    E = html.escape
    parts, current, section, number = [], None, 0, 0
    for c in EN:
        if c["region"] != current:
            current, section, number = c["region"], section + 1, 0
            parts.append(f'<h2><span class="num">{section}</span> {E(current)}</h2>')
        number += 1
        countries = ", ".join(country_name(code, "en") for code in c["countries"])
        parts.append(f"""<article>
 <h3><span class="num">{section}.{number}</span> {E(c['title'])}</h3>
 <dl><div><dt>Countries:</dt><dd>{E(countries)}</dd></div><div><dt>Partners:</dt><dd>{E(c['partners'])}</dd></div>
  <div><dt>Budget:</dt><dd>{E(c['budget'])}</dd></div><div><dt>Duration:</dt><dd>{E(c['duration'])}</dd></div></dl>
 <p class="desc">{E(c['description'])}</p>
 <p class="outcome">Policy Outcome {c['outcome']}: {E(c['outcome_title'])}</p>
</article>""")
        if c["quote"]:
            parts.append(f'<blockquote><p>“{E(c["quote"][0])}”</p><footer>— {E(c["quote"][1])}</footer></blockquote>')
    page = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>South-South and Triangular Cooperation: project portfolio</title>
<style>
@page { size: A4; margin: 18mm 20mm 20mm 20mm; }
body { font-family: 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.38; color: #222; margin: 0; }
header.mast { border-bottom: 3px solid #1e2dbe; margin-bottom: 10pt; padding-bottom: 6pt; }
header.mast h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 21pt; color: #1e2dbe; margin: 0 0 4pt 0; }
header.mast p { margin: 0; font-style: italic; }
h2 { font-family: 'DejaVu Sans', sans-serif; font-size: 15pt; color: #1e2dbe; margin: 16pt 0 6pt 0; break-after: avoid; }
h3 { font-family: 'DejaVu Sans', sans-serif; font-size: 11.5pt; margin: 12pt 0 4pt 0; break-after: avoid; }
.num { color: #e05a2b; margin-right: 4pt; }
article { border-left: 2px solid #d0d4f0; padding-left: 10pt; margin-bottom: 8pt; }
dl { display: grid; grid-template-columns: 1fr 1fr; column-gap: 14pt; row-gap: 1pt; margin: 0 0 4pt 0;
     font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #444; break-inside: avoid; }
dl div { display: flex; gap: 4pt; } dt { font-weight: bold; } dd { margin: 0; }
p.desc { text-align: justify; margin: 4pt 0; }
p.outcome { font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #1e2dbe; margin: 2pt 0 0 0; }
blockquote { margin: 12pt 40pt; padding: 6pt 0; border-top: 1px solid #e05a2b; border-bottom: 1px solid #e05a2b;
             font-size: 15pt; font-style: italic; color: #e05a2b; break-inside: avoid; }
blockquote p { margin: 0 0 3pt 0; } blockquote footer { font-size: 8.5pt; font-style: normal; color: #555; }
</style></head><body>
<header class="mast"><h1>South-South and Triangular Cooperation: project portfolio</h1>
<p>Fifteen peer-to-peer projects supported by the International Labour Organization, grouped by region.</p></header>
""" + "\n".join(parts) + "\n</body></html>\n"
    path = folder("chromium-numbered-en")
    with open(os.path.join(path, "brochure.html"), "w", encoding="utf-8") as f: f.write(page)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--print-to-pdf=" + os.path.join(path, "brochure.pdf"), "--no-pdf-header-footer",
                    "file://" + os.path.join(path, "brochure.html")], check=True, capture_output=True)
    write_expected(path, EN, {"title": "South-South and Triangular Cooperation: project portfolio", "biennium": None,
                              "statedProjectCount": 15, "statedCountryCount": None},
                   "# chromium-numbered-en\n\nBlind fixture (English, 15 cards, headless Chromium printing brochure.html). " + " ".join(chromium_numbered_en.__doc__.split())
                   + " Expected titles are the headings without their number; `partners`, `budget` and `duration` are the labelled lines."
                   + "\n\nProject data: more_projects.py (EN), written for this fixture. Regenerate (needs chromium, pdftotext): "
                   "`python3 generate.py chromium-numbered-en`; expected.json is written from the data, pages read back with pdftotext.", producer="Chromium", lang="en",
                   labels=("partners", "budget", "duration"))

DESIGNS = {"writer-columns-fr": writer_columns_fr, "reportlab-boxes-es": reportlab_boxes_es, "latex-boxes-en": latex_boxes_en,
           "lualatex-photos-es": lualatex_photos_es, "chromium-numbered-en": chromium_numbered_en}

if __name__ == "__main__":
    for name in sys.argv[1:] or DESIGNS:
        DESIGNS[name]()
        print("rendered", name)
