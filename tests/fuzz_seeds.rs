//! The fuzz targets' checks, run natively on every kept seed and on a fixed
//! set of mutants of each (cut, flipped, doubled), so that the test command
//! covers the decoders without the instrumented nightly build. The real
//! fuzzing is `scripts/fuzz.sh`, run for an hour before a release.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[path = "../fuzz/checks/mod.rs"]
mod checks;

/// SplitMix64: the same mutants on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Every kept seed of a target: `fuzz/seeds/<target>/*`.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds in {}", dir.display());
    out
}

/// One mutant of `bytes`, as a fuzzer would try: a cut, a flipped or
/// replaced byte, a doubled slice, or two seeds spliced.
fn mutant(rng: &mut Rng, bytes: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 => out.truncate(at),
            1 if at < out.len() => out[at] ^= 1 << rng.below(8),
            2 if at < out.len() => out[at] = b"=%#.-_c1\n\"{}[]:0"[rng.below(16)],
            3 => {
                let end = (at + rng.below(64)).min(out.len());
                let slice = out[at..end].to_vec();
                out.splice(at..at, slice);
            }
            _ => {
                let from = rng.below(other.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
        }
    }
    out
}

/// Runs `check` on every seed of `target` and on `per_seed` mutants of each.
fn replay(target: &str, per_seed: usize, check: fn(&[u8])) {
    let all = seeds(target);
    let mut rng = Rng(0x00c0_91a7);
    for (i, (name, bytes)) in all.iter().enumerate() {
        let run = |data: &[u8], what: &str| {
            if std::panic::catch_unwind(|| check(data)).is_err() {
                panic!(
                    "{target}: {what} of {name} broke a check; input (hex): {}",
                    data.iter().map(|b| format!("{b:02x}")).collect::<String>()
                );
            }
        };
        run(bytes, "the seed");
        let other = &all[(i + 1) % all.len()].1;
        for n in 0..per_seed {
            run(&mutant(&mut rng, bytes, other), &format!("mutant {n}"));
        }
    }
}

#[test]
fn link_decode_refuses_or_repairs_every_seed_and_mutant() {
    replay("link_decode", 200, checks::link_decode::check);
}

#[test]
fn restore_json_refuses_or_repairs_every_seed_and_mutant() {
    replay("restore_json", 150, checks::restore_json::check);
}

#[test]
fn link_roundtrip_gives_back_every_typed_charter() {
    replay("link_roundtrip", 150, checks::link_roundtrip::check);
}
