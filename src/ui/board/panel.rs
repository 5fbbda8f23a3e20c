//! The side panel: one part of the board, edited next to it. It opens with
//! the focus on the part's first control, steps to the previous or next
//! part, and closes with Escape, giving the focus back to the part's card.
use crate::charter::{questions, Part};
use crate::i18n::*;
use crate::ui::board::card::card_dom_id;
use crate::ui::canvas::part::{part_dom_id, PartEditor};
use crate::ui::platform::{focus_first_control, focus_first_control_in_place};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Every part, in board order.
fn all_parts() -> impl Iterator<Item = &'static Part> {
    questions().iter().flat_map(|q| q.parts.iter())
}

/// The part `step` places after (or before, when negative) `part`, if any.
fn neighbour(part: &'static Part, step: isize) -> Option<&'static Part> {
    let parts: Vec<&'static Part> = all_parts().collect();
    let at = parts.iter().position(|p| p.id == part.id)?;
    let to = at.checked_add_signed(step)?;
    parts.get(to).copied()
}

/// The question a part belongs to, as "2. Pour qui…".
fn question_of(part: &'static Part) -> Option<&'static crate::charter::Question> {
    questions()
        .iter()
        .find(|q| q.parts.iter().any(|p| p.id == part.id))
}

/// The panel of the part that `open` names; nothing when it names none.
#[component]
pub fn PartPanel(open: RwSignal<Option<&'static Part>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    // The focus goes into the panel each time it shows another part.
    Effect::new(move |_| {
        if let Some(p) = open.get() {
            let id = part_dom_id(p.id);
            request_animation_frame(move || focus_first_control_in_place(&id));
        }
    });
    let close = move || {
        if let Some(p) = open.get_untracked() {
            open.set(None);
            let card = card_dom_id(p.id);
            request_animation_frame(move || focus_first_control(&card));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    let step = move |by: isize| {
        if let Some(next) = open.get_untracked().and_then(|p| neighbour(p, by)) {
            open.set(Some(next));
        }
    };
    move || {
        open.get().map(|part| {
            let question = question_of(part);
            view! {
                <section class="board-panel" id="board-panel" data-panel=part.id on:keydown=on_key
                    aria-label=move || part.label.get(lang.get())>
                    <div class="board-panel-bar">
                        <p class="board-panel-question">
                            {question.map(|q| view! {
                                <span class="canvas-zone-number">{q.number}</span>
                                {move || q.title.get(lang.get())}
                            })}
                        </p>
                        <button type="button" on:click=move |_| step(-1) disabled=neighbour(part, -1).is_none()
                            aria-label=move || t_string!(i18n, board_previous)>"←"</button>
                        <button type="button" on:click=move |_| step(1) disabled=neighbour(part, 1).is_none()
                            aria-label=move || t_string!(i18n, board_next)>"→"</button>
                        <button type="button" class="board-panel-close" on:click=move |_| close()>
                            {t!(i18n, board_close)}
                        </button>
                    </div>
                    <PartEditor part />
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_steps_through_every_part_in_board_order_and_stops_at_the_ends() {
        let parts: Vec<&'static Part> = all_parts().collect();
        let (first, last) = (parts[0], parts[parts.len() - 1]);
        assert!(neighbour(first, -1).is_none());
        assert!(neighbour(last, 1).is_none());
        assert_eq!(neighbour(first, 1).map(|p| p.id), Some(parts[1].id));
        let mut seen = vec![first.id];
        let mut at = first;
        while let Some(next) = neighbour(at, 1) {
            seen.push(next.id);
            at = next;
        }
        assert_eq!(seen, parts.iter().map(|p| p.id).collect::<Vec<_>>());
        assert!(question_of(last).is_some());
    }
}
