//! What the views need from the browser besides the DOM: time, fresh ids, focus.
use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
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
