#!/usr/bin/env bash
# Fuzzes the decoders of untrusted input (coplanifier::format): share links
# and pasted text (link_decode), opened files and stored drafts
# (restore_json), and the share-link round trip of typed charters
# (link_roundtrip). Targets live in fuzz/ (cargo-fuzz layout, a workspace of
# its own, built into fuzz/target: the main build never sees it).
#
#   scripts/fuzz.sh [SECONDS]   each target for SECONDS (default 20)
#
# The default is a smoke run. Before a release, or after touching format/,
# let it run longer, e.g. an hour per target:
#
#   scripts/fuzz.sh 3600
#
# Each run starts from a fresh corpus, fuzz/corpus/<target>, copied from the
# small seeds kept in fuzz/seeds/<target>/. To keep what a long run found,
# copy interesting inputs into fuzz/seeds/<target>/ before the next run.
# A crash leaves its input in fuzz/artifacts/<target>/; replay it with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/crash-...
#
# Needs the nightly toolchain (libFuzzer instrumentation); without one the
# script says so and succeeds, as CI machines may not have it. cargo-fuzz is
# installed from crates.io when missing. Set CARGO_BUILD_JOBS to limit the build.
# Exits non-zero if any target crashed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_FUZZ_VERSION="0.13.2"
TARGETS=(link_decode restore_json link_roundtrip)
SECONDS_PER_TARGET="${1:-20}"

case "$SECONDS_PER_TARGET" in
  '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
    ;;
esac

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped (no nightly toolchain on this machine)"
  exit 0
fi

if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

cd "$ROOT"

start=$(date +%s)
echo "fuzz: building ${TARGETS[*]} (nightly, address sanitizer)"
cargo +nightly fuzz build
echo "fuzz: built in $(($(date +%s) - start)) s"

failed=()
for target in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$target"
  artifacts="fuzz/artifacts/$target"
  log="fuzz/artifacts/$target.log"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "fuzz/seeds/$target" ]; then
    cp fuzz/seeds/"$target"/* "$corpus"/
  fi

  echo "fuzz: $target for $SECONDS_PER_TARGET s"
  status=0
  cargo +nightly fuzz run "$target" "$corpus" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=40000 -timeout=10 \
    -print_final_stats=1 >"$log" 2>&1 || status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  per_sec=""
  if [ -n "$runs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ]; then
    per_sec=", $((runs / secs))/s"
  fi
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $target: ok, ${runs:-?} runs executed$per_sec, corpus $(find "$corpus" -type f | wc -l) inputs"
  else
    failed+=("$target")
    echo "fuzz: $target: FAILED (exit $status) after ${runs:-?} runs; last lines of $log:"
    tail -n 40 "$log" | sed 's/^/    /'
    sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | while read -r crash; do
      [ -f "$crash" ] || continue
      echo "    input $crash (base64): $(base64 -w0 "$crash" | head -c 2000)"
    done
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]}; inputs kept in fuzz/artifacts/"
  exit 1
fi
echo "fuzz: all targets ok"
