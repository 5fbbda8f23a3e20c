//! Embedding in a school intranet: `?embed` gives a compact layout without
//! the app's banner, a panel writes the iframe snippet, and inside another
//! site's frame the app says where drafts are kept and how to get out.
use crate::i18n::*;
use crate::ui::drafts::download_copy;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Whether the address asks for the compact embedded layout (`?embed`).
pub fn embed_requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| {
            q.trim_start_matches('?')
                .split('&')
                .any(|p| p == "embed" || p.starts_with("embed="))
        })
}

/// Whether the page runs inside a frame of another site (its storage may then
/// be partitioned or blocked by the browser).
pub fn framed_by_another_site() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(top)) = window.top() else {
        return false;
    };
    if top == *window.as_ref() {
        return false;
    }
    // Reading another site's location throws: that is the signal.
    top.location().href().is_err()
}

/// The page's own address without `?embed` nor fragment: the full app.
pub fn full_page_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Inside another site's frame: where drafts live, a download, the full page.
#[component]
pub fn FramedNote() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    if !framed_by_another_site() {
        return ().into_any();
    }
    view! {
        <div class="embed-note" role="note" data-testid="framed-note">
            <p>{t!(i18n, embed_framed)}</p>
            <button type="button" on:click=move |_| { download_copy(state); }>{t!(i18n, download_copy)}</button>
            <a href=full_page_url() target="_blank" rel="noopener">{t!(i18n, embed_open_full)}</a>
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
            "<iframe src=\"{}?embed\" title=\"Coplanifier\" allow=\"clipboard-write\" width=\"100%\" height=\"800\" style=\"border:0;max-width:100%\"></iframe>",
            full_page_url()
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
