//! What this browser remembers besides drafts: the interface language, and
//! whether the site's data is kept under storage pressure.
use super::backend::{Backend, Local};
use super::StorageError;

const LANG_KEY: &str = "coplanifier.lang";

/// The interface language chosen earlier ("fr" or "en"), if any.
pub fn saved_language() -> Option<String> {
    Local.get(LANG_KEY).ok().flatten()
}

/// Remembers the interface language; the choice still applies to this visit
/// when the browser refuses to keep it.
pub fn save_language(code: &str) -> Result<(), StorageError> {
    Local.set(LANG_KEY, code)
}

/// Asks the browser to keep this site's data even under storage pressure.
/// Resolves to whether storage is persistent; `false` where unsupported.
pub async fn request_persistence() -> bool {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    async fn answer(p: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> bool {
        match p {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            Err(_) => false,
        }
    }
    if answer(manager.persisted()).await {
        return true;
    }
    answer(manager.persist()).await
}
