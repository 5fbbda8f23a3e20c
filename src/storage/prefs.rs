//! What this browser remembers besides drafts: the interface language, the
//! name a colleague gives when asked for contributions and the charters they
//! contribute to, and whether the site's data is kept under storage pressure.
use super::backend::{Backend, Local};
use super::StorageError;

const LANG_KEY: &str = "coplanifier.lang";
const NAME_KEY: &str = "coplanifier.name";
const CONTRIBUTING_PREFIX: &str = "coplanifier.contributing.";

/// The interface language chosen earlier ("fr" or "en"), if any.
pub fn saved_language() -> Option<String> {
    Local.get(LANG_KEY).ok().flatten()
}

/// Remembers the interface language; the choice still applies to this visit
/// when the browser refuses to keep it.
pub fn save_language(code: &str) -> Result<(), StorageError> {
    Local.set(LANG_KEY, code)
}

/// The name this person gave when asked for contributions, if any.
pub fn saved_name(b: &impl Backend) -> Option<String> {
    b.get(NAME_KEY)
        .ok()
        .flatten()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// Remembers the name given when asked for contributions.
pub fn save_name(b: &mut impl Backend, name: &str) -> Result<(), StorageError> {
    b.set(NAME_KEY, name.trim())
}

/// Remembers that the charter `id` came here as a request for
/// contributions: its share panel offers to send them back, and the notes
/// added to it carry this person's name.
pub fn set_contributing(b: &mut impl Backend, id: &str) -> Result<(), StorageError> {
    b.set(&format!("{CONTRIBUTING_PREFIX}{id}"), "1")
}

/// Whether the charter `id` is one this person was asked to contribute to.
pub fn is_contributing(b: &impl Backend, id: &str) -> bool {
    b.get(&format!("{CONTRIBUTING_PREFIX}{id}"))
        .ok()
        .flatten()
        .is_some()
}

/// Forgets that the charter `id` was a request (its draft is deleted).
pub fn forget_contributing(b: &mut impl Backend, id: &str) -> Result<(), StorageError> {
    b.remove(&format!("{CONTRIBUTING_PREFIX}{id}"))
}

/// Who new notes on the charter `id` are by: the name given, when this
/// charter is one this person contributes to.
pub fn author_for(b: &impl Backend, id: &str) -> Option<String> {
    is_contributing(b, id).then(|| saved_name(b)).flatten()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Memory;

    #[test]
    fn a_contributor_s_name_goes_on_the_charters_they_were_asked_about_only() {
        let mut b = Memory::default();
        assert_eq!(author_for(&b, "c1"), None);
        save_name(&mut b, "  Bob Tremblay ").unwrap();
        assert_eq!(saved_name(&b).as_deref(), Some("Bob Tremblay"));
        assert_eq!(author_for(&b, "c1"), None, "not a request");
        set_contributing(&mut b, "c1").unwrap();
        assert_eq!(author_for(&b, "c1").as_deref(), Some("Bob Tremblay"));
        assert_eq!(author_for(&b, "c2"), None);
        forget_contributing(&mut b, "c1").unwrap();
        assert!(!is_contributing(&b, "c1"));
        save_name(&mut b, " ").unwrap();
        assert_eq!(saved_name(&b), None);
    }
}
