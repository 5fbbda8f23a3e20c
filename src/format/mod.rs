//! What leaves the app and comes back: the versioned envelope every saved or
//! shared charter wears, and the one `restore` path that reads it back from
//! storage, a file, pasted text or a share link. No Leptos, no browser.
pub mod envelope;
pub mod link;
pub mod markdown;

pub use envelope::{restore, to_json, RestoreError, RestoreWarning, Restored, Source};
pub use link::{decode_fragment, encode_fragment, repair_pasted_link, LinkError};
pub use markdown::{to_markdown, MarkdownLabels};
