//! The state every view shares: the charter being planned, the screen, and
//! what the user may want to undo. It sits below every feature and knows
//! none of them: saving follows [`AppState::edited`], sharing reads the
//! charter.
use crate::charter::{Charter, Deleted, Lang};
use crate::i18n::{use_i18n, Locale};
use crate::ui::platform::{fresh_id, now};
use crate::ui::route::Route;
use crate::ui::store::CharterStore;
use leptos::prelude::*;

/// Shared state, provided once by the shell; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The charter on the board, as a store of fine-grained signals.
    pub charter: CharterStore,
    /// The screen shown.
    pub route: RwSignal<Route>,
    /// The last deleted note or row, offered for undo.
    pub undo: RwSignal<Option<Deleted>>,
    /// A note that should take the focus once it is on screen.
    pub focus_note: RwSignal<Option<String>>,
    /// The interface language, as the domain names it.
    pub lang: Memo<Lang>,
    /// Notified by every edit the user makes (and only by those): what
    /// saving follows.
    pub edited: Trigger,
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
            charter: CharterStore::new(Charter::new(fresh_id(), first_lang, now())),
            route: RwSignal::new(Route::Start),
            undo: RwSignal::new(None),
            focus_note: RwSignal::new(None),
            lang,
            edited: Trigger::new(),
        }
    }

    /// Applies one domain operation to the charter, stamped with the current
    /// time; saving follows.
    pub fn edit(&self, op: impl FnOnce(&mut Charter, f64)) {
        let t = now();
        self.charter.update(|c| op(c, t));
        self.edited.notify();
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
