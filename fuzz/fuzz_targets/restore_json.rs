//! Fuzz target: see `fuzz/checks/restore_json.rs` for what it checks.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::restore_json::check(data));
