#!/usr/bin/env bash
# scripts/bench.sh — the benchmark of issue 6, every figure next to a baseline measured in the same run.
#
#   scripts/bench.sh            build, generate + render the benchmark brochures, measure, print the table (bench/out/results.md)
#   SSTC_BENCH_ONLY=extraction scripts/bench.sh      the same, extraction only (no HTTP phases)
#
# Measures (docs/benchmarks.md explains each):
#   1. `sstc extract` wall time, CPU and peak RSS (/usr/bin/time -v) on every benchmark brochure (generated: Chromium
#      designs, a masonry one, the same cards by pdfTeX, LibreOffice Writer and ReportLab) and on the seed fixture, against
#      `pdftotext` on the same file, runs interleaved; cards found on each against the generator's list;
#   2. upload → queryable latency (p50/p95) of the fixture through the local host and Azurite;
#   3. wrk throughput and p50/p99 of three reads, against one raw Azurite table query with the same filter;
#   4. memory over 200 extractions in one process;
#   plus where extraction time goes (parse / layout / classification, Stopwatch harness).
# Starts and stops its own Azurite and local host on free loopback ports; targets 127.0.0.1 only.
# Exit status: 0 when every target passes, 1 when one fails (or was not measured), 2 on a setup error.
#
# Settings (environment): SSTC_BENCH_OUT (bench/out), SSTC_BENCH_ARTIFACTS (build output, default $OUT/artifacts),
#   SSTC_BENCH_PAGES (300), SSTC_BENCH_SEED (42), SSTC_BENCH_DESIGNS (all; comma list of generator designs),
#   SSTC_BENCH_RUNS (3 extraction runs per tool), SSTC_BENCH_WORKER_RUNS (5 brochures sent to one warm worker: its first,
#   then the median of the others, so one slow answer on a noisy machine does not decide), SSTC_BENCH_UPLOADS (20), SSTC_BENCH_SOAK (200),
#   SSTC_BENCH_WRK_DURATION (10s), SSTC_BENCH_WRK_CONNECTIONS (8), SSTC_BENCH_WRK_THREADS (1),
#   SSTC_BENCH_PHASES (1: run the where-time-goes harness), SSTC_BENCH_PHASE_RUNS (2), SSTC_BENCH_SKIP_BUILD (0),
#   SSTC_BENCH_FIXTURE (samples/sstc-2020-2021.pdf, else ../shared/brochures/sstc-2020-2021/brochure.pdf),
#   SSTC_BENCH_NOTE (free text printed with the machine line, e.g. "machine shared with a test run"),
#   SSTC_BENCH_MASONRY_PAGES (120: the masonry-only brochure), SSTC_BENCH_ONLY (extraction: generate, render and
#   measure extraction only, no Azurite, host or HTTP phases). On a shared machine run it as `scripts/quiet.sh scripts/bench.sh`
#   (top priority in its own autogroup, as root): pdftotext and sstc inherit it, so both are measured alike.
#   SSTC_BENCH_CATALOGUE (1: run only the catalogue-scale phase, scripts/bench-catalogue.sh, which lists its settings).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${SSTC_BENCH_OUT:-$ROOT/bench/out}
ART=${SSTC_BENCH_ARTIFACTS:-$OUT/artifacts}
PAGES=${SSTC_BENCH_PAGES:-300}
SEED=${SSTC_BENCH_SEED:-42}
DESIGNS=${SSTC_BENCH_DESIGNS:-}
RUNS=${SSTC_BENCH_RUNS:-3}
WORKER_RUNS=${SSTC_BENCH_WORKER_RUNS:-5}
UPLOADS=${SSTC_BENCH_UPLOADS:-20}
SOAK=${SSTC_BENCH_SOAK:-200}
WRK_DURATION=${SSTC_BENCH_WRK_DURATION:-10s}
WRK_CONNECTIONS=${SSTC_BENCH_WRK_CONNECTIONS:-8}
WRK_THREADS=${SSTC_BENCH_WRK_THREADS:-1}
PHASES=${SSTC_BENCH_PHASES:-1}
PHASE_RUNS=${SSTC_BENCH_PHASE_RUNS:-2}
MASONRY_PAGES=${SSTC_BENCH_MASONRY_PAGES:-120}
ONLY=${SSTC_BENCH_ONLY:-}
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
if [[ ! -x $AZURITE && $ONLY != extraction ]]; then
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
  projects=(bench/SstcFunctions.Benchmarks src/SstcFunctions.Cli)
  [[ $ONLY == extraction ]] || projects+=(src/SstcFunctions.LocalHost)
  for project in "${projects[@]}"; do
    dotnet build "$ROOT/$project" -c Release --artifacts-path "$ART" -nologo -v quiet >"$LOGS/build.log" 2>&1 \
      || { tail -30 "$LOGS/build.log"; die "build of $project failed"; }
  done
  # The CLI as it ships: published for the machine's runtime with ReadyToRun code (SstcFunctions.Cli.csproj), so a
  # cold process does not spend ~1.5 s JIT-compiling; `dotnet build` output has none.
  dotnet publish "$ROOT/src/SstcFunctions.Cli" -c Release -r "$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')" \
    --self-contained false --artifacts-path "$ART" -o "$ART/sstc-published" -nologo -v quiet >"$LOGS/publish.log" 2>&1 \
    || { tail -30 "$LOGS/publish.log"; die "publish of the CLI failed"; }
  # The local host likewise published ReadyToRun, as a deployment for a known runtime is (SstcFunctions.FunctionApp.csproj):
  # the catalogue phase's cold start measures the app, not the JIT of a debug-style build.
  if [[ $ONLY != extraction ]]; then
    dotnet publish "$ROOT/src/SstcFunctions.LocalHost" -c Release -r "$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')" \
      --self-contained false -p:PublishReadyToRun=true --artifacts-path "$ART" -o "$ART/host-published" -nologo -v quiet \
      >"$LOGS/publish-host.log" 2>&1 || { tail -30 "$LOGS/publish-host.log"; die "publish of the local host failed"; }
  fi
fi
BENCH=$ART/bin/SstcFunctions.Benchmarks/release/sstc-bench.dll
SSTC=$ART/sstc-published/sstc.dll
HOST=$ART/host-published/SstcFunctions.LocalHost.dll
for f in "$BENCH" "$SSTC" $([[ $ONLY == extraction ]] || echo "$HOST"); do [[ -f $f ]] || die "not built: $f"; done
bench() { dotnet "$BENCH" "$@"; }

# --- processes this script starts, and Azurite (shared with scripts/bench-catalogue.sh) ---------------------------
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
start_azurite() { # start_azurite LOGNAME: in-memory Azurite on free loopback ports; sets BLOB QUEUE TABLE HTTP CONN
  read -r BLOB QUEUE TABLE HTTP <<<"$(bench ports --count 4 | tr "\n" " ")"
  local key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==' # Azurite's public dev key
  CONN="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"
  say "starting Azurite (in memory) on 127.0.0.1:$BLOB/$QUEUE/$TABLE"
  "$AZURITE" --silent --skipApiVersionCheck --inMemoryPersistence --disableProductStyleUrl \
    --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" \
    --tableHost 127.0.0.1 --tablePort "$TABLE" >"$LOGS/$1.log" 2>&1 &
  PIDS+=($!)
  local port i
  for port in "$BLOB" "$QUEUE" "$TABLE"; do
    for ((i = 0; i < 300; i++)); do (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  done
}

# --- catalogue scale (issue 16): SSTC_BENCH_CATALOGUE=1 runs only this phase (scripts/bench-catalogue.sh) ----------
if [[ ${SSTC_BENCH_CATALOGUE:-0} == 1 ]]; then
  source "$ROOT/scripts/bench-catalogue.sh"
  exit 0
fi

# --- the benchmark brochures: generate, render (cached in $OUT: redone only when the source changed), check ------------
# Each brochure is a label with $OUT/LABEL.pdf and $OUT/LABEL.expected.json (the generator's card list):
#   large          Chromium, ~300 pages, six page designs (one per volume; docs/benchmarks.md lists them)
#   masonry        Chromium, ≥ 100 pages of the serif scrambled masonry design alone
#   large-latex    the large brochure's cards typeset by pdfTeX (two-column article)
#   large-writer   the same cards in LibreOffice Writer (a two-cell table a row, one region per page), headless soffice
#   large-reportlab  the same cards by ReportLab (landscape, three frames, standard Helvetica), Debian's python3-reportlab
# A producer that is missing is installed (apt-get, as root) or its brochure is skipped with the reason printed.
BROCHURES=() # label|what
GEN=$OUT/gen
brochure() { BROCHURES+=("$1|$2"); kv "$1.what" "$2"; }

have_or_install() { # "check command" package...: true when the check passes, installing the packages first if needed
  local check=$1; shift
  bash -c "$check" >/dev/null 2>&1 && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing $*"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >"$LOGS/apt.log" 2>&1 \
      || { echo "  apt-get install $* failed (see $LOGS/apt.log)"; return 1; }
    bash -c "$check" >/dev/null 2>&1 && return 0
  fi
  return 1
}

cached() { # name ext: $OUT holds NAME.pdf and its expected list, made from the same source as $GEN's
  [[ -f $OUT/$1.pdf && -f $OUT/$1.expected.json ]] && cmp -s "$GEN/$1.$2" "$OUT/$1.$2"
}

checked() { # name: every generated card printed in full on its page (a generator or render bug must not count against sstc)
  pdftotext -raw "$OUT/$1.pdf" "$OUT/$1.txt"
  bench check-render --expected "$OUT/$1.expected.json" --text "$OUT/$1.txt"
}

located() { # name ext: pages of a producer that chose them, from the render; the source copied last marks the cache whole
  pdftotext -raw "$OUT/$1.pdf" "$OUT/$1.txt"
  cp "$GEN/$1.expected.json" "$OUT/"
  bench locate --expected "$OUT/$1.expected.json" --text "$OUT/$1.txt" || return 1
  cp "$GEN/$1.$2" "$OUT/"
}

render_chromium() { # name
  local name=$1 profile
  if ! cached "$name" html; then
    say "rendering $name.html with Chromium"
    rm -f "$OUT/$name.pdf" "$OUT/$name.html"
    profile=$(mktemp -d)
    (cd "$GEN" && timeout 600 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --disable-quic --user-data-dir="$profile" \
      --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf" "$name.html" >"$LOGS/chromium-$name.log" 2>&1)
    rm -rf "$profile"
    [[ -s $OUT/$name.pdf ]] || { echo "  chromium failed (see $LOGS/chromium-$name.log)"; return 1; }
    cp "$GEN/$name.html" "$OUT/"
  fi
  cp "$GEN/$name.expected.json" "$OUT/"
  checked "$name"
}

render_latex() { # name
  local name=$1 dir
  if ! cached "$name" tex; then
    say "rendering $name.tex with pdflatex"
    rm -f "$OUT/$name.pdf" "$OUT/$name.tex"
    dir=$(mktemp -d)
    cp "$GEN/$name.tex" "$dir/"
    (cd "$dir" && timeout 600 pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >"$LOGS/pdflatex-$name.log" 2>&1) \
      && mv "$dir/$name.pdf" "$OUT/"
    rm -rf "$dir"
    [[ -s $OUT/$name.pdf ]] || { echo "  pdflatex failed (see $LOGS/pdflatex-$name.log)"; return 1; }
    located "$name" tex || return 1
  fi
  checked "$name"
}

render_writer() { # name
  local name=$1 dir
  if ! cached "$name" fodt; then
    say "rendering $name.fodt with LibreOffice Writer (headless soffice)"
    rm -f "$OUT/$name.pdf" "$OUT/$name.fodt"
    dir=$(mktemp -d)
    timeout 900 soffice "-env:UserInstallation=file://$dir/profile" --headless --convert-to pdf --outdir "$dir" "$GEN/$name.fodt" \
      >"$LOGS/soffice-$name.log" 2>&1 && [[ -s $dir/$name.pdf ]] && mv "$dir/$name.pdf" "$OUT/"
    rm -rf "$dir"
    [[ -s $OUT/$name.pdf ]] || { echo "  soffice failed (see $LOGS/soffice-$name.log)"; return 1; }
    located "$name" fodt || return 1
  fi
  checked "$name"
}

render_reportlab() { # name
  local name=$1
  if ! cached "$name" py; then
    say "rendering $name.py with ReportLab"
    rm -f "$OUT/$name.pdf" "$OUT/$name.py"
    timeout 600 "$REPORTLAB_PYTHON" "$GEN/$name.py" "$OUT/$name.pdf" >"$LOGS/reportlab-$name.log" 2>&1 || true
    [[ -s $OUT/$name.pdf ]] || { echo "  reportlab failed (see $LOGS/reportlab-$name.log)"; return 1; }
    located "$name" py || return 1
  fi
  checked "$name"
}
REPORTLAB_PYTHON=/usr/bin/python3 # Debian's python3-reportlab is installed for the system Python, not for a pyenv one

generate_brochures() {
  mkdir -p "$GEN"
  say "generating the benchmark brochures ($PAGES pages, seed $SEED${DESIGNS:+, designs $DESIGNS}; masonry $MASONRY_PAGES pages)"
  bench generate --out "$GEN" --name large --pages "$PAGES" --seed "$SEED" ${DESIGNS:+--designs "$DESIGNS"} --producers --kv "$KV" --label large
  bench generate --out "$GEN" --name masonry --pages "$MASONRY_PAGES" --seed "$((SEED + 1))" --designs portrait-3col-masonry-serif --kv "$KV" --label masonry
  render_chromium large || die "the large brochure does not hold every generated card (generator bug) or did not render"
  brochure large "Chromium, six page designs"
  if render_chromium masonry; then brochure masonry "Chromium, serif scrambled masonry"; else echo "  skipped: the masonry brochure (render check failed)"; fi
  if have_or_install "command -v pdflatex && kpsewhich microtype.sty lmodern.sty" texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern; then
    if render_latex large-latex; then brochure large-latex "pdfTeX two-column article, same cards"; else echo "  skipped: large-latex (render failed)"; fi
  else
    echo "  skipped: large-latex — pdflatex with microtype and lmodern is not installed (apt-get install texlive-latex-recommended lmodern, as root)"
  fi
  if have_or_install "command -v soffice" libreoffice-writer; then
    if render_writer large-writer; then brochure large-writer "LibreOffice Writer tables, same cards"; else echo "  skipped: large-writer (render failed)"; fi
  else
    echo "  skipped: large-writer — soffice is not installed (apt-get install libreoffice-writer, as root)"
  fi
  if have_or_install "$REPORTLAB_PYTHON -c 'import reportlab'" python3-reportlab; then
    if render_reportlab large-reportlab; then brochure large-reportlab "ReportLab three columns, same cards"; else echo "  skipped: large-reportlab (render failed)"; fi
  else
    echo "  skipped: large-reportlab — $REPORTLAB_PYTHON cannot import reportlab (apt-get install python3-reportlab, as root)"
  fi
  kv brochures "$(printf '%s\n' "${BROCHURES[@]}" | cut -d'|' -f1 | paste -sd,)"
}
generate_brochures

# --- 1. extraction against pdftotext, interleaved runs, on every benchmark brochure -------------------------------
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
  rm -f "$OUT/$label.sstc.json"
  for ((i = 1; i <= RUNS; i++)); do
    read -r rc wall rss cpu < <(timed /dev/null -- pdftotext "$pdf" /dev/null)
    pt_wall+=("$wall"); pt_rss+=("$rss"); pt_cpu+=("$cpu")
    read -r rc wall rss cpu < <(timed "$OUT/$label.sstc.json" -- dotnet "$SSTC" extract "$pdf")
    if [[ $rc != 0 ]]; then failed=1; echo "  sstc extract exited $rc (stderr in $LOGS/extract.stderr)"; tail -3 "$LOGS/extract.stderr"; rm -f "$OUT/$label.sstc.json"; break; fi
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
    # The app's own path: a pre-warmed sandbox worker (sstc serve) given the brochure $WORKER_RUNS times.
    bench serve --sstc "$SSTC" --pdf "$pdf" --runs "$WORKER_RUNS" --kv "$KV" --label "$label.worker" || echo "  warm worker measurement failed"
  fi
  return 0
}

extraction_phase() {
  local entry label what
  for entry in "${BROCHURES[@]}"; do
    IFS='|' read -r label what <<<"$entry"
    say "1. extraction: sstc extract vs pdftotext, $RUNS interleaved runs each — $label ($what)"
    extract_bench "$label" "$OUT/$label.pdf"
    if [[ -s $OUT/$label.sstc.json ]]; then
      bench accuracy --expected "$OUT/$label.expected.json" --actual "$OUT/$label.sstc.json" --kv "$KV" --label "$label.acc" | head -16
    fi
  done
  say "1. extraction — seed fixture $(basename "$FIXTURE")"
  extract_bench seed "$FIXTURE"
  if [[ -s $OUT/seed.sstc.json && -f $FIXTURE_EXPECTED ]]; then
    bench accuracy --expected "$FIXTURE_EXPECTED" --actual "$OUT/seed.sstc.json" --kv "$KV" --label seedacc | head -3
  fi
  if [[ $PHASES == 1 ]]; then
    say "where extraction time goes on the large brochure (Stopwatch harness, $PHASE_RUNS warm runs)"
    timeout 300 dotnet "$BENCH" phases --pdf "$OUT/large.pdf" --runs "$PHASE_RUNS" --kv "$KV" --label phases || echo "  phases harness failed"
  fi
}
extraction_phase

report() {
  say "results"
  kv machine.load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
  local rc=0
  bench report --kv "$KV" --out "$OUT/results.md" || rc=$?
  echo "(table also in $OUT/results.md; raw values in $KV; logs in $LOGS; total $(($(date +%s) - STARTED)) s)"
  exit "$rc"
}
if [[ $ONLY == extraction ]]; then
  kv only extraction
  report
fi

# --- Azurite and the local host, on free loopback ports --------------------------------------------------------
trap cleanup EXIT INT TERM
start_azurite azurite
say "starting the local host on 127.0.0.1:$HTTP"
(cd "$(dirname "$HOST")" && AzureWebJobsStorage="$CONN" CatalogueStorage="$CONN" ASPNETCORE_ENVIRONMENT=Production \
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

report
