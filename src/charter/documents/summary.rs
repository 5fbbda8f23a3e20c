//! The charter's one-page summary ("at a glance"), between its cover and
//! its details: the mission, who it is for, the problems, the sponsor and
//! what is asked, and the next steps.

use super::{cell, dated_meetings, note_texts, short, when, Block, Writer};
use crate::charter::model::{filled, Charter, FlagSet};
use crate::charter::questions::flag_options;
use crate::charter::rows::RecordList;
use crate::charter::text::Lang;

pub(super) fn blocks(c: &Charter, lang: Lang) -> Vec<Block> {
    let mut w = Writer::new(lang);
    w.max_items = super::PITCH_ITEMS;
    let title = w.t("En bref", "At a glance").to_string();
    w.push(Block::Title(title));

    w.heading("Mission", "Mission");
    if filled(&c.purpose.mission) {
        w.push(Block::Paragraph(short(&c.purpose.mission)));
    } else {
        w.missing();
    }

    w.heading("Pour qui", "Who it is for");
    w.items_or_missing(note_texts(&c.purpose.members));

    w.heading("Les problèmes visés", "The problems it takes on");
    let mut problems: Vec<String> = flag_options(FlagSet::Problems)
        .iter()
        .filter(|o| c.flag(FlagSet::Problems, o.key))
        .map(|o| o.label.get(lang).to_string())
        .collect();
    problems.extend(note_texts(&c.purpose.other_problems));
    w.items_or_missing(problems);

    w.heading(
        "Le parrainage et ce qui est demandé",
        "The sponsor and what is asked",
    );
    let sponsor = [
        short(&c.carriers.sponsor_name),
        short(&c.carriers.sponsor_role),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    if !sponsor.is_empty() {
        let p = format!(
            "{}{}{sponsor}",
            w.t("Parrain ou marraine", "Sponsor"),
            w.colon()
        );
        w.push(Block::Paragraph(p));
    }
    let mut asked: Vec<String> = Vec::new();
    for (r, key) in [
        (RecordList::Resources, "detail"),
        (RecordList::Agreements, "detail"),
    ] {
        for id in c.record_ids(r) {
            let kind = cell(c, r, &id, "kind", lang);
            let detail = cell(c, r, &id, key, lang);
            let line = [kind, detail]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(w.colon());
            if !line.is_empty() {
                asked.push(line);
            }
        }
    }
    if asked.is_empty() && sponsor.is_empty() {
        w.missing();
    } else if !asked.is_empty() {
        let items = w.capped(asked);
        w.push(Block::Items(items));
    }

    w.heading("Les prochaines étapes", "Next steps");
    let mut next: Vec<String> = dated_meetings(c)
        .into_iter()
        .take(3)
        .map(|(day, time, topic)| {
            let at = when(&day, &time, lang);
            if topic.is_empty() {
                at
            } else {
                format!("{at}{}{topic}", w.colon())
            }
        })
        .collect();
    next.extend(note_texts(&c.launch.first_activities));
    w.items_or_missing(next);
    w.blocks
}
