//! Embedding in a school intranet: `?embed` gives a compact layout without
//! the app's banner, a panel writes the iframe snippet, and inside another
//! site's frame one note says where drafts are kept and how to get out:
//! a download, or the full page, which carries the charter with it.
use crate::format::encode_fragment;
use crate::i18n::*;
use crate::storage::{SaveStatus, StorageError};
use crate::ui::drafts::{use_drafts, DownloadCopy};
use crate::ui::platform::{app_url, framed_by_another_site, is_embed_param};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Whether the address asks for the compact embedded layout (`?embed`).
pub fn embed_requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.trim_start_matches('?').split('&').any(is_embed_param))
}

/// The full page with the charter on the board in its fragment: it opens
/// there as a charter received, ready to be saved in that browser.
fn full_page_with_charter(state: AppState) -> String {
    let fragment = state.charter.with_untracked(encode_fragment).ok();
    match fragment {
        Some(f) => format!("{}#{f}", app_url()),
        None => app_url(),
    }
}

/// Opens the full page, carrying the charter; when the frame may not open
/// windows, gives the address to copy instead.
#[component]
pub fn OpenFullPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let refused = RwSignal::new(None::<String>);
    let open = move |_| {
        let url = full_page_with_charter(state);
        let opened = web_sys::window()
            .and_then(|w| w.open_with_url_and_target(&url, "_blank").ok().flatten());
        match opened {
            Some(w) => {
                // The new page owes nothing to this frame.
                let _ = js_sys::Reflect::set(&w, &"opener".into(), &wasm_bindgen::JsValue::NULL);
                refused.set(None);
            }
            None => refused.set(Some(url)),
        }
    };
    view! {
        <button type="button" class="embed-open-full" on:click=open>{t!(i18n, embed_open_full)}</button>
        {move || refused.get().map(|url| view! {
            <p class="embed-refused" role="alert">
                <label for="embed-full-url">{t!(i18n, embed_popup_blocked)}</label>
                <input id="embed-full-url" type="text" readonly prop:value=url
                    on:focus=|ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    } />
            </p>
        })}
    }
}

/// Inside another site's frame: where drafts live, one download, the full
/// page. When the frame keeps nothing at all, this note says so too, in place
/// of the storage banner.
#[component]
pub fn FramedNote() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    if !framed_by_another_site() {
        return ().into_any();
    }
    let nothing_kept = move || drafts.status.get() == SaveStatus::Failed(StorageError::Unavailable);
    view! {
        <div class="embed-note" role="note" data-testid="framed-note">
            <p>
                {move || if nothing_kept() {
                    t_string!(i18n, embed_framed_no_storage)
                } else {
                    t_string!(i18n, embed_framed)
                }}
            </p>
            <DownloadCopy />
            <OpenFullPage />
        </div>
    }
    .into_any()
}

/// The snippet a web editor pastes into an intranet page.
#[component]
pub fn EmbedSnippet() -> impl IntoView {
    let i18n = use_i18n();
    let snippet = move || {
        format!(
            "<iframe src=\"{}?embed\" title=\"Coplanifier\" allow=\"clipboard-write; fullscreen\" width=\"100%\" height=\"800\" style=\"border:0;max-width:100%\"></iframe>",
            app_url()
        )
    };
    view! {
        <details class="embed-snippet">
            <summary>{t!(i18n, embed_title)}</summary>
            <p>{t!(i18n, embed_help)}</p>
            <label for="embed-code">{t!(i18n, embed_code_label)}</label>
            <textarea id="embed-code" readonly rows="4" prop:value=snippet></textarea>
        </details>
    }
}
