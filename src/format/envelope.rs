//! The envelope `{type, version, source, charter}` and the single restore path.
use crate::charter::{Charter, VersionId, Versions, QUESTION_FIELDS};
use serde::Serialize;
use serde_json::{Map, Value};

/// The `type` of every Coplanifier document.
pub const FORMAT_TYPE: &str = "coplanifier/charter";
/// The format version this build writes; it reads this one and every older one.
pub const FORMAT_VERSION: u64 = 1;
/// The largest document restore accepts, in bytes of text.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Where a document was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The browser's drafts library.
    Storage,
    /// A downloaded file.
    File,
    /// A share link (the charter travels in the URL fragment).
    Link,
}

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::Storage => "storage",
            Source::File => "file",
            Source::Link => "link",
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u64,
    source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    charter_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    made_from: Option<String>,
    /// A request for contributions: whoever opens it gives their name and
    /// contributes (written only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    asks_for_contributions: bool,
    charter: &'a Charter,
}

/// The charter in its envelope, as JSON text.
pub fn to_json(charter: &Charter, source: Source) -> Result<String, serde_json::Error> {
    to_json_with(charter, source, Versions::default())
}

/// The same, saying which version the charter is and was made from (what
/// a downloaded file records, section 2 of `docs/FORMAT.md`).
pub fn to_json_with(
    charter: &Charter,
    source: Source,
    versions: Versions,
) -> Result<String, serde_json::Error> {
    envelope_json(charter, source, versions, false)
}

/// A file that asks colleagues for their contributions: the charter's file,
/// marked so that whoever opens it contributes (the file form of a
/// `#contrib/` link).
pub fn request_json(charter: &Charter, versions: Versions) -> Result<String, serde_json::Error> {
    envelope_json(charter, Source::File, versions, true)
}

fn envelope_json(
    charter: &Charter,
    source: Source,
    versions: Versions,
    asks_for_contributions: bool,
) -> Result<String, serde_json::Error> {
    let envelope = Envelope {
        kind: FORMAT_TYPE,
        version: FORMAT_VERSION,
        source: source.name(),
        charter_version: versions.is.map(VersionId::to_text),
        made_from: versions.from.map(VersionId::to_text),
        asks_for_contributions,
        charter,
    };
    serde_json::to_string(&envelope)
}

/// The versions an envelope says, if it says them in the right form.
fn versions_in(envelope: &Map<String, Value>) -> Versions {
    let read = |key: &str| {
        envelope
            .get(key)
            .and_then(Value::as_str)
            .and_then(VersionId::from_text)
    };
    Versions {
        is: read("charter_version"),
        from: read("made_from"),
    }
}

/// Why a text could not be restored as a charter at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Larger than [`MAX_BYTES`].
    TooLarge,
    /// Not JSON.
    NotJson,
    /// JSON, but not a Coplanifier charter.
    NotACharter,
    /// Written by a newer Coplanifier, with this format version (0: unknown).
    NewerVersion(u64),
    /// Compressed data that no longer inflates (cut or altered).
    Damaged,
}

/// Something restore had to leave out or repair; the rest of the charter opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreWarning {
    /// A part of the charter (named by its field) was unreadable and dropped.
    DroppedPart(String),
    /// Some notes or rows shared an id; they were given new ones.
    RenumberedIds,
}

/// A charter read back, with what had to be repaired on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The charter, with defaults for whatever was missing.
    pub charter: Charter,
    /// What was dropped or repaired.
    pub warnings: Vec<RestoreWarning>,
    /// The version the document says it is and was made from (a `c3` link
    /// says so; nothing else does yet).
    pub versions: Versions,
    /// Whether the file asks for contributions (`asks_for_contributions`).
    pub asks_for_contributions: bool,
}

/// Reads a charter from any source: fills defaults for missing parts, drops an
/// unreadable part rather than the whole charter, regenerates duplicate ids,
/// and refuses what is not a charter or comes from a newer version.
pub fn restore(text: &str, fresh_id: &mut dyn FnMut() -> String) -> Result<Restored, RestoreError> {
    if text.len() > MAX_BYTES {
        return Err(RestoreError::TooLarge);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| RestoreError::NotJson)?;
    let Value::Object(envelope) = value else {
        return Err(RestoreError::NotACharter);
    };
    if envelope.get("type").and_then(Value::as_str) != Some(FORMAT_TYPE) {
        return Err(RestoreError::NotACharter);
    }
    let version = envelope
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(RestoreError::NotACharter)?;
    if version > FORMAT_VERSION {
        return Err(RestoreError::NewerVersion(version));
    }
    let Some(Value::Object(fields)) = envelope.get("charter") else {
        return Err(RestoreError::NotACharter);
    };
    let mut warnings = Vec::new();
    let mut charter = match serde_json::from_value::<Charter>(Value::Object(fields.clone())) {
        Ok(c) => c,
        Err(_) => tolerant(fields, &mut warnings)?,
    };
    if charter.id.trim().is_empty() {
        charter.id = fresh_id();
    }
    let before = serde_json::to_value(&charter).ok();
    charter.ensure_unique_ids(fresh_id);
    if serde_json::to_value(&charter).ok() != before {
        warnings.push(RestoreWarning::RenumberedIds);
    }
    Ok(Restored {
        charter,
        warnings,
        versions: versions_in(&envelope),
        asks_for_contributions: envelope.get("asks_for_contributions") == Some(&Value::Bool(true)),
    })
}

/// Keeps every part that reads on its own and drops the others, each with a
/// warning. A question is kept field by field, so that one malformed note
/// costs only the list it is in.
fn tolerant(
    fields: &Map<String, Value>,
    warnings: &mut Vec<RestoreWarning>,
) -> Result<Charter, RestoreError> {
    let reads = |kept: &Map<String, Value>| {
        serde_json::from_value::<Charter>(Value::Object(kept.clone())).ok()
    };
    let mut kept = Map::new();
    for (key, value) in fields {
        kept.insert(key.clone(), value.clone());
        if reads(&kept).is_some() {
            continue;
        }
        kept.remove(key);
        let Value::Object(parts) = value else {
            warnings.push(RestoreWarning::DroppedPart(key.clone()));
            continue;
        };
        if !QUESTION_FIELDS.contains(&key.as_str()) {
            warnings.push(RestoreWarning::DroppedPart(key.clone()));
            continue;
        }
        let mut question = Map::new();
        for (part, part_value) in parts {
            question.insert(part.clone(), part_value.clone());
            let trial = Map::from_iter([(key.clone(), Value::Object(question.clone()))]);
            if reads(&trial).is_none() {
                question.remove(part);
                warnings.push(RestoreWarning::DroppedPart(part.clone()));
            }
        }
        kept.insert(key.clone(), Value::Object(question));
    }
    // Every field kept reads on its own, so together they read too. Were
    // that ever not so, refusing beats opening a charter emptied in silence.
    reads(&kept).ok_or(RestoreError::NotACharter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::{example, Lang, ListId, TextField};

    use super::super::test_ids as ids;

    #[test]
    fn a_request_file_says_it_asks_for_contributions_and_a_plain_file_does_not() {
        let c = example(Lang::Fr, "abc".into(), 1.0);
        let asked = request_json(&c, Versions::default()).expect("json");
        assert!(asked.contains(r#""asks_for_contributions":true"#));
        let back = restore(&asked, &mut ids()).expect("restores");
        assert!(back.asks_for_contributions);
        assert_eq!(back.charter, c);
        let plain = to_json(&c, Source::File).expect("json");
        assert!(!plain.contains("asks_for_contributions"));
        assert!(
            !restore(&plain, &mut ids())
                .expect("restores")
                .asks_for_contributions
        );
        // Anything but `true` asks nothing.
        let odd = asked.replace(
            r#""asks_for_contributions":true"#,
            r#""asks_for_contributions":"yes""#,
        );
        assert!(
            !restore(&odd, &mut ids())
                .expect("restores")
                .asks_for_contributions
        );
    }

    #[test]
    fn a_saved_charter_restores_identical() {
        for lang in [Lang::Fr, Lang::En] {
            let c = example(lang, "abc".into(), 1.0);
            let back = restore(&to_json(&c, Source::Storage).expect("json"), &mut ids())
                .expect("restores");
            assert_eq!(back.charter, c);
            assert!(back.warnings.is_empty());
        }
    }

    #[test]
    fn what_is_not_a_charter_is_refused_with_its_reason() {
        assert_eq!(restore("{not json", &mut ids()), Err(RestoreError::NotJson));
        assert_eq!(restore("[1,2]", &mut ids()), Err(RestoreError::NotACharter));
        assert_eq!(
            restore(r#"{"type":"other","version":1,"charter":{}}"#, &mut ids()),
            Err(RestoreError::NotACharter)
        );
        assert_eq!(
            restore(
                r#"{"type":"coplanifier/charter","version":99,"charter":{}}"#,
                &mut ids()
            ),
            Err(RestoreError::NewerVersion(99))
        );
        let huge = format!("\"{}\"", "a".repeat(MAX_BYTES));
        assert_eq!(restore(&huge, &mut ids()), Err(RestoreError::TooLarge));
    }

    #[test]
    fn missing_parts_fill_with_defaults_and_keep_what_is_there() {
        let text =
            r#"{"type":"coplanifier/charter","version":1,"charter":{"id":"x","title":"Sciences"}}"#;
        let back = restore(text, &mut ids()).expect("restores");
        assert_eq!(back.charter.title, "Sciences");
        assert_eq!(back.charter.text(TextField::Mission), "");
        assert!(back.warnings.is_empty());
    }

    #[test]
    fn one_unreadable_part_is_dropped_and_the_rest_opens() {
        let mut c = example(Lang::Fr, "abc".into(), 1.0);
        c.title = "Gardé".into();
        let mut v: Value =
            serde_json::from_str(&to_json(&c, Source::File).expect("json")).expect("json");
        v["charter"]["purpose"] = Value::String("garbage".into());
        let back = restore(&v.to_string(), &mut ids()).expect("restores");
        assert_eq!(back.charter.title, "Gardé");
        assert_eq!(
            back.charter.notes(ListId::Artefacts),
            c.notes(ListId::Artefacts)
        );
        assert_eq!(back.charter.text(TextField::Mission), "");
        assert_eq!(
            back.warnings,
            vec![RestoreWarning::DroppedPart("purpose".into())]
        );
    }

    #[test]
    fn one_malformed_note_costs_only_its_list() {
        let c = example(Lang::Fr, "abc".into(), 1.0);
        let mut v: Value =
            serde_json::from_str(&to_json(&c, Source::File).expect("json")).expect("json");
        v["charter"]["purpose"]["goals"][0]["text"] = Value::from(5);
        let back = restore(&v.to_string(), &mut ids()).expect("restores");
        assert!(back.charter.notes(ListId::Goals).is_empty());
        assert_eq!(
            back.charter.text(TextField::Mission),
            c.text(TextField::Mission)
        );
        assert_eq!(back.charter.notes(ListId::Themes), c.notes(ListId::Themes));
        assert_eq!(
            back.warnings,
            vec![RestoreWarning::DroppedPart("goals".into())]
        );
    }

    #[test]
    fn fields_of_a_newer_writer_open_and_are_saved_back() {
        let text = r#"{"type":"coplanifier/charter","version":1,"charter":{
            "id":"x","title":"Sciences","budget":{"amount":1200,"currency":"CAD"},
            "purpose":{"mission":"Lire","mission_short":"Lire tôt",
              "goals":[{"id":"n1","text":"Un","colour":"yellow"}]},
            "distinction":{"neighbours":[{"id":"r1","name":"RÉCIT","site":"recit.qc.ca"}]}}}"#;
        let first = restore(text, &mut ids()).expect("restores");
        assert!(first.warnings.is_empty(), "{:?}", first.warnings);
        assert_eq!(first.charter.title, "Sciences");
        assert_eq!(first.charter.text(TextField::Mission), "Lire");
        let saved: Value =
            serde_json::from_str(&to_json(&first.charter, Source::Storage).expect("json"))
                .expect("json");
        let c = &saved["charter"];
        assert_eq!(c["budget"]["amount"], 1200);
        assert_eq!(c["purpose"]["mission_short"], "Lire tôt");
        assert_eq!(c["purpose"]["goals"][0]["colour"], "yellow");
        assert_eq!(c["distinction"]["neighbours"][0]["site"], "recit.qc.ca");
        let again = restore(&saved.to_string(), &mut ids()).expect("restores");
        assert_eq!(again.charter, first.charter);
    }

    #[test]
    fn duplicate_note_ids_are_renumbered_and_said() {
        let mut c = Charter::new("abc".into(), Lang::Fr, 1.0);
        c.add_note(ListId::Goals, "same".into(), "un".into(), 1.0);
        c.add_note(ListId::Themes, "same".into(), "deux".into(), 1.0);
        let back =
            restore(&to_json(&c, Source::File).expect("json"), &mut ids()).expect("restores");
        let a = &back.charter.notes(ListId::Goals)[0].id;
        let b = &back.charter.notes(ListId::Themes)[0].id;
        assert_ne!(a, b);
        assert_eq!(back.warnings, vec![RestoreWarning::RenumberedIds]);
    }

    #[test]
    fn times_survive_save_and_reopen_to_the_bit() {
        // Found by fuzz/restore_json: without serde_json's float_roundtrip,
        // 1.5e38 drifted by one bit on every save and reopen.
        let text = r#"{"type":"coplanifier/charter","version":1,"charter":{"id":"a","created_at":1.5e38,"updated_at":123456789.123456789}}"#;
        let first = restore(text, &mut ids()).expect("restores").charter;
        let again = restore(&to_json(&first, Source::File).expect("json"), &mut ids())
            .expect("restores")
            .charter;
        assert_eq!(first, again);
    }

    #[test]
    fn a_charter_without_id_gets_one() {
        let text = r#"{"type":"coplanifier/charter","version":1,"charter":{}}"#;
        let back = restore(text, &mut ids()).expect("restores");
        assert_eq!(back.charter.id, "fresh-1");
    }
}
