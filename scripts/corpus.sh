#!/usr/bin/env bash
# Runs `sstc extract` over every PDF of one or more corpus folders, one process per file, and prints the table
# issue 14 asks for: files, read, refused by reason code, crashes, hangs, RSS over 512 MB, projects produced.
#
#   scripts/corpus.sh [--jobs N] [--timeout S] [--cli PATH/sstc.dll] [--out DIR] [--sample N] DIR...
#   scripts/corpus.sh --summary DIR      (prints the table again from a finished run's DIR)
#   scripts/corpus.sh --list FILE ...    (runs exactly the files listed, one path a line: to compare two builds)
#
# - one process per file under /usr/bin/time -v (peak RSS) and `timeout` (a hang is a file still running after
#   --timeout seconds, default 90: the CLI's own limit is 60 s, so a hang means a limit did not hold);
# - a crash is any exit other than 0 (read) and 2 (refused with "error: … [code]"), e.g. 134 = stack overflow;
# - the reason code is the bracketed code the CLI prints at the end of its error line; older builds without codes
#   are grouped by the first words of the sentence;
# - --out keeps per-file rows (files.tsv) and every produced project's confidence (confidence.tsv) for docs;
# - --sample N takes every k-th file so about N files are run (quick iterations); the full corpus is the default.
#
# Corpus used for docs/real-world-pdfs.md (nothing of it is in the repo, apart from the sample under
# tests/SstcFunctions.Core.Tests/RealWorld): Debian texlive-*-doc PDFs (/usr/share/doc, .pdf and .pdf.gz) and the
# test PDFs of PdfPig and pdf.js; scripts/corpus-get.sh gathers them into one folder. Exits 1 when any file crashed,
# hung or peaked over 512 MB RSS (the peak of the largest process: the CLI or the child it confines the parse in).
# Without --cli it publishes the CLI ReadyToRun (same code, about a third less CPU per file: the corpus is mostly small
# files, where JIT start-up dominates).
set -euo pipefail

jobs=2
timeout=90
cli=""
out=""
sample=0
summary_only=0
list=""
dirs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jobs) jobs="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --sample) sample="$2"; shift 2 ;;
    --summary) summary_only=1; out="$2"; shift 2 ;;
    --list) list="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) dirs+=("$1"); shift ;;
  esac
done
[[ ${#dirs[@]} -gt 0 || $summary_only == 1 || -n "$list" ]] || { echo "usage: $0 [--jobs N] [--timeout S] [--cli sstc.dll] [--out DIR] [--sample N] DIR..." >&2; exit 64; }
command -v jq >/dev/null || { echo "corpus.sh needs jq (apt-get install jq)" >&2; exit 64; }
[[ -x /usr/bin/time ]] || { echo "corpus.sh needs GNU time (apt-get install time)" >&2; exit 64; }

if [[ $summary_only == 0 ]]; then
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "$cli" ]]; then
  cli="$root/artifacts/corpus-cli/sstc.dll"
  nice -n 10 dotnet publish "$root/src/SstcFunctions.Cli/SstcFunctions.Cli.csproj" -c Release --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true -o "$(dirname "$cli")" -v q -nologo >/dev/null
fi
work="${out:-$(mktemp -d)}"
mkdir -p "$work/runs"

if [[ -n "$list" ]]; then cp "$list" "$work/list.in" && mv "$work/list.in" "$work/list"
else find "${dirs[@]}" -type f -iname '*.pdf' | sort > "$work/list"; fi
total=$(wc -l < "$work/list")
if [[ "$sample" -gt 0 && "$total" -gt "$sample" ]]; then
  step=$(( (total + sample - 1) / sample ))
  awk -v s="$step" 'NR % s == 1' "$work/list" > "$work/list.sample" && mv "$work/list.sample" "$work/list"
fi
# Interleave the folders (a fixed shuffle), so a run stopped early is still a fair sample; rows already in --out are kept.
shuf --random-source=<(yes) "$work/list" > "$work/list.shuffled" && mv "$work/list.shuffled" "$work/list"

run_one() {
  local file="$1" work="$2" cli="$3" timeout="$4"
  local key; key=$(printf '%s' "$file" | md5sum | cut -c1-16)
  local base="$work/runs/$key"
  [[ -s "$base.row" ]] && return 0
  local start; start=$(date +%s.%N)
  set +e
  timeout -s KILL "$timeout" /usr/bin/time -v -o "$base.time" dotnet "$cli" extract "$file" > "$base.json" 2> "$base.err"
  local code=$?
  set -e
  local seconds; seconds=$(echo "$(date +%s.%N) - $start" | bc)
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$base.time" 2>/dev/null || true)
  # /usr/bin/time reports the child's status in its own output; with a kill it has none.
  local exit="$code"
  if grep -q 'Command terminated by signal' "$base.time" 2>/dev/null; then
    exit=$(( 128 + $(awk '/Command terminated by signal/ {print $NF}' "$base.time") ))
  elif [[ -s "$base.time" ]] && grep -q 'Exit status' "$base.time"; then
    exit=$(awk -F': ' '/Exit status/ {print $2}' "$base.time")
  fi
  local outcome reason="" projects=0 held=0
  if [[ "$code" == 137 && ! -s "$base.time" ]] || [[ "$code" == 124 ]]; then
    outcome=hang
  elif [[ "$exit" == 0 ]]; then
    outcome=read
    projects=$(jq '.projects | length' "$base.json" 2>/dev/null || echo 0)
    jq -r --arg f "$file" '(.projects[] | [$f, .confidence, "kept", (.confidenceReasons | join(";"))]), (.heldBack[]? | [$f, .confidence, "held-back", (.confidenceReasons | join(";"))]) | @tsv' "$base.json" > "$base.conf" 2>/dev/null || true
    reason=$(jq -r '[.notices[]?.code] | unique | join(",")' "$base.json" 2>/dev/null || true)
    held=$(jq '[.notices[]? | .cardsHeldBack // 0] | add // 0' "$base.json" 2>/dev/null || echo 0)
    jq -r --arg f "$file" 'select(.assessment != null) | [$f, .assessment.isBrochure, (.assessment.evidence | .cards, .countryShare, .signalShare, .supportedShare, .supportedPageShare)] | @tsv' "$base.json" > "$base.evidence" 2>/dev/null || true
  elif [[ "$exit" == 2 ]]; then
    outcome=refused
    local line; line=$(grep -m1 '^error: ' "$base.err" || true)
    if [[ "$line" =~ \[([a-z0-9-]+)\]$ ]]; then reason="${BASH_REMATCH[1]}"
    else reason=$(printf '%s' "${line#error: }" | sed -E 's/[0-9]+(\.[0-9]+)?/N/g; s/[(:;].*//' | cut -c1-48); fi
  else
    outcome=crash
    reason="exit-$exit"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$outcome" "$exit" "${reason:--}" "$seconds" "${rss:-0}" "$projects" "$held" > "$base.row"
  rm -f "$base.json" "$base.time"
}
export -f run_one

tr '\n' '\0' < "$work/list" | xargs -0 -P "$jobs" -I{} bash -c 'run_one "$@"' _ {} "$work" "$cli" "$timeout"

fi
work="${work:-$out}"
cat "$work"/runs/*.row > "$work/files.tsv"
cat "$work"/runs/*.conf 2>/dev/null > "$work/confidence.tsv" || true
cat "$work"/runs/*.evidence 2>/dev/null > "$work/evidence.tsv" || true

summarize() {
  awk -F'\t' -v limit=$((512 * 1024)) '
    { files++; outcome[$2]++; seconds += $5; if ($6 + 0 > limit) big++; projects += $7; if ($7 > 0) withProjects++; held += $8; if ($8 > 0) withHeld++ }
    END {
      printf "files\t%d\nread\t%d\nrefused\t%d\n", files, outcome["read"], outcome["refused"]
      printf "crashes\t%d\nhangs\t%d\nRSS over 512 MB\t%d\n", outcome["crash"] + 0, outcome["hang"] + 0, big + 0
      printf "projects produced\t%d (from %d files)\n", projects, withProjects + 0
      printf "cards not kept (not a brochure)\t%d (from %d files)\n", held, withHeld + 0
      printf "seconds, summed over files\t%d\n", seconds
    }' "$work/files.tsv"
  echo "refused by reason:"
  awk -F'\t' '$2 == "refused" { print $4 }' "$work/files.tsv" | sort | uniq -c | sort -rn | awk '{ c = $1; $1 = ""; printf "  %s\t%d\n", substr($0, 2), c }'
  echo "crashes by exit:"
  awk -F'\t' '$2 == "crash" { print $4 "\t" $1 }' "$work/files.tsv" | sort | awk -F'\t' '{ printf "  %s\t%s\n", $1, $2 }'
  echo "hangs:"
  awk -F'\t' '$2 == "hang" { printf "  %s\n", $1 }' "$work/files.tsv"
  echo "RSS over 512 MB:"
  awk -F'\t' -v limit=$((512 * 1024)) '$6 + 0 > limit { printf "  %s (%d MB, %s)\n", $1, $6 / 1024, $2 }' "$work/files.tsv"
  echo "warnings of files read (code: files):"
  awk -F'\t' '$2 == "read" && $4 != "-" { n = split($4, w, ","); for (i = 1; i <= n; i++) print w[i] }' "$work/files.tsv" | sort | uniq -c | sort -rn | awk '{ printf "  %s\t%d\n", $2, $1 }'
  if [[ -s "$work/confidence.tsv" ]]; then
    echo "confidence of cards (kept projects / cards held back, not kept):"
    awk -F'\t' '{ b = int($2 * 10 + 1e-9); if (b >= 10) b = 9; printf "%.1f-%.1f %s\n", b / 10, (b + 1) / 10, ($3 == "held-back") ? "held-back" : "kept" }' "$work/confidence.tsv" | sort | uniq -c | awk '{ printf "  %s %s\t%d\n", $2, $3, $1 }'
  fi
}
summarize | tee "$work/table.txt"
echo "per-file rows: $work/files.tsv"
awk -F'\t' -v limit=$((512 * 1024)) '$2 == "crash" || $2 == "hang" || $6 + 0 > limit { bad = 1 } END { exit bad }' "$work/files.tsv"
