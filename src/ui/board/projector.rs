//! Projector mode: the board alone on the screen, in large, high-contrast
//! type, full screen where the browser allows it, with the share QR code
//! for the room to scan. Escape, or the same button, leaves it.
use crate::i18n::*;
use crate::ui::drafts::keep_sent;
use crate::ui::share::qr::{qr_drawing, qr_svg};
use crate::ui::share::share_link;
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The class the page's body takes while projecting: the shell steps aside.
const BODY_CLASS: &str = "projecting";

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Asks for full screen; a browser or frame that refuses leaves projector
/// mode in the page, which is enough on a projector already mirrored.
fn enter_full_screen() {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let Some(request) = js_sys::Reflect::get(&root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    if let Ok(promise) = request
        .call0(&root)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    {
        // A refusal is an answer, not an error to report.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

fn leave_full_screen() {
    if let Some(doc) = document() {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

fn set_body_class(on: bool) {
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = if on {
            body.class_list().add_1(BODY_CLASS)
        } else {
            body.class_list().remove_1(BODY_CLASS)
        };
    }
}

/// The button that enters and leaves projector mode.
#[component]
pub fn ProjectorButton(projecting: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let toggle = move |_| {
        let on = !projecting.get_untracked();
        projecting.set(on);
        if on {
            enter_full_screen();
        } else {
            leave_full_screen();
        }
    };
    Effect::new(move |_| set_body_class(projecting.get()));
    on_cleanup(move || {
        set_body_class(false);
        leave_full_screen();
    });
    // Leaving full screen (Escape, the browser's own control) leaves the mode.
    let full_screen = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            if document().is_some_and(|d| d.fullscreen_element().is_none()) {
                projecting.set(false);
            }
        },
    );
    on_cleanup(move || full_screen.remove());
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        // Not the Escape that closed the side panel.
        if ev.key() == "Escape" && !ev.default_prevented() && projecting.get_untracked() {
            projecting.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <button type="button" class="board-project" on:click=toggle>
            {move || if projecting.get() {
                t_string!(i18n, board_project_leave)
            } else {
                t_string!(i18n, board_project)
            }}
        </button>
    }
}

/// The share QR code beside the board, for the room to scan.
#[component]
pub fn Projector() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let link = share_link(state);
    // The code on the wall can be scanned at any moment: the version shown
    // when projecting starts and the one shown when it ends are kept as
    // sent (not each keystroke typed in between).
    state.charter.with_untracked(keep_sent);
    on_cleanup(move || state.charter.with_untracked(keep_sent));
    let drawn = Memo::new(move |_| link.with(|l| l.as_ref().and_then(|(_, qr)| qr_drawing(qr))));
    view! {
        <section class="board-qr" aria-labelledby="board-qr-title">
            <h3 id="board-qr-title">{t!(i18n, board_qr_title)}</h3>
            {move || match drawn.get() {
                Some(d) => view! {
                    {qr_svg(d, "board-qr-code", "board-qr-code")}
                    <p>{t!(i18n, share_qr_scan)}</p>
                }
                .into_any(),
                None => view! { <p>{t!(i18n, share_qr_too_long)}</p> }.into_any(),
            }}
        </section>
    }
}
