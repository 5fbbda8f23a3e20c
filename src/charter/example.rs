//! A realistic, filled charter to show newcomers what a finished one looks like.
//!
//! The story: secondary science teachers of a (fictional) school service centre
//! who want to share how they run lab work. Every part is filled, in French or
//! in English, and the sponsor is committed.

use super::text::{Lang, Text};
use super::{
    Agreement, AgreementKind, Benefit, Charter, CommunityKind, Instigator, ListId, MeetingMode,
    Neighbour, Origin, Problem, Relation, Resource, ResourceKind, ResourceStatus, SponsorStatus,
    SuperiorStatus,
};

/// Shorthand for a bilingual example text.
const fn t(fr: &'static str, en: &'static str) -> Text {
    Text::new(fr, en)
}

/// The instigators' names, also used as note authors.
const PEOPLE: [&str; 3] = ["Geneviève Tremblay", "Karim Benali", "Sophie Gagnon-Lavoie"];

/// Fills a charter with ids derived from the charter id.
struct Builder {
    /// The charter being filled.
    c: Charter,
    /// The language picked from each text.
    lang: Lang,
    /// The time stamp of every note.
    now: f64,
    /// How many ids were handed out.
    count: usize,
}

impl Builder {
    /// A fresh id, `"{charter id}-{prefix}{n}"`.
    /// A short item id ([`super::item_id`]) whose site is the charter id's
    /// first five characters (`exmpl` if they are not id characters), so
    /// that two examples opened apart never share item ids.
    fn id(&mut self, _kind: &str) -> String {
        self.count += 1;
        let site = self
            .c
            .id
            .get(..super::SITE_LEN)
            .filter(|s| {
                s.bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
            })
            .unwrap_or("exmpl");
        let counter = u32::try_from(self.count).unwrap_or(u32::MAX);
        super::item_id(site, counter).unwrap_or_else(|| format!("{}-{}", self.c.id, self.count))
    }

    /// Adds notes to a list, attributed in turn to the instigators.
    fn notes(&mut self, l: ListId, texts: &[Text]) {
        for text in texts {
            let id = self.id("n");
            let author = PEOPLE[self.count % PEOPLE.len()].to_string();
            self.c
                .add_note(l, id.clone(), text.get(self.lang).to_string(), self.now);
            self.c.set_note_author(&id, author, self.now);
        }
    }

    /// A text in the chosen language, owned.
    fn s(&self, text: Text) -> String {
        text.get(self.lang).to_string()
    }
}

/// A complete example charter, written in `lang`, with ids derived from `id`.
pub fn example(lang: Lang, id: String, now: f64) -> Charter {
    let mut b = Builder {
        c: Charter::new(id, lang, now),
        lang,
        now,
        count: 0,
    };

    b.c.title = b.s(t(
        "Labos vivants : la communauté des profs de sciences du secondaire",
        "Living Labs: a community for secondary science teachers",
    ));
    b.c.kind = CommunityKind::NetworkedCop;

    // 1. Who carries the project.
    b.c.carriers.origin = Some(Origin::Spontaneous);
    let roles = [
        t(
            "Enseignante de chimie, École secondaire du Versant",
            "Chemistry teacher, École secondaire du Versant",
        ),
        t(
            "Enseignant de science et technologie, 1er cycle",
            "Science and technology teacher, Secondary 1 and 2",
        ),
        t(
            "Conseillère pédagogique en science et technologie",
            "Science and technology pedagogical consultant",
        ),
    ];
    for (name, role) in PEOPLE.iter().zip(roles) {
        let id = b.id("r");
        let role = b.s(role);
        b.c.carriers.instigators.push(Instigator {
            id,
            name: name.to_string(),
            role,
            ..Default::default()
        });
    }
    b.c.carriers.sponsor_name = "Martin Côté".to_string();
    b.c.carriers.sponsor_role = b.s(t(
        "Directeur des services éducatifs, Centre de services scolaire des Trois-Lacs",
        "Director of educational services, Trois-Lacs School Service Centre",
    ));
    b.c.carriers.sponsor_status = Some(SponsorStatus::Committed);
    b.c.carriers.superior = Some(SuperiorStatus::Supports);
    b.notes(
        ListId::KeyPeople,
        &[
            t(
                "Lucie Bergeron, technicienne en travaux pratiques : elle prépare le matériel et connaît l'inventaire de chaque labo",
                "Lucie Bergeron, lab technician: she prepares the equipment and knows every lab's inventory",
            ),
            t(
                "Les directions des quatre écoles secondaires, pour libérer les enseignants lors des rencontres",
                "The principals of the four secondary schools, to release teachers for meetings",
            ),
            t(
                "Le conseiller en prévention du centre de services, pour valider les protocoles",
                "The service centre's health and safety adviser, to check the protocols",
            ),
        ],
    );
    let resources = [
        (
            ResourceKind::ReleasedTime,
            ResourceStatus::Granted,
            t(
                "Quatre demi-journées de libération par membre du noyau pendant l'année",
                "Four half-days of released time per core member over the year",
            ),
        ),
        (
            ResourceKind::DigitalPlatform,
            ResourceStatus::Granted,
            t(
                "Une équipe Teams avec un canal par niveau et une bibliothèque de protocoles",
                "A Teams team with one channel per grade level and a protocol library",
            ),
        ),
        (
            ResourceKind::Money,
            ResourceStatus::Requested,
            t(
                "1 500 $ pour du matériel de labo à essayer en classe",
                "$1,500 for lab equipment to try out in class",
            ),
        ),
        (
            ResourceKind::It,
            ResourceStatus::Needed,
            t(
                "Prêt de capteurs et de tablettes par le service des technologies",
                "Sensors and tablets on loan from the IT department",
            ),
        ),
    ];
    for (kind, status, detail) in resources {
        let id = b.id("r");
        let detail = b.s(detail);
        b.c.carriers.resources.push(Resource {
            id,
            kind: Some(kind),
            status: Some(status),
            detail,
            ..Default::default()
        });
    }
    let agreements = [
        (
            AgreementKind::TimeGiven,
            t(
                "Les rencontres du noyau se tiennent lors des journées pédagogiques; le reste se fait sur une base volontaire",
                "Core meetings happen on professional development days; everything else is voluntary",
            ),
        ),
        (
            AgreementKind::UnionReps,
            t(
                "Présenter le projet au syndicat local pour confirmer que la participation reste volontaire",
                "Present the project to the local union to confirm that taking part stays voluntary",
            ),
        ),
    ];
    for (kind, detail) in agreements {
        let id = b.id("r");
        let detail = b.s(detail);
        b.c.carriers.agreements.push(Agreement {
            id,
            kind: Some(kind),
            detail,
            ..Default::default()
        });
    }

    // 2. For whom, mission, problems.
    b.notes(
        ListId::Members,
        &[
            t(
                "Enseignantes et enseignants de science et technologie du 1er cycle du secondaire",
                "Science and technology teachers in Secondary 1 and 2",
            ),
            t(
                "Enseignantes et enseignants de chimie, de physique et d'ATS du 2e cycle",
                "Chemistry, physics and applied science teachers in Secondary 3 to 5",
            ),
            t(
                "Techniciennes et techniciens en travaux pratiques",
                "Lab technicians",
            ),
        ],
    );
    b.c.purpose.shared_practice = b.s(t(
        "Concevoir, animer et évaluer des activités de laboratoire sécuritaires et stimulantes pour les élèves du secondaire.",
        "Designing, running and assessing safe, engaging lab activities for secondary students.",
    ));
    b.c.purpose.mission = b.s(t(
        "Aider chaque prof de sciences du centre de services à offrir plus souvent de vrais labos, en partageant protocoles, essais et trucs de classe.",
        "Help every science teacher in the service centre run real labs more often, by sharing protocols, trials and classroom tips.",
    ));
    b.c.purpose.vision = b.s(t(
        "D'ici trois ans, chaque élève de nos écoles vit au moins un labo d'investigation par étape, et plus personne ne prépare ses labos seul dans son coin.",
        "Within three years, every student in our schools does at least one inquiry lab per term, and nobody prepares their labs alone any more.",
    ));
    b.c.purpose.problems = [
        Problem::CollaborateCreate,
        Problem::BreakIsolation,
        Problem::EvolvePractices,
        Problem::UpdateKnowledge,
    ]
    .into_iter()
    .collect();
    b.notes(
        ListId::OtherProblems,
        &[
            t(
                "Le matériel de labo varie beaucoup d'une école à l'autre",
                "Lab equipment varies a lot from one school to the next",
            ),
            t(
                "Les profs nouvellement arrivés en sciences manquent de repères pour les labos",
                "Teachers new to science lack reference points for lab work",
            ),
        ],
    );
    b.notes(
        ListId::Goals,
        &[
            t(
                "Bâtir une banque commune de protocoles testés en classe",
                "Build a shared bank of classroom-tested protocols",
            ),
            t(
                "Accompagner les enseignants en début de carrière dans leurs premiers labos",
                "Support early-career teachers through their first labs",
            ),
            t(
                "Mieux arrimer les labos à l'évaluation des compétences",
                "Link lab work more closely to competency assessment",
            ),
        ],
    );
    b.notes(
        ListId::Beneficiaries,
        &[
            t(
                "Les élèves, qui vivront plus de vraies démarches d'investigation",
                "Students, who will carry out more genuine inquiries",
            ),
            t(
                "Les enseignants en insertion professionnelle",
                "Teachers in their first years on the job",
            ),
            t(
                "Les techniciens, qui pourront planifier le matériel plus tôt",
                "Technicians, who can plan equipment further ahead",
            ),
        ],
    );
    b.notes(
        ListId::Knowledge,
        &[
            t(
                "Protocoles et leurs adaptations selon le niveau",
                "Protocols and how to adapt them for each grade",
            ),
            t(
                "Consignes de sécurité et gestion du matériel",
                "Safety instructions and equipment management",
            ),
            t(
                "Grilles d'évaluation des démarches expérimentales",
                "Rubrics for assessing experimental work",
            ),
        ],
    );
    b.notes(
        ListId::Priorities,
        &[
            t(
                "Commencer par les labos du 1er cycle, où les besoins sont les plus grands",
                "Start with Secondary 1 and 2 labs, where the needs are greatest",
            ),
            t(
                "Mettre en ligne une première série de dix protocoles avant la relâche",
                "Post a first set of ten protocols before the March break",
            ),
        ],
    );
    b.notes(
        ListId::Rules,
        &[
            t(
                "Une rencontre virtuelle de 45 minutes par mois, le mardi après les cours",
                "One 45-minute online meeting a month, on Tuesday after school",
            ),
            t(
                "Chaque protocole partagé indique le niveau, la durée et les mesures de sécurité",
                "Every shared protocol states the grade, the duration and the safety measures",
            ),
            t(
                "On nomme l'auteur de chaque ressource et on lui demande avant de la modifier",
                "We credit the author of every resource and ask them before changing it",
            ),
        ],
    );
    b.notes(
        ListId::Themes,
        &[
            t(
                "L'investigation guidée au 1er cycle",
                "Guided inquiry in Secondary 1 and 2",
            ),
            t("Des labos à petit budget", "Labs on a shoestring"),
            t("La sécurité au labo", "Lab safety"),
            t(
                "Évaluer une démarche expérimentale",
                "Assessing an experimental process",
            ),
        ],
    );

    // 3. Why join.
    b.c.joining.benefits = [
        Benefit::Belonging,
        Benefit::MeaningMotivation,
        Benefit::Recognition,
    ]
    .into_iter()
    .collect();
    b.notes(
        ListId::OtherBenefits,
        &[
            t(
                "Gagner du temps de préparation grâce aux protocoles déjà testés",
                "Save preparation time with protocols that have already been tested",
            ),
            t(
                "Des heures reconnues dans le plan de formation continue",
                "Hours recognised in the professional development plan",
            ),
        ],
    );
    b.notes(
        ListId::Core,
        &[t(
            "Les trois instigateurs et une personne par école secondaire",
            "The three instigators and one person from each secondary school",
        )],
    );
    b.notes(
        ListId::Active,
        &[t(
            "Les profs de sciences qui essaieront les protocoles en classe et donneront leur avis",
            "Science teachers who will try the protocols in class and give feedback",
        )],
    );
    b.notes(
        ListId::Peripheral,
        &[
            t(
                "Des profs d'autres matières intéressés par des projets interdisciplinaires",
                "Teachers of other subjects interested in cross-curricular projects",
            ),
            t(
                "Les directions adjointes qui suivent nos travaux",
                "Vice-principals who keep an eye on our work",
            ),
        ],
    );
    b.notes(
        ListId::Away,
        &[t(
            "Les collègues déjà très pris par un autre projet cette année : on les tiendra au courant",
            "Colleagues already stretched by another project this year: we will keep them posted",
        )],
    );
    b.notes(
        ListId::PathExplore,
        &[
            t(
                "Parcourir la banque de protocoles et en essayer un en classe",
                "Browse the protocol bank and try one in class",
            ),
            t(
                "Assister à une rencontre mensuelle, juste pour voir",
                "Sit in on a monthly meeting, just to see",
            ),
        ],
    );
    b.notes(
        ListId::PathContribute,
        &[
            t(
                "Partager l'adaptation d'un protocole, avec photos et résultats",
                "Share an adapted protocol, with photos and results",
            ),
            t(
                "Répondre aux questions dans le canal d'entraide",
                "Answer questions in the help channel",
            ),
        ],
    );
    b.notes(
        ListId::PathCodevelop,
        &[
            t(
                "Concevoir à plusieurs une situation d'évaluation commune en laboratoire",
                "Design a shared lab-based assessment task together",
            ),
            t(
                "Animer un atelier à la journée pédagogique régionale",
                "Lead a workshop at the regional professional development day",
            ),
        ],
    );
    b.notes(
        ListId::Artefacts,
        &[
            t(
                "Une banque de protocoles classés par niveau et par concept",
                "A bank of protocols sorted by grade and concept",
            ),
            t(
                "De courtes capsules vidéo sur les manipulations délicates",
                "Short videos on tricky lab techniques",
            ),
            t(
                "Un aide-mémoire de sécurité à afficher dans chaque labo",
                "A safety checklist to post in every lab",
            ),
        ],
    );

    // 4. What sets it apart.
    let neighbours = [
        (
            t("Profs de sciences du Québec (Facebook)", "Québec science teachers (Facebook)"),
            t(
                "Enseignants de sciences de partout au Québec",
                "Science teachers from all over Québec",
            ),
            t("Groupe Facebook", "Facebook group"),
            Relation::Distinct,
            t(
                "Très actif, mais trop large pour bâtir des ressources adaptées à nos écoles et à notre matériel",
                "Very active, but too broad to build resources suited to our schools and our equipment",
            ),
        ),
        (
            t(
                "Comité science et technologie du centre de services",
                "Service centre science and technology committee",
            ),
            t(
                "Conseillers pédagogiques et directions",
                "Pedagogical consultants and principals",
            ),
            t("Rencontres au centre administratif", "Meetings at the head office"),
            Relation::Partner,
            t(
                "Il fixe les orientations; nous lui présenterons nos travaux deux fois par année",
                "It sets the direction; we'll report our work to it twice a year",
            ),
        ),
        (
            t(
                "Association pour l'enseignement de la science et de la technologie au Québec (AESTQ)",
                "Québec association for science and technology teaching (AESTQ)",
            ),
            t(
                "Enseignants de sciences du primaire et du secondaire",
                "Elementary and secondary science teachers",
            ),
            t("Congrès annuel et site Web", "Annual conference and website"),
            Relation::Join,
            t(
                "Plusieurs d'entre nous en sont déjà membres; nous y présenterons nos labos au congrès",
                "Several of us are already members; we'll present our labs at the conference",
            ),
        ),
    ];
    for (name, audience, place, relation, why) in neighbours {
        let id = b.id("r");
        let n = Neighbour {
            id,
            name: b.s(name),
            audience: b.s(audience),
            place: b.s(place),
            relation: Some(relation),
            why: b.s(why),
            ..Default::default()
        };
        b.c.distinction.neighbours.push(n);
    }
    b.notes(
        ListId::SocialNetworks,
        &[
            t(
                "Le groupe Facebook des profs de sciences",
                "The science teachers' Facebook group",
            ),
            t(
                "L'équipe Teams du centre de services",
                "The service centre's Teams workspace",
            ),
        ],
    );
    b.notes(
        ListId::WorkingGroups,
        &[
            t(
                "Le comité science et technologie du centre de services",
                "The service centre's science and technology committee",
            ),
            t(
                "Le comité santé et sécurité de l'École secondaire du Versant",
                "The health and safety committee at École secondaire du Versant",
            ),
        ],
    );
    b.notes(
        ListId::Experts,
        &[
            t(
                "Une didacticienne des sciences de l'université de la région",
                "A science education researcher from the regional university",
            ),
            t(
                "Le conseiller en prévention, pour la sécurité au labo",
                "The health and safety adviser, for lab safety",
            ),
        ],
    );
    b.c.distinction.distinctiveness = b.s(t(
        "Nous sommes le seul groupe centré sur le labo en classe, avec nos écoles, notre matériel et nos horaires. On y partage des protocoles essayés chez nous, pas seulement des idées.",
        "We're the only group focused on lab work in class, with our own schools, equipment and timetables. We share protocols tried out here, not just ideas.",
    ));

    launch(&mut b, now);

    b.c.updated_at = now;
    b.c
}

/// Step 5 of the example: roles, rhythm, the school year, value, the launch
/// and the tools, with dates in the school year that `now` falls in.
fn launch(b: &mut Builder, now: f64) {
    use super::RecordList::{Landmarks, Meetings, Roles, Tools, Value};
    let (year, month) = year_month(now);
    // A school year runs from late August to June.
    let start = if month >= 7 { year } else { year - 1 };
    let next = start + 1;
    let day = |y: i64, md: &str| format!("{y}-{md}");
    let rows: [(super::RecordList, Vec<(&str, String)>); 14] = [
        (
            Roles,
            vec![
                ("kind", "facilitator".into()),
                ("name", PEOPLE[0].into()),
                (
                    "duties",
                    b.s(t(
                        "Prépare et anime les rencontres, relance les échanges entre deux",
                        "Prepares and runs the meetings, keeps the conversation going in between",
                    )),
                ),
            ],
        ),
        (
            Roles,
            vec![
                ("kind", "coordinator".into()),
                ("name", PEOPLE[1].into()),
                (
                    "duties",
                    b.s(t(
                        "Réserve les locaux, envoie les invitations et tient la liste des membres",
                        "Books the rooms, sends the invitations and keeps the member list",
                    )),
                ),
            ],
        ),
        (
            Roles,
            vec![
                ("kind", "other".into()),
                ("name", PEOPLE[2].into()),
                (
                    "duties",
                    b.s(t(
                        "Tient la banque de protocoles à jour",
                        "Keeps the protocol library up to date",
                    )),
                ),
            ],
        ),
        (
            Landmarks,
            vec![
                (
                    "label",
                    b.s(t("Journée pédagogique", "Professional development day")),
                ),
                ("from", day(start, "10-09")),
            ],
        ),
        (
            Landmarks,
            vec![
                (
                    "label",
                    b.s(t("Remise des premiers bulletins", "First report cards")),
                ),
                ("from", day(start, "11-16")),
                ("to", day(start, "11-20")),
            ],
        ),
        (
            Landmarks,
            vec![
                (
                    "label",
                    b.s(t(
                        "Examens de fin d'année et été",
                        "End-of-year exams and summer",
                    )),
                ),
                ("from", day(next, "06-08")),
                ("to", day(next, "08-25")),
            ],
        ),
        (
            Meetings,
            vec![
                ("date", day(start, "09-24")),
                ("time", "15:45".into()),
                (
                    "topic",
                    b.s(t(
                        "Lancement : la mission, les attentes, le calendrier",
                        "Kick-off: the mission, what people expect, the calendar",
                    )),
                ),
            ],
        ),
        (
            Meetings,
            vec![
                ("date", day(start, "10-22")),
                ("time", "15:45".into()),
                (
                    "topic",
                    b.s(t(
                        "Premier protocole essayé en classe : retour",
                        "First protocol tried in class: feedback",
                    )),
                ),
            ],
        ),
        (
            Meetings,
            vec![
                ("date", day(start, "12-03")),
                ("time", "15:45".into()),
                (
                    "topic",
                    b.s(t(
                        "La sécurité au labo avec le conseiller en prévention",
                        "Lab safety with the health and safety adviser",
                    )),
                ),
            ],
        ),
        (
            Value,
            vec![
                ("cycle", "immediate".into()),
                (
                    "expected",
                    b.s(t(
                        "Des rencontres utiles, qui donnent envie de revenir",
                        "Useful meetings that make people want to come back",
                    )),
                ),
                (
                    "indicator",
                    b.s(t(
                        "Les membres présents à la rencontre suivante",
                        "Members present at the next meeting",
                    )),
                ),
                (
                    "gathered",
                    b.s(t(
                        "Une feuille de présence à chaque rencontre",
                        "An attendance sheet at each meeting",
                    )),
                ),
            ],
        ),
        (
            Value,
            vec![
                ("cycle", "potential".into()),
                (
                    "expected",
                    b.s(t(
                        "Des protocoles prêts à l'emploi",
                        "Ready-to-use protocols",
                    )),
                ),
                (
                    "indicator",
                    b.s(t(
                        "Au moins dix protocoles dans la banque en décembre",
                        "At least ten protocols in the library by December",
                    )),
                ),
                (
                    "gathered",
                    b.s(t(
                        "Le compte de la bibliothèque Teams",
                        "The count in the Teams library",
                    )),
                ),
            ],
        ),
        (
            Value,
            vec![
                ("cycle", "applied".into()),
                (
                    "expected",
                    b.s(t(
                        "Plus de labos faits en classe",
                        "More lab work done in class",
                    )),
                ),
                (
                    "indicator",
                    b.s(t(
                        "Labos faits par groupe, avant et après",
                        "Labs done per class group, before and after",
                    )),
                ),
                (
                    "gathered",
                    b.s(t("Un court sondage en juin", "A short survey in June")),
                ),
            ],
        ),
        (
            Tools,
            vec![
                (
                    "name",
                    b.s(t(
                        "L'équipe Teams « Labo en classe »",
                        "The \"Lab in class\" Teams team",
                    )),
                ),
                (
                    "purpose",
                    b.s(t(
                        "Les échanges entre les rencontres et la banque de protocoles",
                        "Talking between meetings and keeping the protocol library",
                    )),
                ),
                ("admin", PEOPLE[1].into()),
                ("moderator", PEOPLE[0].into()),
            ],
        ),
        (
            Tools,
            vec![
                (
                    "name",
                    b.s(t("Le local de sciences B-204", "Science room B-204")),
                ),
                (
                    "purpose",
                    b.s(t(
                        "Les rencontres en personne, avec le matériel",
                        "The in-person meetings, with the equipment",
                    )),
                ),
                (
                    "admin",
                    b.s(t("La direction de l'école", "The school's principal")),
                ),
                ("moderator", String::new()),
            ],
        ),
    ];
    for (table, cells) in rows {
        let id = b.id("r");
        b.c.add_record(table, id.clone(), b.now);
        for (column, value) in cells {
            b.c.set_record_value(table, &id, column, value, b.now);
        }
    }
    b.c.launch.frequency = b.s(t("Toutes les quatre semaines", "Every four weeks"));
    b.c.launch.duration = b.s(t("75 minutes, après les cours", "75 minutes, after school"));
    b.c.launch.mode = Some(MeetingMode::Hybrid);
    b.c.launch.review_date = day(next, "06-05");
    b.notes(
        ListId::KickoffAgenda,
        &[
            t(
                "Tour de table : ce que chacun fait déjà au labo",
                "Round table: what each person already does in the lab",
            ),
            t(
                "La mission et le fonctionnement proposés",
                "The proposed mission and ways of working",
            ),
            t("Les attentes des membres", "What members expect"),
            t(
                "Le calendrier des rencontres de l'année",
                "The year's meeting calendar",
            ),
        ],
    );
    b.notes(
        ListId::FirstActivities,
        &[
            t(
                "Essayer un même protocole dans trois écoles",
                "Try the same protocol in three schools",
            ),
            t(
                "Visiter un labo d'une autre école",
                "Visit a lab in another school",
            ),
            t(
                "Monter la banque de protocoles",
                "Set up the protocol library",
            ),
        ],
    );
    b.notes(
        ListId::Welcome,
        &[t(
            "Un membre du noyau accueille chaque nouvelle personne et lui présente la banque de protocoles",
            "A core member welcomes each newcomer and shows them the protocol library",
        )],
    );
}

/// The year and month (1-12) of a time in ms since the epoch (UTC).
fn year_month(ms: f64) -> (i64, u8) {
    // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let days = (ms / 86_400_000.0).floor() as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u8)
}

#[cfg(test)]
mod tests {
    use super::super::questions::questions;
    use super::super::readiness::{readiness, Severity};
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn civil_dates_of_epoch_times() {
        assert_eq!(year_month(0.0), (1970, 1));
        // 2026-12-01T00:00:00Z and 2027-02-28T23:59:59Z.
        assert_eq!(year_month(1_796_083_200_000.0), (2026, 12));
        assert_eq!(year_month(1_803_859_199_000.0), (2027, 2));
        assert_eq!(year_month(1_803_859_200_000.0), (2027, 3));
    }

    #[test]
    fn the_example_meets_in_the_school_year_it_is_opened_in() {
        // Opened in November 2026: the year that started in August 2026.
        let c = example(Lang::Fr, "x".into(), 1_795_000_000_000.0);
        let dates: Vec<&str> = c.launch.meetings.iter().map(|m| m.date.as_str()).collect();
        assert_eq!(dates, ["2026-09-24", "2026-10-22", "2026-12-03"]);
        assert_eq!(c.launch.review_date, "2027-06-05");
        // Opened in March 2027: still that school year.
        let c = example(Lang::En, "x".into(), 1_805_000_000_000.0);
        assert_eq!(c.launch.meetings[0].date, "2026-09-24");
    }
    #[test]
    fn example_fills_every_part_in_both_languages() {
        for lang in Lang::ALL {
            let c = example(lang, "ex".into(), 5.0);
            assert_eq!(c.content_lang, lang);
            assert!(!c.title.is_empty());
            for q in questions() {
                for p in q.parts {
                    assert!(p.is_filled(&c), "{:?}: {}", lang, p.id);
                }
                assert_eq!(q.fill(&c), (q.parts.len(), q.parts.len()));
            }
            assert_eq!(c.carriers.sponsor_status, Some(SponsorStatus::Committed));
        }
    }

    #[test]
    fn example_is_written_in_the_requested_language() {
        let fr = example(Lang::Fr, "ex".into(), 0.0);
        let en = example(Lang::En, "ex".into(), 0.0);
        assert_ne!(fr.purpose.mission, en.purpose.mission);
        assert!(fr.purpose.mission.contains("prof de sciences"));
        assert!(en.purpose.mission.contains("science teacher"));
        assert_eq!(fr.note_count(), en.note_count());
        // Same structure, different words.
        for l in ListId::ALL {
            assert_eq!(fr.notes(l).len(), en.notes(l).len());
            for (a, b) in fr.notes(l).iter().zip(en.notes(l)) {
                assert_eq!(a.id, b.id);
                assert_ne!(a.text, b.text, "{l:?}");
            }
        }
    }

    #[test]
    fn example_has_no_important_readiness_item() {
        for lang in Lang::ALL {
            let r = readiness(&example(lang, "ex".into(), 0.0));
            assert!(r.iter().all(|i| i.severity != Severity::Important), "{r:?}");
            assert!(r.len() <= 1, "{r:?}");
        }
    }

    #[test]
    fn example_ids_are_unique_short_and_derived_from_the_given_id() {
        let mut c = example(Lang::Fr, "k3j9x0a1b2c3d4e5".into(), 0.0);
        assert_eq!(c.id, "k3j9x0a1b2c3d4e5");
        let all = c.item_ids();
        assert!(all
            .iter()
            .all(|i| super::super::split_item_id(i).is_some_and(|(site, _)| site == "k3j9x")));
        let odd = example(Lang::Fr, "abc".into(), 0.0);
        assert!(odd.item_ids().iter().all(|i| i.starts_with("exmpl")));
        assert_eq!(all.iter().collect::<HashSet<_>>().len(), all.len());
        let before = c.clone();
        c.ensure_unique_ids(&mut || "fresh".to_string());
        assert_eq!(c, before);
        assert!(c.notes(ListId::Goals).iter().all(|n| !n.author.is_empty()));
    }

    #[test]
    fn example_survives_a_json_round_trip() {
        for lang in Lang::ALL {
            let c = example(lang, "ex".into(), 1_700_000_000_000.0);
            let json = serde_json::to_string_pretty(&c).unwrap();
            let back: Charter = serde_json::from_str(&json).unwrap();
            assert_eq!(back, c);
        }
    }
}
