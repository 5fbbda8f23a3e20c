//! Share links and pasted text: whatever arrives in the URL fragment or the
//! "open a link" box must be refused cleanly, never crash the app.
//!
//! Bytes become a string (lossy UTF-8), then go through `decode_fragment`
//! directly, and through `repair_pasted_link` followed by `decode_fragment`
//! of whatever fragment it finds. Shared by the fuzz target and the native
//! replay of its seeds (`tests/fuzz_seeds.rs`).
use super::common::ids;
use coplanifier::format::{decode_fragment, repair_pasted_link};

/// The shape `repair_pasted_link` promises: `c<digits>.<base64url>`, or the
/// QR form `C<digits>.<QR-alphanumeric>`, both parts non-empty.
fn looks_like_a_fragment(fragment: &str) -> bool {
    let (qr, rest) = match fragment.as_bytes().first() {
        Some(b'c') => (false, &fragment[1..]),
        Some(b'C') => (true, &fragment[1..]),
        _ => return false,
    };
    let Some((digits, payload)) = rest.split_once('.') else {
        return false;
    };
    let allowed = |b: u8| {
        if qr {
            b.is_ascii_digit() || b.is_ascii_uppercase() || b"$*+-./:".contains(&b)
        } else {
            b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
        }
    };
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !payload.is_empty()
        && payload.bytes().all(allowed)
}

/// Refuses or repairs `data`; panics on any broken promise.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = decode_fragment(&text, &mut ids());

    if let Some(fragment) = repair_pasted_link(&text) {
        assert!(
            looks_like_a_fragment(&fragment),
            "repair_pasted_link gave {fragment:?}"
        );
        // A fragment that was found is found again, unchanged.
        assert_eq!(
            repair_pasted_link(&fragment).as_deref(),
            Some(fragment.as_str())
        );
        let _ = decode_fragment(&fragment, &mut ids());
    }
}
