//! Fuzz target: see `fuzz/checks/link_decode.rs` for what it checks.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::link_decode::check(data));
