//! The charter as Markdown ("copy as Markdown"): the title, the kind, then every
//! question and part in order; an empty part says it is to be discussed rather
//! than disappearing. Whatever a user typed is escaped, so it cannot add links,
//! images, HTML or structure (headings, lists, quotes, tables, code).

use crate::charter::{
    choice_options, columns, flag_options, format_day, option_label, questions, CellInput, Charter,
    ChoiceField, Lang, Note, Part, PartKind, RecordList,
};

/// The interface words of the Markdown, in the reader's language (from the i18n layer).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkdownLabels {
    /// The title shown when the charter has none.
    pub untitled: String,
    /// The label of the line giving the kind of community (e.g. "Type de communauté").
    pub kind: String,
    /// What an empty part shows, in italics (e.g. "À discuter").
    pub to_discuss: String,
    /// The words before a note's author (e.g. "proposée par").
    pub suggested_by: String,
}

/// The charter as a Markdown document; question, part and choice labels in `lang`.
pub fn to_markdown(c: &Charter, lang: Lang, labels: &MarkdownLabels) -> String {
    let title = if c.title.trim().is_empty() {
        labels.untitled.clone()
    } else {
        escape_line(&one_line(&c.title))
    };
    let mut blocks = vec![format!("# {title}")];
    if let Some(kind) = choice_label(c, ChoiceField::Kind, lang) {
        blocks.push(format!("{}{}{kind}", labels.kind, colon(lang)));
    }
    for q in questions() {
        blocks.push(format!("## {}. {}", q.number, q.title.get(lang)));
        for part in q.parts {
            blocks.push(format!("### {}", part.label.get(lang)));
            let body = part_body(c, part, lang, labels);
            blocks.push(body.unwrap_or_else(|| format!("_{}_", labels.to_discuss)));
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The content of one part, `None` when there is nothing to show.
fn part_body(c: &Charter, part: &Part, lang: Lang, labels: &MarkdownLabels) -> Option<String> {
    match part.kind {
        PartKind::Text { field, .. } => escape_block(c.text(field), ""),
        PartKind::Date(field) => escape_block(&format_day(c.text(field), lang), ""),
        PartKind::Choice(f) => choice_label(c, f, lang).map(str::to_string),
        PartKind::Flags(s) => bullets(
            flag_options(s)
                .iter()
                .filter(|o| c.flag(s, o.key))
                .map(|o| o.label.get(lang).to_string()),
        ),
        PartKind::Notes(l) => bullets(c.notes(l).iter().filter_map(|n| note_item(n, labels))),
        PartKind::Records(r) => bullets(
            c.record_ids(r)
                .iter()
                .filter_map(|id| row_item(c, r, id, lang)),
        ),
    }
}

/// The label of the option chosen for a choice field.
fn choice_label(c: &Charter, f: ChoiceField, lang: Lang) -> Option<&'static str> {
    let key = c.choice(f)?;
    option_label(choice_options(f), key).map(|t| t.get(lang))
}

/// A bullet list of the items, `None` if there are none.
fn bullets(items: impl Iterator<Item = String>) -> Option<String> {
    let lines: Vec<String> = items.map(|i| format!("- {i}")).collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// A note as a list item: its text, then its author in parentheses; `None` for a blank note.
fn note_item(n: &Note, labels: &MarkdownLabels) -> Option<String> {
    let text = escape_block(&n.text, "  ")?;
    let author = escape_line(&one_line(&n.author));
    if author.is_empty() {
        Some(text)
    } else {
        Some(format!("{text} ({} {author})", labels.suggested_by))
    }
}

/// A row as a list item, `Label : value · Label : value` over its filled columns; `None` for a blank row.
fn row_item(c: &Charter, r: RecordList, id: &str, lang: Lang) -> Option<String> {
    let cells: Vec<String> = columns(r)
        .iter()
        .filter_map(|col| {
            let raw = c.record_value(r, id, col.key);
            let raw = match col.input {
                CellInput::Date => format_day(&raw, lang),
                CellInput::Text | CellInput::Time => raw,
            };
            let value = if col.options.is_empty() {
                escape_block(&raw, "  ")?
            } else {
                option_label(col.options, &raw)?.get(lang).to_string()
            };
            Some(format!("{}{}{value}", col.label.get(lang), colon(lang)))
        })
        .collect();
    (!cells.is_empty()).then(|| cells.join(" · "))
}

/// The colon between a label and its value, spaced the French or the English way.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

/// The text on one line: its non-blank lines, trimmed and joined by spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// User text kept on several lines: each non-blank line escaped, joined by hard
/// breaks (`\` at the line end), continuation lines indented by `indent`; `None` if blank.
fn escape_block(text: &str, indent: &str) -> Option<String> {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect();
    (!lines.is_empty()).then(|| lines.join(&format!("\\\n{indent}")))
}

/// Escapes one trimmed line of user text so it renders as the same plain text.
///
/// Everywhere: backslash-escapes the characters that make emphasis, code, links,
/// images, tables, strikethrough and headings (`\ ` * _ { } [ ] # | ~`), turns
/// `< > &` into entities (no HTML, no autolink, no entity), and breaks
/// `javascript:` and `vbscript:`. At the line start, also escapes what would
/// start a list, a setext underline or an ordered list (`- + =`, `1.`, `1)`).
pub(crate) fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 8);
    let leading_digits = line.bytes().take_while(u8::is_ascii_digit).count();
    for (i, ch) in line.char_indices() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(ch);
            }
            '.' | ')' if leading_digits > 0 && i == leading_digits => {
                out.push('\\');
                out.push(ch);
            }
            ':' if ends_with_script_scheme(&out) => out.push_str("\\:"),
            _ => out.push(ch),
        }
    }
    out
}

/// Whether the text ends with a script URL scheme name (`javascript`, `vbscript`), in any case.
fn ends_with_script_scheme(text: &str) -> bool {
    ["javascript", "vbscript"].iter().any(|scheme| {
        text.len()
            .checked_sub(scheme.len())
            .and_then(|start| text.get(start..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(scheme))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, ListId, TextField};

    fn labels() -> MarkdownLabels {
        MarkdownLabels {
            untitled: "Charte sans titre".into(),
            kind: "Type de communauté".into(),
            to_discuss: "À discuter".into(),
            suggested_by: "proposée par".into(),
        }
    }

    fn parts() -> impl Iterator<Item = &'static Part> {
        questions().iter().flat_map(|q| q.parts.iter())
    }

    const HOSTILE: [&str; 8] = [
        "<script>alert(1)</script>",
        "[clic](javascript:alert(1))",
        "![img](http://x/y.png)",
        "# titre",
        "- item",
        "> quote",
        "1. premier",
        "```\ncode\n```",
    ];

    /// Whether any line of the Markdown, outside the ones we wrote, starts a block.
    fn assert_inert(md: &str) {
        assert!(!md.contains("<script"), "{md}");
        assert!(!md.replace("\\]", "").contains("]("), "{md}");
        assert!(!md.contains("javascript:"), "{md}");
        assert!(!md.contains("!["), "{md}");
        assert!(!md.contains("```"), "{md}");
        for line in md.lines() {
            let t = line.trim_start();
            assert!(
                !(t.starts_with("# titre")
                    || t.starts_with("- item")
                    || t.starts_with('>')
                    || t.starts_with("1. ")),
                "{line}"
            );
        }
    }

    #[test]
    fn hostile_text_comes_out_escaped() {
        for hostile in HOSTILE {
            let mut c = Charter::new("x".into(), Lang::Fr, 1.0);
            c.set_title(hostile.into(), 1.0);
            c.set_text(TextField::Mission, hostile.into(), 1.0);
            c.set_text(
                TextField::Vision,
                format!("ligne\n{hostile}\n{hostile}"),
                1.0,
            );
            c.add_note(ListId::Goals, "n".into(), hostile.into(), 1.0);
            c.set_note_author("n", hostile.into(), 1.0);
            c.add_note(ListId::Themes, "m".into(), format!("a\n{hostile}"), 1.0);
            c.add_record(RecordList::Instigators, "r".into(), 1.0);
            c.set_record_value(RecordList::Instigators, "r", "name", hostile.into(), 1.0);
            let md = to_markdown(&c, Lang::Fr, &labels());
            assert_inert(&md);
        }
    }

    #[test]
    fn escapes_are_exact() {
        assert_eq!(
            escape_line("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape_line("[clic](javascript:alert(1))"),
            "\\[clic\\](javascript\\:alert(1))"
        );
        assert_eq!(
            escape_line("![img](http://x/y.png)"),
            "!\\[img\\](http://x/y.png)"
        );
        assert_eq!(escape_line("# titre"), "\\# titre");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("> quote"), "&gt; quote");
        assert_eq!(escape_line("12) point"), "12\\) point");
        assert_eq!(escape_line("2.5 heures"), "2\\.5 heures");
        assert_eq!(escape_line("===="), "\\====");
        assert_eq!(
            escape_line("a_b*c`d~e|f\\g&h"),
            "a\\_b\\*c\\`d\\~e\\|f\\\\g&amp;h"
        );
        assert_eq!(
            escape_line("JavaScript:x VBScript:y"),
            "JavaScript\\:x VBScript\\:y"
        );
        assert_eq!(
            escape_line("Sciences : été, 1er cycle."),
            "Sciences : été, 1er cycle."
        );
        let long = "a".repeat(10_000);
        assert_eq!(escape_line(&long), long);
        assert_eq!(escape_line(&"_".repeat(5_000)), "\\_".repeat(5_000));
    }

    #[test]
    fn lines_become_hard_breaks_inside_a_block() {
        assert_eq!(
            escape_block("  un\n\n   - deux \r\n", "  ").as_deref(),
            Some("un\\\n  \\- deux")
        );
        assert_eq!(escape_block(" \n\t", ""), None);
    }

    #[test]
    fn the_example_shows_every_part() {
        for lang in Lang::ALL {
            let c = example(lang, "e".into(), 1.0);
            let md = to_markdown(&c, lang, &labels());
            assert!(
                md.starts_with(&format!("# {}\n\n", escape_line(&c.title))),
                "{md}"
            );
            for q in questions() {
                assert!(md.contains(&format!("\n## {}. {}\n", q.number, q.title.get(lang))));
            }
            for p in parts() {
                assert!(
                    md.contains(&format!("\n### {}\n", p.label.get(lang))),
                    "{}",
                    p.id
                );
                if !p.is_filled(&c) {
                    panic!("the example leaves {} empty", p.id);
                }
            }
            assert!(!md.contains("_À discuter_"), "{md}");
            assert!(md.contains("Geneviève Tremblay"));
        }
    }

    #[test]
    fn an_empty_charter_shows_every_part_as_to_discuss() {
        let c = Charter::new("x".into(), Lang::Fr, 1.0);
        let md = to_markdown(&c, Lang::Fr, &labels());
        assert!(md.starts_with(
            "# Charte sans titre\n\nType de communauté : Communauté de pratique (CoP)\n\n"
        ));
        assert_eq!(md.matches("\n_À discuter_").count(), parts().count());
        for p in parts() {
            let heading = format!("### {}\n\n_À discuter_", p.label.get(Lang::Fr));
            assert!(md.contains(&heading), "{heading}");
        }
    }

    #[test]
    fn blank_notes_and_rows_are_to_discuss() {
        let mut c = Charter::new("x".into(), Lang::En, 1.0);
        c.add_note(ListId::Goals, "n".into(), "  \n ".into(), 1.0);
        c.add_record(RecordList::Resources, "r".into(), 1.0);
        let md = to_markdown(&c, Lang::En, &labels());
        assert!(md.contains("### Goals\n\n_À discuter_"), "{md}");
        assert!(md.contains("### Resources\n\n_À discuter_"), "{md}");
    }

    #[test]
    fn content_is_laid_out_as_documented() {
        let mut c = Charter::new("x".into(), Lang::Fr, 1.0);
        c.set_title("Labos *vivants*".into(), 1.0);
        c.set_text(TextField::Mission, "Aider.\nPartager.".into(), 1.0);
        c.set_choice(ChoiceField::Origin, Some("steered"), 1.0);
        c.toggle_flag(crate::charter::FlagSet::Problems, "break_isolation", 1.0);
        c.add_note(ListId::Goals, "a".into(), "Bâtir une banque".into(), 1.0);
        c.set_note_author("a", "Karim".into(), 1.0);
        c.add_note(ListId::Goals, "b".into(), "Sans auteur".into(), 1.0);
        c.add_record(RecordList::Resources, "r".into(), 1.0);
        c.set_record_value(RecordList::Resources, "r", "kind", "money".into(), 1.0);
        c.set_record_value(RecordList::Resources, "r", "detail", "1 500 $".into(), 1.0);
        let md = to_markdown(&c, Lang::Fr, &labels());
        assert!(md.starts_with("# Labos \\*vivants\\*\n\n"), "{md}");
        assert!(md.contains("## 1. Qui porte le projet?\n\n### Origine de la démarche\n\nPilotée par l'organisation\n\n"));
        assert!(
            md.contains("### Mission\n\nAider.\\\nPartager.\n\n"),
            "{md}"
        );
        assert!(md.contains("\n- Sortir de l'isolement\n"), "{md}");
        assert!(
            md.contains("- Bâtir une banque (proposée par Karim)\n- Sans auteur\n"),
            "{md}"
        );
        assert!(
            md.contains("- Type : Budget · Précisions : 1 500 $\n"),
            "{md}"
        );
        assert!(md.ends_with("_À discuter_\n"));
        let en = to_markdown(&c, Lang::En, &labels());
        assert!(en.contains("- Type: Funding · Details: 1 500 $\n"), "{en}");
    }
}
