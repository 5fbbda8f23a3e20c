#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): in a release build, writes a .br
# (brotli, quality 11) and a .gz (gzip -9) beside each text or wasm file of
# the staged dist/, so that a host can serve them as they are (README,
# "Serving compressed files"). Debug builds (trunk serve) skip it.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
dir="${TRUNK_STAGING_DIR:?Trunk sets TRUNK_STAGING_DIR}"
command -v brotli >/dev/null || { echo "precompress: brotli is missing (scripts/setup.sh installs it)" >&2; exit 1; }
find "$dir" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' -o -name '*.json' -o -name '*.webmanifest' \) -print0 |
  while IFS= read -r -d '' f; do
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -f -9 -n -k "$f"
  done
