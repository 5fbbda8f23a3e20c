//! A QR code of the share link, drawn as one SVG path. The address goes in
//! byte mode and the QR form of the fragment (`C3.` and base 43) in
//! alphanumeric mode, which holds 5.5 bits per character instead of 8: a
//! half-filled charter fits. The code grows up to version 25 (117 modules)
//! at error level M, which a phone reads from a projected screen; past
//! that, the panel says so in plain words.
use crate::i18n::*;
use leptos::prelude::*;
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

/// The largest QR version drawn.
pub const QR_MAX_VERSION: i16 = 25;
/// The error correction level: M restores 15 % of the code (a glare, a fold).
pub const QR_EC: EcLevel = EcLevel::M;

/// What a code holds: text in byte mode, then text in alphanumeric mode
/// (QR-alphanumeric characters only; may be empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrText {
    /// The address up to and including `#` (or the whole link when it has no QR form).
    pub bytes: String,
    /// The QR form of the fragment, `C3.…`.
    pub alphanumeric: String,
}

impl QrText {
    /// The link a phone opens when it reads the code.
    pub fn link(&self) -> String {
        format!("{}{}", self.bytes, self.alphanumeric)
    }
}

/// The smallest code, up to [`QR_MAX_VERSION`], that holds `text`.
pub fn qr_code(text: &QrText) -> Option<QrCode> {
    (1..=QR_MAX_VERSION).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_byte_data(text.bytes.as_bytes()).ok()?;
        if !text.alphanumeric.is_empty() {
            bits.push_alphanumeric_data(text.alphanumeric.as_bytes())
                .ok()?;
        }
        bits.push_terminator(QR_EC).ok()?;
        QrCode::with_bits(bits, QR_EC).ok()
    })
}

/// A drawn code: the SVG path (`d`) of its dark modules, its side with a
/// four-module quiet zone, and its version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub d: String,
    pub side: usize,
    pub version: i16,
}

/// The drawing of `text`'s code; `None` when it is too long to scan well.
pub fn qr_drawing(text: &QrText) -> Option<Drawn> {
    let code = qr_code(text)?;
    let version = match code.version() {
        Version::Normal(v) => v,
        Version::Micro(_) => return None,
    };
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(Drawn {
        d,
        side: width + 8,
        version,
    })
}

/// One drawing as SVG.
pub fn qr_svg(drawn: Drawn, class: &'static str, test_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let Drawn { d, side, version } = drawn;
    view! {
        <svg class=class viewBox=format!("0 0 {side} {side}") role="img"
            aria-label=move || t_string!(i18n, share_qr_label) data-testid=test_id
            data-version=version.to_string()>
            <rect width=side.to_string() height=side.to_string() fill="#fff"></rect>
            <path d=d fill="#000"></path>
        </svg>
    }
}

/// The QR code of the share link, a button that shows it large for the
/// meeting room, or a sentence saying why there is none.
#[component]
pub fn LinkQr(
    #[prop(into)] text: Signal<Option<QrText>>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let drawn = Memo::new(move |_| text.with(|t| t.as_ref().and_then(qr_drawing)));
    let large = RwSignal::new(false);
    let open_button = NodeRef::<leptos::html::Button>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        large.set(false);
        if let Some(b) = open_button.get_untracked() {
            let _ = b.focus();
        }
    };
    Effect::new(move |_| {
        if large.get() {
            if let Some(b) = close_button.get() {
                let _ = b.focus();
            }
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    move || match drawn.get() {
        Some(small) => {
            let big = small.clone();
            view! {
                {qr_svg(small, "share-qr", "share-qr")}
                <button type="button" node_ref=open_button on:click=move |_| large.set(true)>
                    {t!(i18n, share_qr_show)}
                </button>
                <Show when=move || large.get()>
                    <div class="qr-screen" role="dialog" aria-modal="true" aria-labelledby="qr-screen-title"
                        data-testid="qr-screen" on:keydown=on_key>
                        <h2 id="qr-screen-title">{move || title.get()}</h2>
                        <p>{t!(i18n, share_qr_scan)}</p>
                        {qr_svg(big.clone(), "qr-screen-code", "qr-screen-code")}
                        <button type="button" node_ref=close_button on:click=move |_| close()>
                            {t!(i18n, share_qr_close)}
                        </button>
                    </div>
                </Show>
            }
            .into_any()
        }
        None => view! {
            <p class="share-note" data-testid="share-qr-none">{t!(i18n, share_qr_too_long)}</p>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &str, alphanumeric: &str) -> QrText {
        QrText {
            bytes: bytes.into(),
            alphanumeric: alphanumeric.into(),
        }
    }

    #[test]
    fn a_short_link_draws_a_small_code_with_its_quiet_zone() {
        let t = text("https://csss.example/coplanifier/#", "C3.ABC");
        let drawn = qr_drawing(&t).expect("fits");
        let code = qr_code(&t).expect("fits");
        assert_eq!(drawn.side, code.width() + 8);
        assert_eq!(drawn.version, 3);
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        assert_eq!(
            drawn.d.matches('M').count(),
            dark,
            "one square per dark module"
        );
        assert_eq!(t.link(), "https://csss.example/coplanifier/#C3.ABC");
    }

    #[test]
    fn alphanumeric_mode_holds_a_third_more_than_bytes() {
        let address = "https://csss.example/coplanifier/#";
        let fits = |n: usize| qr_drawing(&text(address, &format!("C3.{}", "A".repeat(n))));
        let fits_bytes =
            |n: usize| qr_drawing(&text(&format!("{address}c3.{}", "a".repeat(n)), ""));
        // The longest payload that fits, by bisection (fits(lo), not fits(hi)).
        let most = |f: &dyn Fn(usize) -> Option<Drawn>| {
            let (mut lo, mut hi) = (0, 4000);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if f(mid).is_some() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lo + 1
        };
        let (alnum, bytes) = (most(&fits), most(&fits_bytes));
        assert!(alnum * 10 >= bytes * 13, "{alnum} vs {bytes}");
        assert_eq!(fits(alnum - 1).map(|d| d.version), Some(QR_MAX_VERSION));
        assert!(
            fits(alnum).is_none(),
            "nothing past version {QR_MAX_VERSION}"
        );
    }
}
