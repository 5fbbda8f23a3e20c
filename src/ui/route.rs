//! The screens and their addresses in the URL fragment (`#/guide/2`), so that
//! back and forward work and every step can be linked to.
use crate::charter::DocKind;

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start screen.
    Start,
    /// Every question on one board, as cards.
    Canvas,
    /// Every question with every part's editor, one long page.
    CanvasDetails,
    /// One question of the guided path, numbered from 1.
    Guide(u8),
    /// The charter as a clean document.
    Charter,
    /// The charter as a document to print: cover, summary, then details.
    CharterDocument,
    /// A document made from the charter (the pitch, the invitation, the agenda).
    Document(DocKind),
    /// The versions the draft sent, received, merged or replaced.
    History,
}

/// How many steps the guided path has (one per question, the launch last).
pub const GUIDE_STEPS: u8 = 5;

impl Route {
    /// Reads a route from `location.hash`; anything unknown is the start screen.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next()) {
            (Some("canvas"), Some("details")) => Route::CanvasDetails,
            (Some("canvas"), _) => Route::Canvas,
            (Some("charter"), Some("document")) => Route::CharterDocument,
            (Some("charter"), _) => Route::Charter,
            (Some("history"), _) => Route::History,
            (Some("documents"), kind) => {
                Route::Document(kind.and_then(DocKind::from_slug).unwrap_or(DocKind::Pitch))
            }
            (Some("guide"), step) => {
                let n = step.and_then(|s| s.parse::<u8>().ok()).unwrap_or(1);
                Route::Guide(n.clamp(1, GUIDE_STEPS))
            }
            _ => Route::Start,
        }
    }

    /// The fragment of this route, for links.
    pub fn href(self) -> String {
        match self {
            Route::Start => "#/".to_string(),
            Route::Canvas => "#/canvas".to_string(),
            Route::CanvasDetails => "#/canvas/details".to_string(),
            Route::Guide(n) => format!("#/guide/{n}"),
            Route::Charter => "#/charter".to_string(),
            Route::CharterDocument => "#/charter/document".to_string(),
            Route::Document(k) => format!("#/documents/{}", k.slug()),
            Route::History => "#/history".to_string(),
        }
    }

    /// Shows this route, as following a link to it would.
    pub fn go(self) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&self.href());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_address() {
        for r in [
            Route::Start,
            Route::Canvas,
            Route::CanvasDetails,
            Route::Charter,
            Route::Guide(1),
            Route::Guide(5),
            Route::CharterDocument,
            Route::Document(DocKind::Pitch),
            Route::Document(DocKind::Agenda),
            Route::History,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn out_of_range_guide_steps_are_clamped_and_junk_goes_home() {
        assert_eq!(Route::parse("#/guide/9"), Route::Guide(GUIDE_STEPS));
        assert_eq!(Route::parse("#/guide/0"), Route::Guide(1));
        assert_eq!(Route::parse("#/guide/x"), Route::Guide(1));
        assert_eq!(Route::parse("#/nowhere"), Route::Start);
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(
            Route::parse("#/documents/nope"),
            Route::Document(DocKind::Pitch)
        );
    }
}
