//! What the views need from the browser besides the DOM: time, fresh ids, focus.
use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Runs `f` and records how long it took as a User Timing measure named
/// `name`: the browser's performance panel shows it, and `bench/typing.mjs`
/// reads it through a PerformanceObserver. The entry is cleared at once, so
/// the timeline does not grow with every keystroke.
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = perf.as_ref().map(|p| p.now());
    let out = f();
    if let (Some(perf), Some(start)) = (perf, start) {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
        let measure = js_sys::Reflect::get(&perf, &"measure".into())
            .ok()
            .and_then(|m| m.dyn_into::<js_sys::Function>().ok());
        if let Some(measure) = measure {
            let _ = measure.call2(&perf, &name.into(), &options);
            perf.clear_measures_with_measure_name(name);
        }
    }
    out
}

/// A time (ms since the epoch) as the browser writes dates in `lang`.
pub fn format_date(ms: f64, lang: &str) -> String {
    let d = js_sys::Date::new(&ms.into());
    String::from(d.to_locale_string(lang, &wasm_bindgen::JsValue::UNDEFINED))
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The day of `ms` as `lang` writes it in full ("2 décembre 2026").
pub fn format_day_of(ms: f64, lang: &str) -> String {
    let d = js_sys::Date::new(&ms.into());
    let options = js_sys::Object::new();
    for (k, v) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    String::from(d.to_locale_date_string(lang, &options))
}

/// Heads every printed page but the first with `text` (the charter's
/// title and version), or with nothing. Written through a constructed
/// style sheet, which a strict Content-Security-Policy (`style-src 'self'`)
/// allows, as a CSS string: quotes, backslashes and control characters
/// escaped, so typed text cannot end it.
pub fn set_print_header(text: Option<&str>) {
    thread_local! {
        static SHEET: Option<web_sys::CssStyleSheet> = web_sys::CssStyleSheet::new().ok().inspect(|sheet| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                let sheets = doc.adopted_style_sheets();
                sheets.push(sheet);
                doc.set_adopted_style_sheets(&sheets);
            }
        });
    }
    let css = match text {
        Some(t) => format!(
            "@page {{ @top-right {{ content: {}; font: 9pt sans-serif; color: #555; }} }} \
             @page :first {{ @top-right {{ content: none; }} }}",
            css_string(t)
        ),
        None => String::new(),
    };
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            let _ = sheet.replace_sync(&css);
        }
    });
}

/// `text` as a double-quoted CSS string.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A fresh random id (16 base-36 characters), for charters, notes and rows.
pub fn fresh_id() -> String {
    let mut out = String::with_capacity(16);
    while out.len() < 16 {
        // Math.random gives 52 random bits; take 5 base-36 digits at a time.
        let mut n = (js_sys::Math::random() * 36f64.powi(5)) as u64;
        for _ in 0..5 {
            let d = (n % 36) as u32;
            out.push(char::from_digit(d, 36).unwrap_or('0'));
            n /= 36;
        }
    }
    out.truncate(16);
    out
}

/// A fresh short id for a note or a row ([`crate::charter::item_id`]): this
/// page's site, drawn at random once, and the next number. Two colleagues'
/// pages never share a site (1 in 60 million), so their new notes never
/// share an id, and a `c3` link carries each id in two or three bytes.
pub fn fresh_item_id() -> String {
    use std::cell::{Cell, OnceCell};
    thread_local! {
        static SITE: OnceCell<String> = const { OnceCell::new() };
        static NEXT: Cell<u32> = const { Cell::new(1) };
    }
    let site = SITE.with(|s| {
        s.get_or_init(|| fresh_id()[..crate::charter::SITE_LEN].to_string())
            .clone()
    });
    let n = NEXT.with(|c| {
        let n = c.get();
        c.set(n.saturating_add(1));
        n
    });
    // Past 1.6 million ids in one page, an id of the older, longer kind.
    crate::charter::item_id(&site, n).unwrap_or_else(fresh_id)
}

/// Scrolls to the element with this DOM id and focuses its first control.
pub fn focus_first_control(dom_id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(el) = doc.get_element_by_id(dom_id) else {
        return;
    };
    el.scroll_into_view();
    let control = if el
        .matches("input, textarea, select, button")
        .unwrap_or(false)
    {
        Some(el)
    } else {
        el.query_selector("input, textarea, select, button")
            .ok()
            .flatten()
    };
    if let Some(html) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = html.focus();
    }
}

/// Focuses the first control inside the element with this DOM id without
/// scrolling the page: for a panel already on screen (the board's side
/// panel), where scrolling would take the board away from the card that
/// opened it.
pub fn focus_first_control_in_place(dom_id: &str) {
    let control = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(dom_id))
        .and_then(|el| {
            el.query_selector("input, textarea, select, button")
                .ok()
                .flatten()
        })
        .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(html) = control {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = html.focus_with_options(&options);
    }
}

/// Brings a screen's heading to the top of the window and moves the focus
/// there, as a new page would: the next Tab or Enter acts on the new screen,
/// never on the button that led to it.
pub fn show_heading(el: &web_sys::HtmlElement) {
    el.scroll_into_view_with_bool(true);
    let _ = el.focus();
}

/// Offers `text` as a file download named `file_name`. Returns false when the
/// browser refused (the caller then says so).
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    fn inner(file_name: &str, mime: &str, text: &str) -> Option<()> {
        let doc = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a = doc
            .create_element("a")
            .ok()?
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
        // Some browsers start the download after the click returns: keep the
        // file's address alive for a minute.
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(60),
        );
        Some(())
    }
    inner(file_name, mime, text).is_some()
}

/// A `mailto:` address with a subject and a body, each encoded; line
/// breaks are CRLF, as RFC 6068 asks and Outlook expects.
pub fn mailto(subject: &str, body: &str) -> String {
    let crlf = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:?subject={}&body={}",
        String::from(js_sys::encode_uri_component(subject)),
        String::from(js_sys::encode_uri_component(&crlf))
    )
}

/// A file name for a charter: its title made safe, the date, and `suffix`.
pub fn file_name(title: &str, suffix: &str) -> String {
    let base = crate::format::file_stem(title, "coplanifier");
    let date = js_sys::Date::new_0();
    format!(
        "{base}-{:04}-{:02}-{:02}{suffix}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Registers `sw.js` (next to the page) where the browser allows it; on
/// `file://` or in a sandboxed frame it is skipped quietly.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    // Read through Reflect: in a sandboxed frame the getter itself may throw.
    let Some(container) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok())
    else {
        return;
    };
    let promise = container.register("./sw.js");
    // A refusal (storage blocked, private mode) only means no offline copy.
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Whether the page runs in a frame at all.
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => top != *window.as_ref(),
        // A top we may not even read: framed.
        _ => true,
    }
}

/// Whether the page runs inside a frame of another site (its storage may then
/// be partitioned or blocked by the browser).
pub fn framed_by_another_site() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(top)) = window.top() else {
        return in_frame();
    };
    if top == *window.as_ref() {
        return false;
    }
    // Reading another site's location throws: that is the signal.
    top.location().href().is_err()
}

/// Whether the page runs in a sandboxed frame, where the host may have left
/// out downloads or new windows (the browser then refuses them silently).
/// Every sandboxed document refuses a `document.domain` assignment, whatever
/// its flags; it is tried only inside a frame.
pub fn sandboxed() -> bool {
    if !in_frame() {
        return false;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let domain = js_sys::Reflect::get(&doc, &"domain".into()).unwrap_or_default();
    js_sys::Reflect::set(&doc, &"domain".into(), &domain).is_err()
}

/// The app's own address, without `?embed` nor fragment: what share links
/// and the full page point to.
pub fn app_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !is_embed_param(p))
        .collect();
    if kept.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{}", kept.join("&"))
    }
}

/// Whether a query parameter asks for the embedded layout.
pub fn is_embed_param(p: &str) -> bool {
    p == "embed" || p.starts_with("embed=")
}

/// Whether the app was opened from a file on this computer (the one-file
/// build): its links point to that file.
pub fn on_local_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// A title as shown: the one given, or the "untitled" words when it is blank.
pub fn shown_title(title: &str, untitled: &str) -> String {
    if title.trim().is_empty() {
        untitled.to_string()
    } else {
        title.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn typed_text_cannot_end_the_css_string_of_the_running_header() {
        assert_eq!(css_string("Labo"), "\"Labo\"");
        assert_eq!(
            css_string("a\"; } body { display: none } \\ \n"),
            "\"a\\\"; } body { display: none } \\\\ \\a \""
        );
    }
}
