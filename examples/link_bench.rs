//! Measures share links on the reference corpus; `scripts/bench.sh` runs it.
//!
//! For each `*.coplanifier.json` of the corpus folder (default `bench/corpus`),
//! restores the charter through the one restore path, then prints one JSON
//! line: its name, its note count, the link (`c3`) and its length, the `c2`
//! link of the same charter and its length, the length of the `c3` link
//! once every note and row has a short id as the app now makes them (the
//! corpus has older ids, which `c3` leaves out), the QR version that link
//! needs, the length the `c2` JSON would have without a dictionary, the
//! length of a link of the full JSON (ids and times kept, as links were
//! before the share form), and the median encode and decode times of both
//! codecs. The JSON the `c2` link carries is written to the output folder
//! for `bench/compare.mjs`.
//!
//! ```text
//! cargo run --release --example link_bench -- [--runs N] [--out DIR] [CORPUS_DIR]
//! cargo run --release --example link_bench -- --write-examples DIR
//! ```
//!
//! `--write-examples` writes the app's two full example charters (French and
//! English) into DIR as corpus files, with random ids and spread-out times
//! like a real draft; `bench/make_corpus.py` writes the others.

use std::error::Error;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use coplanifier::charter::{example, item_id, Charter, Lang, Versions};
use coplanifier::format::link::{
    encode_link_and_qr, fragment_len_without_dictionary, share_form, share_json,
};
use coplanifier::format::{
    decode_fragment, encode_compact, encode_fragment, restore, to_json, Source,
};
use coplanifier::ui::share::qr::{qr_drawing, QrText};
use serde_json::{json, Value};

type Res<T> = Result<T, Box<dyn Error>>;

/// A small deterministic generator (SplitMix64): the same corpus on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// An id as the app makes them: 16 lowercase base-36 characters.
    fn id(&mut self) -> String {
        const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        (0..16)
            .map(|_| char::from(ALPHABET[(self.next() % 36) as usize]))
            .collect()
    }

    /// A number in `lo..hi`.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let mut runs = 101usize;
    let mut out = std::env::temp_dir().join("coplanifier-link-bench");
    let mut corpus = PathBuf::from("bench/corpus");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().ok_or("--runs needs a number")?.parse()?,
            "--out" => out = args.next().ok_or("--out needs a folder")?.into(),
            "--write-examples" => {
                let dir = PathBuf::from(args.next().ok_or("--write-examples needs a folder")?);
                return write_examples(&dir);
            }
            "-h" | "--help" => {
                eprintln!(
                    "usage: link_bench [--runs N] [--out DIR] [CORPUS_DIR] | --write-examples DIR"
                );
                return Ok(());
            }
            _ => corpus = arg.into(),
        }
    }
    std::fs::create_dir_all(&out)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map_err(|e| format!("{}: {e}", corpus.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".coplanifier.json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.coplanifier.json in {}", corpus.display()).into());
    }
    for path in files {
        println!("{}", measure(&path, &out, runs.max(1))?);
    }
    Ok(())
}

/// Measures one corpus charter and writes the JSON its link carries into `out`.
fn measure(path: &Path, out: &Path, runs: usize) -> Res<Value> {
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("a corpus file name is UTF-8")?;
    let name = file_name.trim_end_matches(".coplanifier.json");
    let text = std::fs::read_to_string(path)?;
    let restored = restore(&text, &mut fresh_ids())
        .map_err(|e| format!("{file_name} does not restore: {e:?}"))?;
    if !restored.warnings.is_empty() {
        return Err(format!("{file_name} restores with {:?}", restored.warnings).into());
    }
    let c = restored.charter;

    let json = share_json(&c).map_err(|e| format!("{name}: {e:?}"))?;
    let link = encode_fragment(&c).map_err(|e| format!("{name}: {e:?}"))?;
    let back = decode_fragment(&link, &mut fresh_ids()).map_err(|e| format!("{name}: {e:?}"))?;
    if share_form(&back.charter).ok() != share_form(&c).ok() || !back.warnings.is_empty() {
        return Err(format!("{name}: the link does not give the charter back").into());
    }
    let full_link = encode_compact(&c, Source::File).map_err(|e| format!("{name}: {e:?}"))?;
    // What c2 makes of the same charter (every id and note time left out).
    let c2_link = encode_compact(&c, Source::Link).map_err(|e| format!("{name}: {e:?}"))?;
    // The corpus has 16-character ids, which c3 leaves out; the app now
    // makes short ones, which c3 keeps: the same charter with those.
    let mut short = c.clone();
    let mut n = 0;
    short.renumber_items(&mut || {
        n += 1;
        item_id("k3j9x", n).unwrap_or_default()
    });
    let short_link = encode_fragment(&short).map_err(|e| format!("{name}: {e:?}"))?;
    let back =
        decode_fragment(&short_link, &mut fresh_ids()).map_err(|e| format!("{name}: {e:?}"))?;
    if back.charter.item_ids() != short.item_ids() {
        return Err(format!("{name}: the c3 link loses short ids").into());
    }
    let (_, qr) = encode_link_and_qr(&short, Versions::made_from(None))
        .map_err(|e| format!("{name}: {e:?}"))?;
    let qr_version = qr
        .map(|alphanumeric| QrText {
            bytes: format!("{BASE_URL}#"),
            alphanumeric,
        })
        .and_then(|t| qr_drawing(&t))
        .map(|d| d.version);
    let json_file = out.join(format!("{name}.link.json"));
    std::fs::write(&json_file, &json)?;

    let encode_us = median_us(runs, || {
        black_box(encode_fragment(black_box(&c)).is_ok());
    });
    let decode_us = median_us(runs, || {
        black_box(decode_fragment(black_box(&link), &mut fresh_ids()).is_ok());
    });
    let c2_encode_us = median_us(runs, || {
        black_box(encode_compact(black_box(&c), Source::Link).is_ok());
    });
    let c2_decode_us = median_us(runs, || {
        black_box(decode_fragment(black_box(&c2_link), &mut fresh_ids()).is_ok());
    });
    Ok(json!({
        "name": name,
        "notes": c.note_count(),
        "json_bytes": json.len(),
        "full_json_bytes": to_json(&c, Source::File)?.len(),
        "link_chars": link.len(),
        "c2_link": c2_link,
        "c2_chars": c2_link.len(),
        "short_ids_chars": short_link.len(),
        "items": short.item_ids().len(),
        "qr_version": qr_version,
        "no_dictionary_chars": fragment_len_without_dictionary(&c),
        "full_link_chars": full_link.len(),
        "encode_us": encode_us,
        "decode_us": decode_us,
        "c2_encode_us": c2_encode_us,
        "c2_decode_us": c2_decode_us,
        "runs": runs,
        "tag": link.split('.').next().unwrap_or_default(),
        "link": link,
        "json_file": json_file.to_string_lossy(),
    }))
}

/// The address the bench's links and QR codes start with (as in `bench/compare.mjs`).
const BASE_URL: &str = "https://csss.example/outils/coplanifier/";

/// Ids for restore, shaped like the app's (16 characters).
fn fresh_ids() -> impl FnMut() -> String {
    let mut n = 0u64;
    move || {
        n += 1;
        format!("{n:016}")
    }
}

/// The median time of `f` over `runs` runs, in microseconds.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    (median * 10.0).round() / 10.0
}

/// Writes the app's full examples as corpus files, with ids and times like a real draft's.
fn write_examples(dir: &Path) -> Res<()> {
    std::fs::create_dir_all(dir)?;
    for (n, lang, suffix) in [(5, Lang::Fr, "fr"), (6, Lang::En, "en")] {
        let mut rng = Rng(n);
        // 2025-12-01, 9:00 Eastern time.
        let start = 1_764_597_600_000u64;
        let mut value = serde_json::to_value(example(lang, rng.id(), start as f64))?;
        let mut now = start;
        realistic(&mut value, &mut rng, &mut now, false);
        value["created_at"] = json!(start as f64);
        value["updated_at"] = json!(now as f64);
        let c: Charter = serde_json::from_value(value)?;
        let path = dir.join(format!("0{n}-full-example-{suffix}.coplanifier.json"));
        std::fs::write(&path, to_json(&c, Source::File)? + "\n")?;
        eprintln!("{}: {} notes", path.display(), c.note_count());
    }
    Ok(())
}

/// Gives every note and row a random id and every note times a few minutes apart.
fn realistic(value: &mut Value, rng: &mut Rng, now: &mut u64, in_array: bool) {
    match value {
        Value::Object(fields) => {
            if in_array && fields.contains_key("id") {
                fields.insert("id".into(), json!(rng.id()));
                if fields.contains_key("created_at") {
                    *now += rng.between(5_000, 240_000);
                    let created = *now;
                    if rng.between(0, 10) < 3 {
                        *now += rng.between(5_000, 600_000);
                    }
                    fields.insert("created_at".into(), json!(created as f64));
                    fields.insert("updated_at".into(), json!(*now as f64));
                }
            }
            for v in fields.values_mut() {
                realistic(v, rng, now, false);
            }
        }
        Value::Array(items) => {
            for v in items {
                realistic(v, rng, now, true);
            }
        }
        _ => {}
    }
}
