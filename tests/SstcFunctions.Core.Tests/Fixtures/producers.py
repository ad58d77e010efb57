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

DESIGNS = {"latex-article": latex_article}

if __name__ == "__main__":
    for name in sys.argv[1:] or DESIGNS:
        DESIGNS[name]()
        print("rendered", name)
