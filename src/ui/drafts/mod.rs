//! Drafts that are never lost: autosave (debounced, flushed when the page is
//! hidden, closed or loses focus), an honest save indicator, and the library
//! of drafts on the start screen.
use crate::charter::Charter;
use crate::format::RestoreError;
use crate::i18n::*;
use crate::storage::{self, StorageError};
use crate::ui::platform::{fresh_id, now};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long typing may pause before the draft is written.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// What the save indicator says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing typed yet since the draft opened.
    Idle,
    /// A change waits to be written.
    Pending,
    /// Everything typed is in storage.
    Saved,
    /// The last write failed, for this reason; the charter stays in memory.
    Failed(StorageError),
}

/// Opens the draft that was open last, if it restores; otherwise keeps the
/// empty charter (and never writes it until the user types).
pub fn open_last_draft(state: AppState) {
    let Some(id) = storage::current_draft_id() else {
        return;
    };
    if let Ok(Some(Ok(restored))) = storage::load_draft(&id, &mut fresh_id) {
        state.charter.set(restored.charter);
    }
}

/// Writes the charter now if a change is waiting.
fn flush(state: AppState) {
    if state.save.get_untracked() != SaveStatus::Pending {
        return;
    }
    let result = state.charter.with_untracked(storage::save_draft);
    match result {
        Ok(()) => {
            state
                .charter
                .with_untracked(|c| storage::set_current_draft_id(&c.id));
            state.save.set(SaveStatus::Saved);
        }
        Err(e) => state.save.set(SaveStatus::Failed(e)),
    }
}

/// Saves every change: debounced while typing, at once when the page is
/// hidden, closed or loses focus.
pub fn install_autosave(state: AppState) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        state.charter.track();
        if first.is_none() {
            return;
        }
        state.save.set(SaveStatus::Pending);
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(set_timeout_with_handle(move || flush(state), DEBOUNCE).ok());
    });
    // The app lives as long as the page, so these listeners do too.
    let flush_now = Closure::<dyn Fn()>::new(move || flush(state));
    let callback = flush_now.as_ref().unchecked_ref();
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("pagehide", callback);
        let _ = window.add_event_listener_with_callback("blur", callback);
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback("visibilitychange", callback);
        }
    }
    flush_now.forget();
}

/// The quiet indicator that tells the truth about saving.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let text = move || match state.save.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => t_string!(i18n, save_pending).to_string(),
        SaveStatus::Saved => t_string!(i18n, save_saved).to_string(),
        SaveStatus::Failed(StorageError::Full) => t_string!(i18n, save_full).to_string(),
        SaveStatus::Failed(StorageError::Unavailable) => {
            t_string!(i18n, save_unavailable).to_string()
        }
        SaveStatus::Failed(StorageError::Failed) => t_string!(i18n, save_failed).to_string(),
    };
    view! {
        <p class="drafts-indicator" data-testid="save-status"
            class:drafts-failed=move || matches!(state.save.get(), SaveStatus::Failed(_))>
            {text}
        </p>
    }
}

fn restore_error_text(i18n: leptos_i18n::I18nContext<Locale>, e: &RestoreError) -> String {
    match e {
        RestoreError::TooLarge => t_string!(i18n, error_too_large).to_string(),
        RestoreError::NotJson => t_string!(i18n, error_not_json).to_string(),
        RestoreError::NotACharter => t_string!(i18n, error_not_charter).to_string(),
        RestoreError::NewerVersion(_) => t_string!(i18n, error_newer).to_string(),
    }
}

fn format_date(ms: f64, lang: &str) -> String {
    let d = js_sys::Date::new(&ms.into());
    String::from(d.to_locale_string(lang, &wasm_bindgen::JsValue::UNDEFINED))
}

/// Opens a charter on the board as the current draft.
pub fn open_charter(state: AppState, charter: Charter) {
    storage::set_current_draft_id(&charter.id);
    state.charter.set(charter);
    state.undo.set(None);
    state.save.set(SaveStatus::Idle);
}

/// The drafts kept in this browser, newest first, with what can be done to each.
#[component]
pub fn Library(on_open: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let version = RwSignal::new(0u32);
    let lib = Memo::new(move |_| {
        version.track();
        state.save.track();
        storage::library(&mut fresh_id)
    });
    let open = move |id: String| {
        if let Ok(Some(Ok(r))) = storage::load_draft(&id, &mut fresh_id) {
            open_charter(state, r.charter);
            on_open.run(());
        }
    };
    let delete = move |id: String| {
        if state.charter.with_untracked(|c| c.id == id) {
            open_charter(
                state,
                Charter::new(fresh_id(), state.lang.get_untracked(), now()),
            );
        }
        let _ = storage::delete_draft(&id);
        version.update(|v| *v += 1);
    };
    let lang_code = move || state.lang.get().code();
    view! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{t!(i18n, library_title)}</h2>
            {move || match lib.get() {
                Err(_) => view! { <p class="drafts-note">{t!(i18n, save_unavailable)}</p> }.into_any(),
                Ok(l) if l.drafts.is_empty() && l.broken.is_empty() => {
                    view! { <p class="drafts-note">{t!(i18n, library_empty)}</p> }.into_any()
                }
                Ok(l) => view! {
                    <ul class="drafts-list">
                        {l.drafts.into_iter().map(|d| {
                            let id_open = d.id.clone();
                            let id_delete = d.id.clone();
                            let title = if d.title.trim().is_empty() { t_string!(i18n, untitled).to_string() } else { d.title.clone() };
                            let label_delete = format!("{} : {}", t_string!(i18n, library_delete), title);
                            view! {
                                <li class="drafts-item" data-draft=d.id.clone()>
                                    <button type="button" class="drafts-open" on:click=move |_| open(id_open.clone())>{title}</button>
                                    <span class="drafts-meta">
                                        {t_string!(i18n, library_edited).to_string()} " " {format_date(d.updated_at, lang_code())}
                                        " · " {t_string!(i18n, fill_label, filled = d.filled, total = d.total).to_string()}
                                    </span>
                                    <button type="button" class="drafts-delete" aria-label=label_delete
                                        on:click=move |_| delete(id_delete.clone())>{t!(i18n, library_delete)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {l.broken.into_iter().map(|b| view! {
                        <p class="drafts-broken" role="alert">
                            {t!(i18n, library_broken)} " " {restore_error_text(i18n, &b.error)}
                        </p>
                    }).collect_view()}
                }.into_any(),
            }}
            <p class="drafts-note">{t!(i18n, library_keep_copy)}</p>
        </section>
    }
}
