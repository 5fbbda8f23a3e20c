//! A three-way merge of two versions of one charter against the version
//! both were made from (their *base*): what changed on one side only is
//! taken from that side; what changed the same way on both is no conflict;
//! only what changed differently on both sides is a [`Conflict`], settled
//! by the caller's [`Side`] for it.
//!
//! Notes and rows are matched by id, never by their text. An item added on
//! either side is kept, after the item that comes before it on that side;
//! an item edited on one side is taken from it (a note moved to another
//! list counts as an edit of its place); an item deleted on one side and
//! left alone on the other is deleted (and listed in [`Merged::deleted`],
//! so that the caller can offer to undo it); an edit against a deletion is
//! a conflict. The order of a list is theirs when only they reordered it,
//! mine otherwise.
//!
//! Times are not compared: the merged charter keeps mine, touched at `now`
//! when anything came from theirs.

use serde_json::Value;
use std::collections::{HashMap, HashSet};

use super::model::{Charter, ChoiceField, FlagSet, TextField};
use super::notes::{ListId, Note};
use super::questions::flag_options;
use super::rows::RecordList;

/// Which side a conflict is settled for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// The draft that is here.
    #[default]
    Mine,
    /// The version that arrived.
    Theirs,
}

/// A field of the charter that holds one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The title.
    Title,
    /// A free text.
    Text(TextField),
    /// A single choice (the kind of community included).
    Choice(ChoiceField),
}

/// Something both sides changed, differently.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Conflict {
    /// A field with a different value on each side.
    Field(Field),
    /// A note edited differently on both sides, or edited on one side and
    /// deleted on the other. `list` is where it was in the base.
    Note { list: ListId, id: String },
    /// The same for a row of a table.
    Row { table: RecordList, id: String },
}

/// What a merge gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged charter: mine, with what came from theirs.
    pub charter: Charter,
    /// Every conflict met, settled by the caller's choice.
    pub conflicts: Vec<Conflict>,
    /// What theirs changed that the merge took (fields, notes, rows).
    pub taken: usize,
    /// Items deleted because theirs deleted them: `(id, list or table slug)`.
    pub deleted: Vec<(String, &'static str)>,
}

/// Merges `mine` and `theirs` against `base`. `side` settles each conflict.
pub fn merge3(
    base: &Charter,
    mine: &Charter,
    theirs: &Charter,
    side: &dyn Fn(&Conflict) -> Side,
    now: f64,
) -> Merged {
    let mut out = mine.clone();
    let mut conflicts = Vec::new();
    let mut taken = 0;
    let mut deleted = Vec::new();

    // Fields: one value each.
    let mut field = |f: Field, out: &mut Charter| {
        let (b, m, t) = (get(base, f), get(mine, f), get(theirs, f));
        if t == b || t == m {
            return;
        }
        if m != b {
            let c = Conflict::Field(f);
            let s = side(&c);
            conflicts.push(c);
            if s == Side::Mine {
                return;
            }
        }
        set(out, f, &t, now);
        taken += 1;
    };
    field(Field::Title, &mut out);
    for f in TextField::ALL {
        field(Field::Text(f), &mut out);
    }
    for f in ChoiceField::ALL {
        field(Field::Choice(f), &mut out);
    }
    // Boxes: each one is a yes or no, which cannot conflict.
    for s in FlagSet::ALL {
        for o in flag_options(s) {
            let (b, m, t) = (
                base.flag(s, o.key),
                mine.flag(s, o.key),
                theirs.flag(s, o.key),
            );
            if t != b && m == b {
                out.toggle_flag(s, o.key, now);
                taken += 1;
            }
        }
    }

    // Notes: every list at once, since a note may move between lists.
    let notes = |c: &Charter| -> Vec<Item> {
        ListId::ALL
            .iter()
            .enumerate()
            .flat_map(|(place, &l)| {
                c.notes(l).iter().map(move |n| Item {
                    id: n.id.clone(),
                    place,
                    body: note_body(n),
                })
            })
            .collect()
    };
    let (nb, nm, nt) = (notes(base), notes(mine), notes(theirs));
    let merged = merge_items(&nb, &nm, &nt, ListId::ALL.len());
    for (id, place) in &merged.conflicts {
        let c = Conflict::Note {
            list: ListId::ALL[*place],
            id: id.clone(),
        };
        let s = side(&c);
        conflicts.push(c);
        if s == Side::Theirs {
            merged.settle_theirs(id);
        }
    }
    let result = merged.result();
    taken += merged.taken();
    for (id, place) in merged.deleted() {
        deleted.push((id, ListId::ALL[place].slug()));
    }
    let by_id: HashMap<&str, &Note> = ListId::ALL
        .iter()
        .flat_map(|&l| mine.notes(l).iter().chain(theirs.notes(l)))
        .map(|n| (n.id.as_str(), n))
        .collect();
    for (place, &l) in ListId::ALL.iter().enumerate() {
        let list: Vec<Note> = result
            .iter()
            .filter(|i| i.place == place)
            .map(|i| {
                let mut n = by_id
                    .get(i.id.as_str())
                    .map_or_else(Note::default, |n| (*n).clone());
                n.id = i.id.clone();
                apply_note_body(&mut n, &i.body);
                n
            })
            .collect();
        *out.list_mut(l) = list;
    }

    // Rows, table by table.
    for r in RecordList::ALL {
        let rows = |c: &Charter| -> Vec<Item> {
            c.table(r)
                .rows_json()
                .into_iter()
                .map(|mut v| {
                    let id = v
                        .as_object_mut()
                        .and_then(|o| o.remove("id"))
                        .and_then(|i| i.as_str().map(str::to_string))
                        .unwrap_or_default();
                    Item {
                        id,
                        place: 0,
                        body: v,
                    }
                })
                .collect()
        };
        let (rb, rm, rt) = (rows(base), rows(mine), rows(theirs));
        let merged = merge_items(&rb, &rm, &rt, 1);
        for (id, _) in &merged.conflicts {
            let c = Conflict::Row {
                table: r,
                id: id.clone(),
            };
            let s = side(&c);
            conflicts.push(c);
            if s == Side::Theirs {
                merged.settle_theirs(id);
            }
        }
        taken += merged.taken();
        for (id, _) in merged.deleted() {
            deleted.push((id, r.slug()));
        }
        let rows: Vec<Value> = merged
            .result()
            .into_iter()
            .map(|i| {
                let mut v = i.body;
                if let Some(o) = v.as_object_mut() {
                    o.insert("id".into(), Value::from(i.id));
                }
                v
            })
            .collect();
        // Rows read back from the JSON they were written as: cannot fail.
        out.table_mut(r).set_rows_json(&rows);
    }

    if taken > 0 || !deleted.is_empty() {
        out.touch(now);
    }
    Merged {
        charter: out,
        conflicts,
        taken,
        deleted,
    }
}

/// Where a conflict shows in a comparison: `title`, `kind`, or the id of
/// the part of the questions that holds it.
pub fn conflict_part(c: &Conflict) -> Option<&'static str> {
    use super::questions::{questions, PartKind};
    match c {
        Conflict::Field(Field::Title) => return Some("title"),
        Conflict::Field(Field::Choice(ChoiceField::Kind)) => return Some("kind"),
        _ => {}
    }
    questions()
        .iter()
        .flat_map(|q| q.parts.iter())
        .find(|p| match (c, p.kind) {
            (Conflict::Field(Field::Text(f)), PartKind::Text { field, .. }) => field == *f,
            (Conflict::Field(Field::Text(f)), PartKind::Date(field)) => field == *f,
            (Conflict::Field(Field::Choice(f)), PartKind::Choice(field)) => field == *f,
            (Conflict::Note { list, .. }, PartKind::Notes(l)) => l == *list,
            (Conflict::Row { table, .. }, PartKind::Records(t)) => t == *table,
            _ => false,
        })
        .map(|p| p.id)
}

/// The value of a field, as text (`""` for no choice).
fn get(c: &Charter, f: Field) -> String {
    match f {
        Field::Title => c.title.clone(),
        Field::Text(t) => c.text(t).to_string(),
        Field::Choice(ch) => c.choice(ch).unwrap_or_default().to_string(),
    }
}

fn set(c: &mut Charter, f: Field, v: &str, now: f64) {
    match f {
        Field::Title => c.set_title(v.to_string(), now),
        Field::Text(t) => c.set_text(t, v.to_string(), now),
        Field::Choice(ch) => c.set_choice(ch, (!v.is_empty()).then_some(v), now),
    }
}

/// What of a note a merge compares: its text, its author and any field of
/// a newer build (not its id, not its times).
fn note_body(n: &Note) -> Value {
    let mut v = serde_json::to_value(n).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        for k in ["id", "created_at", "updated_at"] {
            o.remove(k);
        }
    }
    v
}

fn apply_note_body(n: &mut Note, body: &Value) {
    let mut v = serde_json::to_value(&*n).unwrap_or_default();
    if let (Some(o), Some(b)) = (v.as_object_mut(), body.as_object()) {
        for (k, x) in b {
            o.insert(k.clone(), x.clone());
        }
    }
    if let Ok(merged) = serde_json::from_value::<Note>(v) {
        *n = merged;
    }
}

/// A note or a row as a merge sees it: its id, where it is (the list; rows
/// have one place) and what it holds.
#[derive(Clone, Debug, PartialEq)]
struct Item {
    id: String,
    place: usize,
    body: Value,
}

/// How one id ends.
#[derive(Clone, Debug, PartialEq)]
enum Fate {
    /// Kept as mine has it.
    Mine,
    /// Taken as theirs has it (an edit, a move or an addition).
    Theirs,
    /// Deleted by theirs.
    DeletedByTheirs,
    /// Gone (deleted by mine, or on both sides).
    Gone,
    /// A conflict, settled for mine until said otherwise.
    Conflict {
        theirs_deletes: bool,
        mine_deletes: bool,
    },
}

/// The merge of one kind of item, before its order is fixed.
struct ItemMerge<'a> {
    base: &'a [Item],
    mine: &'a [Item],
    theirs: &'a [Item],
    places: usize,
    fates: std::cell::RefCell<HashMap<String, (Fate, bool)>>,
    conflicts: Vec<(String, usize)>,
}

fn merge_items<'a>(
    base: &'a [Item],
    mine: &'a [Item],
    theirs: &'a [Item],
    places: usize,
) -> ItemMerge<'a> {
    let find = |side: &'a [Item], id: &str| side.iter().find(|i| i.id == id);
    let content = |i: &Item| (i.place, i.body.clone());
    let mut ids: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for i in mine.iter().chain(theirs).chain(base) {
        if seen.insert(i.id.as_str()) {
            ids.push(&i.id);
        }
    }
    let mut fates = HashMap::new();
    let mut conflicts = Vec::new();
    for id in ids {
        let (b, m, t) = (find(base, id), find(mine, id), find(theirs, id));
        let fate = match (b, m, t) {
            (_, Some(_), None) if b.is_none() => Fate::Mine,
            (None, None, Some(_)) => Fate::Theirs,
            (None, Some(m), Some(t)) => {
                if content(m) == content(t) {
                    Fate::Mine
                } else {
                    Fate::Conflict {
                        theirs_deletes: false,
                        mine_deletes: false,
                    }
                }
            }
            (Some(b), Some(m), Some(t)) => {
                let (b, m, t) = (content(b), content(m), content(t));
                if t == b || t == m {
                    Fate::Mine
                } else if m == b {
                    Fate::Theirs
                } else {
                    Fate::Conflict {
                        theirs_deletes: false,
                        mine_deletes: false,
                    }
                }
            }
            (Some(b), Some(m), None) => {
                if content(m) == content(b) {
                    Fate::DeletedByTheirs
                } else {
                    Fate::Conflict {
                        theirs_deletes: true,
                        mine_deletes: false,
                    }
                }
            }
            (Some(b), None, Some(t)) => {
                if content(t) == content(b) {
                    Fate::Gone
                } else {
                    Fate::Conflict {
                        theirs_deletes: false,
                        mine_deletes: true,
                    }
                }
            }
            _ => Fate::Gone,
        };
        if matches!(fate, Fate::Conflict { .. }) {
            let place = b.or(m).or(t).map_or(0, |i| i.place);
            conflicts.push((id.to_string(), place));
        }
        fates.insert(id.to_string(), (fate, false));
    }
    ItemMerge {
        base,
        mine,
        theirs,
        places,
        fates: std::cell::RefCell::new(fates),
        conflicts,
    }
}

impl ItemMerge<'_> {
    /// Settles a conflict for theirs.
    fn settle_theirs(&self, id: &str) {
        if let Some(entry) = self.fates.borrow_mut().get_mut(id) {
            entry.1 = true;
        }
    }

    /// Where an id ends: `Some(Side)` for the side whose copy is kept, `None` when it is gone.
    fn kept(&self, id: &str) -> Option<Side> {
        let fates = self.fates.borrow();
        let (fate, for_theirs) = fates.get(id)?;
        match fate {
            Fate::Mine => Some(Side::Mine),
            Fate::Theirs => Some(Side::Theirs),
            Fate::DeletedByTheirs | Fate::Gone => None,
            Fate::Conflict {
                theirs_deletes,
                mine_deletes,
            } => match (*for_theirs, theirs_deletes, mine_deletes) {
                (false, _, true) | (true, true, _) => None,
                (false, _, _) => Some(Side::Mine),
                (true, _, _) => Some(Side::Theirs),
            },
        }
    }

    /// How many ids took what theirs has (deletions aside).
    fn taken(&self) -> usize {
        let fates = self.fates.borrow();
        fates
            .iter()
            .filter(|(id, (fate, for_theirs))| {
                *fate == Fate::Theirs || (*for_theirs && self.theirs.iter().any(|i| &i.id == *id))
            })
            .count()
    }

    /// The items theirs deleted that the merge deleted too: `(id, place in the base)`.
    fn deleted(&self) -> Vec<(String, usize)> {
        self.base
            .iter()
            .filter(|b| self.mine.iter().any(|m| m.id == b.id) && self.kept(&b.id).is_none())
            .map(|b| (b.id.clone(), b.place))
            .collect()
    }

    /// The merged items, list by list, in their order.
    fn result(&self) -> Vec<Item> {
        let item_of = |id: &str| -> Option<Item> {
            let side = match self.kept(id)? {
                Side::Mine => self.mine,
                Side::Theirs => self.theirs,
            };
            side.iter().find(|i| i.id == id).cloned()
        };
        let mut out = Vec::new();
        for place in 0..self.places {
            let in_place = |side: &[Item]| -> Vec<String> {
                side.iter()
                    .filter(|i| i.place == place)
                    .map(|i| i.id.clone())
                    .collect()
            };
            let (base, mine, theirs) = (
                in_place(self.base),
                in_place(self.mine),
                in_place(self.theirs),
            );
            let ends_here = |id: &String| item_of(id).is_some_and(|i| i.place == place);
            // Mine reordered the list if the items it shares with the base
            // are not in the base's order.
            let common = |a: &[String], b: &[String]| -> Vec<String> {
                a.iter().filter(|x| b.contains(x)).cloned().collect()
            };
            let reordered = common(&mine, &base) != common(&base, &mine);
            let (first, second) = if reordered {
                (&mine, &theirs)
            } else {
                (&theirs, &mine)
            };
            let mut order: Vec<String> = first.iter().filter(|id| ends_here(id)).cloned().collect();
            for (i, id) in second.iter().enumerate() {
                if !ends_here(id) || order.contains(id) {
                    continue;
                }
                // After the nearest item before it, on its side, already placed.
                let at = second[..i]
                    .iter()
                    .rev()
                    .find_map(|p| order.iter().position(|o| o == p))
                    .map_or(0, |p| p + 1);
                order.insert(at, id.clone());
            }
            // Items moved here from another list (their side's order).
            for side in [self.mine, self.theirs] {
                for item in side {
                    if ends_here(&item.id) && !order.contains(&item.id) {
                        order.push(item.id.clone());
                    }
                }
            }
            out.extend(order.iter().filter_map(|id| item_of(id)));
        }
        out
    }
}

#[cfg(test)]
mod tests;
