//! The board: every question and every one of its parts on one screen, as
//! compact cards a group reads at a glance. A card opens its part in a side
//! panel, next to the board; the detailed canvas stays one link away. In
//! projector mode the board fills the screen in large, high-contrast type,
//! with the share QR code to hand out.
pub mod card;
pub mod panel;
pub mod projector;

use crate::charter::{questions, Question};
use crate::i18n::*;
use crate::ui::canvas::{CharterHeader, QuestionHeading};
use crate::ui::platform::shown_title;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use card::PartCard;
use leptos::prelude::*;
use panel::PartPanel;
use projector::{Projector, ProjectorButton};

/// The board, its tools and the side panel.
#[component]
pub fn Board() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    // The part open in the side panel.
    let open = RwSignal::new(None::<&'static crate::charter::Part>);
    let projecting = RwSignal::new(false);
    view! {
        <div class="board" class:board-projecting=move || projecting.get()>
            // Projecting, the shell and its heading step aside: the page
            // keeps its first heading here.
            <Show when=move || projecting.get()>
                <h1 class="visually-hidden">{t!(i18n, app_name)}</h1>
            </Show>
            <h2 class="visually-hidden">{t!(i18n, nav_canvas)}</h2>
            <div class="board-tools">
                // Projecting, the title reads from the back of the room;
                // editing it waits for the end of the meeting.
                <Show when=move || !projecting.get()
                    fallback=move || view! {
                        <p class="board-projected-title">
                            {move || shown_title(&state.charter.title(), t_string!(i18n, untitled))}
                        </p>
                    }>
                    <CharterHeader />
                </Show>
                <a class="board-details" href=Route::CanvasDetails.href()>{t!(i18n, board_details)}</a>
                <ProjectorButton projecting />
            </div>
            <div class="board-columns">
                {questions().iter().map(|q| view! { <Column question=q open /> }).collect_view()}
                <Show when=move || projecting.get()>
                    <Projector />
                </Show>
            </div>
            <PartPanel open />
        </div>
    }
}

/// One question: its number, title, how full it is, and a card per part.
#[component]
fn Column(
    question: &'static Question,
    open: RwSignal<Option<&'static crate::charter::Part>>,
) -> impl IntoView {
    let heading = format!("board-{}", question.slug);
    view! {
        <section class="board-column" aria-labelledby=heading.clone() data-question=question.slug>
            <QuestionHeading question id=heading.clone() />
            <ul class="board-cards">
                {question.parts.iter().map(|p| view! { <PartCard part=p open /> }).collect_view()}
            </ul>
        </section>
    }
}
