#!/usr/bin/env bash
# Speed and memory of docverify's main jobs, measured side by side with reference tools in one run
# (release build). Not part of the test suite: the figures depend on the machine. Writes
# bench/results.json and prints a table with the goal beside each figure. A failing command fails
# the script: a benchmark that swallows errors measures nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS_DIR=${DOCVERIFY_CORPUS_DIR-../shared/corpus}/azure-openai
ROUNDS=${BENCH_ROUNDS:-5}
SUDO=$([ "$(id -u)" = "0" ] || echo sudo)

need_apt() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$2"
}
need_apt cmark cmark
need_apt wrk wrk
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
python3 -c 'import sybil' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check sybil
[ -d "$CORPUS_DIR" ] || { echo "bench: the shared corpus ($CORPUS_DIR) is needed" >&2; exit 1; }

# BENCH_BIN=path skips the release build (a quick smoke of this script with a debug binary);
# BENCH_COPIES sets how many corpus copies make the base set (25 → 250 files).
# The release binary is what users get (`make release`): the Swift runtime linked in statically,
# which saves the dynamic linker's symbol lookups at every start (~8 ms of each run).
if [ -n "${BENCH_BIN:-}" ]; then BIN=$BENCH_BIN; else
  swift build -c release --static-swift-stdlib --product docverify >/dev/null
  BIN=$ROOT/.build/release/docverify
fi
COPIES=${BENCH_COPIES:-25}
WORK=$(mktemp -d)
MOCK_PID=
cleanup() { [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# 250 Markdown files: the corpus folder copied 25 times; and 10× that for the growth figure.
copies() { # dir count
  mkdir -p "$1"
  for i in $(seq 1 "$2"); do cp -r "$CORPUS_DIR" "$1/copy$i"; done
}
copies "$WORK/x1" "$COPIES"
copies "$WORK/x10" $((COPIES * 10))
MD_FILES=$(find "$WORK/x1" -name '*.md' | wc -l)

# check exits 1 on the corpus's own error findings; any other status is a failure of docverify.
dv() { local rc=0; "$BIN" "$@" >/dev/null 2>"$WORK/err" || rc=$?; [ $rc -le 1 ] || { cat "$WORK/err" >&2; echo "bench: docverify $* exited $rc" >&2; exit 1; }; }
cm() { find "$WORK/x1" -name '*.md' -print0 | xargs -0 cmark >/dev/null; }
sy() { python3 bench/sybil_collect.py "$WORK/x1" >/dev/null; }
now() { date +%s%N; }
# Interleaved rounds: each round times every job once, so drift in machine load hits all alike.
declare -A T
time_job() { local s e; s=$(now); "$@"; e=$(now); T[$1]+="$(( (e - s) / 1000 )) "; }
for _ in $(seq 1 "$ROUNDS"); do
  time_job dv check "$WORK/x1"
  time_job cm
  time_job dv list "$WORK/x1"
  time_job sy
done
T_CHECK=${T[dv]}; unset 'T[dv]'
# dv timed both check and list: split its samples (odd positions check, even list).
read -r -a DVS <<<"$T_CHECK"
CHECK_US=""; LIST_US=""
for i in "${!DVS[@]}"; do if (( i % 2 == 0 )); then CHECK_US+="${DVS[$i]} "; else LIST_US+="${DVS[$i]} "; fi; done
CMARK_US=${T[cm]}; SYBIL_US=${T[sy]}

X1_US=""; X10_US=""
for _ in 1 2 3; do
  s=$(now); dv check "$WORK/x1"; e=$(now); X1_US+="$(( (e - s) / 1000 )) "
  s=$(now); dv check "$WORK/x10"; e=$(now); X10_US+="$(( (e - s) / 1000 )) "
done

RUN_US=""; CHECK1_US=""
Q=$CORPUS_DIR/audio-completions-quickstart.md
for _ in $(seq 1 "$ROUNDS"); do
  s=$(now); dv run "$Q"; e=$(now); RUN_US+="$(( (e - s) / 1000 )) "
  s=$(now); dv check "$Q"; e=$(now); CHECK1_US+="$(( (e - s) / 1000 )) "
done

# A 19 MB input-audio request (under the service's 20 MB limit) through run, and straight to the mock.
python3 bench/big_audio_article.py "$WORK/big" "${BENCH_PAYLOAD:-19000000}"
# The same article with a 2 kB body: run's fixed start-up and working memory, which the goal is not about.
python3 bench/big_audio_article.py "$WORK/tiny" 2000
PAYLOAD=$(stat -c %s "$WORK/big/body.json")
peak_kb() { # label, then the command → peak RSS of that process alone, in kB
  local label=$1; shift
  /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >"$WORK/rss.out" 2>&1 || { cat "$WORK/rss.out" "$WORK/rss" >&2; echo "bench: $label failed" >&2; exit 1; }
  tail -1 "$WORK/rss"
}
# Informational: the whole process of `run` with the embedded mock, so the mock's copy of the body
# and both start-ups count too.
RSS_RUN_EMBEDDED_KB=$(peak_kb "run of the 19 MB request (embedded mock)" "$BIN" run "$WORK/big/big-audio.md")

start_mock() {
  "$BIN" mock serve --port 0 >"$WORK/mock.out" 2>"$WORK/mock.err" &
  MOCK_PID=$!
  for _ in $(seq 1 100); do [ -s "$WORK/mock.out" ] && break; sleep 0.1; done
  MOCK_URL=$(head -1 "$WORK/mock.out")
  [ -n "$MOCK_URL" ] || { cat "$WORK/mock.err" >&2; echo "bench: the mock did not start" >&2; exit 1; }
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$MOCK_PID/status"; }
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$MOCK_PID/status"; }
CHAT=/openai/deployments/gpt-4o-audio-preview/chat/completions?api-version=2025-01-01-preview
# The goal's figure: run alone against a mock in its own process (a mock only for these two runs, so
# the mock figure below starts from a fresh one), big article minus tiny article, over the body.
start_mock
RSS_RUN_BIG_KB=$(AZURE_OPENAI_API_KEY=bench peak_kb "run --endpoint of the 19 MB request" "$BIN" run --endpoint "$MOCK_URL" "$WORK/big/big-audio.md")
RSS_RUN_TINY_KB=$(AZURE_OPENAI_API_KEY=bench peak_kb "run --endpoint of the 2 kB request" "$BIN" run --endpoint "$MOCK_URL" "$WORK/tiny/big-audio.md")
kill "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true; MOCK_PID=
start_mock
BASE_KB=$(rss_kb)
curl -sf -o /dev/null -H 'api-key: bench' -H 'content-type: application/json' --data-binary "@$WORK/big/body.json" "$MOCK_URL$CHAT" \
  || { echo "bench: the mock refused the 19 MB request" >&2; exit 1; }
RSS_MOCK_KB=$(( $(hwm_kb) - BASE_KB ))

# wrk: 64 connections for 10 s on 2 threads, a small text answer and a 4 s audio answer.
cat >"$WORK/text.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["api-key"] = "bench"
wrk.headers["content-type"] = "application/json"
wrk.body = '{"model":"gpt-4o-audio-preview","modalities":["text"],"messages":[{"role":"user","content":"Say hi."}]}'
EOF
cat >"$WORK/audio.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["api-key"] = "bench"
wrk.headers["content-type"] = "application/json"
wrk.body = '{"model":"gpt-4o-audio-preview","modalities":["text","audio"],"audio":{"voice":"alloy","format":"wav"},"messages":[{"role":"user","content":"Say hi."}]}'
EOF
wrk_json() { # script → "rps p50_ms p99_ms errors"
  wrk -t2 -c64 -d${BENCH_WRK_SECONDS:-10}s --latency -s "$1" "$MOCK_URL$CHAT" >"$WORK/wrk.out" 2>&1 || { cat "$WORK/wrk.out" >&2; exit 1; }
  python3 bench/wrk_parse.py "$WORK/wrk.out"
}
wrk -t2 -c64 -d3s -s "$WORK/text.lua" "$MOCK_URL$CHAT" >/dev/null # warm-up
WARM_KB=$(rss_kb)
read -r RPS_TEXT P50_TEXT P99_TEXT ERR_TEXT TOTAL_TEXT < <(wrk_json "$WORK/text.lua")
read -r RPS_AUDIO P50_AUDIO P99_AUDIO ERR_AUDIO TOTAL_AUDIO < <(wrk_json "$WORK/audio.lua")
AFTER_KB=$(rss_kb)
kill "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true; MOCK_PID=

# Informational: check of a generated 50 MB page (92,500 sections, each a Python fence), once.
python3 bench/big_page.py "$WORK/big-page.md" "${BENCH_BIG_PAGE_SECTIONS:-92500}"
BIG_PAGE_BYTES=$(stat -c %s "$WORK/big-page.md")
/usr/bin/time -f '%U %S %M' -o "$WORK/big-page.time" "$BIN" check "$WORK/big-page.md" >/dev/null 2>&1 || [ $? -le 1 ] \
  || { echo "bench: check of the 50 MB page failed" >&2; exit 1; }
read -r BIG_PAGE_USER BIG_PAGE_SYS BIG_PAGE_KB < <(tail -1 "$WORK/big-page.time")

python3 bench/summarize.py "$ROOT/bench/results.json" <<EOF
{"check_us": "$CHECK_US", "cmark_us": "$CMARK_US", "list_us": "$LIST_US", "sybil_us": "$SYBIL_US",
 "x1_us": "$X1_US", "x10_us": "$X10_US", "run_us": "$RUN_US", "check1_us": "$CHECK1_US",
 "md_files": $MD_FILES, "payload": $PAYLOAD, "rss_run_big_kb": $RSS_RUN_BIG_KB, "rss_run_tiny_kb": $RSS_RUN_TINY_KB, "rss_run_embedded_kb": $RSS_RUN_EMBEDDED_KB, "rss_mock_kb": $RSS_MOCK_KB,
 "rps_text": $RPS_TEXT, "p50_text": $P50_TEXT, "p99_text": $P99_TEXT, "err_text": $ERR_TEXT, "total_text": $TOTAL_TEXT,
 "rps_audio": $RPS_AUDIO, "p50_audio": $P50_AUDIO, "p99_audio": $P99_AUDIO, "err_audio": $ERR_AUDIO, "total_audio": $TOTAL_AUDIO,
 "warm_kb": $WARM_KB, "after_kb": $AFTER_KB,
 "big_page_bytes": $BIG_PAGE_BYTES, "big_page_cpu_s": $(awk -v u="$BIG_PAGE_USER" -v s="$BIG_PAGE_SYS" 'BEGIN { print u + s }'), "big_page_kb": $BIG_PAGE_KB,
 "commit": "$(git rev-parse --short HEAD)", "machine": "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"}
EOF
