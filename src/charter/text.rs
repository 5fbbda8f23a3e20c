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

/// A day written `YYYY-MM-DD`, as a reader writes it in `lang` ("15 juin
/// 2027", "June 15, 2027"); anything else is given back as it is.
pub fn format_day(iso: &str, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((y, m, d)) = parse_day(iso) else {
        return iso.to_string();
    };
    let month = usize::from(m - 1);
    match lang {
        Lang::Fr if d == 1 => format!("1er {} {y}", FR[month]),
        Lang::Fr => format!("{d} {} {y}", FR[month]),
        Lang::En => format!("{} {d}, {y}", EN[month]),
    }
}

/// The text on one line, trimmed, cut at `max` characters at a word
/// boundary, with an ellipsis when cut.
pub fn cut_at_word(text: &str, max: usize) -> String {
    // Not `split_whitespace`: it would break the no-break spaces of French
    // typography ("Tour de table : …").
    let line = text
        .split(|ch: char| ch.is_whitespace() && !matches!(ch, '\u{a0}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The hour (0-23) and minute of `HH:MM` (or `H:MM`), if it is a time of day.
pub fn parse_time(time: &str) -> Option<(u8, u8)> {
    let (h, m) = time.trim().split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 23 && m <= 59).then_some((h, m))
}

/// The year, month (1-12) and day (1-31) of `YYYY-MM-DD`, if it is one.
pub fn parse_day(iso: &str) -> Option<(u16, u8, u8)> {
    let mut parts = iso.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_as_people_write_them() {
        assert_eq!(format_day("2027-06-15", Lang::Fr), "15 juin 2027");
        assert_eq!(format_day("2027-06-01", Lang::Fr), "1er juin 2027");
        assert_eq!(format_day("2027-06-15", Lang::En), "June 15, 2027");
        assert_eq!(format_day("le 15 juin", Lang::Fr), "le 15 juin");
        assert_eq!(format_day("2027-13-01", Lang::En), "2027-13-01");
        // Not a day of the calendar: kept as written, never in a .ics.
        assert_eq!(parse_day("2027-02-30"), None);
        assert_eq!(parse_day("2027-04-31"), None);
        assert_eq!(parse_day("2027-02-29"), None);
        assert_eq!(parse_day("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(parse_day("2100-02-29"), None);
        assert_eq!(format_day("2027-02-30", Lang::Fr), "2027-02-30");
        assert_eq!(parse_day(""), None);
    }

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
