#!/usr/bin/env bash
# Regenerates src/SstcFunctions.Core/Classification/Data/country-names.{es,fr}.json from the Unicode CLDR
# (npm package cldr-localenames-full, territory display names; Unicode License v3, see the files' header).
# Country names are never typed by hand: change the pinned version below and rerun to update them.
#   scripts/country-names.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=48.2.0
OUT=src/SstcFunctions.Core/Classification/Data
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "cldr-localenames-full@$VERSION" >/dev/null && tar xzf "cldr-localenames-full-$VERSION.tgz")
node scripts/country-names.mjs "$WORK/package" "$VERSION" es "$OUT/country-names.es.json" es es-419
node scripts/country-names.mjs "$WORK/package" "$VERSION" fr "$OUT/country-names.fr.json" fr fr-CA
