//! The invitation to potential members: a short message to send by e-mail
//! or post in a team, in the reader's language.

use super::{
    dated_meetings, instigators, joined, names_with_role, note_texts, rhythm, short,
    ticked_and_typed, when, Block, Writer,
};
use crate::charter::model::{filled, Charter, FlagSet};
use crate::charter::text::Lang;

pub(super) fn blocks(c: &Charter, lang: Lang) -> Vec<Block> {
    let mut w = Writer::new(lang);
    // Untitled, the invitation speaks of "a new community of practice"
    // once, without a name to repeat.
    let name = filled(&c.title).then(|| short(&c.title));
    w.push(Block::Title(match (lang, &name) {
        (Lang::Fr, Some(name)) => format!("Invitation : {name}"),
        (Lang::Fr, None) => "Invitation à une nouvelle communauté de pratique".to_string(),
        (Lang::En, Some(name)) => format!("Invitation: {name}"),
        (Lang::En, None) => "Invitation to a new community of practice".to_string(),
    }));
    w.push(Block::Paragraph(w.t("Bonjour,", "Hello,").to_string()));
    let starting = match (lang, &name) {
        (Lang::Fr, Some(name)) => format!("Nous démarrons {name}, une communauté de pratique"),
        (Lang::Fr, None) => "Nous démarrons une nouvelle communauté de pratique".to_string(),
        (Lang::En, Some(name)) => format!("We are starting {name}, a community of practice"),
        (Lang::En, None) => "We are starting a new community of practice".to_string(),
    };
    let members = note_texts(&c.purpose.members);
    w.push(Block::Paragraph(match (lang, members.is_empty()) {
        (Lang::Fr, true) => format!("{starting}, et nous aimerions vous y compter."),
        (Lang::Fr, false) => format!(
            "{starting}. Elle réunira : {}. Nous aimerions vous y compter.",
            joined(&members, lang)
        ),
        (Lang::En, true) => format!("{starting}, and we would like you to be part of it."),
        (Lang::En, false) => format!(
            "{starting} for {}, and we would like you to be part of it.",
            joined(&members, lang)
        ),
    }));
    if filled(&c.purpose.mission) {
        let p = format!(
            "{}{}{}",
            w.t("Notre mission", "Our mission"),
            w.colon(),
            short(&c.purpose.mission)
        );
        w.push(Block::Paragraph(p));
    }
    let benefits = ticked_and_typed(c, FlagSet::Benefits, &c.joining.other_benefits, lang);
    if !benefits.is_empty() {
        let p = w.t(
            "Ce que vous pourrez y trouver :",
            "What you can find there:",
        );
        w.push(Block::Paragraph(p.to_string()));
        let items = w.capped(benefits);
        w.push(Block::Items(items));
    }
    let pace = rhythm(c, lang);
    if !pace.is_empty() {
        let p = format!(
            "{}{}{pace}.",
            w.t("Le rythme prévu", "The planned rhythm"),
            w.colon()
        );
        w.push(Block::Paragraph(p));
    }
    if let Some((day, time, topic)) = dated_meetings(c).into_iter().next() {
        let at = when(&day, &time, lang);
        w.push(Block::Paragraph(match (lang, topic.is_empty()) {
            (Lang::Fr, true) => format!("Première rencontre : {at}."),
            (Lang::Fr, false) => format!("Première rencontre : {at}. Au programme : {topic}."),
            (Lang::En, true) => format!("First meeting: {at}."),
            (Lang::En, false) => format!("First meeting: {at}. On the agenda: {topic}."),
        }));
    }
    w.push(Block::Paragraph(
        w.t(
            "Chacun y participe à sa mesure : venir écouter, c'est déjà en faire partie.",
            "Everyone takes part as they can: coming to listen already counts.",
        )
        .to_string(),
    ));
    let contact = names_with_role(c, Some("coordinator"))
        .into_iter()
        .chain(names_with_role(c, Some("facilitator")))
        .chain(instigators(c))
        .next();
    if let Some(contact) = contact {
        w.push(Block::Paragraph(match lang {
            Lang::Fr => {
                format!("Pour confirmer votre présence ou poser une question, écrivez à {contact}.")
            }
            Lang::En => format!("To say you are coming or to ask a question, write to {contact}."),
        }));
    }
    w.push(Block::Paragraph(
        w.t("Au plaisir de vous y voir!", "Hope to see you there!")
            .to_string(),
    ));
    // The signature, on its own line.
    let signed = instigators(c);
    if !signed.is_empty() {
        w.push(Block::Paragraph(joined(&signed, lang)));
    }
    w.blocks
}
