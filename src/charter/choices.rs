//! The closed sets of choices a charter holds (stored as snake_case keys),
//! and the lenient readers that load an unknown value as "not answered"
//! instead of failing the whole file.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

/// A closed set of choices stored as snake_case keys, seen generically (a
/// choice column of a table reads and writes its cell through it).
pub trait Keyed: Copy + Sized {
    /// The stable key stored in JSON.
    fn key(self) -> &'static str;
    /// The value for a key, `None` if the key is unknown.
    fn from_key(key: &str) -> Option<Self>;
}

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

        impl Keyed for $name {
            fn key(self) -> &'static str {
                $name::key(self)
            }
            fn from_key(key: &str) -> Option<Self> {
                $name::from_key(key)
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

keyed_enum! {
    /// A role in the life of the community.
    RoleKind {
        /// Keeps the activity and the climate going, makes sure the tools exist.
        Facilitator = "facilitator",
        /// Organises: dates, places, invitations, follow-up.
        Coordinator = "coordinator",
        /// Any other role.
        Other = "other",
    }
}

keyed_enum! {
    /// Where the meetings take place.
    MeetingMode {
        /// In person.
        InPerson = "in_person",
        /// Online.
        Online = "online",
        /// Some in person, some online.
        Hybrid = "hybrid",
    }
}

keyed_enum! {
    /// The cycles in which a community creates value (Wenger-Trayner).
    ValueCycle {
        /// The meeting itself was useful.
        Immediate = "immediate",
        /// A resource, an idea or a contact gained for later.
        Potential = "potential",
        /// A practice changed.
        Applied = "applied",
        /// Students or the organisation benefit.
        Realised = "realised",
        /// What counts as success is rethought.
        Reframing = "reframing",
    }
}

/// Deserialises any value leniently: a wrong or unknown value gives the default.
pub(super) fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let v = serde_json::Value::deserialize(d)?;
    Ok(T::deserialize(v).unwrap_or_default())
}

/// Deserialises a set leniently: unknown elements are dropped, a non-list gives an empty set.
pub(super) fn lenient_set<'de, D, T>(d: D) -> Result<BTreeSet<T>, D::Error>
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
