//! Coplanifier: plan a community of practice together, entirely in the browser.
//!
//! Data flows one way: a user intent becomes a domain operation on the
//! charter, which the views render; saving and sharing read the charter.

pub mod charter; // the domain: the charter, the questions as data, readiness; no Leptos, no browser
pub mod format; // what leaves the app: the versioned envelope and the one restore path
pub mod storage; // the drafts library in localStorage: the only module that touches Storage
pub mod ui; // the views, one folder per feature

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// Removes the static "loading / cannot start" page of `index.html`, mounts
/// the app on the page's body and, when served over http(s), registers the
/// service worker that keeps the app usable offline.
pub fn start() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(ui::App);
    ui::platform::register_service_worker();
}
