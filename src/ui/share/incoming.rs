//! Charters that arrive from outside (a link, a pasted link, a file) go
//! through the one restore path, then a preview: saved as a new draft by
//! default; when a draft with the same id is here, compared and merged with
//! it part by part, or replacing it after confirmation.
use crate::charter::{find_part, find_question, total_fill, Charter, Lang, VersionId};
use crate::format::link::has_tag;
use crate::format::{
    asks_for_contributions, decode_fragment, repair_pasted_link, restore, LinkError, RestoreError,
    RestoreWarning,
};
use crate::i18n::*;
use crate::storage::history::{self, Exchange};
use crate::storage::{self, prefs, Local};
use crate::ui::canvas::fill_text;
use crate::ui::drafts::use_drafts;
use crate::ui::platform::{focus_first_control, fresh_id, fresh_item_id, now, shown_title, timed};
use crate::ui::route::Route;
use crate::ui::share::compare::{saved_draft, CompareMerge};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A charter that arrived and waits for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// The restored charter.
    pub charter: Charter,
    /// What restore had to repair.
    pub warnings: Vec<RestoreWarning>,
    /// Whether a draft with the same id is here (saved, or on the board).
    pub exists: bool,
    /// The version it was made from, if it says (a `c3` link does).
    pub made_from: Option<VersionId>,
    /// Whether it came as a request for contributions (`#contrib/c3.…`).
    pub request: bool,
}

/// Why an incoming charter could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum IncomingError {
    /// A link that does not decode.
    Link(LinkError),
    /// A file or text that does not restore.
    File(RestoreError),
    /// Pasted text with no charter link in it.
    NoLink,
    /// A file the browser could not read.
    Unreadable,
}

/// What arrived from outside and waits for the user, provided once by the shell.
#[derive(Clone, Copy)]
pub struct Inbox {
    /// A charter from a link or a file, waiting for the user's decision.
    pub incoming: RwSignal<Option<Incoming>>,
    /// Why the last incoming charter could not be opened.
    pub error: RwSignal<Option<IncomingError>>,
}

impl Inbox {
    /// An empty inbox.
    pub fn new() -> Inbox {
        Inbox {
            incoming: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Self::new()
    }
}

/// The inbox, from any view below the shell.
pub fn use_inbox() -> Inbox {
    expect_context::<Inbox>()
}

/// Whether a draft with this id is here: on the board (even before its first
/// write) or in storage.
fn is_here(state: AppState, id: &str) -> bool {
    state.charter.with_untracked(|c| c.id == id)
        || storage::stored_version(&mut Local, id) != storage::StoredVersion::Absent
}

fn offer(
    state: AppState,
    inbox: Inbox,
    result: Result<crate::format::Restored, IncomingError>,
    request: bool,
) {
    match result {
        Ok(r) => {
            let exists = is_here(state, &r.charter.id);
            inbox.error.set(None);
            inbox.incoming.set(Some(Incoming {
                charter: r.charter,
                warnings: r.warnings,
                exists,
                made_from: r.versions.from,
                // A `#contrib/` link, or a file that asks the same.
                request: request || r.asks_for_contributions,
            }));
        }
        Err(e) => {
            inbox.incoming.set(None);
            inbox.error.set(Some(e));
        }
    }
}

/// Keeps a charter the user took (saved, replaced or merged) as received,
/// so that what is sent back from it says so and a colleague's reply finds
/// what both sides had. Losing it only costs a two-way comparison later.
pub fn received(charter: &Charter) {
    let _ = history::record(&mut Local, charter, Exchange::Received, now(), None);
}

/// Offers the charter a link fragment carries (`#c3.…`); `request` when
/// the link asked for contributions.
pub fn offer_fragment(state: AppState, inbox: Inbox, fragment: &str, request: bool) {
    offer(
        state,
        inbox,
        timed("coplanifier-link-decode", || {
            decode_fragment(fragment, &mut fresh_item_id)
        })
        .map_err(IncomingError::Link),
        request,
    );
}

/// Offers the charter in a file's text.
pub fn offer_text(state: AppState, inbox: Inbox, text: &str) {
    offer(
        state,
        inbox,
        restore(text, &mut fresh_item_id).map_err(IncomingError::File),
        false,
    );
}

/// Reads a file the user picked or dropped and offers the charter in it.
pub fn read_file(state: AppState, inbox: Inbox, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        match text.ok().and_then(|v| v.as_string()) {
            Some(t) => offer_text(state, inbox, &t),
            None => offer(state, inbox, Err(IncomingError::Unreadable), false),
        }
    });
}

/// A file dropped anywhere on the app opens through the preview, instead of
/// the browser leaving the app to show it.
pub fn accept_dropped_files(state: AppState, inbox: Inbox) {
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .map(|dt| dt.types().includes(&"Files".into(), 0))
            .unwrap_or(false)
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(state, inbox, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// On start, opens the charter the address carries, then cleans the address
/// so that a reload does not offer it again.
pub fn open_fragment_on_load(state: AppState, inbox: Inbox) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(fragment) = hash.strip_prefix('#') else {
        return;
    };
    // A link that a mail or chat tool mangled on its way (`%2523`, a cut
    // line) is repaired as a pasted one is; a damaged one still says why.
    let found = match repair_pasted_link(fragment) {
        Some(f) => f,
        None if has_tag(fragment) => fragment.to_string(),
        None => return,
    };
    offer_fragment(state, inbox, &found, asks_for_contributions(fragment));
    let clean = window
        .location()
        .href()
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    state.route.set(Route::Start);
}

fn error_text(i18n: leptos_i18n::I18nContext<Locale>, e: &IncomingError) -> String {
    let s = match e {
        IncomingError::Link(LinkError::TooLong) => t_string!(i18n, link_error_too_long),
        IncomingError::Link(LinkError::UnknownVersion) => t_string!(i18n, link_error_version),
        IncomingError::Link(LinkError::Corrupted) => t_string!(i18n, link_error_corrupted),
        IncomingError::Link(LinkError::TooLarge) | IncomingError::File(RestoreError::TooLarge) => {
            t_string!(i18n, error_too_large)
        }
        IncomingError::Link(LinkError::Restore(RestoreError::NewerVersion(_)))
        | IncomingError::File(RestoreError::NewerVersion(_)) => t_string!(i18n, error_newer),
        IncomingError::Link(LinkError::Restore(_)) => t_string!(i18n, link_error_corrupted),
        IncomingError::File(RestoreError::NotJson) => t_string!(i18n, error_not_json),
        IncomingError::File(RestoreError::NotACharter) => t_string!(i18n, error_not_charter),
        IncomingError::File(RestoreError::Damaged) => t_string!(i18n, error_damaged),
        IncomingError::NoLink => t_string!(i18n, link_error_none),
        IncomingError::Unreadable => t_string!(i18n, file_error_unreadable),
    };
    s.to_string()
}

/// The parts restore had to leave out, named as the app names them; a field
/// the app does not show by a name is given by its key.
fn dropped_labels(
    i18n: leptos_i18n::I18nContext<Locale>,
    warnings: &[RestoreWarning],
    lang: Lang,
) -> Vec<String> {
    warnings
        .iter()
        .filter_map(|w| match w {
            RestoreWarning::DroppedPart(field) => Some(field),
            RestoreWarning::RenumberedIds => None,
        })
        .map(|field| {
            let slug = field.replace('_', "-");
            match field.as_str() {
                "title" => t_string!(i18n, header_title_label).to_string(),
                "kind" => t_string!(i18n, charter_kind).to_string(),
                _ => find_part(&slug)
                    .map(|(_, p)| p.label.get(lang).to_string())
                    .or_else(|| find_question(&slug).map(|q| q.title.get(lang).to_string()))
                    .unwrap_or_else(|| format!("\"{field}\"")),
            }
        })
        .collect()
}

/// The preview of an incoming charter, and any error about one.
#[component]
pub fn IncomingPreview() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    let inbox = use_inbox();
    let confirm_replace = RwSignal::new(false);
    // The preview takes the focus when a charter arrives, so that keyboard and
    // screen-reader users land on it wherever they were.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if inbox.incoming.with(Option::is_some) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    // The charter received and the draft here, when the user asked to compare
    // them (`None` for a draft that could not be read). Shown only while that
    // charter is the one on offer, so a new arrival never meets an old draft.
    let compared = RwSignal::new(None::<(Charter, Option<Charter>, Option<Charter>)>);
    // A new charter arriving never inherits a half-given confirmation or an
    // earlier comparison.
    Effect::new(move |_| {
        inbox.incoming.track();
        confirm_replace.set(false);
        compared.set(None);
    });
    let compare = move |_| {
        if compared.with_untracked(Option::is_some) {
            compared.set(None);
            return;
        }
        if let Some((theirs, from)) = inbox
            .incoming
            .with_untracked(|i| i.as_ref().map(|i| (i.charter.clone(), i.made_from)))
        {
            let mine = saved_draft(state, &theirs.id);
            // What both sides had: the version it was made from, if this
            // browser sent or received it.
            // Not for a charter with fields of a newer build, which only the
            // two-way comparison keeps.
            let base = from
                .filter(|_| !theirs.has_newer_fields())
                .and_then(|v| history::find(&Local, &theirs.id, v, &mut fresh_item_id));
            compared.set(Some((theirs, mine, base)));
        }
    };
    let opened = Callback::new(move |_| {
        inbox.incoming.set(None);
        confirm_replace.set(false);
        Route::Canvas.go();
    });
    let save_new = move |_| {
        if let Some(mut inc) = inbox.incoming.get_untracked() {
            // Asked again now: another tab may have saved this charter since
            // it arrived. A copy never takes the id of a draft that is here.
            if is_here(state, &inc.charter.id) {
                inc.charter.id = fresh_id();
            }
            received(&inc.charter);
            drafts.open(state, inc.charter, true, opened);
        }
    };
    let replace = move |_| {
        if !confirm_replace.get_untracked() {
            confirm_replace.set(true);
            return;
        }
        if let Some(inc) = inbox.incoming.get_untracked() {
            // The draft it replaces stays in the history.
            if let Some(mine) = saved_draft(state, &inc.charter.id) {
                let _ = history::record(&mut Local, &mine, Exchange::BeforeReplace, now(), None);
            }
            received(&inc.charter);
            drafts.open(state, inc.charter, true, opened);
        }
    };
    let dismiss = move |_| {
        inbox.incoming.set(None);
        confirm_replace.set(false);
    };
    // A request for contributions: the colleague gives their name once (it
    // is remembered, and goes on every note they add), then contributes.
    let name = RwSignal::new(prefs::saved_name(&Local).unwrap_or_default());
    let name_missing = RwSignal::new(false);
    let contribute = move |_| {
        let given = name.get_untracked().trim().to_string();
        if given.is_empty() {
            name_missing.set(true);
            focus_first_control("contributor-name");
            return;
        }
        name_missing.set(false);
        if let Some(inc) = inbox.incoming.get_untracked() {
            // Remembered at once; a browser that refuses still lets them contribute.
            let _ = prefs::save_name(&mut Local, &given);
            let _ = prefs::set_contributing(&mut Local, &inc.charter.id);
            received(&inc.charter);
            drafts.open(state, inc.charter, true, opened);
        }
    };
    // Only a new charter rebuilds the preview: switching the language
    // changes its words but keeps a comparison and its choices as they are.
    let summary = move || {
        inbox.incoming.with(|inc| {
            inc.as_ref().map(|inc| {
                let (filled, total) = total_fill(&inc.charter);
                (
                    inc.charter.title.clone(),
                    filled,
                    total,
                    inc.exists,
                    inc.request && !inc.exists,
                )
            })
        })
    };
    view! {
        {move || inbox.error.get().map(|e| view! {
            <div class="share-banner" role="alert" data-testid="incoming-error">
                <p>{error_text(i18n, &e)}</p>
                <p>{t!(i18n, incoming_nothing_changed)}</p>
                <button type="button" on:click=move |_| inbox.error.set(None)>{t!(i18n, dismiss)}</button>
            </div>
        })}
        {move || summary().map(|(title, filled, total, exists, request)| view! {
            <section class="share-banner share-incoming" role="region" aria-labelledby="incoming-title" data-testid="incoming">
                <h2 id="incoming-title" tabindex="-1" node_ref=heading>{t!(i18n, incoming_title)}</h2>
                <p>
                    <strong>{move || shown_title(&title, t_string!(i18n, untitled))}</strong> " · "
                    {move || fill_text(i18n, filled, total)}
                </p>
                {move || {
                    let dropped = inbox.incoming.with(|inc| {
                        inc.as_ref().map(|inc| dropped_labels(i18n, &inc.warnings, state.lang.get()))
                    })?;
                    (!dropped.is_empty()).then(|| view! {
                        <p>{t_string!(i18n, incoming_dropped, parts = dropped.join(", ")).to_string()}</p>
                    })
                }}
                {exists.then(|| view! { <p>{t!(i18n, incoming_exists)}</p> })}
                {request.then(|| view! {
                    <div class="incoming-request">
                        <p>{t!(i18n, contribute_request_text)}</p>
                        <label for="contributor-name">{t!(i18n, contribute_name_label)}</label>
                        <input id="contributor-name" type="text" autocomplete="name"
                            aria-describedby="contributor-name-help contributor-name-error"
                            aria-invalid=move || name_missing.get().to_string()
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                        <p id="contributor-name-help" class="share-note">{t!(i18n, contribute_name_help)}</p>
                        <p id="contributor-name-error" role="alert" class="share-warn">
                            {move || name_missing.get().then(|| t_string!(i18n, contribute_name_missing))}
                        </p>
                        <button type="button" class="start-primary" on:click=contribute>{t!(i18n, contribute_start)}</button>
                    </div>
                })}
                // Where the charter is already here, comparing and merging
                // is what to do first; a second draft is the exception.
                {exists.then(|| view! {
                    <button type="button" class="start-primary" on:click=compare aria-controls="compare"
                        aria-expanded=move || compared.with(Option::is_some).to_string()>
                        {t!(i18n, incoming_compare)}
                    </button>
                })}
                <button type="button" class:start-primary=!exists && !request on:click=save_new>{t!(i18n, incoming_save_new)}</button>
                {exists.then(|| view! {
                    <button type="button" on:click=replace>
                        {move || if confirm_replace.get() {
                            t_string!(i18n, incoming_replace_confirm)
                        } else {
                            t_string!(i18n, incoming_replace)
                        }}
                    </button>
                })}
                <button type="button" on:click=dismiss>{t!(i18n, incoming_ignore)}</button>
                {move || {
                    let (theirs, mine, base) = compared.get()?;
                    let current = inbox.incoming.with(|i| i.as_ref().is_some_and(|i| i.charter == theirs));
                    current.then(|| match mine {
                        Some(mine) => view! { <CompareMerge mine=mine theirs=theirs base=base /> }.into_any(),
                        None => view! { <p id="compare" role="alert">{t!(i18n, compare_unreadable)}</p> }.into_any(),
                    })
                }}
            </section>
        })}
    }
}

/// Opening a link pasted from an e-mail or a chat, or a charter file.
#[component]
pub fn OpenPasted() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let inbox = use_inbox();
    let pasted = RwSignal::new(String::new());
    let open_link = move |_| {
        let text = pasted.get_untracked();
        match repair_pasted_link(&text) {
            Some(fragment) => {
                offer_fragment(state, inbox, &fragment, asks_for_contributions(&text))
            }
            None => {
                inbox.incoming.set(None);
                inbox.error.set(Some(IncomingError::NoLink));
            }
        }
    };
    let read_file = move |file: web_sys::File| read_file(state, inbox, file);
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
        if let Some(i) = input {
            i.set_value("");
        }
    };
    view! {
        <section class="share-open" aria-labelledby="open-title">
            <h2 id="open-title">{t!(i18n, open_title)}</h2>
            <label for="open-pasted">{t!(i18n, open_pasted_label)}</label>
            <textarea id="open-pasted" rows="3" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <button type="button" on:click=open_link>{t!(i18n, open_pasted_button)}</button>
            <p>
                <label for="open-file">{t!(i18n, open_file_label)}</label>
                " "
                <input id="open-file" type="file" accept=".json,application/json" on:change=on_pick />
            </p>
            <p class="share-note">{t!(i18n, open_drop_hint)}</p>
        </section>
    }
}
