//! The charter as a clean document to read, print or save as PDF. Empty
//! parts show as "to discuss", never hidden. User text is rendered as text.
use crate::charter::{
    choice_options, cut_at_word, questions, shown, ChoiceField, Part, Shown, VersionId,
};
use crate::format::{charter_doc, doc_html, doc_plain, CharterWords};
use crate::i18n::*;
use crate::ui::clipboard::copy_rich;
use crate::ui::documents::{block, DocumentLinks};
use crate::ui::platform::{format_day_of, print_page, set_print_header, show_heading, shown_title};
use crate::ui::readiness::ReadinessPanel;
use crate::ui::route::Route;
use crate::ui::share::SharePanel;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The running header holds at most this many characters of the title.
const HEADER_TITLE_CHARS: usize = 48;

/// The whole charter, question by question; as a `document` (for print and
/// PDF), headed by a cover and a one-page summary, without the tools around it.
#[component]
pub fn CharterView(#[prop(optional)] document: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let title = Memo::new(move |_| state.charter.title());
    let kind = Memo::new(move |_| {
        let key = state.charter.choice(ChoiceField::Kind);
        let lang = lang.get();
        choice_options(ChoiceField::Kind)
            .iter()
            .find(|o| Some(o.key) == key)
            .map(|o| o.label.get(lang))
            .unwrap_or_default()
    });
    // The charter opens at its title, with the focus there.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            show_heading(&h);
        }
    });
    let print = move |_| print_page();
    // The cover and the summary; the version is the one a link or file of
    // this charter would carry, dated by its last change.
    let cover = Memo::new(move |_| {
        let lang = lang.get();
        state.charter.with(|c| crate::charter::cover(c, lang))
    });
    let at_a_glance = Memo::new(move |_| {
        let lang = lang.get();
        state.charter.with(|c| crate::charter::summary(c, lang))
    });
    let version = Memo::new(move |_| {
        let lang = lang.get();
        state.charter.with(|c| {
            let day = format_day_of(c.updated_at, lang.code());
            format!("{day} · {}", VersionId::of(c).to_text())
        })
    });
    let or_to_discuss = move |s: String| {
        if s.is_empty() {
            t_string!(i18n, charter_to_discuss).to_string()
        } else {
            s
        }
    };
    // In print, every page after the cover is headed by the title (cut to
    // fit the margin) and version. Memos are lazy: on the plain charter
    // view, nothing reads the version, the cover or the summary.
    if document {
        Effect::new(move |_| {
            let title = shown_title(&title.get(), t_string!(i18n, untitled));
            let title = cut_at_word(&title, HEADER_TITLE_CHARS);
            set_print_header(Some(&format!("{title} · {}", version.get())));
        });
        on_cleanup(|| set_print_header(None));
    }
    // "Copy as rich text": the charter as HTML and plain text at once.
    let copied = RwSignal::new(None::<bool>);
    let copy_formatted = move |_| {
        let words = CharterWords {
            untitled: t_string!(i18n, untitled).to_string(),
            kind: t_string!(i18n, charter_kind).to_string(),
            to_discuss: t_string!(i18n, charter_to_discuss).to_string(),
            by: t_string!(i18n, charter_by, author = "{}").to_string(),
        };
        let lang = lang.get_untracked();
        let doc = state
            .charter
            .with_untracked(|c| charter_doc(c, lang, &words));
        let (html, plain) = (doc_html(&doc, lang), doc_plain(&doc));
        let done = copy_rich(html, plain);
        leptos::task::spawn_local(async move {
            copied.set(Some(done.await));
        });
    };
    let title_heading = move || {
        view! {
            <h2 id="charter-doc-title" tabindex="-1" node_ref=heading>
                {move || shown_title(&title.get(), t_string!(i18n, untitled))}
            </h2>
            <p class="charter-doc-kind">{t!(i18n, charter_kind)} " : " {move || kind.get()}</p>
        }
    };
    let tools = move || {
        if document {
            view! {
                <div class="charter-view-tools">
                    <a href=Route::Charter.href()>{t!(i18n, documents_back)}</a>
                    <button type="button" on:click=print>{t!(i18n, charter_print)}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="charter-view-tools">
                    <button type="button" on:click=print>{t!(i18n, charter_print)}</button>
                    <a href=Route::CharterDocument.href()>{t!(i18n, charter_document_link)}</a>
                    <a href=Route::History.href()>{t!(i18n, history_link)}</a>
                    <button type="button" on:click=copy_formatted>{t!(i18n, charter_copy_rich)}</button>
                    <p role="status" class="doc-status">
                        {move || match copied.get() {
                            Some(true) => t_string!(i18n, doc_copied_rich),
                            Some(false) => t_string!(i18n, doc_copy_failed),
                            None => "",
                        }}
                    </p>
                </div>
                <ReadinessPanel />
            }
            .into_any()
        }
    };
    let cover_and_summary = move || {
        view! {
            <header class="charter-cover">
                <p class="charter-cover-label">{t!(i18n, charter_cover_label)}</p>
                {title_heading()}
                <dl class="charter-cover-facts">
                        <dt>{t!(i18n, charter_cover_version)}</dt>
                        <dd data-testid="charter-version">{move || version.get()}</dd>
                        <dt>{t!(i18n, charter_cover_prepared_by)}</dt>
                        <dd>{move || or_to_discuss(cover.with(|c| c.prepared_by.clone()))}</dd>
                        <dt>{t!(i18n, charter_cover_for)}</dt>
                        <dd>{move || or_to_discuss(cover.with(|c| c.for_whom.clone()))}</dd>
                </dl>
            </header>
            <section class="charter-summary" aria-labelledby="charter-summary-title">
                <h3 id="charter-summary-title">{move || at_a_glance.with(|d| d.title().to_string())}</h3>
                {move || at_a_glance.with(|d| d.blocks.iter().skip(1).map(|b| block(b, 4)).collect_view())}
            </section>
        }
    };
    view! {
        <div class="charter-view" class:charter-document=document>
            {tools}
            <article class="charter-doc" aria-labelledby="charter-doc-title">
                {move || if document { cover_and_summary().into_any() } else { title_heading().into_any() }}
                {questions()
                    .iter()
                    .map(|q| {
                        view! {
                            <section class="charter-doc-question">
                                <h3>{q.number} ". " {move || q.title.get(lang.get())}</h3>
                                {q.parts.iter().map(|p| view! { <CharterPart part=p /> }).collect_view()}
                            </section>
                        }
                    })
                    .collect_view()}
            </article>
            {(!document).then(|| view! { <DocumentLinks /> <SharePanel /> })}
        </div>
    }
}

/// How a note's author is shown ("by Ana").
pub fn written_by(i18n: leptos_i18n::I18nContext<Locale>, author: &str) -> String {
    t_string!(i18n, charter_by, author = author.to_string()).to_string()
}

/// What a part says, as the charter shows it; "to discuss" when empty.
pub fn part_body(i18n: leptos_i18n::I18nContext<Locale>, shown: Option<Shown>) -> AnyView {
    match shown {
        None => view! { <p class="charter-doc-empty">{t!(i18n, charter_to_discuss)}</p> }.into_any(),
        Some(Shown::Paragraph(p)) => view! { <p class="charter-doc-text">{p}</p> }.into_any(),
        Some(Shown::Items(items)) => view! {
            <ul class="charter-doc-items">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}

#[component]
fn CharterPart(part: &'static Part) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lang = state.lang;
    let body = move || {
        let lang = lang.get();
        state
            .charter
            .with(|c| part_body(i18n, shown(part, c, lang, &|a| written_by(i18n, a))))
    };
    view! {
        <div class="charter-doc-part" data-part=part.id>
            <h4>{move || part.label.get(lang.get())}</h4>
            {body}
        </div>
    }
}
