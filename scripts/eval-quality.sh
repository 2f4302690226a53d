#!/usr/bin/env bash
# Every answer-quality figure of README "Quality", in memory and through knowledge folders.
#   scripts/eval-quality.sh [OUT_DIR]     writes one JSON file per figure (default: a temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
sets=../shared/eval
run() { local name=$1 script=$2; shift 2; echo "== $name" >&2; npm run -s "$script" -- "$@" --json >"$out/$name.json"; cat "$out/$name.json"; }
run mem-cmrc eval --set $sets/cmrc2018-dev
run mem-drcd eval --set $sets/drcd-dev
run mem-seed eval --knowledge knowledge --questions $sets/seed/questions.jsonl
run mem-decline eval --set $sets/cmrc2018-dev --knowledge knowledge
run folder-cmrc-paragraphs eval:folder --set $sets/cmrc2018-dev --layout paragraphs
run folder-drcd-paragraphs eval:folder --set $sets/drcd-dev --layout paragraphs
run folder-drcd-articles eval:folder --set $sets/drcd-dev --layout articles
run folder-seed eval:folder --knowledge knowledge --questions $sets/seed/questions.jsonl
run folder-decline eval:folder --knowledge knowledge --questions $sets/cmrc2018-dev/questions.jsonl --decline
echo "results in $out" >&2
