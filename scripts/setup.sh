#!/usr/bin/env bash
# Installs what Coplanifier needs to build and test, and only what is missing.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run again and again.
# Every tool comes from crates.io, npm or Debian: nothing is downloaded from
# anywhere else, and Trunk runs offline with the binaries installed here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true

# step NAME CMD...: runs CMD, then prints how long it took.
step() {
  local name="$1"
  shift
  local start
  start=$(date +%s)
  echo "==> $name"
  "$@"
  echo "<== $name: $(($(date +%s) - start)) s"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install_missing() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v brotli >/dev/null || missing+=(brotli)
  # The other engines' smoke tier: Firefox ESR, WebKitGTK's driver and its
  # MiniBrowser, a virtual display for it, and glibc's locale sources.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  [ -d /usr/share/i18n/locales ] || missing+=(locales)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing from Debian: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "chromium, chromedriver, firefox-esr, WebKitWebDriver, xvfb-run, pdftotext, brotli and node already there"
  fi
}

wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "wasm32-unknown-unknown already there"
  else
    rustup target add wasm32-unknown-unknown
  fi
}

trunk_tool() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    echo "trunk $TRUNK_VERSION already there"
  else
    # Trunk's own release profile uses fat LTO (24 min on 2 cores); without it, about 11.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

# The CLI must be exactly the wasm-bindgen version of Cargo.lock.
wasm_bindgen_tool() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  if [ -z "$want" ]; then
    echo "could not read the wasm-bindgen version from Cargo.lock" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] &&
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $want" ]; then
    echo "wasm-bindgen-cli $want already there"
  else
    # Not --locked: the registry lacks one crate of the CLI's own lock file.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

node_modules() {
  local stamp="$ROOT/node_modules/.coplanifier-lock"
  local want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "node_modules already match package-lock.json"
  else
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

crates() {
  (cd "$ROOT" && cargo fetch --locked)
}

setup_all() {
  step "install: Debian packages" apt_install_missing
  step "install: wasm32 target" wasm_target
  step "install: crates (cargo fetch)" crates
  step "install: trunk" trunk_tool
  step "install: wasm-bindgen-cli" wasm_bindgen_tool
  step "install: node modules" node_modules
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_all
fi
