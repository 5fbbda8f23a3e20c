//! The charter itself: what a group fills in while answering the four
//! questions and planning the launch, its free texts, single choices and check boxes. Notes live in
//! `notes.rs`, rows in `rows.rs`, choice sets in `choices.rs`.
//!
//! Every struct has `#[serde(default)]` so that a saved charter missing whole
//! parts (older version, hand-edited file) still loads; choice values that are
//! not recognised load as "not answered" instead of failing the whole file.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::choices::{
    lenient, lenient_set, Benefit, CommunityKind, MeetingMode, Origin, Problem, SponsorStatus,
    SuperiorStatus,
};
use super::notes::{ListId, Note};
use super::questions::PartKind;
use super::rows::{
    Agreement, Instigator, Landmark, Meeting, Neighbour, RecordList, Resource, Role, Tool, ValueRow,
};
use super::text::Lang;

/// The fields of a charter's JSON that hold the questions, in order (the
/// fifth, `launch`, was added within format version 1).
pub const QUESTION_FIELDS: [&str; 5] = ["carriers", "purpose", "joining", "distinction", "launch"];

/// Fields this build does not know (written by a newer one), in any struct
/// of the charter: kept as they came, so that saving here does not lose them.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Question 1: who carries the project.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Carriers {
    /// Spontaneous or steered; `None` until answered.
    #[serde(deserialize_with = "lenient")]
    pub origin: Option<Origin>,
    /// The instigators.
    pub instigators: Vec<Instigator>,
    /// The sponsor's name.
    pub sponsor_name: String,
    /// The sponsor's position.
    pub sponsor_role: String,
    /// Where the sponsor stands; `None` until answered.
    #[serde(deserialize_with = "lenient")]
    pub sponsor_status: Option<SponsorStatus>,
    /// Whether the direct superior knows; `None` until answered.
    #[serde(deserialize_with = "lenient")]
    pub superior: Option<SuperiorStatus>,
    /// Key people to involve.
    pub key_people: Vec<Note>,
    /// Resources needed.
    pub resources: Vec<Resource>,
    /// Agreements to reach.
    pub agreements: Vec<Agreement>,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// Question 2: for whom, with what mission, against which problems.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Purpose {
    /// The members it is for.
    pub members: Vec<Note>,
    /// The practice members share.
    pub shared_practice: String,
    /// The mission.
    pub mission: String,
    /// The vision: why the community exists.
    pub vision: String,
    /// The problems chosen among the usual ones.
    #[serde(deserialize_with = "lenient_set")]
    pub problems: BTreeSet<Problem>,
    /// Other problems, in the group's own words.
    pub other_problems: Vec<Note>,
    /// Goals.
    pub goals: Vec<Note>,
    /// Who benefits.
    pub beneficiaries: Vec<Note>,
    /// Kinds of knowledge exchanged.
    pub knowledge: Vec<Note>,
    /// Priorities.
    pub priorities: Vec<Note>,
    /// Operating rules.
    pub rules: Vec<Note>,
    /// Themes.
    pub themes: Vec<Note>,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// Question 3: why people would join.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Joining {
    /// Individual benefits chosen among the usual ones.
    #[serde(deserialize_with = "lenient_set")]
    pub benefits: BTreeSet<Benefit>,
    /// Other benefits.
    pub other_benefits: Vec<Note>,
    /// Who is expected in the core.
    pub core: Vec<Note>,
    /// Who is expected among active members.
    pub active: Vec<Note>,
    /// Who is expected at the periphery.
    pub peripheral: Vec<Note>,
    /// Who is expected to stay away, for now, and why.
    pub away: Vec<Note>,
    /// Member's path, step 1: exploring and getting familiar.
    pub path_explore: Vec<Note>,
    /// Member's path, step 2: contributing by expertise.
    pub path_contribute: Vec<Note>,
    /// Member's path, step 3: co-developing activities and resources.
    pub path_codevelop: Vec<Note>,
    /// Artefacts the community will produce.
    pub artefacts: Vec<Note>,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// Question 4: what sets it apart from existing communities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Distinction {
    /// Neighbouring communities looked at.
    pub neighbours: Vec<Neighbour>,
    /// Social networks already in use.
    pub social_networks: Vec<Note>,
    /// Working groups to involve.
    pub working_groups: Vec<Note>,
    /// Experts to invite.
    pub experts: Vec<Note>,
    /// What makes this community distinct.
    pub distinctiveness: String,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// Step 5: how the community will live and how it starts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Launch {
    /// Roles: the facilitator, the coordinator, others.
    pub roles: Vec<Role>,
    /// How often the community meets.
    pub frequency: String,
    /// How long a meeting lasts.
    pub duration: String,
    /// In person, online or both; `None` until answered.
    #[serde(deserialize_with = "lenient")]
    pub mode: Option<MeetingMode>,
    /// The landmarks of the school year, typed by the group.
    pub landmarks: Vec<Landmark>,
    /// The first meetings.
    pub meetings: Vec<Meeting>,
    /// The value expected, cycle by cycle, with its indicators.
    pub value: Vec<ValueRow>,
    /// When the charter will be reviewed, `YYYY-MM-DD`.
    pub review_date: String,
    /// The agenda of the kick-off meeting.
    pub kickoff_agenda: Vec<Note>,
    /// The first activities.
    pub first_activities: Vec<Note>,
    /// How newcomers are welcomed.
    pub welcome: Vec<Note>,
    /// Where the community talks and keeps its artefacts, and who looks after it.
    pub tools: Vec<Tool>,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// The whole charter of one community.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Charter {
    /// Unique id, given by the caller.
    pub id: String,
    /// The community's name.
    pub title: String,
    /// CoP or networked CoP.
    #[serde(deserialize_with = "lenient")]
    pub kind: CommunityKind,
    /// The language the content is written in.
    #[serde(deserialize_with = "lenient")]
    pub content_lang: Lang,
    /// Creation time, ms since the epoch.
    pub created_at: f64,
    /// Last change time, ms since the epoch.
    pub updated_at: f64,
    /// Question 1.
    pub carriers: Carriers,
    /// Question 2.
    pub purpose: Purpose,
    /// Question 3.
    pub joining: Joining,
    /// Question 4.
    pub distinction: Distinction,
    /// Step 5 (absent from charters written before it: read as empty).
    pub launch: Launch,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// A free-text field of the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The sponsor's name.
    SponsorName,
    /// The sponsor's position.
    SponsorRole,
    /// The shared practice.
    SharedPractice,
    /// The mission.
    Mission,
    /// The vision.
    Vision,
    /// What makes the community distinct.
    Distinctiveness,
    /// How often the community meets.
    Frequency,
    /// How long a meeting lasts.
    Duration,
    /// When the charter will be reviewed (`YYYY-MM-DD`).
    ReviewDate,
}

impl TextField {
    /// Every text field.
    pub const ALL: [TextField; 9] = [
        TextField::SponsorName,
        TextField::SponsorRole,
        TextField::SharedPractice,
        TextField::Mission,
        TextField::Vision,
        TextField::Distinctiveness,
        TextField::Frequency,
        TextField::Duration,
        TextField::ReviewDate,
    ];
}

/// A single-choice field of the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChoiceField {
    /// CoP or networked CoP (always set, edited in the header).
    Kind,
    /// Spontaneous or steered.
    Origin,
    /// Where the sponsor stands.
    SponsorStatus,
    /// Whether the direct superior knows.
    Superior,
    /// In person, online or both.
    Mode,
}

impl ChoiceField {
    /// Every choice field.
    pub const ALL: [ChoiceField; 5] = [
        ChoiceField::Kind,
        ChoiceField::Origin,
        ChoiceField::SponsorStatus,
        ChoiceField::Superior,
        ChoiceField::Mode,
    ];
}

/// A set of check boxes of the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlagSet {
    /// The usual problems.
    Problems,
    /// The usual individual benefits.
    Benefits,
}

impl FlagSet {
    /// Every flag set.
    pub const ALL: [FlagSet; 2] = [FlagSet::Problems, FlagSet::Benefits];
}

/// Whether a string holds more than blanks.
pub fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Charter {
    /// A new, empty charter (empty title) whose content will be written in `lang`.
    pub fn new(id: String, lang: Lang, now: f64) -> Charter {
        Charter {
            id,
            content_lang: lang,
            created_at: now,
            updated_at: now,
            ..Default::default()
        }
    }

    /// Marks the charter as changed at `now`.
    pub fn touch(&mut self, now: f64) {
        self.updated_at = now;
    }

    /// Sets the title.
    pub fn set_title(&mut self, title: String, now: f64) {
        if self.title != title {
            self.title = title;
            self.touch(now);
        }
    }

    /// The value of a free-text field.
    pub fn text(&self, f: TextField) -> &str {
        match f {
            TextField::SponsorName => &self.carriers.sponsor_name,
            TextField::SponsorRole => &self.carriers.sponsor_role,
            TextField::SharedPractice => &self.purpose.shared_practice,
            TextField::Mission => &self.purpose.mission,
            TextField::Vision => &self.purpose.vision,
            TextField::Distinctiveness => &self.distinction.distinctiveness,
            TextField::Frequency => &self.launch.frequency,
            TextField::Duration => &self.launch.duration,
            TextField::ReviewDate => &self.launch.review_date,
        }
    }

    /// Sets a free-text field (kept exactly as typed).
    pub fn set_text(&mut self, f: TextField, v: String, now: f64) {
        let slot = match f {
            TextField::SponsorName => &mut self.carriers.sponsor_name,
            TextField::SponsorRole => &mut self.carriers.sponsor_role,
            TextField::SharedPractice => &mut self.purpose.shared_practice,
            TextField::Mission => &mut self.purpose.mission,
            TextField::Vision => &mut self.purpose.vision,
            TextField::Distinctiveness => &mut self.distinction.distinctiveness,
            TextField::Frequency => &mut self.launch.frequency,
            TextField::Duration => &mut self.launch.duration,
            TextField::ReviewDate => &mut self.launch.review_date,
        };
        if *slot != v {
            *slot = v;
            self.touch(now);
        }
    }

    /// The key of a choice field, `None` while unanswered (`Kind` is always answered).
    pub fn choice(&self, f: ChoiceField) -> Option<&'static str> {
        match f {
            ChoiceField::Kind => Some(self.kind.key()),
            ChoiceField::Origin => self.carriers.origin.map(Origin::key),
            ChoiceField::SponsorStatus => self.carriers.sponsor_status.map(SponsorStatus::key),
            ChoiceField::Superior => self.carriers.superior.map(SuperiorStatus::key),
            ChoiceField::Mode => self.launch.mode.map(MeetingMode::key),
        }
    }

    /// Sets a choice field by key; `None` clears it (except `Kind`, which cannot be cleared); an unknown key is ignored.
    pub fn set_choice(&mut self, f: ChoiceField, key: Option<&str>, now: f64) {
        let before = self.choice(f);
        match (f, key) {
            (ChoiceField::Kind, Some(k)) => {
                if let Some(v) = CommunityKind::from_key(k) {
                    self.kind = v;
                }
            }
            (ChoiceField::Kind, None) => {}
            (ChoiceField::Origin, k) => set_opt(&mut self.carriers.origin, k, Origin::from_key),
            (ChoiceField::SponsorStatus, k) => set_opt(
                &mut self.carriers.sponsor_status,
                k,
                SponsorStatus::from_key,
            ),
            (ChoiceField::Superior, k) => {
                set_opt(&mut self.carriers.superior, k, SuperiorStatus::from_key)
            }
            (ChoiceField::Mode, k) => set_opt(&mut self.launch.mode, k, MeetingMode::from_key),
        }
        if self.choice(f) != before {
            self.touch(now);
        }
    }

    /// Whether the check box `key` of a flag set is ticked (unknown keys are never ticked).
    pub fn flag(&self, s: FlagSet, key: &str) -> bool {
        match s {
            FlagSet::Problems => {
                Problem::from_key(key).is_some_and(|p| self.purpose.problems.contains(&p))
            }
            FlagSet::Benefits => {
                Benefit::from_key(key).is_some_and(|b| self.joining.benefits.contains(&b))
            }
        }
    }

    /// The ticked keys of a flag set, in display order.
    pub fn flags(&self, s: FlagSet) -> Vec<&'static str> {
        match s {
            FlagSet::Problems => self.purpose.problems.iter().map(|p| p.key()).collect(),
            FlagSet::Benefits => self.joining.benefits.iter().map(|b| b.key()).collect(),
        }
    }

    /// Ticks or unticks the check box `key`; an unknown key is ignored.
    pub fn toggle_flag(&mut self, s: FlagSet, key: &str, now: f64) {
        let changed = match s {
            FlagSet::Problems => match Problem::from_key(key) {
                Some(p) => toggle(&mut self.purpose.problems, p),
                None => false,
            },
            FlagSet::Benefits => match Benefit::from_key(key) {
                Some(b) => toggle(&mut self.joining.benefits, b),
                None => false,
            },
        };
        if changed {
            self.touch(now);
        }
    }

    /// Takes one part from `from`: its value, or with `both`, what this
    /// charter has plus what `from` adds (notes whose text or author is new,
    /// rows whose content is new, ticked boxes); `both` keeps this charter's
    /// text and choice. Ids are not checked here: run `ensure_unique_ids` after.
    pub fn take_part(&mut self, from: &Charter, kind: PartKind, both: bool, now: f64) {
        match kind {
            PartKind::Text { field, .. } | PartKind::Date(field) if !both => {
                self.set_text(field, from.text(field).to_string(), now)
            }
            PartKind::Choice(f) if !both => self.set_choice(f, from.choice(f), now),
            PartKind::Text { .. } | PartKind::Date(_) | PartKind::Choice(_) => {}
            PartKind::Flags(s) => {
                for key in from.flags(s) {
                    if !self.flag(s, key) {
                        self.toggle_flag(s, key, now);
                    }
                }
                if !both {
                    for key in self.flags(s) {
                        if !from.flag(s, key) {
                            self.toggle_flag(s, key, now);
                        }
                    }
                }
            }
            PartKind::Notes(l) => {
                let theirs = from.list(l);
                let mine = self.list_mut(l);
                if both {
                    // What the comparison shows of a note: its text and author.
                    let shown = |n: &Note| (n.text.trim().to_string(), n.author.trim().to_string());
                    let known: HashSet<(String, String)> = mine.iter().map(shown).collect();
                    mine.extend(
                        theirs
                            .iter()
                            .filter(|n| filled(&n.text) && !known.contains(&shown(n)))
                            .cloned(),
                    );
                } else {
                    mine.clone_from(theirs);
                }
                self.touch(now);
            }
            PartKind::Records(r) => {
                self.table_mut(r).take(from.table(r), both);
                self.touch(now);
            }
        }
    }

    /// Whether any part of the charter holds fields this build does not know.
    pub fn has_newer_fields(&self) -> bool {
        !(self.extra.is_empty()
            && self.carriers.extra.is_empty()
            && self.purpose.extra.is_empty()
            && self.joining.extra.is_empty()
            && self.distinction.extra.is_empty()
            && self.launch.extra.is_empty())
            || ListId::ALL
                .iter()
                .any(|&l| self.notes(l).iter().any(|n| !n.extra.is_empty()))
            || RecordList::ALL
                .iter()
                .any(|&r| self.rows_have_newer_fields(r))
    }

    /// Gives every note and row a new id from `fresh`, in charter order.
    pub fn renumber_items(&mut self, fresh: &mut dyn FnMut() -> String) {
        for l in ListId::ALL {
            for note in self.list_mut(l) {
                note.id = fresh();
            }
        }
        for r in RecordList::ALL {
            for id in self.table_mut(r).ids_mut() {
                *id = fresh();
            }
        }
    }

    /// How many notes the charter holds, in all lists.
    pub fn note_count(&self) -> usize {
        ListId::ALL.iter().map(|&l| self.list(l).len()).sum()
    }

    /// Every note and row id, in charter order.
    pub fn item_ids(&self) -> Vec<String> {
        let mut all: Vec<String> = ListId::ALL
            .iter()
            .flat_map(|&l| self.notes(l).iter().map(|n| n.id.clone()))
            .collect();
        for r in RecordList::ALL {
            all.extend(self.record_ids(r));
        }
        all
    }

    /// Gives a fresh id (from `fresh`) to every note or record whose id is
    /// empty or already used earlier; first occurrences keep theirs.
    pub fn ensure_unique_ids(&mut self, fresh: &mut dyn FnMut() -> String) {
        let taken: HashSet<String> = self.item_ids().into_iter().collect();
        let mut seen: HashSet<String> = HashSet::new();
        // A misbehaving generator must not loop forever: after many tries take what it gives.
        let mut next = |seen: &HashSet<String>| {
            let mut candidate = fresh();
            for _ in 0..1000 {
                if !candidate.is_empty()
                    && !seen.contains(&candidate)
                    && !taken.contains(&candidate)
                {
                    break;
                }
                candidate = fresh();
            }
            candidate
        };
        for l in ListId::ALL {
            for note in self.list_mut(l) {
                if note.id.is_empty() || seen.contains(&note.id) {
                    note.id = next(&seen);
                }
                seen.insert(note.id.clone());
            }
        }
        for r in RecordList::ALL {
            for id in self.table_mut(r).ids_mut() {
                if id.is_empty() || seen.contains(id.as_str()) {
                    *id = next(&seen);
                }
                seen.insert(id.clone());
            }
        }
    }
}

/// Sets an optional choice from an optional key: `None` clears, an unknown key changes nothing.
fn set_opt<T>(slot: &mut Option<T>, key: Option<&str>, from_key: fn(&str) -> Option<T>) {
    match key {
        None => *slot = None,
        Some(k) => {
            if let Some(v) = from_key(k) {
                *slot = Some(v);
            }
        }
    }
}

/// Adds the value if absent, removes it if present; always true (something changed).
fn toggle<T: Ord>(set: &mut BTreeSet<T>, v: T) -> bool {
    if !set.remove(&v) {
        set.insert(v);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::notes::tests::with_notes;
    use crate::charter::*;

    #[test]
    fn new_charter_is_empty_in_the_given_language() {
        let c = Charter::new("x".into(), Lang::En, 42.0);
        assert_eq!(c.id, "x");
        assert_eq!(c.title, "");
        assert_eq!(c.content_lang, Lang::En);
        assert_eq!(c.kind, CommunityKind::Cop);
        assert_eq!((c.created_at, c.updated_at), (42.0, 42.0));
        assert_eq!(c.note_count(), 0);
        assert_eq!(c.choice(ChoiceField::Origin), None);
        assert_eq!(c.choice(ChoiceField::Kind), Some("cop"));
    }

    #[test]
    fn texts_are_set_and_read_per_field() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        for (i, f) in TextField::ALL.iter().enumerate() {
            c.set_text(*f, format!("v{i}"), 10.0 + i as f64);
        }
        for (i, f) in TextField::ALL.iter().enumerate() {
            assert_eq!(c.text(*f), format!("v{i}"));
        }
        assert_eq!(c.purpose.mission, "v3");
        let last = 10.0 + (TextField::ALL.len() - 1) as f64;
        assert_eq!(c.updated_at, last);
        c.set_text(TextField::Mission, "v3".into(), 99.0);
        assert_eq!(c.updated_at, last, "an unchanged value is not a change");
    }

    #[test]
    fn choices_accept_known_keys_only() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        c.set_choice(ChoiceField::Origin, Some("steered"), 1.0);
        assert_eq!(c.carriers.origin, Some(Origin::Steered));
        assert_eq!(c.updated_at, 1.0);
        c.set_choice(ChoiceField::Origin, Some("bogus"), 2.0);
        assert_eq!(c.choice(ChoiceField::Origin), Some("steered"));
        assert_eq!(c.updated_at, 1.0);
        c.set_choice(ChoiceField::Origin, None, 3.0);
        assert_eq!(c.choice(ChoiceField::Origin), None);

        c.set_choice(ChoiceField::SponsorStatus, Some("committed"), 4.0);
        assert_eq!(c.carriers.sponsor_status, Some(SponsorStatus::Committed));
        c.set_choice(ChoiceField::Superior, Some("supports"), 4.0);
        assert_eq!(c.choice(ChoiceField::Superior), Some("supports"));

        c.set_choice(ChoiceField::Kind, Some("networked_cop"), 5.0);
        assert_eq!(c.kind, CommunityKind::NetworkedCop);
        c.set_choice(ChoiceField::Kind, None, 6.0);
        assert_eq!(c.choice(ChoiceField::Kind), Some("networked_cop"));
        c.set_choice(ChoiceField::Kind, Some("nope"), 6.0);
        assert_eq!(c.kind, CommunityKind::NetworkedCop);
    }

    #[test]
    fn flags_toggle_and_ignore_unknown_keys() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        assert!(!c.flag(FlagSet::Problems, "break_isolation"));
        c.toggle_flag(FlagSet::Problems, "break_isolation", 1.0);
        c.toggle_flag(FlagSet::Problems, "collaborate_create", 1.0);
        assert!(c.flag(FlagSet::Problems, "break_isolation"));
        assert_eq!(
            c.flags(FlagSet::Problems),
            vec!["collaborate_create", "break_isolation"]
        );
        c.toggle_flag(FlagSet::Problems, "break_isolation", 2.0);
        assert!(!c.flag(FlagSet::Problems, "break_isolation"));
        c.toggle_flag(FlagSet::Benefits, "recognition", 3.0);
        assert!(c.flag(FlagSet::Benefits, "recognition"));
        assert!(!c.flag(FlagSet::Problems, "recognition"));
        c.toggle_flag(FlagSet::Benefits, "fame", 9.0);
        assert_eq!(c.updated_at, 3.0);
        assert!(!c.flag(FlagSet::Benefits, "fame"));
    }

    #[test]
    fn missing_parts_deserialise_with_defaults() {
        let json = r#"{"id":"z","title":"Labo","purpose":{"mission":"M","goals":[{"id":"g","text":"G"}]}}"#;
        let c: Charter = serde_json::from_str(json).unwrap();
        assert_eq!(c.title, "Labo");
        assert_eq!(c.content_lang, Lang::Fr);
        assert_eq!(c.kind, CommunityKind::Cop);
        assert_eq!(c.purpose.mission, "M");
        assert_eq!(c.notes(ListId::Goals)[0].text, "G");
        assert_eq!(c.notes(ListId::Goals)[0].author, "");
        assert_eq!(c.carriers, Carriers::default());
        assert_eq!(c.joining, Joining::default());
        assert_eq!(c.distinction, Distinction::default());
        let empty: Charter = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, Charter::default());
    }

    #[test]
    fn unknown_choice_values_load_as_unanswered() {
        let json = r#"{"kind":"mega","content_lang":"de",
            "carriers":{"origin":"alien","sponsor_status":"committed",
              "resources":[{"id":"r","kind":"yacht","status":"granted","detail":"d"}]},
            "purpose":{"problems":["break_isolation","world_peace",3]}}"#;
        let c: Charter = serde_json::from_str(json).unwrap();
        assert_eq!(c.kind, CommunityKind::Cop);
        assert_eq!(c.content_lang, Lang::Fr);
        assert_eq!(c.carriers.origin, None);
        assert_eq!(c.carriers.sponsor_status, Some(SponsorStatus::Committed));
        assert_eq!(c.carriers.resources[0].kind, None);
        assert_eq!(
            c.carriers.resources[0].status,
            Some(ResourceStatus::Granted)
        );
        assert_eq!(c.flags(FlagSet::Problems), vec!["break_isolation"]);
    }

    #[test]
    fn json_round_trip_keeps_everything() {
        let mut c = with_notes();
        c.set_choice(ChoiceField::Superior, Some("informed"), 1.0);
        c.toggle_flag(FlagSet::Benefits, "belonging", 1.0);
        c.add_record(RecordList::Resources, "r".into(), 1.0);
        c.set_record_value(RecordList::Resources, "r", "kind", "money".into(), 1.0);
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"superior\":\"informed\""));
        assert!(json.contains("\"benefits\":[\"belonging\"]"));
        let back: Charter = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn ensure_unique_ids_fixes_duplicates_and_blanks() {
        let mut c = with_notes();
        c.add_note(ListId::Core, "a".into(), "dup".into(), 1.0);
        c.add_note(ListId::Core, String::new(), "blank".into(), 1.0);
        c.add_record(RecordList::Instigators, "b".into(), 1.0);
        c.add_record(RecordList::Neighbours, "x".into(), 1.0);
        c.add_record(RecordList::Neighbours, "x".into(), 1.0);
        let mut n = 0;
        // The generator first proposes ids that are already taken.
        let mut fresh = || {
            n += 1;
            match n {
                1 => "a".to_string(),
                2 => "t".to_string(),
                _ => format!("f{n}"),
            }
        };
        c.ensure_unique_ids(&mut fresh);
        let all = c.item_ids();
        let unique: HashSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "{all:?}");
        assert!(all.iter().all(|i| !i.is_empty()));
        // First occurrences keep their id.
        assert_eq!(c.find_note("a"), Some((ListId::Goals, 0)));
        assert_eq!(c.find_note("b"), Some((ListId::Goals, 1)));
        assert_eq!(c.record_ids(RecordList::Neighbours)[0], "x");
        assert_eq!(c.notes(ListId::Core)[0].text, "dup");
        assert_ne!(c.notes(ListId::Core)[0].id, "a");
    }

    #[test]
    fn ensure_unique_ids_leaves_unique_ids_alone() {
        let mut c = with_notes();
        let before = c.clone();
        let mut fresh = || "never".to_string();
        c.ensure_unique_ids(&mut fresh);
        assert_eq!(c, before);
    }
}
