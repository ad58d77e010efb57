#!/usr/bin/env bash
# Runs every command of the README's "Uploading brochures" and "API" examples against a local app, in the README's
# order: scripts/run-local.sh on free ports (Azurite, the app, the sample brochure ingested), then each `curl` with
# --fail (an HTTP error fails it), each `az` when the Azure CLI is installed (otherwise its connection string is
# checked to name the blob endpoint), and the variable assignments (B, AZURITE, ETAG) as written, with the README's
# ports replaced by the ones chosen here. Output files land in a temporary directory. Prints "N passed, N failed".
#   README_CHECK_KEEP_LOG=1 keeps the app's log.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
HTTP_PORT=$(free_port); BLOB_PORT=$(free_port); QUEUE_PORT=$(free_port); TABLE_PORT=$(free_port)
WORK=$(mktemp -d)
LOG=$WORK/run-local.log
ln -s "$ROOT/samples" "$WORK/samples"

# The commands, in order: bash blocks of the two local sections, continuation lines joined.
COMMANDS=$WORK/commands.sh
awk '
  /^## / { section = ($0 == "## Uploading brochures" || $0 == "## API") }
  section && /^```bash/ { inblock = 1; next }
  inblock && /^```/ { inblock = 0; next }
  inblock { print }
' README.md | sed -e ':a' -e '/\\$/N; s/\\\n *//; ta' \
  | sed -e "s#127\.0\.0\.1:7071#127.0.0.1:$HTTP_PORT#g" -e "s#127\.0\.0\.1:10000#127.0.0.1:$BLOB_PORT#g" >"$COMMANDS"
[ -s "$COMMANDS" ] || { echo "no commands found in README.md" >&2; exit 1; }

echo "== starting the app (scripts/run-local.sh, http $HTTP_PORT): the first run builds everything and takes minutes"
SSTC_HTTP_PORT=$HTTP_PORT AZURITE_BLOB_PORT=$BLOB_PORT AZURITE_QUEUE_PORT=$QUEUE_PORT AZURITE_TABLE_PORT=$TABLE_PORT \
  scripts/run-local.sh >"$LOG" 2>&1 &
APP=$!
stop() {
  kill -TERM "$APP" 2>/dev/null && wait "$APP" 2>/dev/null   # its trap stops Azurite and the app (INT is ignored in background jobs)
  [ -n "${README_CHECK_KEEP_LOG:-}" ] && echo "app log: $LOG" || rm -rf "$WORK"
}
trap stop EXIT
for _ in $(seq 1 6000); do
  grep -q '^== ready:' "$LOG" && break
  kill -0 "$APP" 2>/dev/null || { cat "$LOG"; echo "scripts/run-local.sh exited before it was ready" >&2; exit 1; }
  sleep 0.2
done
grep -q '^== ready:' "$LOG" || { tail -50 "$LOG"; echo "the app was not ready within 20 minutes" >&2; exit 1; }

passed=0; failed=0
cd "$WORK"
while IFS= read -r line; do
  command=${line%%#*}                      # the README's trailing comments
  command=${command%"${command##*[![:space:]]}"}
  [ -z "$command" ] && continue
  case "$command" in
    curl\ *)
      if output=$(eval "curl --fail ${command#curl }" 2>&1); then result=ok; else result="FAIL: ${output: -300}"; fi ;;
    az\ *)
      if command -v az >/dev/null 2>&1; then
        if output=$(eval "$command" 2>&1); then result=ok; else result="FAIL: ${output: -300}"; fi
      elif [[ $AZURITE == *"BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1"* && $command == *'"$AZURITE"'* ]]; then
        result="ok (az not installed; its connection string names the blob endpoint)"
      else
        result="FAIL: the connection string does not name Azurite's blob endpoint"
      fi ;;
    [A-Z]*=*)
      name=${command%%=*}
      if eval "$command" && [ -n "${!name}" ]; then result=ok; else result="FAIL: $name is empty"; fi ;;
    *) result="FAIL: not a command this check knows (curl, az or an assignment)" ;;
  esac
  if [ "$result" = "${result#FAIL}" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  printf '%-6s %s\n' "${result%%[: ]*}" "$command"
  [ "$result" = "${result#FAIL}" ] || printf '       %s\n' "${result#FAIL: }"
done <"$COMMANDS"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
