#!/usr/bin/env bash
# scripts/fuzz.sh — the mutation fuzz at nightly volume: thousands of corrupted copies of the seed brochure through the
# whole extractor, each ending in success or a clean typed rejection (tests/SstcFunctions.Core.Tests/Pdf/MutationFuzzTests.cs).
# Every CI run does a few dozen (SSTC_FUZZ_CASES unset); this runs many more, with a new seed each day.
#
#   scripts/fuzz.sh [CASES]          default 3000 cases, seed = today's date (YYYYMMDD) unless SSTC_FUZZ_SEED is set
#   SSTC_FUZZ_SEED=20261126 scripts/fuzz.sh 300    replay a run (the seed is printed; failing inputs are saved to $TMPDIR)
# Needs ../shared (the seed brochure) beside the repository. Exit status: the test's.
set -euo pipefail
cd "$(dirname "$0")/.."
export SSTC_FUZZ_CASES=${1:-${SSTC_FUZZ_CASES:-3000}}
export SSTC_FUZZ_SEED=${SSTC_FUZZ_SEED:-$(date -u +%Y%m%d)}
CONFIGURATION=${CONFIGURATION:-Release}
echo "== mutation fuzz: $SSTC_FUZZ_CASES cases, seed $SSTC_FUZZ_SEED ($CONFIGURATION)"
exec dotnet test tests/SstcFunctions.Core.Tests/SstcFunctions.Core.Tests.csproj -c "$CONFIGURATION" -nologo \
  --filter "FullyQualifiedName~MutationFuzzTests" --logger "console;verbosity=detailed"
