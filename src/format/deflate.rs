//! Raw DEFLATE against a preset dictionary: the codec of the `c1` and `c2`
//! links, and of stored drafts (`c1`).
//!
//! miniz_oxide has no preset-dictionary API, so the dictionary is primed by
//! hand. Encoding compresses `dictionary ++ json` as one stream with a sync
//! flush right after the dictionary, and keeps only what comes after that
//! flush (which ends on a byte boundary). Decoding inflates into a buffer
//! that already holds the dictionary, so back-references reach into it.
//!
//! A dictionary is frozen once released: links already sent must decode
//! forever.

use miniz_oxide::deflate::core::{compress_to_output, CompressorOxide, TDEFLFlush, TDEFLStatus};
use miniz_oxide::deflate::CompressionLevel;
use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::DataFormat;
use std::sync::OnceLock;

use super::link::LinkError;

/// The source of the `c1` dictionary. Frozen: see the file's header.
const DICTIONARY_C1: &str = include_str!("dictionary-c1.txt");
/// The source of the `c2` dictionary. Frozen: see the file's header.
const DICTIONARY_C2: &str = include_str!("dictionary-c2.txt");

pub fn dictionary_c1() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| dictionary_from_source(DICTIONARY_C1))
}

pub fn dictionary_c2() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| dictionary_from_source(DICTIONARY_C2))
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
pub fn deflate_with_dictionary(
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
pub fn inflate_with_dictionary(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, Lang};
    use crate::format::link::share_json;
    use crate::format::{to_json, Source};

    const MAX: usize = crate::format::link::MAX_INFLATED_BYTES;

    fn c1() -> &'static [u8] {
        dictionary_c1()
    }

    fn sample(lang: Lang) -> crate::charter::Charter {
        example(lang, "k3j9x0a1b2c3d4e5".into(), 1_764_000_000_000.0)
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
    fn dictionary_c2_is_frozen() {
        let d = dictionary_c2();
        // If this fails, the c2 dictionary changed and every c2 link sent so far
        // breaks: restore the file and make a new tag instead.
        assert_eq!((d.len(), fnv1a(d)), (25936, 10_163_725_063_717_605_880));
        // It fits deflate's 32 KiB window and ends with the whole of c1.
        assert!(d.len() < 32 * 1024);
        assert!(d.ends_with(c1()));
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
    fn the_dictionary_really_is_used() {
        // The same deflate data read without the dictionary must not give the JSON back.
        let c = sample(Lang::Fr);
        let json = to_json(&c, Source::Link).expect("json");
        let packed = deflate_with_dictionary(
            dictionary_c2(),
            json.as_bytes(),
            CompressionLevel::UberCompression,
        )
        .expect("deflates");
        let without = inflate_with_dictionary(&[], &packed, MAX);
        assert_ne!(without.ok(), Some(json.into_bytes()));
    }
    #[test]
    fn output_just_under_the_cap_still_inflates() {
        let data = vec![b'a'; MAX];
        let packed =
            deflate_with_dictionary(dictionary_c2(), &data, CompressionLevel::UberCompression)
                .expect("deflates");
        let back = inflate_with_dictionary(dictionary_c2(), &packed, MAX);
        assert_eq!(back, Ok(data));
    }
}
