//! The rules that keep the draft on the board in storage, as a small state
//! machine over a [`Backend`]: every change is written at once (the browser
//! may close or crash at any keystroke), never over what another tab saved
//! since this tab last read it, and never over an entry that does not open.
//!
//! To notice another tab's save without reading the whole draft back on
//! every keystroke, the machine remembers the exact text it last wrote or
//! read under the draft's key: any other text there was written by someone
//! else.
use super::backend::Backend;
use super::drafts::{draft_key, load_draft, set_current_draft_id, write_draft, DraftEntry};
use super::history::{self, Exchange};
use super::StorageError;
use crate::charter::{merge3, Charter, Side};
use crate::format::restore_any;

/// What the save indicator says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing typed since the draft opened.
    Idle,
    /// Everything typed is in storage.
    Saved,
    /// The last write failed, for this reason; the charter stays in memory.
    Failed(StorageError),
    /// Another tab saved this draft since this tab read it, while this tab
    /// had work of its own not yet written: nothing is written until the
    /// user chooses.
    Conflict,
    /// Another tab saved this draft and this tab took its version.
    Followed,
    /// Both tabs changed the draft, in different places: both changes are
    /// merged and written, and the board shows the merge.
    Merged,
}

/// What the board should do after another tab wrote the draft it shows.
#[derive(Clone, Debug, PartialEq)]
pub enum External {
    /// Nothing: the key is not this draft's, or nothing changed.
    Ignore,
    /// Show this version, the other tab's; nothing here was unsaved.
    Follow(Box<Charter>),
    /// Both tabs have their own version; the user chooses.
    Conflict,
}

/// Why "take the other tab's version" could not be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeError {
    /// The other tab deleted the draft: there is no version to take.
    Gone,
    /// What the other tab left does not open (it is kept untouched).
    Unreadable,
    /// Storage refused to be read.
    Storage(StorageError),
}

/// The saving state of the draft on the board.
#[derive(Clone, Debug)]
pub struct Autosave {
    status: SaveStatus,
    /// The id of the draft on the board.
    id: String,
    /// The text under the draft's key when this tab last wrote or read it.
    known: Option<String>,
    /// When the charter in `known` was last changed.
    known_at: Option<f64>,
    /// The local time's offset from UTC at a time, in minutes east: what
    /// makes a day (it changes with daylight saving time).
    utc_offset: fn(f64) -> i32,
    /// Whether the board holds a change that is not in storage.
    dirty: bool,
    /// Whether the last write could not record which draft is open.
    current_unrecorded: bool,
    /// A merge of both tabs' changes that the board must now show.
    merged: Option<Charter>,
}

impl Autosave {
    /// The machine for a page where storage is `available` (or not at all).
    pub fn new(available: bool) -> Autosave {
        Autosave {
            status: if available {
                SaveStatus::Idle
            } else {
                SaveStatus::Failed(StorageError::Unavailable)
            },
            id: String::new(),
            known: None,
            known_at: None,
            utc_offset: |_| 0,
            dirty: false,
            current_unrecorded: false,
            merged: None,
        }
    }

    /// Days begin at local midnight: `offset` gives, for a time, the
    /// minutes east of UTC there (the browser's time zone); UTC until told.
    pub fn set_utc_offset(&mut self, offset: fn(f64) -> i32) {
        self.utc_offset = offset;
    }

    /// The local day of a time, as a count of days.
    fn day(&self, ms: f64) -> i64 {
        let offset = f64::from((self.utc_offset)(ms)) * 60_000.0;
        ((ms + offset) / 86_400_000.0).floor() as i64
    }

    /// After the first write of a new day, the draft as it was stored
    /// before (`raw`, changed at `at`) goes to the history as the last
    /// version of its day: the history holds the last version of each day
    /// the draft was edited, at one more write a day.
    fn keep_last_of_day(&self, b: &mut impl Backend, charter: &Charter, raw: &str, at: f64) {
        if self.day(at) == self.day(charter.updated_at) {
            return;
        }
        if let Ok(r) = restore_any(raw, &mut String::new) {
            if r.charter.id == charter.id {
                let _ = history::record(b, &r.charter, Exchange::LastOfDay, at, None);
            }
        }
    }

    /// The merge of both tabs' changes the board must show, once.
    pub fn take_merged(&mut self) -> Option<Charter> {
        self.merged.take()
    }

    /// Another tab saved `theirs` over what this tab last knew, while this
    /// tab has changes of its own: merged three ways against what this tab
    /// last knew, and written, when no change of one conflicts with one of
    /// the other. Returns whether it merged.
    fn merge_with(&mut self, b: &mut impl Backend, charter: &Charter, theirs: &Charter) -> bool {
        // A tab of a newer build wrote fields this build does not know: a
        // merge here would drop them, so the user chooses.
        if theirs.has_newer_fields() {
            return false;
        }
        let Some(base) = self
            .known
            .as_deref()
            .and_then(|k| restore_any(k, &mut String::new).ok())
        else {
            return false;
        };
        let merged = merge3(
            &base.charter,
            charter,
            theirs,
            &|_| Side::Mine,
            charter.updated_at,
        );
        if !merged.conflicts.is_empty() {
            return false;
        }
        self.write(b, &merged.charter);
        if self.status != SaveStatus::Saved {
            return false;
        }
        self.status = SaveStatus::Merged;
        self.merged = Some(merged.charter);
        true
    }

    /// What the save indicator should say.
    pub fn status(&self) -> SaveStatus {
        self.status
    }

    /// Whether what is on the board was typed but is not in storage.
    pub fn unsaved(&self) -> bool {
        self.dirty && matches!(self.status, SaveStatus::Failed(_) | SaveStatus::Conflict)
    }

    /// Whether the last successful write could not record which draft is
    /// open (the draft itself is saved; it may not reopen by itself).
    pub fn current_unrecorded(&self) -> bool {
        self.current_unrecorded
    }

    fn unavailable(&self) -> bool {
        self.status == SaveStatus::Failed(StorageError::Unavailable)
    }

    /// A charter is now on the board, as storage holds it or new. Nothing is
    /// written; what is stored under its id is remembered as read.
    pub fn opened(&mut self, b: &impl Backend, charter: &Charter) {
        self.id = charter.id.clone();
        self.dirty = false;
        self.current_unrecorded = false;
        if self.unavailable() {
            return;
        }
        self.known = b.get(&draft_key(&charter.id)).ok().flatten();
        // When what is stored was last changed: the board may show another
        // version of it (one received, restored or merged).
        self.known_at = self
            .known
            .as_deref()
            .and_then(|k| restore_any(k, &mut String::new).ok())
            .map(|r| r.charter.updated_at);
        self.status = SaveStatus::Idle;
    }

    /// The user changed the charter on the board: it is written now.
    pub fn changed(&mut self, b: &mut impl Backend, charter: &Charter) {
        self.dirty = true;
        self.flush(b, charter);
    }

    /// Writes the board if it holds a change not yet in storage, unless
    /// another tab saved the draft since (then the user chooses) or what is
    /// stored does not open (then it is kept).
    pub fn flush(&mut self, b: &mut impl Backend, charter: &Charter) {
        if !self.dirty || self.unavailable() || self.status == SaveStatus::Conflict {
            return;
        }
        self.id = charter.id.clone();
        let stored = match b.get(&draft_key(&charter.id)) {
            Ok(s) => s,
            Err(e) => {
                self.status = SaveStatus::Failed(e);
                return;
            }
        };
        match stored {
            None => self.write(b, charter),
            Some(raw) if Some(&raw) == self.known.as_ref() => self.write(b, charter),
            Some(raw) => match restore_any(&raw, &mut String::new) {
                Err(_) => {
                    // Reading it again keeps a backup copy of it.
                    let _ = load_draft(b, &charter.id, &mut String::new);
                    self.status = SaveStatus::Failed(StorageError::Protected);
                }
                Ok(r) if r.charter == *charter => {
                    self.known = Some(raw);
                    self.known_at = Some(r.charter.updated_at);
                    self.dirty = false;
                    self.status = SaveStatus::Saved;
                }
                Ok(r) => {
                    if !self.merge_with(b, charter, &r.charter) {
                        self.status = SaveStatus::Conflict;
                    }
                }
            },
        }
    }

    /// Writes the board whatever another tab saved (the user chose it),
    /// still never over an entry that does not open.
    pub fn keep_mine(&mut self, b: &mut impl Backend, charter: &Charter) {
        if self.unavailable() {
            return;
        }
        self.dirty = true;
        match load_draft(b, &charter.id, &mut String::new) {
            Ok(DraftEntry::Unreadable(_)) => {
                self.status = SaveStatus::Failed(StorageError::Protected)
            }
            Err(e) => self.status = SaveStatus::Failed(e),
            Ok(_) => self.write(b, charter),
        }
    }

    fn write(&mut self, b: &mut impl Backend, charter: &Charter) {
        match write_draft(b, charter) {
            Ok(text) => {
                // The draft first: the history's copy never takes the room
                // the draft needed.
                if let (Some(raw), Some(at)) = (self.known.take(), self.known_at) {
                    self.keep_last_of_day(b, charter, &raw, at);
                }
                self.known = Some(text);
                self.known_at = Some(charter.updated_at);
                self.dirty = false;
                self.status = SaveStatus::Saved;
                self.current_unrecorded = set_current_draft_id(b, &charter.id).is_err();
            }
            Err(e) => self.status = SaveStatus::Failed(e),
        }
    }

    /// Another tab wrote `key`. When it is this draft's and nothing here is
    /// unsaved, the board follows; otherwise the user chooses.
    pub fn external(&mut self, b: &mut impl Backend, key: &str) -> External {
        if key != draft_key(&self.id) || self.unavailable() {
            return External::Ignore;
        }
        if self.dirty {
            // Changes here not written yet (the last write failed): the user
            // chooses.
            self.status = SaveStatus::Conflict;
            return External::Conflict;
        }
        match self.take_theirs(b) {
            Ok(c) => External::Follow(Box::new(c)),
            Err(TakeError::Gone) => {
                // Deleted elsewhere: the board keeps it, and the next change
                // writes it again.
                self.known = None;
                External::Ignore
            }
            Err(TakeError::Unreadable) => {
                self.status = SaveStatus::Failed(StorageError::Protected);
                External::Ignore
            }
            Err(TakeError::Storage(e)) => {
                self.status = SaveStatus::Failed(e);
                External::Ignore
            }
        }
    }

    /// Reads the version another tab saved, to put it on the board.
    pub fn take_theirs(&mut self, b: &mut impl Backend) -> Result<Charter, TakeError> {
        let key = draft_key(&self.id);
        let raw = b.get(&key).map_err(TakeError::Storage)?;
        match load_draft(b, &self.id, &mut String::new).map_err(TakeError::Storage)? {
            DraftEntry::Readable(r) => {
                self.known = raw;
                self.known_at = Some(r.charter.updated_at);
                self.dirty = false;
                self.status = SaveStatus::Followed;
                Ok(r.charter)
            }
            DraftEntry::Absent => Err(TakeError::Gone),
            DraftEntry::Unreadable(_) => Err(TakeError::Unreadable),
        }
    }

    /// The draft on the board was deleted by the user: nothing of it is to
    /// be saved any more.
    pub fn forget(&mut self) {
        self.dirty = false;
        self.known = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{Lang, TextField};
    use crate::storage::drafts::{current_draft_id, draft_text};
    use crate::storage::Memory;

    fn charter(mission: &str, t: f64) -> Charter {
        let mut c = Charter::new("d1".into(), Lang::Fr, 1.0);
        c.set_text(TextField::Mission, mission.into(), t);
        c
    }

    fn stored(m: &Memory) -> Option<String> {
        m.entries.get(&draft_key("d1")).cloned()
    }

    #[test]
    fn every_change_is_written_at_once_and_remembered_as_open() {
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        a.opened(&m, &charter("", 1.0));
        assert_eq!(a.status(), SaveStatus::Idle);
        assert_eq!(stored(&m), None, "opening writes nothing");
        for (i, text) in ["L", "Li", "Lir", "Lire"].into_iter().enumerate() {
            let c = charter(text, 2.0 + i as f64);
            a.changed(&mut m, &c);
            assert_eq!(a.status(), SaveStatus::Saved);
            assert_eq!(stored(&m), Some(draft_text(&c).expect("text")));
        }
        assert_eq!(current_draft_id(&m).as_deref(), Some("d1"));
        assert!(!a.unsaved());
    }

    #[test]
    fn the_first_save_of_a_new_day_keeps_the_last_version_of_the_day_before() {
        const DAY: f64 = 86_400_000.0;
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        // Québec in winter: UTC−5. 23:30 there is 04:30 UTC the next day.
        a.set_utc_offset(|_| -300);
        let evening = 20_000.0 * DAY + 4.5 * 3_600_000.0;
        a.opened(&m, &charter("", 1.0));
        a.changed(&mut m, &charter("Soir", evening - 60_000.0));
        a.changed(&mut m, &charter("Soir, fin", evening));
        assert!(
            history::kept(&m, "d1").is_empty(),
            "the same day: nothing kept"
        );
        // The next morning, local time.
        a.changed(&mut m, &charter("Matin", evening + 10.0 * 3_600_000.0));
        let kept = history::kept(&m, "d1");
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].exchange, Exchange::LastOfDay);
        assert_eq!(kept[0].at, evening);
        // Later that morning: still one a day.
        a.changed(
            &mut m,
            &charter("Matin, suite", evening + 11.0 * 3_600_000.0),
        );
        assert_eq!(history::kept(&m, "d1").len(), 1);
        // In UTC, the evening and the morning are the same day.
        let mut m = Memory::new();
        let mut utc = Autosave::new(true);
        utc.opened(&m, &charter("", 1.0));
        utc.changed(&mut m, &charter("Soir, fin", evening));
        utc.changed(&mut m, &charter("Matin", evening + 10.0 * 3_600_000.0));
        assert!(history::kept(&m, "d1").is_empty());
    }

    #[test]
    fn a_refused_write_keeps_the_previous_save_and_is_retried() {
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        a.opened(&m, &charter("", 1.0));
        a.changed(&mut m, &charter("Un", 2.0));
        let before = stored(&m);
        m.refuse_writes = Some(StorageError::Full);
        a.changed(&mut m, &charter("Deux", 3.0));
        assert_eq!(a.status(), SaveStatus::Failed(StorageError::Full));
        assert!(a.unsaved());
        assert_eq!(stored(&m), before);
        m.refuse_writes = None;
        let c = charter("Deux", 3.0);
        a.flush(&mut m, &c);
        assert_eq!(a.status(), SaveStatus::Saved);
        assert_eq!(stored(&m), Some(draft_text(&c).expect("text")));
    }

    #[test]
    fn without_storage_nothing_is_tried_and_the_work_counts_as_unsaved() {
        let mut m = Memory::new();
        let mut a = Autosave::new(false);
        a.opened(&m, &charter("", 1.0));
        a.changed(&mut m, &charter("Un", 2.0));
        assert_eq!(a.status(), SaveStatus::Failed(StorageError::Unavailable));
        assert!(a.unsaved());
        assert!(m.entries.is_empty());
    }

    #[test]
    fn another_tabs_save_is_followed_when_nothing_here_is_unsaved() {
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        let mut b = Autosave::new(true);
        a.opened(&m, &charter("", 1.0));
        a.changed(&mut m, &charter("De A", 2.0));
        b.opened(&m, &charter("De A", 2.0));
        let theirs = charter("B a écrit", 3.0);
        b.changed(&mut m, &theirs);
        assert_eq!(
            a.external(&mut m, &draft_key("d1")),
            External::Follow(Box::new(theirs))
        );
        assert_eq!(a.status(), SaveStatus::Followed);
        // A types on top of what it followed: no false conflict.
        a.changed(&mut m, &charter("A reprend", 4.0));
        assert_eq!(a.status(), SaveStatus::Saved);
        assert_eq!(
            a.external(&mut m, "coplanifier.draft.other"),
            External::Ignore
        );
    }

    #[test]
    fn a_tab_that_missed_another_save_never_overwrites_it_silently() {
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        let mut b = Autosave::new(true);
        a.opened(&m, &charter("", 1.0));
        a.changed(&mut m, &charter("Base", 2.0));
        b.opened(&m, &charter("Base", 2.0));
        a.changed(&mut m, &charter("A tape encore", 3.0));
        let theirs = stored(&m);
        // B never heard of A's save, and types.
        b.changed(&mut m, &charter("B tape aussi", 4.0));
        assert_eq!(b.status(), SaveStatus::Conflict);
        assert_eq!(stored(&m), theirs, "A's version is intact");
        assert!(b.unsaved());
        // B chooses its own.
        let mine = charter("B tape aussi", 4.0);
        b.keep_mine(&mut m, &mine);
        assert_eq!(b.status(), SaveStatus::Saved);
        assert_eq!(stored(&m), Some(draft_text(&mine).expect("text")));
    }

    #[test]
    fn taking_the_other_tabs_version_says_when_there_is_none_or_it_is_broken() {
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        a.opened(&m, &charter("", 1.0));
        a.changed(&mut m, &charter("Un", 2.0));
        m.entries.remove(&draft_key("d1"));
        assert_eq!(a.take_theirs(&mut m), Err(TakeError::Gone));
        m.entries.insert(draft_key("d1"), "c1.!!!".into());
        assert_eq!(a.take_theirs(&mut m), Err(TakeError::Unreadable));
        assert_eq!(
            m.entries.get("coplanifier.backup.d1").map(String::as_str),
            Some("c1.!!!")
        );
    }

    #[test]
    fn an_entry_that_does_not_open_is_never_written_over() {
        let mut m = Memory::new();
        m.entries.insert(draft_key("d1"), "{broken".into());
        let mut a = Autosave::new(true);
        a.opened(&Memory::new(), &charter("", 1.0));
        a.changed(&mut m, &charter("Un", 2.0));
        assert_eq!(a.status(), SaveStatus::Failed(StorageError::Protected));
        assert_eq!(stored(&m).as_deref(), Some("{broken"));
        a.keep_mine(&mut m, &charter("Un", 2.0));
        assert_eq!(stored(&m).as_deref(), Some("{broken"));
    }

    #[test]
    fn a_current_draft_id_the_browser_refuses_is_reported() {
        let mut m = Memory::new();
        let mut a = Autosave::new(true);
        a.opened(&m, &charter("", 1.0));
        m.refuse_writes = Some(StorageError::Full);
        m.refuse_prefix = Some("coplanifier.current".into());
        a.changed(&mut m, &charter("Un", 2.0));
        assert_eq!(a.status(), SaveStatus::Saved);
        assert!(a.current_unrecorded());
    }

    /// One store, and two tabs that both read the draft `start` from it.
    fn two_tabs() -> (Memory, Charter, Autosave, Autosave) {
        let mut m = Memory::new();
        let start = charter("Départ", 1.0);
        let (mut a, mut b) = (Autosave::new(true), Autosave::new(true));
        a.opened(&m, &start);
        a.changed(&mut m, &start);
        b.opened(&m, &start);
        (m, start, a, b)
    }

    #[test]
    fn two_tabs_typing_in_different_places_are_merged_not_asked() {
        let (mut m, start, mut a, mut b) = two_tabs();
        // Tab A writes the mission; tab B, which has not heard of it yet, the vision.
        let mut in_a = start.clone();
        in_a.set_text(TextField::Mission, "Mission de A".into(), 2.0);
        a.changed(&mut m, &in_a);
        let mut in_b = start.clone();
        in_b.set_text(TextField::Vision, "Vision de B".into(), 3.0);
        b.changed(&mut m, &in_b);
        assert_eq!(b.status(), SaveStatus::Merged);
        let shown = b.take_merged().expect("the board shows the merge");
        assert_eq!(shown.text(TextField::Mission), "Mission de A");
        assert_eq!(shown.text(TextField::Vision), "Vision de B");
        assert_eq!(b.take_merged(), None, "once");
        let stored = restore_any(&stored(&m).expect("written"), &mut String::new).expect("reads");
        assert_eq!(stored.charter, shown, "what both typed is in storage");
        // Tab A, told by a storage event, follows: nothing of A is lost.
        match a.external(&mut m, &draft_key("d1")) {
            External::Follow(c) => assert_eq!(*c, shown),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn two_tabs_changing_the_same_text_still_ask() {
        let (mut m, _, mut a, mut b) = two_tabs();
        a.changed(&mut m, &charter("Mission de A", 2.0));
        b.changed(&mut m, &charter("Mission de B", 3.0));
        assert_eq!(b.status(), SaveStatus::Conflict);
        assert_eq!(b.take_merged(), None);
        let stored = restore_any(&stored(&m).expect("kept"), &mut String::new).expect("reads");
        assert_eq!(
            stored.charter.text(TextField::Mission),
            "Mission de A",
            "A's is not overwritten"
        );
    }
}
