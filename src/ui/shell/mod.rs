//! The frame around every screen: header, navigation, language switch, the
//! screen for the current address, and the undo bar.
use crate::charter::Deleted;
use crate::i18n::*;
use crate::storage;
use crate::ui::drafts::{install_autosave, Drafts, ReplaceQuestion, SaveIndicator, StorageBanner};
use crate::ui::embed::{embed_requested, FramedNote};
use crate::ui::platform::focus_first_control;
use crate::ui::route::Route;
use crate::ui::share::incoming::Inbox;
use crate::ui::share::{accept_dropped_files, open_fragment_on_load, IncomingPreview};
use crate::ui::state::{use_app, AppState};
use crate::ui::{board, canvas, charter_view, documents, guide, history, start};
use leptos::prelude::*;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Provides the shared state and shows the screen that the address names.
#[component]
pub fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    // The language chosen earlier wins over the browser's; applied once the
    // i18n context has settled its own initial choice.
    Effect::new(move |_| match storage::saved_language().as_deref() {
        Some("fr") => i18n.set_locale(Locale::fr),
        Some("en") => i18n.set_locale(Locale::en),
        _ => {}
    });
    // The page's title and description follow the interface language.
    Effect::new(move |_| {
        let title = t_string!(i18n, page_title).to_string();
        let description = t_string!(i18n, page_description).to_string();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
            if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
                let _ = meta.set_attribute("content", &description);
            }
        }
    });
    let state = AppState::new();
    provide_context(state);
    let drafts = Drafts::new();
    provide_context(drafts);
    let inbox = Inbox::new();
    provide_context(inbox);
    drafts.open_last(state);
    install_autosave(state, drafts);
    open_fragment_on_load(state, inbox);
    accept_dropped_files(state, inbox);
    state.route.set(Route::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        // A new screen starts at its top, as a new page would.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        state.route.set(Route::parse(&current_hash()));
        open_fragment_on_load(state, inbox);
    });
    on_cleanup(move || listener.remove());

    let screen = move || match state.route.get() {
        Route::Start => view! { <start::StartScreen /> }.into_any(),
        Route::Canvas => view! { <board::Board /> }.into_any(),
        Route::CanvasDetails => view! { <canvas::Canvas /> }.into_any(),
        Route::Guide(n) => view! { <guide::Guide step=n /> }.into_any(),
        Route::Charter => view! { <charter_view::CharterView /> }.into_any(),
        Route::CharterDocument => view! { <charter_view::CharterView document=true /> }.into_any(),
        Route::Document(kind) => view! { <documents::DocumentView kind /> }.into_any(),
        Route::History => view! { <history::HistoryView /> }.into_any(),
    };

    if embed_requested() {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.class_list().add_1("embed");
        }
    }
    view! {
        <a class="skip-link" href="#main">{t!(use_i18n(), skip_to_content)}</a>
        <Header />
        <FramedNote />
        <StorageBanner />
        <ReplaceQuestion />
        <main id="main" tabindex="-1">
            <IncomingPreview />
            {screen}
        </main>
        <UndoBar />
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let switch = move |_| {
        let next = match i18n.get_locale() {
            Locale::fr => Locale::en,
            Locale::en => Locale::fr,
        };
        i18n.set_locale(next);
        // A browser that will not remember the choice still shows it now.
        let _ = storage::save_language(if next == Locale::fr { "fr" } else { "en" });
    };
    let current = move |r: Route| {
        move || {
            let here = state.route.get();
            let same = matches!(
                (here, r),
                (Route::Guide(_), Route::Guide(_))
                    | (Route::CanvasDetails, Route::Canvas)
                    | (
                        Route::Document(_) | Route::CharterDocument | Route::History,
                        Route::Charter
                    )
            ) || here == r;
            same.then_some("page")
        }
    };
    view! {
        <header class="shell-header">
            <div class="shell-brand">
                <h1>{t!(i18n, app_name)}</h1>
                <p class="shell-tagline">{t!(i18n, tagline)}</p>
            </div>
            <nav class="shell-nav" aria-label=move || t_string!(i18n, nav_label)>
                <a href=Route::Start.href() aria-current=current(Route::Start)>{t!(i18n, nav_start)}</a>
                <a href=Route::Canvas.href() aria-current=current(Route::Canvas)>{t!(i18n, nav_canvas)}</a>
                <a href=Route::Guide(1).href() aria-current=current(Route::Guide(1))>{t!(i18n, nav_guide)}</a>
                <a href=Route::Charter.href() aria-current=current(Route::Charter)>{t!(i18n, nav_charter)}</a>
            </nav>
            <SaveIndicator />
            <button
                class="shell-lang"
                on:click=switch
                lang=move || if i18n.get_locale() == Locale::fr { "en" } else { "fr" }
                aria-label=move || t_string!(i18n, switch_language_label)
            >
                {t!(i18n, switch_language)}
            </button>
        </header>
    }
}

/// Says that a note or a row was deleted and offers to bring it back.
#[component]
fn UndoBar() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let undo = move |_| {
        if let Some(deleted) = state.undo.get_untracked() {
            let id = deleted.id().to_string();
            let is_note = matches!(deleted, Deleted::Note(_));
            state.edit(|c, now| c.undo_delete(deleted, now));
            state.undo.set(None);
            if is_note {
                state.focus_note.set(Some(id));
            } else {
                request_animation_frame(move || focus_first_control(&format!("row-{id}")));
            }
        }
    };
    let what = move || match state.undo.get() {
        Some(Deleted::Record(_)) => t_string!(i18n, record_deleted),
        _ => t_string!(i18n, note_deleted),
    };
    let drafts = crate::ui::drafts::use_drafts();
    // A merge can be taken back right after it, not once the user edits on.
    Effect::new(move |first: Option<()>| {
        state.edited.track();
        if first.is_some() {
            drafts.before_merge.set(None);
        }
    });
    view! {
        <div class="shell-status" role="status" aria-live="polite">
            <Show when=move || drafts.before_merge.with(Option::is_some)>
                <p class="shell-undo">
                    <span>{t!(i18n, merge_done)}</span>
                    <button on:click=move |_| drafts.undo_merge(state) data-testid="undo-merge">{t!(i18n, merge_undo)}</button>
                    <button on:click=move |_| drafts.before_merge.set(None)>{t!(i18n, dismiss)}</button>
                </p>
            </Show>
            <Show when=move || state.undo.with(Option::is_some)>
                <p class="shell-undo">
                    <span>{what}</span>
                    <button on:click=undo data-testid="undo">{t!(i18n, undo)}</button>
                    <button on:click=move |_| state.undo.set(None)>{t!(i18n, dismiss)}</button>
                </p>
            </Show>
        </div>
    }
}
