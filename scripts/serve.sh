#!/usr/bin/env bash
# Installs what is missing, builds Coplanifier and serves it on
# http://127.0.0.1:8080 (Ctrl+C stops it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_all
cd "$ROOT"
step "build: trunk release" trunk build --release --offline
echo "Coplanifier: http://127.0.0.1:8080"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 --no-autoreload
