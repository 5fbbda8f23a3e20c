//! The guided path: one question at a time, with its hints, previous / next
//! and progress. Each step has its own address (`#/guide/2`).
use crate::charter::questions;
use crate::i18n::*;
use crate::ui::canvas::part::PartEditor;
use crate::ui::canvas::{CharterHeader, FillIndicator};
use crate::ui::documents::DocumentLinks;
use crate::ui::platform::show_heading;
use crate::ui::readiness::ReadinessPanel;
use crate::ui::route::{Route, GUIDE_STEPS};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One step of the guided path, numbered from 1.
#[component]
pub fn Guide(step: u8) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let index = usize::from(step.clamp(1, GUIDE_STEPS) - 1);
    // Each step opens at its question, with the focus there.
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            show_heading(&h);
        }
    });
    let Some(question) = questions().get(index) else {
        return ().into_any();
    };
    let prev = (step > 1).then(|| {
        view! { <a class="guide-prev" rel="prev" href=Route::Guide(step - 1).href()>{t!(i18n, guide_prev)}</a> }
    });
    let next = if step < GUIDE_STEPS {
        view! { <a class="guide-next" rel="next" href=Route::Guide(step + 1).href()>{t!(i18n, guide_next)}</a> }
            .into_any()
    } else {
        view! { <a class="guide-next" href=Route::Charter.href()>{t!(i18n, guide_finish)}</a> }
            .into_any()
    };
    view! {
        <div class="guide">
            <h2 class="visually-hidden">{t!(i18n, guide_label)}</h2>
            {(step == 1).then(|| view! { <CharterHeader /> })}
            <p class="guide-progress" id="guide-progress">
                {t!(i18n, guide_step, n = step, total = GUIDE_STEPS)}
            </p>
            <progress max=GUIDE_STEPS value=step aria-labelledby="guide-progress"></progress>
            <ReadinessPanel only=question />
            <section class="guide-step" aria-labelledby="guide-question">
                <h3 id="guide-question" tabindex="-1" node_ref=heading>
                    <span class="canvas-zone-number">{question.number}</span>
                    {move || question.title.get(lang.get())}
                </h3>
                <FillIndicator question />
                <p class="guide-prompt">{move || question.prompt.get(lang.get())}</p>
                <aside class="guide-hints" aria-labelledby="guide-hints-title">
                    <h4 id="guide-hints-title">{t!(i18n, guide_hints)}</h4>
                    <ul>
                        {question.hints.iter().map(|h| view! { <li>{move || h.get(lang.get())}</li> }).collect_view()}
                    </ul>
                </aside>
                <div class="guide-parts">
                    {question.parts.iter().map(|p| view! { <PartEditor part=p /> }).collect_view()}
                </div>
                {(step == GUIDE_STEPS).then(|| view! { <DocumentLinks /> })}
            </section>
            <nav class="guide-nav" aria-label=move || t_string!(i18n, guide_label)>{prev}{next}</nav>
        </div>
    }
    .into_any()
}
