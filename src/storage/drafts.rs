//! Drafts by id: written compact, read back through the one restore path, and
//! never overwritten when what is stored does not open (a copy of it is kept
//! under a backup key, and a failure to keep that copy is reported).
use super::backend::Backend;
use super::{BrokenDraft, DraftSummary, Library, StorageError, StoredVersion};
use crate::charter::{total_fill, Charter};
use crate::format::{encode_compact, restore_any, to_json, Restored, Source};

const DRAFT_PREFIX: &str = "coplanifier.draft.";
const BACKUP_PREFIX: &str = "coplanifier.backup.";
const CURRENT_KEY: &str = "coplanifier.current";

/// The storage key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The draft id a storage key belongs to, for `storage` events from other tabs.
pub fn draft_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
}

/// What storage holds under a draft's id, read in full.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftEntry {
    /// Nothing.
    Absent,
    /// A draft that restores.
    Readable(Box<Restored>),
    /// An entry that does not restore: kept as it is, never overwritten.
    Unreadable(BrokenDraft),
}

/// The text a draft is stored as: compact (deflate + base64url) so that
/// hundreds fit in the origin's quota, plain JSON for a charter too large
/// for that form.
pub fn draft_text(charter: &Charter) -> Result<String, StorageError> {
    match encode_compact(charter, Source::Storage) {
        Ok(compact) => Ok(compact),
        Err(_) => to_json(charter, Source::Storage).map_err(|_| StorageError::Failed),
    }
}

/// Writes the charter under its id whatever is stored there, and returns the
/// text written. Callers check first ([`save_draft`] does).
pub fn write_draft(b: &mut impl Backend, charter: &Charter) -> Result<String, StorageError> {
    let text = draft_text(charter)?;
    b.set(&draft_key(&charter.id), &text)?;
    Ok(text)
}

/// Saves the charter as a draft. On failure the previous save stays intact,
/// and an entry under the same id that does not restore is never replaced.
pub fn save_draft(b: &mut impl Backend, charter: &Charter) -> Result<String, StorageError> {
    if stored_version(b, &charter.id) == StoredVersion::Unreadable {
        return Err(StorageError::Protected);
    }
    write_draft(b, charter)
}

/// Reads what is stored under `key` and restores it; an entry that does not
/// restore is copied once under its backup key.
fn read(
    b: &mut impl Backend,
    key: &str,
    raw: String,
    fresh_id: &mut dyn FnMut() -> String,
) -> DraftEntry {
    match restore_any(&raw, fresh_id) {
        Ok(r) => DraftEntry::Readable(Box::new(r)),
        Err(error) => {
            let id = key.trim_start_matches(DRAFT_PREFIX);
            let backed_up = keep_backup(b, id, &raw).is_ok();
            DraftEntry::Unreadable(BrokenDraft {
                key: key.to_string(),
                raw,
                error,
                backed_up,
            })
        }
    }
}

/// Reads one draft.
pub fn load_draft(
    b: &mut impl Backend,
    id: &str,
    fresh_id: &mut dyn FnMut() -> String,
) -> Result<DraftEntry, StorageError> {
    let key = draft_key(id);
    match b.get(&key)? {
        None => Ok(DraftEntry::Absent),
        Some(raw) => Ok(read(b, &key, raw, fresh_id)),
    }
}

/// Keeps a copy of an entry that did not restore, once, under a backup key.
/// Fails when the browser refused to write that copy.
fn keep_backup(b: &mut impl Backend, id: &str, raw: &str) -> Result<(), StorageError> {
    let key = format!("{BACKUP_PREFIX}{id}");
    match b.get(&key)? {
        Some(kept) if kept == raw => Ok(()),
        // An older backup of another text: the first one is the one kept.
        Some(_) => Ok(()),
        None => b.set(&key, raw),
    }
}

/// Lists every draft, newest first, and every entry that does not open.
pub fn library(
    b: &mut impl Backend,
    fresh_id: &mut dyn FnMut() -> String,
) -> Result<Library, StorageError> {
    let mut keys: Vec<String> = b
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(DRAFT_PREFIX))
        .collect();
    keys.sort();
    let mut lib = Library::default();
    for key in keys {
        let Some(raw) = b.get(&key)? else {
            continue;
        };
        match read(b, &key, raw, fresh_id) {
            DraftEntry::Readable(r) => {
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
            DraftEntry::Unreadable(broken) => lib.broken.push(broken),
            DraftEntry::Absent => {}
        }
    }
    lib.drafts
        .sort_by(|a, b| b.updated_at.total_cmp(&a.updated_at));
    Ok(lib)
}

/// Removes a draft and gives back its stored text, so that it can be undone.
pub fn delete_draft(b: &mut impl Backend, id: &str) -> Result<Option<String>, StorageError> {
    let key = draft_key(id);
    let raw = b.get(&key)?;
    b.remove(&key)?;
    // What it sent and received goes with it (it holds the same names).
    let _ = super::history::forget(b, id);
    let _ = super::prefs::forget_contributing(b, id);
    Ok(raw)
}

/// Puts back a draft's stored text exactly as it was (undo of a delete),
/// unless something was written under its id since.
pub fn put_back_draft(b: &mut impl Backend, id: &str, raw: &str) -> Result<(), StorageError> {
    let key = draft_key(id);
    if b.get(&key)?.is_some() {
        return Err(StorageError::Protected);
    }
    b.set(&key, raw)
}

/// What storage holds under this draft id (absent when storage is blocked).
pub fn stored_version(b: &mut impl Backend, id: &str) -> StoredVersion {
    match load_draft(b, id, &mut String::new) {
        Ok(DraftEntry::Readable(r)) => StoredVersion::Readable(r.charter.updated_at),
        Ok(DraftEntry::Unreadable(_)) => StoredVersion::Unreadable,
        Ok(DraftEntry::Absent) | Err(_) => StoredVersion::Absent,
    }
}

/// The draft that was open last, if any.
pub fn current_draft_id(b: &impl Backend) -> Option<String> {
    b.get(CURRENT_KEY).ok().flatten().filter(|s| !s.is_empty())
}

/// Remembers which draft is open.
pub fn set_current_draft_id(b: &mut impl Backend, id: &str) -> Result<(), StorageError> {
    if b.get(CURRENT_KEY)?.as_deref() == Some(id) {
        return Ok(());
    }
    b.set(CURRENT_KEY, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, Lang};
    use crate::storage::Memory;

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("fresh-{n}")
        }
    }

    #[test]
    fn a_saved_draft_reads_back_identical() {
        let mut m = Memory::new();
        let c = example(Lang::Fr, "abc".into(), 5.0);
        save_draft(&mut m, &c).expect("saves");
        match load_draft(&mut m, "abc", &mut ids()).expect("reads") {
            DraftEntry::Readable(r) => assert_eq!(r.charter, c),
            other => panic!("{other:?}"),
        }
        assert_eq!(stored_version(&mut m, "abc"), StoredVersion::Readable(5.0));
    }

    #[test]
    fn an_unreadable_entry_is_never_replaced_and_is_backed_up_once() {
        let mut m = Memory::new();
        m.entries.insert(draft_key("abc"), "{broken".into());
        let c = Charter::new("abc".into(), Lang::Fr, 1.0);
        assert_eq!(save_draft(&mut m, &c), Err(StorageError::Protected));
        assert_eq!(
            m.entries.get(&draft_key("abc")).map(String::as_str),
            Some("{broken")
        );
        assert_eq!(
            m.entries.get("coplanifier.backup.abc").map(String::as_str),
            Some("{broken")
        );
        let lib = library(&mut m, &mut ids()).expect("lists");
        assert!(lib.drafts.is_empty());
        assert_eq!(lib.broken.len(), 1);
        assert!(lib.broken[0].backed_up);
    }

    #[test]
    fn a_backup_the_browser_refuses_is_said() {
        let mut m = Memory::new();
        m.entries.insert(draft_key("abc"), "{broken".into());
        m.refuse_writes = Some(StorageError::Full);
        match load_draft(&mut m, "abc", &mut ids()).expect("reads") {
            DraftEntry::Unreadable(b) => {
                assert!(!b.backed_up);
                assert_eq!(b.raw, "{broken");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_library_lists_newest_first_and_delete_can_be_undone() {
        let mut m = Memory::new();
        for (id, t) in [("a", 1.0), ("b", 3.0), ("c", 2.0)] {
            save_draft(&mut m, &Charter::new(id.into(), Lang::En, t)).expect("saves");
        }
        let order: Vec<String> = library(&mut m, &mut ids())
            .expect("lists")
            .drafts
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(order, ["b", "c", "a"]);
        let raw = delete_draft(&mut m, "c")
            .expect("deletes")
            .expect("was there");
        assert_eq!(stored_version(&mut m, "c"), StoredVersion::Absent);
        put_back_draft(&mut m, "c", &raw).expect("puts back");
        assert_eq!(stored_version(&mut m, "c"), StoredVersion::Readable(2.0));
        assert_eq!(
            put_back_draft(&mut m, "c", &raw),
            Err(StorageError::Protected),
            "never over something written since"
        );
    }

    #[test]
    fn the_current_draft_is_written_only_when_it_changes() {
        let mut m = Memory::new();
        set_current_draft_id(&mut m, "a").expect("writes");
        m.refuse_writes = Some(StorageError::Full);
        assert_eq!(set_current_draft_id(&mut m, "a"), Ok(()));
        assert_eq!(set_current_draft_id(&mut m, "b"), Err(StorageError::Full));
        assert_eq!(current_draft_id(&m).as_deref(), Some("a"));
    }
}
