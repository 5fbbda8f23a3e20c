use super::*;
use crate::charter::{example, ListId, RecordList};

fn text_of(d: &Doc) -> String {
    d.blocks
        .iter()
        .map(|b| match b {
            Block::Title(s)
            | Block::Lead(s)
            | Block::Heading(s)
            | Block::Subheading(s)
            | Block::Paragraph(s)
            | Block::Missing(s) => s.clone(),
            Block::Items(i) | Block::Numbered(i) => i.join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn headings(d: &Doc) -> Vec<&str> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_example_pitch_says_why_what_is_asked_what_comes_back_and_what_is_next() {
    let c = example(Lang::Fr, "ex".into(), 1.79e12);
    let d = document(DocKind::Pitch, &c, Lang::Fr);
    assert_eq!(d.title(), c.title);
    assert_eq!(
        headings(&d),
        [
            "Pourquoi cette communauté",
            "Ce que nous demandons",
            "Ce que la direction y gagne",
            "Les prochaines étapes"
        ]
    );
    assert!(
        !d.blocks.iter().any(|b| matches!(b, Block::Missing(_))),
        "{d:?}"
    );
    let text = text_of(&d);
    assert!(text.contains(c.carriers.sponsor_name.trim()), "{text}");
    assert!(
        text.contains("Nous ferons le point avec vous le 5 juin 2027."),
        "{text}"
    );
    assert!(text.contains("24 septembre 2026, 15 h 45"), "{text}");
}

#[test]
fn an_empty_charter_gives_documents_that_say_what_is_to_discuss() {
    let c = Charter::new("e".into(), Lang::En, 0.0);
    let pitch = document(DocKind::Pitch, &c, Lang::En);
    let missing = pitch
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Missing(_)))
        .count();
    assert_eq!(missing, 4, "{pitch:?}");
    assert_eq!(pitch.title(), "Our community of practice");
    let agenda = document(DocKind::Agenda, &c, Lang::En);
    assert_eq!(
        agenda
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Missing(_)))
            .count(),
        3
    );
    let invitation = document(DocKind::Invitation, &c, Lang::En);
    assert!(text_of(&invitation).starts_with("Invitation to a new community of practice\nHello,"));
    let fr = text_of(&document(DocKind::Invitation, &c, Lang::Fr));
    assert!(
        fr.starts_with("Invitation à une nouvelle communauté de pratique\nBonjour,\nNous démarrons une nouvelle communauté de pratique, et"),
        "{fr}"
    );
    assert_eq!(fr.matches("communauté de pratique").count(), 2, "{fr}");
}

#[test]
fn the_invitation_names_the_first_meeting_and_whom_to_write_to() {
    let c = example(Lang::En, "ex".into(), 1.79e12);
    let text = text_of(&document(DocKind::Invitation, &c, Lang::En));
    let coordinator = c
        .launch
        .roles
        .iter()
        .find(|r| r.kind.map(crate::charter::Keyed::key) == Some("coordinator"))
        .map(|r| r.name.clone())
        .unwrap_or_default();
    assert!(!coordinator.is_empty());
    assert!(text.contains(&format!("write to {coordinator}.")), "{text}");
    assert!(
        text.contains("First meeting: September 24, 2026, 3:45 PM."),
        "{text}"
    );
    assert!(text.contains(c.purpose.mission.trim()), "{text}");
}

#[test]
fn the_agenda_numbers_the_kickoff_items_and_lists_the_meetings_after_it() {
    let c = example(Lang::Fr, "ex".into(), 1.79e12);
    let d = document(DocKind::Agenda, &c, Lang::Fr);
    let numbered = d.blocks.iter().find_map(|b| match b {
        Block::Numbered(i) => Some(i.clone()),
        _ => None,
    });
    let agenda: Vec<String> = c
        .notes(ListId::KickoffAgenda)
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(numbered, Some(agenda));
    let later = d.blocks.iter().rev().find_map(|b| match b {
        Block::Items(i) => Some(i.len()),
        _ => None,
    });
    assert_eq!(later, Some(c.launch.meetings.len() - 1));
    assert!(text_of(&d).contains("Animation : "));
}

#[test]
fn long_lists_and_texts_are_shortened_with_a_word_saying_so() {
    let mut c = Charter::new("l".into(), Lang::Fr, 0.0);
    for i in 0..9 {
        c.add_note(
            ListId::KickoffAgenda,
            format!("n{i}"),
            format!("point {i}"),
            1.0,
        );
    }
    c.purpose.mission = "mot ".repeat(200);
    let d = document(DocKind::Agenda, &c, Lang::Fr);
    let items = d.blocks.iter().find_map(|b| match b {
        Block::Numbered(i) => Some(i.clone()),
        _ => None,
    });
    let items = items.unwrap_or_default();
    assert_eq!(items.len(), MAX_ITEMS);
    assert_eq!(items[MAX_ITEMS - 1], "… et 4 autres (voir la charte)");
    let mission = document(DocKind::Pitch, &c, Lang::Fr)
        .blocks
        .into_iter()
        .find_map(|b| match b {
            Block::Paragraph(p) if p.starts_with("Sa mission") => Some(p),
            _ => None,
        })
        .unwrap_or_default();
    assert!(mission.ends_with("mot…"), "{mission}");
    assert!(mission.chars().count() <= MAX_CHARS + 20);
}

#[test]
fn a_charter_full_of_long_notes_still_gives_a_short_pitch() {
    let mut c = example(Lang::Fr, "ex".into(), 1.79e12);
    let long = "une phrase qui ne finit pas ".repeat(30);
    for l in [ListId::Members, ListId::Artefacts, ListId::Beneficiaries] {
        for i in 0..12 {
            c.add_note(l, format!("{}{i}", l.slug()), format!("{i} {long}"), 2.0);
        }
    }
    let d = document(DocKind::Pitch, &c, Lang::Fr);
    for b in &d.blocks {
        let lines: Vec<&String> = match b {
            Block::Items(i) | Block::Numbered(i) => i.iter().collect(),
            Block::Paragraph(p) | Block::Lead(p) => vec![p],
            _ => vec![],
        };
        for line in lines {
            // A label and up to five items of 160 characters at most.
            assert!(line.chars().count() <= 40 + 5 * (PITCH_CHARS + 4), "{line}");
        }
    }
    let who = d
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph(p) if p.starts_with("Pour qui") => Some(p.clone()),
            _ => None,
        })
        .unwrap_or_default();
    assert!(who.ends_with(" autres"), "{who}");
}

#[test]
fn meetings_come_in_the_order_of_the_calendar() {
    let mut c = Charter::new("m".into(), Lang::Fr, 0.0);
    for (id, day, time) in [
        ("a", "2027-03-01", "10:00"),
        ("b", "2027-03-01", "9:00"),
        ("c", "2027-02-28", "16:00"),
        ("d", "2027-02-30", "8:00"),
    ] {
        c.add_record(RecordList::Meetings, id.into(), 1.0);
        c.set_record_value(RecordList::Meetings, id, "date", day.into(), 1.0);
        c.set_record_value(RecordList::Meetings, id, "time", time.into(), 1.0);
    }
    let order: Vec<String> = dated_meetings(&c).into_iter().map(|m| m.1).collect();
    assert_eq!(order, ["16:00", "9:00", "10:00"]);
}

#[test]
fn times_and_names_read_the_way_each_language_writes_them() {
    assert_eq!(clock("15:45", Lang::Fr).as_deref(), Some("15 h 45"));
    assert_eq!(clock("09:00", Lang::Fr).as_deref(), Some("9 h"));
    assert_eq!(clock("15:45", Lang::En).as_deref(), Some("3:45 PM"));
    assert_eq!(clock("00:10", Lang::En).as_deref(), Some("12:10 AM"));
    assert_eq!(clock("25:00", Lang::En), None);
    assert_eq!(clock("", Lang::Fr), None);
    let names = ["Ana".to_string(), "Bo".to_string(), "Cy".to_string()];
    assert_eq!(joined(&names, Lang::Fr), "Ana, Bo et Cy");
    assert_eq!(joined(&names[..2], Lang::En), "Ana and Bo");
    assert_eq!(joined(&[], Lang::En), "");
}

#[test]
fn kinds_read_back_from_their_slugs() {
    for k in DocKind::ALL {
        assert_eq!(DocKind::from_slug(k.slug()), Some(k));
        assert_ne!(k.name(Lang::Fr), k.name(Lang::En));
    }
    assert_eq!(DocKind::from_slug("other"), None);
}

#[test]
fn the_summary_has_the_mission_the_members_the_problems_the_sponsor_and_next_steps() {
    let c = example(Lang::Fr, "ex".into(), 1.79e12);
    let d = summary(&c, Lang::Fr);
    assert_eq!(d.title(), "En bref");
    assert_eq!(
        headings(&d),
        [
            "Mission",
            "Pour qui",
            "Les problèmes visés",
            "Le parrainage et ce qui est demandé",
            "Les prochaines étapes"
        ]
    );
    assert!(
        !d.blocks.iter().any(|b| matches!(b, Block::Missing(_))),
        "{d:?}"
    );
    let text = text_of(&d);
    assert!(text.contains(c.purpose.mission.trim()));
    assert!(text.contains(c.carriers.sponsor_name.trim()));
    let empty = summary(&Charter::new("e".into(), Lang::En, 0.0), Lang::En);
    assert_eq!(
        empty
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Missing(_)))
            .count(),
        5
    );
}

#[test]
fn the_cover_says_who_prepared_the_charter_and_for_whom() {
    let c = example(Lang::Fr, "ex".into(), 1.79e12);
    let cv = cover(&c, Lang::Fr);
    assert!(cv.prepared_by.contains(" et "), "{cv:?}");
    assert!(
        cv.for_whom.starts_with(c.carriers.sponsor_name.trim()),
        "{cv:?}"
    );
    assert_eq!(
        cover(&Charter::new("e".into(), Lang::Fr, 0.0), Lang::Fr),
        Cover::default()
    );
}
