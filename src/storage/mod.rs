//! The drafts library in the browser's localStorage: the only module that
//! touches Storage. Every draft is stored in the envelope of [`crate::format`]
//! and read back through its one `restore` path. A draft that fails to
//! restore is never overwritten: its raw text is kept and reported.
//!
//! - [`backend`]: localStorage, or a map in memory for tests;
//! - [`drafts`]: drafts by id, the library, backups of unreadable entries;
//! - [`autosave`]: the rules that keep the draft on the board saved;
//! - [`history`]: the versions each charter sent and received;
//! - [`prefs`]: the language chosen and persistent storage.
pub mod autosave;
pub mod backend;
pub mod drafts;
pub mod history;
pub mod prefs;

use crate::format::RestoreError;

pub use autosave::{Autosave, External, SaveStatus, TakeError};
pub use backend::{Backend, Local, Memory};
pub use drafts::{
    current_draft_id, delete_draft, draft_id_of_key, library, load_draft, put_back_draft,
    save_draft, set_current_draft_id, stored_version, DraftEntry,
};
pub use prefs::{request_persistence, save_language, saved_language};

/// Why the browser would not keep a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Storage is blocked or missing (private mode, sandboxed frame, policy).
    Unavailable,
    /// The origin's quota is used up.
    Full,
    /// Any other refusal by the browser.
    Failed,
    /// A stored entry with this id does not open; it is kept, not overwritten.
    Protected,
}

/// What storage holds under a draft's id.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StoredVersion {
    /// Nothing.
    Absent,
    /// A draft that restores, last edited then (ms since the epoch).
    Readable(f64),
    /// An entry that does not restore: it must never be overwritten.
    Unreadable,
}

/// A draft as the library lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    /// The charter's id.
    pub id: String,
    /// Its title, possibly empty.
    pub title: String,
    /// When it was last edited (ms since the epoch).
    pub updated_at: f64,
    /// Filled parts.
    pub filled: usize,
    /// All parts.
    pub total: usize,
}

/// A stored entry that could not be restored; its text is kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokenDraft {
    /// The storage key it lives under.
    pub key: String,
    /// Its raw text, offered as a download.
    pub raw: String,
    /// Why it did not open.
    pub error: RestoreError,
    /// Whether a copy could be kept under the backup key (false: the browser refused).
    pub backed_up: bool,
}

/// Everything the library holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// Drafts that open, newest first.
    pub drafts: Vec<DraftSummary>,
    /// Entries that do not open.
    pub broken: Vec<BrokenDraft>,
}
