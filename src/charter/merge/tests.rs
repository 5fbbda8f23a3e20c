use super::*;
use crate::charter::{example, item_id, Lang, VersionId};

const NOW: f64 = 1_800_000_000_000.0;

fn mine_always(_: &Conflict) -> Side {
    Side::Mine
}

fn theirs_always(_: &Conflict) -> Side {
    Side::Theirs
}

/// The example with short ids, as the app makes it now.
fn base() -> Charter {
    example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1_764_000_000_000.0)
}

fn goals(c: &Charter) -> Vec<String> {
    c.notes(ListId::Goals)
        .iter()
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn a_change_on_one_side_is_taken_and_the_same_change_on_both_is_no_conflict() {
    let b = base();
    let mut mine = b.clone();
    mine.set_text(TextField::Vision, "Vision d'ici".into(), 2.0);
    let mut theirs = b.clone();
    theirs.set_text(TextField::Mission, "Mission de là-bas".into(), 3.0);
    theirs.set_text(TextField::Vision, "Vision d'ici".into(), 3.0);
    let m = merge3(&b, &mine, &theirs, &mine_always, NOW);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.charter.text(TextField::Mission), "Mission de là-bas");
    assert_eq!(m.charter.text(TextField::Vision), "Vision d'ici");
    assert_eq!(m.taken, 1);
}

#[test]
fn only_different_changes_on_both_sides_ask_and_the_answer_is_applied() {
    let b = base();
    let mut mine = b.clone();
    mine.set_text(TextField::Mission, "La mienne".into(), 2.0);
    let mut theirs = b.clone();
    theirs.set_text(TextField::Mission, "La leur".into(), 3.0);
    let kept = merge3(&b, &mine, &theirs, &mine_always, NOW);
    assert_eq!(
        kept.conflicts,
        vec![Conflict::Field(Field::Text(TextField::Mission))]
    );
    assert_eq!(kept.charter.text(TextField::Mission), "La mienne");
    let taken = merge3(&b, &mine, &theirs, &theirs_always, NOW);
    assert_eq!(taken.charter.text(TextField::Mission), "La leur");
}

#[test]
fn a_colleague_s_edit_is_not_undone_by_a_second_colleague_who_left_it_alone() {
    // The instigator took colleague 1's mission; colleague 2 replies from the original.
    let b = base();
    let mut mine = b.clone();
    mine.set_text(TextField::Mission, "Mission de la collègue 1".into(), 2.0);
    let mut theirs = b.clone();
    theirs.add_note(
        ListId::Goals,
        item_id("zzzzz", 1).unwrap_or_default(),
        "But de 2".into(),
        3.0,
    );
    let m = merge3(&b, &mine, &theirs, &theirs_always, NOW);
    assert!(m.conflicts.is_empty());
    assert_eq!(
        m.charter.text(TextField::Mission),
        "Mission de la collègue 1"
    );
    assert_eq!(
        goals(&m.charter).last().map(String::as_str),
        Some("But de 2")
    );
}

#[test]
fn notes_merge_by_id_additions_edits_deletions_and_edit_against_deletion() {
    let b = base();
    let first = b.notes(ListId::Goals)[0].id.clone();
    let second = b.notes(ListId::Goals)[1].id.clone();
    let third = b.notes(ListId::Goals)[2].id.clone();
    let mut mine = b.clone();
    mine.add_note(ListId::Goals, "mine01".into(), "Ajout d'ici".into(), 2.0);
    mine.edit_note(&first, "Premier, revu ici".into(), 2.0);
    mine.edit_note(&third, "Troisième, revu ici".into(), 2.0);
    let mut theirs = b.clone();
    theirs.add_note(
        ListId::Goals,
        "their1".into(),
        "Ajout de là-bas".into(),
        3.0,
    );
    theirs.delete_note(&second, 3.0);
    theirs.delete_note(&third, 3.0);
    let m = merge3(&b, &mine, &theirs, &mine_always, NOW);
    let texts = goals(&m.charter);
    assert!(texts.contains(&"Ajout d'ici".to_string()));
    assert!(texts.contains(&"Ajout de là-bas".to_string()));
    assert!(texts.contains(&"Premier, revu ici".to_string()));
    assert!(
        m.charter.note(&second).is_none(),
        "deleted there, untouched here"
    );
    assert_eq!(m.deleted, vec![(second.clone(), "goals")]);
    assert_eq!(
        m.conflicts,
        vec![Conflict::Note {
            list: ListId::Goals,
            id: third.clone()
        }],
        "an edit against a deletion asks"
    );
    assert!(m.charter.note(&third).is_some(), "kept for mine");
    let gone = merge3(&b, &mine, &theirs, &theirs_always, NOW);
    assert!(gone.charter.note(&third).is_none(), "deleted for theirs");
}

#[test]
fn a_note_moved_there_moves_here_and_their_order_is_kept_when_mine_did_not_reorder() {
    let b = base();
    let id = b.notes(ListId::Goals)[0].id.clone();
    let mut theirs = b.clone();
    theirs.move_note(&id, ListId::Themes, 1, 3.0);
    let m = merge3(&b, &b, &theirs, &mine_always, NOW);
    assert_eq!(m.charter.find_note(&id), Some((ListId::Themes, 1)));
    assert_eq!(VersionId::of(&m.charter), VersionId::of(&theirs));
}

#[test]
fn rows_merge_by_id() {
    let b = base();
    let row = b.record_ids(RecordList::Instigators)[0].clone();
    let mut theirs = b.clone();
    theirs.set_record_value(
        RecordList::Instigators,
        &row,
        "role",
        "Nouveau rôle".into(),
        3.0,
    );
    theirs.add_record(RecordList::Instigators, "row001".into(), 3.0);
    let mut mine = b.clone();
    mine.set_record_value(
        RecordList::Instigators,
        &row,
        "name",
        "Nom d'ici".into(),
        2.0,
    );
    let m = merge3(&b, &mine, &theirs, &mine_always, NOW);
    assert_eq!(
        m.conflicts,
        vec![Conflict::Row {
            table: RecordList::Instigators,
            id: row.clone()
        }],
        "a row is one item: two edits of it conflict"
    );
    assert!(m
        .charter
        .record_ids(RecordList::Instigators)
        .contains(&"row001".to_string()));
}

#[test]
fn every_conflict_shows_in_a_part_of_the_comparison() {
    assert_eq!(conflict_part(&Conflict::Field(Field::Title)), Some("title"));
    assert_eq!(
        conflict_part(&Conflict::Field(Field::Choice(ChoiceField::Kind))),
        Some("kind")
    );
    for f in TextField::ALL {
        assert!(
            conflict_part(&Conflict::Field(Field::Text(f))).is_some(),
            "{f:?}"
        );
    }
    for f in ChoiceField::ALL {
        assert!(
            conflict_part(&Conflict::Field(Field::Choice(f))).is_some(),
            "{f:?}"
        );
    }
    for list in ListId::ALL {
        let c = Conflict::Note {
            list,
            id: "x".into(),
        };
        assert!(conflict_part(&c).is_some(), "{list:?}");
    }
    for table in RecordList::ALL {
        let c = Conflict::Row {
            table,
            id: "x".into(),
        };
        assert!(conflict_part(&c).is_some(), "{table:?}");
    }
}

/// Property tests; proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// One edit a colleague can make.
    #[derive(Clone, Debug)]
    enum Edit {
        Text(usize, String),
        Add(usize, String),
        Rewrite(usize, String),
        Delete(usize),
        Move(usize, usize),
        Reorder(usize),
        Flag(usize),
        Cell(usize, String),
        AddRow,
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let text = "[a-zé ]{0,12}";
        prop_oneof![
            (0..TextField::ALL.len(), text).prop_map(|(f, t)| Edit::Text(f, t)),
            (0..ListId::ALL.len(), text).prop_map(|(l, t)| Edit::Add(l, t)),
            (0..64usize, text).prop_map(|(n, t)| Edit::Rewrite(n, t)),
            (0..64usize).prop_map(Edit::Delete),
            (0..64usize, 0..ListId::ALL.len()).prop_map(|(n, l)| Edit::Move(n, l)),
            (0..64usize).prop_map(Edit::Reorder),
            (0..6usize).prop_map(Edit::Flag),
            (0..8usize, text).prop_map(|(r, t)| Edit::Cell(r, t)),
            Just(Edit::AddRow),
        ]
    }

    /// Applies edits as one colleague's page would, its new ids on `site`.
    fn apply(base: &Charter, edits: &[Edit], site: &str) -> Charter {
        let mut c = base.clone();
        let mut n = 0;
        let mut fresh = || {
            n += 1;
            item_id(site, n).unwrap_or_default()
        };
        for e in edits {
            let ids: Vec<String> = ListId::ALL
                .iter()
                .flat_map(|&l| c.notes(l).iter().map(|x| x.id.clone()))
                .collect();
            let pick = |k: usize| (!ids.is_empty()).then(|| ids[k % ids.len()].clone());
            match e {
                Edit::Text(f, t) => c.set_text(TextField::ALL[*f], t.clone(), 2.0),
                Edit::Add(l, t) => c.add_note(ListId::ALL[*l], fresh(), t.clone(), 2.0),
                Edit::Rewrite(k, t) => {
                    if let Some(id) = pick(*k) {
                        c.edit_note(&id, t.clone(), 2.0);
                    }
                }
                Edit::Delete(k) => {
                    if let Some(id) = pick(*k) {
                        c.delete_note(&id, 2.0);
                    }
                }
                Edit::Move(k, l) => {
                    if let Some(id) = pick(*k) {
                        c.move_note(&id, ListId::ALL[*l], 0, 2.0);
                    }
                }
                Edit::Reorder(k) => {
                    if let Some(id) = pick(*k) {
                        if let Some((l, _)) = c.find_note(&id) {
                            c.move_note(&id, l, 0, 2.0);
                        }
                    }
                }
                Edit::Flag(k) => {
                    let opts = flag_options(FlagSet::Problems);
                    c.toggle_flag(FlagSet::Problems, opts[k % opts.len()].key, 2.0);
                }
                Edit::Cell(r, t) => {
                    let rows = c.record_ids(RecordList::Instigators);
                    if !rows.is_empty() {
                        let id = rows[r % rows.len()].clone();
                        c.set_record_value(RecordList::Instigators, &id, "role", t.clone(), 2.0);
                    }
                }
                Edit::AddRow => c.add_record(RecordList::Instigators, fresh(), 2.0),
            }
        }
        c
    }

    /// Content without order: each list as a set of (id, text, author),
    /// and every field (for "in either order, the same content").
    fn content(c: &Charter) -> String {
        let mut v = c.clone();
        for l in ListId::ALL {
            v.list_mut(l).sort_by(|a, b| a.id.cmp(&b.id));
        }
        let mut rows = v.table(RecordList::Instigators).rows_json();
        rows.sort_by_key(|r| r.get("id").map(Value::to_string));
        v.table_mut(RecordList::Instigators).set_rows_json(&rows);
        VersionId::of(&v).to_text()
    }

    fn small_base() -> Charter {
        let mut c = Charter::new("k3j9x0a1b2c3d4e5".into(), Lang::Fr, 1.0);
        for (i, l) in [ListId::Goals, ListId::Goals, ListId::Themes, ListId::Core]
            .iter()
            .enumerate()
        {
            c.add_note(
                *l,
                item_id("bbbbb", i as u32 + 1).unwrap_or_default(),
                format!("note {i}"),
                1.0,
            );
        }
        c.add_record(
            RecordList::Instigators,
            item_id("bbbbb", 9).unwrap_or_default(),
            1.0,
        );
        c
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn merging_with_an_unchanged_side_gives_the_other(edits in proptest::collection::vec(edit(), 0..10)) {
            let b = small_base();
            let c = apply(&b, &edits, "aaaaa");
            let mine = merge3(&b, &c, &b, &theirs_always, NOW);
            prop_assert_eq!(VersionId::of(&mine.charter), VersionId::of(&c));
            prop_assert!(mine.conflicts.is_empty());
            let theirs = merge3(&b, &b, &c, &mine_always, NOW);
            prop_assert_eq!(VersionId::of(&theirs.charter), VersionId::of(&c));
            prop_assert!(theirs.conflicts.is_empty());
        }

        #[test]
        fn merging_the_same_contribution_twice_changes_nothing_more(
            mine_edits in proptest::collection::vec(edit(), 0..8),
            their_edits in proptest::collection::vec(edit(), 0..8),
            theirs_wins in any::<bool>(),
        ) {
            let b = small_base();
            let mine = apply(&b, &mine_edits, "aaaaa");
            let theirs = apply(&b, &their_edits, "ccccc");
            let side = move |_: &Conflict| if theirs_wins { Side::Theirs } else { Side::Mine };
            let once = merge3(&b, &mine, &theirs, &side, NOW).charter;
            let twice = merge3(&b, &once, &theirs, &side, NOW).charter;
            prop_assert_eq!(VersionId::of(&twice), VersionId::of(&once));
        }

        #[test]
        fn two_contributions_merged_in_either_order_give_the_same_content(
            a_edits in proptest::collection::vec(edit(), 0..8),
            b_edits in proptest::collection::vec(edit(), 0..8),
        ) {
            let base = small_base();
            let a = apply(&base, &a_edits, "aaaaa");
            let b = apply(&base, &b_edits, "ccccc");
            let ab = merge3(&base, &a, &b, &mine_always, NOW);
            prop_assume!(ab.conflicts.is_empty());
            let first_a = merge3(&base, &merge3(&base, &base, &a, &mine_always, NOW).charter, &b, &mine_always, NOW);
            let first_b = merge3(&base, &merge3(&base, &base, &b, &mine_always, NOW).charter, &a, &mine_always, NOW);
            prop_assert!(first_a.conflicts.is_empty() && first_b.conflicts.is_empty());
            prop_assert_eq!(content(&first_a.charter), content(&first_b.charter));
        }

        #[test]
        fn ids_never_repeat(
            mine_edits in proptest::collection::vec(edit(), 0..10),
            their_edits in proptest::collection::vec(edit(), 0..10),
            theirs_wins in any::<bool>(),
        ) {
            let b = small_base();
            let mine = apply(&b, &mine_edits, "aaaaa");
            let theirs = apply(&b, &their_edits, "ccccc");
            let side = move |_: &Conflict| if theirs_wins { Side::Theirs } else { Side::Mine };
            let m = merge3(&b, &mine, &theirs, &side, NOW).charter;
            let ids = m.item_ids();
            let unique: HashSet<&String> = ids.iter().collect();
            prop_assert_eq!(unique.len(), ids.len());
        }
    }
}
#[test]
fn a_list_reordered_there_is_reordered_here() {
    let b = base();
    let id = b.notes(ListId::Goals)[1].id.clone();
    let mut theirs = b.clone();
    assert!(theirs.move_note(&id, ListId::Goals, 0, 3.0));
    assert_ne!(VersionId::of(&theirs), VersionId::of(&b));
    let m = merge3(&b, &b, &theirs, &mine_always, NOW);
    assert_eq!(goals(&m.charter), goals(&theirs));
}
