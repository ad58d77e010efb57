#!/usr/bin/env bash
# Restore, build the solution once, run every test project against one Azurite of our own, print "N passed, N failed".
#   CONFIGURATION=Debug scripts/test.sh        (default Release)
#   SSTC_ARTIFACTS_PATH=/tmp/art scripts/test.sh  (build outside the source tree)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CONFIGURATION=${CONFIGURATION:-Release}
ARTIFACTS=()
if [ -n "${SSTC_ARTIFACTS_PATH:-}" ]; then ARTIFACTS=(--artifacts-path "$SSTC_ARTIFACTS_PATH"); fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
  # Only where we may: root, or password-less sudo, on Debian/Ubuntu (CI). Elsewhere say what is missing.
  if [ "$(id -u)" = 0 ] && need apt-get; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif need apt-get && need sudo && sudo -n true 2>/dev/null; then
    sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "missing: $* (install it and rerun)" >&2; exit 1
  fi
}
need dotnet || { echo "the .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
need node || apt_install nodejs npm
need npm || apt_install npm
# The dashboard's browser tests drive Debian's Chromium (SSTC_CHROMIUM elsewhere); without it they fail, never skip.
[ -x "${SSTC_CHROMIUM:-/usr/bin/chromium}" ] || apt_install chromium

# Install Azurite and the OpenAPI validator (pinned in package.json / package-lock.json)
if [ ! -x node_modules/.bin/azurite ] || [ ! -d node_modules/@apidevtools/swagger-parser ]; then
  echo "== npm ci (Azurite, swagger-parser)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Build once (the FunctionApp build also runs npm ci and the bundle step for the dashboard in dashboard/)
echo "== dotnet build ($CONFIGURATION)"
dotnet build SstcFunctions.sln -c "$CONFIGURATION" "${ARTIFACTS[@]}" -nologo -clp:ErrorsOnly

# Start our own Azurite on free loopback ports, stopped on any exit
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
BLOB_PORT=$(free_port); QUEUE_PORT=$(free_port); TABLE_PORT=$(free_port)
RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/sstc-test-results.XXXXXX")
node_modules/.bin/azurite --silent --skipApiVersionCheck --inMemoryPersistence --disableProductStyleUrl \
  --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" >"$RESULTS/azurite.log" 2>&1 &
AZURITE_PID=$!
cleanup() { kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
for port in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
  for _ in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$RESULTS/azurite.log" >&2; echo "Azurite did not start" >&2; exit 1; }
    sleep 0.2
  done
done
export SSTC_TEST_AZURITE_PORTS="$BLOB_PORT,$QUEUE_PORT,$TABLE_PORT"
echo "== Azurite on blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT"

# Run every test project
echo "== dotnet test"
status=0
dotnet test SstcFunctions.sln -c "$CONFIGURATION" "${ARTIFACTS[@]}" --no-build \
  --logger "trx;LogFilePrefix=sstc" --logger "console;verbosity=minimal" --results-directory "$RESULTS" \
  --blame-hang-timeout 10m || status=$?

# Infrastructure compiles (offline Bicep from NuGet); skip with SSTC_SKIP_BICEP=1
if [ "${SSTC_SKIP_BICEP:-0}" != 1 ]; then
  echo "== bicep build + lint (every infra/**/*.bicep)"
  scripts/bicep-build.sh >/dev/null || { echo "bicep build or lint failed" >&2; status=1; }
fi

# Sum the runner's counters over every test project
passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" = 0 ] && [ "$failed" != 0 ]; then status=1; fi
if [ "$passed" = 0 ] && [ "$failed" = 0 ]; then echo "no test ran" >&2; status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
