//! The charter domain: the four questions, the charter they fill, readiness advice and an example.
//!
//! Pure Rust (std, serde, serde_json): no UI, no randomness, no clock. Ids and
//! times (`now`, milliseconds since the epoch) are always passed in by callers.

pub mod choices;
pub mod compare;
pub mod contribution;
pub mod documents;
pub mod example;
pub mod ids;
pub mod merge;
pub mod model;
pub mod notes;
pub mod questions;
pub mod readiness;
pub mod rows;
pub mod text;
pub mod undo;

pub use choices::*;
pub use compare::{
    can_keep_both, differing_parts, kinds_differ, merge, shown, titles_differ, Choices, Keep, Shown,
};
pub use contribution::{contribution, Contribution};
pub use documents::{cover, document, summary, Block, Cover, Doc, DocKind};
/// The example charter builder, callable as `charter::example(lang, id, now)`.
pub use example::example;
pub use ids::*;
pub use merge::{conflict_part, merge3, Conflict, Field, Merged, Side};
pub use model::*;
pub use notes::*;
pub use questions::*;
pub use readiness::*;
pub use rows::*;
pub use text::*;
pub use undo::*;

#[cfg(test)]
mod tests {
    use super::{example, questions, readiness, Lang};

    #[test]
    fn example_is_callable_from_the_module_root() {
        let c = example(Lang::En, "root".into(), 3.0);
        assert_eq!(c.id, "root");
        assert!(questions().iter().all(|q| q.fill(&c).0 == q.fill(&c).1));
        assert!(readiness(&c).len() <= 1);
    }
}
