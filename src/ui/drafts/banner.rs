//! What the user is told about saving: a quiet indicator in the header, and
//! a banner whenever what they type is not being kept, with a way out.
use crate::i18n::*;
use crate::storage::StorageError;
use crate::ui::drafts::{download_copy, keep_mine, take_theirs, SaveStatus};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The quiet indicator that tells the truth about saving.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let text = move || match state.save.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => t_string!(i18n, save_pending).to_string(),
        SaveStatus::Saved | SaveStatus::Followed => t_string!(i18n, save_saved).to_string(),
        SaveStatus::Failed(_) | SaveStatus::Conflict => t_string!(i18n, save_not_saved).to_string(),
    };
    view! {
        <p class="drafts-indicator" data-testid="save-status">{text}</p>
    }
}

/// A banner for every state in which typing is not being kept, or another
/// tab changed the draft; each offers what the user can do about it.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let refused = RwSignal::new(false);
    let save_copy = move |_| refused.set(!download_copy(state));
    let copy_button = move || {
        view! {
            <button type="button" class="drafts-download" on:click=save_copy>{t!(i18n, download_copy)}</button>
        }
    };
    let body = move || {
        match state.save.get() {
        SaveStatus::Failed(reason) => {
            let message = match reason {
                StorageError::Full => t_string!(i18n, save_full),
                StorageError::Unavailable => t_string!(i18n, save_unavailable),
                StorageError::Failed => t_string!(i18n, save_failed),
                StorageError::Protected => t_string!(i18n, save_protected),
            };
            Some(view! {
                <div class="drafts-banner" role="alert" data-testid="storage-banner">
                    <p>{message}</p>
                    {copy_button()}
                </div>
            }.into_any())
        }
        SaveStatus::Conflict => Some(view! {
            <div class="drafts-banner" role="alert" data-testid="conflict-banner">
                <p>{t!(i18n, conflict_text)}</p>
                <button type="button" on:click=move |_| take_theirs(state)>{t!(i18n, conflict_take_theirs)}</button>
                <button type="button" on:click=move |_| keep_mine(state)>{t!(i18n, conflict_keep_mine)}</button>
                {copy_button()}
            </div>
        }.into_any()),
        SaveStatus::Followed => Some(view! {
            <div class="drafts-banner drafts-banner-info" role="status">
                <p>{t!(i18n, followed_text)}</p>
            </div>
        }.into_any()),
        _ => None,
    }
    };
    view! {
        <Show when=move || state.last_draft_unreadable.get()>
            <div class="drafts-banner" role="alert" data-testid="last-draft-unreadable">
                <p>{t!(i18n, last_draft_unreadable)}</p>
                <a href="#/">{t!(i18n, nav_start)}</a>
                <button type="button" on:click=move |_| state.last_draft_unreadable.set(false)>{t!(i18n, dismiss)}</button>
            </div>
        </Show>
        {body}
        <Show when=move || refused.get()>
            <p class="drafts-banner" role="alert">{t!(i18n, download_refused)}</p>
        </Show>
    }
}
