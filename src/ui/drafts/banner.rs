//! What the user is told about saving: a quiet indicator in the header, a
//! banner whenever what they type is not being kept, with a way out, and
//! the question asked in the page before unsaved work is replaced.
use crate::i18n::*;
use crate::storage::{SaveStatus, StorageError};
use crate::ui::drafts::{download_copy, use_drafts, Notice};
use crate::ui::platform::{framed_by_another_site, sandboxed};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The quiet indicator that tells the truth about saving.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let text = move || match drafts.status.get() {
        SaveStatus::Idle => "",
        SaveStatus::Saved | SaveStatus::Followed | SaveStatus::Merged => {
            t_string!(i18n, save_saved)
        }
        SaveStatus::Failed(_) | SaveStatus::Conflict => t_string!(i18n, save_not_saved),
    };
    view! {
        <p class="drafts-indicator" data-testid="save-status">{text}</p>
    }
}

/// The button that offers the board as a JSON file, and says when the
/// browser refused.
#[component]
pub fn DownloadCopy() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let refused = RwSignal::new(false);
    // In a sandboxed frame the browser may drop the download without a word.
    let maybe_blocked = RwSignal::new(false);
    let save = move |_| {
        refused.set(!download_copy(state, false));
        maybe_blocked.set(sandboxed());
    };
    view! {
        <button type="button" class="drafts-download" on:click=save>{t!(i18n, download_copy)}</button>
        <Show when=move || refused.get()>
            <span role="alert">{t!(i18n, download_refused)}</span>
        </Show>
        <Show when=move || maybe_blocked.get() && !refused.get()>
            <span role="status" class="drafts-download-note">{t!(i18n, download_maybe_blocked)}</span>
        </Show>
    }
}

/// A banner for every state in which typing is not being kept, or another
/// tab changed the draft; each offers what the user can do about it.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    // Inside another site's frame, the frame's own note says it, once.
    let framed = framed_by_another_site();
    let body = move || {
        match drafts.status.get() {
        SaveStatus::Failed(StorageError::Unavailable) if framed => None,
        SaveStatus::Failed(reason) => {
            let message = match reason {
                StorageError::Full => t_string!(i18n, save_full),
                StorageError::Unavailable => t_string!(i18n, save_unavailable),
                StorageError::Failed => t_string!(i18n, save_failed),
                StorageError::Protected => t_string!(i18n, save_protected),
            };
            Some(
                view! {
                    <div class="drafts-banner" role="alert" data-testid="storage-banner">
                        <p>{message}</p>
                        <DownloadCopy />
                    </div>
                }
                .into_any(),
            )
        }
        SaveStatus::Conflict => Some(
            view! {
                <div class="drafts-banner" role="alert" data-testid="conflict-banner">
                    <p>{t!(i18n, conflict_text)}</p>
                    <button type="button" on:click=move |_| drafts.take_theirs(state)>{t!(i18n, conflict_take_theirs)}</button>
                    <button type="button" on:click=move |_| drafts.keep_mine(state)>{t!(i18n, conflict_keep_mine)}</button>
                    <DownloadCopy />
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Followed => Some(
            view! {
                <div class="drafts-banner drafts-banner-info" role="status">
                    <p>{t!(i18n, followed_text)}</p>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Merged => Some(
            view! {
                <div class="drafts-banner drafts-banner-info" role="status" data-testid="merged-banner">
                    <p>{t!(i18n, merged_tabs_text)}</p>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Idle | SaveStatus::Saved => None,
    }
    };
    let notice = move || {
        drafts.notice.get().map(|n| {
            let text = match n {
                Notice::TheirsGone => t_string!(i18n, notice_theirs_gone),
                Notice::TheirsUnreadable => t_string!(i18n, notice_theirs_unreadable),
                Notice::CurrentUnrecorded => t_string!(i18n, notice_current_unrecorded),
            };
            view! {
                <div class="drafts-banner" role="alert" data-testid="drafts-notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| drafts.notice.set(None)>{t!(i18n, dismiss)}</button>
                </div>
            }
        })
    };
    view! {
        {move || drafts.last_unreadable.get().map(|backed_up| view! {
            <div class="drafts-banner" role="alert" data-testid="last-draft-unreadable">
                <p>{t!(i18n, last_draft_unreadable)}</p>
                {(!backed_up).then(|| view! { <p>{t!(i18n, last_draft_no_backup)}</p> })}
                <a href="#/">{t!(i18n, nav_start)}</a>
                <button type="button" on:click=move |_| drafts.last_unreadable.set(None)>{t!(i18n, dismiss)}</button>
            </div>
        })}
        {body}
        {notice}
    }
}

/// Asked in the page (never through `window.confirm`, which sandboxed
/// frames silently refuse) before a charter replaces work that could not be
/// saved.
#[component]
pub fn ReplaceQuestion() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    let heading = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        if drafts.pending.with(Option::is_some) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    view! {
        <Show when=move || drafts.pending.with(Option::is_some)>
            <div class="drafts-banner drafts-question" role="alertdialog" aria-labelledby="replace-question"
                data-testid="replace-question">
                <p id="replace-question" tabindex="-1" node_ref=heading>{t!(i18n, replace_question)}</p>
                <DownloadCopy />
                <button type="button" on:click=move |_| drafts.confirm_pending(state)>{t!(i18n, replace_anyway)}</button>
                <button type="button" on:click=move |_| drafts.pending.set(None)>{t!(i18n, replace_cancel)}</button>
            </div>
        </Show>
    }
}
