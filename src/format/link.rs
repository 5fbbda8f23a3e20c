//! Charters as share links: the whole charter travels in the URL fragment
//! (`…/#c2.…`), which browsers never send to a server.
//!
//! A fragment is `<tag>.<payload>`. The payload is base64url (no padding) of
//! a raw DEFLATE stream of the JSON envelope, compressed against the preset
//! dictionary the tag names. `c1` (`dictionary-c1.txt`) holds field names,
//! choice keys and common words of the domain; `c2`, which this build
//! writes, puts the app's own texts of both languages (the questions, their
//! help and the example charter) in front of the whole of `c1`.
//!
//! A link carries the charter's *share form* ([`share_form`]): every note and
//! row id is blank and every note time is 0, so that the random ids and
//! 13-digit times, which deflate cannot shrink, stay out of the URL. The
//! charter's own id, title, kind, language and times are kept: they
//! recognise the same charter and tell a newer version. Reading a link gives
//! the notes and rows fresh ids, silently, and the notes the charter's
//! `updated_at`. Drafts use the same codec ([`encode_compact`] with
//! [`Source::Storage`]) and keep every id and time exactly; they are written
//! with the `c1` dictionary ([`DRAFT_TAG`]), which every build so far reads,
//! so that a tab still running an older build can open what a newer one
//! saved.
//!
//! A dictionary is frozen once released: links already sent must decode
//! forever. A new dictionary needs a new tag (`c2`, …), and every older tag
//! keeps its own dictionary and keeps decoding.
//!
//! miniz_oxide has no preset-dictionary API, so the dictionary is primed by
//! hand. Encoding compresses `dictionary ++ json` as one stream with a sync
//! flush right after the dictionary, and keeps only what comes after that
//! flush (which ends on a byte boundary). Decoding inflates into a buffer
//! that already holds the dictionary, so back-references reach into it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::core::{compress_to_output, CompressorOxide, TDEFLFlush, TDEFLStatus};
use miniz_oxide::deflate::CompressionLevel;
use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::DataFormat;

use serde_json::{Map, Value};
use std::sync::OnceLock;

use super::{restore, to_json, RestoreError, RestoreWarning, Restored, Source};
use crate::charter::{Charter, ListId, RecordList, QUESTION_FIELDS};

/// The tag this build writes.
pub const CURRENT_TAG: &str = "c2";
/// The tag drafts are stored with: the oldest, read by every build.
pub const DRAFT_TAG: &str = "c1";
/// The longest fragment accepted or produced, in characters (bytes).
pub const MAX_FRAGMENT_CHARS: usize = 32 * 1024;
/// The most a fragment may inflate to, in bytes of JSON.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;

/// The source of the `c1` dictionary. Frozen: see the file's header.
const DICTIONARY_C1: &str = include_str!("dictionary-c1.txt");
/// The source of the `c2` dictionary. Frozen: see the file's header.
const DICTIONARY_C2: &str = include_str!("dictionary-c2.txt");

/// Why a fragment could not be made or read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`] (or the charter would make one).
    TooLong,
    /// The fragment has no tag this build knows (`c1.`, `c2.`).
    UnknownVersion,
    /// The fragment is damaged: bad base64, broken or truncated deflate data, or not UTF-8.
    Corrupted,
    /// The fragment inflates to more than [`MAX_INFLATED_BYTES`].
    TooLarge,
    /// The fragment held text that is not a charter this build can open.
    Restore(RestoreError),
}

/// The dictionary bytes of a tag this build reads, built from its data file.
/// Each is built once, on first use: drafts are read by the hundred.
fn dictionary(tag: &str) -> Option<&'static [u8]> {
    match tag {
        "c1" => Some(dictionary_c1()),
        "c2" => Some(dictionary_c2()),
        _ => None,
    }
}

fn dictionary_c1() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| dictionary_from_source(DICTIONARY_C1))
}

fn dictionary_c2() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| dictionary_from_source(DICTIONARY_C2))
}

/// The dictionary of the tag this build writes, [`CURRENT_TAG`].
fn current_dictionary() -> &'static [u8] {
    dictionary_c2()
}

/// Builds dictionary bytes: skips `#` comments and empty lines, trims line ends, joins the rest.
fn dictionary_from_source(source: &str) -> Vec<u8> {
    source
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(str::bytes)
        .collect()
}

/// The charter as a link fragment, without the `#`: `c2.<base64url>`.
pub fn encode_fragment(c: &Charter) -> Result<String, LinkError> {
    encode_compact(c, Source::Link)
}

/// The same compact form, for another source. [`Source::Link`] writes the
/// share form with [`CURRENT_TAG`]; any other source keeps every id and time
/// and uses [`DRAFT_TAG`] (drafts are stored this way: a fifth of the JSON's
/// size, read back by [`decode_fragment`]).
pub fn encode_compact(c: &Charter, source: Source) -> Result<String, LinkError> {
    let json = compact_json(c, source)?;
    let (tag, dictionary) = match source {
        Source::Link => (CURRENT_TAG, current_dictionary()),
        Source::Storage | Source::File => (DRAFT_TAG, dictionary_c1()),
    };
    // A draft is written on every keystroke: the fastest level, whose stream
    // any reader inflates the same way. A link is made once: the smallest.
    let level = match source {
        Source::Storage => CompressionLevel::BestSpeed,
        Source::Link | Source::File => CompressionLevel::UberCompression,
    };
    let packed = deflate_with_dictionary(dictionary, json.as_bytes(), level)?;
    let fragment = format!("{tag}.{}", URL_SAFE_NO_PAD.encode(packed));
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong);
    }
    Ok(fragment)
}

/// The JSON envelope the compact form of `source` compresses: the share form for links.
fn compact_json(c: &Charter, source: Source) -> Result<String, LinkError> {
    let json = match source {
        Source::Link => to_json(&share_form(c)?, source),
        Source::Storage | Source::File => to_json(c, source),
    };
    json.map_err(|_| LinkError::Corrupted)
}

/// The JSON envelope a link carries, before compression (for measurements and other tools).
pub fn share_json(c: &Charter) -> Result<String, LinkError> {
    compact_json(c, Source::Link)
}

/// The charter as a link carries it: note and row ids blank, note times 0, all else kept.
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
        .map_or(0, |packed| {
            CURRENT_TAG.len() + 1 + URL_SAFE_NO_PAD.encode(packed).len()
        })
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

/// Reads a charter from a link fragment (with or without its leading `#`), through the one restore path.
///
/// When the envelope says `"source": "link"`, a note time that is missing or
/// 0 becomes the charter's `updated_at`, and blank note and row ids get fresh
/// ones without a warning (a warning stays if two of them share an id). Any
/// other source (a stored draft) is restored exactly as written.
pub fn decode_fragment(
    fragment: &str,
    fresh_id: &mut dyn FnMut() -> String,
) -> Result<Restored, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong);
    }
    let (tag, payload) = fragment.split_once('.').ok_or(LinkError::UnknownVersion)?;
    let dictionary = dictionary(tag).ok_or(LinkError::UnknownVersion)?;
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| LinkError::Corrupted)?;
    let json = inflate_with_dictionary(dictionary, &packed, MAX_INFLATED_BYTES)?;
    let text = String::from_utf8(json).map_err(|_| LinkError::Corrupted)?;
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
    Ok(restored)
}

/// A compressor at `level` that has read `dictionary` (empty: none).
fn primed(dictionary: &[u8], level: CompressionLevel) -> Result<CompressorOxide, LinkError> {
    let mut compressor = CompressorOxide::with_format_and_level(DataFormat::Raw, level);
    if !dictionary.is_empty() {
        // Everything up to and including the sync flush describes the dictionary, which the reader already has.
        let (status, read) =
            compress_to_output(&mut compressor, dictionary, TDEFLFlush::Sync, |_| true);
        if status != TDEFLStatus::Okay || read != dictionary.len() {
            return Err(LinkError::Corrupted);
        }
    }
    Ok(compressor)
}

/// Raw deflate of `data` at the best level, primed with `dictionary` (empty: no dictionary).
///
/// Reading a dictionary into the compressor is most of the work for the
/// 26 KB `c2` one, and links and autosaves do it again and again, so a
/// compressor primed with each tag's dictionary is kept and copied for each
/// use.
fn deflate_with_dictionary(
    dictionary: &[u8],
    data: &[u8],
    level: CompressionLevel,
) -> Result<Vec<u8>, LinkError> {
    static C1_FAST: OnceLock<Option<CompressorOxide>> = OnceLock::new();
    static C1: OnceLock<Option<CompressorOxide>> = OnceLock::new();
    static C2: OnceLock<Option<CompressorOxide>> = OnceLock::new();
    let best = level == CompressionLevel::UberCompression;
    let kept = if dictionary == dictionary_c2() && best {
        Some(&C2)
    } else if dictionary == dictionary_c1() && best {
        Some(&C1)
    } else if dictionary == dictionary_c1() && level == CompressionLevel::BestSpeed {
        Some(&C1_FAST)
    } else {
        None
    };
    let compressor = match kept {
        Some(cell) => cell
            .get_or_init(|| primed(dictionary, level).ok())
            .clone()
            .ok_or(LinkError::Corrupted)?,
        None => primed(dictionary, level)?,
    };
    finish(compressor, data)
}

/// The rest of the stream: `data`, compressed by `compressor`, to the end.
fn finish(mut compressor: CompressorOxide, data: &[u8]) -> Result<Vec<u8>, LinkError> {
    let mut out = Vec::new();
    let (status, read) = compress_to_output(&mut compressor, data, TDEFLFlush::Finish, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    if status != TDEFLStatus::Done || read != data.len() {
        return Err(LinkError::Corrupted);
    }
    Ok(out)
}

/// Inflates raw deflate data written after `dictionary`; stops with `TooLarge` as soon as the output passes `max` bytes.
fn inflate_with_dictionary(
    dictionary: &[u8],
    mut input: &[u8],
    max: usize,
) -> Result<Vec<u8>, LinkError> {
    let start = dictionary.len();
    let limit = start.saturating_add(max);
    let mut out = dictionary.to_vec();
    let first = input.len().saturating_mul(4).max(1024).min(max);
    out.resize(start.saturating_add(first), 0);
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut pos = start;
    loop {
        let (status, read, written) = decompress(
            &mut decompressor,
            input,
            &mut out,
            pos,
            TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        pos = pos.saturating_add(written);
        match status {
            TINFLStatus::Done => {
                return out
                    .get(start..pos)
                    .map(<[u8]>::to_vec)
                    .ok_or(LinkError::Corrupted);
            }
            TINFLStatus::HasMoreOutput => {
                input = input.get(read..).ok_or(LinkError::Corrupted)?;
                if out.len() >= limit {
                    return Err(LinkError::TooLarge);
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            _ => return Err(LinkError::Corrupted),
        }
    }
}

/// Finds the fragment (without `#`) in text a person pasted: a plain link, a bare
/// fragment, an Outlook Safe Link, text percent-encoded once or twice, cut by line
/// breaks, spaces or `>` quote markers. `None` if no `c<digits>.` fragment is there.
pub fn repair_pasted_link(text: &str) -> Option<String> {
    let mut current = join_lines(text);
    for _ in 0..4 {
        if let Some(found) = find_fragment(&current) {
            return Some(found);
        }
        let decoded = percent_decode(&current);
        if decoded == current {
            return None;
        }
        current = decoded
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
    }
    find_fragment(&current)
}

/// Undoes e-mail wrapping: drops `>` quote markers at line starts and every ASCII blank.
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_ascii_whitespace());
        out.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
    }
    out
}

/// Whether a byte belongs to the base64url alphabet.
fn is_payload_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// The fragment `c<digits>.<payload>` at `start` of `text`, if one is there.
fn fragment_at(text: &str, start: usize) -> Option<String> {
    let rest = text.get(start..)?;
    let after_c = rest.strip_prefix('c')?;
    let digits = after_c.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let after_digits = after_c.get(digits..)?;
    let payload = after_digits.strip_prefix('.')?;
    let len = payload.bytes().take_while(|&b| is_payload_byte(b)).count();
    if len == 0 {
        return None;
    }
    rest.get(..1 + digits + 1 + len).map(str::to_string)
}

/// The first fragment in `text`: after a `#`, or bare at the start or after a non-alphanumeric character.
fn find_fragment(text: &str) -> Option<String> {
    let after_hash = text
        .match_indices('#')
        .find_map(|(i, _)| fragment_at(text, i + 1));
    after_hash.or_else(|| {
        text.match_indices('c')
            .filter(|&(i, _)| {
                i == 0
                    || text
                        .as_bytes()
                        .get(i - 1)
                        .is_some_and(|b| !b.is_ascii_alphanumeric())
            })
            .find_map(|(i, _)| fragment_at(text, i))
    })
}

/// Decodes `%XX` sequences once; anything malformed is kept as it is.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match bytes.get(i + 1..i + 3) {
            Some(&[high, low]) if b == b'%' => {
                hex_value(high).zip(hex_value(low)).map(|(h, l)| h * 16 + l)
            }
            _ => None,
        };
        match escaped {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of one hexadecimal digit.
fn hex_value(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
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

    /// A fragment of the current tag for arbitrary raw bytes (not necessarily a charter).
    fn fragment_of(bytes: &[u8]) -> String {
        fragment_with(CURRENT_TAG, bytes)
    }

    /// A fragment of this tag for arbitrary raw bytes.
    fn fragment_with(tag: &str, bytes: &[u8]) -> String {
        let d = dictionary(tag).expect("a known tag");
        let packed =
            deflate_with_dictionary(d, bytes, CompressionLevel::UberCompression).expect("deflates");
        format!("{tag}.{}", URL_SAFE_NO_PAD.encode(packed))
    }

    fn c1() -> &'static [u8] {
        dictionary("c1").expect("c1")
    }

    /// FNV-1a, 64 bits: enough to notice any change to a frozen dictionary.
    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    #[test]
    fn dictionary_c1_is_frozen() {
        let d = c1();
        // If this fails, the c1 dictionary changed and every link sent so far breaks:
        // restore the file and put the new dictionary under a new tag instead.
        assert_eq!((d.len(), fnv1a(d)), (3750, 1_264_738_757_521_694_217));
    }

    #[test]
    fn links_are_written_with_the_dictionary_of_their_tag() {
        assert_eq!(dictionary(CURRENT_TAG), Some(current_dictionary()));
        let fragment = encode_fragment(&sample(Lang::Fr)).expect("encodes");
        assert!(fragment.starts_with(&format!("{CURRENT_TAG}.")));
    }

    #[test]
    fn dictionary_c2_is_frozen() {
        let d = dictionary("c2").expect("c2");
        // If this fails, the c2 dictionary changed and every c2 link sent so far
        // breaks: restore the file and make a new tag instead.
        assert_eq!((d.len(), fnv1a(d)), (25936, 10_163_725_063_717_605_880));
        // It fits deflate's 32 KiB window and ends with the whole of c1.
        assert!(d.len() < 32 * 1024);
        assert!(d.ends_with(c1()));
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

    #[test]
    fn dictionary_ignores_line_endings_and_comments() {
        let unix = "# note\n a b\n\n{\"x\":1}\n";
        let windows = "# note\r\n a b  \r\n\r\n{\"x\":1}\r\n";
        assert_eq!(dictionary_from_source(unix), b" a b{\"x\":1}".to_vec());
        assert_eq!(
            dictionary_from_source(windows),
            dictionary_from_source(unix)
        );
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
    fn fragments_look_like_c2_base64url() {
        let fragment = encode_fragment(&sample(Lang::Fr)).expect("encodes");
        let payload = fragment.strip_prefix("c2.").expect("tag");
        assert!(payload.bytes().all(is_payload_byte));
        let with_hash = format!("#{fragment}");
        assert!(decode_fragment(&with_hash, &mut ids()).is_ok());
    }

    #[test]
    fn the_kept_compressors_write_what_a_fresh_one_would() {
        let best = CompressionLevel::UberCompression;
        let fast = CompressionLevel::BestSpeed;
        for (d, level) in [
            (dictionary_c1(), best),
            (dictionary_c2(), best),
            (dictionary_c1(), fast),
        ] {
            let json = share_json(&sample(Lang::Fr)).expect("json");
            let fresh = finish(primed(d, level).expect("primes"), json.as_bytes());
            for _ in 0..2 {
                assert_eq!(deflate_with_dictionary(d, json.as_bytes(), level), fresh);
            }
            let other = share_json(&sample(Lang::En)).expect("json");
            let kept = deflate_with_dictionary(d, other.as_bytes(), level);
            let fresh = finish(primed(d, level).expect("primes"), other.as_bytes());
            assert_eq!(kept, fresh, "a use leaves nothing behind for the next");
        }
    }

    #[test]
    fn drafts_are_stored_with_the_tag_every_build_reads() {
        let c = sample(Lang::Fr);
        let draft = encode_compact(&c, Source::Storage).expect("encodes");
        assert!(draft.starts_with("c1."), "{}", &draft[..8]);
        assert!(encode_fragment(&c).expect("encodes").starts_with("c2."));
        // What the earliest build did with a draft: inflate with c1 and restore.
        let payload = URL_SAFE_NO_PAD.decode(&draft[3..]).expect("base64url");
        let json = inflate_with_dictionary(c1(), &payload, MAX_INFLATED_BYTES).expect("inflates");
        let back =
            restore(std::str::from_utf8(&json).expect("utf-8"), &mut ids()).expect("restores");
        assert_eq!(back.charter, c);
    }

    #[test]
    fn the_dictionary_really_is_used() {
        // The same deflate data read without the dictionary must not give the JSON back.
        let c = sample(Lang::Fr);
        let json = to_json(&c, Source::Link).expect("json");
        let packed = deflate_with_dictionary(
            current_dictionary(),
            json.as_bytes(),
            CompressionLevel::UberCompression,
        )
        .expect("deflates");
        let without = inflate_with_dictionary(&[], &packed, MAX_INFLATED_BYTES);
        assert_ne!(without.ok(), Some(json.into_bytes()));
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
    fn output_just_under_the_cap_still_inflates() {
        let data = vec![b'a'; MAX_INFLATED_BYTES];
        let packed = deflate_with_dictionary(
            current_dictionary(),
            &data,
            CompressionLevel::UberCompression,
        )
        .expect("deflates");
        let back = inflate_with_dictionary(current_dictionary(), &packed, MAX_INFLATED_BYTES);
        assert_eq!(back, Ok(data));
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
        for cut in [4, fragment.len() / 2, fragment.len() - 3] {
            let truncated = fragment.get(..cut).expect("ascii");
            assert!(
                decode_fragment(truncated, &mut ids()).is_err(),
                "cut at {cut}"
            );
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

    #[test]
    fn pasted_links_are_repaired() {
        let fragment = encode_fragment(&sample(Lang::Fr)).expect("encodes");
        let (head, tail) = fragment.split_at(40);
        let plain = format!("https://ecole.example/coplanifier/#{fragment}");
        let encoded_once = plain
            .replace(':', "%3A")
            .replace('/', "%2F")
            .replace('#', "%23");
        let forms = [
            plain.clone(),
            format!("https://ecole.example/coplanifier/index.html#{fragment}"),
            fragment.clone(),
            format!("#{fragment}"),
            format!("  {plain}  \r\n"),
            format!(
                "https://can01.safelinks.protection.outlook.com/?url={encoded_once}&data=05%7C02%7C%7Cabc&sdata=xyz&reserved=0"
            ),
            encoded_once.clone(),
            encoded_once.replace('%', "%25"),
            format!("https://ecole.example/#{head}\r\n{tail}"),
            format!("https://ecole.example/#{head} {tail}"),
            format!("> https://ecole.example/#{head}\r\n> {tail}\r\n"),
            format!("> > https://ecole.example/#{head}\n> > {tail}"),
            format!("<https://ecole.example/#{fragment}>"),
            format!("Voici le lien :\n{plain}"),
        ];
        for form in forms {
            assert_eq!(
                repair_pasted_link(&form).as_deref(),
                Some(fragment.as_str()),
                "{form}"
            );
        }
        assert_eq!(repair_pasted_link("https://ecole.example/#accueil"), None);
        assert_eq!(repair_pasted_link("bonjour"), None);
        assert_eq!(repair_pasted_link(""), None);
        assert_eq!(repair_pasted_link("%2"), None);
        assert_eq!(repair_pasted_link("#c1."), None);
        assert_eq!(repair_pasted_link("abc1.xyz"), None);
        assert_eq!(repair_pasted_link("c9.xyz").as_deref(), Some("c9.xyz"));
    }

    #[test]
    fn percent_decoding_keeps_what_is_malformed() {
        assert_eq!(percent_decode("a%2Fb%2fc"), "a/b/c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
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
                let mut packed = deflate_with_dictionary(current_dictionary(), json.as_bytes(), CompressionLevel::UberCompression).expect("deflates");
                for (at, bit) in flips {
                    let i = at.index(packed.len());
                    if let Some(b) = packed.get_mut(i) { *b ^= 1 << bit; }
                }
                let fragment = format!("{CURRENT_TAG}.{}", URL_SAFE_NO_PAD.encode(packed));
                let _ = decode_fragment(&fragment, &mut ids());
            }

            #[test]
            fn repair_never_panics(text in ".*") {
                let _ = repair_pasted_link(&text);
            }
        }
    }
}
