//! The one-page pitch for the sponsor: why the community, what it asks of
//! management, what management gets back, and what comes next.

use super::{
    cell, dated_meetings, instigators, note_texts, rhythm, short, sponsor, ticked_and_typed, Block,
    Writer, PITCH_CHARS,
};
use crate::charter::model::{filled, Charter, ChoiceField, FlagSet};
use crate::charter::questions::{choice_options, option_label};
use crate::charter::rows::RecordList;
use crate::charter::text::{cut_at_word, format_day, Lang};

pub(super) fn blocks(c: &Charter, lang: Lang) -> Vec<Block> {
    let mut w = Writer::brief(lang);
    let title = if filled(&c.title) {
        short(&c.title)
    } else {
        w.t("Notre communauté de pratique", "Our community of practice")
            .to_string()
    };
    w.push(Block::Title(title));
    let sponsor = w.clip(&sponsor(c));
    let kind = option_label(choice_options(ChoiceField::Kind), c.kind.key())
        .map(|t| t.get(lang).to_string())
        .unwrap_or_default();
    w.push(Block::Lead(if sponsor.is_empty() {
        match lang {
            Lang::Fr => format!("{kind} : une proposition à la direction"),
            Lang::En => format!("{kind}: a proposal to management"),
        }
    } else {
        match lang {
            Lang::Fr => format!("{kind} : une proposition présentée à {sponsor}"),
            Lang::En => format!("{kind}: a proposal presented to {sponsor}"),
        }
    }));
    let carriers = instigators(c);
    if !carriers.is_empty() {
        let names = w.inline(carriers);
        w.push(Block::Lead(match lang {
            Lang::Fr => format!("Portée par {names}"),
            Lang::En => format!("Carried by {names}"),
        }));
    }

    w.heading("Pourquoi cette communauté", "Why this community");
    let before = w.blocks.len();
    if filled(&c.purpose.mission) {
        let p = format!(
            "{}{}{}",
            w.t("Sa mission", "Its mission"),
            w.colon(),
            cut_at_word(&c.purpose.mission, 2 * PITCH_CHARS)
        );
        w.push(Block::Paragraph(p));
    }
    let members = note_texts(&c.purpose.members);
    if !members.is_empty() {
        let p = format!(
            "{}{}{}",
            w.t("Pour qui", "Who it is for"),
            w.colon(),
            w.inline(members)
        );
        w.push(Block::Paragraph(p));
    }
    let problems = ticked_and_typed(c, FlagSet::Problems, &c.purpose.other_problems, lang);
    if !problems.is_empty() {
        let h = w.t(
            "Les problèmes auxquels elle s'attaque :",
            "The problems it takes on:",
        );
        w.push(Block::Paragraph(h.to_string()));
        let items = w.capped(problems);
        w.push(Block::Items(items));
    }
    if w.blocks.len() == before {
        w.missing();
    }

    w.heading("Ce que nous demandons", "What we are asking for");
    let mut asked: Vec<String> = c
        .record_ids(RecordList::Resources)
        .iter()
        .filter_map(|id| {
            let kind = cell(c, RecordList::Resources, id, "kind", lang);
            let detail = cell(c, RecordList::Resources, id, "detail", lang);
            let status = cell(c, RecordList::Resources, id, "status", lang);
            let head = w.labelled([kind, detail]);
            (!head.is_empty()).then(|| {
                if status.is_empty() {
                    head
                } else {
                    format!("{head} ({})", status.to_lowercase())
                }
            })
        })
        .collect();
    asked.extend(
        c.record_ids(RecordList::Agreements)
            .iter()
            .filter_map(|id| {
                let kind = cell(c, RecordList::Agreements, id, "kind", lang);
                let detail = cell(c, RecordList::Agreements, id, "detail", lang);
                let line = w.labelled([kind, detail]);
                (!line.is_empty()).then_some(line)
            }),
    );
    let pace = rhythm(c, lang);
    if !pace.is_empty() {
        asked.push(format!(
            "{}{}{pace}",
            w.t("Rythme des rencontres", "Meeting rhythm"),
            w.colon()
        ));
    }
    let platforms: Vec<String> = c
        .record_ids(RecordList::Tools)
        .iter()
        .map(|id| cell(c, RecordList::Tools, id, "name", lang))
        .filter(|n| !n.is_empty())
        .collect();
    if !platforms.is_empty() {
        asked.push(format!(
            "{}{}{}",
            w.t("Outils et lieux", "Tools and places"),
            w.colon(),
            w.inline(platforms)
        ));
    }
    w.items_or_missing(asked);

    w.heading("Ce que la direction y gagne", "What management gets back");
    let mut gains: Vec<String> = c
        .record_ids(RecordList::Value)
        .iter()
        .filter_map(|id| {
            // "Immédiate : la rencontre a été utile" → "Immédiate".
            let cycle = cell(c, RecordList::Value, id, "cycle", lang);
            let cycle = cycle
                .split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let expected = cell(c, RecordList::Value, id, "expected", lang);
            let indicator = cell(c, RecordList::Value, id, "indicator", lang);
            if expected.is_empty() {
                return None;
            }
            let mut line = if cycle.is_empty() {
                expected
            } else {
                format!("{cycle}{}{expected}", w.colon())
            };
            if !indicator.is_empty() {
                line.push_str(&match lang {
                    Lang::Fr => format!(" (indicateur : {indicator})"),
                    Lang::En => format!(" (indicator: {indicator})"),
                });
            }
            Some(line)
        })
        .collect();
    let artefacts = note_texts(&c.joining.artefacts);
    if !artefacts.is_empty() {
        gains.push(format!(
            "{}{}{}",
            w.t("Ce qu'elle produira", "What it will produce"),
            w.colon(),
            w.inline(artefacts)
        ));
    }
    let beneficiaries = note_texts(&c.purpose.beneficiaries);
    if !beneficiaries.is_empty() {
        gains.push(format!(
            "{}{}{}",
            w.t("Au bénéfice de", "For the benefit of"),
            w.colon(),
            w.inline(beneficiaries)
        ));
    }
    w.items_or_missing(gains);
    if filled(&c.launch.review_date) {
        let day = format_day(c.launch.review_date.trim(), lang);
        w.push(Block::Paragraph(match lang {
            Lang::Fr => format!("Nous ferons le point avec vous le {day}."),
            Lang::En => format!("We will review it with you on {day}."),
        }));
    }

    w.heading("Les prochaines étapes", "Next steps");
    let steps: Vec<String> = dated_meetings(c)
        .into_iter()
        .take(3)
        .map(|m| w.meeting(m))
        .collect();
    w.items_or_missing(steps);
    w.blocks
}
