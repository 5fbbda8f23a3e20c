//! The charter as a clean document to read, print or save as PDF. Empty
//! parts show as "to discuss", never hidden. User text is rendered as text.
use crate::charter::{choice_options, questions, shown, ChoiceField, Part, Shown};
use crate::i18n::*;
use crate::ui::platform::{show_heading, shown_title};
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
    let title = Memo::new(move |_| state.charter.title());
    let kind = Memo::new(move |_| {
        let key = state.charter.choice(ChoiceField::Kind);
        let lang = lang.get();
        choice_options(ChoiceField::Kind)
            .iter()
            .find(|o| Some(o.key) == key)
            .map(|o| o.label.get(lang))
            .unwrap_or_default()
    });
    // The charter opens at its title, with the focus there.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            show_heading(&h);
        }
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
                <h2 id="charter-doc-title" tabindex="-1" node_ref=heading>
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

/// How a note's author is shown ("by Ana").
pub fn written_by(i18n: leptos_i18n::I18nContext<Locale>, author: &str) -> String {
    t_string!(i18n, charter_by, author = author.to_string()).to_string()
}

/// What a part says, as the charter shows it; "to discuss" when empty.
pub fn part_body(i18n: leptos_i18n::I18nContext<Locale>, shown: Option<Shown>) -> AnyView {
    match shown {
        None => view! { <p class="charter-doc-empty">{t!(i18n, charter_to_discuss)}</p> }.into_any(),
        Some(Shown::Paragraph(p)) => view! { <p class="charter-doc-text">{p}</p> }.into_any(),
        Some(Shown::Items(items)) => view! {
            <ul class="charter-doc-items">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}

#[component]
fn CharterPart(part: &'static Part) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let body = move || {
        let lang = lang.get();
        state
            .charter
            .with(|c| part_body(i18n, shown(part, c, lang, &|a| written_by(i18n, a))))
    };
    view! {
        <div class="charter-doc-part" data-part=part.id>
            <h4>{move || part.label.get(lang.get())}</h4>
            {body}
        </div>
    }
}
