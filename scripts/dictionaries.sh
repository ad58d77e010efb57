#!/usr/bin/env bash
# Regenerates the word lists that de-hyphenation reads (src/SstcFunctions.Core/Layout/Dictionaries/) from Debian's
# Hunspell dictionaries: stems with their affix flags (morphological fields dropped) and the affix rules, gzipped.
#   apt-get install hunspell-en-us hunspell-es hunspell-fr && scripts/dictionaries.sh
set -euo pipefail
OUT="$(cd "$(dirname "$0")/.." && pwd)/src/SstcFunctions.Core/Layout/Dictionaries"
mkdir -p "$OUT"
for pair in en:en_US es:es_ES fr:fr_FR; do
  lang=${pair%%:*}; src=$(readlink -f "/usr/share/hunspell/${pair#*:}.dic"); src=${src%.dic}
  # "word/flags<TAB>po:adj …" → "word/flags"; the first line (the count) stays.
  awk 'NR == 1 { print; next } { sub(/[ \t].*$/, ""); if (length($0) > 0) print }' "$src.dic" | gzip -9n > "$OUT/$lang.dic.gz"
  grep -E '^(SET|FLAG|PFX|SFX) ' "$src.aff" | gzip -9n > "$OUT/$lang.aff.gz"
done
ls -la "$OUT"
