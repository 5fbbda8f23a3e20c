//! The clipboard: plain text (links, Markdown) and rich text (HTML with a
//! plain-text twin) that pastes with its headings and lists into Outlook,
//! Word and Teams. The asynchronous Clipboard API is read through Reflect:
//! on plain http it is missing and its getter would throw. Where it is
//! missing or refuses (an older browser, a frame without
//! `clipboard-write`), rich text falls back to the `copy` event, which any
//! click may trigger.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn clipboard() -> Option<web_sys::Clipboard> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()?
        .dyn_into::<web_sys::Clipboard>()
        .ok()
}

/// Copies text; resolves to whether the browser accepted.
pub async fn copy_text(text: String) -> bool {
    let Some(clipboard) = clipboard() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

/// Copies `html` as rich text, with `plain` for where only text pastes;
/// resolves to whether the browser accepted. `html` must already be escaped.
pub async fn copy_rich(html: String, plain: String) -> bool {
    if let Some(promise) = clipboard().and_then(|c| rich_item(&html, &plain).map(|i| (c, i))) {
        let (clipboard, item) = promise;
        if wasm_bindgen_futures::JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
            .await
            .is_ok()
        {
            return true;
        }
    }
    copy_by_event(&html, &plain)
}

/// A `ClipboardItem` holding both forms.
fn rich_item(html: &str, plain: &str) -> Option<web_sys::ClipboardItem> {
    let blob = |text: &str, mime: &str| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(
            &js_sys::Array::of1(&JsValue::from_str(text)),
            &options,
        )
        .ok()
    };
    let record = js_sys::Object::new();
    let (html, plain) = (blob(html, "text/html")?, blob(plain, "text/plain")?);
    js_sys::Reflect::set(&record, &"text/html".into(), &html).ok()?;
    js_sys::Reflect::set(&record, &"text/plain".into(), &plain).ok()?;
    web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record).ok()
}

/// The older way: a one-time `copy` listener fills the clipboard's data
/// while `execCommand("copy")` runs.
fn copy_by_event(html: &str, plain: &str) -> bool {
    let Some(doc) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    else {
        return false;
    };
    let (html, plain) = (html.to_string(), plain.to_string());
    let filled = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = filled.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |e: web_sys::ClipboardEvent| {
            if let Some(data) = e.clipboard_data() {
                let ok = data.set_data("text/html", &html).is_ok()
                    && data.set_data("text/plain", &plain).is_ok();
                seen.set(ok);
                e.prevent_default();
            }
        });
    let target: &web_sys::EventTarget = doc.as_ref();
    let _ = target.add_event_listener_with_callback("copy", listener.as_ref().unchecked_ref());
    let ran = doc.exec_command("copy").unwrap_or(false);
    let _ = target.remove_event_listener_with_callback("copy", listener.as_ref().unchecked_ref());
    ran && filled.get()
}
