//! The readiness panel: advice drawn from the charter, each item jumping to
//! the part it is about. Advice only: nothing is ever blocked.
use crate::charter::{
    questions, readiness, ChoiceField, Question, RecordList, Severity, TextField,
};
use crate::i18n::*;
use crate::ui::canvas::part::part_dom_id;
use crate::ui::platform::focus_first_control;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Lists the readiness checks that apply to the charter now; with `only`,
/// just those about that question's parts.
#[component]
pub fn ReadinessPanel(#[prop(optional)] only: Option<&'static Question>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    // Recomputed from what the checks read, never from every keystroke:
    // whether each part is filled, the choices, the texts of the launch and
    // the tables' rows.
    let checks = Memo::new(move |_| {
        let store = state.charter;
        for p in questions().iter().flat_map(|q| q.parts.iter()) {
            store.filled(p);
        }
        for f in ChoiceField::ALL {
            store.choice(f);
        }
        for f in [TextField::Frequency, TextField::ReviewDate] {
            store.text(f);
        }
        for r in RecordList::ALL {
            for id in store.row_ids(r) {
                store.row(&id);
            }
        }
        let mut all = store.with_untracked(readiness);
        if let Some(q) = only {
            all.retain(|c| q.parts.iter().any(|p| p.id == c.part));
        }
        all
    });
    let jump = move |part: &'static str| {
        let on_screen = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&part_dom_id(part)))
            .is_some();
        if !on_screen {
            Route::CanvasDetails.go();
            state.route.set(Route::CanvasDetails);
        }
        let target = part_dom_id(part);
        request_animation_frame(move || focus_first_control(&target));
    };
    view! {
        <aside class="readiness" aria-labelledby="readiness-title">
            <h2 id="readiness-title">{t!(i18n, readiness_title)}</h2>
            <p class="readiness-intro">{t!(i18n, readiness_intro)}</p>
            <Show when=move || checks.with(Vec::is_empty)>
                <p class="readiness-none">{t!(i18n, readiness_none)}</p>
            </Show>
            <ul class="readiness-list">
                <For each=move || checks.get() key=|c| c.id let:check>
                    <li class="readiness-item" data-check=check.id
                        class:readiness-important=check.severity == Severity::Important>
                        <span class="readiness-severity">
                            {move || match check.severity {
                                Severity::Important => t_string!(i18n, severity_important),
                                Severity::Advice => t_string!(i18n, severity_advice),
                            }}
                        </span>
                        <span class="readiness-message" id=format!("readiness-{}", check.id)>
                            {move || check.message.get(lang.get())}
                        </span>
                        <button type="button" class="readiness-jump" on:click=move |_| jump(check.part)
                            aria-describedby=format!("readiness-{}", check.id)>
                            {t!(i18n, go_to_part)}
                        </button>
                    </li>
                </For>
            </ul>
        </aside>
    }
}
