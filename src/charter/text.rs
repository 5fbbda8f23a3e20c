//! Languages and bilingual static texts.

use serde::{Deserialize, Serialize};

/// A language of the interface or of a charter's content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The two-letter code: `"fr"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a language tag such as `"fr"`, `"fr-CA"`, `"en_US"` or `"EN"`; `None` for any other language.
    pub fn from_code(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Some(Lang::Fr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The other language (French <-> English).
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

/// A static text written in both French and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// The French text.
    pub fr: &'static str,
    /// The English text.
    pub en: &'static str,
}

impl Text {
    /// Builds a text from its French and English versions (usable in statics).
    pub const fn new(fr: &'static str, en: &'static str) -> Text {
        Text { fr, en }
    }

    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_accept_regional_tags() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de-DE"), None);
        assert_eq!(Lang::from_code("fra"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn lang_serialises_as_lowercase_code() {
        assert_eq!(
            serde_json::to_string(&Lang::Fr).ok().as_deref(),
            Some("\"fr\"")
        );
        let en: Lang = serde_json::from_str("\"en\"").unwrap();
        assert_eq!(en, Lang::En);
        assert_eq!(Lang::default(), Lang::Fr);
        assert_eq!(Lang::Fr.other(), Lang::En);
    }

    #[test]
    fn text_picks_language() {
        let t = Text::new("bonjour", "hello");
        assert_eq!(t.get(Lang::Fr), "bonjour");
        assert_eq!(t.get(Lang::En), "hello");
    }
}
