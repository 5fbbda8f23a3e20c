//! Two versions of one charter side by side: what each part says, which parts
//! differ, and a merge that takes each part from the version the user chose.

use super::model::Charter;
use super::questions::{choice_options, columns, flag_options, questions, Opt, Part, PartKind};
use super::text::Lang;

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

/// `mine` with the title and each listed part taken as chosen; parts not
/// listed stay as in `mine`. Ids that would repeat get fresh ones.
pub fn merge(
    mine: &Charter,
    theirs: &Charter,
    title: Keep,
    parts: &[(&Part, Keep)],
    now: f64,
    fresh_id: &mut dyn FnMut() -> String,
) -> Charter {
    let mut out = mine.clone();
    if title == Keep::Theirs {
        out.set_title(theirs.title.clone(), now);
    }
    for (part, keep) in parts {
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
        for part in ["carriers", "purpose", "joining", "distinction"] {
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
        let differ: Vec<&str> = differing_parts(&mine, &theirs)
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(differ, vec!["mission", "goals"]);
    }

    #[test]
    fn new_ids_alone_are_no_difference() {
        let (mine, theirs) = pair();
        let differ: Vec<&str> = differing_parts(&mine, &theirs)
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(differ, vec!["mission", "goals"]);
    }

    #[test]
    fn the_merge_takes_each_part_as_chosen() {
        let (mine, theirs) = pair();
        let merged = merge(
            &mine,
            &theirs,
            Keep::Mine,
            &[(part("mission"), Keep::Theirs), (part("goals"), Keep::Mine)],
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
        let merged = merge(
            &mine,
            &theirs,
            Keep::Mine,
            &[(part("goals"), Keep::Both), (part("mission"), Keep::Both)],
            5.0,
            &mut ids(),
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
        let both = merge(
            &mine,
            &theirs,
            Keep::Mine,
            &[(part("agreements"), Keep::Both)],
            3.0,
            &mut ids(),
        );
        assert_eq!(
            both.record_ids(RecordList::Agreements).len(),
            mine.record_ids(RecordList::Agreements).len() + 1
        );
        let empty = Charter::new("abc".into(), Lang::En, 1.0);
        let cleared = merge(
            &mine,
            &empty,
            Keep::Mine,
            &[
                (part("agreements"), Keep::Theirs),
                (part("problems"), Keep::Theirs),
            ],
            3.0,
            &mut ids(),
        );
        assert!(cleared.record_ids(RecordList::Agreements).is_empty());
        assert!(differing_parts(&cleared, &empty)
            .iter()
            .all(|p| p.id != "agreements" && p.id != "problems"));
    }

    #[test]
    fn merging_a_file_of_the_same_draft_never_repeats_an_id() {
        let mine = example(Lang::Fr, "abc".into(), 1.0);
        let mut theirs = mine.clone();
        theirs.add_note(ListId::Themes, "t-new".into(), "Nouveau thème".into(), 2.0);
        theirs.set_text(TextField::Vision, "Autre vision".into(), 2.0);
        let parts: Vec<(&Part, Keep)> = differing_parts(&mine, &theirs)
            .into_iter()
            .map(|p| (p, Keep::Theirs))
            .collect();
        let mut merged = merge(&mine, &theirs, Keep::Theirs, &parts, 3.0, &mut ids());
        let all = merged.item_ids();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(all.len(), unique.len());
        merged.touch(theirs.updated_at);
        assert!(differing_parts(&merged, &theirs).is_empty());
    }
}
