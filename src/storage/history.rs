//! What each charter sent, received and merged: for every draft, the last
//! few versions that left by link or file, arrived from a colleague, were
//! merged or replaced, kept compact under `coplanifier.history.<charter id>`.
//! A contribution that comes back says which version it was made from;
//! finding that version here gives the three-way merge its base. The
//! history view lists them, and any of them can be restored.
use serde::{Deserialize, Serialize};

use super::backend::Backend;
use super::StorageError;
use crate::charter::{Charter, VersionId};
use crate::format::{encode_compact, restore_any, Source};

const HISTORY_PREFIX: &str = "coplanifier.history.";
/// How many versions a charter's history keeps (the oldest go first).
pub const KEPT: usize = 20;

/// What happened to a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exchange {
    /// Shown as a link, a QR code or written as a file here.
    Sent,
    /// Arrived from a link or a file.
    Received,
    /// The draft as it was just before a contribution was merged into it.
    BeforeMerge,
    /// The draft just after a contribution was merged into it.
    Merged,
    /// The draft as it was just before an older version was restored.
    BeforeRestore,
    /// An older version, brought back.
    Restored,
    /// The last version of a day the draft was edited.
    LastOfDay,
    /// The draft as it was just before a received version replaced it.
    BeforeReplace,
}

/// A version kept, as the history view lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// The version's id, as text.
    pub version: String,
    /// What happened to it last.
    pub exchange: Exchange,
    /// When, in milliseconds since the epoch.
    pub at: f64,
    /// Whose contribution was merged, for [`Exchange::Merged`].
    pub by: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    version: String,
    exchange: Exchange,
    at: f64,
    /// Whose contribution was merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    /// Whether this version came from a colleague, whatever happened to it
    /// since (merged, restored): replies are made from it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    received: bool,
    /// The charter in the compact form of drafts.
    charter: String,
}

impl Entry {
    fn is_received(&self) -> bool {
        self.received || self.exchange == Exchange::Received
    }
}

/// How much an exchange says of a version: the history keeps, for each
/// version, what says the most.
fn rank(e: Exchange) -> u8 {
    match e {
        Exchange::Sent | Exchange::LastOfDay => 0,
        Exchange::BeforeMerge | Exchange::BeforeRestore | Exchange::BeforeReplace => 1,
        Exchange::Received => 2,
        Exchange::Merged | Exchange::Restored => 3,
    }
}

fn key(id: &str) -> String {
    format!("{HISTORY_PREFIX}{id}")
}

/// The history of a charter as stored: `Ok(None)` for none, `Err` for an
/// entry that does not read (kept as it is, never written over).
fn stored(b: &impl Backend, id: &str) -> Result<Option<Vec<Entry>>, StorageError> {
    match b.get(&key(id))? {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|_| StorageError::Protected),
    }
}

/// The history of a charter for reading: one that is missing, blocked or
/// does not read counts as empty (a history is a help; at worst a reply is
/// compared two ways).
fn read(b: &impl Backend, id: &str) -> Vec<Entry> {
    match stored(b, id) {
        Ok(Some(entries)) => entries,
        Ok(None) | Err(_) => Vec::new(),
    }
}

/// Records what happened to this charter now; returns its version. A
/// version already kept moves to the end, with the newer exchange unless
/// what it was kept as says more (see [`rank`]). `by` names whose
/// contribution was merged.
pub fn record(
    b: &mut impl Backend,
    charter: &Charter,
    exchange: Exchange,
    at: f64,
    by: Option<&str>,
) -> Result<VersionId, StorageError> {
    let version = VersionId::of(charter);
    let text = version.to_text();
    // An entry that does not read stops here (`?`); none yet is an empty history.
    let mut entries: Vec<Entry> = stored(b, &charter.id)?.unwrap_or_default();
    let received = exchange == Exchange::Received;
    match entries.iter().position(|e| e.version == text) {
        // Kept already as something that says more ("Bob's contribution
        // merged" is not overwritten by "before a merge" of the same
        // content): it keeps what it says and its date, and moves to the
        // end, the last to go.
        Some(i) if rank(entries[i].exchange) > rank(exchange) => {
            let mut kept = entries.remove(i);
            kept.received |= received;
            entries.push(kept);
        }
        found => {
            // Once received, a version stays one that came from a colleague.
            let was_received = found.is_some_and(|i| entries.remove(i).is_received());
            let compact =
                encode_compact(charter, Source::Storage).map_err(|_| StorageError::Failed)?;
            entries.push(Entry {
                version: text,
                exchange,
                at,
                by: by.map(str::to_string),
                received: received || was_received,
                charter: compact,
            });
        }
    }
    // The oldest go first, but never the last version received: replies are
    // made from it.
    while entries.len() > KEPT {
        let last_received = last_received_at(&entries);
        let oldest = (0..entries.len())
            .find(|&i| Some(i) != last_received)
            .unwrap_or(0);
        entries.remove(oldest);
    }
    let json = serde_json::to_string(&entries).map_err(|_| StorageError::Failed)?;
    b.set(&key(&charter.id), &json)?;
    Ok(version)
}

/// The version of this charter kept under `version`, read back through the
/// one restore path.
pub fn find(
    b: &impl Backend,
    id: &str,
    version: VersionId,
    fresh_id: &mut dyn FnMut() -> String,
) -> Option<Charter> {
    let text = version.to_text();
    let entry = read(b, id).into_iter().find(|e| e.version == text)?;
    restore_any(&entry.charter, fresh_id)
        .ok()
        .map(|r| r.charter)
}

/// The versions kept for this charter, the newest first.
pub fn kept(b: &impl Backend, id: &str) -> Vec<Kept> {
    let mut kept: Vec<Kept> = read(b, id)
        .into_iter()
        .rev()
        .map(|e| Kept {
            version: e.version,
            exchange: e.exchange,
            at: e.at,
            by: e.by,
        })
        .collect();
    kept.sort_by(|a, b| b.at.total_cmp(&a.at));
    kept
}

/// Where the version received last (by its date) is among `entries`.
fn last_received_at(entries: &[Entry]) -> Option<usize> {
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.is_received())
        .max_by(|(_, a), (_, b)| a.at.total_cmp(&b.at))
        .map(|(i, _)| i)
}

/// Forgets a charter's history (its draft was deleted).
pub fn forget(b: &mut impl Backend, id: &str) -> Result<(), StorageError> {
    b.remove(&key(id))
}

/// The version this charter last received, which what it sends now was
/// made from.
pub fn last_received(b: &impl Backend, id: &str) -> Option<VersionId> {
    let entries = read(b, id);
    last_received_at(&entries).and_then(|i| VersionId::from_text(&entries[i].version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, Lang, TextField};
    use crate::storage::Memory;

    use crate::format::test_ids as ids;

    #[test]
    fn a_version_sent_is_found_again_and_the_last_received_is_what_replies_come_from() {
        let mut m = Memory::new();
        let c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1.0);
        let sent = record(&mut m, &c, Exchange::Sent, 2.0, None).expect("records");
        assert_eq!(find(&m, &c.id, sent, &mut ids()), Some(c.clone()));
        assert_eq!(last_received(&m, &c.id), None, "nothing received yet");
        let mut theirs = c.clone();
        theirs.set_text(TextField::Mission, "Autre".into(), 3.0);
        let got = record(&mut m, &theirs, Exchange::Received, 4.0, None).expect("records");
        assert_eq!(last_received(&m, &c.id), Some(got));
        // Sending it again does not make it a version we made.
        record(&mut m, &theirs, Exchange::Sent, 5.0, None).expect("records");
        assert_eq!(last_received(&m, &c.id), Some(got));
    }

    #[test]
    fn merges_and_restores_are_listed_newest_first_with_who_and_an_older_history_still_reads() {
        let mut m = Memory::new();
        let c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1.0);
        // A history written before merges were kept: no `by`.
        let old = format!(
            r#"[{{"version":"{}","exchange":"sent","at":1.0,"charter":"{}"}}]"#,
            VersionId::of(&c).to_text(),
            encode_compact(&c, Source::Storage).expect("encodes")
        );
        m.entries.insert(key(&c.id), old);
        let mut merged = c.clone();
        merged.set_text(TextField::Mission, "Fusionnée".into(), 2.0);
        record(&mut m, &c, Exchange::BeforeMerge, 2.0, None).expect("records");
        record(&mut m, &merged, Exchange::Merged, 3.0, Some("Bob Tremblay")).expect("records");
        // Merged again later as the base of the next merge: still Bob's.
        record(&mut m, &merged, Exchange::BeforeMerge, 4.0, None).expect("records");
        let list = kept(&m, &c.id);
        assert_eq!(list.len(), 2, "the same version is kept once");
        assert_eq!(list[0].at, 3.0, "with the date of the merge");
        assert_eq!(list[0].exchange, Exchange::Merged);
        assert_eq!(list[0].by.as_deref(), Some("Bob Tremblay"));
        assert_eq!(list[1].exchange, Exchange::BeforeMerge);
        assert_eq!(list[1].by, None);
        let version = VersionId::from_text(&list[1].version).expect("an id");
        assert_eq!(find(&m, &c.id, version, &mut ids()), Some(c));
    }

    #[test]
    fn a_received_version_merged_or_restored_stays_the_one_replies_come_from() {
        let mut m = Memory::new();
        let c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1.0);
        let got = record(&mut m, &c, Exchange::Received, 1.0, None).expect("records");
        // Taken whole: the merge is the received version itself.
        record(&mut m, &c, Exchange::Merged, 2.0, Some("Bob")).expect("records");
        assert_eq!(last_received(&m, &c.id), Some(got));
        assert_eq!(kept(&m, &c.id)[0].by.as_deref(), Some("Bob"));
        record(&mut m, &c, Exchange::Restored, 3.0, None).expect("records");
        assert_eq!(last_received(&m, &c.id), Some(got));
    }

    #[test]
    fn the_history_keeps_the_last_versions_and_a_broken_one_counts_as_none() {
        let mut m = Memory::new();
        let mut c = example(Lang::En, "k3j9x0a1b2c3d4e5".into(), 1.0);
        let first = record(&mut m, &c, Exchange::Sent, 1.0, None).expect("records");
        for n in 0..KEPT {
            c.set_title(format!("Title {n}"), 2.0);
            record(&mut m, &c, Exchange::Sent, 2.0, None).expect("records");
        }
        assert_eq!(
            find(&m, &c.id, first, &mut ids()),
            None,
            "the oldest went first"
        );
        assert_eq!(read(&m, &c.id).len(), KEPT);
        // The last version received stays, however many are sent after it.
        c.set_title("Received".into(), 3.0);
        let got = record(&mut m, &c, Exchange::Received, 3.0, None).expect("records");
        for n in 0..KEPT + 3 {
            c.set_title(format!("Sent {n}"), 4.0);
            record(&mut m, &c, Exchange::Sent, 4.0, None).expect("records");
        }
        assert_eq!(last_received(&m, &c.id), Some(got));
        assert_eq!(read(&m, &c.id).len(), KEPT);
        // It goes with its draft.
        forget(&mut m, &c.id).expect("forgets");
        assert_eq!(last_received(&m, &c.id), None);
        // One that does not read counts as none and is never written over.
        m.entries.insert(key(&c.id), "{not json".into());
        assert_eq!(last_received(&m, &c.id), None);
        assert_eq!(
            record(&mut m, &c, Exchange::Received, 5.0, None),
            Err(StorageError::Protected)
        );
        assert_eq!(
            m.entries.get(&key(&c.id)).map(String::as_str),
            Some("{not json")
        );
    }
}
