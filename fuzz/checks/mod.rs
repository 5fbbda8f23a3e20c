//! What each fuzz target checks, as plain functions: the fuzz targets call
//! them on what libFuzzer makes, `tests/fuzz_seeds.rs` on the kept seeds.
pub mod common;
pub mod link_decode;
pub mod link_roundtrip;
pub mod restore_json;
