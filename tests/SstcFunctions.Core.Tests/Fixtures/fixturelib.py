"""Shared by the generators of the non-Chromium fixtures (producers.py) and the blind ones (tests/blind-fixtures).

A card is a dict built from the project data (projects.py, projects_i18n.py) in one language; the ground truth
(expected.json) is written from those dicts, and only the page numbers are read back from the PDF with pdftotext
(an independent extractor), so the truth never depends on the code under test.
"""
import gettext, json, os, re, subprocess, sys, unicodedata
sys.dont_write_bytecode = True
from projects import PROJECTS, OUTCOMES as OUTCOMES_EN
import projects_i18n as i18n

OUTCOME_WORD = {"en": "Outcome", "es": "Resultado", "fr": "Résultat"}

def cards(indexes, lang="en"):
    """The projects at `indexes`, with title, description and outcome text in `lang`."""
    out = []
    for i in indexes:
        p = PROJECTS[i]
        title, description = (p["title"], p["description"]) if lang == "en" else i18n.TEXTS[lang][i]
        outcomes = OUTCOMES_EN if lang == "en" else i18n.OUTCOMES[lang]
        out.append(dict(index=i, lang=lang, region=p["region"], title=title, description=description, countries=p["countries"],
                        countriesOptional=p["countriesOptional"], outcome=p["outcome"], topics=p["topics"], tags=p["tags"],
                        outcome_title=outcomes[p["outcome"]] if p["outcome"] else None,
                        partners=i18n.partners(i, lang), budget=i18n.budget(i, lang), duration=i18n.duration(i, lang)))
    return out

def hard_cards(lang):
    """The projects of projects_i18n.HARD (easily confused country names) as cards in `lang`."""
    outcomes = OUTCOMES_EN if lang == "en" else i18n.OUTCOMES[lang]
    return [dict(index=100 + k, lang=lang, region=h["region"], title=h["texts"][lang][0], description=h["texts"][lang][1],
                 countries=h["countries"], countriesOptional=[], outcome=h["outcome"], topics=h["topics"], tags=[],
                 outcome_title=outcomes[h["outcome"]], partners=None, budget=None, duration=None)
            for k, h in enumerate(i18n.HARD)]

def region_name(region, lang):
    return region if lang == "en" else i18n.REGIONS[lang][region]

def outcome_line(card, sep=": "):
    """`Outcome 5: …`, `Resultado 5: …`, `Résultat 5 : …` (French puts a space before the colon)."""
    if not card["outcome"]: return None
    if card["lang"] == "fr" and sep == ": ": sep = "\u00a0: "
    return f"{OUTCOME_WORD[card['lang']]} {card['outcome']}{sep}{card['outcome_title']}"

# --- country names from Debian's iso-codes (ISO 3166-1 names and their translations) ------------------------------
_ISO = None
# iso-codes' Spanish catalogue misspells a few names; these are the UN Spanish forms.
_FIXES = {"es": {"BF": "Burkina Faso", "CI": "Côte d'Ivoire", "DZ": "Argelia", "TN": "Túnez"}}

def country_name(code, lang):
    if code in _FIXES.get(lang, {}): return _FIXES[lang][code]
    global _ISO
    if _ISO is None:
        with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
            _ISO = {c["alpha_2"]: c for c in json.load(f)["3166-1"]}
    entry = _ISO[code]
    if lang == "en":
        name = entry.get("common_name", entry["name"])
    else:
        name = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=[lang]).gettext(entry["name"])
    if ", " in name:  # "Tanzania, United Republic of" → "United Republic of Tanzania"
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return name

def country_list(card, lang):
    return ", ".join(country_name(c, lang) for c in card["countries"])

# --- reading the PDF back -----------------------------------------------------------------------------------------
def squash(text):
    """Letters and digits only, lower case, ligatures unfolded: robust to line breaks, hyphenation and spacing."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[-\u00ad\u2010]\s+", "", text)
    return "".join(c for c in unicodedata.normalize("NFD", text) if c.isalnum())

def page_texts(pdf):
    """Each page's text, squashed, as pdftotext reads it in content-stream order (-raw) and in its own reading order
    (a title may be interrupted by a footnote in one and not in the other)."""
    modes = [subprocess.run(["pdftotext", *mode, pdf, "-"], check=True, capture_output=True, text=True).stdout.split("\f")
             for mode in (["-raw"], [])]
    return [" | ".join(squash(t) for t in texts) for texts in zip(*modes)]

def words(text, n, end=False):
    w = text.split()
    return " ".join(w[-n:] if end else w[:n])

def pdf_producer(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    m = re.search(r"^Producer:\s*(.*)$", out, re.M)
    return m.group(1).strip() if m else "?"

def write_expected(path, cards, brochure, readme, producer, lang, labels=(), tags=False, pdf="brochure.pdf"):
    """expected.json (+ README.md) for `cards` in reading order. `labels`: which of partners/budget/duration the design prints."""
    pages = page_texts(os.path.join(path, pdf))
    entries = []
    for c in cards:
        title = squash(c["title"])
        page = next((i + 1 for i, t in enumerate(pages) if title in t), None)
        if page is None: sys.exit(f"{path}: title '{c['title']}' not found in the PDF")
        end = squash(words(c["description"], 6, end=True))
        last = next((i + 1 for i, t in enumerate(pages) if i + 1 >= page and end in t), None)
        if last is None:  # the end itself split by a page break: its last words open the next page
            last = next((i + 2 for i in range(page - 1, len(pages) - 1) if end in pages[i].split(" | ")[0] + pages[i + 1].split(" | ")[0]), None)
        if last is None: sys.exit(f"{path}: end of '{c['title']}' not found in the PDF")
        entry = {"page": page, "region": c["region"], "title": c["title"],
                 "descriptionStartsWith": words(c["description"], 8), "descriptionEndsWith": words(c["description"], 6, end=True),
                 "countries": c["countries"], "countriesOptional": c["countriesOptional"], "outcome": c["outcome"], "topics": c["topics"]}
        if last > page: entry["continuedOn"] = list(range(page + 1, last + 1))
        for label in labels: entry[label] = c[label]
        entry["tags"] = c["tags"] if tags else []  # [] when the design prints none: a caption or label read as a tag is wrong
        entry["language"] = lang
        entries.append(entry)
    with open(os.path.join(path, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"source": pdf, "producer": producer, "language": lang, "brochure": brochure, "projects": entries},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(path, "README.md"), "w", encoding="utf-8") as f: f.write(readme.strip() + "\n")

def run(cmd, cwd):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0: sys.exit(f"{' '.join(cmd)} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")

def latex(path, source, engine="pdflatex"):
    """Writes brochure.tex and runs the engine twice (running heads, references); keeps only the source and the PDF."""
    with open(os.path.join(path, "brochure.tex"), "w", encoding="utf-8") as f: f.write(source)
    for _ in range(2): run([engine, "-interaction=nonstopmode", "-halt-on-error", "brochure.tex"], path)
    for ext in ("aux", "log", "out"):
        if os.path.exists(os.path.join(path, f"brochure.{ext}")): os.remove(os.path.join(path, f"brochure.{ext}"))

def soffice(path, source_name):
    """Converts a LibreOffice flat document (or HTML) to brochure.pdf with headless LibreOffice."""
    profile = f"file:///tmp/lo-profile-{os.getpid()}"
    run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", path, source_name], path)
    produced = os.path.join(path, os.path.splitext(source_name)[0] + ".pdf")
    if produced != os.path.join(path, "brochure.pdf"): os.replace(produced, os.path.join(path, "brochure.pdf"))
