//! The charter's one-page summary ("at a glance"), between its cover and
//! its details: the mission, who it is for, the problems, the sponsor and
//! what is asked, and the next steps.

use super::{
    cell, dated_meetings, note_texts, sponsor, ticked_and_typed, Block, Writer, PITCH_CHARS,
};
use crate::charter::model::{filled, Charter, FlagSet};
use crate::charter::rows::RecordList;
use crate::charter::text::{cut_at_word, Lang};

pub(super) fn blocks(c: &Charter, lang: Lang) -> Vec<Block> {
    let mut w = Writer::brief(lang);
    let title = w.t("En bref", "At a glance").to_string();
    w.push(Block::Title(title));

    w.heading("Mission", "Mission");
    if filled(&c.purpose.mission) {
        w.push(Block::Paragraph(cut_at_word(
            &c.purpose.mission,
            2 * PITCH_CHARS,
        )));
    } else {
        w.missing();
    }

    w.heading("Pour qui", "Who it is for");
    w.items_or_missing(note_texts(&c.purpose.members));

    w.heading("Les problèmes visés", "The problems it takes on");
    let problems = ticked_and_typed(c, FlagSet::Problems, &c.purpose.other_problems, lang);
    w.items_or_missing(problems);

    w.heading(
        "Le parrainage et ce qui est demandé",
        "The sponsor and what is asked",
    );
    let sponsor = sponsor(c);
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
            let line = w.labelled([kind, detail]);
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
        .map(|m| w.meeting(m))
        .collect();
    next.extend(note_texts(&c.launch.first_activities));
    w.items_or_missing(next);
    w.blocks
}
