//! Finding a share link in text a person pasted: a plain link, a bare
//! fragment, an Outlook Safe Link, text percent-encoded once or more (Safe
//! Links has been seen to turn `#` into `%2523`), cut by line breaks, spaces,
//! `>` quote markers or quoted-printable soft line breaks (`=` at each line
//! end). What a fragment looks like is [`super::link::fragment_at_start`]'s
//! to say.

use super::link::fragment_at_start;

/// The fragment (without `#`) in pasted text, `None` if no `c<digits>.` (or
/// QR-form `C<digits>.`) fragment is there.
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

/// What a request for contributions puts before the charter's fragment:
/// `#contrib/c3.…`. A build that does not know the mark still finds the
/// charter after it, as in any pasted text.
pub const REQUEST_MARK: &str = "contrib/";

/// Whether a fragment or pasted text asks for contributions: the mark right
/// after the `#` (or at the start of a bare fragment), however mangled on
/// its way (line breaks, quoted-printable, percent-encoding, Safe Links).
pub fn asks_for_contributions(text: &str) -> bool {
    let mut current = join_lines(text);
    for _ in 0..5 {
        let marked = current.starts_with(REQUEST_MARK)
            || current
                .match_indices('#')
                .any(|(i, _)| current[i + 1..].starts_with(REQUEST_MARK));
        if marked {
            return true;
        }
        let decoded = percent_decode(&current);
        if decoded == current {
            return false;
        }
        current = decoded;
    }
    false
}

/// Undoes e-mail wrapping: drops `>` quote markers at line starts, a
/// quoted-printable soft break (`=` ending a line) and every ASCII blank.
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let mut line = line.trim_start_matches(|c: char| c == '>' || c.is_ascii_whitespace());
        line = line.trim_end_matches(|c: char| c.is_ascii_whitespace());
        if lines.peek().is_some() {
            line = line.strip_suffix('=').unwrap_or(line);
        }
        out.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
    }
    out
}

/// The fragment at `start` of `text`, if one is there.
fn fragment_at(text: &str, start: usize) -> Option<String> {
    fragment_at_start(text.get(start..)?).map(str::to_string)
}

/// The first fragment in `text`: after a `#`, or bare at the start or after a non-alphanumeric character.
fn find_fragment(text: &str) -> Option<String> {
    let after_hash = text
        .match_indices('#')
        .find_map(|(i, _)| fragment_at(text, i + 1));
    after_hash.or_else(|| {
        text.match_indices(['c', 'C'])
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
    use crate::charter::{example, Lang};
    use crate::format::encode_fragment;

    fn sample_fragment() -> String {
        let c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 1_764_000_000_000.0);
        encode_fragment(&c).expect("encodes")
    }

    #[test]
    fn a_request_for_contributions_is_recognised_however_it_was_mangled() {
        let fragment = sample_fragment();
        let link = format!("https://ecole.example/coplanifier/#{REQUEST_MARK}{fragment}");
        let safe = format!(
            "https://can01.safelinks.protection.outlook.com/?url={}&data=05",
            link.replace(':', "%3A")
                .replace('/', "%2F")
                .replace('#', "%2523")
        );
        let (head, tail) = link.split_at(50);
        for text in [
            link.clone(),
            format!("{REQUEST_MARK}{fragment}"),
            safe,
            format!("> {head}=\n> {tail}"),
        ] {
            assert!(asks_for_contributions(&text), "{text}");
            assert_eq!(
                repair_pasted_link(&text).as_deref(),
                Some(fragment.as_str()),
                "{text}"
            );
        }
        for text in [
            format!("https://ecole.example/#{fragment}"),
            format!("https://ecole.example/contrib/#{fragment}"),
            String::new(),
        ] {
            assert!(!asks_for_contributions(&text), "{text}");
        }
    }

    #[test]
    fn pasted_links_are_repaired() {
        let fragment = sample_fragment();
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
            // Safe Links turning `#` into `%2523`.
            plain.replace('#', "%2523"),
            format!(
                "https://can01.safelinks.protection.outlook.com/?url={}&data=05",
                encoded_once.replace("%23", "%252523")
            ),
            // Quoted-printable soft line breaks, as a mail client wraps at 76.
            quoted_printable(&plain),
            format!("> {}", quoted_printable(&plain).replace("\r\n", "\r\n> ")),
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
        assert_eq!(
            repair_pasted_link("Voir :\nC3.AB$:*").as_deref(),
            Some("C3.AB$:*")
        );
    }
    #[test]
    fn percent_decoding_keeps_what_is_malformed() {
        assert_eq!(percent_decode("a%2Fb%2fc"), "a/b/c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    /// What a mail client sends: `=` becomes `=3D` and lines are cut at 76
    /// characters by a soft break, `=` then CRLF.
    fn quoted_printable(text: &str) -> String {
        let escaped = text.replace('=', "=3D");
        let chars: Vec<char> = escaped.chars().collect();
        chars
            .chunks(75)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("=\r\n")
    }

    #[test]
    fn a_soft_break_is_joined_but_an_equals_sign_inside_a_line_stays() {
        assert_eq!(join_lines("ab=\r\ncd"), "abcd");
        assert_eq!(join_lines("a=b\ncd="), "a=bcd=");
    }
}
