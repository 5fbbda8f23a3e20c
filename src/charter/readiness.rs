//! Readiness checks: friendly advice drawn from the guide, shown beside the
//! charter. They never block anything.

use super::model::filled;
use super::text::{parse_day, Text};
use super::{
    Charter, CommunityKind, FlagSet, Landmark, ListId, Origin, RecordList, ResourceKind, RoleKind,
    SponsorStatus, SuperiorStatus, TextField,
};

/// How much a readiness item matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth thinking about.
    Advice,
    /// Likely to hurt the community if left as is.
    Important,
}

/// One piece of advice about the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadinessCheck {
    /// Stable id (e.g. `"no-sponsor"`).
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// What to tell the group.
    pub message: Text,
    /// The id of the part to jump to.
    pub part: &'static str,
}

/// Shorthand for a check.
fn check(
    id: &'static str,
    severity: Severity,
    part: &'static str,
    message: Text,
) -> ReadinessCheck {
    ReadinessCheck {
        id,
        severity,
        message,
        part,
    }
}

/// Whether the day `date` (`YYYY-MM-DD`) falls within one of the landmarks.
fn during_landmark(date: &str, landmarks: &[Landmark]) -> bool {
    let Some(day) = parse_day(date) else {
        return false;
    };
    landmarks.iter().any(|l| {
        let Some(from) = parse_day(&l.from) else {
            return false;
        };
        let to = parse_day(&l.to).unwrap_or(from);
        from <= day && day <= to
    })
}

/// All the advice that applies to this charter, important items first, then in question order.
pub fn readiness(c: &Charter) -> Vec<ReadinessCheck> {
    use Severity::{Advice, Important};
    let mut out = Vec::new();
    let carriers = &c.carriers;

    // Question 1: who carries the project.
    if !carriers
        .instigators
        .iter()
        .any(|i| !i.name.trim().is_empty())
    {
        out.push(check(
            "no-instigator",
            Important,
            "instigators",
            Text::new(
                "Aucune personne instigatrice n'est nommée. Qui porte le projet avec vous?",
                "No instigator is named yet. Who is carrying the project with you?",
            ),
        ));
    }
    match carriers.origin {
        None => out.push(check(
            "no-origin",
            Advice,
            "origin",
            Text::new(
                "Précisez si la communauté vient du terrain ou si l'organisation la pilote : certains conseils en dépendent.",
                "Say whether the community comes from the field or is steered by the organisation: some advice depends on it.",
            ),
        )),
        Some(origin) => {
            if origin == Origin::Steered && carriers.sponsor_status != Some(SponsorStatus::Committed)
            {
                let part = if carriers.sponsor_name.trim().is_empty() {
                    "sponsor-name"
                } else {
                    "sponsor-status"
                };
                out.push(check(
                    "no-sponsor",
                    Important,
                    part,
                    Text::new(
                        "L'organisation pilote cette communauté, mais aucun parrain ni aucune marraine ne s'est encore engagé à l'appuyer.",
                        "The organisation is steering this community, but no sponsor has committed to backing it yet.",
                    ),
                ));
            }
            if matches!(carriers.superior, None | Some(SuperiorStatus::NotYet)) {
                let severity = if origin == Origin::Steered {
                    Important
                } else {
                    Advice
                };
                out.push(check(
                    "superior-not-informed",
                    severity,
                    "superior",
                    Text::new(
                        "Votre supérieur immédiat n'est pas encore au courant. Le mettre dans le coup tôt facilite les ententes et l'accès aux ressources.",
                        "Your direct superior hasn't been told yet. Bringing them in early makes agreements and resources easier to get.",
                    ),
                ));
            }
        }
    }
    if c.kind == CommunityKind::NetworkedCop
        && !carriers
            .resources
            .iter()
            .any(|r| r.kind == Some(ResourceKind::DigitalPlatform))
    {
        out.push(check(
            "networked-no-platform",
            Important,
            "resources",
            Text::new(
                "Une CoP en réseau a besoin d'un espace numérique, mais aucune plateforme ne figure parmi les ressources.",
                "A networked CoP needs an online space, but no digital platform appears among the resources.",
            ),
        ));
    }

    // Question 2: for whom, mission, problems.
    if !c.has_notes(ListId::Members) {
        out.push(check(
            "no-members",
            Important,
            "members",
            Text::new(
                "Précisez à qui s'adresse la communauté : qui sont les membres que vous espérez rejoindre?",
                "Say who the community is for: who are the members you hope to reach?",
            ),
        ));
    }
    if c.text(TextField::Mission).trim().is_empty() {
        out.push(check(
            "no-mission",
            Important,
            "mission",
            Text::new(
                "La mission n'est pas encore écrite. Une seule phrase suffit pour commencer.",
                "The mission isn't written yet. A single sentence is enough to start.",
            ),
        ));
    }
    if c.flags(FlagSet::Problems).is_empty() && !c.has_notes(ListId::OtherProblems) {
        out.push(check(
            "no-problem",
            Important,
            "problems",
            Text::new(
                "Aucun problème n'est choisi. Qu'est-ce qui pousse le groupe à travailler ensemble?",
                "No problem has been chosen. What is driving the group to work together?",
            ),
        ));
    }

    // Question 3: why join.
    if c.flags(FlagSet::Benefits).is_empty() && !c.has_notes(ListId::OtherBenefits) {
        out.push(check(
            "no-benefit",
            Advice,
            "benefits",
            Text::new(
                "Nommez ce que chaque membre y gagnera : c'est souvent ce qui décide les gens à s'inscrire.",
                "Name what each member will gain: it's often what makes people decide to sign up.",
            ),
        ));
    }
    if c.has_notes(ListId::Core) && !c.has_notes(ListId::Active) && !c.has_notes(ListId::Peripheral)
    {
        out.push(check(
            "everyone-core",
            Advice,
            "active",
            Text::new(
                "Tout le monde est attendu dans le noyau. La participation varie toujours : prévoyez aussi des membres actifs et d'autres en périphérie.",
                "Everyone is expected in the core. Participation always varies: plan for active members and people at the edge too.",
            ),
        ));
    }
    if !c.has_notes(ListId::PathExplore)
        && !c.has_notes(ListId::PathContribute)
        && !c.has_notes(ListId::PathCodevelop)
    {
        out.push(check(
            "no-member-path",
            Advice,
            "path-explore",
            Text::new(
                "Aucune activité n'est prévue pour le parcours des membres. Comment une nouvelle personne va-t-elle faire ses premiers pas?",
                "No activity is planned for the member's path. How will a newcomer take their first steps?",
            ),
        ));
    }
    if !c.has_notes(ListId::Artefacts) {
        out.push(check(
            "no-artefact",
            Advice,
            "artefacts",
            Text::new(
                "Aucun artéfact n'est prévu. Que produirez-vous ensemble et garderez-vous pour la suite?",
                "No artefact is planned. What will you produce together and keep for later?",
            ),
        ));
    }

    // Question 4: what sets it apart.
    if !c.has_records(RecordList::Neighbours) {
        out.push(check(
            "no-neighbours",
            Advice,
            "neighbours",
            Text::new(
                "Aucune communauté voisine n'a été examinée. Un rapide tour d'horizon évite de dédoubler un groupe qui existe déjà.",
                "No neighbouring community has been looked at. A quick look around avoids duplicating a group that already exists.",
            ),
        ));
    }

    // Step 5: launching the community.
    let launch = &c.launch;
    if !launch
        .roles
        .iter()
        .any(|r| r.kind == Some(RoleKind::Facilitator) && filled(&r.name))
    {
        out.push(check(
            "no-facilitator",
            Advice,
            "roles",
            Text::new(
                "Personne n'est nommé à l'animation. Sans quelqu'un pour relancer les échanges, une communauté s'essouffle vite.",
                "No one is named to facilitate. Without someone to restart the conversation, a community soon runs out of steam.",
            ),
        ));
    }
    if !filled(&launch.frequency) && !launch.meetings.iter().any(|m| filled(&m.date)) {
        out.push(check(
            "no-rhythm",
            Advice,
            "frequency",
            Text::new(
                "Aucun rythme n'est prévu. Dites à quelle fréquence vous vous verrez, ou fixez les premières dates.",
                "No rhythm is planned yet. Say how often you will meet, or set the first dates.",
            ),
        ));
    }
    if !launch.value.iter().any(|v| filled(&v.indicator)) {
        out.push(check(
            "nothing-for-sponsor",
            Advice,
            "value",
            Text::new(
                "Rien n'est prévu pour montrer à la direction ce que la communauté aura apporté après une première étape. Choisissez au moins un indicateur.",
                "Nothing is planned to show management what the community has brought after a first term. Choose at least one indicator.",
            ),
        ));
    }
    if launch
        .meetings
        .iter()
        .any(|m| during_landmark(&m.date, &launch.landmarks))
    {
        out.push(check(
            "meeting-on-landmark",
            Advice,
            "meetings",
            Text::new(
                "Une rencontre prévue tombe pendant un des repères de votre année scolaire. Vérifiez que les membres seront disponibles.",
                "A planned meeting falls on one of the landmarks of your school year. Check that members will be free.",
            ),
        ));
    }
    if !filled(&launch.review_date) {
        out.push(check(
            "no-review-date",
            Advice,
            "review-date",
            Text::new(
                "Aucune date de révision. Une charte vivante se relit : choisissez le moment où vous la reverrez ensemble.",
                "No review date. A living charter gets reread: choose when you will look at it again together.",
            ),
        ));
    }

    // Stable: keeps question order within each severity.
    out.sort_by_key(|c| std::cmp::Reverse(c.severity));
    out
}

#[cfg(test)]
mod tests {
    use super::super::model::ChoiceField;
    use super::super::questions::find_part;
    use super::super::text::Lang;
    use super::*;

    fn ids(c: &Charter) -> Vec<&'static str> {
        readiness(c).iter().map(|r| r.id).collect()
    }

    fn has(c: &Charter, id: &str) -> bool {
        ids(c).contains(&id)
    }

    fn severity(c: &Charter, id: &str) -> Option<Severity> {
        readiness(c).iter().find(|r| r.id == id).map(|r| r.severity)
    }

    fn blank() -> Charter {
        Charter::new("c".into(), Lang::Fr, 0.0)
    }

    #[test]
    fn the_launch_gets_its_own_advice_until_planned() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        for id in [
            "no-facilitator",
            "no-rhythm",
            "nothing-for-sponsor",
            "no-review-date",
        ] {
            assert!(has(&c, id), "{id}");
        }
        c.add_record(RecordList::Roles, "r".into(), 1.0);
        c.set_record_value(RecordList::Roles, "r", "kind", "facilitator".into(), 1.0);
        assert!(has(&c, "no-facilitator"), "a role with no one in it");
        c.set_record_value(RecordList::Roles, "r", "name", "Annie".into(), 1.0);
        assert!(!has(&c, "no-facilitator"));
        c.set_text(TextField::Frequency, "Aux trois semaines".into(), 1.0);
        assert!(!has(&c, "no-rhythm"));
        c.add_record(RecordList::Value, "v".into(), 1.0);
        c.set_record_value(RecordList::Value, "v", "expected", "Des idées".into(), 1.0);
        assert!(
            has(&c, "nothing-for-sponsor"),
            "an expectation without an indicator"
        );
        c.set_record_value(
            RecordList::Value,
            "v",
            "indicator",
            "3 activités".into(),
            1.0,
        );
        assert!(!has(&c, "nothing-for-sponsor"));
        c.set_text(TextField::ReviewDate, "2027-06-15".into(), 1.0);
        assert!(!has(&c, "no-review-date"));
    }

    #[test]
    fn a_meeting_on_a_landmark_of_the_school_year_is_pointed_out() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        c.add_record(RecordList::Landmarks, "l".into(), 1.0);
        c.set_record_value(RecordList::Landmarks, "l", "label", "Bulletins".into(), 1.0);
        c.set_record_value(RecordList::Landmarks, "l", "from", "2026-11-16".into(), 1.0);
        c.set_record_value(RecordList::Landmarks, "l", "to", "2026-11-20".into(), 1.0);
        c.add_record(RecordList::Meetings, "m".into(), 1.0);
        c.set_record_value(RecordList::Meetings, "m", "date", "2026-11-23".into(), 1.0);
        assert!(!has(&c, "meeting-on-landmark"));
        c.set_record_value(RecordList::Meetings, "m", "date", "2026-11-18".into(), 1.0);
        assert!(has(&c, "meeting-on-landmark"));
        // A single day, no end given.
        c.set_record_value(RecordList::Landmarks, "l", "to", String::new(), 1.0);
        assert!(!has(&c, "meeting-on-landmark"));
        c.set_record_value(RecordList::Meetings, "m", "date", "2026-11-16".into(), 1.0);
        assert!(has(&c, "meeting-on-landmark"));
    }
    #[test]
    fn empty_charter_gets_sorted_advice_pointing_to_real_parts() {
        let r = readiness(&blank());
        assert!(!r.is_empty());
        assert!(r.windows(2).all(|w| w[0].severity >= w[1].severity));
        assert_eq!(r[0].severity, Severity::Important);
        for item in &r {
            assert!(find_part(item.part).is_some(), "{}", item.part);
            assert!(!item.message.fr.is_empty() && !item.message.en.is_empty());
        }
        // Checks tied to an origin or a choice wait until those are answered.
        assert!(!has(&blank(), "no-sponsor"));
        assert!(!has(&blank(), "superior-not-informed"));
        assert!(!has(&blank(), "everyone-core"));
        assert!(!has(&blank(), "networked-no-platform"));
    }

    #[test]
    fn no_instigator() {
        let mut c = blank();
        assert!(has(&c, "no-instigator"));
        c.add_record(RecordList::Instigators, "i".into(), 1.0);
        assert!(has(&c, "no-instigator"), "a blank row is not a person");
        c.set_record_value(RecordList::Instigators, "i", "name", "Karim".into(), 1.0);
        assert!(!has(&c, "no-instigator"));
    }

    #[test]
    fn no_origin() {
        let mut c = blank();
        assert!(has(&c, "no-origin"));
        c.set_choice(ChoiceField::Origin, Some("spontaneous"), 1.0);
        assert!(!has(&c, "no-origin"));
    }

    #[test]
    fn steered_without_committed_sponsor() {
        let mut c = blank();
        c.set_choice(ChoiceField::Origin, Some("steered"), 1.0);
        assert!(has(&c, "no-sponsor"));
        let item = readiness(&c)
            .into_iter()
            .find(|r| r.id == "no-sponsor")
            .unwrap();
        assert_eq!(item.part, "sponsor-name");
        c.set_text(TextField::SponsorName, "Martin Côté".into(), 1.0);
        c.set_choice(ChoiceField::SponsorStatus, Some("approached"), 1.0);
        let item = readiness(&c)
            .into_iter()
            .find(|r| r.id == "no-sponsor")
            .unwrap();
        assert_eq!(item.part, "sponsor-status");
        c.set_choice(ChoiceField::SponsorStatus, Some("committed"), 1.0);
        assert!(!has(&c, "no-sponsor"));
        // A grassroots community does not need a sponsor to start.
        c.set_choice(ChoiceField::SponsorStatus, Some("none_yet"), 1.0);
        c.set_choice(ChoiceField::Origin, Some("spontaneous"), 1.0);
        assert!(!has(&c, "no-sponsor"));
    }

    #[test]
    fn superior_not_informed() {
        let mut c = blank();
        c.set_choice(ChoiceField::Origin, Some("spontaneous"), 1.0);
        assert_eq!(
            severity(&c, "superior-not-informed"),
            Some(Severity::Advice)
        );
        c.set_choice(ChoiceField::Superior, Some("not_yet"), 1.0);
        assert!(has(&c, "superior-not-informed"));
        c.set_choice(ChoiceField::Origin, Some("steered"), 1.0);
        assert_eq!(
            severity(&c, "superior-not-informed"),
            Some(Severity::Important)
        );
        c.set_choice(ChoiceField::Superior, Some("informed"), 1.0);
        assert!(!has(&c, "superior-not-informed"));
        c.set_choice(ChoiceField::Superior, Some("supports"), 1.0);
        assert!(!has(&c, "superior-not-informed"));
    }

    #[test]
    fn networked_without_platform() {
        let mut c = blank();
        assert!(!has(&c, "networked-no-platform"));
        c.set_choice(ChoiceField::Kind, Some("networked_cop"), 1.0);
        assert!(has(&c, "networked-no-platform"));
        c.add_record(RecordList::Resources, "r".into(), 1.0);
        c.set_record_value(RecordList::Resources, "r", "kind", "money".into(), 1.0);
        assert!(has(&c, "networked-no-platform"));
        c.set_record_value(
            RecordList::Resources,
            "r",
            "kind",
            "digital_platform".into(),
            1.0,
        );
        assert!(!has(&c, "networked-no-platform"));
    }

    #[test]
    fn no_members() {
        let mut c = blank();
        assert!(has(&c, "no-members"));
        c.add_note(ListId::Members, "m".into(), "Profs de science".into(), 1.0);
        assert!(!has(&c, "no-members"));
    }

    #[test]
    fn no_mission() {
        let mut c = blank();
        assert!(has(&c, "no-mission"));
        c.set_text(TextField::Mission, "   ".into(), 1.0);
        assert!(has(&c, "no-mission"));
        c.set_text(TextField::Mission, "Partager nos labos.".into(), 1.0);
        assert!(!has(&c, "no-mission"));
    }

    #[test]
    fn no_problem_goes_with_a_flag_or_a_free_problem() {
        let mut c = blank();
        assert!(has(&c, "no-problem"));
        c.toggle_flag(FlagSet::Problems, "break_isolation", 1.0);
        assert!(!has(&c, "no-problem"));
        c.toggle_flag(FlagSet::Problems, "break_isolation", 2.0);
        assert!(has(&c, "no-problem"));
        c.add_note(
            ListId::OtherProblems,
            "p".into(),
            "Matériel inégal".into(),
            3.0,
        );
        assert!(!has(&c, "no-problem"));
    }

    #[test]
    fn no_benefit() {
        let mut c = blank();
        assert!(has(&c, "no-benefit"));
        c.toggle_flag(FlagSet::Benefits, "recognition", 1.0);
        assert!(!has(&c, "no-benefit"));
        c.toggle_flag(FlagSet::Benefits, "recognition", 1.0);
        c.add_note(
            ListId::OtherBenefits,
            "b".into(),
            "Gagner du temps".into(),
            1.0,
        );
        assert!(!has(&c, "no-benefit"));
    }

    #[test]
    fn everyone_in_the_core() {
        let mut c = blank();
        assert!(!has(&c, "everyone-core"));
        c.add_note(ListId::Core, "k".into(), "Tout le département".into(), 1.0);
        assert!(has(&c, "everyone-core"));
        c.add_note(
            ListId::Peripheral,
            "p".into(),
            "Directions adjointes".into(),
            1.0,
        );
        assert!(!has(&c, "everyone-core"));
        c.delete_note("p", 2.0);
        assert!(has(&c, "everyone-core"));
        c.add_note(ListId::Active, "a".into(), "Profs qui testent".into(), 3.0);
        assert!(!has(&c, "everyone-core"));
    }

    #[test]
    fn no_member_path() {
        let mut c = blank();
        assert!(has(&c, "no-member-path"));
        c.add_note(
            ListId::PathCodevelop,
            "x".into(),
            "Concevoir une SAE".into(),
            1.0,
        );
        assert!(!has(&c, "no-member-path"));
    }

    #[test]
    fn no_artefact() {
        let mut c = blank();
        assert!(has(&c, "no-artefact"));
        c.add_note(
            ListId::Artefacts,
            "a".into(),
            "Banque de protocoles".into(),
            1.0,
        );
        assert!(!has(&c, "no-artefact"));
    }

    #[test]
    fn no_neighbours() {
        let mut c = blank();
        assert!(has(&c, "no-neighbours"));
        c.add_record(RecordList::Neighbours, "n".into(), 1.0);
        assert!(has(&c, "no-neighbours"), "a blank row was not looked at");
        c.set_record_value(RecordList::Neighbours, "n", "name", "AESTQ".into(), 1.0);
        assert!(!has(&c, "no-neighbours"));
    }

    #[test]
    fn check_ids_are_unique() {
        let mut c = blank();
        c.set_choice(ChoiceField::Origin, Some("steered"), 1.0);
        c.set_choice(ChoiceField::Kind, Some("networked_cop"), 1.0);
        c.add_note(ListId::Core, "k".into(), "x".into(), 1.0);
        let all = ids(&c);
        let set: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
        assert_eq!(all.len(), 16, "{all:?}");
    }
}
