//! Browser tests: the app mounted in headless Chromium, read back from the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// A fresh element to mount into, so tests do not see each other's DOM.
fn host() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc
        .create_element("div")
        .expect("create a div")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("a div is an HtmlElement");
    doc.body()
        .expect("a body")
        .append_child(&el)
        .expect("append");
    el
}

/// Lets the browser run pending work (reactive effects) once.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until `cond` holds, for at most 100 frames.
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..100 {
        if cond() {
            return;
        }
        tick().await;
    }
    panic!("never happened: {what}");
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

fn mount_at(hash: &str) -> web_sys::HtmlElement {
    let _ = web_sys::window().expect("window").location().set_hash(hash);
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
    let el = host();
    let handle = leptos::mount::mount_to(el.clone(), coplanifier::ui::App);
    handle.forget();
    el
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_its_french_title() {
    let el = mount_at("#/");
    until("the title shows", || text_of(&el, "h1").is_some()).await;
    assert_eq!(text_of(&el, "h1").as_deref(), Some("Coplanifier"));
    el.remove();
}

#[wasm_bindgen_test]
async fn typing_a_mission_fills_the_zone_and_clears_its_advice() {
    let el = mount_at("#/canvas/details");
    until("the five zones show", || {
        el.query_selector_all(".canvas-zone")
            .map(|l| l.length())
            .unwrap_or(0)
            == 5
    })
    .await;
    let zone_fill = || text_of(&el, "[data-question='purpose'] .fill-text").unwrap_or_default();
    let before = zone_fill();
    // "Aucune partie remplie…" or "No part filled yet…": no count at all.
    assert!(
        !before.starts_with(|c: char| c.is_ascii_digit()),
        "nothing filled yet: {before}"
    );
    assert!(el
        .query_selector("[data-check='no-mission']")
        .ok()
        .flatten()
        .is_some());

    let mission = el
        .query_selector("[data-part='mission'] textarea, [data-part='mission'] input")
        .ok()
        .flatten()
        .expect("a mission field")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .expect("the mission is a text area");
    mission.set_value("Faire réussir nos élèves en sciences");
    let event = web_sys::Event::new("input").expect("an input event");
    mission.dispatch_event(&event).expect("dispatch");

    until("the fill count moves", || zone_fill().starts_with("1 ")).await;
    until("the advice goes", || {
        el.query_selector("[data-check='no-mission']")
            .ok()
            .flatten()
            .is_none()
    })
    .await;
    el.remove();
}

/// A charter with `n` notes spread over every list, as a draft opened last.
fn open_with_notes(n: usize) -> web_sys::HtmlElement {
    use coplanifier::charter::{Charter, Lang, ListId};
    use coplanifier::storage::{save_draft, set_current_draft_id, Local};
    let mut c = Charter::new(format!("big-{n}"), Lang::Fr, 1.0);
    for i in 0..n {
        let list = ListId::ALL[i % ListId::ALL.len()];
        // Short ids, as the app makes them (older ones are renewed on open).
        let id = coplanifier::charter::item_id("bbbbb", i as u32 + 1).expect("a short id");
        c.add_note(list, id, format!("Note {i}"), 2.0);
    }
    let _ = web_sys::window()
        .expect("window")
        .location()
        .set_hash("#/canvas/details");
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
    save_draft(&mut Local, &c).expect("saved");
    set_current_draft_id(&mut Local, &c.id).expect("current");
    let el = host();
    leptos::mount::mount_to(el.clone(), coplanifier::ui::App).forget();
    el
}

/// How many reads of the charter store one keystroke in a note makes.
async fn reads_for_one_keystroke(n: usize) -> usize {
    let el = open_with_notes(n);
    until("every note shows", || {
        el.query_selector_all(".note-text")
            .map(|l| l.length() as usize)
            .unwrap_or(0)
            == n
    })
    .await;
    for _ in 0..3 {
        tick().await;
    }
    let note = el
        .query_selector("#note-bbbbb6")
        .ok()
        .flatten()
        .expect("a note")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .expect("a text area");
    let before = coplanifier::ui::store::CharterStore::reads();
    note.set_value("Note 5, reprise");
    note.dispatch_event(&web_sys::Event::new("input").expect("an input event"))
        .expect("dispatch");
    for _ in 0..3 {
        tick().await;
    }
    let reads = coplanifier::ui::store::CharterStore::reads() - before;
    web_sys::console::log_1(&format!("{n} notes: {reads} reads").into());
    let saved = coplanifier::storage::load_draft(
        &mut coplanifier::storage::Local,
        &format!("big-{n}"),
        &mut String::new,
    );
    let edited = matches!(saved, Ok(coplanifier::storage::DraftEntry::Readable(r))
        if r.charter.note("bbbbb6").is_some_and(|x| x.text == "Note 5, reprise"));
    assert!(edited, "the keystroke was saved");
    el.remove();
    reads
}

#[wasm_bindgen_test]
async fn one_keystroke_does_the_same_work_on_a_board_of_21_notes_or_210() {
    let small = reads_for_one_keystroke(21).await;
    let large = reads_for_one_keystroke(210).await;
    assert!(small > 0, "the edited note is read back");
    assert_eq!(
        large, small,
        "a keystroke's reactive work must not grow with the board"
    );
}
