#!/usr/bin/env bash
# Measures share links on the reference corpus (bench/corpus/): our links
# against Mermaid Live's method, lz-string and a brotli floor, with encode and
# decode times; then typing and saving in Chromium against a plain page, and
# what a hard kill of the browser loses. Prints Markdown tables; see
# docs/PERFORMANCE.md.
#   scripts/bench.sh [RUNS]      RUNS: timed runs per charter (default 101)
# Builds the example in release mode (fat LTO, as the app ships): a few
# minutes the first time. Honours CARGO_TARGET_DIR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

step "install: node modules" node_modules
if ! node -e "import('pako').then(() => import('lz-string'))" 2>/dev/null; then
  echo "pako or lz-string is missing from node_modules: run 'npm install' in $ROOT" >&2
  exit 1
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/coplanifier-bench.XXXXXX")"
step "bench: links (Rust, release)" \
  cargo run --release --quiet --example link_bench -- --runs "${1:-101}" --out "$out" bench/corpus \
  >"$out/links.jsonl"
step "bench: baselines (Node)" node bench/compare.mjs "$out/links.jsonl"
echo "raw results and the JSON of each link: $out"
step "build: trunk release" trunk build --release --offline
step "bench: typing and saving (Chromium)" node bench/typing.mjs
step "bench: links in Chromium (encode, decode)" node bench/links.mjs
step "bench: a hard kill of the browser (Chromium)" node bench/hard-kill.mjs --tries 8
