//! The charter itself: what a group fills in while answering the four questions.
//!
//! Every struct has `#[serde(default)]` so that a saved charter missing whole
//! parts (older version, hand-edited file) still loads; choice values that are
//! not recognised load as "not answered" instead of failing the whole file.

use std::collections::{BTreeSet, HashSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use super::questions::PartKind;
use super::text::Lang;

/// Declares a closed set of choices stored as snake_case keys.
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $key:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable key stored in JSON and used by the interface.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// The value for a key, `None` if the key is unknown.
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

keyed_enum! {
    /// Whether the community is a plain CoP or a networked CoP (CoPeR).
    #[derive(Default)]
    CommunityKind {
        /// A community of practice.
        #[default]
        Cop = "cop",
        /// A community of practice that also works through a digital platform (CoPeR).
        NetworkedCop = "networked_cop",
    }
}

keyed_enum! {
    /// How the community came about.
    Origin {
        /// Grassroots: the idea comes from the field.
        Spontaneous = "spontaneous",
        /// Set up and steered from within an organisation.
        Steered = "steered",
    }
}

keyed_enum! {
    /// Where the sponsor (parrain, marraine) stands.
    SponsorStatus {
        /// No sponsor yet.
        NoneYet = "none_yet",
        /// Someone has been approached.
        Approached = "approached",
        /// A sponsor has committed to backing the community.
        Committed = "committed",
    }
}

keyed_enum! {
    /// Whether the direct superior knows about the project.
    SuperiorStatus {
        /// Not told yet.
        NotYet = "not_yet",
        /// Informed.
        Informed = "informed",
        /// Informed and supportive.
        Supports = "supports",
    }
}

keyed_enum! {
    /// The problems and motives that bring members together.
    Problem {
        /// A space to collaborate and create.
        CollaborateCreate = "collaborate_create",
        /// Breaking isolation.
        BreakIsolation = "break_isolation",
        /// Access to digital tools and resources.
        DigitalTools = "digital_tools",
        /// Making practices evolve.
        EvolvePractices = "evolve_practices",
        /// Updating and deepening knowledge.
        UpdateKnowledge = "update_knowledge",
        /// Moving projects forward.
        AdvanceProjects = "advance_projects",
    }
}

keyed_enum! {
    /// What an individual member gains by joining.
    Benefit {
        /// A sense of belonging.
        Belonging = "belonging",
        /// Professional identity.
        ProfessionalIdentity = "professional_identity",
        /// Meaning and motivation at work.
        MeaningMotivation = "meaning_motivation",
        /// Recognition of competence.
        Recognition = "recognition",
    }
}

keyed_enum! {
    /// The kind of a resource the community needs.
    ResourceKind {
        /// Released time for members.
        ReleasedTime = "released_time",
        /// A digital platform.
        DigitalPlatform = "digital_platform",
        /// People (support staff, resource people).
        People = "people",
        /// Money.
        Money = "money",
        /// IT support or equipment.
        It = "it",
        /// Anything else.
        Other = "other",
    }
}

keyed_enum! {
    /// Where a resource request stands.
    ResourceStatus {
        /// Needed, not asked for yet.
        Needed = "needed",
        /// Asked for.
        Requested = "requested",
        /// Granted.
        Granted = "granted",
    }
}

keyed_enum! {
    /// The kind of an agreement to reach.
    AgreementKind {
        /// The time each person may give, given their duties.
        TimeGiven = "time_given",
        /// An agreement with union representatives.
        UnionReps = "union_reps",
        /// Anything else.
        Other = "other",
    }
}

keyed_enum! {
    /// How the community means to relate to a neighbouring one.
    Relation {
        /// Join it rather than duplicate it.
        Join = "join",
        /// Work in partnership with it.
        Partner = "partner",
        /// Stay distinct from it.
        Distinct = "distinct",
    }
}

/// Deserialises any value leniently: a wrong or unknown value gives the default.
fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let v = serde_json::Value::deserialize(d)?;
    Ok(T::deserialize(v).unwrap_or_default())
}

/// Deserialises a set leniently: unknown elements are dropped, a non-list gives an empty set.
fn lenient_set<'de, D, T>(d: D) -> Result<BTreeSet<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Ord,
{
    let v = serde_json::Value::deserialize(d)?;
    let items = match v {
        serde_json::Value::Array(items) => items,
        _ => Vec::new(),
    };
    Ok(items
        .into_iter()
        .filter_map(|i| T::deserialize(i).ok())
        .collect())
}

/// The fields of a charter's JSON that hold the four questions, in order.
pub const QUESTION_FIELDS: [&str; 4] = ["carriers", "purpose", "joining", "distinction"];

/// Fields this build does not know (written by a newer one), in any struct
/// of the charter: kept as they came, so that saving here does not lose them.
pub type Extra = serde_json::Map<String, serde_json::Value>;

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

/// A person who had the idea and carries the project.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Instigator {
    /// Unique id, given by the caller.
    pub id: String,
    /// The person's name.
    pub name: String,
    /// Their role (job, school).
    pub role: String,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// A resource the community needs, and where the request stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resource {
    /// Unique id, given by the caller.
    pub id: String,
    /// What kind of resource.
    #[serde(deserialize_with = "lenient")]
    pub kind: Option<ResourceKind>,
    /// Where the request stands.
    #[serde(deserialize_with = "lenient")]
    pub status: Option<ResourceStatus>,
    /// Free details.
    pub detail: String,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// An agreement the community must reach (time, union, other).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agreement {
    /// Unique id, given by the caller.
    pub id: String,
    /// What kind of agreement.
    #[serde(deserialize_with = "lenient")]
    pub kind: Option<AgreementKind>,
    /// Free details.
    pub detail: String,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

/// A neighbouring community, group or social space already in place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Neighbour {
    /// Unique id, given by the caller.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Who it is for.
    pub audience: String,
    /// Where it meets or lives online.
    pub place: String,
    /// How this community means to relate to it.
    #[serde(deserialize_with = "lenient")]
    pub relation: Option<Relation>,
    /// Why that relation.
    pub why: String,
    /// See [`Extra`].
    #[serde(flatten)]
    pub extra: Extra,
}

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
}

impl TextField {
    /// Every text field.
    pub const ALL: [TextField; 6] = [
        TextField::SponsorName,
        TextField::SponsorRole,
        TextField::SharedPractice,
        TextField::Mission,
        TextField::Vision,
        TextField::Distinctiveness,
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
}

impl ChoiceField {
    /// Every choice field.
    pub const ALL: [ChoiceField; 4] = [
        ChoiceField::Kind,
        ChoiceField::Origin,
        ChoiceField::SponsorStatus,
        ChoiceField::Superior,
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
}

impl ListId {
    /// Every list, in question order.
    pub const ALL: [ListId; 20] = [
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
        ListId::PathExplore,
        ListId::PathContribute,
        ListId::PathCodevelop,
        ListId::Artefacts,
        ListId::SocialNetworks,
        ListId::WorkingGroups,
        ListId::Experts,
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
            ListId::PathExplore => "path_explore",
            ListId::PathContribute => "path_contribute",
            ListId::PathCodevelop => "path_codevelop",
            ListId::Artefacts => "artefacts",
            ListId::SocialNetworks => "social_networks",
            ListId::WorkingGroups => "working_groups",
            ListId::Experts => "experts",
        }
    }

    /// The list with this slug, if any.
    pub fn from_slug(slug: &str) -> Option<ListId> {
        ListId::ALL.iter().copied().find(|l| l.slug() == slug)
    }
}

/// A table of records (rows with named columns) of the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordList {
    /// Instigators: name, role.
    Instigators,
    /// Resources: kind, status, detail.
    Resources,
    /// Agreements: kind, detail.
    Agreements,
    /// Neighbouring communities: name, audience, place, relation, why.
    Neighbours,
}

impl RecordList {
    /// Every record table.
    pub const ALL: [RecordList; 4] = [
        RecordList::Instigators,
        RecordList::Resources,
        RecordList::Agreements,
        RecordList::Neighbours,
    ];

    /// A stable snake_case name, e.g. `"instigators"`, usable in DOM ids.
    pub fn slug(self) -> &'static str {
        match self {
            RecordList::Instigators => "instigators",
            RecordList::Resources => "resources",
            RecordList::Agreements => "agreements",
            RecordList::Neighbours => "neighbours",
        }
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

/// One row of a record table, accessed by column key.
trait Row {
    /// A blank row with this id.
    fn blank(id: String) -> Self
    where
        Self: Sized;
    /// The row's id.
    fn id(&self) -> &str;
    /// The row's id, mutable.
    fn id_mut(&mut self) -> &mut String;
    /// The value of a column (choice columns give their key or ""), `None` for an unknown column.
    fn get(&self, column: &str) -> Option<String>;
    /// Sets a column; false for an unknown column or an unknown choice key.
    fn set(&mut self, column: &str, v: String) -> bool;
    /// Whether any column holds something.
    fn has_content(&self) -> bool;
}

/// Replaces `mine` with `theirs`, or with `both` adds the rows of `theirs`
/// whose content (all but the id) is not already in `mine`.
fn take_rows<T: Row + Clone + PartialEq>(mine: &mut Vec<T>, theirs: &[T], both: bool) {
    if !both {
        mine.clear();
        mine.extend_from_slice(theirs);
        return;
    }
    let without_id = |r: &T| {
        let mut r = r.clone();
        r.id_mut().clear();
        r
    };
    let known: Vec<T> = mine.iter().map(without_id).collect();
    let new: Vec<T> = theirs
        .iter()
        .filter(|r| r.has_content() && !known.contains(&without_id(r)))
        .cloned()
        .collect();
    mine.extend(new);
}

/// Sets a choice column: "" clears it, a known key sets it, anything else is refused.
fn set_key<T: Copy>(slot: &mut Option<T>, v: &str, from_key: fn(&str) -> Option<T>) -> bool {
    let v = v.trim();
    if v.is_empty() {
        *slot = None;
        return true;
    }
    match from_key(v) {
        Some(k) => {
            *slot = Some(k);
            true
        }
        None => false,
    }
}

/// Whether a string holds more than blanks.
pub(super) fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Row for Instigator {
    fn blank(id: String) -> Self {
        Instigator {
            id,
            ..Default::default()
        }
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn get(&self, column: &str) -> Option<String> {
        match column {
            "name" => Some(self.name.clone()),
            "role" => Some(self.role.clone()),
            _ => None,
        }
    }
    fn set(&mut self, column: &str, v: String) -> bool {
        match column {
            "name" => self.name = v,
            "role" => self.role = v,
            _ => return false,
        }
        true
    }
    fn has_content(&self) -> bool {
        filled(&self.name) || filled(&self.role)
    }
}

impl Row for Resource {
    fn blank(id: String) -> Self {
        Resource {
            id,
            ..Default::default()
        }
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn get(&self, column: &str) -> Option<String> {
        match column {
            "kind" => Some(self.kind.map(|k| k.key()).unwrap_or("").to_string()),
            "status" => Some(self.status.map(|k| k.key()).unwrap_or("").to_string()),
            "detail" => Some(self.detail.clone()),
            _ => None,
        }
    }
    fn set(&mut self, column: &str, v: String) -> bool {
        match column {
            "kind" => set_key(&mut self.kind, &v, ResourceKind::from_key),
            "status" => set_key(&mut self.status, &v, ResourceStatus::from_key),
            "detail" => {
                self.detail = v;
                true
            }
            _ => false,
        }
    }
    fn has_content(&self) -> bool {
        self.kind.is_some() || self.status.is_some() || filled(&self.detail)
    }
}

impl Row for Agreement {
    fn blank(id: String) -> Self {
        Agreement {
            id,
            ..Default::default()
        }
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn get(&self, column: &str) -> Option<String> {
        match column {
            "kind" => Some(self.kind.map(|k| k.key()).unwrap_or("").to_string()),
            "detail" => Some(self.detail.clone()),
            _ => None,
        }
    }
    fn set(&mut self, column: &str, v: String) -> bool {
        match column {
            "kind" => set_key(&mut self.kind, &v, AgreementKind::from_key),
            "detail" => {
                self.detail = v;
                true
            }
            _ => false,
        }
    }
    fn has_content(&self) -> bool {
        self.kind.is_some() || filled(&self.detail)
    }
}

impl Row for Neighbour {
    fn blank(id: String) -> Self {
        Neighbour {
            id,
            ..Default::default()
        }
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn get(&self, column: &str) -> Option<String> {
        match column {
            "name" => Some(self.name.clone()),
            "audience" => Some(self.audience.clone()),
            "place" => Some(self.place.clone()),
            "relation" => Some(self.relation.map(|k| k.key()).unwrap_or("").to_string()),
            "why" => Some(self.why.clone()),
            _ => None,
        }
    }
    fn set(&mut self, column: &str, v: String) -> bool {
        match column {
            "name" => self.name = v,
            "audience" => self.audience = v,
            "place" => self.place = v,
            "relation" => return set_key(&mut self.relation, &v, Relation::from_key),
            "why" => self.why = v,
            _ => return false,
        }
        true
    }
    fn has_content(&self) -> bool {
        filled(&self.name)
            || filled(&self.audience)
            || filled(&self.place)
            || self.relation.is_some()
            || filled(&self.why)
    }
}

/// A record table seen without its row type.
trait Table {
    /// Ids of the rows, in order.
    fn ids(&self) -> Vec<String>;
    /// A cell, `None` if the row or column is unknown.
    fn cell(&self, id: &str, column: &str) -> Option<String>;
    /// Sets a cell; false if the row, column or choice key is unknown.
    fn set_cell(&mut self, id: &str, column: &str, v: String) -> bool;
    /// Appends a blank row.
    fn push_blank(&mut self, id: String);
    /// Removes a row; false if unknown.
    fn remove(&mut self, id: &str) -> bool;
    /// Whether any row holds something.
    fn any_content(&self) -> bool;
    /// The rows' ids, mutable.
    fn ids_mut(&mut self) -> Vec<&mut String>;
}

impl<T: Row> Table for Vec<T> {
    fn ids(&self) -> Vec<String> {
        self.iter().map(|r| r.id().to_string()).collect()
    }
    fn cell(&self, id: &str, column: &str) -> Option<String> {
        self.iter().find(|r| r.id() == id)?.get(column)
    }
    fn set_cell(&mut self, id: &str, column: &str, v: String) -> bool {
        match self.iter_mut().find(|r| r.id() == id) {
            Some(r) => r.set(column, v),
            None => false,
        }
    }
    fn push_blank(&mut self, id: String) {
        self.push(T::blank(id));
    }
    fn remove(&mut self, id: &str) -> bool {
        match self.iter().position(|r| r.id() == id) {
            Some(i) => {
                self.remove(i);
                true
            }
            None => false,
        }
    }
    fn any_content(&self) -> bool {
        self.iter().any(|r| r.has_content())
    }
    fn ids_mut(&mut self) -> Vec<&mut String> {
        self.iter_mut().map(|r| r.id_mut()).collect()
    }
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
            PartKind::Text { field, .. } if !both => {
                self.set_text(field, from.text(field).to_string(), now)
            }
            PartKind::Choice(f) if !both => self.set_choice(f, from.choice(f), now),
            PartKind::Text { .. } | PartKind::Choice(_) => {}
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
                match r {
                    RecordList::Instigators => take_rows(
                        &mut self.carriers.instigators,
                        &from.carriers.instigators,
                        both,
                    ),
                    RecordList::Resources => {
                        take_rows(&mut self.carriers.resources, &from.carriers.resources, both)
                    }
                    RecordList::Agreements => take_rows(
                        &mut self.carriers.agreements,
                        &from.carriers.agreements,
                        both,
                    ),
                    RecordList::Neighbours => take_rows(
                        &mut self.distinction.neighbours,
                        &from.distinction.neighbours,
                        both,
                    ),
                }
                self.touch(now);
            }
        }
    }

    /// The notes of a list, in order.
    pub fn notes(&self, l: ListId) -> &[Note] {
        self.list(l)
    }

    /// The notes of a list, in order (owned vector, for internal use).
    fn list(&self, l: ListId) -> &Vec<Note> {
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
            ListId::PathExplore => &self.joining.path_explore,
            ListId::PathContribute => &self.joining.path_contribute,
            ListId::PathCodevelop => &self.joining.path_codevelop,
            ListId::Artefacts => &self.joining.artefacts,
            ListId::SocialNetworks => &self.distinction.social_networks,
            ListId::WorkingGroups => &self.distinction.working_groups,
            ListId::Experts => &self.distinction.experts,
        }
    }

    /// The notes of a list, mutable.
    fn list_mut(&mut self, l: ListId) -> &mut Vec<Note> {
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
            ListId::PathExplore => &mut self.joining.path_explore,
            ListId::PathContribute => &mut self.joining.path_contribute,
            ListId::PathCodevelop => &mut self.joining.path_codevelop,
            ListId::Artefacts => &mut self.joining.artefacts,
            ListId::SocialNetworks => &mut self.distinction.social_networks,
            ListId::WorkingGroups => &mut self.distinction.working_groups,
            ListId::Experts => &mut self.distinction.experts,
        }
    }

    /// Whether a list holds at least one note with some text (blank cards do not count).
    pub fn has_notes(&self, l: ListId) -> bool {
        self.list(l).iter().any(|n| filled(&n.text))
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

    /// A record table seen without its row type.
    fn table(&self, r: RecordList) -> &dyn Table {
        match r {
            RecordList::Instigators => &self.carriers.instigators,
            RecordList::Resources => &self.carriers.resources,
            RecordList::Agreements => &self.carriers.agreements,
            RecordList::Neighbours => &self.distinction.neighbours,
        }
    }

    /// A record table, mutable.
    fn table_mut(&mut self, r: RecordList) -> &mut dyn Table {
        match r {
            RecordList::Instigators => &mut self.carriers.instigators,
            RecordList::Resources => &mut self.carriers.resources,
            RecordList::Agreements => &mut self.carriers.agreements,
            RecordList::Neighbours => &mut self.distinction.neighbours,
        }
    }

    /// The ids of a table's rows, in order.
    pub fn record_ids(&self, r: RecordList) -> Vec<String> {
        self.table(r).ids()
    }

    /// Whether any row of a table holds something (blank rows do not count).
    pub fn has_records(&self, r: RecordList) -> bool {
        self.table(r).any_content()
    }

    /// A cell's value; choice columns give their key or ""; "" also for an unknown row or column.
    pub fn record_value(&self, r: RecordList, id: &str, column: &str) -> String {
        self.table(r).cell(id, column).unwrap_or_default()
    }

    /// Sets a cell; choice columns take a known key or "" (to clear); false if the row, column or key is unknown.
    pub fn set_record_value(
        &mut self,
        r: RecordList,
        id: &str,
        column: &str,
        v: String,
        now: f64,
    ) -> bool {
        let before = self.table(r).cell(id, column);
        let ok = self.table_mut(r).set_cell(id, column, v);
        if ok && self.table(r).cell(id, column) != before {
            self.touch(now);
        }
        ok
    }

    /// Appends a blank row; the caller gives a fresh id.
    pub fn add_record(&mut self, r: RecordList, id: String, now: f64) {
        self.table_mut(r).push_blank(id);
        self.touch(now);
    }

    /// Removes a row; false if no row has this id.
    pub fn delete_record(&mut self, r: RecordList, id: &str, now: f64) -> bool {
        let ok = self.table_mut(r).remove(id);
        if ok {
            self.touch(now);
        }
        ok
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

    /// Gives a fresh id (from `fresh`) to every note or record whose id is empty or already used earlier; first occurrences keep theirs.
    pub fn ensure_unique_ids(&mut self, fresh: &mut dyn FnMut() -> String) {
        let mut ids: Vec<&mut String> = Vec::new();
        let Charter {
            carriers,
            purpose,
            joining,
            distinction,
            ..
        } = self;
        for l in [
            &mut carriers.key_people,
            &mut purpose.members,
            &mut purpose.other_problems,
            &mut purpose.goals,
            &mut purpose.beneficiaries,
            &mut purpose.knowledge,
            &mut purpose.priorities,
            &mut purpose.rules,
            &mut purpose.themes,
            &mut joining.other_benefits,
            &mut joining.core,
            &mut joining.active,
            &mut joining.peripheral,
            &mut joining.path_explore,
            &mut joining.path_contribute,
            &mut joining.path_codevelop,
            &mut joining.artefacts,
            &mut distinction.social_networks,
            &mut distinction.working_groups,
            &mut distinction.experts,
        ] {
            ids.extend(l.iter_mut().map(|n| &mut n.id));
        }
        ids.extend(carriers.instigators.ids_mut());
        ids.extend(carriers.resources.ids_mut());
        ids.extend(carriers.agreements.ids_mut());
        ids.extend(distinction.neighbours.ids_mut());

        let taken: HashSet<String> = ids.iter().map(|s| s.to_string()).collect();
        let mut seen: HashSet<String> = HashSet::new();
        for id in ids {
            if !id.is_empty() && !seen.contains(id.as_str()) {
                seen.insert(id.clone());
                continue;
            }
            // A misbehaving generator must not loop forever: after many tries take what it gives.
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
            seen.insert(candidate.clone());
            *id = candidate;
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

    fn ids(c: &Charter, l: ListId) -> Vec<&str> {
        c.notes(l).iter().map(|n| n.id.as_str()).collect()
    }

    fn with_notes() -> Charter {
        let mut c = Charter::new("c".into(), Lang::Fr, 1.0);
        c.add_note(ListId::Goals, "a".into(), "A".into(), 2.0);
        c.add_note(ListId::Goals, "b".into(), "B".into(), 3.0);
        c.add_note(ListId::Goals, "c".into(), "C".into(), 4.0);
        c.add_note(ListId::Themes, "t".into(), "T".into(), 5.0);
        c
    }

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
    fn enum_keys_match_their_json_form() {
        fn check<T: Serialize>(v: T, key: &str) {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{key}\""));
        }
        for &v in CommunityKind::ALL {
            check(v, v.key());
        }
        for &v in Origin::ALL {
            check(v, v.key());
        }
        for &v in SponsorStatus::ALL {
            check(v, v.key());
        }
        for &v in SuperiorStatus::ALL {
            check(v, v.key());
        }
        for &v in Problem::ALL {
            check(v, v.key());
        }
        for &v in Benefit::ALL {
            check(v, v.key());
        }
        for &v in ResourceKind::ALL {
            check(v, v.key());
        }
        for &v in ResourceStatus::ALL {
            check(v, v.key());
        }
        for &v in AgreementKind::ALL {
            check(v, v.key());
        }
        for &v in Relation::ALL {
            check(v, v.key());
        }
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
        assert_eq!(c.note_count(), 20);
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
        assert_eq!(c.updated_at, 15.0);
        c.set_text(TextField::Mission, "v3".into(), 99.0);
        assert_eq!(c.updated_at, 15.0, "an unchanged value is not a change");
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

    #[test]
    fn records_set_and_get_by_column() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        c.add_record(RecordList::Instigators, "i1".into(), 1.0);
        c.add_record(RecordList::Instigators, "i2".into(), 1.0);
        assert_eq!(c.record_ids(RecordList::Instigators), vec!["i1", "i2"]);
        assert!(!c.has_records(RecordList::Instigators));
        assert!(c.set_record_value(RecordList::Instigators, "i2", "name", "Karim".into(), 2.0));
        assert!(c.set_record_value(RecordList::Instigators, "i2", "role", "Prof".into(), 2.0));
        assert_eq!(
            c.record_value(RecordList::Instigators, "i2", "name"),
            "Karim"
        );
        assert_eq!(c.carriers.instigators[1].role, "Prof");
        assert!(c.has_records(RecordList::Instigators));
        assert!(!c.set_record_value(RecordList::Instigators, "i2", "age", "3".into(), 3.0));
        assert!(!c.set_record_value(RecordList::Instigators, "zz", "name", "X".into(), 3.0));
        assert_eq!(c.record_value(RecordList::Instigators, "zz", "name"), "");
        assert_eq!(c.record_value(RecordList::Instigators, "i2", "age"), "");
        assert_eq!(c.updated_at, 2.0);
        // Tables are separate.
        assert!(c.record_ids(RecordList::Neighbours).is_empty());
        assert!(c.delete_record(RecordList::Instigators, "i1", 4.0));
        assert!(!c.delete_record(RecordList::Instigators, "i1", 5.0));
        assert!(!c.delete_record(RecordList::Neighbours, "i2", 5.0));
        assert_eq!(c.record_ids(RecordList::Instigators), vec!["i2"]);
    }

    #[test]
    fn choice_columns_take_known_keys_and_refuse_others() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        c.add_record(RecordList::Resources, "r".into(), 1.0);
        assert_eq!(c.record_value(RecordList::Resources, "r", "kind"), "");
        assert!(c.set_record_value(
            RecordList::Resources,
            "r",
            "kind",
            "digital_platform".into(),
            2.0
        ));
        assert_eq!(
            c.carriers.resources[0].kind,
            Some(ResourceKind::DigitalPlatform)
        );
        assert!(!c.set_record_value(RecordList::Resources, "r", "kind", "yacht".into(), 3.0));
        assert_eq!(
            c.record_value(RecordList::Resources, "r", "kind"),
            "digital_platform"
        );
        assert!(c.set_record_value(RecordList::Resources, "r", "status", "granted".into(), 3.0));
        assert_eq!(
            c.record_value(RecordList::Resources, "r", "status"),
            "granted"
        );
        assert!(c.set_record_value(RecordList::Resources, "r", "status", "".into(), 4.0));
        assert_eq!(c.carriers.resources[0].status, None);

        c.add_record(RecordList::Agreements, "a".into(), 5.0);
        assert!(c.set_record_value(
            RecordList::Agreements,
            "a",
            "kind",
            "union_reps".into(),
            6.0
        ));
        assert!(!c.set_record_value(RecordList::Agreements, "a", "kind", "money".into(), 6.0));
        assert_eq!(
            c.record_value(RecordList::Agreements, "a", "kind"),
            "union_reps"
        );

        c.add_record(RecordList::Neighbours, "n".into(), 7.0);
        for (col, v) in [
            ("name", "AESTQ"),
            ("audience", "profs"),
            ("place", "web"),
            ("why", "w"),
        ] {
            assert!(c.set_record_value(RecordList::Neighbours, "n", col, v.into(), 8.0));
            assert_eq!(c.record_value(RecordList::Neighbours, "n", col), v);
        }
        assert!(c.set_record_value(
            RecordList::Neighbours,
            "n",
            "relation",
            "partner".into(),
            8.0
        ));
        assert!(!c.set_record_value(RecordList::Neighbours, "n", "relation", "rival".into(), 8.0));
        assert_eq!(
            c.distinction.neighbours[0].relation,
            Some(Relation::Partner)
        );
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
