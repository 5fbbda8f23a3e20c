//! File names for what the app downloads: readable, and plain ASCII so that
//! every file system, e-mail client and browser keeps them as they are.

/// The ASCII letter(s) for a French or other Latin accented letter, if any.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
        'ç' => "c",
        'Ç' => "C",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'Î' | 'Ï' | 'Í' | 'Ì' => "I",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
        'ÿ' | 'ý' => "y",
        'ñ' => "n",
        'Ñ' => "N",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        _ => return None,
    })
}

/// A file-name stem from a charter title: accents folded, anything but ASCII
/// letters and digits turned into single dashes, at most 60 characters;
/// `fallback` when nothing is left.
pub fn file_stem(title: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(folded) = fold(c) {
            out.push_str(folded);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let stem: String = out.trim_matches('-').chars().take(60).collect();
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_titles_become_plain_ascii_names() {
        assert_eq!(
            file_stem("Labos vivants : la communauté des élèves", "charte"),
            "Labos-vivants-la-communaute-des-eleves"
        );
        assert_eq!(
            file_stem("Cœur d'école — 2e cycle", "charte"),
            "Coeur-d-ecole-2e-cycle"
        );
    }

    #[test]
    fn empty_or_symbol_titles_get_the_fallback_and_long_ones_are_cut() {
        assert_eq!(file_stem("", "charte"), "charte");
        assert_eq!(file_stem("  ✨ 🎉 ", "charter"), "charter");
        let long = file_stem(&"mot ".repeat(40), "charte");
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
        assert!(file_stem("<script>/../x", "c")
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }
}
