//! Comparing a charter that arrived with the draft of the same charter saved
//! here, part by part, and merging the two as the user chooses. Nothing is
//! written until the user asks for the merge.
use crate::charter::{
    can_keep_both, differing_parts, merge, shown, titles_differ, Charter, Keep, Part,
};
use crate::i18n::*;
use crate::storage;
use crate::ui::charter_view::{part_body, written_by};
use crate::ui::drafts::open_charter;
use crate::ui::platform::{fresh_id, now, shown_title};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// The draft here with this id, as it stands now: the one on the board if it
/// is that one (with any edit not yet written), otherwise the stored one.
pub fn saved_draft(state: AppState, id: &str) -> Option<Charter> {
    if state.charter.with_untracked(|c| c.id == id) {
        return Some(state.charter.get_untracked());
    }
    match storage::load_draft(id, &mut fresh_id) {
        Ok(Some(Ok(r))) => Some(r.charter),
        // No such draft, storage blocked, or a draft that does not restore:
        // there is nothing to compare with.
        Ok(Some(Err(_))) | Ok(None) | Err(_) => None,
    }
}

/// One choice of the merge, as radio buttons.
#[component]
fn KeepChoice(name: String, keep: RwSignal<Keep>, both: bool) -> impl IntoView {
    let i18n = use_i18n();
    let radio = move |value: Keep, label: String| {
        view! {
            <label class="compare-keep">
                <input type="radio" name=name.clone() prop:checked=move || keep.get() == value
                    on:change=move |_| keep.set(value) />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <div class="compare-keeps">
            {radio(Keep::Mine, t_string!(i18n, compare_keep_mine).to_string())}
            {radio(Keep::Theirs, t_string!(i18n, compare_keep_theirs).to_string())}
            {both.then(|| radio(Keep::Both, t_string!(i18n, compare_keep_both).to_string()))}
        </div>
    }
}

/// Both versions of every part that differs, a choice for each, and the merge.
#[component]
pub fn CompareMerge(mine: Charter, theirs: Charter) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let title = titles_differ(&mine, &theirs).then(|| RwSignal::new(Keep::Mine));
    let parts: Vec<(&'static Part, RwSignal<Keep>)> = differing_parts(&mine, &theirs)
        .into_iter()
        .map(|p| (p, RwSignal::new(Keep::Mine)))
        .collect();
    let same = title.is_none() && parts.is_empty();
    let chosen = parts.clone();
    let theirs_for_merge = theirs.clone();
    let apply = move |_| {
        // The draft may have changed since the comparison opened: merge into
        // what is saved now, part by part as chosen.
        let Some(current) = saved_draft(state, &theirs_for_merge.id) else {
            return;
        };
        let picks: Vec<(&Part, Keep)> = chosen
            .iter()
            .map(|(p, k)| (*p, k.get_untracked()))
            .collect();
        let title = title.map(|k| k.get_untracked()).unwrap_or_default();
        let merged = merge(
            &current,
            &theirs_for_merge,
            title,
            &picks,
            now(),
            &mut fresh_id,
        );
        if open_charter(state, merged, true) {
            state.incoming.set(None);
            if let Some(w) = web_sys::window() {
                let _ = w
                    .location()
                    .set_hash(&crate::ui::route::Route::Canvas.href());
            }
        }
    };
    let side = move |c: &Charter, part: &'static Part| {
        let body = shown(part, c, lang.get_untracked(), &|a| written_by(i18n, a));
        part_body(i18n, body)
    };
    let title_row = title.map(|keep| {
        let mine_title = shown_title(&mine.title, t_string!(i18n, untitled));
        let theirs_title = shown_title(&theirs.title, t_string!(i18n, untitled));
        view! {
            <fieldset class="compare-part" data-part="title">
                <legend>{t!(i18n, header_title_label)}</legend>
                <div class="compare-sides">
                    <div><h4>{t!(i18n, compare_mine)}</h4><p>{mine_title}</p></div>
                    <div><h4>{t!(i18n, compare_theirs)}</h4><p>{theirs_title}</p></div>
                </div>
                <KeepChoice name="keep-title".to_string() keep=keep both=false />
            </fieldset>
        }
    });
    let rows = parts
        .iter()
        .map(|&(part, keep)| {
            view! {
                <fieldset class="compare-part" data-part=part.id>
                    <legend>{part.label.get(lang.get_untracked())}</legend>
                    <div class="compare-sides">
                        <div><h4>{t!(i18n, compare_mine)}</h4>{side(&mine, part)}</div>
                        <div><h4>{t!(i18n, compare_theirs)}</h4>{side(&theirs, part)}</div>
                    </div>
                    <KeepChoice name=format!("keep-{}", part.id) keep=keep both=can_keep_both(part) />
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="compare" aria-labelledby="compare-title" data-testid="compare">
            <h3 id="compare-title">{t!(i18n, compare_title)}</h3>
            {if same {
                view! { <p>{t!(i18n, compare_same)}</p> }.into_any()
            } else {
                view! {
                    <p>{t!(i18n, compare_help)}</p>
                    {title_row}
                    {rows}
                    <button type="button" class="start-primary" on:click=apply>{t!(i18n, compare_apply)}</button>
                }
                .into_any()
            }}
        </section>
    }
}
