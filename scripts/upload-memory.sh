#!/usr/bin/env bash
# Upload memory: RSS of the local host before, during and after N concurrent uploads of SIZE_MB each (issue 15).
#   scripts/upload-memory.sh            (10 × 49 MiB, just under the 50 MiB limit; builds the local host first unless SKIP_BUILD=1)
#   UPLOADS=10 SIZE_MB=50 scripts/upload-memory.sh
# Runs its own Azurite and local host on free loopback ports, the blob trigger off (this measures the upload path:
# request → blob storage), and prints the HTTP statuses and RSS figures.
set -euo pipefail
cd "$(dirname "$0")/.."
UPLOADS=${UPLOADS:-10}
SIZE_MB=${SIZE_MB:-49}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sstc-upload-memory.XXXXXX")
[ "${SKIP_BUILD:-0}" = 1 ] || dotnet build src/SstcFunctions.LocalHost -nologo -clp:ErrorsOnly >/dev/null
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
BLOB=$(free_port); QUEUE=$(free_port); TABLE=$(free_port); HTTP=$(free_port)
node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl --blobHost 127.0.0.1 --blobPort "$BLOB" \
  --queueHost 127.0.0.1 --queuePort "$QUEUE" --tableHost 127.0.0.1 --tablePort "$TABLE" >"$WORK/azurite.log" 2>&1 &
AZURITE=$!
CONN="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"
AzureWebJobsStorage="$CONN" CatalogueStorage="$CONN" LocalHost__BlobTriggers=false LocalHost__TimerTriggers=false \
  dotnet src/SstcFunctions.LocalHost/bin/Debug/net10.0/SstcFunctions.LocalHost.dll --port "$HTTP" >"$WORK/host.log" 2>&1 &
HOST=$!
cleanup() { kill "$HOST" "$AZURITE" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$HTTP/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$HOST/status"; }
hwm() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$HOST/status"; }
# Warm up: one small upload so JIT and clients are in place before the baseline.
printf '%%PDF-1.4\n%%%%EOF\n' >"$WORK/small.pdf"
curl -s -o /dev/null -H 'Content-Type: application/pdf' --data-binary @"$WORK/small.pdf" "http://127.0.0.1:$HTTP/api/brochures?name=warmup.pdf"
sleep 2
BASE=$(rss)
{ printf '%%PDF-1.4\n'; head -c $((SIZE_MB * 1024 * 1024 - 16)) /dev/urandom; } >"$WORK/big.pdf"
PEAK=$BASE
( while kill -0 "$HOST" 2>/dev/null; do r=$(rss); echo "$r"; sleep 0.1; done ) >"$WORK/rss.txt" &
SAMPLER=$!
for i in $(seq 1 "$UPLOADS"); do
  curl -s -o "$WORK/response-$i.json" -w '%{http_code}\n' -H 'Content-Type: application/pdf' -H 'Transfer-Encoding: chunked' \
    --data-binary @"$WORK/big.pdf" "http://127.0.0.1:$HTTP/api/brochures?name=big-$i.pdf" >>"$WORK/codes.txt" &
done
wait $(jobs -p | grep -v "^$SAMPLER$" | grep -v "^$HOST$" | grep -v "^$AZURITE$") 2>/dev/null || true
sleep 5
AFTER=$(rss)
kill "$SAMPLER" 2>/dev/null || true
PEAK=$(sort -n "$WORK/rss.txt" | tail -1)
echo "uploads: $UPLOADS × $SIZE_MB MB, statuses: $(sort "$WORK/codes.txt" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
for f in "$WORK"/response-*.json; do grep -q '"status":4' "$f" && { echo "a 4xx answer: $(head -c 300 "$f")"; break; }; done
echo "host RSS: baseline ${BASE} MB, peak ${PEAK} MB (+$((PEAK - BASE)) MB), 5 s after ${AFTER} MB (+$((AFTER - BASE)) MB); VmHWM $(hwm) MB"
