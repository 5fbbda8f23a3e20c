//! What leaves the app and comes back: the versioned envelope every saved or
//! shared charter wears, and the one `restore` path that reads it back from
//! storage, a file or pasted text. No Leptos, no browser.
pub mod envelope;

pub use envelope::{restore, to_json, RestoreError, RestoreWarning, Restored, Source};
