//! A QR code of the share link, drawn as one SVG path, when the whole address
//! fits a code that phones scan reliably; otherwise, why not.
use crate::i18n::*;
use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode, Version};

/// The largest address shown as a QR code: what version 15 holds at level M.
pub const QR_MAX_BYTES: usize = 412;

/// The SVG path (`d`) of a QR code's dark modules, and its side with a
/// four-module quiet zone; `None` when the text is too long to scan well.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    if text.len() > QR_MAX_BYTES {
        return None;
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    if matches!(code.version(), Version::Normal(v) if v > 15) {
        return None;
    }
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((d, width + 8))
}

/// The QR code of `link`, or a sentence saying why there is none.
#[component]
pub fn LinkQr(#[prop(into)] link: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let drawn = Memo::new(move |_| link.with(|l| l.as_deref().and_then(qr_path)));
    let length = move || link.with(|l| l.as_ref().map_or(0, String::len));
    move || {
        match drawn.get() {
        Some((d, side)) => view! {
            <svg class="share-qr" viewBox=format!("0 0 {side} {side}") role="img"
                aria-label=move || t_string!(i18n, share_qr_label) data-testid="share-qr">
                <rect width=side.to_string() height=side.to_string() fill="#fff"></rect>
                <path d=d fill="#000"></path>
            </svg>
        }
        .into_any(),
        None => view! {
            <p class="share-note" data-testid="share-qr-none">
                {move || t_string!(i18n, share_qr_too_long, n = length(), max = QR_MAX_BYTES).to_string()}
            </p>
        }
        .into_any(),
    }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_link_draws_a_code_with_its_quiet_zone() {
        let (d, side) = qr_path("https://csss.example/coplanifier/#c1.abc").expect("fits");
        let code = QrCode::with_error_correction_level(
            "https://csss.example/coplanifier/#c1.abc".as_bytes(),
            EcLevel::M,
        )
        .expect("encodes");
        assert_eq!(side, code.width() + 8);
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        assert_eq!(d.matches('M').count(), dark, "one square per dark module");
    }

    #[test]
    fn a_link_too_long_to_scan_gets_no_code() {
        assert!(qr_path(&"a".repeat(QR_MAX_BYTES)).is_some());
        assert!(qr_path(&"a".repeat(QR_MAX_BYTES + 1)).is_none());
    }
}
