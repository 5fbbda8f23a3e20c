//! The library of drafts kept in this browser, newest first: open, rename,
//! duplicate, delete with undo, and entries that no longer open, kept as they
//! were and offered as a download.
use crate::format::RestoreError;
use crate::i18n::*;
use crate::storage::{self, BrokenDraft, DraftEntry, DraftSummary, Local};
use crate::ui::canvas::fill_text;
use crate::ui::drafts::use_drafts;
use crate::ui::platform::{download, format_date, fresh_id, fresh_item_id, now, shown_title};
use crate::ui::state::use_app;
use leptos::prelude::*;

fn restore_error_text(i18n: leptos_i18n::I18nContext<Locale>, e: &RestoreError) -> String {
    match e {
        RestoreError::TooLarge => t_string!(i18n, error_too_large).to_string(),
        RestoreError::NotJson => t_string!(i18n, error_not_json).to_string(),
        RestoreError::NotACharter => t_string!(i18n, error_not_charter).to_string(),
        RestoreError::NewerVersion(_) => t_string!(i18n, error_newer).to_string(),
        RestoreError::Damaged => t_string!(i18n, error_damaged).to_string(),
    }
}

/// A selector for the focused control of a library row, to focus it again
/// once the list is drawn anew.
fn focused_control() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    let row = active.closest("[data-draft]").ok()??;
    let id = row.get_attribute("data-draft")?;
    let class = active.class_list().item(0);
    let tag = active.tag_name().to_lowercase();
    Some(match class {
        Some(c) => format!("[data-draft=\"{id}\"] {tag}.{c}"),
        None => format!("[data-draft=\"{id}\"] {tag}"),
    })
}

fn focus_selector(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A draft deleted from the library, kept until undone or replaced.
#[derive(Clone)]
struct DeletedDraft {
    id: String,
    title: String,
    raw: String,
}

/// The drafts kept in this browser, with what can be done to each.
#[component]
pub fn Library(on_open: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    let version = RwSignal::new(0u32);
    let deleted = RwSignal::new(None::<DeletedDraft>);
    // A library action the browser refused: said, never silent.
    let failed = RwSignal::new(false);
    // The list is drawn anew after each action: the focus goes back to the
    // same control of the same draft (or to `then`, a selector), not the page.
    let refresh_to = move |then: Option<String>| {
        let again = then.or_else(focused_control);
        version.update(|v| *v += 1);
        if let Some(selector) = again {
            request_animation_frame(move || focus_selector(&selector));
        }
    };
    let refresh = move || refresh_to(None);
    let lib = Memo::new(move |_| {
        version.track();
        drafts.status.track();
        storage::library(&mut Local, &mut fresh_item_id)
    });
    let open = move |id: String| {
        if let Ok(DraftEntry::Readable(r)) =
            storage::load_draft(&mut Local, &id, &mut fresh_item_id)
        {
            drafts.open(state, r.charter, false, on_open);
        }
    };
    let duplicate = move |id: String| {
        if let Ok(DraftEntry::Readable(r)) =
            storage::load_draft(&mut Local, &id, &mut fresh_item_id)
        {
            let mut copy = r.charter;
            copy.id = fresh_id();
            let title = shown_title(&copy.title, t_string!(i18n, untitled));
            copy.set_title(
                format!("{title} ({})", t_string!(i18n, library_copy_suffix)),
                now(),
            );
            failed.set(storage::save_draft(&mut Local, &copy).is_err());
            refresh();
        }
    };
    let rename = move |id: String, title: String| {
        if state.charter.with_untracked(|c| c.id == id) {
            state.edit(|c, now| c.set_title(title, now));
        } else if let Ok(DraftEntry::Readable(r)) =
            storage::load_draft(&mut Local, &id, &mut fresh_item_id)
        {
            let mut c = r.charter;
            c.set_title(title, now());
            failed.set(storage::save_draft(&mut Local, &c).is_err());
        }
        refresh();
    };
    let delete = move |d: DraftSummary| {
        let current = state.charter.with_untracked(|c| c.id == d.id);
        if current {
            // What is on the board is this draft: nothing of it is to be saved.
            drafts.forget();
        }
        match storage::delete_draft(&mut Local, &d.id) {
            Ok(Some(raw)) => deleted.set(Some(DeletedDraft {
                id: d.id.clone(),
                title: d.title.clone(),
                raw,
            })),
            Ok(None) => {}
            Err(_) => failed.set(true),
        }
        if current {
            let lang = state.lang.get_untracked();
            drafts.open(
                state,
                crate::charter::Charter::new(fresh_id(), lang, now()),
                false,
                Callback::new(|_| {}),
            );
        }
        refresh_to(Some(".drafts-undo button".to_string()));
    };
    let undo_delete = move |_| {
        if let Some(d) = deleted.get_untracked() {
            let back = format!("[data-draft=\"{}\"] .drafts-open", d.id);
            match storage::put_back_draft(&mut Local, &d.id, &d.raw) {
                Ok(()) => {
                    deleted.set(None);
                    refresh_to(Some(back));
                    return;
                }
                // Kept on offer (and downloadable) until it can be put back.
                Err(_) => {
                    failed.set(true);
                    download(&format!("{}.txt", d.id), "text/plain", &d.raw);
                }
            }
            refresh();
        }
    };
    let lang_code = move || state.lang.get().code();
    let row = move |d: DraftSummary| {
        let title = shown_title(&d.title, t_string!(i18n, untitled));
        let rename_id = format!("rename-{}", d.id);
        let (id_open, id_dup, id_ren) = (d.id.clone(), d.id.clone(), d.id.clone());
        let draft_id = d.id.clone();
        let rename_value = d.title.clone();
        let label_delete = format!("{} : {title}", t_string!(i18n, library_delete));
        let label_dup = format!("{} : {title}", t_string!(i18n, library_duplicate));
        let meta = format!(
            "{} {} · {}",
            t_string!(i18n, library_edited),
            format_date(d.updated_at, lang_code()),
            fill_text(i18n, d.filled, d.total)
        );
        view! {
            <li class="drafts-item" data-draft=draft_id>
                <button type="button" class="drafts-open" on:click=move |_| open(id_open.clone())>{title}</button>
                <span class="drafts-meta">{meta}</span>
                <span class="drafts-rename">
                    <label for=rename_id.clone()>{t!(i18n, library_rename)}</label>
                    <input type="text" class="drafts-rename-input" id=rename_id value=rename_value
                        on:change=move |ev| rename(id_ren.clone(), event_target_value(&ev)) />
                </span>
                <button type="button" class="drafts-duplicate" aria-label=label_dup on:click=move |_| duplicate(id_dup.clone())>
                    {t!(i18n, library_duplicate)}
                </button>
                <button type="button" class="drafts-delete" aria-label=label_delete
                    on:click=move |_| delete(d.clone())>{t!(i18n, library_delete)}</button>
            </li>
        }
    };
    let broken_row = move |b: BrokenDraft| {
        let reason = restore_error_text(i18n, &b.error);
        let backed_up = b.backed_up;
        let raw = b.raw.clone();
        let name = format!("{}.txt", b.key.replace('.', "-"));
        view! {
            <li class="drafts-broken" data-broken=b.key.clone()>
                <p>{t!(i18n, library_broken)} " " {reason}</p>
                {(!backed_up).then(|| view! { <p role="alert">{t!(i18n, library_broken_no_backup)}</p> })}
                <button type="button" on:click=move |_| { download(&name, "text/plain", &raw); }>
                    {t!(i18n, library_download_raw)}
                </button>
            </li>
        }
    };
    view! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{t!(i18n, library_title)}</h2>
            <Show when=move || failed.get()>
                <p class="drafts-banner" role="alert">{t!(i18n, library_action_failed)}</p>
            </Show>
            <Show when=move || deleted.with(Option::is_some)>
                <p class="drafts-undo" role="status">
                    {move || {
                        let title = deleted.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
                        t_string!(i18n, library_deleted, title = title).to_string()
                    }}
                    " "
                    <button type="button" on:click=undo_delete>{t!(i18n, undo)}</button>
                </p>
            </Show>
            {move || match lib.get() {
                Err(_) => view! { <p class="drafts-note">{t!(i18n, save_unavailable)}</p> }.into_any(),
                Ok(l) if l.drafts.is_empty() && l.broken.is_empty() => {
                    view! { <p class="drafts-note">{t!(i18n, library_empty)}</p> }.into_any()
                }
                Ok(l) => view! {
                    <ul class="drafts-list">{l.drafts.into_iter().map(row).collect_view()}</ul>
                    <ul class="drafts-list">{l.broken.into_iter().map(broken_row).collect_view()}</ul>
                }
                .into_any(),
            }}
            <p class="drafts-note">
                {t!(i18n, library_keep_copy)} " "
                {move || match drafts.persistent.get() {
                    Some(true) => t_string!(i18n, library_persistent_yes),
                    Some(false) => t_string!(i18n, library_persistent_no),
                    None => "",
                }}
            </p>
        </section>
    }
}
