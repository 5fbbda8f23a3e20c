//! Asking colleagues for contributions, and sending one's own back. The
//! request is the share link with [`REQUEST_MARK`] after its `#`: whoever
//! opens it gives their name once, and their notes carry it. Their share
//! panel then offers to send their contributions back, by link, e-mail or a
//! message for Teams; the reply is a share link made from the version they
//! received, which the instigator's three-way comparison merges.
use crate::format::REQUEST_MARK;
use crate::i18n::*;
use crate::storage::{prefs, Local};
use crate::ui::clipboard::copy_text;
use crate::ui::drafts::download_copy;
use crate::ui::platform::mailto;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// What was copied last.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Link,
    Message,
    Failed,
    /// The browser refused the request file.
    FileRefused,
}

/// The request or the reply, for the charter on the board; `link` is its
/// share link.
#[component]
pub fn Contributions(link: Memo<Option<String>>, title: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = Memo::new(move |_| state.charter.with(|c| c.id.clone()));
    // Read again when the charter changes: a request just accepted is this draft.
    let contributing = Memo::new(move |_| prefs::is_contributing(&Local, &id.get()));
    let copied = RwSignal::new(None::<Copied>);
    let request_link = move || {
        link.get()
            .map(|l| l.replacen('#', &format!("#{REQUEST_MARK}"), 1))
    };
    // The link this group hands out: the reply is the plain share link.
    let handed = move || {
        if contributing.get() {
            link.get()
        } else {
            request_link()
        }
    };
    let name = move || prefs::saved_name(&Local).unwrap_or_default();
    let message = move || {
        let l = handed().unwrap_or_default();
        let t = title.get();
        if contributing.get() {
            t_string!(i18n, contribute_reply_message, title = t, link = l).to_string()
        } else {
            t_string!(i18n, contribute_request_message, title = t, link = l).to_string()
        }
    };
    let mail = move || {
        let t = title.get();
        let subject = if contributing.get() {
            t_string!(i18n, contribute_reply_subject, name = name(), title = t).to_string()
        } else {
            t_string!(i18n, contribute_request_subject, title = t).to_string()
        };
        mailto(&subject, &message())
    };
    // Without a link (a charter too large for one), there is nothing to
    // copy or mail: the share panel says to send the file instead.
    let no_link = move || link.with(Option::is_none);
    let copy = move |what: Copied| {
        let text = match what {
            Copied::Link => handed(),
            _ => handed().map(|_| message()),
        };
        let Some(text) = text else {
            return;
        };
        let done = copy_text(text);
        leptos::task::spawn_local(async move {
            copied.set(Some(if done.await { what } else { Copied::Failed }));
        });
    };
    view! {
        <div class="share-group share-contribute" data-testid="contributions">
            <h3>
                {move || if contributing.get() {
                    t_string!(i18n, contribute_reply_title)
                } else {
                    t_string!(i18n, contribute_request_title)
                }}
            </h3>
            <p class="share-note">
                {move || if contributing.get() {
                    t_string!(i18n, contribute_reply_help)
                } else {
                    t_string!(i18n, contribute_request_help)
                }}
            </p>
            <button type="button" disabled=no_link on:click=move |_| copy(Copied::Link)>
                {move || if contributing.get() {
                    t_string!(i18n, contribute_copy_reply_link)
                } else {
                    t_string!(i18n, contribute_copy_request_link)
                }}
            </button>
            <Show when=move || !no_link()>
                <a class="share-mail" href=mail>{t!(i18n, doc_mail)}</a>
            </Show>
            <button type="button" disabled=no_link on:click=move |_| copy(Copied::Message)>{t!(i18n, contribute_copy_message)}</button>
            // The request as a file, for a charter too long for a link or a
            // colleague who prefers one; the reply is then their own file.
            <Show when=move || !contributing.get()>
                <button type="button" on:click=move |_| {
                    copied.set((!download_copy(state, true)).then_some(Copied::FileRefused));
                }>{t!(i18n, contribute_request_file)}</button>
            </Show>
            <p role="status" class="doc-status">
                {move || match copied.get() {
                    Some(Copied::Link) => t_string!(i18n, share_copied_link),
                    Some(Copied::Message) => t_string!(i18n, contribute_copied_message),
                    Some(Copied::Failed) => t_string!(i18n, doc_copy_failed),
                    Some(Copied::FileRefused) => t_string!(i18n, download_refused),
                    None => "",
                }}
            </p>
        </div>
    }
}
