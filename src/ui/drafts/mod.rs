//! Drafts that are never lost: autosave (debounced, flushed when the page is
//! hidden, closed or loses focus), an honest save indicator, banners for
//! every storage failure, no silent overwrite between tabs, and the library
//! of drafts on the start screen.
pub mod banner;
pub mod library;

use crate::charter::Charter;
use crate::format::{to_json, Source};
use crate::storage::{self, StorageError, StoredVersion};
use crate::ui::platform::{download, file_name, fresh_id};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub use banner::{SaveIndicator, StorageBanner};
pub use library::Library;

/// How long typing may pause before the draft is written.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// What the save indicator says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing typed since the draft opened.
    Idle,
    /// A change waits to be written.
    Pending,
    /// Everything typed is in storage.
    Saved,
    /// The last write failed, for this reason; the charter stays in memory.
    Failed(StorageError),
    /// Another tab saved this draft since this tab read it: nothing is
    /// written until the user chooses.
    Conflict,
    /// Another tab saved this draft and this tab took its version.
    Followed,
}

/// Opens the draft that was open last, if it restores; otherwise keeps the
/// empty charter, which is not written until the user types.
pub fn open_last_draft(state: AppState) {
    if !storage::available() {
        state
            .save
            .set(SaveStatus::Failed(StorageError::Unavailable));
        return;
    }
    let Some(id) = storage::current_draft_id() else {
        return;
    };
    match storage::load_draft(&id, &mut fresh_id) {
        Ok(Some(Ok(restored))) => show_loaded(state, restored.charter),
        // Kept untouched by storage; the banner says so and points to the library.
        Ok(Some(Err(_))) => state.last_draft_unreadable.set(true),
        _ => {}
    }
}

/// Puts a charter read from storage on the board without writing it back.
fn show_loaded(state: AppState, charter: Charter) {
    state.base_version.set_value(charter.updated_at);
    state.dirty.set_value(false);
    state.charter.set(charter);
}

/// Whether what is on the board was typed but is not in storage.
fn unsaved(state: AppState) -> bool {
    state.dirty.get_value()
        && matches!(
            state.save.get_untracked(),
            SaveStatus::Failed(_) | SaveStatus::Conflict
        )
}

/// Opens a charter on the board as the current draft; `save` writes it at once
/// (an example, an incoming charter), otherwise it waits for the first edit.
/// What was on the board is saved first; if it cannot be, the user is asked
/// before it is replaced. Returns whether the charter was opened.
pub fn open_charter(state: AppState, charter: Charter, save: bool) -> bool {
    flush(state);
    if unsaved(state) {
        let ask = state.confirm_replace_unsaved;
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(&ask.get_value()).ok())
            .unwrap_or(false);
        if !confirmed {
            return false;
        }
    }
    storage::set_current_draft_id(&charter.id);
    let base = match storage::stored_version(&charter.id) {
        StoredVersion::Readable(t) => t,
        _ => 0.0,
    };
    state.base_version.set_value(base);
    state.dirty.set_value(false);
    state.charter.set(charter);
    state.undo.set(None);
    if !matches!(
        state.save.get_untracked(),
        SaveStatus::Failed(StorageError::Unavailable)
    ) {
        state.save.set(SaveStatus::Idle);
    }
    if save {
        changed(state);
    }
    true
}

/// Writes the charter now if it changed since the last write and no other tab
/// saved it since this tab read it.
fn flush(state: AppState) {
    if !state.dirty.get_value()
        || matches!(
            state.save.get_untracked(),
            SaveStatus::Conflict | SaveStatus::Failed(StorageError::Unavailable)
        )
    {
        return;
    }
    let (id, updated_at) = state
        .charter
        .with_untracked(|c| (c.id.clone(), c.updated_at));
    match storage::stored_version(&id) {
        StoredVersion::Readable(stored)
            if stored != state.base_version.get_value() && stored != updated_at =>
        {
            state.save.set(SaveStatus::Conflict);
        }
        StoredVersion::Unreadable => state.save.set(SaveStatus::Failed(StorageError::Protected)),
        _ => write(state),
    }
}

/// Writes the charter whatever is stored (after the user chose to keep theirs).
fn write(state: AppState) {
    match state.charter.with_untracked(storage::save_draft) {
        Ok(()) => {
            let (id, updated_at) = state
                .charter
                .with_untracked(|c| (c.id.clone(), c.updated_at));
            storage::set_current_draft_id(&id);
            state.base_version.set_value(updated_at);
            state.dirty.set_value(false);
            state.save.set(SaveStatus::Saved);
            if !state.persistence_asked.get_value() {
                state.persistence_asked.set_value(true);
                leptos::task::spawn_local(async move {
                    state
                        .persistent
                        .set(Some(storage::request_persistence().await));
                });
            }
        }
        Err(e) => state.save.set(SaveStatus::Failed(e)),
    }
}

/// Resolves a conflict by keeping this tab's version.
pub fn keep_mine(state: AppState) {
    write(state);
}

/// Resolves a conflict by taking the version another tab saved.
pub fn take_theirs(state: AppState) {
    let id = state.charter.with_untracked(|c| c.id.clone());
    if let Ok(Some(Ok(restored))) = storage::load_draft(&id, &mut fresh_id) {
        show_loaded(state, restored.charter);
        state.save.set(SaveStatus::Followed);
    }
}

/// Offers the charter on the board as a JSON file; false if the browser refused.
pub fn download_copy(state: AppState) -> bool {
    let (title, json) = state
        .charter
        .with_untracked(|c| (c.title.clone(), to_json(c, Source::File)));
    match json {
        Ok(json) => download(
            &file_name(&title, ".coplanifier.json"),
            "application/json",
            &json,
        ),
        Err(_) => false,
    }
}

/// Records that the user changed the charter: the draft is written once
/// typing pauses, or at once when the page is hidden or closed. A failure
/// stays on screen until a write succeeds; with no storage at all, nothing
/// is attempted.
pub fn changed(state: AppState) {
    state.dirty.set_value(true);
    match state.save.get_untracked() {
        SaveStatus::Failed(StorageError::Unavailable) => return,
        SaveStatus::Conflict | SaveStatus::Failed(_) => {}
        _ => state.save.set(SaveStatus::Pending),
    }
    if let Some(t) = state.save_timer.get_value() {
        t.clear();
    }
    state
        .save_timer
        .set_value(set_timeout_with_handle(move || flush(state), DEBOUNCE).ok());
}

/// Flushes when the page is hidden, closed or loses focus, and follows other
/// tabs through `storage` events.
pub fn install_autosave(state: AppState) {
    // The app lives as long as the page, so these listeners do too.
    let flush_now = Closure::<dyn Fn()>::new(move || flush(state));
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            let Some(key) = ev.key() else { return };
            let ours = state
                .charter
                .with_untracked(|c| storage::draft_id_of_key(&key) == Some(c.id.as_str()));
            if !ours {
                return;
            }
            match state.save.get_untracked() {
                SaveStatus::Idle | SaveStatus::Saved | SaveStatus::Followed => take_theirs(state),
                // Unsaved work here: never replace it silently.
                _ => state.save.set(SaveStatus::Conflict),
            }
        });
    if let Some(window) = web_sys::window() {
        let callback = flush_now.as_ref().unchecked_ref();
        let _ = window.add_event_listener_with_callback("pagehide", callback);
        let _ = window.add_event_listener_with_callback("blur", callback);
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback("visibilitychange", callback);
        }
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    // Leaving with work that could not be saved: the browser asks first.
    let on_leave = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            flush(state);
            if unsaved(state) {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        },
    );
    if let Some(window) = web_sys::window() {
        let _ = window
            .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    }
    flush_now.forget();
    on_storage.forget();
    on_leave.forget();
}
