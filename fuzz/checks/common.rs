//! What every fuzz target shares.

/// Fresh ids as the app would hand them out, but deterministic.
pub fn ids() -> impl FnMut() -> String {
    let mut n = 0u64;
    move || {
        n += 1;
        format!("fuzz-{n}")
    }
}
