//! The history of the draft on the board: the versions it sent, received,
//! merged or replaced, and the last version of each day it was edited,
//! newest first, each with its date and what happened.
//! Any of them compares with the draft as it is now (part by part, as the
//! charter shows them) and can be restored; restoring keeps the draft as it
//! was in the history too, so nothing is ever lost.
use crate::charter::{differing_parts, shown, titles_differ, Charter, VersionId};
use crate::i18n::*;
use crate::storage::history::{self, Exchange, Kept};
use crate::storage::Local;
use crate::ui::charter_view::{part_body, written_by};
use crate::ui::drafts::use_drafts;
use crate::ui::platform::{format_date, fresh_item_id, now, show_heading, shown_title};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// What happened to a version, in words.
fn what(i18n: leptos_i18n::I18nContext<Locale>, k: &Kept) -> String {
    match (k.exchange, &k.by) {
        (Exchange::Sent, _) => t_string!(i18n, history_sent).to_string(),
        (Exchange::Received, _) => t_string!(i18n, history_received).to_string(),
        (Exchange::BeforeMerge, _) => t_string!(i18n, history_before_merge).to_string(),
        (Exchange::Merged, Some(by)) => {
            t_string!(i18n, history_merged_by, name = by.clone()).to_string()
        }
        (Exchange::Merged, None) => t_string!(i18n, history_merged).to_string(),
        (Exchange::BeforeRestore, _) => t_string!(i18n, history_before_restore).to_string(),
        (Exchange::Restored, _) => t_string!(i18n, history_restored).to_string(),
        (Exchange::LastOfDay, _) => t_string!(i18n, history_last_of_day).to_string(),
        (Exchange::BeforeReplace, _) => t_string!(i18n, history_before_replace).to_string(),
    }
}

/// The history view of the draft on the board.
#[component]
pub fn HistoryView() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            show_heading(&h);
        }
    });
    // Read again after a restore, which adds to it.
    let changed = RwSignal::new(0u32);
    // What the last restore did: done, or refused (nothing changed).
    let said = RwSignal::new(None::<bool>);
    // After a restore, the focus goes back to the heading, above what it says.
    Effect::new(move |_| {
        if said.get().is_some() {
            if let Some(h) = heading.get_untracked() {
                show_heading(&h);
            }
        }
    });
    let entries = Memo::new(move |_| {
        changed.track();
        history::kept(&Local, &state.charter.id())
    });
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title" tabindex="-1" node_ref=heading>{t!(i18n, history_title)}</h2>
            <p class="history-intro">{t!(i18n, history_intro)}</p>
            <p><a href=Route::Charter.href()>{t!(i18n, documents_back)}</a></p>
            <p role="status" class="history-said">
                {move || match said.get() {
                    Some(true) => t_string!(i18n, history_restored_said),
                    Some(false) => t_string!(i18n, history_restore_refused),
                    None => "",
                }}
            </p>
            <Show when=move || entries.with(Vec::is_empty)>
                <p data-testid="history-none">{t!(i18n, history_none)}</p>
            </Show>
            <ol class="history-list">
                <For each=move || entries.get() key=|k| (k.version.clone(), k.at.to_bits()) let:kept>
                    <Version kept changed said />
                </For>
            </ol>
        </section>
    }
}

/// One version: what happened and when, its comparison with now, and restore.
#[component]
fn Version(kept: Kept, changed: RwSignal<u32>, said: RwSignal<Option<bool>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    let lang = state.lang;
    let label = StoredValue::new(kept.clone());
    let at = kept.at;
    let version = kept.version.clone();
    let compare_id = format!("history-compare-{version}");
    let open = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    // That version, read back through the one restore path; `None` when it
    // no longer reads (then it can neither compare nor restore).
    let then = Memo::new(move |_| {
        let id = state.charter.id();
        VersionId::from_text(&version)
            .and_then(|v| history::find(&Local, &id, v, &mut fresh_item_id))
    });
    let restore = move |_| {
        if !confirm.get_untracked() {
            confirm.set(true);
            return;
        }
        let Some(mut old) = then.get_untracked() else {
            return;
        };
        // The draft as it is now stays in the history, or nothing is
        // restored; the restored version is a new one, dated now.
        let kept = state.charter.with_untracked(|c| {
            history::record(&mut Local, c, Exchange::BeforeRestore, now(), None)
        });
        if kept.is_err() {
            said.set(Some(false));
            return;
        }
        old.touch(now());
        let after = Callback::new(move |_| {
            state.charter.with_untracked(|c| {
                let _ = history::record(&mut Local, c, Exchange::Restored, now(), None);
            });
            said.set(Some(true));
            changed.update(|n| *n += 1);
        });
        drafts.open(state, old, true, after);
    };
    let differences = move || {
        let lang = lang.get();
        then.with(|then| {
            let Some(then) = then else {
                return view! { <p role="alert">{t!(i18n, history_unreadable)}</p> }.into_any();
            };
            state
                .charter
                .with(|now_c| comparison(i18n, now_c, then, lang))
        })
    };
    view! {
        <li class="history-item">
            <p class="history-what">
                <strong>{move || label.with_value(|k| what(i18n, k))}</strong>
                " · "
                <span>{move || format_date(at, lang.get().code())}</span>
            </p>
            <div class="history-actions">
                <button type="button" aria-expanded=move || open.get().to_string() aria-controls=compare_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {t!(i18n, history_compare)}
                </button>
                <button type="button" on:click=restore disabled=move || then.with(Option::is_none)>
                    {move || if confirm.get() {
                        t_string!(i18n, history_restore_confirm)
                    } else {
                        t_string!(i18n, history_restore)
                    }}
                </button>
            </div>
            <div id=compare_id class="history-compare">
                <Show when=move || open.get()>{differences}</Show>
            </div>
        </li>
    }
}

/// The parts that differ between now and then, both sides as the charter
/// shows them; a sentence when nothing differs.
fn comparison(
    i18n: leptos_i18n::I18nContext<Locale>,
    now_c: &Charter,
    then: &Charter,
    lang: crate::charter::Lang,
) -> AnyView {
    let by = |a: &str| written_by(i18n, a);
    let untitled = t_string!(i18n, untitled);
    let title = titles_differ(now_c, then).then(|| {
        view! {
            <tr>
                <th scope="row">{t!(i18n, header_title_label)}</th>
                <td>{shown_title(&then.title, untitled)}</td>
                <td>{shown_title(&now_c.title, untitled)}</td>
            </tr>
        }
    });
    let parts = differing_parts(now_c, then);
    if title.is_none() && parts.is_empty() {
        return view! { <p>{t!(i18n, history_same)}</p> }.into_any();
    }
    let rows = parts
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{p.label.get(lang)}</th>
                    <td>{part_body(i18n, shown(p, then, lang, &by))}</td>
                    <td>{part_body(i18n, shown(p, now_c, lang, &by))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="history-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, history_part)}</th>
                    <th scope="col">{t!(i18n, history_then)}</th>
                    <th scope="col">{t!(i18n, history_now)}</th>
                </tr>
            </thead>
            <tbody>{title}{rows}</tbody>
        </table>
    }
    .into_any()
}
