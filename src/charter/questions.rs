//! The four questions as data: the one place read by the canvas, the guide,
//! the charter view, the Markdown export and the readiness checks.

use super::text::Text;
use super::{Charter, ChoiceField, FlagSet, ListId, RecordList, TextField};

/// Shorthand for a bilingual text in the tables below.
const fn t(fr: &'static str, en: &'static str) -> Text {
    Text::new(fr, en)
}

/// One of the four questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionId {
    /// 1. Who carries the project?
    Carriers,
    /// 2. For whom, with what mission, against which problems?
    Purpose,
    /// 3. Why would people join?
    Joining,
    /// 4. What sets it apart?
    Distinction,
    /// 5. Launching the community: roles, rhythm, value, first meetings, tools.
    Launch,
}

impl QuestionId {
    /// The five, in order.
    pub const ALL: [QuestionId; 5] = [
        QuestionId::Carriers,
        QuestionId::Purpose,
        QuestionId::Joining,
        QuestionId::Distinction,
        QuestionId::Launch,
    ];
}

/// A question with its prompt, hints and the parts that answer it.
#[derive(Debug)]
pub struct Question {
    /// Which question.
    pub id: QuestionId,
    /// Its number, 1 to 5.
    pub number: u8,
    /// A stable short name for URLs and DOM ids.
    pub slug: &'static str,
    /// The short title.
    pub title: Text,
    /// The question put to the group.
    pub prompt: Text,
    /// A few practical tips.
    pub hints: &'static [Text],
    /// The parts to fill, in order.
    pub parts: &'static [Part],
}

/// One thing to fill in a question.
#[derive(Debug)]
pub struct Part {
    /// Unique id, also used as a DOM anchor.
    pub id: &'static str,
    /// Short label.
    pub label: Text,
    /// One or two sentences of help.
    pub help: Text,
    /// What kind of input it is and where its value lives.
    pub kind: PartKind,
}

/// What kind of input a part is, and which charter field it edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// Free text, on one line or several.
    Text {
        /// The field edited.
        field: TextField,
        /// Whether several lines are expected.
        multiline: bool,
    },
    /// A day (`YYYY-MM-DD`), kept in a text field.
    Date(TextField),
    /// One choice among options.
    Choice(ChoiceField),
    /// Check boxes.
    Flags(FlagSet),
    /// A list of notes.
    Notes(ListId),
    /// A table of records.
    Records(RecordList),
}

/// A choice offered to the user.
#[derive(Debug)]
pub struct Opt {
    /// The stable key stored in the charter.
    pub key: &'static str,
    /// What the user sees.
    pub label: Text,
}

/// A column of a record table.
#[derive(Debug)]
pub struct Column {
    /// The column key used by `Charter::record_value`.
    pub key: &'static str,
    /// The column heading.
    pub label: Text,
    /// The options of a choice column; empty for free text.
    pub options: &'static [Opt],
    /// How a free-text column is typed: any text, a day or a time.
    pub input: CellInput,
}

/// How a free-text column or part is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellInput {
    /// Any text.
    Text,
    /// A day, stored as `YYYY-MM-DD`.
    Date,
    /// A time of day, stored as `HH:MM`.
    Time,
}

/// The label of the option with this key, if any.
pub fn option_label(options: &'static [Opt], key: &str) -> Option<Text> {
    options.iter().find(|o| o.key == key).map(|o| o.label)
}

static KIND_OPTS: [Opt; 2] = [
    Opt {
        key: "cop",
        label: t(
            "Communauté de pratique (CoP)",
            "Community of practice (CoP)",
        ),
    },
    Opt {
        key: "networked_cop",
        label: t(
            "Communauté de pratique en réseau (CoPeR)",
            "Networked community of practice",
        ),
    },
];

static ORIGIN_OPTS: [Opt; 2] = [
    Opt {
        key: "spontaneous",
        label: t(
            "Spontanée : l'idée vient du terrain",
            "Grassroots: the idea came from the field",
        ),
    },
    Opt {
        key: "steered",
        label: t("Pilotée par l'organisation", "Steered by the organisation"),
    },
];

static SPONSOR_OPTS: [Opt; 3] = [
    Opt {
        key: "none_yet",
        label: t("Personne pour l'instant", "No one yet"),
    },
    Opt {
        key: "approached",
        label: t("Démarche entamée", "Approached"),
    },
    Opt {
        key: "committed",
        label: t("Appui confirmé", "Committed"),
    },
];

static SUPERIOR_OPTS: [Opt; 3] = [
    Opt {
        key: "not_yet",
        label: t("Pas encore au courant", "Not told yet"),
    },
    Opt {
        key: "informed",
        label: t("Au courant", "Informed"),
    },
    Opt {
        key: "supports",
        label: t("Au courant et en appui", "Informed and supportive"),
    },
];

static PROBLEM_OPTS: [Opt; 6] = [
    Opt {
        key: "collaborate_create",
        label: t(
            "Avoir un lieu pour collaborer et créer ensemble",
            "A place to collaborate and create together",
        ),
    },
    Opt {
        key: "break_isolation",
        label: t("Sortir de l'isolement", "Breaking out of isolation"),
    },
    Opt {
        key: "digital_tools",
        label: t(
            "Avoir accès à des outils et à des ressources numériques",
            "Access to digital tools and resources",
        ),
    },
    Opt {
        key: "evolve_practices",
        label: t(
            "Faire évoluer nos pratiques",
            "Helping our practices evolve",
        ),
    },
    Opt {
        key: "update_knowledge",
        label: t(
            "Actualiser et approfondir nos connaissances",
            "Updating and deepening what we know",
        ),
    },
    Opt {
        key: "advance_projects",
        label: t("Faire avancer des projets", "Moving projects forward"),
    },
];

static BENEFIT_OPTS: [Opt; 4] = [
    Opt {
        key: "belonging",
        label: t("Un sentiment d'appartenance", "A sense of belonging"),
    },
    Opt {
        key: "professional_identity",
        label: t(
            "Une identité professionnelle plus forte",
            "A stronger professional identity",
        ),
    },
    Opt {
        key: "meaning_motivation",
        label: t(
            "Du sens et de la motivation au travail",
            "Meaning and motivation at work",
        ),
    },
    Opt {
        key: "recognition",
        label: t(
            "La reconnaissance de ses compétences",
            "Recognition of one's skills",
        ),
    },
];

static RESOURCE_KIND_OPTS: [Opt; 6] = [
    Opt {
        key: "released_time",
        label: t("Temps de libération", "Released time"),
    },
    Opt {
        key: "digital_platform",
        label: t("Plateforme numérique", "Digital platform"),
    },
    Opt {
        key: "people",
        label: t("Personnes-ressources", "Support staff"),
    },
    Opt {
        key: "money",
        label: t("Budget", "Funding"),
    },
    Opt {
        key: "it",
        label: t("Soutien informatique", "IT support"),
    },
    Opt {
        key: "other",
        label: t("Autre", "Other"),
    },
];

static RESOURCE_STATUS_OPTS: [Opt; 3] = [
    Opt {
        key: "needed",
        label: t("À demander", "Needed"),
    },
    Opt {
        key: "requested",
        label: t("Demandée", "Requested"),
    },
    Opt {
        key: "granted",
        label: t("Obtenue", "Granted"),
    },
];

static AGREEMENT_KIND_OPTS: [Opt; 3] = [
    Opt {
        key: "time_given",
        label: t(
            "Temps que chacun peut y consacrer",
            "Time each person can give",
        ),
    },
    Opt {
        key: "union_reps",
        label: t("Représentants syndicaux", "Union representatives"),
    },
    Opt {
        key: "other",
        label: t("Autre", "Other"),
    },
];

static RELATION_OPTS: [Opt; 3] = [
    Opt {
        key: "join",
        label: t("La rejoindre", "Join it"),
    },
    Opt {
        key: "partner",
        label: t("Collaborer avec elle", "Partner with it"),
    },
    Opt {
        key: "distinct",
        label: t("Rester distincte", "Stay separate"),
    },
];

static INSTIGATOR_COLUMNS: [Column; 2] = [
    Column {
        key: "name",
        label: t("Nom", "Name"),
        options: &[],
        input: CellInput::Text,
    },
    Column {
        key: "role",
        label: t("Rôle", "Role"),
        options: &[],
        input: CellInput::Text,
    },
];

static RESOURCE_COLUMNS: [Column; 3] = [
    Column {
        key: "kind",
        label: t("Type", "Type"),
        options: &RESOURCE_KIND_OPTS,
        input: CellInput::Text,
    },
    Column {
        key: "status",
        label: t("État", "Status"),
        options: &RESOURCE_STATUS_OPTS,
        input: CellInput::Text,
    },
    Column {
        key: "detail",
        label: t("Précisions", "Details"),
        options: &[],
        input: CellInput::Text,
    },
];

static AGREEMENT_COLUMNS: [Column; 2] = [
    Column {
        key: "kind",
        label: t("Type d'entente", "Kind of agreement"),
        options: &AGREEMENT_KIND_OPTS,
        input: CellInput::Text,
    },
    Column {
        key: "detail",
        label: t("Précisions", "Details"),
        options: &[],
        input: CellInput::Text,
    },
];

static NEIGHBOUR_COLUMNS: [Column; 5] = [
    Column {
        key: "name",
        label: t("Nom", "Name"),
        options: &[],
        input: CellInput::Text,
    },
    Column {
        key: "audience",
        label: t("Public", "Audience"),
        options: &[],
        input: CellInput::Text,
    },
    Column {
        key: "place",
        label: t("Où la trouver", "Where it gathers"),
        options: &[],
        input: CellInput::Text,
    },
    Column {
        key: "relation",
        label: t("Lien envisagé", "Planned relation"),
        options: &RELATION_OPTS,
        input: CellInput::Text,
    },
    Column {
        key: "why",
        label: t("Pourquoi", "Why"),
        options: &[],
        input: CellInput::Text,
    },
];

static MODE_OPTS: [Opt; 3] = [
    Opt {
        key: "in_person",
        label: t("En personne", "In person"),
    },
    Opt {
        key: "online",
        label: t("À distance", "Online"),
    },
    Opt {
        key: "hybrid",
        label: t("En alternance ou en mode hybride", "Alternating, or hybrid"),
    },
];

static ROLE_OPTS: [Opt; 3] = [
    Opt {
        key: "facilitator",
        label: t("Animation", "Facilitation"),
    },
    Opt {
        key: "coordinator",
        label: t("Coordination", "Coordination"),
    },
    Opt {
        key: "other",
        label: t("Autre", "Other"),
    },
];

static CYCLE_OPTS: [Opt; 5] = [
    Opt {
        key: "immediate",
        label: t(
            "Immédiate : la rencontre a été utile",
            "Immediate: the meeting was useful",
        ),
    },
    Opt {
        key: "potential",
        label: t(
            "Potentielle : on repart avec une ressource",
            "Potential: people leave with a resource",
        ),
    },
    Opt {
        key: "applied",
        label: t(
            "Appliquée : une pratique a changé",
            "Applied: a practice has changed",
        ),
    },
    Opt {
        key: "realised",
        label: t(
            "Réalisée : les élèves en profitent",
            "Realised: students benefit",
        ),
    },
    Opt {
        key: "reframing",
        label: t(
            "Recadrée : on revoit ce qui compte",
            "Reframing: we rethink what counts",
        ),
    },
];

/// A free-text column.
const fn text_column(key: &'static str, label: Text) -> Column {
    Column {
        key,
        label,
        options: &[],
        input: CellInput::Text,
    }
}

/// A column typed as a day or a time.
const fn typed_column(key: &'static str, label: Text, input: CellInput) -> Column {
    Column {
        key,
        label,
        options: &[],
        input,
    }
}

/// A choice column.
const fn choice_column(key: &'static str, label: Text, options: &'static [Opt]) -> Column {
    Column {
        key,
        label,
        options,
        input: CellInput::Text,
    }
}

static ROLE_COLUMNS: [Column; 3] = [
    choice_column("kind", t("Rôle", "Role"), &ROLE_OPTS),
    text_column("name", t("Personne", "Person")),
    text_column("duties", t("Ce que ça comprend", "What it involves")),
];

static LANDMARK_COLUMNS: [Column; 3] = [
    text_column("label", t("Repère", "Landmark")),
    typed_column("from", t("Du", "From"), CellInput::Date),
    typed_column(
        "to",
        t("Au (s'il y a lieu)", "To (if several days)"),
        CellInput::Date,
    ),
];

static MEETING_COLUMNS: [Column; 3] = [
    typed_column("date", t("Date", "Date"), CellInput::Date),
    typed_column("time", t("Heure", "Time"), CellInput::Time),
    text_column("topic", t("Sujet", "Topic")),
];

static VALUE_COLUMNS: [Column; 4] = [
    choice_column("cycle", t("Cycle", "Cycle"), &CYCLE_OPTS),
    text_column("expected", t("Ce qu'on attend", "What we expect")),
    text_column("indicator", t("Indicateur", "Indicator")),
    text_column(
        "gathered",
        t("Comment on le recueille", "How it is gathered"),
    ),
];

static TOOL_COLUMNS: [Column; 4] = [
    text_column("name", t("Outil ou lieu", "Tool or place")),
    text_column("purpose", t("Pour quoi faire", "What for")),
    text_column("admin", t("Administration", "Administered by")),
    text_column("moderator", t("Modération", "Moderated by")),
];

/// The options of a choice field.
pub fn choice_options(f: ChoiceField) -> &'static [Opt] {
    match f {
        ChoiceField::Kind => &KIND_OPTS,
        ChoiceField::Origin => &ORIGIN_OPTS,
        ChoiceField::SponsorStatus => &SPONSOR_OPTS,
        ChoiceField::Superior => &SUPERIOR_OPTS,
        ChoiceField::Mode => &MODE_OPTS,
    }
}

/// The check boxes of a flag set.
pub fn flag_options(s: FlagSet) -> &'static [Opt] {
    match s {
        FlagSet::Problems => &PROBLEM_OPTS,
        FlagSet::Benefits => &BENEFIT_OPTS,
    }
}

/// The columns of a record table.
pub fn columns(r: RecordList) -> &'static [Column] {
    match r {
        RecordList::Instigators => &INSTIGATOR_COLUMNS,
        RecordList::Resources => &RESOURCE_COLUMNS,
        RecordList::Agreements => &AGREEMENT_COLUMNS,
        RecordList::Neighbours => &NEIGHBOUR_COLUMNS,
        RecordList::Roles => &ROLE_COLUMNS,
        RecordList::Landmarks => &LANDMARK_COLUMNS,
        RecordList::Meetings => &MEETING_COLUMNS,
        RecordList::Value => &VALUE_COLUMNS,
        RecordList::Tools => &TOOL_COLUMNS,
    }
}

static QUESTIONS: [Question; 5] = [
    Question {
        id: QuestionId::Carriers,
        number: 1,
        slug: "carriers",
        title: t("Qui porte le projet?", "Who carries the project?"),
        prompt: t(
            "Qui lance la communauté, qui l'appuie dans l'organisation et de quoi aura-t-elle besoin pour démarrer?",
            "Who is launching the community, who backs it in the organisation, and what will it need to get going?",
        ),
        hints: &[
            t(
                "Nommez deux ou trois personnes instigatrices : un projet porté à plusieurs survit mieux au départ de l'une d'elles.",
                "Name two or three instigators: a project carried by several people survives when one of them moves on.",
            ),
            t(
                "Si la communauté prend forme dans une école ou un centre de services, parlez-en tôt à votre supérieur immédiat.",
                "If the community is taking shape in a school or a service centre, talk to your direct superior early.",
            ),
            t(
                "Le parrain ou la marraine ne participe pas aux échanges : son rôle est de donner du poids au projet et d'ouvrir des portes.",
                "The sponsor doesn't take part in the exchanges: their job is to give the project weight and open doors.",
            ),
            t(
                "Estimez le temps que chacun pourra y mettre selon sa tâche, et voyez s'il faut en parler avec le syndicat.",
                "Estimate how much time each person can put in given their workload, and see whether the union should be consulted.",
            ),
        ],
        parts: &[
            Part {
                id: "origin",
                label: t("Origine de la démarche", "How it started"),
                help: t(
                    "Spontanée : l'idée vient du terrain et les membres s'organisent entre eux. Pilotée : l'organisation la met sur pied et en confie le mandat à quelqu'un.",
                    "Grassroots: the idea comes from the field and members organise themselves. Steered: the organisation sets it up and hands someone the mandate.",
                ),
                kind: PartKind::Choice(ChoiceField::Origin),
            },
            Part {
                id: "instigators",
                label: t("Personnes instigatrices", "Instigators"),
                help: t(
                    "Les personnes qui ont eu l'idée et qui la font avancer, avec leur rôle dans le milieu.",
                    "The people who had the idea and are moving it forward, with their role at work.",
                ),
                kind: PartKind::Records(RecordList::Instigators),
            },
            Part {
                id: "sponsor-name",
                label: t("Parrain ou marraine", "Sponsor"),
                help: t(
                    "Une personne de la direction qui ne sera pas membre, mais qui reconnaît la communauté, lui trouve des ressources et la défend au besoin.",
                    "Someone in senior management who won't be a member, but who recognises the community, finds it resources and stands up for it when needed.",
                ),
                kind: PartKind::Text {
                    field: TextField::SponsorName,
                    multiline: false,
                },
            },
            Part {
                id: "sponsor-role",
                label: t("Fonction du parrain ou de la marraine", "Sponsor's position"),
                help: t(
                    "Par exemple : direction générale adjointe, direction des services éducatifs.",
                    "For example: assistant director general, director of educational services.",
                ),
                kind: PartKind::Text {
                    field: TextField::SponsorRole,
                    multiline: false,
                },
            },
            Part {
                id: "sponsor-status",
                label: t("Où en est l'appui de la direction?", "Where does the sponsor stand?"),
                help: t(
                    "Un engagement clair compte surtout quand c'est l'organisation qui pilote la communauté.",
                    "A clear commitment matters most when the organisation is the one steering the community.",
                ),
                kind: PartKind::Choice(ChoiceField::SponsorStatus),
            },
            Part {
                id: "superior",
                label: t("Supérieur immédiat", "Direct superior"),
                help: t(
                    "Mettre sa direction au courant tôt aide à mobiliser les bonnes personnes et à s'entendre sur le temps.",
                    "Letting your principal or manager know early helps bring in the right people and agree on time.",
                ),
                kind: PartKind::Choice(ChoiceField::Superior),
            },
            Part {
                id: "key-people",
                label: t("Personnes pivots", "Key people"),
                help: t(
                    "Celles dont l'appui ou le rôle compte pour réussir : conseillère pédagogique, technicien, secrétaire d'école…",
                    "People whose support or role the project relies on: pedagogical consultant, technician, school secretary…",
                ),
                kind: PartKind::Notes(ListId::KeyPeople),
            },
            Part {
                id: "resources",
                label: t("Ressources recherchées", "Resources"),
                help: t(
                    "Ce dont la communauté aura besoin, et où en est chaque demande.",
                    "What the community will need, and where each request stands.",
                ),
                kind: PartKind::Records(RecordList::Resources),
            },
            Part {
                id: "agreements",
                label: t("Ententes à conclure", "Agreements to reach"),
                help: t(
                    "Le temps que chacun pourra donner selon sa tâche, les discussions avec les représentants syndicaux, tout autre arrangement.",
                    "The time each person can give given their workload, talks with union representatives, any other arrangement.",
                ),
                kind: PartKind::Records(RecordList::Agreements),
            },
        ],
    },
    Question {
        id: QuestionId::Purpose,
        number: 2,
        slug: "purpose",
        title: t(
            "Pour qui, quelle mission, quels problèmes?",
            "For whom, with what mission, against which problems?",
        ),
        prompt: t(
            "À qui s'adresse la communauté, quelle pratique ses membres ont-ils en commun et quels problèmes veut-elle les aider à régler?",
            "Who is the community for, what practice do its members have in common, and which problems will it help them solve?",
        ),
        hints: &[
            t(
                "Décrivez la pratique commune en une ou deux phrases : c'est elle qui rassemble les gens, plus que leur poste ou leur école.",
                "Describe the shared practice in a sentence or two: it's what brings people together, more than their job title or school.",
            ),
            t(
                "Partez de la vision, puis traduisez-la en buts concrets; les priorités et les thèmes viendront ensuite.",
                "Start from the vision, then turn it into concrete goals; priorities and themes come next.",
            ),
            t(
                "Cochez les problèmes qui vous parlent et ajoutez ceux de votre milieu dans vos mots.",
                "Tick the problems that ring true and add the ones from your own setting in your own words.",
            ),
            t(
                "Quelques règles simples, choisies ensemble, valent mieux qu'un long règlement.",
                "A few simple rules chosen together beat a long rulebook.",
            ),
        ],
        parts: &[
            Part {
                id: "members",
                label: t("Membres visés", "Who it's for"),
                help: t(
                    "Les personnes qui pourraient en faire partie : ordre d'enseignement, discipline, fonction, écoles.",
                    "The people who could join: school level, subject, role, schools.",
                ),
                kind: PartKind::Notes(ListId::Members),
            },
            Part {
                id: "shared-practice",
                label: t("Pratique partagée", "Shared practice"),
                help: t(
                    "Ce que les membres font au quotidien et qui les rassemble.",
                    "What members do day to day that brings them together.",
                ),
                kind: PartKind::Text {
                    field: TextField::SharedPractice,
                    multiline: true,
                },
            },
            Part {
                id: "mission",
                label: t("Mission", "Mission"),
                help: t(
                    "En une phrase, ce que la communauté s'engage à faire.",
                    "In one sentence, what the community commits to doing.",
                ),
                kind: PartKind::Text {
                    field: TextField::Mission,
                    multiline: true,
                },
            },
            Part {
                id: "vision",
                label: t("Vision", "Vision"),
                help: t(
                    "Pourquoi la communauté existe et ce qui aura changé si elle réussit.",
                    "Why the community exists and what will have changed if it succeeds.",
                ),
                kind: PartKind::Text {
                    field: TextField::Vision,
                    multiline: true,
                },
            },
            Part {
                id: "problems",
                label: t("Problèmes et motivations", "Problems and motives"),
                help: t(
                    "Cochez tout ce qui pousse le groupe à travailler ensemble.",
                    "Tick everything that drives the group to work together.",
                ),
                kind: PartKind::Flags(FlagSet::Problems),
            },
            Part {
                id: "other-problems",
                label: t("Autres problèmes", "Other problems"),
                help: t(
                    "Les irritants ou les besoins propres à votre milieu.",
                    "Pain points or needs specific to your setting.",
                ),
                kind: PartKind::Notes(ListId::OtherProblems),
            },
            Part {
                id: "goals",
                label: t("Buts", "Goals"),
                help: t(
                    "Ce que la communauté veut accomplir, tiré de la vision.",
                    "What the community wants to achieve, drawn from the vision.",
                ),
                kind: PartKind::Notes(ListId::Goals),
            },
            Part {
                id: "beneficiaries",
                label: t("À qui ça profite", "Who benefits"),
                help: t(
                    "Les membres, bien sûr, mais aussi les élèves, les collègues, l'école…",
                    "Members, of course, but also students, colleagues, the school…",
                ),
                kind: PartKind::Notes(ListId::Beneficiaries),
            },
            Part {
                id: "knowledge",
                label: t("Savoirs échangés", "Knowledge exchanged"),
                help: t(
                    "Le genre de connaissances qui circuleront : trucs de classe, résultats de recherche, outils, situations d'apprentissage…",
                    "The kind of knowledge that will circulate: classroom tips, research findings, tools, learning activities…",
                ),
                kind: PartKind::Notes(ListId::Knowledge),
            },
            Part {
                id: "priorities",
                label: t("Priorités", "Priorities"),
                help: t(
                    "Ce que vous allez attaquer en premier.",
                    "What you'll tackle first.",
                ),
                kind: PartKind::Notes(ListId::Priorities),
            },
            Part {
                id: "rules",
                label: t("Règles de fonctionnement", "Ground rules"),
                help: t(
                    "Comment vous vous réunissez, décidez, partagez et respectez le travail des autres.",
                    "How you meet, decide, share and respect each other's work.",
                ),
                kind: PartKind::Notes(ListId::Rules),
            },
            Part {
                id: "themes",
                label: t("Thèmes", "Themes"),
                help: t(
                    "Les sujets qui découlent des priorités et qui guideront vos rencontres.",
                    "Topics that follow from the priorities and will shape your meetings.",
                ),
                kind: PartKind::Notes(ListId::Themes),
            },
        ],
    },
    Question {
        id: QuestionId::Joining,
        number: 3,
        slug: "joining",
        title: t("Pourquoi en faire partie?", "Why would people join?"),
        prompt: t(
            "Qu'est-ce que chaque personne y gagnera, et comment sa participation pourra-t-elle évoluer avec le temps?",
            "What will each person gain, and how can their involvement grow over time?",
        ),
        hints: &[
            t(
                "On s'engage d'abord pour ce qu'on en retire soi-même : nommez ces gains clairement dans votre invitation.",
                "People join first for what they personally get out of it: spell out those gains in your invitation.",
            ),
            t(
                "C'est normal que tout le monde ne participe pas autant : un petit noyau lance le mouvement, d'autres suivent de plus loin.",
                "It's normal that not everyone takes part equally: a small core gets things going while others follow from a distance.",
            ),
            t(
                "Prévoyez une porte d'entrée facile pour les nouveaux, comme consulter les ressources avant d'en proposer.",
                "Plan an easy way in for newcomers, like browsing resources before offering their own.",
            ),
            t(
                "Pensez aux traces à garder : ce que vous produisez ensemble devient la mémoire du groupe.",
                "Think about what to keep: what you produce together becomes the group's memory.",
            ),
        ],
        parts: &[
            Part {
                id: "benefits",
                label: t("Gains pour chaque membre", "What each member gains"),
                help: t(
                    "Cochez ce que la communauté peut apporter à chaque personne.",
                    "Tick what the community can offer each person.",
                ),
                kind: PartKind::Flags(FlagSet::Benefits),
            },
            Part {
                id: "other-benefits",
                label: t("Autres gains", "Other gains"),
                help: t(
                    "D'autres avantages propres à votre groupe.",
                    "Other benefits specific to your group.",
                ),
                kind: PartKind::Notes(ListId::OtherBenefits),
            },
            Part {
                id: "core",
                label: t("Noyau", "Core"),
                help: t(
                    "Les personnes qui s'investiront dès le départ, animeront et feront vivre la communauté.",
                    "The people who will invest from day one, lead and keep the community alive.",
                ),
                kind: PartKind::Notes(ListId::Core),
            },
            Part {
                id: "active",
                label: t("Membres actifs", "Active members"),
                help: t(
                    "Celles et ceux qui participeront régulièrement sans porter l'animation.",
                    "Those who will take part regularly without leading.",
                ),
                kind: PartKind::Notes(ListId::Active),
            },
            Part {
                id: "peripheral",
                label: t("En périphérie", "At the edge"),
                help: t(
                    "Les personnes qui suivront de loin, liront et passeront à l'occasion; elles comptent aussi.",
                    "People who will follow from a distance, read and drop in now and then; they count too.",
                ),
                kind: PartKind::Notes(ListId::Peripheral),
            },
            Part {
                id: "away",
                label: t("À l'écart", "Staying away"),
                help: t(
                    "Celles et ceux qui ne prendront pas part, du moins pour l'instant. Savoir pourquoi aide à ajuster l'invitation et à garder la porte ouverte.",
                    "Those who won't take part, at least for now. Knowing why helps you adjust the invitation and keep the door open.",
                ),
                kind: PartKind::Notes(ListId::Away),
            },
            Part {
                id: "path-explore",
                label: t("Parcours : explorer", "Path: explore"),
                help: t(
                    "Ce que les nouveaux membres feront pour s'y retrouver : lire, consulter, observer.",
                    "What newcomers will do to find their feet: read, browse, observe.",
                ),
                kind: PartKind::Notes(ListId::PathExplore),
            },
            Part {
                id: "path-contribute",
                label: t("Parcours : contribuer", "Path: contribute"),
                help: t(
                    "Comment les membres apporteront leur expertise : partager une activité, répondre à une question, présenter un essai.",
                    "How members will bring their expertise: share an activity, answer a question, present a trial.",
                ),
                kind: PartKind::Notes(ListId::PathContribute),
            },
            Part {
                id: "path-codevelop",
                label: t("Parcours : codévelopper", "Path: co-develop"),
                help: t(
                    "Ce que les membres bâtiront ensemble : séquences, outils, projets communs.",
                    "What members will build together: lesson sequences, tools, joint projects.",
                ),
                kind: PartKind::Notes(ListId::PathCodevelop),
            },
            Part {
                id: "artefacts",
                label: t("Artéfacts à produire", "Artefacts to produce"),
                help: t(
                    "Les ressources que la communauté va créer et conserver : guides, gabarits, vidéos, banques d'activités…",
                    "The resources the community will create and keep: guides, templates, videos, activity banks…",
                ),
                kind: PartKind::Notes(ListId::Artefacts),
            },
        ],
    },
    Question {
        id: QuestionId::Distinction,
        number: 4,
        slug: "distinction",
        title: t("Qu'est-ce qui la distingue?", "What sets it apart?"),
        prompt: t(
            "Quels groupes existent déjà autour de cette pratique, et pourquoi votre communauté a-t-elle sa place parmi eux?",
            "Which groups already exist around this practice, and why does your community have its own place among them?",
        ),
        hints: &[
            t(
                "Faites un petit tour d'horizon : groupes Facebook, équipes Teams, réseaux régionaux, associations disciplinaires.",
                "Take a quick look around: Facebook groups, Teams channels, regional networks, subject associations.",
            ),
            t(
                "Si un groupe fait déjà ce que vous visez, le rejoindre ou vous y associer peut vous faire gagner beaucoup de temps.",
                "If a group already does what you're after, joining or partnering with it can save you a lot of time.",
            ),
            t(
                "Une personne experte invitée au bon moment peut donner un vrai élan à vos rencontres.",
                "An expert invited at the right moment can give your meetings a real boost.",
            ),
        ],
        parts: &[
            Part {
                id: "neighbours",
                label: t("Communautés voisines", "Neighbouring communities"),
                help: t(
                    "Les groupes qui rejoignent déjà un public comme le vôtre : leur nom, à qui ils s'adressent, où ils se trouvent, et le lien que vous voulez avoir avec eux.",
                    "Groups that already reach an audience like yours: their name, who they're for, where they gather, and how you want to relate to them.",
                ),
                kind: PartKind::Records(RecordList::Neighbours),
            },
            Part {
                id: "social-networks",
                label: t("Réseaux sociaux utilisés", "Social networks in use"),
                help: t(
                    "Les plateformes où vos collègues échangent déjà.",
                    "Platforms where your colleagues already talk shop.",
                ),
                kind: PartKind::Notes(ListId::SocialNetworks),
            },
            Part {
                id: "working-groups",
                label: t("Groupes de travail à associer", "Working groups to involve"),
                help: t(
                    "Les comités ou équipes qui travaillent déjà sur ce sujet, à rejoindre plutôt qu'à dédoubler.",
                    "Committees or teams already working on this topic, better joined than duplicated.",
                ),
                kind: PartKind::Notes(ListId::WorkingGroups),
            },
            Part {
                id: "experts",
                label: t("Personnes expertes à inviter", "Experts to invite"),
                help: t(
                    "Chercheuses, conseillers, gens du terrain qui enrichiront vos activités.",
                    "Researchers, consultants or practitioners who will enrich your activities.",
                ),
                kind: PartKind::Notes(ListId::Experts),
            },
            Part {
                id: "distinctiveness",
                label: t("Ce qui la rend unique", "What makes it unique"),
                help: t(
                    "En quelques phrases, ce que votre communauté offre qu'on ne trouve pas ailleurs.",
                    "In a few sentences, what your community offers that can't be found elsewhere.",
                ),
                kind: PartKind::Text {
                    field: TextField::Distinctiveness,
                    multiline: true,
                },
            },
        ],
    },
    Question {
        id: QuestionId::Launch,
        number: 5,
        slug: "launch",
        title: t("Lancer la communauté", "Launching the community"),
        prompt: t(
            "Qui fera vivre la communauté, à quel rythme, avec quels outils, et comment saura-t-on qu'elle apporte quelque chose?",
            "Who will keep the community going, at what pace, with which tools, and how will you know it brings something?",
        ),
        hints: &[
            t(
                "Une communauté vit de son rythme : des rencontres régulières, placées dans l'année scolaire, valent mieux qu'un grand événement isolé.",
                "A community lives by its rhythm: regular meetings, placed in the school year, beat one big event on its own.",
            ),
            t(
                "Nommez quelqu'un à l'animation : c'est cette personne qui relance les échanges et veille au climat.",
                "Name someone to facilitate: that person restarts the conversation and looks after the climate.",
            ),
            t(
                "Prévoyez dès maintenant ce que vous pourrez montrer à la direction après une première étape : une ressource produite, une pratique essayée.",
                "Plan now what you will be able to show management after a first term: a resource made, a practice tried.",
            ),
            t(
                "La première rencontre donne le ton : présentez la mission, écoutez les attentes et décidez de la suite ensemble.",
                "The first meeting sets the tone: present the mission, hear what people expect and decide the next steps together.",
            ),
        ],
        parts: &[
            Part {
                id: "roles",
                label: t("Rôles", "Roles"),
                help: t(
                    "Qui anime, qui coordonne, et qui fait quoi d'autre pour que la communauté vive.",
                    "Who facilitates, who coordinates, and who does what else to keep the community alive.",
                ),
                kind: PartKind::Records(RecordList::Roles),
            },
            Part {
                id: "frequency",
                label: t("Fréquence des rencontres", "How often you meet"),
                help: t(
                    "Par exemple : toutes les trois semaines, ou une fois par étape.",
                    "For example: every three weeks, or once per term.",
                ),
                kind: PartKind::Text {
                    field: TextField::Frequency,
                    multiline: false,
                },
            },
            Part {
                id: "duration",
                label: t("Durée d'une rencontre", "How long a meeting lasts"),
                help: t(
                    "Par exemple : 75 minutes après les cours, ou l'heure du dîner.",
                    "For example: 75 minutes after school, or the lunch hour.",
                ),
                kind: PartKind::Text {
                    field: TextField::Duration,
                    multiline: false,
                },
            },
            Part {
                id: "mode",
                label: t("En personne ou à distance", "In person or online"),
                help: t(
                    "Où les membres se retrouveront le plus souvent.",
                    "Where members will meet most of the time.",
                ),
                kind: PartKind::Choice(ChoiceField::Mode),
            },
            Part {
                id: "landmarks",
                label: t("Repères de l'année scolaire", "Landmarks of the school year"),
                help: t(
                    "Les moments à éviter ou à viser, tels qu'ils sont chez vous : journées pédagogiques, remise des bulletins, examens, congés, été.",
                    "The moments to avoid or aim for, as they are where you work: professional development days, report cards, exams, holidays, summer.",
                ),
                kind: PartKind::Records(RecordList::Landmarks),
            },
            Part {
                id: "meetings",
                label: t("Premières rencontres", "First meetings"),
                help: t(
                    "Les dates des premières rencontres. Coplanifier les compare aux repères de l'année.",
                    "The dates of the first meetings. Coplanifier checks them against the landmarks of the year.",
                ),
                kind: PartKind::Records(RecordList::Meetings),
            },
            Part {
                id: "value",
                label: t("Valeur attendue", "Expected value"),
                help: t(
                    "Pour chaque cycle, ce que vous attendez, l'indicateur qui le montrera et la façon de le recueillir.",
                    "For each cycle, what you expect, the indicator that will show it and how you will gather it.",
                ),
                kind: PartKind::Records(RecordList::Value),
            },
            Part {
                id: "review-date",
                label: t("Révision de la charte", "Charter review"),
                help: t(
                    "Le jour où vous relirez ensemble cette charte pour l'ajuster.",
                    "The day you will reread this charter together and adjust it.",
                ),
                kind: PartKind::Date(TextField::ReviewDate),
            },
            Part {
                id: "kickoff-agenda",
                label: t("Ordre du jour du lancement", "Kick-off agenda"),
                help: t(
                    "Les points de la première rencontre, dans l'ordre.",
                    "The items of the first meeting, in order.",
                ),
                kind: PartKind::Notes(ListId::KickoffAgenda),
            },
            Part {
                id: "first-activities",
                label: t("Premières activités", "First activities"),
                help: t(
                    "Les trois premières choses que vous ferez ensemble.",
                    "The first three things you will do together.",
                ),
                kind: PartKind::Notes(ListId::FirstActivities),
            },
            Part {
                id: "welcome",
                label: t("Accueil des nouveaux", "Welcoming newcomers"),
                help: t(
                    "Comment une personne qui arrive en cours de route trouvera sa place.",
                    "How someone who joins along the way will find their place.",
                ),
                kind: PartKind::Notes(ListId::Welcome),
            },
            Part {
                id: "tools",
                label: t("Outils et plateforme", "Tools and platform"),
                help: t(
                    "Où la communauté échange et garde ses traces, et qui s'en occupe.",
                    "Where the community talks and keeps what it makes, and who looks after it.",
                ),
                kind: PartKind::Records(RecordList::Tools),
            },
        ],
    },
];

/// The five questions (the four of the guide, then the launch), in order.
pub fn questions() -> &'static [Question] {
    &QUESTIONS
}

/// One question.
pub fn question(id: QuestionId) -> &'static Question {
    match id {
        QuestionId::Carriers => &QUESTIONS[0],
        QuestionId::Purpose => &QUESTIONS[1],
        QuestionId::Joining => &QUESTIONS[2],
        QuestionId::Distinction => &QUESTIONS[3],
        QuestionId::Launch => &QUESTIONS[4],
    }
}

/// The part with this id and the question it belongs to.
pub fn find_part(id: &str) -> Option<(&'static Question, &'static Part)> {
    QUESTIONS
        .iter()
        .find_map(|q| q.parts.iter().find(|p| p.id == id).map(|p| (q, p)))
}

/// The question with this slug.
pub fn find_question(slug: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.slug == slug)
}

impl Part {
    /// Whether the charter holds something for this part (blank notes and rows do not count).
    pub fn is_filled(&self, c: &Charter) -> bool {
        match self.kind {
            PartKind::Text { field, .. } | PartKind::Date(field) => {
                super::model::filled(c.text(field))
            }
            PartKind::Choice(f) => c.choice(f).is_some(),
            PartKind::Flags(s) => !c.flags(s).is_empty(),
            PartKind::Notes(l) => c.has_notes(l),
            PartKind::Records(r) => c.has_records(r),
        }
    }
}

impl Question {
    /// How many parts are filled, out of how many.
    pub fn fill(&self, c: &Charter) -> (usize, usize) {
        let filled = self.parts.iter().filter(|p| p.is_filled(c)).count();
        (filled, self.parts.len())
    }

    /// The part with this id, if it belongs to this question.
    pub fn part(&self, id: &str) -> Option<&'static Part> {
        self.parts.iter().find(|p| p.id == id)
    }
}

/// How many parts are filled in the whole charter, out of how many.
pub fn total_fill(c: &Charter) -> (usize, usize) {
    QUESTIONS.iter().fold((0, 0), |(f, t), q| {
        let (qf, qt) = q.fill(c);
        (f + qf, t + qt)
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::Lang;
    use super::super::*;
    use super::*;
    use std::collections::HashSet;

    fn parts() -> impl Iterator<Item = &'static Part> {
        questions().iter().flat_map(|q| q.parts.iter())
    }

    fn count(k: PartKind) -> usize {
        parts().filter(|p| same_target(p.kind, k)).count()
    }

    /// Same edited field, whatever the `multiline` flag or a day's input.
    fn same_target(a: PartKind, b: PartKind) -> bool {
        let text = |k: PartKind| match k {
            PartKind::Text { field, .. } | PartKind::Date(field) => Some(field),
            _ => None,
        };
        match (text(a), text(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        }
    }

    #[test]
    fn questions_are_numbered_in_order() {
        let qs = questions();
        assert_eq!(qs.len(), 5);
        for (i, (q, id)) in qs.iter().zip(QuestionId::ALL).enumerate() {
            assert_eq!(q.id, id);
            assert_eq!(q.number as usize, i + 1);
            assert_eq!(question(id).number, q.number);
            assert_eq!(find_question(q.slug).map(|f| f.id), Some(id));
            assert!((2..=4).contains(&q.hints.len()), "{} hints", q.slug);
            assert!(q.prompt.fr.ends_with('?') && q.prompt.en.ends_with('?'));
        }
    }

    #[test]
    fn every_field_is_reachable_from_exactly_one_part() {
        for l in ListId::ALL {
            assert_eq!(count(PartKind::Notes(l)), 1, "{l:?}");
        }
        for f in TextField::ALL {
            let k = PartKind::Text {
                field: f,
                multiline: false,
            };
            assert_eq!(count(k), 1, "{f:?}");
        }
        for f in ChoiceField::ALL {
            let expected = usize::from(f != ChoiceField::Kind);
            assert_eq!(count(PartKind::Choice(f)), expected, "{f:?}");
        }
        for s in FlagSet::ALL {
            assert_eq!(count(PartKind::Flags(s)), 1, "{s:?}");
        }
        for r in RecordList::ALL {
            assert_eq!(count(PartKind::Records(r)), 1, "{r:?}");
        }
    }

    #[test]
    fn part_ids_are_unique_and_found() {
        let ids: Vec<&str> = parts().map(|p| p.id).collect();
        let set: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len());
        for p in parts() {
            assert!(p
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_'));
            let (q, found) = find_part(p.id).unwrap();
            assert_eq!(found.id, p.id);
            assert!(q.part(p.id).is_some());
        }
        assert!(find_part("nope").is_none());
    }

    fn texts() -> Vec<Text> {
        let mut all = Vec::new();
        for q in questions() {
            all.push(q.title);
            all.push(q.prompt);
            all.extend(q.hints.iter().copied());
            for p in q.parts {
                all.push(p.label);
                all.push(p.help);
            }
        }
        for f in ChoiceField::ALL {
            all.extend(choice_options(f).iter().map(|o| o.label));
        }
        for s in FlagSet::ALL {
            all.extend(flag_options(s).iter().map(|o| o.label));
        }
        for r in RecordList::ALL {
            for c in columns(r) {
                all.push(c.label);
                all.extend(c.options.iter().map(|o| o.label));
            }
        }
        all
    }

    #[test]
    fn every_text_has_french_and_english() {
        for t in texts() {
            assert!(!t.fr.trim().is_empty(), "{t:?}");
            assert!(!t.en.trim().is_empty(), "{t:?}");
            assert_eq!(t.fr.trim(), t.fr);
            assert_eq!(t.en.trim(), t.en);
            // French typography: a non-breaking space before a colon, so it never starts a line.
            assert!(!t.fr.contains(" :"), "{}", t.fr);
        }
    }

    fn keys(opts: &[Opt]) -> Vec<&'static str> {
        opts.iter().map(|o| o.key).collect()
    }

    #[test]
    fn options_match_the_model_keys() {
        let k = |v: Vec<&'static str>| v;
        assert_eq!(
            keys(choice_options(ChoiceField::Kind)),
            k(CommunityKind::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(choice_options(ChoiceField::Origin)),
            k(Origin::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(choice_options(ChoiceField::SponsorStatus)),
            k(SponsorStatus::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(choice_options(ChoiceField::Superior)),
            k(SuperiorStatus::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(flag_options(FlagSet::Problems)),
            k(Problem::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(flag_options(FlagSet::Benefits)),
            k(Benefit::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(columns(RecordList::Resources)[0].options),
            k(ResourceKind::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(columns(RecordList::Resources)[1].options),
            k(ResourceStatus::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(columns(RecordList::Agreements)[0].options),
            k(AgreementKind::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            keys(columns(RecordList::Neighbours)[3].options),
            k(Relation::ALL.iter().map(|v| v.key()).collect())
        );
        assert_eq!(
            option_label(choice_options(ChoiceField::Origin), "steered").map(|t| t.get(Lang::En)),
            Some("Steered by the organisation")
        );
        assert!(option_label(choice_options(ChoiceField::Origin), "x").is_none());
    }

    #[test]
    fn every_column_and_option_works_on_the_charter() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        for r in RecordList::ALL {
            c.add_record(r, format!("{}-1", r.slug()), 1.0);
            let id = format!("{}-1", r.slug());
            for col in columns(r) {
                if col.options.is_empty() {
                    assert!(c.set_record_value(r, &id, col.key, "abc".into(), 2.0));
                    assert_eq!(c.record_value(r, &id, col.key), "abc");
                } else {
                    for o in col.options {
                        assert!(c.set_record_value(r, &id, col.key, o.key.into(), 2.0));
                        assert_eq!(c.record_value(r, &id, col.key), o.key);
                    }
                }
            }
        }
        for f in ChoiceField::ALL {
            for o in choice_options(f) {
                c.set_choice(f, Some(o.key), 3.0);
                assert_eq!(c.choice(f), Some(o.key));
            }
        }
        for s in FlagSet::ALL {
            for o in flag_options(s) {
                c.toggle_flag(s, o.key, 4.0);
                assert!(c.flag(s, o.key));
            }
        }
    }

    #[test]
    fn fill_counts_filled_parts() {
        let mut c = Charter::new("c".into(), Lang::Fr, 0.0);
        let q1 = question(QuestionId::Carriers);
        assert_eq!(q1.fill(&c), (0, 9));
        c.set_choice(ChoiceField::Origin, Some("spontaneous"), 1.0);
        c.set_text(TextField::SponsorName, "  ".into(), 1.0);
        assert_eq!(q1.fill(&c), (1, 9), "blank text does not count");
        c.set_text(TextField::SponsorName, "Martin".into(), 1.0);
        c.add_record(RecordList::Instigators, "i".into(), 1.0);
        assert_eq!(q1.fill(&c), (2, 9), "blank row does not count");
        c.set_record_value(
            RecordList::Instigators,
            "i",
            "name",
            "Geneviève".into(),
            1.0,
        );
        c.add_note(ListId::KeyPeople, "k".into(), String::new(), 1.0);
        assert_eq!(q1.fill(&c), (3, 9), "blank note does not count");
        c.edit_note("k", "Lucie".into(), 1.0);
        assert_eq!(q1.fill(&c), (4, 9));

        let q2 = question(QuestionId::Purpose);
        assert_eq!(q2.fill(&c), (0, 12));
        c.toggle_flag(FlagSet::Problems, "break_isolation", 1.0);
        c.set_text(TextField::Mission, "M".into(), 1.0);
        assert_eq!(q2.fill(&c), (2, 12));
        assert_eq!(question(QuestionId::Joining).fill(&c), (0, 10));
        assert_eq!(question(QuestionId::Distinction).fill(&c), (0, 5));
        assert_eq!(question(QuestionId::Launch).fill(&c), (0, 12));
        assert_eq!(total_fill(&c), (6, 48));
    }
}
