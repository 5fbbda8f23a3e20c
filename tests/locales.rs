//! The interface is complete in both languages: `locales/fr.json` is the
//! reference and `locales/en.json` must have exactly the same keys.
use std::collections::BTreeSet;

fn keys(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    if let Some(map) = value.as_object() {
        for (k, v) in map {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            if v.is_object() {
                keys(v, &path, out);
            } else {
                out.insert(path);
            }
        }
    }
}

fn load(name: &str) -> BTreeSet<String> {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the locale file exists");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the locale file is JSON");
    let mut out = BTreeSet::new();
    keys(&json, "", &mut out);
    out
}

#[test]
fn english_has_exactly_the_keys_of_french() {
    let fr = load("fr");
    let en = load("en");
    let missing: Vec<_> = fr.difference(&en).collect();
    let extra: Vec<_> = en.difference(&fr).collect();
    assert!(missing.is_empty(), "missing in en.json: {missing:?}");
    assert!(extra.is_empty(), "unknown to fr.json: {extra:?}");
    assert!(fr.len() > 3);
}
