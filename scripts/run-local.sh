#!/usr/bin/env bash
# From a fresh clone: Azurite (pinned in package.json), the Functions app (Core Tools when `func` is on PATH,
# otherwise the in-repo local host; beside func start, the local Event Grid that feeds its blob trigger), the sample
# brochure uploaded and ingested, then curl examples.
# Ctrl-C stops everything this script started.
#   SSTC_HTTP_PORT (7071)  AZURITE_BLOB_PORT (10000)  AZURITE_QUEUE_PORT (10001)  AZURITE_TABLE_PORT (10002)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HTTP_PORT=${SSTC_HTTP_PORT:-7071}
BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
SAMPLE=${SSTC_SAMPLE:-samples/sstc-2020-2021.pdf}
BASE=http://127.0.0.1:$HTTP_PORT/api
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\n== %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "$1 is required ($2)" >&2; exit 1; }; }
need dotnet ".NET 10 SDK"
need node "Node 20"
need npm "Node 20"
need curl "curl"

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  if [ "${#PIDS[@]}" -gt 0 ]; then
    say "stopping"
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    # Azurite closes its services gracefully; give everything 15 s, then stop what is left.
    for _ in $(seq 1 75); do
      alive=0
      for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break
      sleep 0.2
    done
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for_port() { # port name pid
  for _ in $(seq 1 300); do
    port_open "$1" && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 exited; see its log above" >&2; exit 1; }
    sleep 0.2
  done
  echo "$2 did not open port $1" >&2; exit 1
}

# Azurite, installed from package-lock.json, data in .azurite/ (git-ignored)
if [ ! -x node_modules/.bin/azurite ]; then
  say "installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
for port in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT" "$HTTP_PORT"; do
  if port_open "$port"; then echo "port $port is already in use; set SSTC_HTTP_PORT / AZURITE_*_PORT" >&2; exit 1; fi
done
mkdir -p .azurite
say "starting Azurite (blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT)"
node_modules/.bin/azurite --skipApiVersionCheck --disableProductStyleUrl --silent --location .azurite \
  --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --debug .azurite/debug.log >.azurite/azurite.log 2>&1 &
AZURITE_PID=$!
PIDS+=("$AZURITE_PID")
wait_for_port "$BLOB_PORT" Azurite "$AZURITE_PID"
wait_for_port "$QUEUE_PORT" Azurite "$AZURITE_PID"
wait_for_port "$TABLE_PORT" Azurite "$AZURITE_PID"

# The well-known Azurite development account (public, not a secret), on the chosen ports
KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
export AzureWebJobsStorage="$STORAGE" CatalogueStorage="$STORAGE"

# The app: Core Tools when installed, otherwise the local host (same function classes, same routes).
# IngestBrochure's blob trigger takes its blobs from Event Grid (the only source Flex Consumption runs), and Azurite
# publishes no events: a local Event Grid lists brochures/ and posts BlobCreated to the blob extension's webhook.
# The local host runs it in-process; beside func start it runs on its own (SstcFunctions.LocalHost --events-only).
# Both create the brochures container on start; the catalogue creates its tables on first use.
if command -v func >/dev/null 2>&1; then
  [ -f local.settings.json ] || cp local.settings.sample.json local.settings.json
  say "building and starting the Functions app with Core Tools on port $HTTP_PORT"
  dotnet build src/SstcFunctions.FunctionApp -c Debug -nologo -clp:ErrorsOnly
  dotnet build src/SstcFunctions.LocalHost -c Debug -nologo -clp:ErrorsOnly
  (cd src/SstcFunctions.FunctionApp/bin/Debug/net10.0 && exec func start --port "$HTTP_PORT") &
  APP_PID=$!
  PIDS+=("$APP_PID")
  say "starting the local Event Grid for func start: BlobCreated in brochures/ -> http://127.0.0.1:$HTTP_PORT/runtime/webhooks/blobs"
  dotnet src/SstcFunctions.LocalHost/bin/Debug/net10.0/SstcFunctions.LocalHost.dll --events-only --port "$HTTP_PORT" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:SstcFunctions=Information &
  EVENTS_PID=$!
  PIDS+=("$EVENTS_PID")
else
  say "Core Tools (func) not found: building and starting the local host on port $HTTP_PORT"
  dotnet build src/SstcFunctions.LocalHost -c Debug -nologo -clp:ErrorsOnly
  dotnet src/SstcFunctions.LocalHost/bin/Debug/net10.0/SstcFunctions.LocalHost.dll --port "$HTTP_PORT" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information \
    --Logging:LogLevel:SstcFunctions=Information &
  APP_PID=$!
  PIDS+=("$APP_PID")
fi
for _ in $(seq 1 600); do
  curl -fsS "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited" >&2; exit 1; }
  [ -z "${EVENTS_PID:-}" ] || kill -0 "$EVENTS_PID" 2>/dev/null || { echo "the local Event Grid exited; see its log above" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$BASE/health" >/dev/null || { echo "the app did not answer $BASE/health" >&2; exit 1; }

# Upload the committed sample and wait for the blob trigger to ingest it
NAME=$(basename "$SAMPLE")
say "uploading $SAMPLE"
started=$(date +%s.%N)
LOCATION=$(curl -fsS -o /dev/null -w '%header{location}' -X POST -H 'Content-Type: application/pdf' \
  --data-binary "@$SAMPLE" "$BASE/brochures?name=$NAME")
ID=${LOCATION##*/}
echo "202 Accepted, Location: $LOCATION"
STATUS=pending
for _ in $(seq 1 600); do
  BODY=$(curl -fsS "$BASE/brochures/$ID" || true)
  STATUS=$(printf '%s' "$BODY" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
  [ "$STATUS" = succeeded ] || [ "$STATUS" = failed ] && break
  sleep 0.1
done
elapsed=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $started }")
echo "brochure $ID: $STATUS after ${elapsed}s"
echo "$BODY"
[ "$STATUS" = succeeded ] || { echo "ingestion did not succeed" >&2; exit 1; }

cat <<EXAMPLES

== ready: $BASE  (Ctrl-C stops the app and Azurite)
Dashboard: http://127.0.0.1:$HTTP_PORT/

curl -s $BASE/health
curl -s "$BASE/projects?top=5"
curl -s "$BASE/projects?region=africa"
curl -s "$BASE/projects?country=BR&topic=tvet"
curl -s "$BASE/projects?country=BR&outcome=5"
curl -s "$BASE/projects?q=women&brochure=$ID"
curl -s "$BASE/projects?format=csv" -o projects.csv
curl -s $BASE/projects/$ID-001
curl -s "$BASE/facets?region=africa"
curl -s $BASE/brochures
curl -s $BASE/brochures/$ID
curl -s -X POST -H 'Content-Type: application/pdf' --data-binary @$SAMPLE "$BASE/brochures?name=$NAME"
curl -s -X DELETE $BASE/brochures/$ID
curl -s $BASE/openapi.json

Upload with the Azure CLI instead (the local Event Grid announces it to the blob trigger):
az storage blob upload --connection-string "$STORAGE" --container-name brochures --file $SAMPLE --name $NAME --overwrite
EXAMPLES

wait "$APP_PID"
