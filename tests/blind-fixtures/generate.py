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

DESIGNS = {"writer-columns-fr": writer_columns_fr, "reportlab-boxes-es": reportlab_boxes_es, "latex-boxes-en": latex_boxes_en}

if __name__ == "__main__":
    for name in sys.argv[1:] or DESIGNS:
        DESIGNS[name]()
        print("rendered", name)
