//! The `c3` link codec: the charter split into its structure (a few bytes)
//! and the texts typed in it (joined by NUL), compressed together with PPMd
//! (variant H, order 6, 1 MiB of model memory) whose model is first fed the
//! app's own texts in the charter's language. The recipe is in
//! `docs/FORMAT.md`, section 6, in enough detail for another program.
//!
//! FROZEN once released: the variant, order, memory size, the dictionaries
//! (`dictionary-c3-fr.txt`, `dictionary-c3-en.txt`), the order of fields,
//! the choice tables (the order of each choice's `ALL`) and the structure
//! encoding. A change needs a new tag; `c3` links keep decoding forever.
//!
//! What does not fit is never squeezed in: a charter with fields of a newer
//! build, times that are not whole milliseconds, or a NUL in a text is
//! written with `c2` instead ([`Unfit`]). Note and row ids that are not short
//! ids ([`crate::charter::split_item_id`]) are left out, as `c2` leaves every
//! id out; the reader gives those items fresh ids.

use std::io::{Read, Write};
use std::sync::OnceLock;

use ppmd_rust::{Ppmd7Decoder, Ppmd7Encoder};

use crate::charter::{
    columns, split_item_id, Benefit, Charter, CommunityKind, Keyed, Lang, ListId, MeetingMode,
    Note, Origin, Problem, RecordList, SponsorStatus, SuperiorStatus, TextField, VersionId,
    Versions, SITE_LEN,
};

use super::link::{LinkError, MAX_INFLATED_BYTES};

/// PPMd7's model order for `c3`.
const ORDER: u32 = 6;
/// PPMd7's model memory for `c3`, in bytes.
const MEMORY: u32 = 1 << 20;
/// The dictionaries, one per language of the charter's content.
const DICTIONARY_FR: &str = include_str!("dictionary-c3-fr.txt");
const DICTIONARY_EN: &str = include_str!("dictionary-c3-en.txt");

/// Why a charter is written with `c2` rather than `c3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// It holds fields this build does not know (kept only by `c2`).
    NewerFields,
    /// A time that is not a whole number of milliseconds from 1970 to 2^53.
    OddTime,
    /// A text holds a NUL character, the separator of the texts.
    Nul,
}

/// The texts of a dictionary file, joined by NUL.
fn dictionary_bytes(source: &str) -> Vec<u8> {
    let texts: Vec<&str> = source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    texts.join("\0").into_bytes()
}

/// The dictionary of a language, built once.
pub fn dictionary(lang: Lang) -> &'static [u8] {
    static FR: OnceLock<Vec<u8>> = OnceLock::new();
    static EN: OnceLock<Vec<u8>> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| dictionary_bytes(DICTIONARY_FR)),
        Lang::En => EN.get_or_init(|| dictionary_bytes(DICTIONARY_EN)),
    }
}

/// The bytes the range coder has settled once the dictionary alone is fed
/// in: every `c3` stream of that language starts with them, so a link
/// leaves them out and the reader puts them back.
fn settled_prefix(lang: Lang) -> Result<&'static [u8], LinkError> {
    static FR: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    static EN: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    let cell = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let prefix = cell.get_or_init(|| {
        let mut out = Vec::new();
        {
            let mut e = Ppmd7Encoder::new(&mut out, ORDER, MEMORY).ok()?;
            e.write_all(dictionary(lang)).ok()?;
        }
        Some(out)
    });
    prefix.as_deref().ok_or(LinkError::Corrupted)
}

/// Appends an unsigned LEB128 number.
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The index + 1 of a choice in its table, 0 for none.
fn choice_code<T: Keyed + PartialEq>(all: &[T], v: Option<T>) -> u8 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(0, |i| (i + 1) as u8)
}

/// The bits of a set of choices, bit i for `all[i]`.
fn mask<'a, T: PartialEq + 'a>(all: &[T], set: impl Iterator<Item = &'a T>) -> u64 {
    set.filter_map(|v| all.iter().position(|x| x == v))
        .fold(0, |m, i| m | (1 << i))
}

/// A whole number of milliseconds a link can carry.
fn whole_ms(t: f64) -> Option<u64> {
    (t.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&t)).then_some(t as u64)
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Writes what the structure says of an item's id, and collects the sites.
fn put_id(out: &mut Vec<u8>, sites: &mut Vec<String>, id: &str) {
    match split_item_id(id) {
        Some((site, counter)) => {
            let index = match sites.iter().position(|s| s == site) {
                Some(i) => i,
                None => {
                    sites.push(site.to_string());
                    sites.len() - 1
                }
            };
            put_varint(out, index as u64 + 1);
            put_varint(out, u64::from(counter));
        }
        None => put_varint(out, 0),
    }
}

/// The body of a `c3` link: structure, then texts, then a checksum.
fn body(c: &Charter, versions: Versions) -> Result<Vec<u8>, Unfit> {
    if c.has_newer_fields() {
        return Err(Unfit::NewerFields);
    }
    let created = whole_ms(c.created_at).ok_or(Unfit::OddTime)?;
    let updated = whole_ms(c.updated_at).ok_or(Unfit::OddTime)?;

    let mut texts: Vec<&str> = vec![&c.id];
    // Authors, once each, in the order they first appear.
    let mut authors: Vec<&str> = Vec::new();
    for l in ListId::ALL {
        for n in c.notes(l) {
            if !n.author.is_empty() && !authors.contains(&n.author.as_str()) {
                authors.push(&n.author);
            }
        }
    }
    texts.extend(authors.iter().copied());
    let mut present = 0u64;
    if !c.title.is_empty() {
        present |= 1;
        texts.push(&c.title);
    }
    for (i, &f) in TextField::ALL.iter().enumerate() {
        if !c.text(f).is_empty() {
            present |= 1 << (i + 1);
            texts.push(c.text(f));
        }
    }

    // The structure, with the ids' sites gathered on the way.
    let mut sites = Vec::new();
    let mut items = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    for l in ListId::ALL {
        put_varint(&mut items, c.notes(l).len() as u64);
        for n in c.notes(l) {
            put_id(&mut items, &mut sites, &n.id);
            let author = authors
                .iter()
                .position(|a| *a == n.author)
                .map_or(0, |i| i + 1);
            put_varint(&mut items, author as u64);
        }
    }
    for r in RecordList::ALL {
        let ids = c.record_ids(r);
        put_varint(&mut items, ids.len() as u64);
        for id in &ids {
            put_id(&mut items, &mut sites, id);
            for col in columns(r) {
                let v = c.record_value(r, id, col.key);
                if col.options.is_empty() {
                    cells.push(v);
                } else {
                    let code = col
                        .options
                        .iter()
                        .position(|o| o.key == v)
                        .map_or(0, |i| i + 1);
                    items.push(code as u8);
                }
            }
        }
    }
    for l in ListId::ALL {
        texts.extend(c.notes(l).iter().map(|n| n.text.as_str()));
    }
    texts.extend(cells.iter().map(String::as_str));
    if texts.iter().any(|t| t.contains('\0')) {
        return Err(Unfit::Nul);
    }

    let mut out = Vec::new();
    let flags = u64::from(c.kind == CommunityKind::NetworkedCop)
        | (u64::from(versions.is.is_some()) << 1)
        | (u64::from(versions.from.is_some()) << 2);
    put_varint(&mut out, flags);
    put_varint(&mut out, created);
    put_varint(&mut out, zigzag(updated as i64 - created as i64));
    for v in [versions.is, versions.from].into_iter().flatten() {
        out.extend_from_slice(&v.0);
    }
    put_varint(&mut out, sites.len() as u64);
    for s in &sites {
        out.extend_from_slice(s.as_bytes());
    }
    out.push(choice_code(Origin::ALL, c.carriers.origin));
    out.push(choice_code(SponsorStatus::ALL, c.carriers.sponsor_status));
    out.push(choice_code(SuperiorStatus::ALL, c.carriers.superior));
    out.push(choice_code(MeetingMode::ALL, c.launch.mode));
    put_varint(&mut out, mask(Problem::ALL, c.purpose.problems.iter()));
    put_varint(&mut out, mask(Benefit::ALL, c.joining.benefits.iter()));
    put_varint(&mut out, present);
    put_varint(&mut out, authors.len() as u64);
    out.extend_from_slice(&items);
    out.extend_from_slice(texts.join("\0").as_bytes());
    let sum = fnv32(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// FNV-1a, 32 bits: catches a link damaged on its way.
fn fnv32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The payload of a `c3` link: a header byte and the PPMd stream (without
/// the bytes the dictionary settles). A reader ignores what follows the
/// stream's end marker, which lets a link end on a zero byte rather than a
/// `-` or `_` (see `link.rs`).
pub fn encode(c: &Charter, versions: Versions) -> Result<Result<Vec<u8>, Unfit>, LinkError> {
    let body = match body(c, versions) {
        Ok(b) => b,
        Err(unfit) => return Ok(Err(unfit)),
    };
    let lang = c.content_lang;
    let prefix = settled_prefix(lang)?;
    let mut stream = Vec::new();
    {
        let mut e =
            Ppmd7Encoder::new(&mut stream, ORDER, MEMORY).map_err(|_| LinkError::Corrupted)?;
        e.write_all(dictionary(lang))
            .and_then(|_| e.write_all(&body))
            .map_err(|_| LinkError::Corrupted)?;
        e.finish(true).map_err(|_| LinkError::Corrupted)?;
    }
    let rest = stream.strip_prefix(prefix).ok_or(LinkError::Corrupted)?;
    let mut out = Vec::with_capacity(rest.len() + 1);
    out.push(header(lang));
    out.extend_from_slice(rest);
    Ok(Ok(out))
}

/// The header byte: bit 0 the language (1: English), bits 1 to 3 the kind
/// of payload (0: a whole charter), the rest 0.
fn header(lang: Lang) -> u8 {
    u8::from(lang == Lang::En)
}

/// A cursor over the body's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, LinkError> {
        let b = *self.bytes.get(self.at).ok_or(LinkError::Corrupted)?;
        self.at += 1;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> Result<&[u8], LinkError> {
        let end = self.at.checked_add(n).ok_or(LinkError::Corrupted)?;
        let s = self.bytes.get(self.at..end).ok_or(LinkError::Corrupted)?;
        self.at = end;
        Ok(s)
    }
    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(LinkError::Corrupted)
    }
    /// A count that cannot exceed what is left to read.
    fn count(&mut self) -> Result<usize, LinkError> {
        let n = self.varint()?;
        let left = (self.bytes.len() - self.at) as u64;
        if n > left {
            return Err(LinkError::Corrupted);
        }
        Ok(n as usize)
    }
    fn version(&mut self) -> Result<VersionId, LinkError> {
        let b = self.take(6)?;
        let mut v = [0u8; 6];
        v.copy_from_slice(b);
        Ok(VersionId(v))
    }
}

/// The choice a code names, `None` for 0; an unknown code is damage.
fn choice_of<T: Keyed>(all: &[T], code: u8) -> Result<Option<T>, LinkError> {
    match code {
        0 => Ok(None),
        c => all
            .get(usize::from(c) - 1)
            .copied()
            .map(Some)
            .ok_or(LinkError::Corrupted),
    }
}

/// The set of choices a mask names.
fn set_of<T: Copy>(all: &[T], m: u64) -> Result<Vec<T>, LinkError> {
    if all.len() < 64 && m >> all.len() != 0 {
        return Err(LinkError::Corrupted);
    }
    Ok((0..all.len())
        .filter(|i| m & (1 << i) != 0)
        .map(|i| all[i])
        .collect())
}

/// Reads an item id: a short id rebuilt from its site and counter, or ""
/// (the reader then gives a fresh one).
fn read_id(r: &mut Reader, sites: &[String]) -> Result<String, LinkError> {
    match r.varint()? {
        0 => Ok(String::new()),
        s => {
            let site = sites.get((s - 1) as usize).ok_or(LinkError::Corrupted)?;
            let counter = u32::try_from(r.varint()?).map_err(|_| LinkError::Corrupted)?;
            crate::charter::item_id(site, counter).ok_or(LinkError::Corrupted)
        }
    }
}

/// Reads a `c3` payload back into a charter (ids left blank where the link
/// had none) and what it says of versions. The charter still goes through
/// the one restore path (the caller's).
pub fn decode(payload: &[u8]) -> Result<(Charter, Versions), LinkError> {
    let (&head, rest) = payload.split_first().ok_or(LinkError::Corrupted)?;
    if head >> 1 != 0 {
        // Another kind of payload, or bits a newer build sets.
        return Err(LinkError::UnknownVersion);
    }
    let lang = if head & 1 == 1 { Lang::En } else { Lang::Fr };
    let mut stream = settled_prefix(lang)?.to_vec();
    stream.extend_from_slice(rest);
    let mut d =
        Ppmd7Decoder::new(stream.as_slice(), ORDER, MEMORY).map_err(|_| LinkError::Corrupted)?;
    let dict = dictionary(lang);
    let mut seen = vec![0u8; dict.len()];
    d.read_exact(&mut seen).map_err(|_| LinkError::Corrupted)?;
    if seen != dict {
        return Err(LinkError::Corrupted);
    }
    let mut body = Vec::new();
    let read = d
        .take(MAX_INFLATED_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|_| LinkError::Corrupted)?;
    if read > MAX_INFLATED_BYTES {
        return Err(LinkError::TooLarge);
    }
    let split = body.len().checked_sub(4).ok_or(LinkError::Corrupted)?;
    let (content, sum) = body.split_at(split);
    if fnv32(content).to_le_bytes() != sum {
        return Err(LinkError::Corrupted);
    }
    parse(content, lang)
}

/// The charter a body describes.
fn parse(content: &[u8], lang: Lang) -> Result<(Charter, Versions), LinkError> {
    let mut r = Reader {
        bytes: content,
        at: 0,
    };
    let flags = r.varint()?;
    if flags >> 3 != 0 {
        return Err(LinkError::UnknownVersion);
    }
    // Times a link can carry: whole milliseconds from 0 to 2^53, as written.
    const MAX_MS: i64 = 1 << 53;
    let created = i64::try_from(r.varint()?)
        .ok()
        .filter(|t| *t < MAX_MS)
        .ok_or(LinkError::Corrupted)?;
    let updated = created
        .checked_add(unzigzag(r.varint()?))
        .filter(|t| (0..MAX_MS).contains(t))
        .ok_or(LinkError::Corrupted)?;
    let created = created as u64;
    let mut versions = Versions::default();
    if flags & 2 != 0 {
        versions.is = Some(r.version()?);
    }
    if flags & 4 != 0 {
        versions.from = Some(r.version()?);
    }
    let site_count = r.count()?;
    let mut sites = Vec::with_capacity(site_count);
    for _ in 0..site_count {
        let s = std::str::from_utf8(r.take(SITE_LEN)?).map_err(|_| LinkError::Corrupted)?;
        sites.push(s.to_string());
    }
    let mut c = Charter::new(String::new(), lang, created as f64);
    c.kind = if flags & 1 != 0 {
        CommunityKind::NetworkedCop
    } else {
        CommunityKind::Cop
    };
    c.carriers.origin = choice_of(Origin::ALL, r.byte()?)?;
    c.carriers.sponsor_status = choice_of(SponsorStatus::ALL, r.byte()?)?;
    c.carriers.superior = choice_of(SuperiorStatus::ALL, r.byte()?)?;
    c.launch.mode = choice_of(MeetingMode::ALL, r.byte()?)?;
    c.purpose.problems = set_of(Problem::ALL, r.varint()?)?.into_iter().collect();
    c.joining.benefits = set_of(Benefit::ALL, r.varint()?)?.into_iter().collect();
    let present = r.varint()?;
    if present >> (TextField::ALL.len() + 1) != 0 {
        return Err(LinkError::Corrupted);
    }
    let author_count = r.count()?;

    // Items first (their texts come after), each with what the structure says.
    let mut notes: Vec<(ListId, String, usize)> = Vec::new();
    for l in ListId::ALL {
        for _ in 0..r.count()? {
            let id = read_id(&mut r, &sites)?;
            let author = r.count()?;
            if author > author_count {
                return Err(LinkError::Corrupted);
            }
            notes.push((l, id, author));
        }
    }
    let mut rows: Vec<(RecordList, String, Vec<u8>)> = Vec::new();
    let mut text_cells = 0usize;
    for t in RecordList::ALL {
        for _ in 0..r.count()? {
            let id = read_id(&mut r, &sites)?;
            let mut choices = Vec::new();
            for col in columns(t) {
                if col.options.is_empty() {
                    text_cells += 1;
                } else {
                    choices.push(r.byte()?);
                }
            }
            rows.push((t, id, choices));
        }
    }

    // Then the texts.
    let texts_bytes = &content[r.at..];
    let texts: Vec<&str> = std::str::from_utf8(texts_bytes)
        .map_err(|_| LinkError::Corrupted)?
        .split('\0')
        .collect();
    let expected = 1 + author_count + present.count_ones() as usize + notes.len() + text_cells;
    if texts.len() != expected {
        return Err(LinkError::Corrupted);
    }
    let mut next = texts.into_iter();
    let mut take = || next.next().unwrap_or_default().to_string();
    c.id = take();
    let authors: Vec<String> = (0..author_count).map(|_| take()).collect();
    if present & 1 != 0 {
        c.title = take();
    }
    for (i, &f) in TextField::ALL.iter().enumerate() {
        if present & (1 << (i + 1)) != 0 {
            c.set_text(f, take(), created as f64);
        }
    }
    for (l, id, author) in notes {
        let note = Note {
            id,
            text: take(),
            author: author
                .checked_sub(1)
                .and_then(|a| authors.get(a).cloned())
                .unwrap_or_default(),
            created_at: updated as f64,
            updated_at: updated as f64,
            ..Default::default()
        };
        c.push_note(l, note);
    }
    for (t, id, choices) in rows {
        c.add_record(t, id, updated as f64);
        let index = c.record_ids(t).len() - 1;
        let mut choices = choices.into_iter();
        for col in columns(t) {
            let value = if col.options.is_empty() {
                take()
            } else {
                match choices.next().unwrap_or(0) {
                    0 => String::new(),
                    k => col
                        .options
                        .get(usize::from(k) - 1)
                        .ok_or(LinkError::Corrupted)?
                        .key
                        .to_string(),
                }
            };
            if !c.set_record_value_at(t, index, col.key, value) {
                return Err(LinkError::Corrupted);
            }
        }
    }
    c.created_at = created as f64;
    c.updated_at = updated as f64;
    Ok((c, versions))
}

/// The tables whose order `c3` froze, as the text `docs/FORMAT.md` shows
/// (section 6): the lists, text fields, choices, flags and columns, each in
/// the order the structure and the texts follow. A test pins it: a field
/// added to the charter needs a new tag, never a change to this.
pub fn frozen_tables() -> String {
    fn keys<T: Keyed + Copy>(all: &[T]) -> String {
        all.iter().map(|k| k.key()).collect::<Vec<_>>().join(" ")
    }
    let mut out = String::new();
    let lists: Vec<&str> = ListId::ALL.iter().map(|l| l.slug()).collect();
    out.push_str(&format!("lists: {}\n", lists.join(" ")));
    let fields: Vec<String> = TextField::ALL.iter().map(|f| format!("{f:?}")).collect();
    out.push_str(&format!("texts: title {}\n", fields.join(" ")));
    out.push_str(&format!("origin: {}\n", keys(Origin::ALL)));
    out.push_str(&format!("sponsor_status: {}\n", keys(SponsorStatus::ALL)));
    out.push_str(&format!("superior: {}\n", keys(SuperiorStatus::ALL)));
    out.push_str(&format!("mode: {}\n", keys(MeetingMode::ALL)));
    out.push_str(&format!("problems: {}\n", keys(Problem::ALL)));
    out.push_str(&format!("benefits: {}\n", keys(Benefit::ALL)));
    for r in RecordList::ALL {
        let cols: Vec<String> = columns(r)
            .iter()
            .map(|c| {
                if c.options.is_empty() {
                    c.key.to_string()
                } else {
                    let opts: Vec<&str> = c.options.iter().map(|o| o.key).collect();
                    format!("{}({})", c.key, opts.join(" "))
                }
            })
            .collect();
        out.push_str(&format!("{}: {}\n", r.slug(), cols.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_out_of_range_are_refused_not_wrapped() {
        // A forged body (the checksum is no defence against a hostile link):
        // flags 0, then created and the zigzag of updated - created.
        for (created, delta) in [(u64::MAX, 0), (1 << 53, 0), (0, u64::MAX - 1), (5, 11)] {
            let mut body = vec![0];
            put_varint(&mut body, created);
            put_varint(&mut body, delta);
            assert_eq!(
                parse(&body, Lang::Fr).map(|_| ()),
                Err(LinkError::Corrupted),
                "{created} {delta}"
            );
        }
    }

    #[test]
    fn the_tables_c3_froze_never_change_and_are_documented() {
        let doc = include_str!("../../docs/FORMAT.md");
        let tables = frozen_tables();
        assert!(
            doc.contains(&format!("```text\n{tables}```")),
            "docs/FORMAT.md section 6 shows the c3 tables as they are"
        );
        assert_eq!(
            fnv64(tables.as_bytes()),
            14_312_039_560_073_382_633,
            "a c3 table changed: links already sent would read wrong; make a new tag"
        );
    }

    use super::*;
    use crate::charter::{example, item_id};

    /// A charter as the app now makes one: short ids throughout.
    fn with_short_ids(mut c: Charter) -> Charter {
        let mut n = 0;
        c.renumber_items(&mut || {
            n += 1;
            item_id("k3j9x", n).unwrap_or_default()
        });
        c
    }

    fn fnv64(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    #[test]
    fn the_c3_dictionaries_are_frozen() {
        // If this fails, a c3 dictionary changed and every c3 link sent so
        // far breaks: restore the file and make a new tag instead.
        let fr = dictionary(Lang::Fr);
        let en = dictionary(Lang::En);
        assert_eq!((fr.len(), fnv64(fr)), (15843, 7_393_849_859_640_674_329));
        assert_eq!((en.len(), fnv64(en)), (13608, 2_231_976_647_021_442_283));
    }

    #[test]
    fn a_charter_comes_back_with_its_ids_versions_and_times() {
        for lang in [Lang::Fr, Lang::En] {
            let c = with_short_ids(example(
                lang,
                "k3j9x0a1b2c3d4e5".into(),
                1_764_000_000_000.0,
            ));
            let versions = Versions {
                is: Some(VersionId::of(&c)),
                from: Some(VersionId([1, 2, 3, 4, 5, 6])),
            };
            let payload = encode(&c, versions).expect("encodes").expect("fits");
            assert_eq!(payload.last(), Some(&0));
            let (back, v) = decode(&payload).expect("decodes");
            assert_eq!(v, versions);
            // Everything but note times (the charter's, in a link) is what was sent.
            assert_eq!(VersionId::of(&back), VersionId::of(&c), "{lang:?}");
            assert_eq!(
                (back.created_at, back.updated_at),
                (c.created_at, c.updated_at)
            );
            for l in ListId::ALL {
                assert!(back.notes(l).iter().all(|n| n.updated_at == c.updated_at));
            }
        }
    }

    #[test]
    fn older_ids_are_left_out_and_what_does_not_fit_goes_to_c2() {
        let mut c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1_764_000_000_000.0);
        let mut n = 0;
        // Ids as builds before short ids made them: 16 random characters.
        c.renumber_items(&mut || {
            n += 1;
            format!("{n:0>16}")
        });
        let payload = encode(&c, Versions::default())
            .expect("encodes")
            .expect("fits");
        let (back, _) = decode(&payload).expect("decodes");
        assert!(
            back.item_ids().iter().all(String::is_empty),
            "older ids are not short ids"
        );
        assert_eq!(
            back.notes(ListId::Goals)[0].text,
            c.notes(ListId::Goals)[0].text
        );

        let mut odd = c.clone();
        odd.updated_at = 1.5;
        assert_eq!(encode(&odd, Versions::default()), Ok(Err(Unfit::OddTime)));
        let mut newer = c.clone();
        newer.extra.insert("budget".into(), 3.into());
        assert_eq!(
            encode(&newer, Versions::default()),
            Ok(Err(Unfit::NewerFields))
        );
        let mut nul = c;
        nul.title = "a\0b".into();
        assert_eq!(encode(&nul, Versions::default()), Ok(Err(Unfit::Nul)));
    }

    #[test]
    fn a_damaged_payload_is_refused() {
        let c = with_short_ids(example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1.0));
        let payload = encode(&c, Versions::default())
            .expect("encodes")
            .expect("fits");
        for cut in [1, 2, payload.len() / 2, payload.len() * 3 / 4] {
            assert!(decode(&payload[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = payload.clone();
        flipped[payload.len() / 2] ^= 0x10;
        assert!(decode(&flipped).is_err());
        let mut other_kind = payload;
        other_kind[0] |= 2;
        assert_eq!(
            decode(&other_kind).map(|_| ()),
            Err(LinkError::UnknownVersion)
        );
        assert!(decode(&[]).is_err());
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            let mut r = Reader { bytes: &out, at: 0 };
            assert_eq!(r.varint().ok(), Some(v));
        }
        for v in [0i64, 1, -1, 86_400_000, -86_400_000] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }
}
