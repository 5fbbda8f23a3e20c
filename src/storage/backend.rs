//! Where drafts are kept: the browser's localStorage ([`Local`]), or a map in
//! memory ([`Memory`]) for native tests. Everything above this file reads and
//! writes through [`Backend`], so the saving rules are tested without a browser.
use std::collections::BTreeMap;

use super::StorageError;

/// A store of text values under text keys, as localStorage is.
pub trait Backend {
    /// The value under `key`, `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes `value` under `key`; on failure what was there stays.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` (nothing happens if it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// The browser's localStorage for this origin.
#[derive(Clone, Copy, Debug, Default)]
pub struct Local;

impl Local {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(s),
            _ => Err(StorageError::Unavailable),
        }
    }

    /// Whether the browser lets this page keep anything at all.
    pub fn available() -> bool {
        Local::storage().is_ok()
    }
}

/// What a refusal by the browser means for the user.
fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
        Some("SecurityError") => StorageError::Unavailable,
        _ => StorageError::Failed,
    }
}

impl Backend for Local {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Local::storage()?.get_item(key).map_err(classify)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        Local::storage()?.set_item(key, value).map_err(classify)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        Local::storage()?.remove_item(key).map_err(classify)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = Local::storage()?;
        let count = s.length().map_err(classify)?;
        let mut keys = Vec::new();
        for i in 0..count {
            if let Some(k) = s.key(i).map_err(classify)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Storage in memory, with the browser's failures on demand: for tests.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    /// What is stored.
    pub entries: BTreeMap<String, String>,
    /// When set, every write fails with this error (a full quota, say).
    pub refuse_writes: Option<StorageError>,
    /// When set, every write of a key with this prefix fails with `refuse_writes` only for it.
    pub refuse_prefix: Option<String>,
}

impl Memory {
    /// An empty store that accepts everything.
    pub fn new() -> Memory {
        Memory::default()
    }
}

impl Backend for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(e) = self.refuse_writes {
            let refused = match &self.refuse_prefix {
                Some(p) => key.starts_with(p.as_str()),
                None => true,
            };
            if refused {
                return Err(e);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.entries.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.keys().cloned().collect())
    }
}
