//! The views: one folder per feature. They read the charter from
//! [`state::AppState`] and change it only through domain operations.
pub mod board;
pub mod canvas;
pub mod charter_view;
pub mod clipboard;
pub mod documents;
pub mod drafts;
pub mod embed;
pub mod guide;
pub mod history;
pub mod platform;
pub mod readiness;
pub mod route;
pub mod share;
pub mod shell;
pub mod start;
pub mod state;
pub mod store;

use crate::i18n::I18nContextProvider;
use leptos::prelude::*;

/// The whole app: translations, state, then the shell that shows the route.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <shell::Shell />
        </I18nContextProvider>
    }
}
