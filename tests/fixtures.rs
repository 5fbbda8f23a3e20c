//! Every released format version keeps loading: each `tests/fixtures/*.coplanifier.json`
//! must restore with no warning, forever (see `docs/FORMAT.md`, "Versioning").
//! Native only: it reads the fixtures from disk.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use coplanifier::charter::{Charter, ListId, VersionId, Versions};
use coplanifier::format::envelope::FORMAT_VERSION;
use coplanifier::format::link::share_form;
use coplanifier::format::{
    decode_fragment, encode_fragment, restore, to_json, to_json_with, Source,
};
use serde_json::Value;

/// Ids handed out by restore if it needs any (it should not, for a fixture).
fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("fresh-{n}")
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `*.coplanifier.json` fixture, sorted by name.
fn fixtures() -> Vec<PathBuf> {
    let dir = fixtures_dir();
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".coplanifier.json"))
        })
        .collect();
    found.sort();
    found
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Restores a text that must open cleanly.
fn restore_clean(text: &str, what: &str) -> Charter {
    let restored = restore(text, &mut ids()).unwrap_or_else(|e| panic!("{what}: {e:?}"));
    assert!(
        restored.warnings.is_empty(),
        "{what}: {:?}",
        restored.warnings
    );
    restored.charter
}

/// Fields added to format version 1 after its fixtures were written, at the
/// value a charter without them reads as (`docs/FORMAT.md` lists them): what
/// this build writes is a fixture plus these, nothing else changed.
const ADDED_SINCE_THE_FIXTURES: &[(&str, &str)] = &[
    ("/charter/joining/away", "[]"),
    (
        "/charter/launch",
        r#"{"roles":[],"frequency":"","duration":"","mode":null,"landmarks":[],"meetings":[],
            "value":[],"review_date":"","kickoff_agenda":[],"first_activities":[],"welcome":[],
            "tools":[]}"#,
    ),
];

/// `file` as this build writes it back: with the fields added since.
fn with_added_fields(mut file: Value) -> Value {
    for (pointer, default) in ADDED_SINCE_THE_FIXTURES {
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
        let object = file
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("{parent} is an object"));
        assert!(
            !object.contains_key(key),
            "{pointer} is already in the fixture: take it off the list"
        );
        object.insert(
            key.to_string(),
            serde_json::from_str(default).expect("a JSON default"),
        );
    }
    file
}

fn str_at<'a>(json: &'a Value, pointer: &str) -> &'a str {
    json.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} is a string in the fixture"))
}

#[test]
fn there_is_a_fixture_for_every_released_version() {
    let names: Vec<String> = fixtures()
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
        .collect();
    for version in 1..=FORMAT_VERSION {
        let expected = format!("charter-v{version}.coplanifier.json");
        assert!(names.contains(&expected), "missing {expected} in {names:?}");
    }
}

#[test]
fn every_fixture_restores_without_warning() {
    let all = fixtures();
    assert!(
        !all.is_empty(),
        "no fixture in {}",
        fixtures_dir().display()
    );
    for path in all {
        let c = restore_clean(&read(&path), &path.display().to_string());
        assert!(!c.id.is_empty(), "{}", path.display());
    }
}

#[test]
fn the_v1_fixture_restores_to_what_the_file_says() {
    let path = fixtures_dir().join("charter-v1.coplanifier.json");
    let text = read(&path);
    let json: Value = serde_json::from_str(&text).expect("the fixture is JSON");
    let c = restore_clean(&text, "charter-v1");

    assert_eq!(json["version"], 1);
    assert_eq!(c.id, str_at(&json, "/charter/id"));
    assert_eq!(c.title, str_at(&json, "/charter/title"));
    assert_eq!(c.purpose.mission, str_at(&json, "/charter/purpose/mission"));

    // Notes: every array of a question part whose name is a note list.
    let mut in_file = 0;
    for part in ["carriers", "purpose", "joining", "distinction"] {
        let fields = json["charter"][part]
            .as_object()
            .unwrap_or_else(|| panic!("{part} is an object in the fixture"));
        for (name, value) in fields {
            let Some(list) = ListId::from_slug(name) else {
                continue;
            };
            let notes = value.as_array().expect("a note list is an array");
            in_file += notes.len();
            let texts: Vec<&str> = notes
                .iter()
                .map(|n| n["text"].as_str().expect("a note has text"))
                .collect();
            let restored: Vec<&str> = c.notes(list).iter().map(|n| n.text.as_str()).collect();
            assert_eq!(restored, texts, "{part}.{name}");
        }
    }
    assert!(in_file > 0, "the v1 fixture is meant to be fully filled");
    assert_eq!(c.note_count(), in_file);
}

#[test]
fn a_restored_fixture_survives_being_saved_again() {
    for path in fixtures() {
        let what = path.display().to_string();
        let first = restore_clean(&read(&path), &what);
        for source in [Source::Storage, Source::File, Source::Link] {
            let json = to_json(&first, source).expect("serialises");
            assert_eq!(restore_clean(&json, &what), first, "{what} via {source:?}");
        }
        let fragment = encode_fragment(&first).expect("fits in a link");
        let back = decode_fragment(&fragment, &mut ids()).expect("the link decodes");
        assert!(back.warnings.is_empty(), "{what}: {:?}", back.warnings);
        // A link leaves out note and row ids and note times; all the rest comes back.
        assert_eq!(
            share_form(&back.charter).expect("share form"),
            share_form(&first).expect("share form"),
            "{what} via a link"
        );
    }
}

#[test]
fn the_current_version_fixture_is_exactly_what_the_app_writes() {
    let name = format!("charter-v{FORMAT_VERSION}.coplanifier.json");
    let text = read(&fixtures_dir().join(&name));
    let file: Value = serde_json::from_str(&text).expect("the fixture is JSON");
    let c = restore_clean(&text, &name);
    let written: Value =
        serde_json::from_str(&to_json(&c, Source::File).expect("serialises")).expect("JSON");
    assert_eq!(
        written,
        with_added_fields(file),
        "{name} no longer matches what this build writes: the format changed \
         without a new version (or the fixture was edited)"
    );
}

#[test]
fn fields_a_newer_build_adds_come_back_unchanged() {
    let name = "charter-v1-newer-fields.coplanifier.json";
    let text = read(&fixtures_dir().join(name));
    let file: Value = serde_json::from_str(&text).expect("the fixture is JSON");
    let c = restore_clean(&text, name);
    assert_eq!(c.title, str_at(&file, "/charter/title"));
    let expected = with_added_fields(file.clone());
    for source in [Source::Storage, Source::File] {
        let written: Value =
            serde_json::from_str(&to_json(&c, source).expect("serialises")).expect("JSON");
        assert_eq!(
            written["charter"], expected["charter"],
            "{name} via {source:?}: fields this build does not know must be saved back as they came"
        );
    }
    let back = decode_fragment(&encode_fragment(&c).expect("fits"), &mut ids()).expect("decodes");
    assert_eq!(
        back.charter.extra["meeting_room"],
        file["charter"]["meeting_room"]
    );
    assert_eq!(
        back.charter.purpose.goals[0].extra["colour"],
        file["charter"]["purpose"]["goals"][0]["colour"]
    );
}

#[test]
fn a_file_says_which_version_it_is_and_was_made_from() {
    let text = read(&fixtures_dir().join("charter-v1-versions.coplanifier.json"));
    let restored = restore(&text, &mut ids()).expect("restores");
    assert!(restored.warnings.is_empty(), "{:?}", restored.warnings);
    let is = VersionId::of(&restored.charter);
    assert_eq!(
        restored.versions.is,
        Some(is),
        "the version is the charter's own"
    );
    assert_eq!(restored.versions.from, Some(VersionId([1, 2, 3, 4, 5, 6])));
    // Written back by this build, the versions come along.
    let again = to_json_with(&restored.charter, Source::File, restored.versions).expect("json");
    let back = restore(&again, &mut ids()).expect("restores");
    assert_eq!(back.versions, restored.versions);
    // The plain fixture says neither, and restores all the same.
    let plain = restore(
        &read(&fixtures_dir().join("charter-v1.coplanifier.json")),
        &mut ids(),
    )
    .expect("restores");
    assert_eq!(plain.versions, Versions::default());
}
