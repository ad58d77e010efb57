#!/usr/bin/env python3
"""Renders the fixture brochures: one folder per design with brochure.html, brochure.pdf, expected.json, README.md.

The ground truth comes from the project data in projects.py; the page of each card is read back from the PDF with
pdftotext (an independent extractor), so expected.json never depends on the code under test.
Usage: python3 generate.py [design ...]     (needs chromium and pdftotext)
"""
import html, json, os, random, re, subprocess, sys, tempfile
sys.dont_write_bytecode = True
from projects import PROJECTS, OUTCOMES, LAC, AFRICA, ARAB, ASIA, EUROPE, ITC, INTER

HERE = os.path.dirname(os.path.abspath(__file__))
E = lambda s: html.escape(s, quote=False)

def soft_hyphens(text):
    """Soft hyphens in long words so Chromium may break them ("employ&shy;ment")."""
    def word(m):
        w = m.group(0)
        if len(w) < 9: return E(w)
        cut = [i for i in range(4, len(w) - 3) if w[i] in "aeiou" and w[i + 1] not in "aeiou"]
        return E(w[:cut[0] + 2]) + "&shy;" + E(w[cut[0] + 2:]) if cut else E(w)
    return re.sub(r"[A-Za-z]+", word, text)

def outcome_line(p):
    return f"Outcome {p['outcome']}: {OUTCOMES[p['outcome']]}" if p["outcome"] else None

def by_region(region):
    return [p for p in PROJECTS if p["region"] == region]

def render(folder, doc):
    path = os.path.join(HERE, folder)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "brochure.html"), "w", encoding="utf-8") as f: f.write(doc)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={os.path.join(path, 'brochure.pdf')}", os.path.join(path, "brochure.html")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path

def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return [re.sub(r"\s+", " ", t.replace("\u00ad", "").replace("\u2010 ", "").replace("\u2010\n", "")) for t in out.split("\f")]

def write_expected(path, projects, brochure, readme, tags=lambda p: p["tags"]):
    pages = page_texts(os.path.join(path, "brochure.pdf"))
    entries = []
    for p in projects:
        words = " ".join(p["title"].split()[:4])
        page = next((i + 1 for i, t in enumerate(pages) if words.lower() in t.lower()), None)
        if page is None: sys.exit(f"{path}: title '{words}' not found in the PDF")
        entries.append({"page": page, "region": p["region"], "title": p["title"],
                        "descriptionStartsWith": " ".join(p["description"].split()[:8]),
                        "countries": p["countries"], "countriesOptional": p["countriesOptional"],
                        "outcome": p["outcome"], "topics": p["topics"], "tags": tags(p)})
    with open(os.path.join(path, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "brochure.pdf", "brochure": brochure, "projects": entries}, f, ensure_ascii=False, indent=1)
    with open(os.path.join(path, "README.md"), "w", encoding="utf-8") as f: f.write(readme.strip() + "\n")

# ---------------------------------------------------------------------------------------------------------------
def field_notes():
    """Portrait, serif, two-column flow; cards break across columns and pages; running header and "Page N of M"."""
    order = by_region(LAC) + by_region(AFRICA)[:4] + by_region(ARAB) + by_region(INTER)
    css = """
@page { size: A4; margin: 24mm 18mm 22mm 18mm;
  @top-left { content: "Field Notes 2024-2025 · ILO Partnerships"; font: 7.5pt "Liberation Serif"; color: #777; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 7.5pt "Liberation Serif"; color: #777; } }
@page :first { @top-left { content: none; } @bottom-center { content: none; } }
body { font-family: "Liberation Serif", serif; color: #1b1b1b; margin: 0; }
.cover h1 { font-size: 30pt; line-height: 36pt; margin: 120pt 0 24pt 0; color: #14365d; }
.cover p { font-size: 12.5pt; line-height: 18pt; }
.contents { break-before: page; break-after: page; }
.contents h2 { font-size: 16pt; }
.contents p { font-size: 11pt; line-height: 20pt; margin: 0; }
.flow { column-count: 2; column-gap: 22pt; }
h2.region { column-span: all; font-size: 17pt; color: #8a2b0e; border-bottom: 1.5pt solid #8a2b0e; margin: 14pt 0 10pt 0; padding-bottom: 3pt; }
.tags { font-size: 7.5pt; letter-spacing: 0.6pt; text-transform: uppercase; color: #6b6b6b; margin: 0 0 2pt 0; break-after: avoid; }
h3 { font-size: 12.5pt; line-height: 15pt; margin: 0 0 4pt 0; break-after: avoid; }
.d { font-size: 10pt; line-height: 13.5pt; margin: 0 0 4pt 0; text-align: justify; hyphens: manual; orphans: 2; widows: 2; }
.o { font-style: italic; font-size: 8.5pt; line-height: 11pt; margin: 0; color: #444; }
.card { margin: 0 0 16pt 0; padding-top: 6pt; border-top: 0.5pt solid #bbb; }
"""
    body = ['<section class="cover"><h1>South-South and Triangular Cooperation<br>Field Notes 2024-2025</h1>',
            f'<p>This edition presents {len(order)} South-South and Triangular Cooperation projects that partners are carrying out '
            'in 42 countries during the 2024-2025 biennium, from study tours to joint research.</p></section>',
            '<section class="contents"><h2>Contents</h2>']
    for i, region in enumerate([LAC, AFRICA, ARAB, INTER]):
        body.append(f"<p>{E(region)} {'.' * 60} {3 + i}</p>")
    body.append('</section><div class="flow">')
    current = None
    for p in order:
        if p["region"] != current:
            current = p["region"]
            body.append(f'<h2 class="region">{E(current)}</h2>')
        body.append('<div class="card">')
        body.append(f'<p class="tags">{" · ".join(E(t) for t in p["tags"])}</p>' if p["tags"] else "")
        body.append(f'<h3>{E(p["title"])}</h3>')
        sentences = re.split(r"(?<=\.) ", p["description"])
        for para in ([" ".join(sentences[:1]), " ".join(sentences[1:])] if len(sentences) > 1 else sentences):
            body.append(f'<p class="d">{soft_hyphens(para)}</p>')
        if outcome_line(p): body.append(f'<p class="o">{E(outcome_line(p))}</p>')
        body.append('</div>')
    body.append('</div>')
    doc = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Field Notes</title><style>{css}</style></head><body>{"".join(body)}</body></html>'
    path = render("field-notes", doc)
    write_expected(path, order, {"title": "South-South and Triangular Cooperation Field Notes 2024-2025", "biennium": "2024-2025",
                                 "statedProjectCount": len(order), "statedCountryCount": 42},
                   "A4 portrait, Liberation Serif, two-column flow that breaks cards across columns and pages; region headings "
                   "span both columns (two regions on one page), small-caps tags above bold titles in body colour, justified text "
                   "with soft hyphens, italic outcome line below the description, running header and \"Page N of M\" footer, "
                   "cover and contents pages.",
                   tags=lambda p: [t.upper() for t in p["tags"]])

# ---------------------------------------------------------------------------------------------------------------
def grid_badges():
    """Landscape grid with absolute positions in shuffled DOM order, outcome badges above titles, region bands."""
    W, H = 841.89, 595.28
    colours = {LAC: "#00695c", AFRICA: "#b5651d", ASIA: "#1f4e99", EUROPE: "#6a1b9a", ITC: "#2e7d32"}
    # (region, projects, continued) per band; each page holds up to two bands of one row of three cards.
    plan = [
        [(ASIA, by_region(ASIA)[:3], False)],
        [(ASIA, by_region(ASIA)[3:], True), (EUROPE, by_region(EUROPE)[:2], False)],
        [(EUROPE, by_region(EUROPE)[2:], True), (ITC, by_region(ITC), False)],
        [(LAC, by_region(LAC)[:3], False)],
    ]
    css = f"""
@page {{ size: A4 landscape; margin: 0; }}
body {{ margin: 0; font-family: "DejaVu Sans", sans-serif; color: #263238; }}
.page {{ position: relative; width: {W}pt; height: {H}pt; overflow: hidden; break-after: page; }}
.page > * {{ position: absolute; margin: 0; }}
.band {{ left: 0; width: {W}pt; height: 30pt; line-height: 30pt; padding: 0 30pt; box-sizing: border-box; color: #fff; font-size: 14pt; font-weight: bold; letter-spacing: 1pt; }}
.box {{ z-index: 0; border: 0.8pt solid #cfd8dc; border-radius: 4pt; background: #fafafa; }}
.badge {{ z-index: 1; font-size: 7pt; line-height: 9pt; padding: 2pt 5pt; border-radius: 6pt; color: #fff; }}
.t {{ z-index: 1; font-size: 11.5pt; line-height: 14pt; font-weight: bold; }}
.d {{ z-index: 1; font-size: 8.5pt; line-height: 11.5pt; }}
.footer {{ font-size: 7pt; color: #90a4ae; }}
"""
    pages, order = [], []
    cover = [f'<h1 style="left:60pt;top:150pt;width:700pt;font-size:34pt;line-height:40pt;color:#1f4e99">ILO SSTC Portfolio<br>2022-23 biennium</h1>',
             f'<p style="left:60pt;top:260pt;width:600pt;font-size:13pt;line-height:19pt">Partners are launching 14 new South-South and '
             'Triangular Cooperation projects covering 38 countries. Each card shows the policy outcome it serves.</p>']
    pages.append(cover)
    rng = random.Random(7)
    for number, bands in enumerate(plan, start=2):
        items = []
        y = 36
        for region, projects, continued in bands:
            colour = colours[region]
            label = region.upper() + (" (continued)" if continued else "")
            items.append(f'<div class="band" style="top:{y}pt;background:{colour}">{E(label)}</div>')
            y += 42
            for i, p in enumerate(projects):
                x = 30 + i * 264
                items.append(f'<div class="box" style="left:{x}pt;top:{y}pt;width:250pt;height:200pt"></div>')
                top = y + 10
                if outcome_line(p):
                    items.append(f'<p class="badge" style="left:{x + 10}pt;top:{top}pt;max-width:220pt;background:{colour}">{E(outcome_line(p))}</p>')
                    top += 9 * -(-len(outcome_line(p)) // 58) + 10
                items.append(f'<h3 class="t" style="left:{x + 10}pt;top:{top}pt;width:228pt;color:{colour}">{E(p["title"])}</h3>')
                lines = max(1, -(-len(p["title"]) // 30))
                items.append(f'<p class="d" style="left:{x + 10}pt;top:{top + lines * 14 + 6}pt;width:200pt">{E(p["description"])}</p>')
                order.append(p)
            y += 212
        items.append(f'<p class="footer" style="left:30pt;top:{H - 24}pt">{number} | ILO SSTC Portfolio 2022-23</p>')
        rng.shuffle(items)
        pages.append(items)
    body = "".join(f'<div class="page">{"".join(items)}</div>' for items in pages)
    doc = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>ILO SSTC Portfolio</title><style>{css}</style></head><body>{body}</body></html>'
    path = render("grid-badges", doc)
    write_expected(path, order, {"title": "ILO SSTC Portfolio 2022-23 biennium", "biennium": "2022-2023",
                                 "statedProjectCount": 14, "statedCountryCount": 38},
                   "A4 landscape, DejaVu Sans, three-card grid rows placed by absolute positions in shuffled DOM order; coloured region "
                   "bands between rows (two regions on one page, \"(continued)\" on the next page), outcome badge above each coloured "
                   "title, short footer \"N | …\", cover page.", tags=lambda p: [])

# ---------------------------------------------------------------------------------------------------------------
def four_columns():
    """Landscape, four masonry columns, white banner heading, tight titles, outcome line set in body style."""
    W, H = 841.89, 595.28
    pages_plan = [(AFRICA, by_region(AFRICA)), (ARAB, by_region(ARAB)), (LAC, by_region(LAC)), (INTER, by_region(INTER))]
    css = f"""
@page {{ size: A4 landscape; margin: 0; }}
body {{ margin: 0; font-family: "Liberation Sans", sans-serif; color: #222; }}
.page {{ position: relative; width: {W}pt; height: {H}pt; overflow: hidden; break-after: page; }}
.header {{ position: absolute; left: 28pt; top: 14pt; font-size: 7pt; color: #888; margin: 0; }}
.banner {{ position: absolute; left: 28pt; top: 30pt; width: {W - 56}pt; height: 34pt; line-height: 34pt; margin: 0; padding-left: 10pt; box-sizing: border-box; background: #37474f; color: #fff; font-size: 16pt; font-weight: bold; }}
.cols {{ position: absolute; left: 28pt; top: 80pt; width: {W - 56}pt; display: flex; gap: 14pt; align-items: flex-start; }}
.col {{ flex: 1; display: flex; flex-direction: column; gap: 14pt; }}
h3 {{ font-size: 10pt; line-height: 12pt; font-weight: bold; margin: 0; }}
p {{ font-size: 9pt; line-height: 11.5pt; margin: 0; }}
.folio {{ position: absolute; left: 0; width: {W}pt; top: {H - 22}pt; text-align: center; font-size: 7pt; color: #888; }}
"""
    pages, order = [], []
    for number, (region, projects) in enumerate(pages_plan, start=1):
        cols = [[] for _ in range(4)]
        for i, p in enumerate(projects):
            card = [f'<h3>{E(p["title"])}</h3>', f'<p>{E(p["description"])}</p>']
            if outcome_line(p): card.append(f'<p>{E(outcome_line(p))}</p>')
            cols[i % 4].append((p, f'<div>{"".join(card)}</div>'))
        order.extend(p for col in cols for p, _ in col)
        columns = "".join(f'<div class="col">{"".join(h for _, h in c)}</div>' for c in cols)
        pages.append(f'<div class="page"><p class="header">ILO Partnerships and Field Support | South-South and Triangular Cooperation</p>'
                     f'<h2 class="banner">{E(region.upper())}</h2><div class="cols">{columns}</div>'
                     f'<p class="folio">– {number} –</p></div>')
    doc = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SSTC projects</title><style>{css}</style></head><body>{"".join(pages)}</body></html>'
    path = render("four-columns", doc)
    write_expected(path, order, {"title": None, "biennium": None, "statedProjectCount": None, "statedCountryCount": None},
                   "A4 landscape, Liberation Sans, four masonry columns, white region banner on a dark bar, bold titles in body colour "
                   "set tight on the description, the outcome line in the body style right after it, running header and \"– N –\" folios.",
                   tags=lambda p: [])

# ---------------------------------------------------------------------------------------------------------------
def single_column():
    """Portrait, one column report in DejaVu Serif; long cards break across pages; contents page; page numbers."""
    order = by_region(ASIA) + by_region(EUROPE) + by_region(ITC) + by_region(INTER)
    css = """
@page { size: A4; margin: 26mm 30mm 24mm 30mm;
  @top-right { content: "SSTC project catalogue"; font: 7pt "DejaVu Serif"; color: #999; }
  @bottom-right { content: counter(page); font: 8pt "DejaVu Serif"; color: #999; } }
body { font-family: "DejaVu Serif", serif; color: #202020; margin: 0; }
.cover h1 { font-size: 26pt; line-height: 32pt; margin: 80pt 0 20pt 0; }
.cover p { font-size: 11.5pt; line-height: 17pt; }
.toc { break-before: page; break-after: page; }
.toc p { font-size: 10pt; line-height: 18pt; margin: 0; display: flex; }
.toc span.fill { flex: 1; }
h2 { font-size: 20pt; font-weight: normal; color: #0d47a1; margin: 18pt 0 12pt 0; break-after: avoid; }
.tags { font-size: 7.5pt; color: #0d47a1; margin: 0 0 3pt 0; break-after: avoid; }
h3 { font-size: 14pt; line-height: 17pt; margin: 0 0 6pt 0; width: 240pt; break-after: avoid; break-inside: avoid; }
.d { font-size: 10pt; line-height: 14pt; margin: 0 0 6pt 0; }
.o { font-size: 8.5pt; line-height: 11pt; color: #555; margin: 0 0 22pt 0; }
.o b { color: #0d47a1; }
"""
    body = ['<section class="cover"><h1>South-South and Triangular Cooperation<br>Project catalogue</h1>',
            '<p>A catalogue of cooperation between countries of the South supported by the International Labour Organization.</p></section>',
            '<section class="toc">']
    for region in [ASIA, EUROPE, ITC, INTER]:
        body.append(f'<p><span>{E(region)}</span><span class="fill"></span><span>{[ASIA, EUROPE, ITC, INTER].index(region) + 3}</span></p>')
    body.append('</section>')
    current = None
    for p in order:
        if p["region"] != current:
            current = p["region"]
            body.append(f'<h2>{E(current)}</h2>')
        if p["tags"]: body.append(f'<p class="tags">{" | ".join(E(t) for t in p["tags"])}</p>')
        body.append(f'<h3>{E(p["title"])}</h3>')
        body.append(f'<p class="d">{E(p["description"])}</p>')
        body.append(f'<p class="d">Follow-up: partners will report results at the end of the biennium and share the material produced with other regions.</p>')
        if outcome_line(p): body.append(f'<p class="o"><b>Outcome {p["outcome"]}:</b> {E(OUTCOMES[p["outcome"]])}</p>')
        else: body.append('<p class="o"></p>')
    doc = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SSTC project catalogue</title><style>{css}</style></head><body>{"".join(body)}</body></html>'
    path = render("single-column", doc)
    write_expected(path, order, {"title": "South-South and Triangular Cooperation Project catalogue", "biennium": None,
                                 "statedProjectCount": None, "statedCountryCount": None},
                   "A4 portrait, DejaVu Serif, one column; region headings in flow, tags \"A | B\" above large titles in a narrow measure "
                   "(two to three lines), two paragraphs per card, outcome line with a bold label, cards breaking across pages, "
                   "contents page without dot leaders, running header and bare page numbers.")

# ---------------------------------------------------------------------------------------------------------------
def newsletter():
    """Portrait, three-column flow; tags above an outcome badge above each title; white banners span the columns."""
    order = by_region(AFRICA)[4:] + by_region(ASIA) + by_region(EUROPE) + by_region(LAC)
    colours = {AFRICA: "#b5651d", ASIA: "#1f4e99", EUROPE: "#6a1b9a", LAC: "#00695c"}
    css = """
@page { size: A4; margin: 18mm 14mm 20mm 14mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 7pt "DejaVu Sans"; color: #777; } }
body { font-family: "DejaVu Sans", sans-serif; color: #333; margin: 0; }
.flow { column-count: 3; column-gap: 16pt; }
h2 { column-span: all; color: #fff; font-size: 13pt; padding: 5pt 8pt; margin: 10pt 0 10pt 0; break-after: avoid; }
.card { break-inside: avoid; margin: 0 0 14pt 0; }
.tags { font-size: 6.5pt; color: #888; margin: 0 0 2pt 0; }
.badge { display: inline-block; font-size: 6.5pt; line-height: 8pt; color: #fff; padding: 1.5pt 4pt; margin: 0 0 4pt 0; border-radius: 3pt; }
h3 { font-size: 10pt; line-height: 12.5pt; margin: 0 0 3pt 0; }
p.d { font-size: 8pt; line-height: 10.5pt; margin: 0; text-align: justify; }
"""
    body = ['<div class="flow">']
    current = None
    for p in order:
        if p["region"] != current:
            current = p["region"]
            body.append(f'<h2 style="background:{colours[current]}">{E(current.upper())}</h2>')
        body.append('<div class="card">')
        if p["tags"]: body.append(f'<p class="tags">{" / ".join(E(t) for t in p["tags"])}</p>')
        if outcome_line(p): body.append(f'<span class="badge" style="background:{colours[current]}">{E(outcome_line(p))}</span>')
        body.append(f'<h3 style="color:{colours[current]}">{E(p["title"])}</h3><p class="d">{E(p["description"])}</p></div>')
    body.append('</div>')
    doc = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SSTC newsletter</title><style>{css}</style></head><body>{"".join(body)}</body></html>'
    path = render("newsletter", doc)
    write_expected(path, order, {"title": None, "biennium": None, "statedProjectCount": None, "statedCountryCount": None},
                   "A4 portrait, DejaVu Sans, three-column flow of unbreakable cards; white region banners spanning the columns "
                   "(several regions per page), grey \"A / B\" tags above a coloured outcome badge above each coloured title, "
                   "justified 8pt text, \"N / M\" page numbers, no cover.")

DESIGNS = {"field-notes": field_notes, "grid-badges": grid_badges, "four-columns": four_columns, "single-column": single_column, "newsletter": newsletter}

if __name__ == "__main__":
    for name in sys.argv[1:] or DESIGNS:
        DESIGNS[name]()
        print("rendered", name)
