//! One part on the board, as a compact card: its label, how full it is and
//! its first items. Pressing it opens the part in the side panel.
use crate::charter::{
    choice_options, columns, flag_options, format_day, CellInput, Part, PartKind,
};
use crate::i18n::*;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// What a card shows of its part: how many items (for lists) and the first
/// of them, or the text itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glance {
    /// How many notes, rows or ticked boxes; `None` for a text or a choice.
    pub count: Option<usize>,
    /// The first words: the text, the choice, or the first items.
    pub first: Vec<String>,
}

/// How many items a card shows.
const FIRST_ITEMS: usize = 2;

/// The DOM id of a part's card, where the focus returns when its panel closes.
pub fn card_dom_id(part_id: &str) -> String {
    format!("card-{part_id}")
}

/// What the card of `part` shows, read from that part's signals only: a
/// keystroke elsewhere never re-runs it.
fn glance(state: AppState, part: &'static Part) -> Glance {
    let store = state.charter;
    let lang = state.lang.get();
    let one = |s: String| Glance {
        count: None,
        first: (!s.trim().is_empty()).then_some(s).into_iter().collect(),
    };
    match part.kind {
        PartKind::Text { field, .. } => one(store.text(field)),
        PartKind::Date(field) => one(format_day(store.text(field).trim(), lang)),
        PartKind::Choice(f) => one(store
            .choice(f)
            .and_then(|k| choice_options(f).iter().find(|o| o.key == k))
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_default()),
        PartKind::Flags(set) => {
            let ticked: Vec<String> = flag_options(set)
                .iter()
                .filter(|o| store.flag(set, o.key))
                .map(|o| o.label.get(lang).to_string())
                .collect();
            Glance {
                count: Some(ticked.len()),
                first: ticked.into_iter().take(FIRST_ITEMS).collect(),
            }
        }
        PartKind::Notes(l) => {
            let ids = store.note_ids(l);
            Glance {
                count: Some(ids.len()),
                first: ids
                    .iter()
                    .take(FIRST_ITEMS)
                    .filter_map(|id| store.note(id))
                    .map(|n| n.text.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
            }
        }
        PartKind::Records(r) => {
            let ids = store.row_ids(r);
            let line = |id: &String| {
                columns(r)
                    .iter()
                    .zip(store.row(id))
                    .filter(|(col, v)| col.options.is_empty() && !v.trim().is_empty())
                    .map(|(col, v)| match col.input {
                        CellInput::Date => format_day(v.trim(), lang),
                        CellInput::Text | CellInput::Time => v.trim().to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            Glance {
                count: Some(ids.len()),
                first: ids
                    .iter()
                    .take(FIRST_ITEMS)
                    .map(line)
                    .filter(|l| !l.is_empty())
                    .collect(),
            }
        }
    }
}

/// A part's card: a button that opens the part in the side panel.
#[component]
pub fn PartCard(
    part: &'static Part,
    /// The part open in the side panel, if any.
    open: RwSignal<Option<&'static Part>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let seen = Memo::new(move |_| glance(state, part));
    let filled = move || state.charter.filled(part);
    let is_open = move || open.with(|o| o.is_some_and(|p| p.id == part.id));
    view! {
        <li class="board-item">
            <button type="button" class="board-card" id=card_dom_id(part.id) data-card=part.id
                class:board-card-filled=filled class:board-card-open=is_open
                aria-expanded=move || is_open().to_string() aria-controls="board-panel"
                on:click=move |_| open.set(if is_open() { None } else { Some(part) })>
                <span class="board-card-label">{move || part.label.get(lang.get())}</span>
                <span class="board-card-glance">
                    {move || seen.with(|g| g.count.filter(|n| *n > 0).map(|n| view! {
                        <span class="board-card-count">{n}</span>
                    }))}
                    {move || seen.with(|g| if g.first.is_empty() {
                        t_string!(i18n, board_empty).to_string()
                    } else {
                        g.first.join(" · ")
                    })}
                </span>
            </button>
        </li>
    }
}
