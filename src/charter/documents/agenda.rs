//! The kick-off meeting's agenda: when and how, who runs it, the items in
//! order, the first activities to suggest and the meetings that follow.

use super::{dated_meetings, names_with_role, note_texts, rhythm, short, when, Block, Writer};
use crate::charter::model::{filled, Charter};
use crate::charter::text::Lang;

pub(super) fn blocks(c: &Charter, lang: Lang) -> Vec<Block> {
    let mut w = Writer::new(lang);
    let name = if filled(&c.title) {
        short(&c.title)
    } else {
        w.t("Notre communauté de pratique", "Our community of practice")
            .to_string()
    };
    w.push(Block::Title(match lang {
        Lang::Fr => format!("{name} : ordre du jour de la rencontre de lancement"),
        Lang::En => format!("{name}: kick-off meeting agenda"),
    }));
    let meetings = dated_meetings(c);
    if let Some((day, time, _)) = meetings.first() {
        let mut lead = when(day, time, lang);
        if filled(&c.launch.duration) {
            lead = format!("{lead} · {}", short(&c.launch.duration));
        }
        w.push(Block::Lead(lead));
    }
    for (kind, fr, en) in [
        ("facilitator", "Animation", "Facilitation"),
        ("coordinator", "Coordination", "Coordination"),
    ] {
        let names = names_with_role(c, Some(kind));
        if !names.is_empty() {
            let lead = format!("{}{}{}", w.t(fr, en), w.colon(), names.join(", "));
            w.push(Block::Lead(lead));
        }
    }

    w.heading("Ordre du jour", "Agenda");
    w.numbered_or_missing(note_texts(&c.launch.kickoff_agenda));

    w.heading(
        "Premières activités à proposer",
        "First activities to suggest",
    );
    w.items_or_missing(note_texts(&c.launch.first_activities));

    w.heading("Les rencontres suivantes", "The meetings that follow");
    let pace = rhythm(c, lang);
    if !pace.is_empty() {
        w.push(Block::Paragraph(format!(
            "{}{}{pace}",
            w.t("Rythme", "Rhythm"),
            w.colon()
        )));
    }
    let next: Vec<String> = meetings.into_iter().skip(1).map(|m| w.meeting(m)).collect();
    if next.is_empty() && pace.is_empty() {
        w.missing();
    } else if !next.is_empty() {
        let items = w.capped(next);
        w.push(Block::Items(items));
    }
    w.blocks
}
