//! The drafts library in the browser's localStorage: the only module that
//! touches Storage. Every draft is stored in the envelope of [`crate::format`]
//! and read back through its one `restore` path. A draft that fails to
//! restore is never overwritten: its raw text is kept and reported.
use crate::charter::{total_fill, Charter};
use crate::format::{encode_compact, restore_any, to_json, RestoreError, Restored, Source};

const DRAFT_PREFIX: &str = "coplanifier.draft.";
const BACKUP_PREFIX: &str = "coplanifier.backup.";
const CURRENT_KEY: &str = "coplanifier.current";
const LANG_KEY: &str = "coplanifier.lang";

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
}

/// Everything the library holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// Drafts that open, newest first.
    pub drafts: Vec<DraftSummary>,
    /// Entries that do not open.
    pub broken: Vec<BrokenDraft>,
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(StorageError::Unavailable),
    }
}

fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
        Some("SecurityError") => StorageError::Unavailable,
        _ => StorageError::Failed,
    }
}

fn set(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

fn get(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Whether the browser lets this page keep drafts at all.
pub fn available() -> bool {
    storage().is_ok()
}

/// Saves the charter as a draft. On failure the previous save stays intact,
/// and an entry under the same id that does not restore is never replaced.
pub fn save_draft(charter: &Charter) -> Result<(), StorageError> {
    if stored_version(&charter.id) == StoredVersion::Unreadable {
        return Err(StorageError::Protected);
    }
    // Compact (deflate + base64url) so that hundreds of drafts fit in the
    // origin's quota; plain JSON for a charter too large for that form.
    let text = match encode_compact(charter, Source::Storage) {
        Ok(compact) => compact,
        Err(_) => to_json(charter, Source::Storage).map_err(|_| StorageError::Failed)?,
    };
    set(&format!("{DRAFT_PREFIX}{}", charter.id), &text)
}

/// Reads one draft. `Ok(None)` when there is no such draft.
pub fn load_draft(
    id: &str,
    fresh_id: &mut dyn FnMut() -> String,
) -> Result<Option<Result<Restored, RestoreError>>, StorageError> {
    let key = format!("{DRAFT_PREFIX}{id}");
    let Some(raw) = get(&key)? else {
        return Ok(None);
    };
    let restored = restore_any(&raw, fresh_id);
    if restored.is_err() {
        keep_backup(id, &raw);
    }
    Ok(Some(restored))
}

/// Keeps a copy of an entry that did not restore, once, under a backup key.
fn keep_backup(id: &str, raw: &str) {
    let key = format!("{BACKUP_PREFIX}{id}");
    if matches!(get(&key), Ok(None)) {
        let _ = set(&key, raw);
    }
}

/// Lists every draft, newest first, and every entry that does not open.
pub fn library(fresh_id: &mut dyn FnMut() -> String) -> Result<Library, StorageError> {
    let s = storage()?;
    let count = s.length().map_err(classify)?;
    let mut keys = Vec::new();
    for i in 0..count {
        if let Ok(Some(k)) = s.key(i) {
            if k.starts_with(DRAFT_PREFIX) {
                keys.push(k);
            }
        }
    }
    let mut lib = Library::default();
    for key in keys {
        let Ok(Some(raw)) = s.get_item(&key) else {
            continue;
        };
        match restore_any(&raw, fresh_id) {
            Ok(r) => {
                let c = r.charter;
                let (filled, total) = total_fill(&c);
                lib.drafts.push(DraftSummary {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    updated_at: c.updated_at,
                    filled,
                    total,
                });
            }
            Err(error) => {
                keep_backup(key.trim_start_matches(DRAFT_PREFIX), &raw);
                lib.broken.push(BrokenDraft { key, raw, error });
            }
        }
    }
    lib.drafts
        .sort_by(|a, b| b.updated_at.total_cmp(&a.updated_at));
    Ok(lib)
}

/// Removes a draft and gives back its stored text, so that it can be undone.
pub fn delete_draft(id: &str) -> Result<Option<String>, StorageError> {
    let key = format!("{DRAFT_PREFIX}{id}");
    let raw = get(&key)?;
    storage()?.remove_item(&key).map_err(classify)?;
    Ok(raw)
}

/// Puts back a draft's stored text exactly as it was (undo of a delete),
/// unless something was written under its id since.
pub fn put_back_draft(id: &str, raw: &str) -> Result<(), StorageError> {
    let key = format!("{DRAFT_PREFIX}{id}");
    if get(&key)?.is_some() {
        return Err(StorageError::Protected);
    }
    set(&key, raw)
}

/// What storage holds under this draft id (absent when storage is blocked).
pub fn stored_version(id: &str) -> StoredVersion {
    match get(&format!("{DRAFT_PREFIX}{id}")) {
        Ok(Some(raw)) => match restore_any(&raw, &mut String::new) {
            Ok(r) => StoredVersion::Readable(r.charter.updated_at),
            Err(_) => {
                keep_backup(id, &raw);
                StoredVersion::Unreadable
            }
        },
        _ => StoredVersion::Absent,
    }
}

/// The draft id a storage key belongs to, for `storage` events from other tabs.
pub fn draft_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
}

/// Asks the browser to keep this site's data even under storage pressure.
/// Resolves to whether storage is persistent; `false` where unsupported.
pub async fn request_persistence() -> bool {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    async fn answer(p: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> bool {
        match p {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            Err(_) => false,
        }
    }
    if answer(manager.persisted()).await {
        return true;
    }
    answer(manager.persist()).await
}

/// The draft that was open last, if any.
pub fn current_draft_id() -> Option<String> {
    get(CURRENT_KEY).ok().flatten().filter(|s| !s.is_empty())
}

/// Remembers which draft is open.
pub fn set_current_draft_id(id: &str) {
    let _ = set(CURRENT_KEY, id);
}

/// The interface language chosen earlier ("fr" or "en"), if any.
pub fn saved_language() -> Option<String> {
    get(LANG_KEY).ok().flatten()
}

/// Remembers the interface language.
pub fn save_language(code: &str) {
    let _ = set(LANG_KEY, code);
}
