//! The charter on the board as the views see it: the plain [`Charter`] of the
//! domain, plus one signal per thing a view shows (the title, each text,
//! choice and set of boxes, each list's order, each note, each table's order,
//! each row) and one memo per part saying whether it is filled.
//!
//! An edit stays "apply the domain operation to the charter, then patch the
//! store": patching compares each signal with the new charter and sets only
//! those that changed, so a keystroke in one note notifies that note, its
//! list's filled state if it flips, and what really depends on it; never the
//! rest of the board. Saving and sharing read the plain charter.
use std::collections::{HashMap, HashSet};
#[cfg(debug_assertions)]
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::charter::{
    columns, filled, questions, Charter, ChoiceField, FlagSet, ListId, Part, PartKind, RecordList,
    TextField,
};
use leptos::prelude::*;

/// What a note card shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteFace {
    /// What the note says.
    pub text: String,
    /// Who wrote it.
    pub author: String,
}

struct Signals {
    charter: Charter,
    id: ArcRwSignal<String>,
    title: ArcRwSignal<String>,
    texts: Vec<ArcRwSignal<String>>,
    choices: Vec<ArcRwSignal<Option<&'static str>>>,
    flags: Vec<ArcRwSignal<Vec<&'static str>>>,
    lists: Vec<ArcRwSignal<Vec<String>>>,
    notes: HashMap<String, ArcRwSignal<NoteFace>>,
    tables: Vec<ArcRwSignal<Vec<String>>>,
    rows: HashMap<String, ArcRwSignal<Vec<String>>>,
    filled: HashMap<&'static str, Memo<bool>>,
}

/// The charter on the board, shared by every view; cheap to copy.
#[derive(Clone, Copy)]
pub struct CharterStore {
    inner: StoredValue<Signals>,
    /// Notified by every change, for the few views that show the whole
    /// charter at once (the share link, the charter document).
    revision: Trigger,
}

/// How many tracked reads of the store views made, in debug builds: what a
/// test counts to see that one keystroke's work does not grow with the charter.
#[cfg(debug_assertions)]
static READS: AtomicUsize = AtomicUsize::new(0);

fn read_one() {
    #[cfg(debug_assertions)]
    READS.fetch_add(1, Ordering::Relaxed);
}

fn face(n: &crate::charter::Note) -> NoteFace {
    NoteFace {
        text: n.text.clone(),
        author: n.author.clone(),
    }
}

fn row_values(c: &Charter, r: RecordList, id: &str) -> Vec<String> {
    columns(r)
        .iter()
        .map(|col| c.record_value(r, id, col.key))
        .collect()
}

impl CharterStore {
    /// A store holding `charter`.
    pub fn new(charter: Charter) -> CharterStore {
        let signals = Signals {
            id: ArcRwSignal::new(charter.id.clone()),
            title: ArcRwSignal::new(charter.title.clone()),
            texts: TextField::ALL
                .iter()
                .map(|&f| ArcRwSignal::new(charter.text(f).to_string()))
                .collect(),
            choices: ChoiceField::ALL
                .iter()
                .map(|&f| ArcRwSignal::new(charter.choice(f)))
                .collect(),
            flags: FlagSet::ALL
                .iter()
                .map(|&s| ArcRwSignal::new(charter.flags(s)))
                .collect(),
            lists: ListId::ALL
                .iter()
                .map(|&l| ArcRwSignal::new(charter.notes(l).iter().map(|n| n.id.clone()).collect()))
                .collect(),
            notes: ListId::ALL
                .iter()
                .flat_map(|&l| charter.notes(l).iter())
                .map(|n| (n.id.clone(), ArcRwSignal::new(face(n))))
                .collect(),
            tables: RecordList::ALL
                .iter()
                .map(|&r| ArcRwSignal::new(charter.record_ids(r)))
                .collect(),
            rows: RecordList::ALL
                .iter()
                .flat_map(|&r| {
                    let c = &charter;
                    c.record_ids(r)
                        .into_iter()
                        .map(move |id| (id.clone(), ArcRwSignal::new(row_values(c, r, &id))))
                })
                .collect(),
            filled: HashMap::new(),
            charter,
        };
        let store = CharterStore {
            inner: StoredValue::new(signals),
            revision: Trigger::new(),
        };
        let filled = questions()
            .iter()
            .flat_map(|q| q.parts.iter())
            .map(|p| (p.id, Memo::new(move |_| store.compute_filled(p))))
            .collect();
        store.inner.update_value(|s| s.filled = filled);
        store
    }

    /// The tracked reads made so far (debug builds; 0 in release).
    pub fn reads() -> usize {
        #[cfg(debug_assertions)]
        return READS.load(Ordering::Relaxed);
        #[cfg(not(debug_assertions))]
        0
    }

    fn signal<T: Clone>(self, pick: impl FnOnce(&Signals) -> T) -> Option<T> {
        read_one();
        self.inner.try_with_value(pick)
    }

    /// The plain charter, untracked: for saving, sharing and domain reads.
    pub fn with_untracked<R>(self, f: impl FnOnce(&Charter) -> R) -> R {
        self.inner.with_value(|s| f(&s.charter))
    }

    /// A copy of the plain charter, untracked.
    pub fn get_untracked(self) -> Charter {
        self.with_untracked(Charter::clone)
    }

    /// The plain charter, tracking every change: for the views that show
    /// all of it at once.
    pub fn with<R>(self, f: impl FnOnce(&Charter) -> R) -> R {
        read_one();
        self.revision.track();
        self.with_untracked(f)
    }

    /// The charter's id, tracked.
    pub fn id(self) -> String {
        self.signal(|s| s.id.clone())
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// The title, tracked.
    pub fn title(self) -> String {
        self.signal(|s| s.title.clone())
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// A free text, tracked.
    pub fn text(self, f: TextField) -> String {
        self.signal(|s| s.texts[f as usize].clone())
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// A choice's key, tracked.
    pub fn choice(self, f: ChoiceField) -> Option<&'static str> {
        self.signal(|s| s.choices[f as usize].clone())
            .and_then(|s| s.get())
    }

    /// Whether box `key` of a set is ticked, tracked.
    pub fn flag(self, set: FlagSet, key: &str) -> bool {
        self.signal(|s| s.flags[set as usize].clone())
            .is_some_and(|s| s.with(|keys| keys.contains(&key)))
    }

    /// The ids of a list's notes, in order, tracked.
    pub fn note_ids(self, l: ListId) -> Vec<String> {
        self.signal(|s| s.lists[l as usize].clone())
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// What a note shows, tracked (that note only); `None` once it is gone.
    pub fn note(self, id: &str) -> Option<NoteFace> {
        self.signal(|s| s.notes.get(id).cloned())
            .flatten()
            .map(|s| s.get())
    }

    /// The ids of a table's rows, in order, tracked.
    pub fn row_ids(self, r: RecordList) -> Vec<String> {
        self.signal(|s| s.tables[r as usize].clone())
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// A cell of a row, tracked (that row only); "" for an unknown column.
    pub fn cell(self, r: RecordList, id: &str, column: &str) -> String {
        let Some(index) = columns(r).iter().position(|c| c.key == column) else {
            return String::new();
        };
        self.signal(|s| s.rows.get(id).cloned())
            .flatten()
            .map(|s| s.with(|v| v.get(index).cloned().unwrap_or_default()))
            .unwrap_or_default()
    }

    /// Every cell of a row, in column order, tracked (that row only).
    pub fn row(self, id: &str) -> Vec<String> {
        self.signal(|s| s.rows.get(id).cloned())
            .flatten()
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// Whether a part holds something, tracked: it changes only when that
    /// part goes from empty to filled or back.
    pub fn filled(self, part: &Part) -> bool {
        self.signal(|s| s.filled.get(part.id).copied())
            .flatten()
            .is_some_and(|m| m.get())
    }

    /// The filled state, from the signals of this part only.
    fn compute_filled(self, part: &Part) -> bool {
        match part.kind {
            PartKind::Text { field, .. } | PartKind::Date(field) => filled(&self.text(field)),
            PartKind::Choice(f) => self.choice(f).is_some(),
            PartKind::Flags(set) => self
                .signal(|s| s.flags[set as usize].clone())
                .is_some_and(|s| s.with(|k| !k.is_empty())),
            PartKind::Notes(l) => self
                .note_ids(l)
                .iter()
                .any(|id| self.note(id).is_some_and(|n| filled(&n.text))),
            PartKind::Records(r) => self.row_ids(r).iter().any(|id| {
                self.signal(|s| s.rows.get(id).cloned())
                    .flatten()
                    .is_some_and(|row| row.with(|v| v.iter().any(|x| filled(x))))
            }),
        }
    }

    /// Replaces the whole charter (one opened, one that came from another
    /// tab), notifying only what differs.
    pub fn set(self, charter: Charter) {
        self.update(|c| *c = charter);
    }

    /// Applies a domain operation to the charter, then patches what changed.
    pub fn update(self, op: impl FnOnce(&mut Charter)) {
        let Some(patches) = self.inner.try_update_value(|s| {
            op(&mut s.charter);
            s.patches()
        }) else {
            return;
        };
        for set in patches {
            set();
        }
        // Whatever the board does not show (times, fields of newer builds)
        // still counts for the views of the whole charter.
        self.revision.notify();
    }
}

/// The signals to set after a change, with their new values: set once the
/// store is no longer borrowed, since what they notify may read it.
type Patches = Vec<Box<dyn FnOnce()>>;

/// Queues `value` for `signal` when it differs from what it holds.
fn queue<T: PartialEq + Send + Sync + 'static>(
    out: &mut Patches,
    signal: &ArcRwSignal<T>,
    value: T,
) {
    if signal.with_untracked(|v| *v != value) {
        let signal = signal.clone();
        out.push(Box::new(move || signal.set(value)));
    }
}

impl Signals {
    /// The signals that differ from the charter, with their new values.
    fn patches(&mut self) -> Patches {
        let mut out: Patches = Vec::new();
        let c = &self.charter;
        queue(&mut out, &self.id, c.id.clone());
        queue(&mut out, &self.title, c.title.clone());
        for (&f, sig) in TextField::ALL.iter().zip(&self.texts) {
            if sig.with_untracked(|v| v != c.text(f)) {
                queue(&mut out, sig, c.text(f).to_string());
            }
        }
        for (&f, sig) in ChoiceField::ALL.iter().zip(&self.choices) {
            queue(&mut out, sig, c.choice(f));
        }
        for (&s, sig) in FlagSet::ALL.iter().zip(&self.flags) {
            queue(&mut out, sig, c.flags(s));
        }
        // Notes: faces first (new ones get a signal), then each list's order,
        // then the signals of notes no list holds any more.
        let mut seen = HashSet::new();
        for (&l, sig) in ListId::ALL.iter().zip(&self.lists) {
            for n in c.notes(l) {
                seen.insert(n.id.as_str());
                match self.notes.get(&n.id) {
                    Some(note) => {
                        if note.with_untracked(|v| v.text != n.text || v.author != n.author) {
                            queue(&mut out, note, face(n));
                        }
                    }
                    None => {
                        self.notes.insert(n.id.clone(), ArcRwSignal::new(face(n)));
                    }
                }
            }
            let same = sig.with_untracked(|v| v.iter().eq(c.notes(l).iter().map(|n| &n.id)));
            if !same {
                queue(
                    &mut out,
                    sig,
                    c.notes(l).iter().map(|n| n.id.clone()).collect(),
                );
            }
        }
        if self.notes.len() != seen.len() {
            self.notes.retain(|id, _| seen.contains(id.as_str()));
        }
        // Rows, the same way.
        let mut kept = HashSet::new();
        for (&r, sig) in RecordList::ALL.iter().zip(&self.tables) {
            let ids = c.record_ids(r);
            for id in &ids {
                kept.insert(id.clone());
                let values = row_values(c, r, id);
                match self.rows.get(id) {
                    Some(row) => queue(&mut out, row, values),
                    None => {
                        self.rows.insert(id.clone(), ArcRwSignal::new(values));
                    }
                }
            }
            queue(&mut out, sig, ids);
        }
        if self.rows.len() != kept.len() {
            self.rows.retain(|id, _| kept.contains(id));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, find_part, Lang};
    use std::sync::atomic::AtomicUsize;
    use std::sync::Arc;

    /// A memo that counts how many times it was computed.
    fn counted<T: PartialEq + Clone + Send + Sync + 'static>(
        f: impl Fn() -> T + Send + Sync + 'static,
    ) -> (Memo<T>, Arc<AtomicUsize>) {
        let runs = Arc::new(AtomicUsize::new(0));
        let r = runs.clone();
        let memo = Memo::new(move |_| {
            r.fetch_add(1, Ordering::Relaxed);
            f()
        });
        (memo, runs)
    }

    fn runs(counter: &Arc<AtomicUsize>) -> usize {
        counter.load(Ordering::Relaxed)
    }

    #[test]
    fn a_keystroke_in_one_note_recomputes_that_note_only() {
        let c = example(Lang::Fr, "x".into(), 1.0);
        let goals = c.notes(ListId::Goals).to_vec();
        let (a, b) = (goals[0].id.clone(), goals[1].id.clone());
        let store = CharterStore::new(c);
        let (note_a, runs_a) = counted({
            let a = a.clone();
            move || store.note(&a)
        });
        let (note_b, runs_b) = counted({
            let b = b.clone();
            move || store.note(&b)
        });
        let (order, runs_order) = counted(move || store.note_ids(ListId::Goals));
        let (title, runs_title) = counted(move || store.title());
        let goals_part = find_part("goals").expect("goals").1;
        let (filled, runs_filled) = counted(move || store.filled(goals_part));
        for m in [note_a, note_b] {
            m.get();
        }
        order.get();
        title.get();
        filled.get();
        let before = [&runs_a, &runs_b, &runs_order, &runs_title, &runs_filled].map(runs);
        store.update(|c| {
            c.edit_note(&a, "Un but reformulé".into(), 2.0);
        });
        for m in [note_a, note_b] {
            m.get();
        }
        order.get();
        title.get();
        assert!(filled.get());
        let after = [&runs_a, &runs_b, &runs_order, &runs_title, &runs_filled].map(runs);
        assert_eq!(after[0], before[0] + 1, "the edited note");
        assert_eq!(
            after[1..4],
            before[1..4],
            "the other note, the order, the title"
        );
        assert_eq!(
            after[4], before[4],
            "still filled: nothing downstream of it moves"
        );
        assert_eq!(
            note_a.get().map(|n| n.text),
            Some("Un but reformulé".into())
        );
    }

    #[test]
    fn notes_and_rows_get_and_lose_their_signals_with_the_charter() {
        let store = CharterStore::new(Charter::new("x".into(), Lang::Fr, 1.0));
        let goals = find_part("goals").expect("goals").1;
        assert!(!store.filled(goals));
        store.update(|c| c.add_note(ListId::Goals, "n1".into(), "Un".into(), 2.0));
        assert_eq!(store.note_ids(ListId::Goals), vec!["n1"]);
        assert_eq!(store.note("n1").map(|n| n.text), Some("Un".into()));
        assert!(store.filled(goals));
        store.update(|c| c.add_record(RecordList::Neighbours, "r1".into(), 3.0));
        store.update(|c| {
            c.set_record_value(RecordList::Neighbours, "r1", "name", "RÉCIT".into(), 4.0);
        });
        assert_eq!(store.cell(RecordList::Neighbours, "r1", "name"), "RÉCIT");
        store.update(|c| {
            c.delete_note("n1", 5.0);
            c.delete_record(RecordList::Neighbours, "r1", 5.0);
        });
        assert_eq!(store.note("n1"), None);
        assert_eq!(store.cell(RecordList::Neighbours, "r1", "name"), "");
        assert!(!store.filled(goals));
        // A whole charter put in place: every signal follows.
        let other = example(Lang::En, "y".into(), 6.0);
        store.set(other.clone());
        assert_eq!(store.id(), "y");
        assert_eq!(store.title(), other.title);
        assert_eq!(store.get_untracked(), other);
    }

    #[test]
    fn each_enum_indexes_its_own_signals() {
        for (i, f) in TextField::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
        for (i, f) in ChoiceField::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
        for (i, f) in FlagSet::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
        for (i, f) in ListId::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
        for (i, f) in RecordList::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
    }
}
