//! Rows: the tables of the charter (instigators, resources, agreements,
//! neighbouring communities), each row a small record edited by column key.

use serde::{Deserialize, Serialize};

use super::choices::{lenient, AgreementKind, Relation, ResourceKind, ResourceStatus};
use super::model::{filled, Charter, Extra};

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
    fn any_content(&self) -> bool {
        self.iter().any(|r| r.has_content())
    }
    fn ids_mut(&mut self) -> Vec<&mut String> {
        self.iter_mut().map(|r| r.id_mut()).collect()
    }
}

impl Charter {
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

    /// Removes a row and returns what is needed to undo; `None` if no row has this id.
    pub fn delete_record(&mut self, r: RecordList, id: &str, now: f64) -> Option<DeletedRecord> {
        fn take<T: Row>(rows: &mut Vec<T>, id: &str) -> Option<(usize, T)> {
            let i = rows.iter().position(|x| x.id() == id)?;
            Some((i, rows.remove(i)))
        }
        let (index, row) =
            match r {
                RecordList::Instigators => take(&mut self.carriers.instigators, id)
                    .map(|(i, x)| (i, RecordRow::Instigator(x))),
                RecordList::Resources => {
                    take(&mut self.carriers.resources, id).map(|(i, x)| (i, RecordRow::Resource(x)))
                }
                RecordList::Agreements => take(&mut self.carriers.agreements, id)
                    .map(|(i, x)| (i, RecordRow::Agreement(x))),
                RecordList::Neighbours => take(&mut self.distinction.neighbours, id)
                    .map(|(i, x)| (i, RecordRow::Neighbour(x))),
            }?;
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
        fn put<T: Row>(rows: &mut Vec<T>, index: usize, row: T) -> bool {
            if rows.iter().any(|x| x.id() == row.id()) {
                return false;
            }
            rows.insert(index.min(rows.len()), row);
            true
        }
        let i = d.index;
        let done = match (d.list, d.row) {
            (RecordList::Instigators, RecordRow::Instigator(x)) => {
                put(&mut self.carriers.instigators, i, x)
            }
            (RecordList::Resources, RecordRow::Resource(x)) => {
                put(&mut self.carriers.resources, i, x)
            }
            (RecordList::Agreements, RecordRow::Agreement(x)) => {
                put(&mut self.carriers.agreements, i, x)
            }
            (RecordList::Neighbours, RecordRow::Neighbour(x)) => {
                put(&mut self.distinction.neighbours, i, x)
            }
            _ => false,
        };
        if done {
            self.touch(now);
        }
    }
}

impl RecordRow {
    /// The row's id.
    pub fn id(&self) -> &str {
        match self {
            RecordRow::Instigator(x) => x.id(),
            RecordRow::Resource(x) => x.id(),
            RecordRow::Agreement(x) => x.id(),
            RecordRow::Neighbour(x) => x.id(),
        }
    }
}

/// One row of any table, as it was deleted.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordRow {
    /// An instigator.
    Instigator(Instigator),
    /// A resource.
    Resource(Resource),
    /// An agreement.
    Agreement(Agreement),
    /// A neighbouring community.
    Neighbour(Neighbour),
}

/// A row removed from a table, kept so the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedRecord {
    /// The table it was in.
    pub list: RecordList,
    /// Its position in that table.
    pub index: usize,
    /// The row itself.
    pub row: RecordRow,
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
        // Undoing twice changes nothing; a row never lands in another table.
        c.restore_record(d.clone(), 4.0);
        assert_eq!(c.updated_at, 3.0);
        let mut wrong = d;
        wrong.list = RecordList::Instigators;
        c.restore_record(wrong, 5.0);
        assert!(c.record_ids(RecordList::Instigators).is_empty());
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
