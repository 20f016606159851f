#!/usr/bin/env bash
# Runs docverify-fuzz on every target: FUZZ_RUNS inputs each (default 1,000,000), at most
# FUZZ_SECONDS seconds each (default 900), with BIN (default the release build). Seeds: our docs and
# test fixtures, plus ../shared/corpus when it is there. A crash or hang leaves its input in
# fuzz-out/ and fails the script. FUZZ_TARGETS picks targets; FUZZ_PARALLEL=1 runs them at once.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/docverify-fuzz}
RUNS=${FUZZ_RUNS:-1000000}
SECONDS_EACH=${FUZZ_SECONDS:-900}
EXTRA=(${FUZZ_ARGS:-})
SEEDS=(--seeds docs --seeds Tests)
[ -d ../shared/corpus ] && SEEDS+=(--seeds ../shared/corpus)
TARGETS=(${FUZZ_TARGETS:-markdown python javascript typescript shell json})
run_one() {
  if ! "$BIN" "$1" --runs "$RUNS" --seconds "$SECONDS_EACH" "${SEEDS[@]}" --out fuzz-out "${EXTRA[@]}"; then
    echo "fuzz: $1 FAILED; its input is in fuzz-out/ (replay: $BIN $1 --replay fuzz-out/$1-crash.bin)" >&2
    return 1
  fi
}
status=0
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  # Every target at once (each one process): the same wall time buys each target the same share.
  pids=()
  for target in "${TARGETS[@]}"; do run_one "$target" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
else
  for target in "${TARGETS[@]}"; do run_one "$target" || status=1; done
fi
exit $status
