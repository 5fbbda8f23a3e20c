//! Two versions of one charter side by side: what each part says, which parts
//! differ, and a merge that takes each part from the version the user chose.

use super::model::{Charter, ChoiceField};
use super::questions::CellInput;
use super::questions::{choice_options, columns, flag_options, questions, Opt, Part, PartKind};
use super::text::{format_day, Lang};

/// What one part says, as plain lines of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// A text or a choice.
    Paragraph(String),
    /// Ticked boxes, notes or rows, one line each.
    Items(Vec<String>),
}

/// What a part says for a reader, `None` when nothing is filled. `by` words
/// a note's author ("by Ana").
pub fn shown(part: &Part, c: &Charter, lang: Lang, by: &dyn Fn(&str) -> String) -> Option<Shown> {
    let label_of = |opts: &'static [Opt], key: &str| {
        opts.iter()
            .find(|o| o.key == key)
            .map(|o| o.label.get(lang).to_string())
    };
    let out = match part.kind {
        PartKind::Text { field, .. } => Shown::Paragraph(c.text(field).trim().to_string()),
        PartKind::Date(field) => Shown::Paragraph(format_day(c.text(field).trim(), lang)),
        PartKind::Choice(f) => Shown::Paragraph(
            c.choice(f)
                .and_then(|k| label_of(choice_options(f), k))
                .unwrap_or_default(),
        ),
        PartKind::Flags(s) => Shown::Items(
            flag_options(s)
                .iter()
                .filter(|o| c.flag(s, o.key))
                .map(|o| o.label.get(lang).to_string())
                .collect(),
        ),
        PartKind::Notes(l) => Shown::Items(
            c.notes(l)
                .iter()
                .filter(|n| !n.text.trim().is_empty())
                .map(|n| {
                    if n.author.trim().is_empty() {
                        n.text.trim().to_string()
                    } else {
                        format!("{} ({})", n.text.trim(), by(n.author.trim()))
                    }
                })
                .collect(),
        ),
        PartKind::Records(r) => Shown::Items(
            c.record_ids(r)
                .iter()
                .map(|id| {
                    columns(r)
                        .iter()
                        .filter_map(|col| {
                            let v = c.record_value(r, id, col.key);
                            let v = match col.input {
                                CellInput::Date => format_day(&v, lang),
                                CellInput::Text | CellInput::Time => v,
                            };
                            let v = if col.options.is_empty() {
                                v
                            } else {
                                label_of(col.options, &v).unwrap_or_default()
                            };
                            (!v.trim().is_empty())
                                .then(|| format!("{} : {}", col.label.get(lang), v.trim()))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .filter(|line| !line.is_empty())
                .collect(),
        ),
    };
    match &out {
        Shown::Paragraph(p) if p.is_empty() => None,
        Shown::Items(items) if items.is_empty() => None,
        _ => Some(out),
    }
}

/// The parts whose content a reader would see differ (ids, times and blank
/// notes do not count), in question order.
pub fn differing_parts(mine: &Charter, theirs: &Charter) -> Vec<&'static Part> {
    let by = |author: &str| author.to_string();
    questions()
        .iter()
        .flat_map(|q| q.parts.iter())
        .filter(|p| shown(p, mine, Lang::Fr, &by) != shown(p, theirs, Lang::Fr, &by))
        .collect()
}

/// Whether the titles differ (blanks around them aside).
pub fn titles_differ(mine: &Charter, theirs: &Charter) -> bool {
    mine.title.trim() != theirs.title.trim()
}

/// Which version of a part the merge keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// The draft already here.
    #[default]
    Mine,
    /// The charter that arrived.
    Theirs,
    /// Both: what is here, plus the notes, rows or boxes the other adds.
    Both,
}

/// Whether a part can keep both versions (lists and check boxes can; a text
/// or a choice holds one value).
pub fn can_keep_both(part: &Part) -> bool {
    matches!(
        part.kind,
        PartKind::Flags(_) | PartKind::Notes(_) | PartKind::Records(_)
    )
}

/// Whether the community kinds (CoP or networked CoP) differ.
pub fn kinds_differ(mine: &Charter, theirs: &Charter) -> bool {
    mine.kind != theirs.kind
}

/// What the user chose for each thing that differs; anything not chosen
/// stays as in the draft.
#[derive(Clone, Debug, Default)]
pub struct Choices<'a> {
    /// The title.
    pub title: Keep,
    /// The kind of community.
    pub kind: Keep,
    /// Each part, with its choice.
    pub parts: Vec<(&'a Part, Keep)>,
}

impl Choices<'_> {
    /// Whether merging would put something received in place of something
    /// of the draft (keeping both only adds).
    pub fn replaces_any(&self) -> bool {
        self.title == Keep::Theirs
            || self.kind == Keep::Theirs
            || self.parts.iter().any(|(_, k)| *k == Keep::Theirs)
    }
}

/// `mine` with the title, the kind and each listed part taken as chosen.
/// Whatever `mine` holds beyond that (its id, its times, fields of a newer
/// version) stays. Where two notes or rows share an id, the one that comes
/// first in the charter keeps it and the other gets a fresh one.
pub fn merge(
    mine: &Charter,
    theirs: &Charter,
    choices: &Choices,
    now: f64,
    fresh_id: &mut dyn FnMut() -> String,
) -> Charter {
    let mut out = mine.clone();
    if choices.title == Keep::Theirs {
        out.set_title(theirs.title.clone(), now);
    }
    if choices.kind == Keep::Theirs {
        out.set_choice(ChoiceField::Kind, theirs.choice(ChoiceField::Kind), now);
    }
    for (part, keep) in &choices.parts {
        match keep {
            Keep::Mine => {}
            Keep::Theirs => out.take_part(theirs, part.kind, false, now),
            Keep::Both => out.take_part(theirs, part.kind, true, now),
        }
    }
    out.ensure_unique_ids(fresh_id);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, find_part, ListId, RecordList, TextField};

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("merged-{n}")
        }
    }

    fn part(id: &str) -> &'static Part {
        find_part(id).map(|(_, p)| p).expect("a part with this id")
    }

    /// The ids of the parts that differ.
    fn ids_differing(mine: &Charter, theirs: &Charter) -> Vec<&'static str> {
        differing_parts(mine, theirs).iter().map(|p| p.id).collect()
    }

    /// `mine` merged with `theirs` as chosen for these parts, title and kind kept.
    fn merge_parts(mine: &Charter, theirs: &Charter, chosen: &[(&str, Keep)]) -> Charter {
        merge(mine, theirs, &parts(chosen), 3.0, &mut ids())
    }

    /// Choices that keep the title and kind of the draft.
    fn parts(chosen: &[(&str, Keep)]) -> Choices<'static> {
        Choices {
            parts: chosen.iter().map(|&(id, k)| (part(id), k)).collect(),
            ..Choices::default()
        }
    }

    /// Gives every note and row a new id, as a share link does when it is opened.
    fn renumber_notes(v: &mut serde_json::Value, n: &mut usize) {
        match v {
            serde_json::Value::Object(o) => {
                if o.contains_key("id") {
                    *n += 1;
                    o.insert("id".into(), format!("link-{n}").into());
                }
                o.values_mut().for_each(|x| renumber_notes(x, n));
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| renumber_notes(x, n)),
            _ => {}
        }
    }

    /// The example, and a copy edited elsewhere: another mission, one more
    /// goal, and every note id changed.
    fn pair() -> (Charter, Charter) {
        let mine = example(Lang::Fr, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        theirs.set_text(TextField::Mission, "Une autre mission".into(), 2.0);
        theirs.add_note(
            ListId::Goals,
            "g-new".into(),
            "Un nouvel objectif".into(),
            2.0,
        );
        let mut v = serde_json::to_value(&theirs).expect("a charter serialises");
        let mut n = 0;
        for part in crate::charter::QUESTION_FIELDS {
            renumber_notes(&mut v[part], &mut n);
        }
        let theirs: Charter = serde_json::from_value(v).expect("and reads back");
        assert!(theirs
            .item_ids()
            .iter()
            .all(|id| !mine.item_ids().contains(id)));
        (mine, theirs)
    }

    #[test]
    fn only_parts_a_reader_sees_change_differ() {
        let mine = example(Lang::Fr, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        theirs.touch(99.0);
        assert!(differing_parts(&mine, &theirs).is_empty());
        theirs.set_text(TextField::Mission, "Autre".into(), 2.0);
        theirs.add_note(
            ListId::Goals,
            "new".into(),
            "Un objectif de plus".into(),
            2.0,
        );
        let differ = ids_differing(&mine, &theirs);
        assert_eq!(differ, vec!["mission", "goals"]);
    }

    #[test]
    fn new_ids_alone_are_no_difference() {
        let (mine, theirs) = pair();
        let differ = ids_differing(&mine, &theirs);
        assert_eq!(differ, vec!["mission", "goals"]);
    }

    #[test]
    fn the_merge_takes_each_part_as_chosen() {
        let (mine, theirs) = pair();
        let merged = merge(
            &mine,
            &theirs,
            &parts(&[("mission", Keep::Theirs), ("goals", Keep::Mine)]),
            5.0,
            &mut ids(),
        );
        assert_eq!(merged.text(TextField::Mission), "Une autre mission");
        assert_eq!(merged.notes(ListId::Goals), mine.notes(ListId::Goals));
        assert_eq!(merged.id, mine.id);
        assert_eq!(merged.updated_at, 5.0);
    }

    #[test]
    fn keeping_both_adds_only_what_is_new() {
        let (mine, theirs) = pair();
        let merged = merge_parts(
            &mine,
            &theirs,
            &[("goals", Keep::Both), ("mission", Keep::Both)],
        );
        let texts: Vec<&str> = merged
            .notes(ListId::Goals)
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts.len(), mine.notes(ListId::Goals).len() + 1);
        assert_eq!(texts.last(), Some(&"Un nouvel objectif"));
        // A text holds one value: "both" keeps mine.
        assert_eq!(
            merged.text(TextField::Mission),
            mine.text(TextField::Mission)
        );
    }

    #[test]
    fn rows_and_boxes_merge_by_content() {
        let mine = example(Lang::En, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        theirs.add_record(RecordList::Agreements, "a-new".into(), 2.0);
        theirs.set_record_value(
            RecordList::Agreements,
            "a-new",
            "detail",
            "Release time".into(),
            2.0,
        );
        let both = merge_parts(&mine, &theirs, &[("agreements", Keep::Both)]);
        assert_eq!(
            both.record_ids(RecordList::Agreements).len(),
            mine.record_ids(RecordList::Agreements).len() + 1
        );
        let empty = Charter::new("abc".into(), Lang::En, 1.0);
        let cleared = merge_parts(
            &mine,
            &empty,
            &[("agreements", Keep::Theirs), ("problems", Keep::Theirs)],
        );
        assert!(cleared.record_ids(RecordList::Agreements).is_empty());
        assert!(differing_parts(&cleared, &empty)
            .iter()
            .all(|p| p.id != "agreements" && p.id != "problems"));
    }

    #[test]
    fn keeping_both_never_repeats_an_id_and_mine_keep_theirs() {
        // A file of the same draft, edited elsewhere: the same note ids, one
        // of them now holding other text.
        let mine = example(Lang::Fr, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        let first = mine.notes(ListId::Themes)[0].id.clone();
        theirs.edit_note(&first, "Un thème réécrit ailleurs".into(), 2.0);
        let merged = merge_parts(&mine, &theirs, &[("themes", Keep::Both)]);
        let themes = merged.notes(ListId::Themes);
        assert_eq!(themes.len(), mine.notes(ListId::Themes).len() + 1);
        assert_eq!(
            themes[0],
            mine.notes(ListId::Themes)[0],
            "mine keeps its id and text"
        );
        let added = themes.last().expect("the rewritten theme is added");
        assert_eq!(added.text, "Un thème réécrit ailleurs");
        assert_eq!(added.id, "merged-1", "a fresh id, not the one mine uses");
        let all = merged.item_ids();
        let unique: std::collections::HashSet<&String> = all.iter().collect();
        assert_eq!(all.len(), unique.len());
    }

    #[test]
    fn keeping_both_adds_a_note_that_differs_only_by_its_author() {
        let mine = example(Lang::Fr, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        let first = theirs.notes(ListId::Goals)[0].id.clone();
        theirs.set_note_author(&first, "Quelqu'un d'autre".into(), 2.0);
        assert_eq!(ids_differing(&mine, &theirs), vec!["goals"]);
        let merged = merge_parts(&mine, &theirs, &[("goals", Keep::Both)]);
        let goals = merged.notes(ListId::Goals);
        assert_eq!(goals.len(), mine.notes(ListId::Goals).len() + 1);
        assert_eq!(
            goals.last().map(|n| n.author.as_str()),
            Some("Quelqu'un d'autre")
        );
    }

    #[test]
    fn the_kind_of_community_is_compared_and_merged() {
        let mine = example(Lang::Fr, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        let other = if mine.choice(ChoiceField::Kind) == Some("cop") {
            "networked_cop"
        } else {
            "cop"
        };
        theirs.set_choice(ChoiceField::Kind, Some(other), 2.0);
        assert!(kinds_differ(&mine, &theirs));
        assert!(differing_parts(&mine, &theirs).is_empty());
        let kept = merge(&mine, &theirs, &Choices::default(), 3.0, &mut ids());
        assert_eq!(kept.kind, mine.kind);
        let choices = Choices {
            kind: Keep::Theirs,
            ..Choices::default()
        };
        assert!(choices.replaces_any());
        let taken = merge(&mine, &theirs, &choices, 3.0, &mut ids());
        assert_eq!(taken.choice(ChoiceField::Kind), Some(other));
    }
}
