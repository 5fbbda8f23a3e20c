//! What a deletion leaves behind, so that the user can undo it: a note or a
//! row, with where it was.

use super::model::Charter;
use super::notes::DeletedNote;
use super::rows::DeletedRecord;

/// Something the user deleted, offered for undo.
#[derive(Clone, Debug, PartialEq)]
pub enum Deleted {
    /// A note of a list.
    Note(DeletedNote),
    /// A row of a table.
    Record(DeletedRecord),
}

impl Deleted {
    /// The id of what was deleted.
    pub fn id(&self) -> &str {
        match self {
            Deleted::Note(d) => &d.note.id,
            Deleted::Record(d) => d.id(),
        }
    }
}

impl Charter {
    /// Puts back what was deleted, at its place.
    pub fn undo_delete(&mut self, d: Deleted, now: f64) {
        match d {
            Deleted::Note(d) => self.restore_note(d, now),
            Deleted::Record(d) => self.restore_record(d, now),
        }
    }
}
