//! The start screen: what Coplanifier is for, and where to begin.
use crate::charter::{example, Charter};
use crate::i18n::*;
use crate::ui::drafts::{use_drafts, Library};
use crate::ui::embed::EmbedSnippet;
use crate::ui::platform::{fresh_id, now};
use crate::ui::route::Route;
use crate::ui::share::OpenPasted;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Welcome, new charter, guided path, example.
#[component]
pub fn StartScreen() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    let new_charter = move |_| {
        let charter = Charter::new(fresh_id(), state.lang.get_untracked(), now());
        drafts.open(
            state,
            charter,
            false,
            Callback::new(|_| Route::Guide(1).go()),
        );
    };
    let open_example = move |_| {
        let charter = example(state.lang.get_untracked(), fresh_id(), now());
        drafts.open(state, charter, true, Callback::new(|_| Route::Canvas.go()));
    };
    view! {
        <section class="start" aria-labelledby="start-title">
            <h2 id="start-title">{t!(i18n, start_title)}</h2>
            <p class="start-intro">{t!(i18n, start_intro)}</p>
            <div class="start-actions">
                <button type="button" class="start-primary" on:click=new_charter>{t!(i18n, start_new)}</button>
                <a href=Route::Guide(1).href()>{t!(i18n, start_guide)}</a>
                <button type="button" on:click=open_example>{t!(i18n, start_example)}</button>
            </div>
            <Library on_open=Callback::new(|_| Route::Canvas.go()) />
            <OpenPasted />
            <EmbedSnippet />
        </section>
    }
}
