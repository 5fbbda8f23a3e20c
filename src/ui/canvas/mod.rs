//! The detailed canvas: all four questions on one long page, each zone with
//! every part's editor and how much of it is filled. The board
//! (`ui::board`) shows the same parts as cards.
pub mod notes;
pub mod part;
pub mod records;

use crate::charter::{choice_options, questions, ChoiceField, Question};
use crate::i18n::*;
use crate::ui::readiness::ReadinessPanel;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;
use part::PartEditor;

/// The board with the charter's header, the readiness advice and four zones.
#[component]
pub fn Canvas() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="canvas">
            <h2 class="visually-hidden">{t!(i18n, nav_canvas)}</h2>
            <p class="canvas-overview">
                <a href=Route::Canvas.href()>{t!(i18n, board_overview)}</a>
            </p>
            <CharterHeader />
            <ReadinessPanel />
            <div class="canvas-board">
                {questions().iter().map(|q| view! { <Zone question=q /> }).collect_view()}
            </div>
        </div>
    }
}

/// The charter's title and kind, at the top of the canvas and the guided path.
#[component]
pub fn CharterHeader() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let title = move || state.charter.title();
    let kind = Memo::new(move |_| state.charter.choice(ChoiceField::Kind));
    let set_title = move |ev| {
        let v = event_target_value(&ev);
        state.edit(|c, now| c.set_title(v, now));
    };
    let set_kind = move |ev| {
        let v = event_target_value(&ev);
        state.edit(|c, now| c.set_choice(ChoiceField::Kind, Some(&v), now));
    };
    let options = choice_options(ChoiceField::Kind)
        .iter()
        .map(|o| {
            view! {
                <option value=o.key selected=move || kind.get() == Some(o.key)>
                    {move || o.label.get(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="charter-header">
            <div class="charter-header-field charter-header-title">
                <label for="charter-title">{t!(i18n, header_title_label)}</label>
                <input id="charter-title" type="text" prop:value=title on:input=set_title
                    placeholder=move || t_string!(i18n, header_title_placeholder) />
            </div>
            <div class="charter-header-field">
                <label for="charter-kind">{t!(i18n, header_kind_label)}</label>
                <select id="charter-kind" on:change=set_kind prop:value=move || kind.get().unwrap_or_default()>
                    {options}
                </select>
            </div>
        </div>
    }
}

/// How many parts are filled, in words: French puts 0 and 1 in the singular.
pub fn fill_text(i18n: leptos_i18n::I18nContext<Locale>, filled: usize, total: usize) -> String {
    match filled {
        0 => t_string!(i18n, fill_label_none, total = total).to_string(),
        1 => t_string!(i18n, fill_label_one, total = total).to_string(),
        _ => t_string!(i18n, fill_label, filled = filled, total = total).to_string(),
    }
}

/// How many parts of a question are filled, said in words and as a bar.
#[component]
pub fn FillIndicator(question: &'static Question) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let fill = Memo::new(move |_| {
        let filled = question
            .parts
            .iter()
            .filter(|p| state.charter.filled(p))
            .count();
        (filled, question.parts.len())
    });
    view! {
        <p class="fill">
            <meter min="0" max=move || fill.get().1 value=move || fill.get().0 aria-hidden="true"></meter>
            <span class="fill-text">
                {move || {
                    let (filled, total) = fill.get();
                    fill_text(i18n, filled, total)
                }}
            </span>
        </p>
    }
}

/// A question's number, title and how full it is, heading its zone on the
/// detailed canvas or its column on the board; `id` names the heading.
#[component]
pub fn QuestionHeading(question: &'static Question, id: String) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    view! {
        <h3 id=id>
            <span class="canvas-zone-number">{question.number}</span>
            {move || question.title.get(lang.get())}
        </h3>
        <FillIndicator question />
    }
}

#[component]
fn Zone(question: &'static Question) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let heading = format!("zone-{}", question.slug);
    view! {
        <section class="canvas-zone" aria-labelledby=heading.clone() data-question=question.slug>
            <QuestionHeading question id=heading.clone() />
            <p class="canvas-zone-prompt">{move || question.prompt.get(lang.get())}</p>
            {question.parts.iter().map(|p| view! { <PartEditor part=p /> }).collect_view()}
        </section>
    }
}
