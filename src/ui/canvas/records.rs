//! A table of rows with named columns (instigators, resources, agreements,
//! neighbouring communities): each row is a small group of labelled fields.
use crate::charter::{columns, CellInput, Deleted, Part, RecordList};
use crate::i18n::*;
use crate::ui::canvas::part::part_dom_id;
use crate::ui::platform::{focus_first_control, fresh_item_id};
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The rows of one record list, with the button that adds one.
#[component]
pub fn RecordTable(part: &'static Part, list: RecordList) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let dom_id = part_dom_id(part.id);
    let help_id = format!("{dom_id}-help");
    let ids = Memo::new(move |_| state.charter.row_ids(list));
    let add = move |_| {
        let id = fresh_item_id();
        state.edit(|c, now| c.add_record(list, id.clone(), now));
        request_animation_frame(move || focus_first_control(&format!("row-{id}")));
    };
    view! {
        <fieldset class="part part-records" id=dom_id data-part=part.id aria-describedby=help_id.clone()>
            <legend class="part-label">{move || part.label.get(lang.get())}</legend>
            <p class="part-help" id=help_id.clone()>{move || part.help.get(lang.get())}</p>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <RecordRow list id ids part_id=part.id />
            </For>
            <button type="button" class="record-add" on:click=add>{t!(i18n, add_record)}</button>
        </fieldset>
    }
}

#[component]
fn RecordRow(
    list: RecordList,
    id: String,
    ids: Memo<Vec<String>>,
    part_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let row_id = format!("row-{id}");
    let id = StoredValue::new(id);
    let number = move || {
        ids.with(|all| {
            all.iter()
                .position(|x| *x == *id.read_value())
                .map_or(0, |i| i + 1)
        })
    };
    let fields = columns(list)
        .iter()
        .map(|col| {
            let key = col.key;
            let field_id = format!("{row_id}-{key}");
            let value = Memo::new(move |_| state.charter.cell(list, &id.read_value(), key));
            let set = move |ev| {
                let v = event_target_value(&ev);
                state.edit(|c, now| {
                    c.set_record_value(list, &id.read_value(), key, v, now);
                });
            };
            let label = move || col.label.get(lang.get());
            let control = if col.options.is_empty() {
                let kind = match col.input {
                    CellInput::Text => "text",
                    CellInput::Date => "date",
                    CellInput::Time => "time",
                };
                view! { <input type=kind id=field_id.clone() prop:value=move || value.get() on:input=set /> }.into_any()
            } else {
                let options = col
                    .options
                    .iter()
                    .map(|o| {
                        view! {
                            <option value=o.key selected=move || value.with(|v| v == o.key)>
                                {move || o.label.get(lang.get())}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <select id=field_id.clone() on:change=set prop:value=move || value.get()>
                        <option value="" selected=move || value.with(String::is_empty)>{t!(i18n, choose)}</option>
                        {options}
                    </select>
                }
                .into_any()
            };
            view! {
                <div class="record-field">
                    <label for=field_id>{label}</label>
                    {control}
                </div>
            }
        })
        .collect_view();
    // Deleted at once, and offered for undo like a note.
    let delete = move |_| {
        let mut deleted = None;
        state.edit(|c, now| deleted = c.delete_record(list, &id.read_value(), now));
        if let Some(d) = deleted {
            state.undo.set(Some(Deleted::Record(d)));
        }
        // The focus goes to the table's "add a row" button, not to the page.
        if let Some(button) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("#{} .record-add", part_dom_id(part_id)))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    };
    view! {
        <div class="record" role="group" id=row_id
            aria-label=move || t_string!(i18n, record_label, n = number()).to_string()>
            {fields}
            <button type="button" class="record-delete" on:click=delete
                aria-label=move || format!("{} {}", t_string!(i18n, delete_record), number())>"✕"</button>
        </div>
    }
}
