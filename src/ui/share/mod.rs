//! Sharing without a server: the charter as a file, as Markdown, as a link
//! whose data sits in the URL fragment, and opening any of those back. Every
//! incoming charter goes through the one restore path and a preview; nothing
//! saved is ever overwritten without the user's say.
pub mod compare;
pub mod contribute;
pub mod incoming;
pub mod qr;

use crate::charter::Versions;
use crate::format::link::encode_link_and_qr;
use crate::format::{to_markdown, MarkdownLabels};
use crate::i18n::*;
use crate::storage::history;
use crate::storage::Local;
use crate::ui::clipboard::copy_text;
use crate::ui::drafts::{keep_sent, DownloadCopy};
use crate::ui::platform::{app_url, download, file_name, on_local_file, shown_title, timed};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use incoming::{accept_dropped_files, open_fragment_on_load, IncomingPreview, OpenPasted};
use qr::{LinkQr, QrText};

/// Links longer than this get cut by Teams and Outlook.
pub const LINK_WARN_CHARS: usize = 2000;

/// Selects the link's text so that the user can copy it with Ctrl+C.
fn select_link() {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("share-link"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// The share link and its QR form, from one encoding of the charter, for
/// the share panel and the projector.
pub fn share_link(state: AppState) -> Memo<Option<(String, QrText)>> {
    let encoded = Memo::new(move |_| {
        state.charter.with(|c| {
            // Made from the version this charter last received, if any.
            let from = history::last_received(&Local, &c.id);
            timed("coplanifier-link-encode", || {
                encode_link_and_qr(c, Versions::made_from(from))
            })
            .ok()
            .map(|(link, qr)| {
                let address = format!("{}#", app_url());
                let qr = match qr {
                    Some(alphanumeric) => QrText {
                        bytes: address.clone(),
                        alphanumeric,
                    },
                    None => QrText {
                        bytes: format!("{address}{link}"),
                        alphanumeric: String::new(),
                    },
                };
                (format!("{address}{link}"), qr)
            })
        })
    });
    encoded
}

/// File, Markdown and link, for the charter on the board.
#[component]
pub fn SharePanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let encoded = share_link(state);
    let link = Memo::new(move |_| encoded.with(|e| e.as_ref().map(|(l, _)| l.clone())));
    // What this panel shows can leave at any moment (copied, scanned,
    // selected by hand): each version it shows is kept as sent, so that a
    // reply made from it finds it here.
    Effect::new(move |_| {
        if link.with(Option::is_some) {
            state.charter.with(keep_sent);
        }
    });
    let qr_text = Signal::derive(move || encoded.with(|e| e.as_ref().map(|(_, q)| q.clone())));
    let title =
        Signal::derive(move || shown_title(&state.charter.title(), t_string!(i18n, untitled)));
    let markdown = move || {
        let labels = MarkdownLabels {
            untitled: t_string!(i18n, untitled).to_string(),
            kind: t_string!(i18n, charter_kind).to_string(),
            to_discuss: t_string!(i18n, charter_to_discuss).to_string(),
            suggested_by: t_string!(i18n, markdown_suggested_by).to_string(),
        };
        let lang = state.lang.get_untracked();
        state
            .charter
            .with_untracked(|c| to_markdown(c, lang, &labels))
    };
    // What was copied, or that copying failed (then the link is selected).
    let copied = RwSignal::new(None::<&'static str>);
    let download_md = move |_| {
        let title = state.charter.with_untracked(|c| c.title.clone());
        download(&file_name(&title, ".md"), "text/markdown", &markdown());
    };
    let copy_md = move |_| {
        let done = copy_text(markdown());
        leptos::task::spawn_local(async move {
            copied.set(Some(if done.await { "markdown" } else { "failed" }));
        });
    };
    let copy_link = move |_| {
        if let Some(l) = link.get_untracked() {
            let done = copy_text(l);
            leptos::task::spawn_local(async move {
                let ok = done.await;
                if !ok {
                    select_link();
                }
                copied.set(Some(if ok { "link" } else { "failed" }));
            });
        }
    };
    let length = move || link.with(|l| l.as_ref().map_or(0, String::len));
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{t!(i18n, share_title)}</h2>
            <contribute::Contributions link title />
            <div class="share-group">
                <h3>{t!(i18n, share_file_title)}</h3>
                <DownloadCopy />
            </div>
            <div class="share-group">
                <h3>{t!(i18n, share_markdown_title)}</h3>
                <button type="button" on:click=copy_md>{t!(i18n, share_copy_markdown)}</button>
                <button type="button" on:click=download_md>{t!(i18n, share_download_markdown)}</button>
            </div>
            <div class="share-group">
                <h3>{t!(i18n, share_link_title)}</h3>
                <p class="share-note">{t!(i18n, share_link_private)}</p>
                {on_local_file().then(|| view! {
                    <p class="share-warn" role="note" data-testid="share-local-file">{t!(i18n, share_link_local_file)}</p>
                })}
                <label for="share-link">{move || t_string!(i18n, share_link_length, n = length()).to_string()}</label>
                <input id="share-link" type="text" readonly prop:value=move || link.get().unwrap_or_default() />
                <button type="button" on:click=copy_link>{t!(i18n, share_copy_link)}</button>
                <Show when=move || { length() > LINK_WARN_CHARS }>
                    <p class="share-warn" role="note">{t!(i18n, share_link_too_long)}</p>
                </Show>
                <LinkQr text=qr_text title=title />
            </div>
            <p class="share-copied" role="status">
                {move || match copied.get() {
                    Some("link") => t_string!(i18n, share_copied_link),
                    Some("markdown") => t_string!(i18n, share_copied_markdown),
                    Some(_) => t_string!(i18n, share_copy_failed),
                    None => "",
                }}
            </p>
        </section>
    }
}
