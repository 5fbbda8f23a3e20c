//! Any charter a person can type must survive a share link: build one from
//! the fuzz data (title, free texts, notes, any Unicode), encode it as a
//! fragment, decode it, and get every text back, in order, with no warning.
//! Note ids and note times are not compared: a link may leave them out and
//! the reader gives fresh ones, which must then be non-empty and unique.
//! Shared by the fuzz target and the native replay of its seeds.
use std::collections::HashSet;

use arbitrary::{Result, Unstructured};
use coplanifier::charter::{Charter, Lang, ListId, TextField};
use coplanifier::format::{decode_fragment, encode_fragment, LinkError};

use super::common::ids;

/// A charter edited the way the app edits one: whole-millisecond times, unique note ids.
fn build(u: &mut Unstructured) -> Result<Charter> {
    let lang = if u.arbitrary::<bool>()? {
        Lang::En
    } else {
        Lang::Fr
    };
    let mut now = f64::from(u.arbitrary::<u32>()?) * 1000.0;
    let mut c = Charter::new("fuzz-charter".into(), lang, now);
    now += 1.0;
    c.set_title(u.arbitrary()?, now);
    let edits = u.int_in_range(0..=16)?;
    for i in 0..edits {
        now += 1.0;
        if u.arbitrary::<bool>()? {
            let field = *u.choose(&TextField::ALL)?;
            c.set_text(field, u.arbitrary()?, now);
        } else {
            let list = *u.choose(&ListId::ALL)?;
            c.add_note(list, format!("note-{i}"), u.arbitrary()?, now);
        }
    }
    Ok(c)
}

/// Builds a charter from `data` and checks its link round trip.
pub fn check(data: &[u8]) {
    let Ok(c) = build(&mut Unstructured::new(data)) else {
        return;
    };
    let fragment = match encode_fragment(&c) {
        Ok(f) => f,
        Err(LinkError::TooLong) => return,
        Err(e) => panic!("encoding failed: {e:?}"),
    };
    let back = decode_fragment(&fragment, &mut ids()).expect("an encoded charter decodes");
    assert_eq!(back.charter.title, c.title);
    for field in TextField::ALL {
        assert_eq!(back.charter.text(field), c.text(field), "{field:?}");
    }
    for list in ListId::ALL {
        let texts = |x: &Charter| {
            x.notes(list)
                .iter()
                .map(|n| n.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&back.charter), texts(&c), "{list:?}");
    }
    let b = &back.charter;
    assert_eq!(
        (&b.id, b.kind, b.content_lang, b.created_at, b.updated_at),
        (&c.id, c.kind, c.content_lang, c.created_at, c.updated_at)
    );
    let note_ids: Vec<&str> = ListId::ALL
        .iter()
        .flat_map(|&l| b.notes(l).iter().map(|n| n.id.as_str()))
        .collect();
    let unique: HashSet<&str> = note_ids.iter().copied().collect();
    assert!(
        unique.len() == note_ids.len() && !unique.contains(""),
        "note ids {note_ids:?}"
    );
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}
