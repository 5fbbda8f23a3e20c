//! The clipboard: plain text (links, Markdown) and rich text (HTML with a
//! plain-text twin) that pastes with its headings and lists into Outlook,
//! Word and Teams. The asynchronous Clipboard API is read through Reflect:
//! on plain http it is missing and its getter would throw. Where it is
//! missing or refuses (plain http, an older browser, a frame without
//! `clipboard-write`), both fall back to the `copy` event, which any click
//! may trigger.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn clipboard() -> Option<web_sys::Clipboard> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()?
        .dyn_into::<web_sys::Clipboard>()
        .ok()
}

/// Copies text; resolves to whether the browser accepted. The browser is
/// asked at once, inside the click that called this: Safari and Firefox
/// refuse a copy that comes after an `await`.
pub fn copy_text(text: String) -> impl std::future::Future<Output = bool> {
    let write = clipboard().map(|c| c.write_text(&text));
    let now = write.is_none().then(|| copy_by_event(None, &text));
    settle(now, write, move || copy_by_event(None, &text))
}

/// Copies `html` as rich text, with `plain` for where only text pastes;
/// resolves to whether the browser accepted. `html` must already be
/// escaped. Asked at once, like [`copy_text`].
pub fn copy_rich(html: String, plain: String) -> impl std::future::Future<Output = bool> {
    let write = clipboard()
        .and_then(|c| rich_item(&html, &plain).map(|i| c.write(&js_sys::Array::of1(&i))));
    let now = write.is_none().then(|| copy_by_event(Some(&html), &plain));
    settle(now, write, move || copy_by_event(Some(&html), &plain))
}

/// The outcome: what the `copy` event gave at once, or the Clipboard API's
/// promise, with the `copy` event again if it refused (a frame without
/// `clipboard-write`, where Chromium still allows it in the click's time).
async fn settle(
    now: Option<bool>,
    write: Option<js_sys::Promise>,
    again: impl FnOnce() -> bool,
) -> bool {
    if let Some(done) = now {
        return done;
    }
    if let Some(p) = write {
        if wasm_bindgen_futures::JsFuture::from(p).await.is_ok() {
            return true;
        }
    }
    again()
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
fn copy_by_event(html: Option<&str>, plain: &str) -> bool {
    let Some(doc) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    else {
        return false;
    };
    let (html, plain) = (html.map(str::to_string), plain.to_string());
    let filled = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = filled.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |e: web_sys::ClipboardEvent| {
            if let Some(data) = e.clipboard_data() {
                let ok = html
                    .as_ref()
                    .is_none_or(|h| data.set_data("text/html", h).is_ok())
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
