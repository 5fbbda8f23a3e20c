//! The state every view shares: the charter being planned, the screen, and
//! what the user may want to undo.
use crate::charter::{Charter, DeletedNote, Lang};
use crate::i18n::{use_i18n, Locale};
use crate::ui::drafts::SaveStatus;
use crate::ui::platform::{fresh_id, now};
use crate::ui::route::Route;
use crate::ui::share::incoming::{Incoming, IncomingError};
use leptos::prelude::*;

/// Shared state, provided once by the shell; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The charter on the board.
    pub charter: RwSignal<Charter>,
    /// The screen shown.
    pub route: RwSignal<Route>,
    /// The last deleted note, offered for undo.
    pub undo: RwSignal<Option<DeletedNote>>,
    /// A note that should take the focus once it is on screen.
    pub focus_note: RwSignal<Option<String>>,
    /// The interface language, as the domain names it.
    pub lang: Memo<Lang>,
    /// Whether what was typed is saved.
    pub save: RwSignal<SaveStatus>,
    /// `updated_at` of the version this tab knows is in storage.
    pub base_version: StoredValue<f64>,
    /// Whether the draft open last time could not be restored (it is kept).
    pub last_draft_unreadable: RwSignal<bool>,
    /// Whether the charter changed since it was last written or loaded.
    pub dirty: StoredValue<bool>,
    /// The question asked before unsaved work is replaced, in the interface language.
    pub confirm_replace_unsaved: StoredValue<String>,
    /// The pending debounced save, if any.
    pub save_timer: StoredValue<Option<TimeoutHandle>>,
    /// Whether persistent storage was already asked for.
    pub persistence_asked: StoredValue<bool>,
    /// Whether the browser keeps this site's data under pressure, once known.
    pub persistent: RwSignal<Option<bool>>,
    /// A charter from a link or a file, waiting for the user's decision.
    pub incoming: RwSignal<Option<Incoming>>,
    /// Why the last incoming charter could not be opened.
    pub incoming_error: RwSignal<Option<IncomingError>>,
}

impl AppState {
    /// Creates the state with an empty charter in the interface language.
    pub fn new() -> AppState {
        let i18n = use_i18n();
        let lang = Memo::new(move |_| match i18n.get_locale() {
            Locale::fr => Lang::Fr,
            Locale::en => Lang::En,
        });
        let first_lang = lang.get_untracked();
        AppState {
            charter: RwSignal::new(Charter::new(fresh_id(), first_lang, now())),
            route: RwSignal::new(Route::Start),
            undo: RwSignal::new(None),
            focus_note: RwSignal::new(None),
            lang,
            save: RwSignal::new(SaveStatus::Idle),
            base_version: StoredValue::new(0.0),
            last_draft_unreadable: RwSignal::new(false),
            dirty: StoredValue::new(false),
            confirm_replace_unsaved: StoredValue::new(String::new()),
            save_timer: StoredValue::new(None),
            persistence_asked: StoredValue::new(false),
            persistent: RwSignal::new(None),
            incoming: RwSignal::new(None),
            incoming_error: RwSignal::new(None),
        }
    }

    /// Applies one domain operation to the charter, stamped with the current
    /// time, and has it saved.
    pub fn edit(&self, op: impl FnOnce(&mut Charter, f64)) {
        let t = now();
        self.charter.update(|c| op(c, t));
        crate::ui::drafts::changed(*self);
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The shared state, from any view below the shell.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
