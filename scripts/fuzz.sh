#!/usr/bin/env bash
# Runs docverify-fuzz on every target: FUZZ_RUNS inputs each (default 1,000,000), at most
# FUZZ_SECONDS seconds each (default 900), with BIN (default the release build). Seeds: our docs and
# test fixtures, plus ../shared/corpus when it is there. A crash or hang leaves its input in
# fuzz-out/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/docverify-fuzz}
RUNS=${FUZZ_RUNS:-1000000}
SECONDS_EACH=${FUZZ_SECONDS:-900}
EXTRA=(${FUZZ_ARGS:-})
SEEDS=(--seeds docs --seeds Tests)
[ -d ../shared/corpus ] && SEEDS+=(--seeds ../shared/corpus)
status=0
for target in markdown python javascript typescript shell json; do
  if ! "$BIN" "$target" --runs "$RUNS" --seconds "$SECONDS_EACH" "${SEEDS[@]}" --out fuzz-out "${EXTRA[@]}"; then
    echo "fuzz: $target FAILED; its input is in fuzz-out/ (replay: $BIN $target --replay fuzz-out/$target-crash.bin)" >&2
    status=1
  fi
done
exit $status
