//! Rows: the tables of the charter (instigators, resources, agreements,
//! neighbouring communities), each row a small record edited by column key.

use std::any::Any;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::choices::{
    lenient, AgreementKind, Keyed, Relation, ResourceKind, ResourceStatus, RoleKind, ValueCycle,
};
use super::model::{filled, Charter, Extra};

/// Declares a row type: its fields, each a free text or a choice, read and
/// written by column key (the key is the field's name). Every field reads
/// leniently: a wrong value loads empty instead of costing the whole table.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$fmeta:meta])* $field:ident: $cell:ty ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct $name {
            /// Unique id, given by the caller.
            pub id: String,
            $(
                $(#[$fmeta])*
                #[serde(deserialize_with = "lenient")]
                pub $field: $cell,
            )+
            /// See [`Extra`].
            #[serde(flatten)]
            pub extra: Extra,
        }

        impl Row for $name {
            fn blank(id: String) -> Self {
                $name {
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
                    $( stringify!($field) => Some(Cell::get(&self.$field)), )+
                    _ => None,
                }
            }
            fn set(&mut self, column: &str, v: String) -> bool {
                match column {
                    $( stringify!($field) => Cell::set(&mut self.$field, v), )+
                    _ => false,
                }
            }
            fn has_content(&self) -> bool {
                false $( || Cell::filled(&self.$field) )+
            }
            fn extra_is_empty(&self) -> bool {
                self.extra.is_empty()
            }
        }
    };
}

/// What a row's field holds: a free text or a choice.
trait Cell {
    /// The value as the interface edits it (a choice gives its key or "").
    fn get(&self) -> String;
    /// Sets it; a choice takes a known key or "" (to clear), anything else is refused.
    fn set(&mut self, v: String) -> bool;
    /// Whether it holds something.
    fn filled(&self) -> bool;
}

impl Cell for String {
    fn get(&self) -> String {
        self.clone()
    }
    fn set(&mut self, v: String) -> bool {
        *self = v;
        true
    }
    fn filled(&self) -> bool {
        filled(self)
    }
}

impl<T: Keyed> Cell for Option<T> {
    fn get(&self) -> String {
        self.map(T::key).unwrap_or("").to_string()
    }
    fn set(&mut self, v: String) -> bool {
        let v = v.trim();
        if v.is_empty() {
            *self = None;
            return true;
        }
        match T::from_key(v) {
            Some(k) => {
                *self = Some(k);
                true
            }
            None => false,
        }
    }
    fn filled(&self) -> bool {
        self.is_some()
    }
}

record! {
    /// A person who had the idea and carries the project.
    Instigator {
        /// The person's name.
        name: String,
        /// Their role (job, school).
        role: String,
    }
}

record! {
    /// A resource the community needs, and where the request stands.
    Resource {
        /// What kind of resource.
        kind: Option<ResourceKind>,
        /// Where the request stands.
        status: Option<ResourceStatus>,
        /// Free details.
        detail: String,
    }
}

record! {
    /// An agreement the community must reach (time, union, other).
    Agreement {
        /// What kind of agreement.
        kind: Option<AgreementKind>,
        /// Free details.
        detail: String,
    }
}

record! {
    /// A neighbouring community, group or social space already in place.
    Neighbour {
        /// Its name.
        name: String,
        /// Who it is for.
        audience: String,
        /// Where it meets or lives online.
        place: String,
        /// How this community means to relate to it.
        relation: Option<Relation>,
        /// Why that relation.
        why: String,
    }
}

record! {
    /// Someone with a role in the life of the community.
    Role {
        /// Which role.
        kind: Option<RoleKind>,
        /// Who holds it.
        name: String,
        /// What it involves.
        duties: String,
    }
}

record! {
    /// A landmark of the school year, typed by the group (a pedagogical day,
    /// a report period, the summer): a day or a span of days.
    Landmark {
        /// What it is.
        label: String,
        /// Its first day, `YYYY-MM-DD`.
        from: String,
        /// Its last day, `YYYY-MM-DD`; empty for a single day.
        to: String,
    }
}

record! {
    /// One of the first meetings.
    Meeting {
        /// Its day, `YYYY-MM-DD`.
        date: String,
        /// Its start, `HH:MM`.
        time: String,
        /// What it is about.
        topic: String,
    }
}

record! {
    /// The value expected in one cycle, and how it will be seen.
    ValueRow {
        /// Which cycle.
        cycle: Option<ValueCycle>,
        /// What is expected.
        expected: String,
        /// The indicator that shows it.
        indicator: String,
        /// How and when it is gathered.
        gathered: String,
    }
}

record! {
    /// A tool or platform where the community talks or keeps its artefacts.
    Tool {
        /// The tool or place (a Teams team, a shared folder).
        name: String,
        /// What it is used for.
        purpose: String,
        /// Who administers it.
        admin: String,
        /// Who moderates it.
        moderator: String,
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
    /// Roles in the community's life: kind, name, duties.
    Roles,
    /// Landmarks of the school year: label, from, to.
    Landmarks,
    /// The first meetings: date, time, topic.
    Meetings,
    /// The value expected: cycle, expected, indicator, gathered.
    Value,
    /// Tools and platforms: name, purpose, admin, moderator.
    Tools,
}

impl RecordList {
    /// Every record table.
    pub const ALL: [RecordList; 9] = [
        RecordList::Instigators,
        RecordList::Resources,
        RecordList::Agreements,
        RecordList::Neighbours,
        RecordList::Roles,
        RecordList::Landmarks,
        RecordList::Meetings,
        RecordList::Value,
        RecordList::Tools,
    ];

    /// A stable snake_case name, e.g. `"instigators"`: the table's field in
    /// JSON, also usable in DOM ids.
    pub fn slug(self) -> &'static str {
        match self {
            RecordList::Instigators => "instigators",
            RecordList::Resources => "resources",
            RecordList::Agreements => "agreements",
            RecordList::Neighbours => "neighbours",
            RecordList::Roles => "roles",
            RecordList::Landmarks => "landmarks",
            RecordList::Meetings => "meetings",
            RecordList::Value => "value",
            RecordList::Tools => "tools",
        }
    }

    /// The table with this slug, if any.
    pub fn from_slug(slug: &str) -> Option<RecordList> {
        RecordList::ALL.iter().copied().find(|r| r.slug() == slug)
    }
}

/// One row of a record table, accessed by column key.
pub(super) trait Row {
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
    /// Whether the row holds no field this build does not know.
    fn extra_is_empty(&self) -> bool;
}

/// Replaces `mine` with `theirs`, or with `both` adds the rows of `theirs`
/// whose content (all but the id) is not already in `mine`.
pub(super) fn take_rows<T: Row + Clone + PartialEq>(mine: &mut Vec<T>, theirs: &[T], both: bool) {
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

/// A record table seen without its row type.
pub(super) trait Table {
    /// Ids of the rows, in order.
    fn ids(&self) -> Vec<String>;
    /// A cell, `None` if the row or column is unknown.
    fn cell(&self, id: &str, column: &str) -> Option<String>;
    /// Sets a cell; false if the row, column or choice key is unknown.
    fn set_cell(&mut self, id: &str, column: &str, v: String) -> bool;
    /// Appends a blank row.
    fn push_blank(&mut self, id: String);
    /// Whether any row holds something.
    fn any_content(&self) -> bool;
    /// The rows' ids, mutable.
    fn ids_mut(&mut self) -> Vec<&mut String>;
    /// Sets a cell of the row at `index`; false if there is none or the column or key is unknown.
    fn set_cell_at(&mut self, index: usize, column: &str, v: String) -> bool;
    /// Whether a row holds fields this build does not know.
    fn any_extra(&self) -> bool;
    /// The table as `Any`, to meet the same table of another charter.
    fn as_any(&self) -> &dyn Any;
    /// Takes `from` (the same table of another charter): its rows, or with
    /// `both` this table's plus the rows of `from` whose content is new.
    fn take(&mut self, from: &dyn Table, both: bool);
    /// Removes a row and gives back its place and its value.
    fn take_out(&mut self, id: &str) -> Option<(usize, Value)>;
    /// Puts a removed row back at `index` (clamped); false if its id is
    /// already there or the value is not a row of this table.
    fn put_back(&mut self, index: usize, row: &Value) -> bool;
    /// Every row as JSON, in order (for the three-way merge).
    fn rows_json(&self) -> Vec<Value>;
    /// Replaces every row with these (written by [`Table::rows_json`]);
    /// false, and nothing changed, if one does not read as a row.
    fn set_rows_json(&mut self, rows: &[Value]) -> bool;
}

impl<T: Row + Clone + PartialEq + Serialize + DeserializeOwned + 'static> Table for Vec<T> {
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
    fn any_content(&self) -> bool {
        self.iter().any(|r| r.has_content())
    }
    fn ids_mut(&mut self) -> Vec<&mut String> {
        self.iter_mut().map(|r| r.id_mut()).collect()
    }
    fn set_cell_at(&mut self, index: usize, column: &str, v: String) -> bool {
        self.get_mut(index).is_some_and(|r| r.set(column, v))
    }
    fn any_extra(&self) -> bool {
        self.iter().any(|r| !r.extra_is_empty())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn take(&mut self, from: &dyn Table, both: bool) {
        if let Some(theirs) = from.as_any().downcast_ref::<Vec<T>>() {
            take_rows(self, theirs, both);
        }
    }
    fn take_out(&mut self, id: &str) -> Option<(usize, Value)> {
        let i = self.iter().position(|r| r.id() == id)?;
        let row = self.remove(i);
        serde_json::to_value(row).ok().map(|v| (i, v))
    }
    fn put_back(&mut self, index: usize, row: &Value) -> bool {
        let Ok(row) = T::deserialize(row) else {
            return false;
        };
        if self.iter().any(|r| r.id() == row.id()) {
            return false;
        }
        self.insert(index.min(self.len()), row);
        true
    }
    fn rows_json(&self) -> Vec<Value> {
        self.iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .collect()
    }
    fn set_rows_json(&mut self, rows: &[Value]) -> bool {
        let read: Result<Vec<T>, _> = rows
            .iter()
            .map(|v| serde_json::from_value(v.clone()))
            .collect();
        match read {
            Ok(rows) => {
                *self = rows;
                true
            }
            Err(_) => false,
        }
    }
}

impl Charter {
    /// A record table seen without its row type.
    pub(super) fn table(&self, r: RecordList) -> &dyn Table {
        match r {
            RecordList::Instigators => &self.carriers.instigators,
            RecordList::Resources => &self.carriers.resources,
            RecordList::Agreements => &self.carriers.agreements,
            RecordList::Neighbours => &self.distinction.neighbours,
            RecordList::Roles => &self.launch.roles,
            RecordList::Landmarks => &self.launch.landmarks,
            RecordList::Meetings => &self.launch.meetings,
            RecordList::Value => &self.launch.value,
            RecordList::Tools => &self.launch.tools,
        }
    }

    /// A record table, mutable.
    pub(super) fn table_mut(&mut self, r: RecordList) -> &mut dyn Table {
        match r {
            RecordList::Instigators => &mut self.carriers.instigators,
            RecordList::Resources => &mut self.carriers.resources,
            RecordList::Agreements => &mut self.carriers.agreements,
            RecordList::Neighbours => &mut self.distinction.neighbours,
            RecordList::Roles => &mut self.launch.roles,
            RecordList::Landmarks => &mut self.launch.landmarks,
            RecordList::Meetings => &mut self.launch.meetings,
            RecordList::Value => &mut self.launch.value,
            RecordList::Tools => &mut self.launch.tools,
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

    /// Sets a cell of the row at `index` (for readers that rebuild a charter,
    /// whose rows may not have ids yet); does not touch the charter.
    pub fn set_record_value_at(
        &mut self,
        r: RecordList,
        index: usize,
        column: &str,
        v: String,
    ) -> bool {
        self.table_mut(r).set_cell_at(index, column, v)
    }

    /// Whether a row of a table holds fields this build does not know.
    pub fn rows_have_newer_fields(&self, r: RecordList) -> bool {
        self.table(r).any_extra()
    }

    /// Appends a blank row; the caller gives a fresh id.
    pub fn add_record(&mut self, r: RecordList, id: String, now: f64) {
        self.table_mut(r).push_blank(id);
        self.touch(now);
    }

    /// Removes a row and returns what is needed to undo; `None` if no row has this id.
    pub fn delete_record(&mut self, r: RecordList, id: &str, now: f64) -> Option<DeletedRecord> {
        let (index, row) = self.table_mut(r).take_out(id)?;
        self.touch(now);
        Some(DeletedRecord {
            list: r,
            index,
            row,
        })
    }

    /// Undoes a deletion: the row goes back at its place (clamped to the
    /// table's end); nothing happens if its id is already there.
    pub fn restore_record(&mut self, d: DeletedRecord, now: f64) {
        if self.table_mut(d.list).put_back(d.index, &d.row) {
            self.touch(now);
        }
    }
}

/// A row removed from a table, kept so the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedRecord {
    /// The table it was in.
    pub list: RecordList,
    /// Its position in that table.
    pub index: usize,
    /// The row itself, as it was written (whatever its type).
    pub row: Value,
}

impl DeletedRecord {
    /// The id of the row.
    pub fn id(&self) -> &str {
        self.row.get("id").and_then(Value::as_str).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charter::*;

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
        let deleted = c.delete_record(RecordList::Instigators, "i1", 4.0);
        assert!(deleted.is_some());
        assert!(c
            .delete_record(RecordList::Instigators, "i1", 5.0)
            .is_none());
        assert!(c.delete_record(RecordList::Neighbours, "i2", 5.0).is_none());
        assert_eq!(c.record_ids(RecordList::Instigators), vec!["i2"]);
    }

    #[test]
    fn a_deleted_row_comes_back_in_place_with_what_it_held() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        for id in ["a", "b", "c"] {
            c.add_record(RecordList::Neighbours, id.into(), 1.0);
            c.set_record_value(RecordList::Neighbours, id, "name", format!("N-{id}"), 1.0);
        }
        c.set_record_value(RecordList::Neighbours, "b", "relation", "join".into(), 1.0);
        let before = c.clone();
        let d = c
            .delete_record(RecordList::Neighbours, "b", 2.0)
            .expect("deleted");
        assert_eq!(c.record_ids(RecordList::Neighbours), vec!["a", "c"]);
        c.restore_record(d.clone(), 3.0);
        assert_eq!(c.distinction.neighbours, before.distinction.neighbours);
        assert_eq!(c.updated_at, 3.0);
        // Undoing twice changes nothing.
        c.restore_record(d, 4.0);
        assert_eq!(c.updated_at, 3.0);
        assert_eq!(c.record_ids(RecordList::Neighbours), vec!["a", "b", "c"]);
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
}
