//! Documents made from the charter for people outside the planning group:
//! the one-page pitch for the sponsor, the invitation to potential members
//! and the kick-off agenda; and the charter's own one-page summary. Each is a short list of [`Block`]s in the
//! reader's language; the app shows them as text, and `format/` writes them
//! as Markdown, HTML (for the clipboard) or plain text.
//!
//! They only read the charter: what is still empty says "to discuss", and
//! long lists and texts are shortened so that a pitch stays one page.

mod agenda;
mod invitation;
mod pitch;
mod summary;

use super::model::{filled, Charter};
use super::questions::{columns, option_label, CellInput};
use super::rows::RecordList;
use super::text::{cut_at_word, format_day, Lang, Text};

/// The documents the app makes from a charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// One page for the sponsor and management.
    Pitch,
    /// A short message to potential members.
    Invitation,
    /// The agenda of the kick-off meeting.
    Agenda,
}

impl DocKind {
    /// Every document, in the order the app offers them.
    pub const ALL: [DocKind; 3] = [DocKind::Pitch, DocKind::Invitation, DocKind::Agenda];

    /// A stable name, used in addresses (`#/documents/pitch`) and file names.
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::Pitch => "pitch",
            DocKind::Invitation => "invitation",
            DocKind::Agenda => "agenda",
        }
    }

    /// The document with this slug, if any.
    pub fn from_slug(slug: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// What the document is called, in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            DocKind::Pitch => Text::new("Présentation à la direction", "Pitch for management"),
            DocKind::Invitation => Text::new("Invitation aux membres", "Invitation to members"),
            DocKind::Agenda => Text::new("Ordre du jour du lancement", "Kick-off agenda"),
        }
        .get(lang)
    }
}

/// One block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The document's title, first and only once.
    Title(String),
    /// A short line under the title: for whom, by whom, when.
    Lead(String),
    /// A section heading.
    Heading(String),
    /// A heading within a section.
    Subheading(String),
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    Items(Vec<String>),
    /// A numbered list.
    Numbered(Vec<String>),
    /// A section that is still empty in the charter ("to discuss").
    Missing(String),
}

/// A document made from a charter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Its blocks, the title first.
    pub blocks: Vec<Block>,
}

impl Doc {
    /// The title block's text.
    pub fn title(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// The document `kind` made from `c`, worded in `lang`.
pub fn document(kind: DocKind, c: &Charter, lang: Lang) -> Doc {
    let blocks = match kind {
        DocKind::Pitch => pitch::blocks(c, lang),
        DocKind::Invitation => invitation::blocks(c, lang),
        DocKind::Agenda => agenda::blocks(c, lang),
    };
    Doc { blocks }
}

/// The charter's one-page summary, between its cover and its details.
pub fn summary(c: &Charter, lang: Lang) -> Doc {
    Doc {
        blocks: summary::blocks(c, lang),
    }
}

/// Who prepared the charter and for whom, as its cover says them; empty
/// when the charter does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cover {
    /// The instigators' names, joined ("A, B et C").
    pub prepared_by: String,
    /// The sponsor: name and position.
    pub for_whom: String,
}

/// The cover's lines of `c`, in `lang`.
pub fn cover(c: &Charter, lang: Lang) -> Cover {
    Cover {
        prepared_by: joined(&instigators(c), lang),
        for_whom: sponsor(c),
    }
}

/// At most this many items of one list go into a document.
const MAX_ITEMS: usize = 6;
/// The pitch keeps to one page: fewer items per list.
const PITCH_ITEMS: usize = 5;
/// Longer paragraphs are cut at a word, with an ellipsis.
const MAX_CHARS: usize = 420;
/// The pitch keeps to one page: shorter items and paragraphs.
const PITCH_CHARS: usize = 160;

/// Builds a document's blocks, with the words shared by every document.
struct Writer {
    lang: Lang,
    blocks: Vec<Block>,
    /// At most this many items per list.
    max_items: usize,
    /// At most this many characters per item of a list.
    max_chars: usize,
}

impl Writer {
    fn new(lang: Lang) -> Writer {
        Writer {
            lang,
            blocks: Vec::new(),
            max_items: MAX_ITEMS,
            max_chars: MAX_CHARS,
        }
    }

    /// The pitch's writer: fewer and shorter items, so it keeps to a page.
    fn brief(lang: Lang) -> Writer {
        Writer {
            max_items: PITCH_ITEMS,
            max_chars: PITCH_CHARS,
            ..Writer::new(lang)
        }
    }

    /// The text on one line, cut at `max_chars`.
    fn clip(&self, text: &str) -> String {
        cut_at_word(text, self.max_chars)
    }

    /// Items on one line, "A, B et C", at most `max_items`, the last
    /// saying how many were left out.
    fn inline(&self, items: Vec<String>) -> String {
        let items = self.cap(items, |more| match self.lang {
            Lang::Fr => format!("{more} autres"),
            Lang::En => format!("{more} more"),
        });
        joined(&items, self.lang)
    }

    /// The items, each cut at `max_chars`; past `max_items`, the last one
    /// is what `more` says of how many were left out.
    fn cap(&self, items: Vec<String>, more: impl Fn(usize) -> String) -> Vec<String> {
        let max = self.max_items;
        let mut items: Vec<String> = items.iter().map(|i| self.clip(i)).collect();
        if items.len() > max {
            let left = items.len() - (max - 1);
            items.truncate(max - 1);
            items.push(more(left));
        }
        items
    }

    fn t(&self, fr: &'static str, en: &'static str) -> &'static str {
        Text::new(fr, en).get(self.lang)
    }

    fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    fn heading(&mut self, fr: &'static str, en: &'static str) {
        let h = self.t(fr, en).to_string();
        self.push(Block::Heading(h));
    }

    fn missing(&mut self) {
        let m = self.t("À discuter", "To discuss").to_string();
        self.push(Block::Missing(m));
    }

    /// A bulleted list of the items, at most `max_items`, or "to discuss".
    fn items_or_missing(&mut self, items: Vec<String>) {
        if items.is_empty() {
            self.missing();
        } else {
            let items = self.capped(items);
            self.push(Block::Items(items));
        }
    }

    /// A numbered list of the items, at most `max_items`, or "to discuss".
    fn numbered_or_missing(&mut self, items: Vec<String>) {
        if items.is_empty() {
            self.missing();
        } else {
            let items = self.capped(items);
            self.push(Block::Numbered(items));
        }
    }

    /// The first `max_items` items, the last one saying how many were left out.
    fn capped(&self, items: Vec<String>) -> Vec<String> {
        self.cap(items, |more| match self.lang {
            Lang::Fr => format!("… et {more} autres (voir la charte)"),
            Lang::En => format!("… and {more} more (see the charter)"),
        })
    }

    /// A dated meeting as a list item: "24 septembre 2026, 15 h 45 : topic".
    fn meeting(&self, (day, time, topic): (String, String, String)) -> String {
        let at = when(&day, &time, self.lang);
        if topic.is_empty() {
            at
        } else {
            format!("{at}{}{topic}", self.colon())
        }
    }

    /// The parts that are not empty, joined by the colon ("Budget : 1 500 $").
    fn labelled(&self, parts: [String; 2]) -> String {
        parts
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(self.colon())
    }

    /// The colon between a label and its value, spaced the French or the English way.
    fn colon(&self) -> &'static str {
        match self.lang {
            Lang::Fr => " : ",
            Lang::En => ": ",
        }
    }
}

/// The text on one line, trimmed, cut at [`MAX_CHARS`] at a word boundary.
fn short(text: &str) -> String {
    cut_at_word(text, MAX_CHARS)
}

/// Names joined as a reader says them: "A", "A et B", "A, B et C".
fn joined(names: &[String], lang: Lang) -> String {
    let and = Text::new(" et ", " and ").get(lang);
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// What one cell of a row shows: the option's label, the day as written in
/// `lang`, or the text on one line; empty when blank.
fn cell(c: &Charter, r: RecordList, id: &str, key: &str, lang: Lang) -> String {
    let raw = c.record_value(r, id, key);
    let Some(col) = columns(r).iter().find(|col| col.key == key) else {
        return String::new();
    };
    if !col.options.is_empty() {
        return option_label(col.options, raw.trim())
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default();
    }
    match col.input {
        CellInput::Date => format_day(raw.trim(), lang),
        CellInput::Text | CellInput::Time => short(&raw),
    }
}

/// The boxes ticked in `set`, then the group's own words in `others`.
fn ticked_and_typed(
    c: &Charter,
    set: super::model::FlagSet,
    others: &[super::notes::Note],
    lang: Lang,
) -> Vec<String> {
    let mut out: Vec<String> = super::questions::flag_options(set)
        .iter()
        .filter(|o| c.flag(set, o.key))
        .map(|o| o.label.get(lang).to_string())
        .collect();
    out.extend(note_texts(others));
    out
}

/// The filled texts of a list of notes, each on one line.
fn note_texts(notes: &[super::notes::Note]) -> Vec<String> {
    notes
        .iter()
        .filter(|n| filled(&n.text))
        .map(|n| short(&n.text))
        .collect()
}

/// The names of the rows of `r` whose `kind` column is `kind` (any kind if `None`).
fn names_with_role(c: &Charter, kind: Option<&str>) -> Vec<String> {
    c.record_ids(RecordList::Roles)
        .iter()
        .filter(|id| kind.is_none_or(|k| c.record_value(RecordList::Roles, id, "kind") == k))
        .map(|id| short(&c.record_value(RecordList::Roles, id, "name")))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The sponsor: name and position.
fn sponsor(c: &Charter) -> String {
    [
        short(&c.carriers.sponsor_name),
        short(&c.carriers.sponsor_role),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// The instigators' names.
fn instigators(c: &Charter) -> Vec<String> {
    c.carriers
        .instigators
        .iter()
        .map(|i| short(&i.name))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The first meetings that have a day, earliest first: (day, time, topic).
fn dated_meetings(c: &Charter) -> Vec<(String, String, String)> {
    let mut m: Vec<(String, String, String)> = c
        .launch
        .meetings
        .iter()
        .filter(|m| super::text::parse_day(&m.date).is_some())
        .map(|m| {
            (
                m.date.trim().to_string(),
                m.time.trim().to_string(),
                short(&m.topic),
            )
        })
        .collect();
    // By day, then by the time of day ("9:00" before "10:00"); a meeting
    // without a time comes first in its day.
    m.sort_by_key(|(day, time, _)| (super::text::parse_day(day), super::text::parse_time(time)));
    m
}

/// A meeting as a reader says it: "24 septembre 2026, 15 h 45" / "September 24, 2026, 3:45 PM".
fn when(day: &str, time: &str, lang: Lang) -> String {
    let day = format_day(day, lang);
    match clock(time, lang) {
        Some(t) => format!("{day}, {t}"),
        None => day,
    }
}

/// A time `HH:MM` as written in `lang` ("15 h 45", "3:45 PM"), `None` if not one.
fn clock(time: &str, lang: Lang) -> Option<String> {
    let (h, m) = super::text::parse_time(time)?;
    Some(match lang {
        Lang::Fr if m == 0 => format!("{h} h"),
        Lang::Fr => format!("{h} h {m:02}"),
        Lang::En => {
            let (h12, half) = match h {
                0 => (12, "AM"),
                1..=11 => (h, "AM"),
                12 => (12, "PM"),
                _ => (h - 12, "PM"),
            };
            format!("{h12}:{m:02} {half}")
        }
    })
}

/// The rhythm in one line: frequency · duration · mode; empty if none is given.
fn rhythm(c: &Charter, lang: Lang) -> String {
    let mode = c
        .launch
        .mode
        .and_then(|m| {
            option_label(
                super::questions::choice_options(super::model::ChoiceField::Mode),
                super::choices::Keyed::key(m),
            )
        })
        .map(|t| t.get(lang).to_string())
        .unwrap_or_default();
    [short(&c.launch.frequency), short(&c.launch.duration), mode]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests;
