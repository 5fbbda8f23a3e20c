//! What each charter sent and received: for every draft, the last few
//! versions that left by link or file or arrived from a colleague, kept
//! compact under `coplanifier.history.<charter id>`. A contribution that
//! comes back says which version it was made from; finding that version
//! here gives the three-way merge its base.
use serde::{Deserialize, Serialize};

use super::backend::Backend;
use super::StorageError;
use crate::charter::{Charter, VersionId};
use crate::format::{encode_compact, restore_any, Source};

const HISTORY_PREFIX: &str = "coplanifier.history.";
/// How many versions a charter's history keeps (the oldest go first).
pub const KEPT: usize = 20;

/// Which way a version went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exchange {
    /// Shown as a link, a QR code or written as a file here.
    Sent,
    /// Arrived from a link or a file.
    Received,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    version: String,
    exchange: Exchange,
    at: f64,
    /// The charter in the compact form of drafts.
    charter: String,
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

/// Records that this charter was sent or received now; returns its version.
/// A version already kept moves to the end, with the newer exchange.
pub fn record(
    b: &mut impl Backend,
    charter: &Charter,
    exchange: Exchange,
    at: f64,
) -> Result<VersionId, StorageError> {
    let version = VersionId::of(charter);
    let text = version.to_text();
    // An entry that does not read stops here (`?`); none yet is an empty history.
    let mut entries: Vec<Entry> = stored(b, &charter.id)?.unwrap_or_default();
    let received_before = entries
        .iter()
        .any(|e| e.version == text && e.exchange == Exchange::Received);
    entries.retain(|e| e.version != text);
    let compact = encode_compact(charter, Source::Storage).map_err(|_| StorageError::Failed)?;
    entries.push(Entry {
        version: text,
        // Once received, a version stays one that came from a colleague.
        exchange: if received_before {
            Exchange::Received
        } else {
            exchange
        },
        at,
        charter: compact,
    });
    // The oldest go first, but never the last version received: replies are
    // made from it.
    while entries.len() > KEPT {
        let last_received = entries
            .iter()
            .rposition(|e| e.exchange == Exchange::Received);
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

/// Forgets a charter's history (its draft was deleted).
pub fn forget(b: &mut impl Backend, id: &str) -> Result<(), StorageError> {
    b.remove(&key(id))
}

/// The version this charter last received, which what it sends now was
/// made from.
pub fn last_received(b: &impl Backend, id: &str) -> Option<VersionId> {
    read(b, id)
        .iter()
        .rev()
        .find(|e| e.exchange == Exchange::Received)
        .and_then(|e| VersionId::from_text(&e.version))
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
        let sent = record(&mut m, &c, Exchange::Sent, 2.0).expect("records");
        assert_eq!(find(&m, &c.id, sent, &mut ids()), Some(c.clone()));
        assert_eq!(last_received(&m, &c.id), None, "nothing received yet");
        let mut theirs = c.clone();
        theirs.set_text(TextField::Mission, "Autre".into(), 3.0);
        let got = record(&mut m, &theirs, Exchange::Received, 4.0).expect("records");
        assert_eq!(last_received(&m, &c.id), Some(got));
        // Sending it again does not make it a version we made.
        record(&mut m, &theirs, Exchange::Sent, 5.0).expect("records");
        assert_eq!(last_received(&m, &c.id), Some(got));
    }

    #[test]
    fn the_history_keeps_the_last_versions_and_a_broken_one_counts_as_none() {
        let mut m = Memory::new();
        let mut c = example(Lang::En, "k3j9x0a1b2c3d4e5".into(), 1.0);
        let first = record(&mut m, &c, Exchange::Sent, 1.0).expect("records");
        for n in 0..KEPT {
            c.set_title(format!("Title {n}"), 2.0);
            record(&mut m, &c, Exchange::Sent, 2.0).expect("records");
        }
        assert_eq!(
            find(&m, &c.id, first, &mut ids()),
            None,
            "the oldest went first"
        );
        assert_eq!(read(&m, &c.id).len(), KEPT);
        // The last version received stays, however many are sent after it.
        c.set_title("Received".into(), 3.0);
        let got = record(&mut m, &c, Exchange::Received, 3.0).expect("records");
        for n in 0..KEPT + 3 {
            c.set_title(format!("Sent {n}"), 4.0);
            record(&mut m, &c, Exchange::Sent, 4.0).expect("records");
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
            record(&mut m, &c, Exchange::Received, 5.0),
            Err(StorageError::Protected)
        );
        assert_eq!(
            m.entries.get(&key(&c.id)).map(String::as_str),
            Some("{not json")
        );
    }
}
