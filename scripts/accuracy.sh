#!/usr/bin/env bash
# scripts/accuracy.sh — one table of how well the extractor reads every fixture brochure (issues 12 and 13).
#
#   scripts/accuracy.sh                     every fixture: tests/SstcFunctions.Core.Tests/Fixtures/* and ../shared/brochures/*
#   scripts/accuracy.sh --blind             also the blind fixtures in tests/blind-fixtures/* (never read by the tests)
#   scripts/accuracy.sh --verbose NAME      plus every mismatch of fixture NAME, card by card (--verbose alone: all)
#   scripts/accuracy.sh --only a,b          only those fixtures;  --strict: exit 1 when one is below target
#
# Columns: cards expected/found, card precision/recall/F1 (cards paired by title, normalised for case, whitespace and
# hyphenation: exact first, then lenient), then the accuracy of each field over the paired cards ("–": the fixture
# does not give that field), and the share of expected cards exact on every field. Targets: F1 ≥ 0.98, ≥ 95 % exact.
# Settings: SSTC_ACCURACY_ARTIFACTS (build output, default bench/out/artifacts), SSTC_ACCURACY_SKIP_BUILD=1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ART=${SSTC_ACCURACY_ARTIFACTS:-$ROOT/bench/out/artifacts}
if [[ ${SSTC_ACCURACY_SKIP_BUILD:-0} != 1 ]]; then
  mkdir -p "$ROOT/bench/out"
  dotnet build "$ROOT/bench/SstcFunctions.Benchmarks" -c Release --artifacts-path "$ART" -nologo -v quiet \
    >"$ROOT/bench/out/accuracy-build.log" 2>&1 || { tail -30 "$ROOT/bench/out/accuracy-build.log"; echo "accuracy: build failed" >&2; exit 2; }
fi
cd "$ROOT"
exec dotnet "$ART/bin/SstcFunctions.Benchmarks/release/sstc-bench.dll" fixtures --root "$ROOT" "$@"
