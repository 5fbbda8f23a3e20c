//! One part of a question, edited in place: a text, a choice, a set of
//! choices, a list of notes or a table of rows. Used by the canvas and the
//! guided path alike.
use crate::charter::{
    choice_options, flag_options, ChoiceField, FlagSet, Part, PartKind, TextField,
};
use crate::ui::canvas::notes::NoteList;
use crate::ui::canvas::records::RecordTable;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The DOM id of a part's container, the target of readiness jumps.
pub fn part_dom_id(part_id: &str) -> String {
    format!("part-{part_id}")
}

/// Edits one part, whatever its kind.
#[component]
pub fn PartEditor(part: &'static Part) -> impl IntoView {
    match part.kind {
        PartKind::Text { field, multiline } => {
            view! { <TextPart part field multiline input="text" /> }.into_any()
        }
        PartKind::Date(field) => {
            view! { <TextPart part field multiline=false input="date" /> }.into_any()
        }
        PartKind::Choice(field) => view! { <ChoicePart part field /> }.into_any(),
        PartKind::Flags(set) => view! { <FlagsPart part set /> }.into_any(),
        PartKind::Notes(list) => view! { <NoteList part list /> }.into_any(),
        PartKind::Records(list) => view! { <RecordTable part list /> }.into_any(),
    }
}

#[component]
fn TextPart(
    part: &'static Part,
    field: TextField,
    multiline: bool,
    /// The input's `type`: `text` or `date`.
    input: &'static str,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dom_id = part_dom_id(part.id);
    let input_id = format!("{dom_id}-input");
    let help_id = format!("{dom_id}-help");
    let value = move || state.charter.text(field);
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        state.edit(|c, now| c.set_text(field, v, now));
    };
    let control = if multiline {
        view! {
            <textarea id=input_id.clone() rows="3" aria-describedby=help_id.clone()
                prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type=input id=input_id.clone() aria-describedby=help_id.clone()
                prop:value=value on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="part part-text" id=dom_id data-part=part.id>
            <label class="part-label" for=input_id>{move || part.label.get(lang.get())}</label>
            <p class="part-help" id=help_id.clone()>{move || part.help.get(lang.get())}</p>
            {control}
        </div>
    }
}

#[component]
fn ChoicePart(part: &'static Part, field: ChoiceField) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dom_id = part_dom_id(part.id);
    let help_id = format!("{dom_id}-help");
    let current = Memo::new(move |_| state.charter.choice(field));
    let options = choice_options(field)
        .iter()
        .map(|opt| {
            let key = opt.key;
            let pick = move |_| state.edit(|c, now| c.set_choice(field, Some(key), now));
            view! {
                <label class="part-option">
                    <input type="radio" name=dom_id.clone() value=key
                        prop:checked=move || current.get() == Some(key) on:change=pick />
                    <span>{move || opt.label.get(lang.get())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="part part-choice" id=dom_id.clone() data-part=part.id aria-describedby=help_id.clone()>
            <legend class="part-label">{move || part.label.get(lang.get())}</legend>
            <p class="part-help" id=help_id.clone()>{move || part.help.get(lang.get())}</p>
            <div class="part-options">{options}</div>
        </fieldset>
    }
}

#[component]
fn FlagsPart(part: &'static Part, set: FlagSet) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dom_id = part_dom_id(part.id);
    let help_id = format!("{dom_id}-help");
    let options = flag_options(set)
        .iter()
        .map(|opt| {
            let key = opt.key;
            let checked = move || state.charter.flag(set, key);
            let toggle = move |_| state.edit(|c, now| c.toggle_flag(set, key, now));
            view! {
                <label class="part-option">
                    <input type="checkbox" value=key prop:checked=checked on:change=toggle />
                    <span>{move || opt.label.get(lang.get())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="part part-flags" id=dom_id data-part=part.id aria-describedby=help_id.clone()>
            <legend class="part-label">{move || part.label.get(lang.get())}</legend>
            <p class="part-help" id=help_id.clone()>{move || part.help.get(lang.get())}</p>
            <div class="part-options">{options}</div>
        </fieldset>
    }
}
