//! Documents ([`Doc`]) written out for where they go: Markdown for files and
//! wikis, HTML for the clipboard (so that a paste into Outlook, Word or Teams
//! keeps its headings and lists) and plain text for e-mail bodies and chats.
//! Every string is escaped for its format: user text stays text.
//!
//! Also the whole charter as a [`Doc`], for "copy as rich text".

use super::markdown::{escape_line, one_line};
use crate::charter::{
    choice_options, option_label, questions, shown, Block, Charter, ChoiceField, Doc, Lang, Shown,
};

/// The document as Markdown.
pub fn doc_markdown(d: &Doc) -> String {
    let md = |s: &str| escape_line(&one_line(s));
    let list = |items: &[String], numbered: bool| {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if numbered {
                    format!("{}. {}", i + 1, md(item))
                } else {
                    format!("- {}", md(item))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut blocks: Vec<String> = d
        .blocks
        .iter()
        .map(|b| match b {
            Block::Title(s) => format!("# {}", md(s)),
            Block::Lead(s) => format!("**{}**", md(s)),
            Block::Heading(s) => format!("## {}", md(s)),
            Block::Subheading(s) => format!("### {}", md(s)),
            Block::Paragraph(s) => md(s),
            Block::Items(i) => list(i, false),
            Block::Numbered(i) => list(i, true),
            Block::Missing(s) => format!("_{}_", md(s)),
        })
        .collect();
    blocks.retain(|b| !b.is_empty());
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The document as an HTML fragment, with no attribute other than `lang`.
/// Escaped by hand: five characters, not worth a crate's weight in the wasm.
pub fn doc_html(d: &Doc, lang: Lang) -> String {
    let list = |tag: &str, items: &[String]| {
        let lis: String = items
            .iter()
            .map(|i| format!("<li>{}</li>", escape_html(i)))
            .collect();
        format!("<{tag}>{lis}</{tag}>")
    };
    let body: String = d
        .blocks
        .iter()
        .map(|b| match b {
            Block::Title(s) => format!("<h1>{}</h1>", escape_html(s)),
            Block::Lead(s) => format!("<p><strong>{}</strong></p>", escape_html(s)),
            Block::Heading(s) => format!("<h2>{}</h2>", escape_html(s)),
            Block::Subheading(s) => format!("<h3>{}</h3>", escape_html(s)),
            Block::Paragraph(s) => format!("<p>{}</p>", escape_html(s)),
            Block::Items(i) => list("ul", i),
            Block::Numbered(i) => list("ol", i),
            Block::Missing(s) => format!("<p><em>{}</em></p>", escape_html(s)),
        })
        .collect();
    format!("<div lang=\"{}\">{body}</div>", lang.code())
}

/// The document as plain text: blank lines between blocks, `•` and `1.` for lists.
pub fn doc_plain(d: &Doc) -> String {
    let mut out = String::new();
    for b in &d.blocks {
        let block = match b {
            Block::Title(s) | Block::Heading(s) | Block::Subheading(s) | Block::Paragraph(s) => {
                s.trim().to_string()
            }
            Block::Lead(s) | Block::Missing(s) => s.trim().to_string(),
            Block::Items(i) => i
                .iter()
                .map(|i| format!("• {}", i.trim()))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Numbered(i) => i
                .iter()
                .enumerate()
                .map(|(n, i)| format!("{}. {}", n + 1, i.trim()))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if block.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block);
    }
    out.push('\n');
    out
}

/// The colon between a label and its value, spaced the French or the English way.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

/// `& < > " '` as entities, line breaks as `<br>`.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            // "\r\n" from a pasted file is one break, not two.
            '\r' => {}
            _ => out.push(ch),
        }
    }
    out
}

/// The interface words the charter's document needs, in the reader's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharterWords {
    /// The title shown when the charter has none.
    pub untitled: String,
    /// The label before the kind of community.
    pub kind: String,
    /// What an empty part shows.
    pub to_discuss: String,
    /// How a note's author is credited, with `{}` for the name ("proposée par {}").
    pub by: String,
}

/// The whole charter as a document: its title and kind, then every question
/// and part in order, an empty part saying it is to be discussed.
pub fn charter_doc(c: &Charter, lang: Lang, words: &CharterWords) -> Doc {
    let mut blocks = vec![Block::Title(if c.title.trim().is_empty() {
        words.untitled.clone()
    } else {
        one_line(&c.title)
    })];
    let kind = c
        .choice(ChoiceField::Kind)
        .and_then(|k| option_label(choice_options(ChoiceField::Kind), k));
    if let Some(k) = kind {
        blocks.push(Block::Lead(format!(
            "{}{}{}",
            words.kind,
            colon(lang),
            k.get(lang)
        )));
    }
    let by = |a: &str| words.by.replace("{}", a);
    for q in questions() {
        blocks.push(Block::Heading(format!(
            "{}. {}",
            q.number,
            q.title.get(lang)
        )));
        for p in q.parts {
            blocks.push(Block::Subheading(p.label.get(lang).to_string()));
            blocks.push(match shown(p, c, lang, &by) {
                Some(Shown::Paragraph(s)) => Block::Paragraph(s),
                Some(Shown::Items(i)) => Block::Items(i),
                None => Block::Missing(words.to_discuss.clone()),
            });
        }
    }
    Doc { blocks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{document, example, DocKind, ListId};

    const HOSTILE: &str = "<img src=x onerror=alert(1)> & \"quotes\" 'apostrophe' [lien](javascript:alert(2)) # titre";

    fn hostile_doc() -> Doc {
        Doc {
            blocks: vec![
                Block::Title(HOSTILE.into()),
                Block::Lead(HOSTILE.into()),
                Block::Heading("Section".into()),
                Block::Paragraph(format!("{HOSTILE}\nsecond line")),
                Block::Items(vec![HOSTILE.into(), "- not a sublist".into()]),
                Block::Numbered(vec!["1. not a number".into()]),
                Block::Missing("À discuter".into()),
            ],
        }
    }

    #[test]
    fn html_keeps_structure_and_escapes_every_typed_character() {
        let html = doc_html(&hostile_doc(), Lang::Fr);
        assert!(html.starts_with("<div lang=\"fr\"><h1>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;apostrophe&#39;"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<h2>Section</h2>"));
        assert!(html.contains("<br>second line</p>"));
        assert!(html.contains("<ul><li>&lt;img"));
        assert!(html.contains("<ol><li>1. not a number</li></ol>"));
        assert!(html.contains("<p><em>À discuter</em></p>"));
        assert_eq!(html.matches('<').count(), html.matches('>').count());
    }

    #[test]
    fn markdown_and_plain_text_keep_typed_text_as_text() {
        let md = doc_markdown(&hostile_doc());
        assert!(
            md.starts_with("# &lt;img src=x onerror=alert(1)&gt; &amp;"),
            "{md}"
        );
        assert!(
            md.contains("\\[lien\\](javascript\\:alert(2)) \\# titre"),
            "{md}"
        );
        assert!(md.contains("- \\- not a sublist"), "{md}");
        assert!(md.contains("1. 1\\. not a number"), "{md}");
        assert!(md.contains("_À discuter_"));
        let plain = doc_plain(&hostile_doc());
        assert!(
            plain.starts_with(&format!("{HOSTILE}\n\n{HOSTILE}\n\nSection\n\n")),
            "{plain}"
        );
        assert!(plain.contains("• - not a sublist\n"));
        assert!(plain.contains("1. 1. not a number\n"));
    }

    #[test]
    fn the_charter_document_has_every_question_and_part_in_order() {
        let words = CharterWords {
            untitled: "Sans titre".into(),
            kind: "Type de communauté".into(),
            to_discuss: "À discuter".into(),
            by: "proposée par {}".into(),
        };
        let c = example(Lang::Fr, "ex".into(), 1.79e12);
        let d = charter_doc(&c, Lang::Fr, &words);
        let parts: usize = questions().iter().map(|q| q.parts.len()).sum();
        let subheadings = d
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Subheading(_)))
            .count();
        assert_eq!(subheadings, parts);
        assert!(!d.blocks.iter().any(|b| matches!(b, Block::Missing(_))));
        assert!(matches!(&d.blocks[1], Block::Lead(l) if l.starts_with("Type de communauté : ")));
        let empty = charter_doc(&Charter::new("e".into(), Lang::Fr, 0.0), Lang::Fr, &words);
        assert_eq!(empty.blocks[0], Block::Title("Sans titre".into()));
        let missing = empty
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Missing(_)))
            .count();
        assert_eq!(missing, parts);
        let html = doc_html(&d, Lang::Fr);
        let note = &c.notes(ListId::Goals)[0];
        assert!(
            html.contains(&escape_html(note.text.trim())),
            "a goal is in the HTML"
        );
    }

    #[test]
    fn every_launch_document_writes_out_in_every_format() {
        for lang in Lang::ALL {
            let c = example(lang, "ex".into(), 1.79e12);
            for kind in DocKind::ALL {
                let d = document(kind, &c, lang);
                let title = d.title().to_string();
                assert!(doc_markdown(&d).starts_with(&format!("# {}", escape_line(&title))));
                assert!(doc_plain(&d).starts_with(&title));
                assert!(doc_html(&d, lang).contains(&format!("<h1>{}</h1>", escape_html(&title))));
            }
        }
    }
}
