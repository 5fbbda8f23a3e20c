//! The documents made from the charter (the sponsor pitch, the invitation,
//! the kick-off agenda), each at its own address (`#/documents/pitch`), to
//! print, copy as rich text or Markdown, send by e-mail or download; and the
//! first meetings as a calendar file. User text is rendered as text.
use crate::charter::{document, Block, DocKind};
use crate::format::{doc_html, doc_markdown, doc_plain, meetings_ics};
use crate::i18n::*;
use crate::ui::clipboard::{copy_rich, copy_text};
use crate::ui::platform::{download, file_name, mailto, print_page, show_heading};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// What the last action said.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Said {
    Rich,
    Markdown,
    CopyFailed,
    DownloadFailed,
}

/// Links to the three documents and the calendar button, for the charter
/// and the last step of the guide.
#[component]
pub fn DocumentLinks() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    view! {
        <section class="doc-links" aria-labelledby="doc-links-title">
            <h3 id="doc-links-title">{t!(i18n, documents_title)}</h3>
            <p>{t!(i18n, documents_intro)}</p>
            <ul>
                {DocKind::ALL
                    .into_iter()
                    .map(|k| view! { <li><a href=Route::Document(k).href()>{move || k.name(lang.get())}</a></li> })
                    .collect_view()}
            </ul>
            <CalendarButton />
        </section>
    }
}

/// Downloads the dated meetings as an `.ics` file, or says what is missing.
#[component]
fn CalendarButton() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let failed = RwSignal::new(false);
    let dated = Memo::new(move |_| {
        state.charter.with(|c| {
            c.launch
                .meetings
                .iter()
                .any(|m| crate::charter::parse_day(&m.date).is_some())
        })
    });
    let save = move |_| {
        let stamp = utc_stamp();
        let lang = state.lang.get_untracked();
        let file = state.charter.with_untracked(|c| {
            meetings_ics(c, lang, &stamp).map(|ics| (file_name(&c.title, ".ics"), ics))
        });
        if let Some((name, ics)) = file {
            failed.set(!download(&name, "text/calendar", &ics));
        }
    };
    view! {
        <Show
            when=move || dated.get()
            fallback=move || view! { <p class="doc-note">{t!(i18n, doc_ics_none)}</p> }
        >
            <button type="button" class="doc-ics" on:click=save>{t!(i18n, doc_ics)}</button>
        </Show>
        <p role="status" class="doc-status">
            {move || failed.get().then(|| t_string!(i18n, doc_download_failed))}
        </p>
    }
}

/// Now as iCalendar writes a UTC time: `YYYYMMDDTHHMMSSZ`.
fn utc_stamp() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // 2026-12-02T07:30:00.123Z
    let digits: String = iso
        .chars()
        .take(19)
        .filter(|c| *c != '-' && *c != ':')
        .collect();
    format!("{digits}Z")
}

/// One document, with its tools.
#[component]
pub fn DocumentView(kind: DocKind) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let doc = Memo::new(move |_| {
        let lang = lang.get();
        state.charter.with(|c| document(kind, c, lang))
    });
    let said = RwSignal::new(None::<Said>);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            show_heading(&h);
        }
    });
    let print = move |_| print_page();
    let copy_formatted = move |_| {
        let (html, plain) =
            doc.with_untracked(|d| (doc_html(d, lang.get_untracked()), doc_plain(d)));
        let done = copy_rich(html, plain);
        leptos::task::spawn_local(async move {
            let ok = done.await;
            said.set(Some(if ok { Said::Rich } else { Said::CopyFailed }));
        });
    };
    let copy_md = move |_| {
        let done = copy_text(doc.with_untracked(doc_markdown));
        leptos::task::spawn_local(async move {
            let ok = done.await;
            said.set(Some(if ok { Said::Markdown } else { Said::CopyFailed }));
        });
    };
    let save_md = move |_| {
        let title = state.charter.with_untracked(|c| c.title.clone());
        let name = file_name(&title, &format!("-{}.md", kind.slug()));
        let ok = download(&name, "text/markdown", &doc.with_untracked(doc_markdown));
        said.set((!ok).then_some(Said::DownloadFailed));
    };
    let mail = move || doc.with(|d| mailto(d.title(), &doc_plain(d)));
    let current = move |k: DocKind| (k == kind).then_some("page");
    view! {
        <div class="doc-view" data-doc=kind.slug()>
            <nav class="doc-nav" aria-label=move || t_string!(i18n, documents_nav)>
                <a href=Route::Charter.href()>{t!(i18n, documents_back)}</a>
                {DocKind::ALL
                    .into_iter()
                    .map(|k| view! {
                        <a href=Route::Document(k).href() aria-current=current(k)>{move || k.name(lang.get())}</a>
                    })
                    .collect_view()}
            </nav>
            <div class="doc-tools">
                <button type="button" on:click=print>{t!(i18n, charter_print)}</button>
                <button type="button" on:click=copy_formatted>{t!(i18n, doc_copy_rich)}</button>
                <button type="button" on:click=copy_md>{t!(i18n, doc_copy_markdown)}</button>
                <button type="button" on:click=save_md>{t!(i18n, doc_download_markdown)}</button>
                {(kind == DocKind::Invitation).then(|| view! {
                    <a class="doc-mail" href=mail>{t!(i18n, doc_mail)}</a>
                })}
                {(kind == DocKind::Agenda).then(|| view! { <CalendarButton /> })}
            </div>
            <p role="status" class="doc-status">
                {move || match said.get() {
                    Some(Said::Rich) => t_string!(i18n, doc_copied_rich),
                    Some(Said::Markdown) => t_string!(i18n, share_copied_markdown),
                    Some(Said::CopyFailed) => t_string!(i18n, doc_copy_failed),
                    Some(Said::DownloadFailed) => t_string!(i18n, doc_download_failed),
                    None => "",
                }}
            </p>
            <article class="doc-page" aria-labelledby="doc-title">
                <h2 id="doc-title" tabindex="-1" node_ref=heading>{move || doc.with(|d| d.title().to_string())}</h2>
                {move || doc.with(|d| d.blocks.iter().skip(1).map(|b| block(b, 3)).collect_view())}
            </article>
        </div>
    }
}

/// One block as HTML elements, its headings at `level` (3 or 4) and below;
/// its text is set as text.
pub fn block(b: &Block, level: u8) -> AnyView {
    let items = |items: &[String]| {
        items
            .iter()
            .map(|i| view! { <li>{i.clone()}</li> })
            .collect_view()
    };
    match b {
        Block::Title(s) => view! { <p class="doc-title">{s.clone()}</p> }.into_any(),
        Block::Lead(s) => view! { <p class="doc-lead">{s.clone()}</p> }.into_any(),
        Block::Heading(s) | Block::Subheading(s) => {
            let depth = level + u8::from(matches!(b, Block::Subheading(_)));
            match depth {
                0..=3 => view! { <h3>{s.clone()}</h3> }.into_any(),
                4 => view! { <h4>{s.clone()}</h4> }.into_any(),
                _ => view! { <h5>{s.clone()}</h5> }.into_any(),
            }
        }
        Block::Paragraph(s) => view! { <p>{s.clone()}</p> }.into_any(),
        Block::Items(i) => view! { <ul>{items(i)}</ul> }.into_any(),
        Block::Numbered(i) => view! { <ol>{items(i)}</ol> }.into_any(),
        Block::Missing(s) => view! { <p class="doc-missing">{s.clone()}</p> }.into_any(),
    }
}
