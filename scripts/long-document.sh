#!/usr/bin/env bash
# Checks issue 14's bound "a 400-page text document fits in 512 MB": generates a text-only LaTeX book of at least
# --pages pages (default 400: chapters, sections, running heads, footnotes, a table of contents; pdflatex), runs it
# and any FILE given (e.g. a TeX Live manual) through scripts/corpus.sh, and fails unless every one is read (exit 0,
# not refused as out-of-memory: the CLI caps its heap at 512 MB) with a peak RSS of at most --max-rss MB (default 512).
#
#   scripts/long-document.sh [--pages N] [--max-rss MB] [--cli PATH/sstc.dll] [--out DIR] [FILE...]
#
# Prints the corpus table, then one line per file: pages, outcome, peak RSS, seconds. Needs pdflatex (Debian
# texlive-latex-base, with lipsum from texlive-latex-extra), jq and GNU time (for corpus.sh); pdfinfo (poppler-utils)
# only to print the page count of the FILEs given.
set -euo pipefail

pages=400
max_rss=512
cli=""
out=""
files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --max-rss) max_rss="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) files+=("$(realpath "$1")"); shift ;;
  esac
done
command -v pdflatex >/dev/null || { echo "long-document.sh needs pdflatex (apt-get install texlive-latex-base texlive-latex-extra)" >&2; exit 64; }
kpsewhich lipsum.sty >/dev/null || { echo "long-document.sh needs lipsum.sty (apt-get install texlive-latex-extra)" >&2; exit 64; }

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${out:-$(mktemp -d)}"
mkdir -p "$work/tex"

# About 18 pages per chapter at these settings; chapters are added until the page count is reached.
generate() {
  local chapters="$1"
  {
    printf '%s\n' '\documentclass[11pt,a4paper]{book}' '\usepackage[T1]{fontenc}' '\usepackage{lmodern}' \
      '\usepackage{lipsum}' '\title{A long text document}' '\author{scripts/long-document.sh}' '\date{}' \
      '\begin{document}' '\maketitle' '\tableofcontents'
    for ((c = 1; c <= chapters; c++)); do
      printf '\\chapter{Chapter %d}\n' "$c"
      for ((s = 1; s <= 4; s++)); do
        local from=$(( ((c * 4 + s) * 7) % 120 + 1 ))
        printf '\\section{Section %d.%d}\n\\lipsum[%d-%d]\\footnote{\\lipsum[%d][1-2]}\n\\subsection{Details}\n\\lipsum[%d-%d]\n' \
          "$c" "$s" "$from" "$(( from + 12 ))" "$(( from + 13 ))" "$(( from + 14 ))" "$(( from + 20 ))"
      done
    done
    printf '%s\n' '\end{document}'
  } > "$work/tex/long.tex"
  # Twice, for the table of contents; TeX's own output is kept in long.log.
  for _ in 1 2; do
    (cd "$work/tex" && nice -n 10 pdflatex -interaction=batchmode -halt-on-error long.tex >/dev/null) \
      || { echo "pdflatex failed, see $work/tex/long.log" >&2; exit 1; }
  done
  sed -n 's/^Output written on .* (\([0-9]*\) pages.*/\1/p' "$work/tex/long.log"
}
chapters=$(( pages / 18 + 1 ))
got=$(generate "$chapters")
while [[ "$got" -lt "$pages" ]]; do
  chapters=$(( chapters + (pages - got) / 18 + 1 ))
  got=$(generate "$chapters")
done
generated="$work/long-${got}-pages.pdf"
cp "$work/tex/long.pdf" "$generated"

printf '%s\n' "$generated" "${files[@]}" > "$work/list"
args=(--jobs 1 --out "$work/corpus" --list "$work/list")
[[ -n "$cli" ]] && args+=(--cli "$cli")
"$root/scripts/corpus.sh" "${args[@]}" > "$work/corpus.txt" || true
cat "$work/corpus.txt"

echo
echo "file	pages	outcome	peak RSS (MB)	seconds"
fail=0
while IFS=$'\t' read -r file outcome _ reason seconds rss _; do
  n="$got"
  [[ "$file" == "$generated" ]] || n=$(pdfinfo "$file" 2>/dev/null | sed -n 's/^Pages: *//p' || true)
  [[ "$reason" == - ]] && reason=""
  mb=$(( rss / 1024 ))
  printf '%s\t%s\t%s\t%d\t%.1f\n' "$file" "${n:-?}" "$outcome${reason:+ ($reason)}" "$mb" "$seconds"
  if [[ "$outcome" != read || "$mb" -gt "$max_rss" ]]; then fail=1; fi
done < "$work/corpus/files.tsv"
if [[ $fail == 1 ]]; then echo "FAIL: a long document was not read within $max_rss MB" >&2; exit 1; fi
echo "OK: every long document read within $max_rss MB"
