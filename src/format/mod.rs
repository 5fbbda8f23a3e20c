//! What leaves the app and comes back: the versioned envelope every saved or
//! shared charter wears, and the one `restore` path that reads it back from
//! storage, a file, pasted text or a share link. No Leptos, no browser.
pub mod c3;
pub mod deflate;
pub mod doc;
pub mod envelope;
pub mod file_name;
pub mod ics;
pub mod link;
pub mod markdown;
pub mod pasted;

pub use doc::{charter_doc, doc_html, doc_markdown, doc_plain, CharterWords};
pub use envelope::{
    request_json, restore, to_json, to_json_with, RestoreError, RestoreWarning, Restored, Source,
};
pub use file_name::file_stem;
pub use ics::meetings_ics;
pub use link::{
    decode_fragment, encode_compact, encode_fragment, encode_link, is_fragment, LinkError,
};
pub use markdown::{to_markdown, MarkdownLabels};
pub use pasted::{asks_for_contributions, repair_pasted_link, REQUEST_MARK};

/// Reads a stored or pasted document, JSON or compact (`c1.…`, `c3.…`), through the
/// one restore path.
pub fn restore_any(
    text: &str,
    fresh_id: &mut dyn FnMut() -> String,
) -> Result<Restored, RestoreError> {
    let trimmed = text.trim();
    if !link::has_tag(trimmed) {
        return restore(text, fresh_id);
    }
    decode_fragment(trimmed, fresh_id).map_err(|e| match e {
        LinkError::Restore(e) => e,
        LinkError::UnknownVersion => RestoreError::NewerVersion(0),
        LinkError::TooLong | LinkError::TooLarge => RestoreError::TooLarge,
        LinkError::Corrupted => RestoreError::Damaged,
    })
}

/// Fresh ids for tests: `fresh-1`, `fresh-2`, …
#[cfg(test)]
pub(crate) fn test_ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("fresh-{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::test_ids as ids;
    use super::*;
    use crate::charter::{example, Lang};

    #[test]
    fn stored_drafts_read_back_whether_json_or_compact() {
        let c = example::example(Lang::En, "abc".into(), 1.0);
        let json = to_json(&c, Source::Storage).expect("json");
        let compact = encode_compact(&c, Source::Storage).expect("compact");
        assert!(compact.len() * 2 < json.len(), "compact is less than half");
        assert_eq!(restore_any(&json, &mut ids()).expect("json").charter, c);
        assert_eq!(
            restore_any(&compact, &mut ids()).expect("compact").charter,
            c
        );
    }

    #[test]
    fn damaged_compact_drafts_say_so() {
        let c = example::example(Lang::Fr, "abc".into(), 1.0);
        let compact = encode_compact(&c, Source::Storage).expect("compact");
        let cut = &compact[..compact.len() / 2];
        assert_eq!(
            restore_any(cut, &mut ids()).map(|_| ()),
            Err(RestoreError::Damaged)
        );
        assert_eq!(
            restore_any("c9.abc", &mut ids()).map(|_| ()),
            Err(RestoreError::NewerVersion(0))
        );
        assert_eq!(
            restore_any("garbage", &mut ids()).map(|_| ()),
            Err(RestoreError::NotJson)
        );
    }
}
