#!/usr/bin/env bash
# Installs what is missing, then runs every test tier:
#   style (fmt, clippy) -> native tests (with the fuzz targets' checks on
#   their seeds and mutants) -> fixtures against the JSON Schema -> browser
#   tests (wasm-bindgen-test in headless Chromium) -> release build ->
#   end-to-end specs (Playwright, Chromium) -> the smoke journey in Firefox
#   ESR and WebKitGTK.
# Stops at the first tier that fails. The instrumented fuzzing itself is
# scripts/fuzz.sh, run for an hour before a release (see the README).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_all
cd "$ROOT"

step "check: cargo fmt" cargo fmt --all -- --check
step "check: cargo clippy" cargo clippy --all-targets --locked -- -D warnings
step "check: words of our own" ../shared/tools/seed-overlap .
step "test: native (with the fuzz seeds replayed)" cargo test --locked
step "test: fixtures against docs/charter.schema.json" node tests/schema/validate.mjs
step "test: browser (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test browser
step "build: trunk release" trunk build --release --offline
step "test: end-to-end (Playwright, Chromium)" node --test --test-concurrency=1 tests/e2e/*.spec.mjs
step "test: other engines (Firefox ESR, WebKitGTK)" \
  xvfb-run -a node --test --test-concurrency=1 tests/engines/*.spec.mjs
