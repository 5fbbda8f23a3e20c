//! Comparing a charter that arrived with the draft of the same charter saved
//! here, part by part, and merging the two as the user chooses. Nothing is
//! written until the user asks for the merge, and a merge that puts received
//! content in place of the draft's asks for a confirmation first.
use crate::charter::{
    can_keep_both, choice_options, conflict_part, contribution, differing_parts, kinds_differ,
    merge, merge3, shown, titles_differ, Charter, ChoiceField, Choices, Conflict, Keep, Lang, Part,
    Side, VersionId,
};
use crate::i18n::*;
use crate::storage::history::{self, Exchange};
use crate::storage::{self, DraftEntry, Local, SaveStatus};
use crate::ui::charter_view::{part_body, written_by};
use crate::ui::drafts::use_drafts;
use crate::ui::platform::{format_date, fresh_item_id, now, shown_title};
use crate::ui::route::Route;
use crate::ui::share::incoming::{received, use_inbox};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// The draft here with this id, as it stands now: the one on the board if it
/// is that one (with any edit not yet written), otherwise the stored one.
pub fn saved_draft(state: AppState, id: &str) -> Option<Charter> {
    if state.charter.with_untracked(|c| c.id == id) {
        return Some(state.charter.get_untracked());
    }
    match storage::load_draft(&mut Local, id, &mut fresh_item_id) {
        Ok(DraftEntry::Readable(r)) => Some(r.charter),
        // No such draft, storage blocked, or a draft that does not restore:
        // there is nothing to compare with.
        Ok(DraftEntry::Unreadable(_) | DraftEntry::Absent) | Err(_) => None,
    }
}

/// One choice of the merge, as radio buttons.
#[component]
fn KeepChoice(name: String, keep: RwSignal<Keep>, both: bool) -> impl IntoView {
    let i18n = use_i18n();
    let radio = move |value: Keep, label: AnyView| {
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
            {radio(Keep::Mine, view! { {t!(i18n, compare_keep_mine)} }.into_any())}
            {radio(Keep::Theirs, view! { {t!(i18n, compare_keep_theirs)} }.into_any())}
            {both.then(|| radio(Keep::Both, view! { {t!(i18n, compare_keep_both)} }.into_any()))}
        </div>
    }
}

/// One thing that differs: both versions side by side, and the choice.
#[component]
fn CompareRow(
    /// `data-part` of the row: a part id, `title` or `kind`.
    id: &'static str,
    /// What the row is called.
    label: Signal<String>,
    /// The draft's version.
    mine: AnyView,
    /// The received version.
    theirs: AnyView,
    keep: RwSignal<Keep>,
    both: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="compare-part" data-part=id>
            <legend>{label}</legend>
            <div class="compare-sides">
                <div><p class="compare-side">{t!(i18n, compare_mine)}</p>{mine}</div>
                <div><p class="compare-side">{t!(i18n, compare_theirs)}</p>{theirs}</div>
            </div>
            <KeepChoice name=format!("keep-{id}") keep=keep both=both />
        </fieldset>
    }
}

/// Why a merge did not happen.
#[derive(Clone, Copy, PartialEq)]
enum Blocked {
    /// Another tab saved this draft since this one read it.
    Conflict,
    /// The draft is no longer here.
    Gone,
}

/// Both versions of everything that differs, a choice for each, and the
/// merge. With the version both were made from (`base`), the comparison is
/// three-way: what only the other side changed is taken without asking,
/// and only what both sides changed differently asks.
#[component]
pub fn CompareMerge(mine: Charter, theirs: Charter, base: Option<Charter>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let drafts = use_drafts();
    let inbox = use_inbox();
    let lang = state.lang;
    // Who changed what, in words, against the common version (or, without
    // it, against the draft here).
    let summary = contribution(base.as_ref().unwrap_or(&mine), &theirs, base.is_none());
    // Whose contribution this is, for the history ("contribution de Bob fusionnée").
    let who = StoredValue::new((!summary.authors.is_empty()).then(|| summary.authors.join(", ")));
    // Three-way: the merge with every conflict kept as mine, once; where it
    // meets a conflict (`title`, `kind` or a part's id) is what asks.
    let merged = base
        .as_ref()
        .map(|b| (b, merge3(b, &mine, &theirs, &|_| Side::Mine, 0.0)));
    let conflicts: Option<Vec<&'static str>> = merged
        .as_ref()
        .map(|(_, m)| m.conflicts.iter().filter_map(conflict_part).collect());
    let asks = |id: &str| conflicts.as_ref().is_none_or(|c| c.contains(&id));
    let title = (titles_differ(&mine, &theirs) && asks("title")).then(|| RwSignal::new(Keep::Mine));
    let kind = (kinds_differ(&mine, &theirs) && asks("kind")).then(|| RwSignal::new(Keep::Mine));
    let parts: Vec<(&'static Part, RwSignal<Keep>)> = differing_parts(&mine, &theirs)
        .into_iter()
        .filter(|p| asks(p.id))
        .map(|p| (p, RwSignal::new(Keep::Mine)))
        .collect();
    // Three-way: what will be taken without asking (changed there, not
    // here, and not already the same here), what is deleted, and whether
    // the merge changes anything at all.
    let by = |a: &str| a.to_string();
    let (taken, title_taken, kind_taken, deleted, nothing_new) = match &merged {
        Some((b, m)) => {
            let labels: Vec<&'static Part> = differing_parts(b, &theirs)
                .into_iter()
                .filter(|p| {
                    !asks(p.id)
                        && shown(p, &mine, Lang::Fr, &by) != shown(p, &theirs, Lang::Fr, &by)
                })
                .collect();
            let title_taken =
                titles_differ(b, &theirs) && titles_differ(&mine, &theirs) && !asks("title");
            let kind_taken =
                kinds_differ(b, &theirs) && kinds_differ(&mine, &theirs) && !asks("kind");
            let nothing_new = VersionId::of(&m.charter) == VersionId::of(&mine);
            (
                labels,
                title_taken,
                kind_taken,
                m.deleted.len(),
                nothing_new,
            )
        }
        None => (Vec::new(), false, false, 0, false),
    };
    let three_way = base.is_some();
    let no_rows = title.is_none() && kind.is_none() && parts.is_empty();
    // Nothing to do: nothing differs, or (three-way) the merge would leave
    // the draft as it is and nothing conflicts.
    let same = no_rows && (!three_way || nothing_new);
    let base = StoredValue::new(base);
    let mine = StoredValue::new(mine);
    let theirs = StoredValue::new(theirs);
    let chosen = StoredValue::new(parts.clone());
    let choices = move || Choices {
        title: title.map(|k| k.get()).unwrap_or_default(),
        kind: kind.map(|k| k.get()).unwrap_or_default(),
        parts: chosen.with_value(|c| c.iter().map(|(p, k)| (*p, k.get())).collect()),
    };
    // Asked once when the merge replaces something of the draft; any new
    // choice asks again.
    let confirm = RwSignal::new(false);
    Effect::new(move |_| {
        choices();
        confirm.set(false);
    });
    let blocked = RwSignal::new(None::<Blocked>);
    let apply = move |_| {
        let choices = untrack(choices);
        if choices.replaces_any() && !confirm.get_untracked() {
            confirm.set(true);
            return;
        }
        let on_board = theirs.with_value(|t| state.charter.with_untracked(|c| c.id == t.id));
        if on_board && drafts.status.get_untracked() == SaveStatus::Conflict {
            blocked.set(Some(Blocked::Conflict));
            return;
        }
        // The draft may have changed since the comparison opened: merge into
        // what it is now, part by part as chosen.
        let Some(current) = theirs.with_value(|t| saved_draft(state, &t.id)) else {
            blocked.set(Some(Blocked::Gone));
            return;
        };
        let merged = theirs.with_value(|t| match base.get_value() {
            // Each conflict goes the way its part was chosen.
            Some(b) => {
                let side = |c: &Conflict| {
                    let part = conflict_part(c);
                    let keep = match part {
                        Some("title") => choices.title,
                        Some("kind") => choices.kind,
                        Some(id) => choices
                            .parts
                            .iter()
                            .find(|(p, _)| p.id == id)
                            .map_or(Keep::Mine, |(_, k)| *k),
                        None => Keep::Mine,
                    };
                    if keep == Keep::Theirs {
                        Side::Theirs
                    } else {
                        Side::Mine
                    }
                };
                let mut merged = merge3(&b, &current, t, &side, now()).charter;
                merged.ensure_unique_ids(&mut fresh_item_id);
                merged
            }
            None => merge(&current, t, &choices, now(), &mut fresh_item_id),
        });
        // The draft as it was, offered back right after (one step of undo),
        // and kept in the history with the merged version.
        let before = current.clone();
        let by = who.get_value();
        // Once the merge is open (the user may still be asked first).
        let after = Callback::new(move |_| {
            inbox.incoming.set(None);
            let _ = history::record(&mut Local, &before, Exchange::BeforeMerge, now(), None);
            drafts.before_merge.set(Some(before.clone()));
            state.charter.with_untracked(|c| {
                let _ = history::record(&mut Local, c, Exchange::Merged, now(), by.as_deref());
            });
            Route::Canvas.go();
        });
        theirs.with_value(received);
        drafts.open(state, merged, true, after);
    };
    // What a side says, in the language the app is shown in.
    let side = move |c: StoredValue<Charter>, part: &'static Part| {
        (move || {
            let lang = lang.get();
            c.with_value(|c| part_body(i18n, shown(part, c, lang, &|a| written_by(i18n, a))))
        })
        .into_any()
    };
    let title_of = move |c: StoredValue<Charter>| {
        (move || {
            view! { <p>{c.with_value(|c| shown_title(&c.title, t_string!(i18n, untitled)))}</p> }
        })
        .into_any()
    };
    let kind_of = move |c: StoredValue<Charter>| {
        (move || {
            let key = c.with_value(|c| c.choice(ChoiceField::Kind));
            let label = choice_options(ChoiceField::Kind)
                .iter()
                .find(|o| Some(o.key) == key)
                .map(|o| o.label.get(lang.get()))
                .unwrap_or_default();
            view! { <p>{label}</p> }
        })
        .into_any()
    };
    // When each version was last changed, to help choose.
    let edited = move |c: StoredValue<Charter>| {
        move || {
            let at = c.with_value(|c| c.updated_at);
            let date = format_date(at, lang.get().code());
            t_string!(i18n, compare_edited, date = date).to_string()
        }
    };
    let title_row = title.map(|keep| {
        let label = Signal::derive(move || t_string!(i18n, header_title_label).to_string());
        view! { <CompareRow id="title" label=label mine=title_of(mine) theirs=title_of(theirs) keep=keep both=false /> }
    });
    let kind_row = kind.map(|keep| {
        let label = Signal::derive(move || t_string!(i18n, charter_kind).to_string());
        view! { <CompareRow id="kind" label=label mine=kind_of(mine) theirs=kind_of(theirs) keep=keep both=false /> }
    });
    let has_rows = title.is_some() || kind.is_some() || !parts.is_empty();
    let rows = parts
        .into_iter()
        .map(|(part, keep)| {
            let label = Signal::derive(move || part.label.get(lang.get()).to_string());
            // Three-way, a conflict is settled one way or the other: what
            // does not conflict in the part is merged anyway.
            let both = !three_way && can_keep_both(part);
            view! {
                <CompareRow id=part.id label=label mine=side(mine, part) theirs=side(theirs, part)
                    keep=keep both=both />
            }
        })
        .collect_view();
    // The comparison takes the focus when it opens, so that keyboard and
    // screen-reader users land on it.
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="compare" id="compare" aria-labelledby="compare-title" data-testid="compare">
            <h3 id="compare-title" tabindex="-1" node_ref=heading>{t!(i18n, compare_title)}</h3>
            {move || summary.describe(lang.get()).map(|s| view! {
                <p class="compare-summary" data-testid="compare-summary"><strong>{s}</strong></p>
            })}
            {if same {
                if three_way {
                    view! { <p>{t!(i18n, compare_nothing_new)}</p> }.into_any()
                } else {
                    view! { <p>{t!(i18n, compare_same)}</p> }.into_any()
                }
            } else {
                let taken_labels = taken.clone();
                view! {
                    {if three_way {
                        view! {
                            <div data-testid="compare-three-way">
                                {(!taken_labels.is_empty() || title_taken || kind_taken).then(|| {
                                    let labels = taken_labels.clone();
                                    view! {
                                        <p>{move || {
                                            let l = lang.get();
                                            let mut names: Vec<String> = Vec::new();
                                            if title_taken {
                                                names.push(t_string!(i18n, header_title_label).to_string());
                                            }
                                            if kind_taken {
                                                names.push(t_string!(i18n, charter_kind).to_string());
                                            }
                                            names.extend(labels.iter().map(|p| p.label.get(l).to_string()));
                                            t_string!(i18n, compare_taken, parts = names.join(", ")).to_string()
                                        }}</p>
                                    }
                                })}
                                {(deleted > 0).then(|| view! {
                                    <p>{move || t_string!(i18n, compare_deleted, n = deleted).to_string()}</p>
                                })}
                                {has_rows.then(|| view! { <p>{t!(i18n, compare_conflicts_help)}</p> })}
                            </div>
                        }
                        .into_any()
                    } else {
                        view! {
                            <p data-testid="compare-two-way">{t!(i18n, compare_two_way)}</p>
                            <p>{t!(i18n, compare_help)}</p>
                        }
                        .into_any()
                    }}
                    <div class="compare-sides compare-dates">
                        <p><span class="compare-side">{t!(i18n, compare_mine)}</span> " · " {edited(mine)}</p>
                        <p><span class="compare-side">{t!(i18n, compare_theirs)}</span> " · " {edited(theirs)}</p>
                    </div>
                    {title_row}
                    {kind_row}
                    {rows}
                    <button type="button" class="start-primary" on:click=apply>
                        {move || if confirm.get() {
                            t_string!(i18n, compare_apply_confirm)
                        } else {
                            t_string!(i18n, compare_apply)
                        }}
                    </button>
                    <p role="alert">
                        {move || match blocked.get() {
                            Some(Blocked::Conflict) => t_string!(i18n, compare_conflict),
                            Some(Blocked::Gone) => t_string!(i18n, compare_gone),
                            None => "",
                        }}
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
