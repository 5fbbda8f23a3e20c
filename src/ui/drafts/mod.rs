//! Drafts that are never lost: every change is written at once (the rules
//! live in [`crate::storage::autosave`]), an honest save indicator, banners
//! for every storage failure, no silent overwrite between tabs, a question
//! asked in the page before unsaved work is replaced, and the library of
//! drafts on the start screen.
pub mod banner;
pub mod library;

use crate::charter::{Charter, VersionId, Versions};
use crate::format::{request_json, to_json_with, Source};
use crate::storage::history::{self, Exchange};
use crate::storage::{self, Autosave, DraftEntry, External, Local, SaveStatus, TakeError};
use crate::ui::platform::{download, file_name, fresh_item_id, timed};
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub use banner::{DownloadCopy, ReplaceQuestion, SaveIndicator, StorageBanner};
pub use library::Library;

/// Something about saving that the user must hear, beside the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// "Take the other tab's version": the other tab deleted the draft.
    TheirsGone,
    /// "Take the other tab's version": what it left does not open.
    TheirsUnreadable,
    /// The draft is saved, but the browser would not record that it is the
    /// one open: it will not reopen by itself.
    CurrentUnrecorded,
}

/// A charter waiting to replace work that could not be saved, until the
/// user answers the question asked in the page.
#[derive(Clone)]
pub struct PendingOpen {
    charter: Charter,
    save: bool,
    after: Callback<()>,
}

/// The drafts feature's own state, provided once by the shell.
#[derive(Clone, Copy)]
pub struct Drafts {
    machine: StoredValue<Autosave>,
    /// What the indicator and the banners say.
    pub status: RwSignal<SaveStatus>,
    /// The draft open last time does not restore (it is kept); `true` when a
    /// backup copy of it could be made.
    pub last_unreadable: RwSignal<Option<bool>>,
    /// Whether the browser keeps this site's data under pressure, once known.
    pub persistent: RwSignal<Option<bool>>,
    persistence_asked: StoredValue<bool>,
    /// What the user must hear besides the status.
    pub notice: RwSignal<Option<Notice>>,
    /// A charter that waits for the user's answer before replacing unsaved work.
    pub pending: RwSignal<Option<PendingOpen>>,
    /// The draft as it was before the contribution just merged into it,
    /// offered back until another draft opens.
    pub before_merge: RwSignal<Option<Charter>>,
}

/// The drafts state, from any view below the shell.
pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

impl Drafts {
    /// Creates the drafts state for this page.
    pub fn new() -> Drafts {
        let mut machine = Autosave::new(Local::available());
        // Days for the history's "last version of the day" are local ones.
        machine.set_utc_offset(|ms| -(js_sys::Date::new(&ms.into()).get_timezone_offset() as i32));
        Drafts {
            status: RwSignal::new(machine.status()),
            machine: StoredValue::new(machine),
            last_unreadable: RwSignal::new(None),
            persistent: RwSignal::new(None),
            persistence_asked: StoredValue::new(false),
            notice: RwSignal::new(None),
            pending: RwSignal::new(None),
            before_merge: RwSignal::new(None),
        }
    }

    /// Runs one step of the machine, then says what it now says.
    fn step<T>(self, f: impl FnOnce(&mut Autosave) -> T) -> Option<T> {
        let out = self.machine.try_update_value(f);
        let (status, unrecorded) = self
            .machine
            .with_value(|m| (m.status(), m.current_unrecorded()));
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
        if unrecorded && self.notice.get_untracked().is_none() {
            self.notice.set(Some(Notice::CurrentUnrecorded));
        }
        if status == SaveStatus::Saved && !self.persistence_asked.get_value() {
            self.persistence_asked.set_value(true);
            let persistent = self.persistent;
            leptos::task::spawn_local(async move {
                persistent.set(Some(storage::request_persistence().await));
            });
        }
        out
    }

    /// Whether what is on the board was typed but is not in storage.
    pub fn unsaved(self) -> bool {
        self.machine.with_value(|m| m.unsaved())
    }

    /// Opens the draft that was open last, if it restores; otherwise keeps
    /// the empty charter, which is not written until the user types.
    pub fn open_last(self, state: AppState) {
        let Some(id) = storage::current_draft_id(&Local) else {
            return;
        };
        match storage::load_draft(&mut Local, &id, &mut fresh_item_id) {
            Ok(DraftEntry::Readable(restored)) => self.show(state, restored.charter),
            // Kept untouched by storage; the banner says so and points to the library.
            Ok(DraftEntry::Unreadable(broken)) => self.last_unreadable.set(Some(broken.backed_up)),
            Ok(DraftEntry::Absent) | Err(_) => {}
        }
    }

    /// Puts a charter on the board as the current draft, without writing it.
    /// Notes and rows with ids of older builds get short ones, which links
    /// keep (written with the next change).
    fn show(self, state: AppState, mut charter: Charter) {
        self.step(|m| m.opened(&Local, &charter));
        charter.shorten_item_ids(&mut fresh_item_id);
        state.charter.set(charter);
        state.undo.set(None);
        self.before_merge.set(None);
    }

    /// Takes the last merge back: the draft as it was before it is on the
    /// board again and saved, as a new version (the merged one stays in the
    /// history of what was received).
    pub fn undo_merge(self, state: AppState) {
        if let Some(mut before) = self.before_merge.get_untracked() {
            before.touch(crate::ui::platform::now());
            self.open(state, before, true, Callback::new(|_| {}));
        }
    }

    /// Opens a charter on the board as the current draft; `save` writes it
    /// at once (an example, an incoming charter), otherwise it waits for the
    /// first edit. `after` runs once it is open. When what is on the board
    /// could not be saved, the user is asked first, in the page.
    pub fn open(self, state: AppState, charter: Charter, save: bool, after: Callback<()>) {
        self.flush(state);
        if self.unsaved() {
            self.pending.set(Some(PendingOpen {
                charter,
                save,
                after,
            }));
            return;
        }
        self.open_now(state, charter, save, after);
    }

    fn open_now(self, state: AppState, charter: Charter, save: bool, after: Callback<()>) {
        self.pending.set(None);
        self.notice.set(None);
        self.show(state, charter);
        if save {
            self.step(|m| state.charter.with_untracked(|c| m.changed(&mut Local, c)));
            self.show_merged(state);
        }
        after.run(());
    }

    /// The user answered the question: replace the unsaved work after all.
    pub fn confirm_pending(self, state: AppState) {
        if let Some(p) = self.pending.get_untracked() {
            self.open_now(state, p.charter, p.save, p.after);
        }
    }

    /// Writes the board now if it holds a change not yet in storage.
    pub fn flush(self, state: AppState) {
        self.step(|m| state.charter.with_untracked(|c| m.flush(&mut Local, c)));
        self.show_merged(state);
    }

    /// When a write met another tab's changes and merged them with this
    /// tab's, the board shows the merge (this tab's text included).
    fn show_merged(self, state: AppState) {
        if let Some(merged) = self.step(Autosave::take_merged).flatten() {
            state.charter.set(merged);
        }
    }

    /// The user changed the charter: it is written now.
    pub fn changed(self, state: AppState) {
        timed("coplanifier-save", || {
            self.step(|m| state.charter.with_untracked(|c| m.changed(&mut Local, c)));
            self.show_merged(state)
        });
    }

    /// Resolves a conflict by keeping this tab's version.
    pub fn keep_mine(self, state: AppState) {
        self.notice.set(None);
        self.step(|m| state.charter.with_untracked(|c| m.keep_mine(&mut Local, c)));
    }

    /// Resolves a conflict by taking the version another tab saved; says so
    /// when there is none to take.
    pub fn take_theirs(self, state: AppState) {
        let taken = self.step(|m| m.take_theirs(&mut Local));
        match taken.unwrap_or(Err(TakeError::Gone)) {
            Ok(charter) => {
                self.notice.set(None);
                state.charter.set(charter);
            }
            Err(TakeError::Gone) => self.notice.set(Some(Notice::TheirsGone)),
            Err(TakeError::Unreadable | TakeError::Storage(_)) => {
                self.notice.set(Some(Notice::TheirsUnreadable))
            }
        }
    }

    /// The draft on the board was deleted from the library.
    pub fn forget(self) {
        self.step(|m| m.forget());
    }
}

impl Default for Drafts {
    fn default() -> Self {
        Self::new()
    }
}

/// How a request file's name ends: still a charter file to any reader.
const REQUEST_FILE_SUFFIX: &str = "-contributions.coplanifier.json";

/// Keeps this version in the history as sent: a reply made from it will
/// find its base here.
pub fn keep_sent(c: &Charter) {
    let _ = history::record(
        &mut Local,
        c,
        Exchange::Sent,
        crate::ui::platform::now(),
        None,
    );
}

/// Offers the charter on the board as a JSON file; false if the browser
/// refused. The file says which version it is and was made from, and the
/// version is kept as sent, so that a colleague's reply made from it finds
/// it here. A `request` file also asks whoever opens it to contribute.
pub fn download_copy(state: AppState, request: bool) -> bool {
    let (title, json) = state.charter.with_untracked(|c| {
        let versions = Versions {
            is: Some(VersionId::of(c)),
            from: history::last_received(&Local, &c.id),
        };
        keep_sent(c);
        let json = if request {
            request_json(c, versions)
        } else {
            to_json_with(c, Source::File, versions)
        };
        (c.title.clone(), json)
    });
    let suffix = if request {
        REQUEST_FILE_SUFFIX
    } else {
        ".coplanifier.json"
    };
    match json {
        Ok(json) => download(&file_name(&title, suffix), "application/json", &json),
        Err(_) => false,
    }
}

/// Writes every edit as it happens, retries a failed write when the page is
/// hidden, closed or loses focus, and follows other tabs through `storage`
/// events.
pub fn install_autosave(state: AppState, drafts: Drafts) {
    // One effect persists: each edit of the user is written in the same turn
    // of the event loop, before the browser could close or the tab crash.
    Effect::new(move |first: Option<()>| {
        state.edited.track();
        if first.is_some() {
            drafts.changed(state);
        }
    });
    // The app lives as long as the page, so these listeners do too.
    let flush_now = Closure::<dyn Fn()>::new(move || drafts.flush(state));
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            let Some(key) = ev.key() else { return };
            if let Some(External::Follow(charter)) = drafts.step(|m| m.external(&mut Local, &key)) {
                state.charter.set(*charter);
            }
        });
    // Leaving with work that could not be saved: the browser asks first.
    let on_leave = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            drafts.flush(state);
            if drafts.unsaved() {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        },
    );
    if let Some(window) = web_sys::window() {
        let callback = flush_now.as_ref().unchecked_ref();
        let _ = window.add_event_listener_with_callback("pagehide", callback);
        let _ = window.add_event_listener_with_callback("blur", callback);
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback("visibilitychange", callback);
        }
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        let _ = window
            .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    }
    flush_now.forget();
    on_storage.forget();
    on_leave.forget();
}
