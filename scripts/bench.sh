#!/usr/bin/env bash
# scripts/bench.sh — the benchmark of issue 6, every figure next to a baseline measured in the same run.
#
#   scripts/bench.sh            build, generate + render the large brochure, measure, print the table (bench/out/results.md)
#
# Measures (docs/benchmarks.md explains each):
#   1. `sstc extract` wall time and peak RSS (/usr/bin/time -v) on a large generated brochure and on the seed
#      fixture, against `pdftotext` on the same file, runs interleaved;
#   2. upload → queryable latency (p50/p95) of the fixture through the local host and Azurite;
#   3. wrk throughput and p50/p99 of three reads, against one raw Azurite table query with the same filter;
#   4. cards found on the large brochure against the generator's list; memory over 200 extractions in one process;
#   plus where extraction time goes (parse / layout / classification, Stopwatch harness).
# Starts and stops its own Azurite and local host on free loopback ports; targets 127.0.0.1 only.
# Exit status: 0 when every target passes, 1 when one fails (or was not measured), 2 on a setup error.
#
# Settings (environment): SSTC_BENCH_OUT (bench/out), SSTC_BENCH_ARTIFACTS (build output, default $OUT/artifacts),
#   SSTC_BENCH_PAGES (300), SSTC_BENCH_SEED (42), SSTC_BENCH_DESIGNS (all; comma list of generator designs),
#   SSTC_BENCH_RUNS (3 extraction runs per tool), SSTC_BENCH_UPLOADS (20), SSTC_BENCH_SOAK (200),
#   SSTC_BENCH_WRK_DURATION (10s), SSTC_BENCH_WRK_CONNECTIONS (8), SSTC_BENCH_WRK_THREADS (1),
#   SSTC_BENCH_PHASES (1: run the where-time-goes harness), SSTC_BENCH_PHASE_RUNS (2), SSTC_BENCH_SKIP_BUILD (0),
#   SSTC_BENCH_FIXTURE (samples/sstc-2020-2021.pdf, else ../shared/brochures/sstc-2020-2021/brochure.pdf),
#   SSTC_BENCH_NOTE (free text printed with the machine line, e.g. "machine shared with a test run"),
#   SSTC_BENCH_CATALOGUE (1: run only the catalogue-scale phase, scripts/bench-catalogue.sh, which lists its settings).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${SSTC_BENCH_OUT:-$ROOT/bench/out}
ART=${SSTC_BENCH_ARTIFACTS:-$OUT/artifacts}
PAGES=${SSTC_BENCH_PAGES:-300}
SEED=${SSTC_BENCH_SEED:-42}
DESIGNS=${SSTC_BENCH_DESIGNS:-}
RUNS=${SSTC_BENCH_RUNS:-3}
UPLOADS=${SSTC_BENCH_UPLOADS:-20}
SOAK=${SSTC_BENCH_SOAK:-200}
WRK_DURATION=${SSTC_BENCH_WRK_DURATION:-10s}
WRK_CONNECTIONS=${SSTC_BENCH_WRK_CONNECTIONS:-8}
WRK_THREADS=${SSTC_BENCH_WRK_THREADS:-1}
PHASES=${SSTC_BENCH_PHASES:-1}
PHASE_RUNS=${SSTC_BENCH_PHASE_RUNS:-2}
FIXTURE=${SSTC_BENCH_FIXTURE:-}
if [[ -z $FIXTURE ]]; then
  FIXTURE=$ROOT/samples/sstc-2020-2021.pdf
  [[ -f $FIXTURE ]] || FIXTURE=$ROOT/../shared/brochures/sstc-2020-2021/brochure.pdf
fi
FIXTURE_EXPECTED=$(dirname "$FIXTURE")/expected.json
[[ -f $FIXTURE_EXPECTED ]] || FIXTURE_EXPECTED=$ROOT/../shared/brochures/sstc-2020-2021/expected.json

mkdir -p "$OUT"
KV=$OUT/results.kv
: >"$KV"
LOGS=$OUT/logs
mkdir -p "$LOGS"
STARTED=$(date +%s)

say() { printf '\n== %s (t+%ss)\n' "$*" "$(($(date +%s) - STARTED))"; }
kv() { printf '%s=%s\n' "$1" "$2" >>"$KV"; }
die() { echo "bench: $*" >&2; exit 2; }

# --- tools: install what is missing (Debian, as root), once ----------------------------------------------------------
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v wrk >/dev/null || need+=(wrk)
command -v chromium >/dev/null || need+=(chromium)
[[ -x /usr/bin/time ]] || need+=(time)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    die "missing ${need[*]}: install them (apt-get install -y ${need[*]})"
  fi
fi
AZURITE=$ROOT/node_modules/.bin/azurite
if [[ ! -x $AZURITE ]]; then
  say "installing Azurite (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund >/dev/null) || die "npm ci failed"
fi
[[ -f $FIXTURE ]] || die "fixture not found: $FIXTURE"

# --- machine ----------------------------------------------------------------------------------------------------------
kv machine.cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
kv machine.cores "$(nproc)"
kv machine.mem_gb "$(awk '/MemTotal/ {printf "%.0f", $2/1024/1024}' /proc/meminfo)"
kv machine.os "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)"
kv machine.dotnet "$(dotnet --version)"
kv machine.pdftotext "$(pdftotext -v 2>&1 | head -1)"
kv machine.wrk "$(wrk --version 2>&1 | head -1 | awk '{print $2}')"
kv machine.date "$(date -u '+%Y-%m-%d %H:%M UTC'), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -n ${SSTC_BENCH_NOTE:-} ]] && kv machine.note "$SSTC_BENCH_NOTE"

# --- build (Release, outside the source tree's bin/obj) ------------------------------------------------------------
if [[ ${SSTC_BENCH_SKIP_BUILD:-0} != 1 ]]; then
  say "building (Release) into $ART"
  for project in bench/SstcFunctions.Benchmarks src/SstcFunctions.Cli src/SstcFunctions.LocalHost; do
    dotnet build "$ROOT/$project" -c Release --artifacts-path "$ART" -nologo -v quiet >"$LOGS/build.log" 2>&1 \
      || { tail -30 "$LOGS/build.log"; die "build of $project failed"; }
  done
fi
BENCH=$ART/bin/SstcFunctions.Benchmarks/release/sstc-bench.dll
SSTC=$ART/bin/SstcFunctions.Cli/release/sstc.dll
HOST=$ART/bin/SstcFunctions.LocalHost/release/SstcFunctions.LocalHost.dll
for f in "$BENCH" "$SSTC" "$HOST"; do [[ -f $f ]] || die "not built: $f"; done
bench() { dotnet "$BENCH" "$@"; }

# --- catalogue scale (issue 16): SSTC_BENCH_CATALOGUE=1 runs only this phase (scripts/bench-catalogue.sh) ----------
if [[ ${SSTC_BENCH_CATALOGUE:-0} == 1 ]]; then
  source "$ROOT/scripts/bench-catalogue.sh"
  exit 0
fi

# --- the large brochure: generate, render with Chromium (only when the HTML changed), check the render --------------
say "generating the large brochure ($PAGES pages, seed $SEED${DESIGNS:+, designs $DESIGNS})"
GEN=$OUT/gen
mkdir -p "$GEN"
bench generate --out "$GEN" --name large --pages "$PAGES" --seed "$SEED" ${DESIGNS:+--designs "$DESIGNS"} --kv "$KV" --label large
if [[ ! -f $OUT/large.pdf ]] || ! cmp -s "$GEN/large.html" "$OUT/large.html"; then
  say "rendering large.html with Chromium"
  cp "$GEN/large.html" "$GEN/large.expected.json" "$OUT/"
  profile=$(mktemp -d)
  (cd "$OUT" && timeout 300 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf=large.pdf large.html >"$LOGS/chromium.log" 2>&1) || die "chromium failed (see $LOGS/chromium.log)"
  rm -rf "$profile"
else
  cp "$GEN/large.expected.json" "$OUT/"
fi
pdftotext -raw "$OUT/large.pdf" "$OUT/large.txt"
bench check-render --expected "$OUT/large.expected.json" --text "$OUT/large.txt" || die "the rendered brochure does not hold every generated card (generator bug)"

# --- 1. extraction against pdftotext, interleaved runs ----------------------------------------------------------
# wall seconds and peak RSS (KB) of one command, from /usr/bin/time -v
timed() { # timed OUTFILE -- command...
  local out=$1; shift 2
  local tv; tv=$(mktemp)
  local rc=0
  /usr/bin/time -v -o "$tv" "$@" >"$out" 2>>"$LOGS/extract.stderr" || rc=$?
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tv")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$tv")
  rm -f "$tv"
  echo "$rc $wall $rss $cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
max() { sort -n | tail -1; }

extract_bench() { # label pdf
  local label=$1 pdf=$2 i
  local sstc_wall=() sstc_rss=() sstc_cpu=() pt_wall=() pt_rss=() pt_cpu=() failed=0
  for ((i = 1; i <= RUNS; i++)); do
    read -r rc wall rss cpu < <(timed /dev/null -- pdftotext "$pdf" /dev/null)
    pt_wall+=("$wall"); pt_rss+=("$rss"); pt_cpu+=("$cpu")
    read -r rc wall rss cpu < <(timed "$OUT/$label.sstc.json" -- dotnet "$SSTC" extract "$pdf")
    if [[ $rc != 0 ]]; then failed=1; echo "  sstc extract exited $rc (stderr in $LOGS/extract.stderr)"; tail -3 "$LOGS/extract.stderr"; break; fi
    sstc_wall+=("$wall"); sstc_rss+=("$rss"); sstc_cpu+=("$cpu")
    echo "  run $i: pdftotext ${pt_wall[-1]} s (cpu ${pt_cpu[-1]} s), ${pt_rss[-1]} KB | sstc extract $wall s (cpu $cpu s), $rss KB"
  done
  kv "$label.runs" "$RUNS"
  kv "$label.pdftotext_s" "$(printf '%s\n' "${pt_wall[@]}" | median)"
  kv "$label.pdftotext_cpu_s" "$(printf '%s\n' "${pt_cpu[@]}" | median)"
  kv "$label.pdftotext_rss_mb" "$(printf '%s\n' "${pt_rss[@]}" | max | awk '{printf "%.1f", $1/1024}')"
  kv "$label.pages" "$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  if ((failed == 0)); then
    kv "$label.sstc_s" "$(printf '%s\n' "${sstc_wall[@]}" | median)"
    kv "$label.sstc_cpu_s" "$(printf '%s\n' "${sstc_cpu[@]}" | median)"
    kv "$label.sstc_rss_mb" "$(printf '%s\n' "${sstc_rss[@]}" | max | awk '{printf "%.1f", $1/1024}')"
  fi
  return 0
}
say "1. extraction: sstc extract vs pdftotext, $RUNS interleaved runs each — large brochure"
extract_bench large "$OUT/large.pdf"
[[ -s $OUT/large.sstc.json ]] && bench accuracy --expected "$OUT/large.expected.json" --actual "$OUT/large.sstc.json" --kv "$KV" --label acc
say "1. extraction — seed fixture $(basename "$FIXTURE")"
extract_bench seed "$FIXTURE"
if [[ -s $OUT/seed.sstc.json && -f $FIXTURE_EXPECTED ]]; then
  bench accuracy --expected "$FIXTURE_EXPECTED" --actual "$OUT/seed.sstc.json" --kv "$KV" --label seedacc | head -3
fi

if [[ $PHASES == 1 ]]; then
  say "where extraction time goes on the large brochure (Stopwatch harness, $PHASE_RUNS warm runs)"
  timeout 300 dotnet "$BENCH" phases --pdf "$OUT/large.pdf" --runs "$PHASE_RUNS" --kv "$KV" --label phases || echo "  phases harness failed"
fi

# --- Azurite and the local host, on free loopback ports --------------------------------------------------------
PIDS=()
cleanup() { # TERM what this script started, KILL what is still there 10 s later (in-memory Azurite can be slow to go)
  local pid i
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    local alive=0
    for pid in "${PIDS[@]}"; do if [[ -e /proc/$pid && $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]]; then alive=1; fi; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap cleanup EXIT INT TERM

read -r BLOB QUEUE TABLE HTTP <<<"$(bench ports --count 4 | tr "\n" " ")"
KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==' # Azurite's public dev key
CONN="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"
say "starting Azurite (in memory) on 127.0.0.1:$BLOB/$QUEUE/$TABLE and the local host on 127.0.0.1:$HTTP"
"$AZURITE" --silent --skipApiVersionCheck --inMemoryPersistence --disableProductStyleUrl \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" \
  --tableHost 127.0.0.1 --tablePort "$TABLE" >"$LOGS/azurite.log" 2>&1 &
PIDS+=($!)
for port in "$BLOB" "$QUEUE" "$TABLE"; do
  for ((i = 0; i < 300; i++)); do (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done
(cd "$(dirname "$HOST")" && AzureWebJobsStorage="$CONN" CatalogStorage="$CONN" ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft=Warning \
  exec dotnet "$HOST" --port "$HTTP") >"$LOGS/host.log" 2>&1 &
HOST_PID=$!
PIDS+=("$HOST_PID")
BASE=http://127.0.0.1:$HTTP
for ((i = 0; i < 600; i++)); do
  curl -fsS -o /dev/null --max-time 2 "$BASE/api/health" 2>/dev/null && break
  kill -0 "$HOST_PID" 2>/dev/null || { tail -20 "$LOGS/host.log"; die "the local host exited"; }
  sleep 0.1
done
curl -fsS -o /dev/null --max-time 2 "$BASE/api/health" || { tail -20 "$LOGS/host.log"; die "the local host did not answer /api/health"; }

# --- 2. upload → queryable ----------------------------------------------------------------------------------------
say "2. upload → queryable: $UPLOADS uploads of the fixture"
timeout 600 dotnet "$BENCH" ingest --base "$BASE" --pdf "$FIXTURE" --count "$UPLOADS" --prefix bench --pid "$HOST_PID" --kv "$KV" --label ingest \
  || echo "  ingest driver failed"

# --- 3. reads under load, against one raw Azurite query ---------------------------------------------------------
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.3f", v}'; }
kv read.duration "$WRK_DURATION"
kv read.connections "$WRK_CONNECTIONS"
read_bench() { # key path
  local key=$1 path=$2 body
  body=$(curl -fsS --max-time 10 "$BASE$path" || echo "")
  echo "  $path → $(printf '%s' "$body" | head -c 160)…"
  local log=$LOGS/wrk-$key.txt
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --timeout 5s --latency "$BASE$path" >"$log" 2>&1 || true
  grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors' "$log" | sed 's/^/    /'
  if grep -q 'Non-2xx' "$log" || ! grep -q 'Requests/sec' "$log"; then
    echo "    (errors: not counted)"
    return 0
  fi
  kv "read.$key.rps" "$(awk '/Requests\/sec/ {print $2}' "$log")"
  kv "read.$key.p50_ms" "$(awk '$1=="50%" {print $2}' "$log" | to_ms)"
  kv "read.$key.p99_ms" "$(awk '$1=="99%" {print $2}' "$log" | to_ms)"
}
say "3. reads: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION on loopback"
read_bench country '/api/projects?country=BR'
read_bench q '/api/projects?q=migration'
read_bench facets '/api/facets'

say "3. raw Azurite table queries with the same filters (warm client, median of 7)"
# Table layout: docs/storage.md. There is no facet index table (no production reader; docs/storage.md says why), so
# a country filter or facet counts done in storage read the whole projects table, like text search.
raw() { # key what table [filter] [select]
  local key=$1 what=$2 table=$3 filter=${4:-} select=${5:-}
  kv "raw.$key.what" "$what"
  timeout 120 dotnet "$BENCH" rawquery --conn "$CONN" --table "$table" ${filter:+--filter "$filter"} ${select:+--select "$select"} \
    --kv "$KV" --label "raw.$key" || echo "  raw query failed"
}
raw country "projects table, every row (no facet index in storage)" projects
raw q "projects table, every row (no server-side text filter)" projects
raw facets "projects table, every row (no facet index in storage)" projects

# --- 4. memory over many brochures in one process ---------------------------------------------------------------
say "4. memory: $SOAK extractions of the fixture in one process"
timeout 600 dotnet "$BENCH" soak --pdf "$FIXTURE" --count "$SOAK" --warmup 50 --kv "$KV" --label soak || echo "  soak failed"

cleanup
trap - EXIT INT TERM

say "results"
kv machine.load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
bench report --kv "$KV" --out "$OUT/results.md" || rc=$?
echo "(table also in $OUT/results.md; raw values in $KV; logs in $LOGS; total $(($(date +%s) - STARTED)) s)"
exit "$rc"
