//! Charters as share links: the whole charter travels in the URL fragment
//! (`…/#c3.…`), which browsers never send to a server.
//!
//! A fragment is `<tag>.<payload>`, and the tag names its codec. This file is
//! the one registry of them ([`Codec`]) and the one parser of what a
//! fragment looks like ([`fragment_at_start`]):
//!
//! | tag | payload | written for |
//! |---|---|---|
//! | `c1` | base64url of raw DEFLATE of the JSON envelope, against dictionary `c1` | drafts in storage (every build reads it) |
//! | `c2` | the same against dictionary `c2` (the app's texts, then `c1`) | links that `c3` cannot carry |
//! | `c3` | base64url of the `c3` payload ([`super::c3`]) | links |
//! | `C3` | the same `c3` payload in the 43 characters QR codes hold compactly | QR codes |
//!
//! Every tag ever released keeps decoding forever; a new dictionary or
//! structure needs a new tag.
//!
//! A `c1`/`c2` link carries the charter's *share form* ([`share_form`]):
//! every note and row id is blank and every note time is 0. A `c3` link keeps
//! the short item ids the app makes ([`crate::charter::split_item_id`]), the
//! charter's version and the version it was made from. Reading any link
//! gives blank ids fresh ones, silently, and notes without times the
//! charter's `updated_at`. Drafts use [`encode_compact`] with
//! [`Source::Storage`] and keep every id and time exactly.
//!
//! A link never ends in `-` or `_`, which linkifiers drop as punctuation: a
//! zero byte is appended to the payload when it would (DEFLATE and `c3`
//! readers ignore it).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::CompressionLevel;
use serde_json::{Map, Value};

use super::deflate::{
    deflate_with_dictionary, dictionary_c1, dictionary_c2, inflate_with_dictionary,
};
use super::{c3, restore, to_json, RestoreError, RestoreWarning, Restored, Source};
use crate::charter::{Charter, ListId, RecordList, VersionId, Versions, QUESTION_FIELDS};

/// The longest fragment accepted or produced, in characters (bytes).
pub const MAX_FRAGMENT_CHARS: usize = 32 * 1024;
/// The most a fragment may inflate to, in bytes of JSON (or of a `c3` body).
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;

/// The longest QR form accepted or made: what the largest QR code holds in
/// alphanumeric mode (version 40, level L). Base 43 costs quadratic time,
/// so a longer one is refused before it is read.
pub const MAX_QR_FORM_CHARS: usize = 4296;

/// The characters of the QR form's payload: QR-alphanumeric and legal in a
/// URL fragment. Their order is frozen (it is the base-43 digit order).
pub const QR_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:";

/// A link codec this build knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// DEFLATE against dictionary `c1`: the first links, and every stored draft.
    C1,
    /// DEFLATE against dictionary `c2`: links until `c3`, and what `c3` cannot carry.
    C2,
    /// Structure and texts compressed by primed PPMd ([`super::c3`]).
    C3,
}

impl Codec {
    /// Every codec this build reads.
    pub const ALL: [Codec; 3] = [Codec::C1, Codec::C2, Codec::C3];
    /// What links are written with.
    pub const LINKS: Codec = Codec::C3;
    /// What a link is written with when the charter does not fit `c3`'s split.
    pub const LINKS_FALLBACK: Codec = Codec::C2;
    /// What drafts are stored with: the oldest, read by every build, so that
    /// a tab still running an older build can open what a newer one saved.
    pub const DRAFTS: Codec = Codec::C1;

    /// The tag written in front of the payload.
    pub fn tag(self) -> &'static str {
        match self {
            Codec::C1 => "c1",
            Codec::C2 => "c2",
            Codec::C3 => "c3",
        }
    }

    /// The DEFLATE dictionary of a DEFLATE codec.
    fn dictionary(self) -> Option<&'static [u8]> {
        match self {
            Codec::C1 => Some(dictionary_c1()),
            Codec::C2 => Some(dictionary_c2()),
            Codec::C3 => None,
        }
    }
}

/// How a payload is written in the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alphabet {
    /// base64url without padding (`c<n>.`).
    Base64Url,
    /// Base 43 in [`QR_ALPHABET`] (`C<n>.`), for QR codes' alphanumeric mode.
    Qr,
}

impl Alphabet {
    fn holds(self, b: u8) -> bool {
        match self {
            Alphabet::Base64Url => b.is_ascii_alphanumeric() || b == b'-' || b == b'_',
            Alphabet::Qr => QR_ALPHABET.as_bytes().contains(&b),
        }
    }
}

/// Why a fragment could not be made or read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`] (or the charter would make one).
    TooLong,
    /// The fragment has no tag this build knows (`c1.`, `c2.`, `c3.`, `C3.`).
    UnknownVersion,
    /// The fragment is damaged: bad base64, broken or truncated data, or not UTF-8.
    Corrupted,
    /// The fragment inflates to more than [`MAX_INFLATED_BYTES`].
    TooLarge,
    /// The fragment held text that is not a charter this build can open.
    Restore(RestoreError),
}

/// The alphabet and length of the tag (with its `.`) that starts `text`:
/// `c` or `C`, digits, `.`.
fn tag_at_start(text: &str) -> Option<(Alphabet, usize)> {
    let alphabet = match text.as_bytes().first()? {
        b'c' => Alphabet::Base64Url,
        b'C' => Alphabet::Qr,
        _ => return None,
    };
    let digits = text.bytes().skip(1).take_while(u8::is_ascii_digit).count();
    (digits > 0 && text.as_bytes().get(1 + digits) == Some(&b'.')).then_some((alphabet, digits + 2))
}

/// Whether `text` starts with a tag (`c2.`, `C3.`, `c9.`): compact data,
/// however damaged its payload.
pub fn has_tag(text: &str) -> bool {
    tag_at_start(text).is_some()
}

/// The fragment that starts `text`, if one does: a tag, then at least one
/// character of the payload's alphabet (as many as follow). The one answer
/// to "is this a fragment", for the address bar and pasted text alike; an
/// unknown tag (`c9.…`) is still a fragment, which then says it comes from
/// a newer version.
pub fn fragment_at_start(text: &str) -> Option<&str> {
    let (alphabet, start) = tag_at_start(text)?;
    let len = text
        .bytes()
        .skip(start)
        .take_while(|&b| alphabet.holds(b))
        .count();
    (len > 0).then(|| text.get(..start + len)).flatten()
}

/// Whether the whole of `text` (a leading `#` aside) is one fragment.
pub fn is_fragment(text: &str) -> bool {
    let text = text.strip_prefix('#').unwrap_or(text);
    fragment_at_start(text).is_some_and(|f| f.len() == text.len())
}

/// The codec and alphabet a tag names.
fn codec_of(tag: &str) -> Option<(Codec, Alphabet)> {
    match tag {
        "C3" => Some((Codec::C3, Alphabet::Qr)),
        _ => Codec::ALL
            .into_iter()
            .find(|c| c.tag() == tag)
            .map(|c| (c, Alphabet::Base64Url)),
    }
}

/// The charter as a link fragment, without the `#`: `c3.…`, or `c2.…` when
/// `c3` cannot carry it.
pub fn encode_fragment(c: &Charter) -> Result<String, LinkError> {
    encode_link(c, Versions::made_from(None))
}

/// The same, recording these versions.
pub fn encode_link(c: &Charter, versions: Versions) -> Result<String, LinkError> {
    match c3::encode(c, versions)? {
        Ok(payload) => tagged(Codec::C3, &payload),
        Err(_) => encode_compact(c, Source::Link),
    }
}

/// The link and its QR form from one encoding (the QR form is `None` when
/// the charter needs `c2`).
pub fn encode_link_and_qr(
    c: &Charter,
    versions: Versions,
) -> Result<(String, Option<String>), LinkError> {
    let Ok(payload) = c3::encode(c, versions)? else {
        return Ok((encode_compact(c, Source::Link)?, None));
    };
    let link = tagged(Codec::C3, &payload)?;
    // A payload past what any QR code holds gets no QR form (5.43 bits a character).
    let qr = (payload.len() * 8 <= MAX_QR_FORM_CHARS * 5)
        .then(|| format!("C3.{}", base_x::encode(QR_ALPHABET, &payload)))
        .filter(|qr| qr.len() <= MAX_QR_FORM_CHARS);
    Ok((link, qr))
}

/// `tag.payload` in base64url, with a zero byte appended when the text would
/// end in `-` or `_`.
fn tagged(codec: Codec, payload: &[u8]) -> Result<String, LinkError> {
    let mut text = URL_SAFE_NO_PAD.encode(payload);
    if text.ends_with(['-', '_']) {
        let mut padded = payload.to_vec();
        padded.push(0);
        text = URL_SAFE_NO_PAD.encode(padded);
    }
    let fragment = format!("{}.{text}", codec.tag());
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong);
    }
    Ok(fragment)
}

/// The DEFLATE compact form, for a source. [`Source::Link`] writes the share
/// form with [`Codec::LINKS_FALLBACK`]; any other source keeps every id and
/// time and uses [`Codec::DRAFTS`] (drafts are stored this way: a fifth of
/// the JSON's size, read back by [`decode_fragment`]).
pub fn encode_compact(c: &Charter, source: Source) -> Result<String, LinkError> {
    let json = compact_json(c, source)?;
    let codec = match source {
        Source::Link => Codec::LINKS_FALLBACK,
        Source::Storage | Source::File => Codec::DRAFTS,
    };
    // A draft is written on every keystroke: the fastest level, whose stream
    // any reader inflates the same way. A link is made once: the smallest.
    let level = match source {
        Source::Storage => CompressionLevel::BestSpeed,
        Source::Link | Source::File => CompressionLevel::UberCompression,
    };
    let dictionary = codec.dictionary().ok_or(LinkError::Corrupted)?;
    let packed = deflate_with_dictionary(dictionary, json.as_bytes(), level)?;
    tagged(codec, &packed)
}

/// The JSON envelope the compact form of `source` compresses: the share form for links.
fn compact_json(c: &Charter, source: Source) -> Result<String, LinkError> {
    let json = match source {
        Source::Link => to_json(&share_form(c)?, source),
        Source::Storage | Source::File => to_json(c, source),
    };
    json.map_err(|_| LinkError::Corrupted)
}

/// The JSON envelope a `c2` link carries, before compression (for measurements and other tools).
pub fn share_json(c: &Charter) -> Result<String, LinkError> {
    compact_json(c, Source::Link)
}

/// The charter as a `c2` link carries it: note and row ids blank, note times 0, all else kept.
pub fn share_form(c: &Charter) -> Result<Charter, LinkError> {
    let mut value = serde_json::to_value(c).map_err(|_| LinkError::Corrupted)?;
    for_each_item(&mut value, &mut |item, is_note| {
        if item.contains_key("id") {
            item.insert("id".into(), Value::from(""));
        }
        if is_note {
            for key in NOTE_TIMES {
                item.insert(key.into(), Value::from(0.0));
            }
        }
    });
    serde_json::from_value(value).map_err(|_| LinkError::Corrupted)
}

/// The fragment length the same charter would have with no dictionary (for comparison):
/// the same share-form JSON, deflated at the same level without a dictionary.
pub fn fragment_len_without_dictionary(c: &Charter) -> usize {
    let Ok(json) = share_json(c) else {
        return 0;
    };
    deflate_with_dictionary(&[], json.as_bytes(), CompressionLevel::UberCompression)
        .map_or(0, |packed| 3 + URL_SAFE_NO_PAD.encode(packed).len())
}

/// The two time keys of a note.
const NOTE_TIMES: [&str; 2] = ["created_at", "updated_at"];

/// Calls `f` on each note (`true`) and row (`false`) object of a charter's JSON.
fn for_each_item(charter: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>, bool)) {
    // The questions' arrays hold every note and row.
    for part in QUESTION_FIELDS {
        let Some(Value::Object(fields)) = charter.get_mut(part) else {
            continue;
        };
        for (key, value) in fields.iter_mut() {
            let is_note = ListId::from_slug(key).is_some();
            if !is_note && !RecordList::ALL.iter().any(|r| r.slug() == key) {
                continue;
            }
            let Value::Array(items) = value else {
                continue;
            };
            for item in items {
                if let Value::Object(item) = item {
                    f(item, is_note);
                }
            }
        }
    }
}

/// Fills what a link leaves out, before restore: a note time that is missing
/// or 0 becomes the charter's `updated_at`. Returns whether two notes or rows
/// share a non-blank id (the only renumbering worth a warning in a link).
fn fill_link_gaps(envelope: &mut Value) -> bool {
    let Some(charter) = envelope.get_mut("charter") else {
        return false;
    };
    let updated_at = charter
        .get("updated_at")
        .and_then(Value::as_f64)
        .filter(|t| *t != 0.0);
    let mut seen = std::collections::HashSet::new();
    let mut duplicated = false;
    for_each_item(charter, &mut |item, is_note| {
        if let Some(id) = item.get("id").and_then(Value::as_str) {
            if !id.is_empty() && !seen.insert(id.to_string()) {
                duplicated = true;
            }
        }
        let Some(t) = updated_at.filter(|_| is_note) else {
            return;
        };
        for key in NOTE_TIMES {
            if item.get(key).is_none_or(|v| v.as_f64() == Some(0.0)) {
                item.insert(key.into(), Value::from(t));
            }
        }
    });
    duplicated
}

/// Reads a charter from a link fragment (with or without its leading `#`),
/// through the one restore path.
///
/// When the envelope says `"source": "link"` (every `c3` link does), a note
/// time that is missing or 0 becomes the charter's `updated_at`, and blank
/// note and row ids get fresh ones without a warning (a warning stays if two
/// of them share an id). Any other source (a stored draft) is restored
/// exactly as written.
pub fn decode_fragment(
    fragment: &str,
    fresh_id: &mut dyn FnMut() -> String,
) -> Result<Restored, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong);
    }
    let (tag, payload) = fragment.split_once('.').ok_or(LinkError::UnknownVersion)?;
    let (codec, alphabet) = codec_of(tag).ok_or(LinkError::UnknownVersion)?;
    let bytes = match alphabet {
        Alphabet::Base64Url => URL_SAFE_NO_PAD.decode(payload).ok(),
        Alphabet::Qr if payload.len() > MAX_QR_FORM_CHARS => return Err(LinkError::TooLong),
        Alphabet::Qr => base_x::decode(QR_ALPHABET, payload).ok(),
    }
    .ok_or(LinkError::Corrupted)?;
    let (text, versions) = match codec.dictionary() {
        Some(dictionary) => {
            let json = inflate_with_dictionary(dictionary, &bytes, MAX_INFLATED_BYTES)?;
            let text = String::from_utf8(json).map_err(|_| LinkError::Corrupted)?;
            (text, Versions::default())
        }
        None => {
            let (charter, mut versions) = c3::decode(&bytes)?;
            versions.is = versions.is.or(Some(VersionId::of(&charter)));
            let text = to_json(&charter, Source::Link).map_err(|_| LinkError::Corrupted)?;
            (text, versions)
        }
    };
    let mut value = match serde_json::from_str::<Value>(&text) {
        Ok(v) if v.get("source").and_then(Value::as_str) == Some("link") => v,
        _ => return restore(&text, fresh_id).map_err(LinkError::Restore),
    };
    let duplicated = fill_link_gaps(&mut value);
    let mut restored = restore(&value.to_string(), fresh_id).map_err(LinkError::Restore)?;
    if !duplicated {
        restored
            .warnings
            .retain(|w| *w != RestoreWarning::RenumberedIds);
    }
    restored.versions = versions;
    Ok(restored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, Lang, ListId, RecordList, TextField};
    use std::collections::HashSet;

    use super::super::test_ids as ids;

    fn round_trip(c: &Charter) -> Charter {
        let fragment = encode_fragment(c).expect("encodes");
        decode_fragment(&fragment, &mut ids())
            .expect("decodes")
            .charter
    }

    /// Checks that a link gives `c` back up to its note and row ids and note
    /// times: every other field equal (texts, authors, order, rows' values,
    /// charter id, title, kind, language and times), fresh unique ids, note
    /// times equal to the charter's `updated_at`, and no warning.
    fn link_round_trip(c: &Charter) -> Result<(), String> {
        let fragment = encode_fragment(c).map_err(|e| format!("encode: {e:?}"))?;
        let back = decode_fragment(&fragment, &mut ids()).map_err(|e| format!("decode: {e:?}"))?;
        if !back.warnings.is_empty() {
            return Err(format!("warnings: {:?}", back.warnings));
        }
        let b = &back.charter;
        let shared = |c: &Charter| share_form(c).map_err(|e| format!("share form: {e:?}"));
        if shared(b)? != shared(c)? {
            return Err("the share forms differ".into());
        }
        if (&b.id, &b.title, b.created_at, b.updated_at)
            != (&c.id, &c.title, c.created_at, c.updated_at)
        {
            return Err("the charter's own id, title or times changed".into());
        }
        let all = b.item_ids();
        let unique: HashSet<&String> = all.iter().collect();
        if unique.len() != all.len() || all.iter().any(String::is_empty) {
            return Err(format!("ids not fresh and unique: {all:?}"));
        }
        for l in ListId::ALL {
            for n in b.notes(l) {
                if (n.created_at, n.updated_at) != (c.updated_at, c.updated_at) {
                    return Err(format!("note times {} {}", n.created_at, n.updated_at));
                }
            }
        }
        Ok(())
    }

    /// A realistic id and time, as the app makes them.
    fn sample(lang: Lang) -> Charter {
        example(lang, "k3j9x0a1b2c3d4e5".into(), 1_764_000_000_000.0)
    }

    /// A `c2` fragment for arbitrary raw bytes (not necessarily a charter).
    fn fragment_of(bytes: &[u8]) -> String {
        fragment_with("c2", bytes)
    }

    /// A fragment of this DEFLATE tag for arbitrary raw bytes.
    fn fragment_with(tag: &str, bytes: &[u8]) -> String {
        let d = codec_of(tag)
            .and_then(|(c, _)| c.dictionary())
            .expect("a DEFLATE tag");
        let packed =
            deflate_with_dictionary(d, bytes, CompressionLevel::UberCompression).expect("deflates");
        format!("{tag}.{}", URL_SAFE_NO_PAD.encode(packed))
    }

    fn c1() -> &'static [u8] {
        dictionary_c1()
    }

    #[test]
    fn links_are_c3_unless_the_charter_does_not_fit_its_split() {
        let c = sample(Lang::Fr);
        assert!(encode_fragment(&c).expect("encodes").starts_with("c3."));
        let mut newer: Value = serde_json::to_value(&c).expect("json");
        newer["from_a_newer_build"] = Value::from(true);
        let newer: Charter = serde_json::from_value(newer).expect("charter");
        let link = encode_fragment(&newer).expect("encodes");
        assert!(link.starts_with("c2."), "{}", &link[..4]);
        let back = decode_fragment(&link, &mut ids()).expect("decodes");
        assert!(
            back.charter.has_newer_fields(),
            "c2 keeps what it does not know"
        );
        // The registry: every tag reads, each codec names itself.
        for codec in Codec::ALL {
            assert_eq!(codec_of(codec.tag()), Some((codec, Alphabet::Base64Url)));
        }
        assert_eq!(codec_of("C3"), Some((Codec::C3, Alphabet::Qr)));
        assert_eq!(codec_of("c9"), None);
    }

    #[test]
    fn what_is_a_fragment() {
        for yes in ["c3.AbC-_", "#c2.x", "C3.AB$*+-./:", "c9.x", "c12.x"] {
            assert!(is_fragment(yes), "{yes}");
        }
        for no in [
            "c3.",
            "c.abc",
            "#/guide/2",
            "canvas",
            "C3.abc",
            "c3.ab=",
            "x3.ab",
            "",
        ] {
            assert!(!is_fragment(no), "{no}");
        }
        assert_eq!(fragment_at_start("c3.abc-d e"), Some("c3.abc-d"));
        assert_eq!(fragment_at_start("C3.AB.C9:z"), Some("C3.AB.C9:"));
        assert!(has_tag("c1.!!!") && !has_tag("{\"type\"") && !has_tag("c1x"));
        // A QR form longer than any QR code holds is refused before base 43.
        let long = format!("C3.{}", "Z".repeat(MAX_QR_FORM_CHARS + 1));
        assert_eq!(decode_fragment(&long, &mut ids()), Err(LinkError::TooLong));
    }

    #[test]
    fn a_c3_link_keeps_short_ids_and_versions() {
        let mut c = Charter::new("k3j9x0a1b2c3d4e5".into(), Lang::Fr, 1_764_000_000_000.0);
        c.add_note(
            ListId::Goals,
            "ab12c1".into(),
            "Lire ensemble".into(),
            1_764_000_000_001.0,
        );
        c.add_note(
            ListId::Goals,
            "ab12c2".into(),
            "Écrire".into(),
            1_764_000_000_002.0,
        );
        c.add_note(
            ListId::Themes,
            "zz9yx1".into(),
            "Une autre".into(),
            1_764_000_000_003.0,
        );
        c.add_note(
            ListId::Themes,
            "old-long-random-id".into(),
            "Ancienne".into(),
            1.0,
        );
        let from = VersionId([1, 2, 3, 4, 5, 6]);
        let link = encode_link(&c, Versions::made_from(Some(from))).expect("encodes");
        let back = decode_fragment(&link, &mut ids()).expect("decodes");
        let ids_of = |c: &Charter, l: ListId| -> Vec<String> {
            c.notes(l).iter().map(|n| n.id.clone()).collect()
        };
        assert_eq!(ids_of(&back.charter, ListId::Goals), ["ab12c1", "ab12c2"]);
        assert_eq!(ids_of(&back.charter, ListId::Themes), ["zz9yx1", "fresh-1"]);
        // The version it is: computed by the reader, from the charter as the
        // link carries it (an older id left blank).
        let mut carried = c.clone();
        carried.purpose.themes[1].id = String::new();
        assert_eq!(back.versions.is, Some(VersionId::of(&carried)));
        assert_eq!(back.versions.from, Some(from));
        assert!(back.warnings.is_empty());
        // The QR form carries the same payload.
        let qr = encode_link_and_qr(&c, Versions::made_from(Some(from)))
            .expect("encodes")
            .1
            .expect("fits c3");
        assert!(qr.starts_with("C3.") && is_fragment(&qr), "{qr}");
        let from_qr = decode_fragment(&qr, &mut ids()).expect("decodes");
        assert_eq!(from_qr.charter, back.charter);
        assert_eq!(from_qr.versions, back.versions);
    }

    #[test]
    fn links_never_end_in_a_dash_or_an_underscore() {
        // Payloads whose base64url ends in `-` or `_` get a zero byte more.
        for payload in [
            &[0xfb, 0xef, 0xbe][..],
            &[0xff, 0xff, 0xff],
            &[0x01, 0x02, 0x3e],
        ] {
            let text = tagged(Codec::C2, payload).expect("short");
            assert!(!text.ends_with(['-', '_']), "{text}");
            let back = URL_SAFE_NO_PAD.decode(&text[3..]).expect("base64url");
            assert_eq!(back.strip_suffix(&[0]), Some(payload));
        }
        for n in 0..12 {
            let mut c = Charter::new("k3j9x0a1b2c3d4e5".into(), Lang::Fr, 1_764_000_000_000.0);
            c.set_title("é".repeat(n % 7) + &"x".repeat(n), 1_764_000_000_001.0);
            let c2 = encode_compact(&c, Source::Link).expect("c2");
            for link in [encode_fragment(&c).expect("c3"), c2] {
                assert!(!link.ends_with(['-', '_']), "{link}");
                let back = decode_fragment(&link, &mut ids()).expect("decodes");
                assert_eq!(back.charter.title, c.title);
            }
        }
        // A DEFLATE payload with a zero byte after its end still reads.
        let payload = deflate_with_dictionary(
            dictionary_c2(),
            share_json(&sample(Lang::En)).expect("json").as_bytes(),
            CompressionLevel::UberCompression,
        )
        .expect("deflates");
        let mut padded = payload.clone();
        padded.push(0);
        let link = format!("c2.{}", URL_SAFE_NO_PAD.encode(padded));
        assert!(decode_fragment(&link, &mut ids()).is_ok());
    }

    #[test]
    fn links_made_by_earlier_builds_open_forever() {
        // Made once, with Python's zlib and each tag's dictionary; never regenerate.
        let c1_link = "c1.o2KRAKy8qlLzdIsTc4FZRNfAEKmI8AEWaaWgWg3RJ1NCzSDw5O8DayjnApO4DqwJDuSCOkpKiNSOEQahoDq6NAncaIRYhxwqjnmJaAGDFioGtbHA2AYA";
        let c2_link = "c2.o2KRAKy8qlLzdIvBh9frGhgiFRE-wCKtFLIXGtYnU0LNIPDk7wNrKEP2SkCb4EAuqKOkhEjtGGEQCqqjS5PAjUaIdcih4piXiBYwaKFiUBsLjG0A";
        for link in [c1_link, c2_link] {
            let back = decode_fragment(link, &mut ids()).expect("decodes");
            assert_eq!(back.charter.id, "frozen-sample-01", "{link}");
            assert_eq!(back.charter.title, "Lecture au primaire");
            assert_eq!(
                back.charter.purpose.mission,
                "Lire ensemble, chaque semaine"
            );
            assert_eq!(
                back.charter.notes(ListId::Goals)[0].text,
                "Un club de lecture"
            );
            assert!(back.warnings.is_empty());
        }
    }

    /// The charter behind the pinned `c3` link: short ids, a row, a choice,
    /// a version and its parent.
    fn frozen_c3_sample() -> (Charter, Versions) {
        let mut c = Charter::new("frozen-sample-03".into(), Lang::Fr, 1_764_000_000_000.0);
        c.set_title("Lecture au primaire".into(), 1_764_000_000_000.0);
        c.set_text(
            TextField::Mission,
            "Lire ensemble, chaque semaine".into(),
            1_764_000_000_000.0,
        );
        c.add_note(
            ListId::Goals,
            "k3j9x1".into(),
            "Un club de lecture".into(),
            1_764_000_000_000.0,
        );
        c.add_record(
            RecordList::Instigators,
            "k3j9x2".into(),
            1_764_000_000_000.0,
        );
        c.set_record_value(
            RecordList::Instigators,
            "k3j9x2",
            "name",
            "Lucie".into(),
            1_764_000_000_000.0,
        );
        c.carriers.origin = Some(crate::charter::Origin::Spontaneous);
        let versions = Versions::made_from(Some(VersionId([1, 2, 3, 4, 5, 6])));
        (c, versions)
    }

    #[test]
    fn the_c3_link_of_a_frozen_charter_never_changes() {
        // Made once by this build; never regenerate. If encoding changes, it
        // must be under a new tag, and this link must still decode.
        const C3_LINK: &str = "c3.AKYHRsHT7YYoaDB-ZDSh685RqA3mqBOCl2U6Lok30x8ldJngYEsAtULd4J-4SOovtTUn4vfoHrR98Fr6PWK3s7ropMZUKib8rAGWXpiJV9dcduawkQzsqp6oyZMgAAA";
        // The same charter with its own version written out (flag bit 1),
        // which readers accept.
        const WITH_VERSION: &str = "c3.AKYHRsKdu4YoaDB-ZDS5C3v79xtITcyO0lmdlSHFLgI7zVbaxt2UJ46nAmozKF2uK-rl8i-vpN9c6y3eeA6EIJSUalcoD8DQ0e4XleDLg_jzV43kCyEfCi9GRngVSwQPEEzo6VzkAAA";
        let (c, versions) = frozen_c3_sample();
        let link = encode_link(&c, versions).expect("encodes");
        let explicit = decode_fragment(WITH_VERSION, &mut ids()).expect("decodes");
        let back = decode_fragment(C3_LINK, &mut ids()).expect("decodes");
        assert_eq!(explicit.charter, back.charter);
        assert_eq!(explicit.versions, back.versions);
        assert_eq!(back.charter.id, "frozen-sample-03");
        assert_eq!(back.charter.title, "Lecture au primaire");
        assert_eq!(
            back.charter.purpose.mission,
            "Lire ensemble, chaque semaine"
        );
        let goal = &back.charter.notes(ListId::Goals)[0];
        assert_eq!(
            (goal.id.as_str(), goal.text.as_str()),
            ("k3j9x1", "Un club de lecture")
        );
        assert_eq!(
            back.charter
                .record_value(RecordList::Instigators, "k3j9x2", "name"),
            "Lucie"
        );
        assert_eq!(back.charter.carriers.origin, c.carriers.origin);
        assert_eq!(back.versions.is, Some(VersionId::of(&c)));
        assert_eq!(back.versions.from, versions.from);
        assert!(back.warnings.is_empty());
        assert_eq!(link, C3_LINK, "the encoder changed: use a new tag");
    }

    #[test]
    fn examples_and_an_empty_charter_round_trip() {
        for lang in Lang::ALL {
            let c = sample(lang);
            assert_eq!(link_round_trip(&c), Ok(()), "{lang:?}");
            let back = round_trip(&c);
            for l in ListId::ALL {
                let texts = |c: &Charter| -> Vec<(String, String)> {
                    c.notes(l)
                        .iter()
                        .map(|n| (n.text.clone(), n.author.clone()))
                        .collect()
                };
                assert_eq!(texts(&back), texts(&c), "{l:?}");
            }
            assert_eq!(back.carriers.resources.len(), c.carriers.resources.len());
            assert_eq!(
                back.distinction.neighbours[0].why,
                c.distinction.neighbours[0].why
            );
        }
        let empty = Charter::new("k3j9x0a1b2c3d4e5".into(), Lang::En, 1.0);
        assert_eq!(round_trip(&empty), empty);
    }

    #[test]
    fn links_leave_out_note_and_row_ids_and_note_times() {
        let c = sample(Lang::Fr);
        let json = share_json(&c).expect("json");
        assert!(!json.contains("k3j9x0a1b2c3d4e5-"), "no note or row id");
        assert_eq!(
            json.matches("\"id\":\"k3j9x0a1b2c3d4e5\"").count(),
            1,
            "the charter's id"
        );
        assert_eq!(
            json.matches("1764000000000.0").count(),
            2,
            "only the charter's times"
        );
        assert!(json.contains("\"source\":\"link\""));
        // The share form reaches every list and every table.
        let shared = share_form(&c).expect("share form");
        assert_eq!(shared.note_count(), c.note_count());
        assert!(shared.item_ids().iter().all(String::is_empty));
        for l in ListId::ALL {
            assert!(shared
                .notes(l)
                .iter()
                .all(|n| (n.created_at, n.updated_at) == (0.0, 0.0)));
        }
        for r in RecordList::ALL {
            assert_eq!(shared.record_ids(r).len(), c.record_ids(r).len(), "{r:?}");
        }
        assert_eq!((&shared.id, &shared.title), (&c.id, &c.title));
        assert_eq!(
            (shared.created_at, shared.updated_at),
            (c.created_at, c.updated_at)
        );
    }

    #[test]
    fn drafts_keep_every_id_and_time() {
        let mut c = sample(Lang::En);
        c.add_note(
            ListId::Goals,
            "late".into(),
            "Added later".into(),
            1_764_000_123_456.0,
        );
        c.add_note(ListId::Goals, "zero".into(), "At the epoch".into(), 5.0);
        if let Some(n) = c.purpose.goals.last_mut() {
            n.created_at = 0.0;
            n.updated_at = 0.0;
        }
        let compact = encode_compact(&c, Source::Storage).expect("encodes");
        let back = decode_fragment(&compact, &mut ids()).expect("decodes");
        assert_eq!(back.charter, c);
        assert!(back.warnings.is_empty());
    }

    #[test]
    fn older_c1_links_with_ids_and_times_still_decode_exactly() {
        let c = sample(Lang::Fr);
        let old = fragment_with("c1", to_json(&c, Source::Link).expect("json").as_bytes());
        let back = decode_fragment(&old, &mut ids()).expect("decodes");
        assert_eq!(back.charter, c);
        assert!(back.warnings.is_empty());
    }

    #[test]
    fn a_link_with_two_notes_sharing_an_id_still_warns() {
        let mut c = Charter::new("abc".into(), Lang::Fr, 9.0);
        c.add_note(ListId::Goals, "same".into(), "un".into(), 9.0);
        c.add_note(ListId::Themes, "same".into(), "deux".into(), 9.0);
        c.add_note(ListId::Themes, String::new(), "trois".into(), 9.0);
        let fragment = fragment_of(to_json(&c, Source::Link).expect("json").as_bytes());
        let back = decode_fragment(&fragment, &mut ids()).expect("decodes");
        assert_eq!(back.warnings, vec![RestoreWarning::RenumberedIds]);
    }

    #[test]
    fn missing_note_times_come_back_as_the_charter_s_updated_at() {
        let note = r#"{"text":"Une note","author":"Karim"}"#;
        let doc = |source: &str| {
            format!(
                r#"{{"type":"coplanifier/charter","version":1,"source":"{source}","charter":{{"id":"c","created_at":5.0,"updated_at":1764000000000.0,"purpose":{{"goals":[{note}],"themes":[{{"id":"","text":"t","created_at":0,"updated_at":7.0}}]}},"carriers":{{"instigators":[{{"name":"Lucie"}}]}}}}}}"#
            )
        };
        let back = decode_fragment(&fragment_of(doc("link").as_bytes()), &mut ids()).expect("link");
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        let goal = &back.charter.notes(ListId::Goals)[0];
        assert_eq!(
            (goal.created_at, goal.updated_at),
            (1_764_000_000_000.0, 1_764_000_000_000.0)
        );
        assert_eq!(
            (goal.text.as_str(), goal.author.as_str()),
            ("Une note", "Karim")
        );
        let theme = &back.charter.notes(ListId::Themes)[0];
        assert_eq!(
            (theme.created_at, theme.updated_at),
            (1_764_000_000_000.0, 7.0)
        );
        assert_eq!(back.charter.carriers.instigators[0].name, "Lucie");
        assert_eq!(back.charter.item_ids().len(), 3);
        assert!(back
            .charter
            .item_ids()
            .iter()
            .all(|i| i.starts_with("fresh-")));
        // A draft is restored exactly as written: no time filled in.
        let draft =
            decode_fragment(&fragment_of(doc("storage").as_bytes()), &mut ids()).expect("draft");
        assert_eq!(draft.charter.notes(ListId::Goals)[0].created_at, 0.0);
        assert_eq!(draft.warnings, vec![RestoreWarning::RenumberedIds]);
    }

    #[test]
    fn fragments_look_like_c3_base64url() {
        let fragment = encode_fragment(&sample(Lang::Fr)).expect("encodes");
        let payload = fragment.strip_prefix("c3.").expect("tag");
        assert!(payload.bytes().all(|b| Alphabet::Base64Url.holds(b)));
        let with_hash = format!("#{fragment}");
        assert!(decode_fragment(&with_hash, &mut ids()).is_ok());
    }

    #[test]
    fn drafts_are_stored_with_the_tag_every_build_reads() {
        let c = sample(Lang::Fr);
        let draft = encode_compact(&c, Source::Storage).expect("encodes");
        assert!(draft.starts_with("c1."), "{}", &draft[..8]);
        assert!(encode_fragment(&c).expect("encodes").starts_with("c3."));
        // What the earliest build did with a draft: inflate with c1 and restore.
        let payload = URL_SAFE_NO_PAD.decode(&draft[3..]).expect("base64url");
        let json = inflate_with_dictionary(c1(), &payload, MAX_INFLATED_BYTES).expect("inflates");
        let back =
            restore(std::str::from_utf8(&json).expect("utf-8"), &mut ids()).expect("restores");
        assert_eq!(back.charter, c);
    }

    #[test]
    fn the_dictionary_makes_links_shorter() {
        for (lang, min_gain) in [(Lang::Fr, 10), (Lang::En, 5)] {
            let c = sample(lang);
            let full = to_json(&c, Source::Link).expect("json");
            let json = share_json(&c).expect("json").len();
            let with = encode_fragment(&c).expect("encodes").len();
            let without = fragment_len_without_dictionary(&c);
            // What links were before the share form: the full JSON, ids and times included.
            let before = fragment_of(full.as_bytes()).len();
            println!(
                "{lang:?}: share json {json} B (full {} B), link {with} chars (full json: {before}), without dictionary {without}",
                full.len()
            );
            assert!(
                with * 100 <= without * (100 - min_gain),
                "{with} vs {without}"
            );
            assert!(with < before, "{with} vs {before}");
        }
        let empty = Charter::new("k3j9x0a1b2c3d4e5".into(), Lang::Fr, 1_764_000_000_000.0);
        let with = encode_fragment(&empty).expect("encodes").len();
        let without = fragment_len_without_dictionary(&empty);
        println!("empty: link {with} chars, without dictionary {without}");
        assert!(with * 2 < without);
    }

    #[test]
    fn a_decompression_bomb_stops_at_the_cap() {
        let bomb = fragment_of(&vec![b' '; MAX_INFLATED_BYTES + 1]);
        assert!(bomb.len() < MAX_FRAGMENT_CHARS, "{}", bomb.len());
        assert_eq!(decode_fragment(&bomb, &mut ids()), Err(LinkError::TooLarge));
        let zeros = fragment_of(&vec![0; 16 * MAX_INFLATED_BYTES]);
        assert!(zeros.len() <= MAX_FRAGMENT_CHARS);
        assert_eq!(
            decode_fragment(&zeros, &mut ids()),
            Err(LinkError::TooLarge)
        );
    }

    #[test]
    fn damaged_fragments_are_refused_with_their_reason() {
        let fragment = encode_fragment(&sample(Lang::En)).expect("encodes");
        assert_eq!(
            decode_fragment("c9.AAAA", &mut ids()),
            Err(LinkError::UnknownVersion)
        );
        assert_eq!(
            decode_fragment("#section-2", &mut ids()),
            Err(LinkError::UnknownVersion)
        );
        assert_eq!(
            decode_fragment("c1.not*base64!", &mut ids()),
            Err(LinkError::Corrupted)
        );
        let long = format!("c1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
        assert_eq!(decode_fragment(&long, &mut ids()), Err(LinkError::TooLong));
        let whole = decode_fragment(&fragment, &mut ids()).expect("decodes");
        for cut in [4, fragment.len() / 2, fragment.len() - 12] {
            let truncated = fragment.get(..cut).expect("ascii");
            assert!(
                decode_fragment(truncated, &mut ids()).is_err(),
                "cut at {cut}"
            );
        }
        // The last characters hold the range coder's flush and the final
        // zero byte: a link cut there either fails its checksum or reads
        // back exactly, never as another charter.
        for cut in 1..=4 {
            let truncated = fragment.get(..fragment.len() - cut).expect("ascii");
            if let Ok(back) = decode_fragment(truncated, &mut ids()) {
                assert_eq!(back.charter, whole.charter, "cut {cut}");
            }
        }
        assert_eq!(
            decode_fragment(&fragment_of(b"{\"not\":\"a charter\"}"), &mut ids()),
            Err(LinkError::Restore(RestoreError::NotACharter))
        );
        assert_eq!(
            decode_fragment(&fragment_of(&[0xff, 0xfe]), &mut ids()),
            Err(LinkError::Corrupted)
        );
        assert_eq!(
            decode_fragment("c1.", &mut ids()),
            Err(LinkError::Corrupted)
        );
    }

    #[test]
    fn a_huge_charter_is_too_long_for_a_link() {
        let mut c = Charter::new("x".into(), Lang::Fr, 1.0);
        // Incompressible text: a pseudo-random walk through letters.
        let mut seed = 7u64;
        let text: String = (0..60_000)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                char::from(b'a' + u8::try_from((seed >> 33) % 26).unwrap_or(0))
            })
            .collect();
        c.set_text(TextField::Vision, text, 2.0);
        assert_eq!(encode_fragment(&c), Err(LinkError::TooLong));
    }

    /// Property tests; proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Any Unicode string, including empty, very long, emoji and right-to-left text.
        fn any_text() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(String::new()),
                Just("שלום עולם مرحبا بالعالم".to_string()),
                Just("🎉👩‍🏫🧪 ✨".repeat(50)),
                Just("Élèves, école : 👩‍🏫 ".repeat(2_000)),
                ".*",
                proptest::collection::vec(any::<char>(), 0..3000)
                    .prop_map(|v| v.into_iter().collect::<String>()),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn any_text_round_trips(
                title in any_text(),
                mission in any_text(),
                notes in proptest::collection::vec(any_text(), 0..4),
            ) {
                let mut c = Charter::new("p".into(), Lang::Fr, 1.0);
                c.set_title(title, 2.0);
                c.set_text(TextField::Mission, mission, 3.0);
                for (i, n) in notes.into_iter().enumerate() {
                    c.add_note(ListId::Goals, format!("n{i}"), n, 4.0);
                }
                prop_assert_eq!(link_round_trip(&c), Ok(()));
                let draft = encode_compact(&c, Source::Storage).expect("encodes");
                prop_assert_eq!(decode_fragment(&draft, &mut ids()).expect("decodes").charter, c);
            }

            #[test]
            fn damaged_fragments_never_panic(
                cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
            ) {
                let fragment = encode_fragment(&sample(Lang::Fr)).expect("encodes");
                let mut bytes = fragment.into_bytes();
                for (at, value, how) in cuts {
                    let i = at.index(bytes.len().max(1));
                    match how {
                        0 => { if let Some(b) = bytes.get_mut(i) { *b ^= 1 << (value % 8); } }
                        1 => bytes.truncate(i),
                        _ => { if i < bytes.len() { bytes.remove(i); } }
                    }
                }
                let text = String::from_utf8_lossy(&bytes);
                let _ = decode_fragment(&text, &mut ids());
            }

            #[test]
            fn damaged_deflate_data_never_panics(
                flips in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..6),
            ) {
                let json = to_json(&sample(Lang::En), Source::Link).expect("json");
                let mut packed = deflate_with_dictionary(dictionary_c2(), json.as_bytes(), CompressionLevel::UberCompression).expect("deflates");
                for (at, bit) in flips {
                    let i = at.index(packed.len());
                    if let Some(b) = packed.get_mut(i) { *b ^= 1 << bit; }
                }
                let fragment = format!("c2.{}", URL_SAFE_NO_PAD.encode(packed));
                let _ = decode_fragment(&fragment, &mut ids());
            }

            #[test]
            fn repair_never_panics(text in ".*") {
                let _ = crate::format::repair_pasted_link(&text);
            }
        }
    }
}
