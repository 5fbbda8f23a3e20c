//! What a contribution changed, in words: who, how many notes and rows were
//! added, edited or removed, and which other parts changed, against the
//! version it was made from (or, without it, against the draft here).
//! "Bob Tremblay : 2 notes ajoutées, mission modifiée".

use std::collections::{BTreeSet, HashMap};

use super::compare::shown;
use super::model::Charter;
use super::notes::ListId;
use super::questions::{columns, questions, Part, PartKind};
use super::rows::RecordList;
use super::text::{Lang, Text};

/// What changed from one version to another.
#[derive(Clone, Debug, Default)]
pub struct Contribution {
    /// The authors of the notes added or edited, in order of appearance.
    pub authors: Vec<String>,
    /// Notes added.
    pub notes_added: usize,
    /// Notes whose text or author changed.
    pub notes_edited: usize,
    /// Notes removed.
    pub notes_removed: usize,
    /// Rows added, edited and removed, over every table.
    pub rows_added: usize,
    /// Rows whose cells changed.
    pub rows_edited: usize,
    /// Rows removed.
    pub rows_removed: usize,
    /// Whether the title changed.
    pub title: bool,
    /// The texts, choices and boxes that changed, in question order.
    pub parts: Vec<&'static Part>,
}

/// What `theirs` changed against `from`. `from` is the version both sides
/// were made from, or, when `two_way`, the draft here: then what is here
/// and not there may be this side's own newer work, so nothing is counted
/// as removed.
pub fn contribution(from: &Charter, theirs: &Charter, two_way: bool) -> Contribution {
    let mut out = Contribution {
        title: from.title.trim() != theirs.title.trim(),
        ..Contribution::default()
    };
    let notes = |c: &Charter| -> HashMap<String, (String, String)> {
        ListId::ALL
            .iter()
            .flat_map(|&l| c.notes(l).iter())
            .filter(|n| !n.text.trim().is_empty())
            .map(|n| {
                (
                    n.id.clone(),
                    (n.text.trim().to_string(), n.author.trim().to_string()),
                )
            })
            .collect()
    };
    let (before, after) = (notes(from), notes(theirs));
    let mut authors = BTreeSet::new();
    for l in ListId::ALL {
        for n in theirs.notes(l) {
            let Some((text, author)) = after.get(&n.id) else {
                continue;
            };
            // Only an added note says who wrote it: an edited note keeps
            // its first author, whoever edited it.
            let added = match before.get(&n.id) {
                None => {
                    out.notes_added += 1;
                    true
                }
                Some(old) if old != &(text.clone(), author.clone()) => {
                    out.notes_edited += 1;
                    false
                }
                Some(_) => false,
            };
            if added && !author.is_empty() && authors.insert(author.clone()) {
                out.authors.push(author.clone());
            }
        }
    }
    if !two_way {
        out.notes_removed = before.keys().filter(|id| !after.contains_key(*id)).count();
    }
    for r in RecordList::ALL {
        let cells = |c: &Charter, id: &str| -> Vec<String> {
            columns(r)
                .iter()
                .map(|col| c.record_value(r, id, col.key))
                .collect()
        };
        let (old_ids, new_ids) = (from.record_ids(r), theirs.record_ids(r));
        for id in &new_ids {
            if old_ids.contains(id) {
                if cells(from, id) != cells(theirs, id) {
                    out.rows_edited += 1;
                }
            } else if cells(theirs, id).iter().any(|v| !v.trim().is_empty()) {
                out.rows_added += 1;
            }
        }
        if !two_way {
            out.rows_removed += old_ids.iter().filter(|id| !new_ids.contains(id)).count();
        }
    }
    let by = |a: &str| a.to_string();
    out.parts = questions()
        .iter()
        .flat_map(|q| q.parts.iter())
        .filter(|p| !matches!(p.kind, PartKind::Notes(_) | PartKind::Records(_)))
        .filter(|p| shown(p, from, Lang::Fr, &by) != shown(p, theirs, Lang::Fr, &by))
        .collect();
    out
}

impl Contribution {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.describe_changes(Lang::Fr).is_empty()
    }

    /// The changes in words, without who made them: "2 notes ajoutées,
    /// mission modifiée"; empty when nothing changed.
    pub fn describe_changes(&self, lang: Lang) -> String {
        let count = |n: usize, one: Text, many: Text| match n {
            0 => None,
            1 => Some(one.get(lang).to_string()),
            n => Some(format!("{n} {}", many.get(lang))),
        };
        let t = Text::new;
        let changed = t("modifiée", "changed").get(lang);
        let mut items: Vec<String> = [
            count(
                self.notes_added,
                t("1 note ajoutée", "1 note added"),
                t("notes ajoutées", "notes added"),
            ),
            count(
                self.notes_edited,
                t("1 note modifiée", "1 note edited"),
                t("notes modifiées", "notes edited"),
            ),
            count(
                self.notes_removed,
                t("1 note retirée", "1 note removed"),
                t("notes retirées", "notes removed"),
            ),
            count(
                self.rows_added,
                t("1 ligne ajoutée", "1 row added"),
                t("lignes ajoutées", "rows added"),
            ),
            count(
                self.rows_edited,
                t("1 ligne modifiée", "1 row edited"),
                t("lignes modifiées", "rows edited"),
            ),
            count(
                self.rows_removed,
                t("1 ligne retirée", "1 row removed"),
                t("lignes retirées", "rows removed"),
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        if self.title {
            items.push(match lang {
                Lang::Fr => format!("titre {changed}"),
                Lang::En => format!("title {changed}"),
            });
        }
        for p in &self.parts {
            let label = p.label.get(lang);
            items.push(match lang {
                Lang::Fr => format!("{} {changed}", lower_first(label)),
                Lang::En => format!("{label} {changed}"),
            });
        }
        items.join(", ")
    }

    /// The whole sentence: who (or "the version received"), then the
    /// changes; `None` when nothing changed.
    pub fn describe(&self, lang: Lang) -> Option<String> {
        let changes = self.describe_changes(lang);
        if changes.is_empty() {
            return None;
        }
        let who = if self.authors.is_empty() {
            Text::new("La version reçue", "The version received")
                .get(lang)
                .to_string()
        } else {
            let and = Text::new(" et ", " and ").get(lang);
            match self.authors.as_slice() {
                [one] => one.clone(),
                [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
                [] => String::new(),
            }
        };
        Some(match lang {
            Lang::Fr => format!("{who} : {changes}"),
            Lang::En => format!("{who}: {changes}"),
        })
    }
}

/// "Mission" → "mission", for the middle of a French sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, TextField};

    #[test]
    fn a_colleague_s_notes_and_mission_read_as_one_sentence_with_their_name() {
        let base = example(Lang::Fr, "ex".into(), 1.79e12);
        let mut theirs = base.clone();
        for (i, text) in ["Premier but", "Second but"].into_iter().enumerate() {
            let id = format!("new{i}");
            theirs.add_note(ListId::Goals, id.clone(), text.into(), 2.0);
            theirs.set_note_author(&id, "Bob Tremblay".into(), 2.0);
        }
        theirs.set_text(TextField::Mission, "Nouvelle mission".into(), 2.0);
        let c = contribution(&base, &theirs, false);
        assert_eq!(c.notes_added, 2);
        assert_eq!(
            c.describe(Lang::Fr).as_deref(),
            Some("Bob Tremblay : 2 notes ajoutées, mission modifiée")
        );
        assert_eq!(
            c.describe(Lang::En).as_deref(),
            Some("Bob Tremblay: 2 notes added, Mission changed")
        );
    }

    #[test]
    fn an_edit_is_not_credited_to_the_note_s_author_and_two_way_counts_no_removal() {
        let base = example(Lang::Fr, "ex".into(), 1.79e12);
        let mut theirs = base.clone();
        let first = theirs.notes(ListId::Goals)[0].id.clone();
        theirs.set_note_author(&first, "Alice".into(), 2.0);
        let mut base_signed = base.clone();
        base_signed.set_note_author(&first, "Alice".into(), 2.0);
        theirs.edit_note(&first, "Autre but".into(), 2.0);
        let c = contribution(&base_signed, &theirs, false);
        assert_eq!(c.notes_edited, 1);
        assert!(c.authors.is_empty(), "{:?}", c.authors);
        // Two-way: a note only here is not "removed" by them.
        let mut mine = base.clone();
        mine.add_note(ListId::Goals, "mine1".into(), "Mon but".into(), 3.0);
        let c = contribution(&mine, &base, true);
        assert_eq!(c.notes_removed, 0);
        assert_eq!(c.describe(Lang::Fr), None);
        assert_eq!(contribution(&mine, &base, false).notes_removed, 1);
    }

    #[test]
    fn removals_rows_and_unsigned_changes_are_counted_and_nothing_is_nothing() {
        let base = example(Lang::En, "ex".into(), 1.79e12);
        assert!(contribution(&base, &base, false).is_empty());
        assert_eq!(contribution(&base, &base, false).describe(Lang::En), None);
        let mut theirs = base.clone();
        let first = theirs.notes(ListId::Goals)[0].id.clone();
        theirs.delete_note(&first, 2.0);
        let row = theirs.record_ids(RecordList::Meetings)[0].clone();
        theirs.set_record_value(
            RecordList::Meetings,
            &row,
            "topic",
            "Autre sujet".into(),
            2.0,
        );
        theirs.add_record(RecordList::Meetings, "m9".into(), 2.0);
        theirs.set_record_value(RecordList::Meetings, "m9", "date", "2027-03-04".into(), 2.0);
        theirs.add_record(RecordList::Meetings, "blank".into(), 2.0);
        theirs.title = "Another title".into();
        let c = contribution(&base, &theirs, false);
        assert_eq!(
            c.describe(Lang::En).as_deref(),
            Some("The version received: 1 note removed, 1 row added, 1 row edited, title changed")
        );
    }
}
