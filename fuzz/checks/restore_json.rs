//! Opened files and stored drafts: `restore` and `restore_any` must refuse
//! or repair anything, never crash. And what they accept is stable: saving
//! the restored charter as a file and opening that file again gives the same
//! charter, with nothing left to repair. Shared by the fuzz target and the
//! native replay of its seeds (`tests/fuzz_seeds.rs`).
use super::common::ids;
use coplanifier::format::{restore, restore_any, to_json, RestoreError, Restored, Source};

/// Saves a restored charter as a file and opens it again.
fn check_round_trip(restored: Result<Restored, RestoreError>) {
    let Ok(first) = restored else {
        return;
    };
    let json = to_json(&first.charter, Source::File).expect("a restored charter serialises");
    let again = restore(&json, &mut ids()).expect("a charter saved by the app restores");
    assert_eq!(
        again.charter, first.charter,
        "saving and reopening changed the charter; saved JSON: {json}"
    );
    assert!(
        again.warnings.is_empty(),
        "reopening a charter saved by the app warned {:?}; saved JSON: {json}",
        again.warnings
    );
}

/// Refuses or repairs `data`; panics on any broken promise.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_round_trip(restore(&text, &mut ids()));
    check_round_trip(restore_any(&text, &mut ids()));
}
