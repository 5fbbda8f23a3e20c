//! A list of notes: added, edited in place, deleted with undo, reordered and
//! moved between lists by drag and drop or by keyboard (Alt+↑/↓ in a note,
//! the arrow buttons, or the "move to" menu).
use crate::charter::{questions, Deleted, ListId, Part, PartKind};
use crate::i18n::*;
use crate::storage;
use crate::ui::canvas::part::part_dom_id;
use crate::ui::platform::fresh_item_id;
use crate::ui::state::use_app;
use leptos::html;
use leptos::prelude::*;

/// The MIME type that carries a dragged note's id.
const DRAG_TYPE: &str = "text/x-coplanifier-note";

/// Every notes list with its part, in board order: the targets of "move to".
fn note_lists() -> impl Iterator<Item = (ListId, &'static Part)> {
    questions().iter().flat_map(|q| {
        q.parts.iter().filter_map(|p| match p.kind {
            PartKind::Notes(l) => Some((l, p)),
            _ => None,
        })
    })
}

/// The id of the note being dragged, from a drag event.
fn dragged_id(ev: &web_sys::DragEvent) -> Option<String> {
    ev.data_transfer()
        .and_then(|dt| dt.get_data(DRAG_TYPE).ok())
        .filter(|s| !s.is_empty())
}

/// The notes of one list, with the button that adds one.
#[component]
pub fn NoteList(part: &'static Part, list: ListId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let dom_id = part_dom_id(part.id);
    let heading_id = format!("{dom_id}-label");
    let help_id = format!("{dom_id}-help");
    let ids = Memo::new(move |_| state.charter.note_ids(list));
    let add = move |_| {
        let id = fresh_item_id();
        // A colleague contributing to this charter signs their notes.
        let author = state
            .charter
            .with_untracked(|c| storage::prefs::author_for(&storage::Local, &c.id));
        state.edit(|c, now| {
            c.add_note(list, id.clone(), String::new(), now);
            if let Some(a) = author {
                c.set_note_author(&id, a, now);
            }
        });
        state.focus_note.set(Some(id));
    };
    // Dropping anywhere on the part but on a note puts the note at the end.
    let drop_at_end = move |ev: web_sys::DragEvent| {
        if let Some(id) = dragged_id(&ev) {
            ev.prevent_default();
            let end = ids.with_untracked(Vec::len);
            state.edit(|c, now| {
                c.move_note(&id, list, end, now);
            });
        }
    };
    view! {
        <section class="part part-notes" id=dom_id data-part=part.id aria-labelledby=heading_id.clone()
            aria-describedby=help_id.clone()
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=drop_at_end>
            <h4 class="part-label" id=heading_id.clone()>{move || part.label.get(lang.get())}</h4>
            <p class="part-help" id=help_id.clone()>{move || part.help.get(lang.get())}</p>
            <ul class="note-list" data-list=list.slug() aria-labelledby=heading_id.clone()>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <NoteCard id list />
                </For>
            </ul>
            <button class="note-add" on:click=add>{t!(i18n, add_note)}</button>
        </section>
    }
}

/// One note: its text, who suggested it, and how to move or delete it.
#[component]
fn NoteCard(id: String, list: ListId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let id = StoredValue::new(id);
    // Only this note's signal: typing elsewhere never re-runs these.
    let note = Memo::new(move |_| state.charter.note(&id.read_value()).unwrap_or_default());
    // Only the order of this note's list.
    let position = Memo::new(move |_| {
        let ids = state.charter.note_ids(list);
        let me = id.read_value();
        ids.iter().position(|x| *x == *me).map(|i| (i, ids.len()))
    });
    let textarea = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        let wanted = state.focus_note.get();
        if wanted.as_deref() == Some(id.read_value().as_str()) {
            if let Some(el) = textarea.get() {
                let _ = el.focus();
                state.focus_note.set(None);
            }
        }
    });

    let shift = move |delta: isize| {
        let Some((i, len)) = position.get_untracked() else {
            return;
        };
        let to = i as isize + delta;
        if to < 0 || to as usize >= len {
            return;
        }
        let nid = id.get_value();
        state.edit(|c, now| {
            c.move_note(&nid, list, to as usize, now);
        });
        state.focus_note.set(Some(nid));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() && (ev.key() == "ArrowUp" || ev.key() == "ArrowDown") {
            ev.prevent_default();
            shift(if ev.key() == "ArrowUp" { -1 } else { 1 });
        }
    };
    let on_text = move |ev| {
        let v = event_target_value(&ev);
        state.edit(|c, now| {
            c.edit_note(&id.read_value(), v, now);
        });
    };
    let on_author = move |ev| {
        let v = event_target_value(&ev);
        state.edit(|c, now| {
            c.set_note_author(&id.read_value(), v, now);
        });
    };
    let delete = move |_| {
        let nid = id.get_value();
        let mut deleted = None;
        state.edit(|c, now| deleted = c.delete_note(&nid, now));
        if let Some(d) = deleted {
            state.undo.set(Some(Deleted::Note(d)));
        }
    };
    let move_to = move |ev| {
        let slug = event_target_value(&ev);
        if let Some(to) = ListId::ALL.iter().copied().find(|l| l.slug() == slug) {
            let nid = id.get_value();
            state.edit(|c, now| {
                let end = c.notes(to).len();
                c.move_note(&nid, to, end, now);
            });
            state.focus_note.set(Some(nid));
        }
    };
    let drag_start = move |ev: web_sys::DragEvent| {
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data(DRAG_TYPE, &id.read_value());
            dt.set_effect_allowed("move");
        }
    };
    // Dropping on a note puts the dragged one at that note's place.
    let drop_here = move |ev: web_sys::DragEvent| {
        let Some(dragged) = dragged_id(&ev) else {
            return;
        };
        ev.prevent_default();
        ev.stop_propagation();
        if let Some((i, _)) = position.get_untracked() {
            state.edit(|c, now| {
                c.move_note(&dragged, list, i, now);
            });
        }
    };

    let text_id = format!("note-{}", id.read_value());
    let author_id = format!("{text_id}-author");
    let options = note_lists()
        .map(|(l, p)| {
            view! {
                <option value=l.slug() selected=l == list>
                    {move || p.label.get(lang.get())}
                    {(l == list).then(|| view! { " " {t!(i18n, note_move_here)} })}
                </option>
            }
        })
        .collect_view();
    view! {
        <li class="note" data-note-id=id.get_value() draggable="true"
            on:dragstart=drag_start
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=drop_here>
            <span class="note-grip" aria-hidden="true" title=move || t_string!(i18n, note_drag)>"⠿"</span>
            <label class="visually-hidden" for=text_id.clone()>{t!(i18n, note_text_label)}</label>
            <textarea class="note-text" id=text_id rows="2" node_ref=textarea
                prop:value=move || note.with(|n| n.text.clone())
                on:input=on_text on:keydown=on_key></textarea>
            <div class="note-meta">
                <label class="note-author-label" for=author_id.clone()>{t!(i18n, note_author_label)}</label>
                <input class="note-author" id=author_id type="text"
                    placeholder=move || t_string!(i18n, note_author_placeholder)
                    prop:value=move || note.with(|n| n.author.clone()) on:input=on_author />
            </div>
            <div class="note-actions">
                <button type="button" on:click=move |_| shift(-1)
                    disabled=move || position.get().is_none_or(|(i, _)| i == 0)
                    aria-label=move || t_string!(i18n, note_move_up)>"↑"</button>
                <button type="button" on:click=move |_| shift(1)
                    disabled=move || position.get().is_none_or(|(i, len)| i + 1 >= len)
                    aria-label=move || t_string!(i18n, note_move_down)>"↓"</button>
                <select class="note-move" on:change=move_to aria-label=move || t_string!(i18n, note_move_to)>
                    {options}
                </select>
                <button type="button" class="note-delete" on:click=delete
                    aria-label=move || t_string!(i18n, note_delete)>"✕"</button>
            </div>
        </li>
    }
}
