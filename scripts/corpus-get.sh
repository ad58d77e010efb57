#!/usr/bin/env bash
# Gathers the real-world corpus of docs/real-world-pdfs.md into DEST (nothing of it goes into the repo):
#   DEST/debian   every .pdf and .pdf.gz (decompressed) under /usr/share/doc: the Debian texlive-*-doc packages
#                 installed (apt-get install texlive-latex-recommended-doc ...) and any other package's PDF manuals;
#   DEST/pdfpig   the .pdf files of a UglyToad/PdfPig git repository (--pdfpig GIT_DIR, bare or not);
#   DEST/pdfjs    the .pdf files of a mozilla/pdf.js git repository (--pdfjs GIT_DIR).
#
#   scripts/corpus-get.sh [--pdfpig GIT_DIR] [--pdfjs GIT_DIR] [--rev REV] DEST
#
# Files are taken from the git objects of REV (default HEAD), so a shallow or bare clone is enough; a file whose
# object is absent (a partial clone) is skipped. Prints the count per folder, then DEST/commits.txt (the commit
# of each repository, for the record).
set -euo pipefail
pdfpig=""
pdfjs=""
rev=HEAD
dest=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pdfpig) pdfpig="$2"; shift 2 ;;
    --pdfjs) pdfjs="$2"; shift 2 ;;
    --rev) rev="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) dest="$1"; shift ;;
  esac
done
[[ -n "$dest" ]] || { echo "usage: $0 [--pdfpig GIT_DIR] [--pdfjs GIT_DIR] DEST" >&2; exit 64; }
mkdir -p "$dest"
: > "$dest/commits.txt"

mkdir -p "$dest/debian"
(cd /usr/share/doc && find . \( -type f -o -type l \) \( -iname '*.pdf' -o -iname '*.pdf.gz' \) -print0) |
  while IFS= read -r -d '' f; do
    target="$dest/debian/${f#./}"
    mkdir -p "$(dirname "$target")"
    case "$f" in
      *.gz|*.GZ) gzip -dc "/usr/share/doc/$f" > "${target%.*}" ;;
      *) cp -L "/usr/share/doc/$f" "$target" ;;
    esac
  done

from_git() {
  local git_dir="$1" target="$2" commit
  commit=$(git -C "$git_dir" rev-parse "$rev^{commit}")
  printf '%s\t%s\n' "$(basename "$target")" "$commit" >> "$dest/commits.txt"
  mkdir -p "$target"
  git -C "$git_dir" ls-tree -r -z "$commit" |
    while IFS= read -r -d '' entry; do
      local meta="${entry%%$'\t'*}" path="${entry#*$'\t'}"
      [[ "${path,,}" == *.pdf ]] || continue
      local sha="${meta##* }"
      mkdir -p "$target/$(dirname "$path")"
      git -C "$git_dir" cat-file blob "$sha" > "$target/$path" 2>/dev/null || rm -f "$target/$path"
    done
}
[[ -n "$pdfpig" ]] && from_git "$pdfpig" "$dest/pdfpig"
[[ -n "$pdfjs" ]] && from_git "$pdfjs" "$dest/pdfjs"

for d in "$dest"/*/; do printf '%s\t%d\n' "$(basename "$d")" "$(find "$d" -type f -iname '*.pdf' | wc -l)"; done
cat "$dest/commits.txt"
