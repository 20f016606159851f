#!/usr/bin/env bash
# Speed and memory of docverify's main jobs (release build). Not part of the test suite: numbers
# depend on the machine; the targets below are what we aim for on 2 cores.
#   check on the corpus quickstart    < 1 s,   < 150 MB RSS
#   run on the corpus (embedded mock) < 3 s,   < 250 MB RSS
#   check on a generated 400-sample article < 5 s
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product docverify >/dev/null
BIN=.build/release/docverify
CORPUS=../shared/corpus/azure-openai/audio-completions-quickstart.md
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A large article of our own: 100 sections × 2 tabs × 2 pivots of Python and curl samples.
gen() {
  printf -- '---\ntitle: Generated\nzone_pivot_groups: g\n---\n\n# Generated\n'
  for pivot in py rest; do
    printf '\n::: zone pivot="%s"\n' "$pivot"
    for i in $(seq 1 100); do
      printf '\n## Step %d\n\n' "$i"
      for tab in key keyless; do
        printf '## [%s](#tab/%s)\n\n1. Create the `s%d.py` file:\n\n    ```python\n' "$tab" "$tab" "$i"
        printf '    import os\n    from openai import AzureOpenAI\n    client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_key=os.environ["AZURE_OPENAI_API_KEY"], api_version="2025-01-01-preview")\n'
        printf '    c = client.chat.completions.create(model="gpt-4o-audio-preview", modalities=["text", "audio"], audio={"voice": "alloy", "format": "wav"}, messages=[{"role": "user", "content": "Count to %d."}])\n' "$i"
        printf '    print(c.choices[0].message.audio.transcript)\n    ```\n\n'
      done
      printf -- '---\n'
    done
    printf '\n::: zone-end\n'
  done
}
gen > "$WORK/large.md"

measure() { # name, command...
  local name=$1; shift
  local best=999999 rss=0
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>&1 || true
      local r; r=$(tail -1 "$WORK/rss"); [ "$r" -gt "$rss" ] && rss=$r
    else
      "$@" >/dev/null 2>&1 || true
    fi
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  printf '%-40s best of 5: %6d ms   max RSS: %s\n' "$name" "$best" "$([ "$rss" -gt 0 ] && echo "$((rss / 1024)) MB" || echo "n/a (install GNU time)")"
}

[ -f "$CORPUS" ] && measure "check corpus quickstart" "$BIN" check "$CORPUS"
[ -f "$CORPUS" ] && measure "run corpus quickstart (embedded mock)" "$BIN" run "$CORPUS"
measure "run docs/examples (embedded mock)" "$BIN" run docs/examples
measure "check generated 400-sample article" "$BIN" check "$WORK/large.md"
measure "run generated 400-sample article" "$BIN" run "$WORK/large.md"
