//! Short, stable ids for notes and rows, and the version id of a charter.
//!
//! An item id is a *site* (5 characters of `0-9a-z`, drawn at random once per
//! page, so that two colleagues' new notes never share an id) followed by a
//! counter in base 36 (1 to 4 characters, no leading zero). `k3j9x1`,
//! `k3j9x2`, … travel in a few bytes in a `c3` link and let a charter that
//! comes back be matched note by note. Older charters have 16-character
//! random ids; they stay valid everywhere, but a link leaves them out.
//!
//! A version id names one state of a charter's content: the first 48 bits
//! of the FNV-1a hash of its canonical JSON, in base64url (8 characters).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::Charter;

/// The length of a site.
pub const SITE_LEN: usize = 5;
/// The longest counter, in base-36 digits.
pub const COUNTER_MAX_DIGITS: usize = 4;

fn is_id_char(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_lowercase()
}

/// The site and counter of a short item id, `None` for any other id.
pub fn split_item_id(id: &str) -> Option<(&str, u32)> {
    let bytes = id.as_bytes();
    let counter = id.get(SITE_LEN..)?;
    if !(1..=COUNTER_MAX_DIGITS).contains(&counter.len())
        || !bytes.iter().copied().all(is_id_char)
        || counter.starts_with('0')
    {
        return None;
    }
    let n = u32::from_str_radix(counter, 36).ok()?;
    Some((&id[..SITE_LEN], n))
}

/// The short item id of a site and counter (`None` if either does not fit).
pub fn item_id(site: &str, counter: u32) -> Option<String> {
    if site.len() != SITE_LEN || !site.bytes().all(is_id_char) || counter == 0 {
        return None;
    }
    let mut digits = Vec::new();
    let mut n = counter;
    while n > 0 {
        digits.push(char::from_digit(n % 36, 36)?);
        n /= 36;
    }
    if digits.len() > COUNTER_MAX_DIGITS {
        return None;
    }
    Some(format!("{site}{}", digits.iter().rev().collect::<String>()))
}

impl Charter {
    /// Gives every note and row whose id is not a short id (the 16-character
    /// ids of older builds) a short one from `fresh`, so that links keep it
    /// from now on. Returns whether any id changed.
    pub fn shorten_item_ids(&mut self, fresh: &mut dyn FnMut() -> String) -> bool {
        let mut changed = false;
        let mut renew = |id: &mut String| {
            if split_item_id(id).is_none() {
                *id = fresh();
                changed = true;
            }
        };
        for l in super::ListId::ALL {
            for note in self.list_mut(l) {
                renew(&mut note.id);
            }
        }
        for r in super::RecordList::ALL {
            for id in self.table_mut(r).ids_mut() {
                renew(id);
            }
        }
        changed
    }
}

/// A version id: 48 bits naming one state of a charter's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VersionId(pub [u8; 6]);

impl VersionId {
    /// The version of a charter's content: ids, texts, choices, rows and
    /// fields of newer builds count; times do not (a link leaves note times
    /// out, and saving again must not make a new version).
    pub fn of(c: &Charter) -> VersionId {
        let mut canonical = serde_json::to_value(c).unwrap_or_default();
        if let Some(m) = canonical.as_object_mut() {
            m.remove("created_at");
            m.remove("updated_at");
        }
        strip_note_times(&mut canonical);
        let text = canonical.to_string();
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let bytes = hash.to_be_bytes();
        VersionId([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]])
    }

    /// The 8 characters of base64url that write it.
    pub fn to_text(self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// Reads the 8 characters written by [`VersionId::to_text`].
    pub fn from_text(text: &str) -> Option<VersionId> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        bytes.try_into().ok().map(VersionId)
    }
}

/// Removes `created_at` and `updated_at` from every object that has a
/// `text` and an `author` (the notes).
fn strip_note_times(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            if m.contains_key("text") && m.contains_key("author") {
                m.remove("created_at");
                m.remove("updated_at");
            }
            for x in m.values_mut() {
                strip_note_times(x);
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                strip_note_times(x);
            }
        }
        _ => {}
    }
}

/// What a link carries besides the charter: its version and the version it
/// was made from (for a contribution to find what both sides had).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Versions {
    /// The version the link is.
    pub is: Option<VersionId>,
    /// The version it was made from.
    pub from: Option<VersionId>,
}

impl Versions {
    /// What a link or file made now records: the version it was made from
    /// (if known). The version it *is* is left out of links: a reader
    /// computes it from the charter the link decodes to.
    pub fn made_from(from: Option<VersionId>) -> Versions {
        Versions { is: None, from }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, Lang, ListId, TextField};

    #[test]
    fn short_ids_are_a_site_and_a_counter() {
        assert_eq!(split_item_id("k3j9x1"), Some(("k3j9x", 1)));
        assert_eq!(split_item_id("k3j9xzz"), Some(("k3j9x", 36 * 36 - 1)));
        assert_eq!(item_id("k3j9x", 1295).as_deref(), Some("k3j9xzz"));
        for n in [1, 35, 36, 1_679_615] {
            let id = item_id("abcde", n).expect("fits");
            assert_eq!(split_item_id(&id), Some(("abcde", n)));
        }
        assert_eq!(item_id("abcde", 1_679_616), None, "five digits");
        // Older ids, odd ids, and non-canonical counters are not short ids.
        for odd in [
            "k3j9x0a1b2c3d4e5",
            "k3j9x",
            "k3j9x01",
            "K3J9X1",
            "ab-de1",
            "",
        ] {
            assert_eq!(split_item_id(odd), None, "{odd}");
        }
    }

    #[test]
    fn older_ids_become_short_ids_and_short_ones_stay() {
        let mut c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1.0);
        let before = c.item_ids();
        assert!(
            !c.shorten_item_ids(&mut || "zzzzz1".into()),
            "the example's ids are short"
        );
        assert_eq!(c.item_ids(), before);
        let mut n = 0;
        c.renumber_items(&mut || {
            n += 1;
            format!("{n:0>16}")
        });
        let mut m = 0;
        assert!(c.shorten_item_ids(&mut || {
            m += 1;
            item_id("qqqqq", m).unwrap_or_default()
        }));
        assert!(c.item_ids().iter().all(|i| split_item_id(i).is_some()));
        assert_eq!(m as usize, before.len());
    }

    #[test]
    fn a_version_names_the_content_not_the_times() {
        let c = example(Lang::Fr, "x".into(), 1.0);
        let v = VersionId::of(&c);
        let mut later = c.clone();
        later.updated_at = 99.0;
        later.purpose.goals[0].updated_at = 98.0;
        assert_eq!(VersionId::of(&later), v, "times do not count");
        later.set_text(TextField::Mission, "Autre".into(), 100.0);
        assert_ne!(VersionId::of(&later), v);
        let mut moved = c.clone();
        let id = moved.notes(ListId::Goals)[0].id.clone();
        moved.move_note(&id, ListId::Themes, 0, 2.0);
        assert_ne!(VersionId::of(&moved), v, "where a note sits counts");
        assert_eq!(VersionId::from_text(&v.to_text()), Some(v));
        assert_eq!(v.to_text().len(), 8);
        assert_eq!(VersionId::from_text("too-short"), None);
    }
}
