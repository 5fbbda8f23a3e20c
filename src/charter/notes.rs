//! Notes: the short cards of the charter's lists, the lists themselves, and
//! what is done to a note (added, edited, attributed, moved, deleted with undo).

use serde::{Deserialize, Serialize};

use super::model::{filled, Charter, Extra};

/// A short card (sticky note) in one of the charter's lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    /// Unique id, given by the caller.
    pub id: String,
    /// What the card says.
    pub text: String,
    /// Who wrote it or is responsible for it (free text, may be empty).
    pub author: String,
    /// Creation time, ms since the epoch.
    pub created_at: f64,
    /// Last change time, ms since the epoch.
    pub updated_at: f64,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// A list of notes of the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListId {
    /// Key people to involve.
    KeyPeople,
    /// Members it is for.
    Members,
    /// Other problems.
    OtherProblems,
    /// Goals.
    Goals,
    /// Who benefits.
    Beneficiaries,
    /// Knowledge exchanged.
    Knowledge,
    /// Priorities.
    Priorities,
    /// Operating rules.
    Rules,
    /// Themes.
    Themes,
    /// Other benefits.
    OtherBenefits,
    /// Core participants.
    Core,
    /// Active participants.
    Active,
    /// Peripheral participants.
    Peripheral,
    /// People who stay away.
    Away,
    /// Member's path: explore.
    PathExplore,
    /// Member's path: contribute.
    PathContribute,
    /// Member's path: co-develop.
    PathCodevelop,
    /// Artefacts.
    Artefacts,
    /// Social networks in use.
    SocialNetworks,
    /// Working groups to involve.
    WorkingGroups,
    /// Experts to invite.
    Experts,
    /// The kick-off meeting's agenda.
    KickoffAgenda,
    /// The first activities.
    FirstActivities,
    /// How newcomers are welcomed.
    Welcome,
}

impl ListId {
    /// Every list, in question order.
    pub const ALL: [ListId; 24] = [
        ListId::KeyPeople,
        ListId::Members,
        ListId::OtherProblems,
        ListId::Goals,
        ListId::Beneficiaries,
        ListId::Knowledge,
        ListId::Priorities,
        ListId::Rules,
        ListId::Themes,
        ListId::OtherBenefits,
        ListId::Core,
        ListId::Active,
        ListId::Peripheral,
        ListId::Away,
        ListId::PathExplore,
        ListId::PathContribute,
        ListId::PathCodevelop,
        ListId::Artefacts,
        ListId::SocialNetworks,
        ListId::WorkingGroups,
        ListId::Experts,
        ListId::KickoffAgenda,
        ListId::FirstActivities,
        ListId::Welcome,
    ];

    /// A stable snake_case name, e.g. `"key_people"`, usable in DOM ids.
    pub fn slug(self) -> &'static str {
        match self {
            ListId::KeyPeople => "key_people",
            ListId::Members => "members",
            ListId::OtherProblems => "other_problems",
            ListId::Goals => "goals",
            ListId::Beneficiaries => "beneficiaries",
            ListId::Knowledge => "knowledge",
            ListId::Priorities => "priorities",
            ListId::Rules => "rules",
            ListId::Themes => "themes",
            ListId::OtherBenefits => "other_benefits",
            ListId::Core => "core",
            ListId::Active => "active",
            ListId::Peripheral => "peripheral",
            ListId::Away => "away",
            ListId::PathExplore => "path_explore",
            ListId::PathContribute => "path_contribute",
            ListId::PathCodevelop => "path_codevelop",
            ListId::Artefacts => "artefacts",
            ListId::SocialNetworks => "social_networks",
            ListId::WorkingGroups => "working_groups",
            ListId::Experts => "experts",
            ListId::KickoffAgenda => "kickoff_agenda",
            ListId::FirstActivities => "first_activities",
            ListId::Welcome => "welcome",
        }
    }

    /// The list with this slug, if any.
    pub fn from_slug(slug: &str) -> Option<ListId> {
        ListId::ALL.iter().copied().find(|l| l.slug() == slug)
    }
}

/// A note removed from a list, kept so the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedNote {
    /// The list it was in.
    pub list: ListId,
    /// Its position in that list.
    pub index: usize,
    /// The note itself.
    pub note: Note,
}

impl Charter {
    /// The notes of a list, in order.
    pub fn notes(&self, l: ListId) -> &[Note] {
        self.list(l)
    }

    /// The notes of a list, in order (owned vector, for internal use).
    pub(super) fn list(&self, l: ListId) -> &Vec<Note> {
        match l {
            ListId::KeyPeople => &self.carriers.key_people,
            ListId::Members => &self.purpose.members,
            ListId::OtherProblems => &self.purpose.other_problems,
            ListId::Goals => &self.purpose.goals,
            ListId::Beneficiaries => &self.purpose.beneficiaries,
            ListId::Knowledge => &self.purpose.knowledge,
            ListId::Priorities => &self.purpose.priorities,
            ListId::Rules => &self.purpose.rules,
            ListId::Themes => &self.purpose.themes,
            ListId::OtherBenefits => &self.joining.other_benefits,
            ListId::Core => &self.joining.core,
            ListId::Active => &self.joining.active,
            ListId::Peripheral => &self.joining.peripheral,
            ListId::Away => &self.joining.away,
            ListId::PathExplore => &self.joining.path_explore,
            ListId::PathContribute => &self.joining.path_contribute,
            ListId::PathCodevelop => &self.joining.path_codevelop,
            ListId::Artefacts => &self.joining.artefacts,
            ListId::SocialNetworks => &self.distinction.social_networks,
            ListId::WorkingGroups => &self.distinction.working_groups,
            ListId::Experts => &self.distinction.experts,
            ListId::KickoffAgenda => &self.launch.kickoff_agenda,
            ListId::FirstActivities => &self.launch.first_activities,
            ListId::Welcome => &self.launch.welcome,
        }
    }

    /// The notes of a list, mutable.
    pub(super) fn list_mut(&mut self, l: ListId) -> &mut Vec<Note> {
        match l {
            ListId::KeyPeople => &mut self.carriers.key_people,
            ListId::Members => &mut self.purpose.members,
            ListId::OtherProblems => &mut self.purpose.other_problems,
            ListId::Goals => &mut self.purpose.goals,
            ListId::Beneficiaries => &mut self.purpose.beneficiaries,
            ListId::Knowledge => &mut self.purpose.knowledge,
            ListId::Priorities => &mut self.purpose.priorities,
            ListId::Rules => &mut self.purpose.rules,
            ListId::Themes => &mut self.purpose.themes,
            ListId::OtherBenefits => &mut self.joining.other_benefits,
            ListId::Core => &mut self.joining.core,
            ListId::Active => &mut self.joining.active,
            ListId::Peripheral => &mut self.joining.peripheral,
            ListId::Away => &mut self.joining.away,
            ListId::PathExplore => &mut self.joining.path_explore,
            ListId::PathContribute => &mut self.joining.path_contribute,
            ListId::PathCodevelop => &mut self.joining.path_codevelop,
            ListId::Artefacts => &mut self.joining.artefacts,
            ListId::SocialNetworks => &mut self.distinction.social_networks,
            ListId::WorkingGroups => &mut self.distinction.working_groups,
            ListId::Experts => &mut self.distinction.experts,
            ListId::KickoffAgenda => &mut self.launch.kickoff_agenda,
            ListId::FirstActivities => &mut self.launch.first_activities,
            ListId::Welcome => &mut self.launch.welcome,
        }
    }

    /// Whether a list holds at least one note with some text (blank cards do not count).
    pub fn has_notes(&self, l: ListId) -> bool {
        self.list(l).iter().any(|n| filled(&n.text))
    }

    /// Appends a note as it is, times and all, without touching the charter
    /// (for readers that rebuild a charter).
    pub fn push_note(&mut self, l: ListId, note: Note) {
        self.list_mut(l).push(note);
    }

    /// Appends a note to a list; the caller gives a fresh id.
    pub fn add_note(&mut self, l: ListId, id: String, text: String, now: f64) {
        self.list_mut(l).push(Note {
            id,
            text,
            author: String::new(),
            created_at: now,
            updated_at: now,
            ..Default::default()
        });
        self.touch(now);
    }

    /// The note with this id, wherever it is.
    pub fn note(&self, id: &str) -> Option<&Note> {
        let (l, i) = self.find_note(id)?;
        self.list(l).get(i)
    }

    /// The note with this id, mutable.
    fn note_mut(&mut self, id: &str) -> Option<&mut Note> {
        let (l, i) = self.find_note(id)?;
        self.list_mut(l).get_mut(i)
    }

    /// Changes a note's text; false if no note has this id.
    pub fn edit_note(&mut self, id: &str, text: String, now: f64) -> bool {
        let Some(n) = self.note_mut(id) else {
            return false;
        };
        if n.text != text {
            n.text = text;
            n.updated_at = now;
            self.touch(now);
        }
        true
    }

    /// Changes who a note is attributed to; false if no note has this id.
    pub fn set_note_author(&mut self, id: &str, author: String, now: f64) -> bool {
        let Some(n) = self.note_mut(id) else {
            return false;
        };
        if n.author != author {
            n.author = author;
            n.updated_at = now;
            self.touch(now);
        }
        true
    }

    /// Removes a note and returns what is needed to undo; `None` if no note has this id.
    pub fn delete_note(&mut self, id: &str, now: f64) -> Option<DeletedNote> {
        let (list, index) = self.find_note(id)?;
        let note = self.list_mut(list).remove(index);
        self.touch(now);
        Some(DeletedNote { list, index, note })
    }

    /// Undoes a deletion: the note goes back at its place (clamped to the list's end); nothing happens if its id is already present.
    pub fn restore_note(&mut self, d: DeletedNote, now: f64) {
        if self.find_note(&d.note.id).is_some() {
            return;
        }
        let list = self.list_mut(d.list);
        let index = d.index.min(list.len());
        list.insert(index, d.note);
        self.touch(now);
    }

    /// Moves a note so it ends at position `to_index` (clamped) of list `to`, within or across lists; false if no note has this id.
    pub fn move_note(&mut self, id: &str, to: ListId, to_index: usize, now: f64) -> bool {
        let Some((from, index)) = self.find_note(id) else {
            return false;
        };
        let note = self.list_mut(from).remove(index);
        let target = self.list_mut(to);
        let to_index = to_index.min(target.len());
        target.insert(to_index, note);
        if from != to || index != to_index {
            self.touch(now);
        }
        true
    }

    /// The list and position of the note with this id.
    pub fn find_note(&self, id: &str) -> Option<(ListId, usize)> {
        ListId::ALL
            .iter()
            .find_map(|&l| self.list(l).iter().position(|n| n.id == id).map(|i| (l, i)))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::charter::*;
    use std::collections::HashSet;

    fn ids(c: &Charter, l: ListId) -> Vec<&str> {
        c.notes(l).iter().map(|n| n.id.as_str()).collect()
    }

    /// A charter with three goals and one theme, for the tests of this module and others.
    pub(crate) fn with_notes() -> Charter {
        let mut c = Charter::new("c".into(), Lang::Fr, 1.0);
        c.add_note(ListId::Goals, "a".into(), "A".into(), 2.0);
        c.add_note(ListId::Goals, "b".into(), "B".into(), 3.0);
        c.add_note(ListId::Goals, "c".into(), "C".into(), 4.0);
        c.add_note(ListId::Themes, "t".into(), "T".into(), 5.0);
        c
    }

    #[test]
    fn list_slugs_are_unique_and_round_trip() {
        let slugs: HashSet<&str> = ListId::ALL.iter().map(|l| l.slug()).collect();
        assert_eq!(slugs.len(), ListId::ALL.len());
        for l in ListId::ALL {
            assert_eq!(ListId::from_slug(l.slug()), Some(l));
        }
        assert_eq!(ListId::KeyPeople.slug(), "key_people");
        assert_eq!(ListId::from_slug("nope"), None);
    }

    #[test]
    fn every_list_is_its_own_storage() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        for (i, l) in ListId::ALL.iter().enumerate() {
            c.add_note(*l, format!("n{i}"), format!("text {i}"), 1.0);
        }
        for (i, l) in ListId::ALL.iter().enumerate() {
            assert_eq!(ids(&c, *l), vec![format!("n{i}").as_str()]);
            assert_eq!(c.find_note(&format!("n{i}")), Some((*l, 0)));
        }
        assert_eq!(c.note_count(), ListId::ALL.len());
    }

    #[test]
    fn notes_are_added_edited_and_attributed() {
        let mut c = with_notes();
        assert_eq!(ids(&c, ListId::Goals), vec!["a", "b", "c"]);
        assert_eq!(c.notes(ListId::Goals)[1].created_at, 3.0);
        assert!(c.edit_note("b", "B2".into(), 10.0));
        assert!(c.set_note_author("b", "Geneviève".into(), 11.0));
        let n = c.note("b").unwrap();
        assert_eq!((n.text.as_str(), n.author.as_str()), ("B2", "Geneviève"));
        assert_eq!((n.created_at, n.updated_at), (3.0, 11.0));
        assert_eq!(c.updated_at, 11.0);
        assert!(!c.edit_note("zzz", "x".into(), 12.0));
        assert!(!c.set_note_author("zzz", "x".into(), 12.0));
        assert_eq!(c.updated_at, 11.0);
    }

    #[test]
    fn delete_then_restore_puts_the_note_back_in_place() {
        let mut c = with_notes();
        let d = c.delete_note("b", 10.0).unwrap();
        assert_eq!(
            (d.list, d.index, d.note.text.as_str()),
            (ListId::Goals, 1, "B")
        );
        assert_eq!(ids(&c, ListId::Goals), vec!["a", "c"]);
        assert_eq!(c.find_note("b"), None);
        assert!(c.delete_note("b", 11.0).is_none());
        c.restore_note(d.clone(), 12.0);
        assert_eq!(ids(&c, ListId::Goals), vec!["a", "b", "c"]);
        // Restoring twice does not duplicate.
        c.restore_note(d, 13.0);
        assert_eq!(c.note_count(), 4);
    }

    #[test]
    fn restore_clamps_when_the_list_shrank() {
        let mut c = with_notes();
        let d = c.delete_note("c", 1.0).unwrap();
        assert_eq!(d.index, 2);
        c.delete_note("a", 2.0);
        c.delete_note("b", 3.0);
        c.restore_note(d, 4.0);
        assert_eq!(ids(&c, ListId::Goals), vec!["c"]);
    }

    #[test]
    fn move_within_a_list() {
        let mut c = with_notes();
        assert!(c.move_note("a", ListId::Goals, 2, 1.0));
        assert_eq!(ids(&c, ListId::Goals), vec!["b", "c", "a"]);
        assert!(c.move_note("a", ListId::Goals, 0, 2.0));
        assert_eq!(ids(&c, ListId::Goals), vec!["a", "b", "c"]);
        assert!(c.move_note("b", ListId::Goals, 99, 3.0));
        assert_eq!(ids(&c, ListId::Goals), vec!["a", "c", "b"]);
    }

    #[test]
    fn move_across_lists_with_clamped_index() {
        let mut c = with_notes();
        assert!(c.move_note("b", ListId::Themes, 0, 1.0));
        assert_eq!(ids(&c, ListId::Goals), vec!["a", "c"]);
        assert_eq!(ids(&c, ListId::Themes), vec!["b", "t"]);
        assert!(c.move_note("a", ListId::Core, 50, 2.0));
        assert_eq!(ids(&c, ListId::Core), vec!["a"]);
        assert_eq!(c.find_note("a"), Some((ListId::Core, 0)));
        assert_eq!(c.note("a").unwrap().text, "A");
        assert!(!c.move_note("nope", ListId::Core, 0, 3.0));
        assert_eq!(c.note_count(), 4);
    }
}
