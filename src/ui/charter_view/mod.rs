//! The charter as a clean document to read, print or save as PDF. Empty
//! parts show as "to discuss", never hidden. User text is rendered as text.
use crate::charter::{
    choice_options, columns, flag_options, questions, Charter, ChoiceField, Lang, Part, PartKind,
};
use crate::i18n::*;
use crate::ui::platform::shown_title;
use crate::ui::readiness::ReadinessPanel;
use crate::ui::share::SharePanel;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The whole charter, question by question.
#[component]
pub fn CharterView() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let title = Memo::new(move |_| state.charter.with(|c| c.title.clone()));
    let kind = Memo::new(move |_| {
        let key = state.charter.with(|c| c.choice(ChoiceField::Kind));
        let lang = lang.get();
        choice_options(ChoiceField::Kind)
            .iter()
            .find(|o| Some(o.key) == key)
            .map(|o| o.label.get(lang))
            .unwrap_or_default()
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="charter-view">
            <div class="charter-view-tools">
                <button type="button" on:click=print>{t!(i18n, charter_print)}</button>
            </div>
            <ReadinessPanel />
            <article class="charter-doc" aria-labelledby="charter-doc-title">
                <h2 id="charter-doc-title">
                    {move || shown_title(&title.get(), t_string!(i18n, untitled))}
                </h2>
                <p class="charter-doc-kind">{t!(i18n, charter_kind)} " : " {move || kind.get()}</p>
                {questions()
                    .iter()
                    .map(|q| {
                        view! {
                            <section class="charter-doc-question">
                                <h3>{q.number} ". " {move || q.title.get(lang.get())}</h3>
                                {q.parts.iter().map(|p| view! { <CharterPart part=p /> }).collect_view()}
                            </section>
                        }
                    })
                    .collect_view()}
            </article>
            <SharePanel />
        </div>
    }
}

/// What one part says, as plain lines of text; empty when nothing is filled.
enum Shown {
    Paragraph(String),
    Items(Vec<String>),
}

fn shown(part: &Part, c: &Charter, lang: Lang, by: &dyn Fn(&str) -> String) -> Option<Shown> {
    let label_of = |opts: &'static [crate::charter::Opt], key: &str| {
        opts.iter()
            .find(|o| o.key == key)
            .map(|o| o.label.get(lang).to_string())
    };
    let out = match part.kind {
        PartKind::Text { field, .. } => Shown::Paragraph(c.text(field).trim().to_string()),
        PartKind::Choice(f) => Shown::Paragraph(
            c.choice(f)
                .and_then(|k| label_of(choice_options(f), k))
                .unwrap_or_default(),
        ),
        PartKind::Flags(s) => Shown::Items(
            flag_options(s)
                .iter()
                .filter(|o| c.flag(s, o.key))
                .map(|o| o.label.get(lang).to_string())
                .collect(),
        ),
        PartKind::Notes(l) => Shown::Items(
            c.notes(l)
                .iter()
                .filter(|n| !n.text.trim().is_empty())
                .map(|n| {
                    if n.author.trim().is_empty() {
                        n.text.trim().to_string()
                    } else {
                        format!("{} ({})", n.text.trim(), by(n.author.trim()))
                    }
                })
                .collect(),
        ),
        PartKind::Records(r) => Shown::Items(
            c.record_ids(r)
                .iter()
                .map(|id| {
                    columns(r)
                        .iter()
                        .filter_map(|col| {
                            let v = c.record_value(r, id, col.key);
                            let v = if col.options.is_empty() {
                                v
                            } else {
                                label_of(col.options, &v).unwrap_or_default()
                            };
                            (!v.trim().is_empty())
                                .then(|| format!("{} : {}", col.label.get(lang), v.trim()))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .filter(|line| !line.is_empty())
                .collect(),
        ),
    };
    match &out {
        Shown::Paragraph(p) if p.is_empty() => None,
        Shown::Items(items) if items.is_empty() => None,
        _ => Some(out),
    }
}

#[component]
fn CharterPart(part: &'static Part) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let body = move || {
        let lang = lang.get();
        let by =
            |author: &str| t_string!(i18n, charter_by, author = author.to_string()).to_string();
        match state.charter.with(|c| shown(part, c, lang, &by)) {
            None => view! { <p class="charter-doc-empty">{t!(i18n, charter_to_discuss)}</p> }.into_any(),
            Some(Shown::Paragraph(p)) => view! { <p class="charter-doc-text">{p}</p> }.into_any(),
            Some(Shown::Items(items)) => view! {
                <ul class="charter-doc-items">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
            .into_any(),
        }
    };
    view! {
        <div class="charter-doc-part" data-part=part.id>
            <h4>{move || part.label.get(lang.get())}</h4>
            {body}
        </div>
    }
}
