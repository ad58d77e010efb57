# scripts/bench-catalogue.sh — the catalogue-scale phase of scripts/bench.sh (issue 16), sourced by it when
# SSTC_BENCH_CATALOGUE=1 (then only this phase runs). Uses bench.sh's helpers (say, kv, die, bench, OUT, LOGS, HOST,
# AZURITE) after its build step.
#
#   SSTC_BENCH_CATALOGUE=1 scripts/bench.sh
#
# One generated brochure of ~1,000 cards (SSTC_BENCH_CATALOGUE_PAGES, 166 pages), rendered with Chromium, uploaded
# SSTC_BENCH_CATALOGUE_BROCHURES (20) times under different names, one after another, the way issue 16 measured it:
#   - upload → queryable time of each (the 1st against the last: work proportional to the catalogue would show);
#   - the host restarted: process start → /api/health and → first filtered answer (/api/projects?country=XX), the
#     snapshot load (time, bytes of snapshot blobs read, from the host's log line) and the host's RSS;
#   - wrk on a country filter, a word search and facets at that size;
#   - every brochure deleted: status codes (no 5xx), none of its projects served right after the answer, and the time
#     until every deletion completed in the background (GET /api/brochures/{id} → 404).
# Writes $OUT/catalogue.md and catalogue.* keys in $KV.

CAT_PAGES=${SSTC_BENCH_CATALOGUE_PAGES:-166}
CAT_BROCHURES=${SSTC_BENCH_CATALOGUE_BROCHURES:-20}
CAT_TIMEOUT=${SSTC_BENCH_CATALOGUE_TIMEOUT:-600}
now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo nan; }

say "catalogue scale: generating one brochure of $CAT_PAGES pages"
CGEN=$OUT/catalogue-gen
mkdir -p "$CGEN"
bench generate --out "$CGEN" --name catalogue --pages "$CAT_PAGES" --seed "$SEED" ${DESIGNS:+--designs "$DESIGNS"} --kv "$KV" --label catalogue.gen
if [[ ! -f $OUT/catalogue.pdf ]] || ! cmp -s "$CGEN/catalogue.html" "$OUT/catalogue.html"; then
  say "rendering catalogue.html with Chromium"
  cp "$CGEN/catalogue.html" "$OUT/"
  profile=$(mktemp -d)
  (cd "$OUT" && timeout 600 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf=catalogue.pdf catalogue.html >"$LOGS/chromium-catalogue.log" 2>&1) \
    || die "chromium failed (see $LOGS/chromium-catalogue.log)"
  rm -rf "$profile"
fi
CARDS=$(grep -o '"cards": *[0-9]*' "$CGEN/catalogue.expected.json" | head -1 | grep -o '[0-9]*$' || echo "?")
kv catalogue.cards_per_brochure "$CARDS"
kv catalogue.brochures "$CAT_BROCHURES"

trap cleanup EXIT INT TERM
start_azurite azurite-catalogue
BASE=http://127.0.0.1:$HTTP
start_host() { # start_host LOG: starts the local host, sets HOST_PID and HOST_STARTED_MS
  HOST_STARTED_MS=$(now_ms)
  # MALLOC_ARENA_MAX=2 as infra/app/app.bicep sets it for the deployed worker.
  (cd "$(dirname "$HOST")" && AzureWebJobsStorage="$CONN" CatalogueStorage="$CONN" ASPNETCORE_ENVIRONMENT=Production MALLOC_ARENA_MAX=2 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft=Warning \
    exec env Logging__LogLevel__SstcFunctions.FunctionApp.Catalogue.CatalogueReadModel=Information dotnet "$HOST" --port "$HTTP") >"$1" 2>&1 &
  HOST_PID=$!
  PIDS+=("$HOST_PID")
}
wait_for() { # wait_for PATH TIMEOUT_S: polls until 200, echoes ms since HOST_STARTED_MS (or "nan")
  local path=$1 until=$(($(now_ms) + $2 * 1000))
  while (($(now_ms) < until)); do
    if curl -fsS -o /dev/null --max-time 2 "$BASE$path" 2>/dev/null; then echo $(($(now_ms) - HOST_STARTED_MS)); return 0; fi
    kill -0 "$HOST_PID" 2>/dev/null || { echo nan; return 1; }
    sleep 0.02
  done
  echo nan
}
stop_host() {
  kill "$HOST_PID" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$HOST_PID" 2>/dev/null || true
  wait "$HOST_PID" 2>/dev/null || true
}

start_host "$LOGS/host-catalogue-1.log"
[[ $(wait_for /api/health 120) != nan ]] || { tail -20 "$LOGS/host-catalogue-1.log"; die "the local host did not answer /api/health"; }

# --- ingestion, one brochure after another -------------------------------------------------------------------------
say "catalogue scale: $CAT_BROCHURES uploads of $CARDS cards each, upload → queryable"
times=()
for ((n = 1; n <= CAT_BROCHURES; n++)); do
  name=cat-$n
  t0=$(now_ms)
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 120 -H 'Content-Type: application/pdf' --data-binary "@$OUT/catalogue.pdf" \
    "$BASE/api/brochures?name=$name")
  [[ $code == 202 ]] || { echo "  $name: POST answered $code"; times+=(nan); continue; }
  ok=0
  while (($(now_ms) - t0 < CAT_TIMEOUT * 1000)); do
    status=$(curl -fsS --max-time 10 "$BASE/api/brochures/$name" 2>/dev/null | grep -o '"status":"[a-z]*"' | head -1 | cut -d'"' -f4 || true)
    if [[ $status == succeeded ]]; then
      served=$(curl -fsS --max-time 10 "$BASE/api/projects?brochure=$name&top=1" 2>/dev/null | grep -c '"id"' || true)
      ((served > 0)) && { ok=1; break; }
    elif [[ $status == failed ]]; then
      echo "  $name: failed: $(curl -fsS "$BASE/api/brochures/$name" | head -c 300)"; break
    fi
    sleep 0.2
  done
  t=$(($(now_ms) - t0))
  ((ok)) || t=nan
  times+=("$t")
  echo "  $name: ${t} ms (host RSS $(rss_mb "$HOST_PID") MB, load $(cut -d' ' -f1 /proc/loadavg))"
done
kv catalogue.ingest_ms "$(IFS=,; echo "${times[*]}")"
kv catalogue.ingest_first_ms "${times[0]}"
kv catalogue.ingest_last_ms "${times[-1]}"
TOTAL=$(curl -fsS "$BASE/api/facets" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2)
kv catalogue.projects "$TOTAL"
kv catalogue.rss_after_ingest_mb "$(rss_mb "$HOST_PID")"
echo "  catalogue: $TOTAL projects; host RSS $(rss_mb "$HOST_PID") MB"

# What to ask: the most frequent country and a word of the first project's title.
COUNTRY=$(curl -fsS "$BASE/api/facets" | grep -o '"country":\[{"value":"[A-Z]*"' | grep -o '[A-Z]*"$' | tr -d '"')
WORD=$(curl -fsS "$BASE/api/projects?top=1" | grep -o '"title":"[^"]*"' | head -1 | cut -d'"' -f4 | tr 'A-Z' 'a-z' | tr -c 'a-z\n' ' ' | tr ' ' '\n' | awk 'length > 5' | head -1)
COUNTRY=${COUNTRY:-BR}; WORD=${WORD:-development}
kv catalogue.country "$COUNTRY"
kv catalogue.word "$WORD"

# --- cold start ------------------------------------------------------------------------------------------------------
say "catalogue scale: cold start (host restarted with $TOTAL projects stored)"
stop_host
start_host "$LOGS/host-catalogue-2.log"
health=$(wait_for /api/health 120)
first=$(wait_for "/api/projects?country=$COUNTRY" 120)
sleep 1
load_line=$(grep -m1 'Catalogue snapshot' "$LOGS/host-catalogue-2.log" | tr -s ' ' || true)
echo "  process start → /api/health $health ms, → first /api/projects?country=$COUNTRY $first ms"
echo "  $load_line"
kv catalogue.cold_health_ms "$health"
kv catalogue.cold_first_answer_ms "$first"
kv catalogue.snapshot_load_ms "$(grep -o 'in [0-9]* ms' <<<"$load_line" | grep -o '[0-9]*' || echo nan)"
kv catalogue.snapshot_bytes "$(grep -o '([0-9]* bytes' <<<"$load_line" | grep -o '[0-9]*' || echo nan)"
kv catalogue.snapshot_table_reads "$(grep -o '[0-9]* from the table' <<<"$load_line" | grep -o '^[0-9]*' || echo nan)"
kv catalogue.rss_cold_mb "$(rss_mb "$HOST_PID")"
# CPU the host used from its start to now (utime + stime): on a loaded machine the wall time says more about the
# neighbours than about the load; this does not.
kv catalogue.cold_cpu_s "$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$HOST_PID/stat")"

# --- reads at that size ------------------------------------------------------------------------------------------------
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.3f", v}'; }
cat_read() { # key path
  local key=$1 path=$2 log=$LOGS/wrk-catalogue-$1.txt
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --timeout 5s --latency "$BASE$path" >"$log" 2>&1 || true
  echo "  $path"; grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' "$log" | sed 's/^/    /'
  grep -q 'Non-2xx' "$log" && { echo "    (errors: not counted)"; return 0; }
  kv "catalogue.read.$key.rps" "$(awk '/Requests\/sec/ {print $2}' "$log")"
  kv "catalogue.read.$key.p50_ms" "$(awk '$1=="50%" {print $2}' "$log" | to_ms)"
  kv "catalogue.read.$key.p99_ms" "$(awk '$1=="99%" {print $2}' "$log" | to_ms)"
}
say "catalogue scale: reads, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION"
cat_read country "/api/projects?country=$COUNTRY"
cat_read q "/api/projects?q=$WORD"
cat_read facets "/api/facets"
kv catalogue.rss_after_reads_mb "$(rss_mb "$HOST_PID")"
echo "  host RSS after reads $(rss_mb "$HOST_PID") MB"

# --- deletes ---------------------------------------------------------------------------------------------------------
say "catalogue scale: deleting the $CAT_BROCHURES brochures"
codes=(); fivexx=0; visible=0; del_ms=(); t_all=$(now_ms)
for ((n = 1; n <= CAT_BROCHURES; n++)); do
  t0=$(now_ms)
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 60 -X DELETE "$BASE/api/brochures/cat-$n" || echo 000)
  del_ms+=($(($(now_ms) - t0)))
  codes+=("$code")
  [[ $code == 5* || $code == 000 ]] && fivexx=$((fivexx + 1))
  left=$(curl -fsS --max-time 10 "$BASE/api/projects?brochure=cat-$n&top=1" 2>/dev/null | grep -c '"id"' || true)
  visible=$((visible + left))
done
pending=$CAT_BROCHURES
until_ms=$(($(now_ms) + CAT_TIMEOUT * 1000))
while ((pending > 0 && $(now_ms) < until_ms)); do
  pending=0
  for ((n = 1; n <= CAT_BROCHURES; n++)); do
    c=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/api/brochures/cat-$n" || echo 000)
    [[ $c == 404 ]] || pending=$((pending + 1))
  done
  ((pending > 0)) && sleep 0.5
done
all_done=$(($(now_ms) - t_all))
remaining=$(curl -fsS "$BASE/api/facets" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2)
echo "  DELETE answers: $(printf '%s\n' "${codes[@]}" | sort | uniq -c | tr -s ' ' | tr '\n' ';') 5xx: $fivexx; DELETE time ms: ${del_ms[*]}"
echo "  projects still served right after a DELETE answered: $visible; all deletions complete after $all_done ms ($pending not complete); catalogue total now $remaining"
kv catalogue.delete_codes "$(printf '%s\n' "${codes[@]}" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
kv catalogue.delete_5xx "$fivexx"
kv catalogue.delete_ms "$(IFS=,; echo "${del_ms[*]}")"
kv catalogue.delete_visible_after "$visible"
kv catalogue.delete_complete_ms "$all_done"
kv catalogue.delete_incomplete "$pending"
kv catalogue.projects_after_deletes "$remaining"

cleanup
trap - EXIT INT TERM
kv machine.load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -E '^(machine|catalogue)\.' "$KV" | sed 's/^/    /' | tee "$OUT/catalogue.md"
echo "(catalogue phase: $(($(date +%s) - STARTED)) s; logs in $LOGS)"
