#!/usr/bin/env python3
"""Writes the hand-written charters of the benchmark corpus (bench/corpus/).

The two full examples of the app come from `cargo run --example link_bench --
--write-examples bench/corpus`. Everything here is deterministic (fixed seed),
written the way the app writes a file: the JSON envelope on one line, every
field present, random 16-character base-36 ids, times in milliseconds.
The stories and texts are fictional and written for this corpus.
"""
import json
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parent / "corpus"
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
NOTE_LISTS = {
    "carriers": ["key_people"],
    "purpose": ["members", "other_problems", "goals", "beneficiaries", "knowledge",
                "priorities", "rules", "themes"],
    "joining": ["other_benefits", "core", "active", "peripheral", "path_explore",
                "path_contribute", "path_codevelop", "artefacts"],
    "distinction": ["social_networks", "working_groups", "experts"],
}


class Builder:
    """Fills one charter, with ids and times as a real editing session makes them."""

    def __init__(self, seed, lang, start_ms):
        self.rng = random.Random(seed)
        self.now = start_ms
        self.c = {
            "id": self.fresh_id(), "title": "", "kind": "cop", "content_lang": lang,
            "created_at": float(start_ms), "updated_at": float(start_ms),
            "carriers": {"origin": None, "instigators": [], "sponsor_name": "",
                         "sponsor_role": "", "sponsor_status": None, "superior": None,
                         "key_people": [], "resources": [], "agreements": []},
            "purpose": {"members": [], "shared_practice": "", "mission": "", "vision": "",
                        "problems": [], "other_problems": [], "goals": [],
                        "beneficiaries": [], "knowledge": [], "priorities": [], "rules": [],
                        "themes": []},
            "joining": {"benefits": [], "other_benefits": [], "core": [], "active": [],
                        "peripheral": [], "path_explore": [], "path_contribute": [],
                        "path_codevelop": [], "artefacts": []},
            "distinction": {"neighbours": [], "social_networks": [], "working_groups": [],
                            "experts": [], "distinctiveness": ""},
        }

    def fresh_id(self):
        return "".join(self.rng.choice(ALPHABET) for _ in range(16))

    def tick(self):
        # Between a few seconds and a few minutes per edit; now and then a new session days later.
        if self.rng.random() < 0.04:
            self.now += self.rng.randint(2, 9) * 86_400_000 + self.rng.randint(0, 3_600_000)
        else:
            self.now += self.rng.randint(4_000, 240_000)
        self.c["updated_at"] = float(self.now)
        return self.now

    def notes(self, list_name, texts, authors=("",)):
        part = next(p for p, lists in NOTE_LISTS.items() if list_name in lists)
        for i, text in enumerate(texts):
            created = self.tick()
            updated = self.tick() if self.rng.random() < 0.3 else created
            self.c[part][list_name].append({
                "id": self.fresh_id(), "text": text, "author": authors[i % len(authors)],
                "created_at": float(created), "updated_at": float(updated)})

    def row(self, part, table, **values):
        self.tick()
        self.c[part][table].append({"id": self.fresh_id(), **values})

    def set(self, part, **values):
        self.tick()
        target = self.c if part is None else self.c[part]
        target.update(values)

    def write(self, name):
        envelope = {"type": "coplanifier/charter", "version": 1, "source": "file",
                    "charter": self.c}
        path = OUT / f"{name}.coplanifier.json"
        path.write_text(json.dumps(envelope, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
        count = sum(len(self.c[p][l]) for p, ls in NOTE_LISTS.items() for l in ls)
        print(f"{path.name}: {count} notes")


def starting_fr():
    b = Builder(11, "fr", 1_768_208_400_000)
    b.set(None, title="Orthopédagogues du primaire : nos interventions en lecture")
    b.set("carriers", origin="spontaneous")
    b.row("carriers", "instigators", name="Mélanie Fortin",
          role="Orthopédagogue, écoles des Érables et du Ruisseau")
    b.set("purpose", mission="Se donner un lieu pour comparer nos façons d'intervenir "
          "auprès des élèves qui peinent à lire, et garder une trace de ce qui fonctionne.")
    b.notes("goals", ["Se rencontrer une fois par mois, en alternance dans nos écoles"],
            ["Mélanie Fortin"])
    b.write("01-starting-fr")


def starting_en():
    b = Builder(12, "en", 1_768_813_200_000)
    people = ("Hannah Lee", "Marc-André Dubé")
    b.set(None, title="Outdoor Classroom Circle")
    b.set("carriers", origin="spontaneous", sponsor_status="none_yet")
    b.row("carriers", "instigators", name=people[0], role="Grade 3 teacher, Lakeview Elementary")
    b.row("carriers", "instigators", name=people[1],
          role="Physical education teacher, Pine Hill Elementary")
    b.set("purpose", mission="Help each other teach regular lessons outdoors, in every "
          "season, and share the routines that keep a class safe and focused outside.")
    b.notes("members", ["Elementary teachers who already take their class outside, even once "
                        "a week", "Daycare educators who run outdoor activities after school"],
            people)
    b.notes("goals", ["Map the green spaces within walking distance of each school",
                      "Put together a winter clothing lending box for students",
                      "Try one outdoor math lesson per month and compare notes"], people)
    b.notes("themes", ["Mathematics and measurement outside"], people)
    b.write("02-starting-en")


def half_fr():
    b = Builder(21, "fr", 1_767_690_000_000)
    people = ("Nadia Haddad", "Olivier Pelletier")
    b.set(None, title="Francisation au secondaire : la communauté des classes d'accueil")
    b.set("carriers", origin="spontaneous")
    b.row("carriers", "instigators", name=people[0],
          role="Enseignante en classe d'accueil, École secondaire Jean-Rivard")
    b.row("carriers", "instigators", name=people[1], role="Conseiller pédagogique en francisation")
    b.set("carriers", sponsor_name="Chantal Roy",
          sponsor_role="Directrice adjointe des services éducatifs, "
          "Centre de services scolaire de la Rivière-Bleue",
          sponsor_status="approached", superior="informed")
    b.notes("key_people", [
        "Les techniciennes en éducation spécialisée qui accompagnent les élèves nouvellement "
        "arrivés",
        "L'agente de liaison interculturelle du centre de services",
        "Les directions des trois écoles qui ont des classes d'accueil"], people)
    b.row("carriers", "resources", kind="released_time", status="requested",
          detail="Une demi-journée par mois pour les rencontres du noyau")
    b.row("carriers", "resources", kind="digital_platform", status="granted",
          detail="Un site SharePoint pour déposer les situations d'apprentissage adaptées")
    b.row("carriers", "agreements", kind="time_given",
          detail="Les rencontres ont lieu après les cours, une fois par mois, sur une base "
          "volontaire")
    b.notes("members", ["Enseignantes et enseignants des classes d'accueil du secondaire",
                        "Enseignants de français au régulier qui reçoivent des élèves intégrés"],
            people)
    b.set("purpose",
          shared_practice="Enseigner le français à des élèves allophones arrivés depuis peu, "
          "souvent peu scolarisés, tout en les préparant à rejoindre les classes régulières.",
          mission="Mettre en commun nos outils d'évaluation et nos activités de lecture "
          "adaptées, et accueillir les nouveaux collègues en francisation.",
          vision="D'ici trois ans, chaque élève allophone du centre de services suit un "
          "parcours cohérent, peu importe l'école où il arrive.",
          problems=["collaborate_create", "break_isolation", "evolve_practices"])
    b.notes("other_problems", ["Les outils d'évaluation du régulier ne conviennent pas aux "
                               "élèves peu scolarisés"], people)
    b.notes("goals", [
        "Bâtir une banque commune de textes gradués pour les élèves allophones",
        "Harmoniser l'évaluation du niveau de français à l'arrivée",
        "Préparer une trousse d'accueil pour les nouveaux enseignants en classe d'accueil",
        "Documenter les passages réussis vers la classe régulière"], people)
    b.notes("beneficiaries", ["Les élèves nouvellement arrivés et leurs familles"], people)
    b.notes("priorities", ["D'abord la banque de textes : c'est le besoin le plus urgent",
                           "Ensuite l'évaluation à l'arrivée"], people)
    b.notes("rules", ["On partage ce qu'on a, même si ce n'est pas parfait",
                      "Aucun nom d'élève dans les documents déposés",
                      "Chaque rencontre se termine par une décision ou une tâche"], people)
    b.notes("themes", ["Lecture et vocabulaire de base", "Élèves peu scolarisés",
                       "Collaboration avec les familles"], people)
    b.set("joining", benefits=["belonging", "professional_identity"])
    b.notes("core", ["Les deux instigateurs et deux enseignantes d'accueil"], people)
    b.write("03-half-fr")


def half_en():
    b = Builder(22, "en", 1_768_294_800_000)
    people = ("Rachel O'Connor", "Daniel Kowalski")
    b.set(None, title="Early Reading Partners")
    b.set("carriers", origin="steered")
    b.row("carriers", "instigators", name=people[0], role="Grade 1 teacher, Riverside Elementary")
    b.row("carriers", "instigators", name=people[1],
          role="Resource teacher, Maple Grove Elementary")
    b.set("carriers", sponsor_name="Susan MacDonald",
          sponsor_role="Assistant Director of Educational Services, Laurentian Valley School "
          "Board", sponsor_status="committed", superior="supports")
    b.notes("key_people", [
        "The speech-language pathologist who visits our schools twice a month",
        "School librarians, who can lend levelled readers between buildings"], people)
    b.row("carriers", "resources", kind="people", status="needed",
          detail="A remedial consultant to join two meetings per term")
    b.row("carriers", "resources", kind="money", status="requested",
          detail="$800 to buy decodable books for the shared collection")
    b.row("carriers", "agreements", kind="union_reps",
          detail="Confirm with the local union that joining stays optional and outside "
          "assigned duties")
    b.notes("members", ["Kindergarten to Grade 2 teachers in the six elementary schools",
                        "Resource teachers who run small reading groups"], people)
    b.set("purpose",
          shared_practice="Teaching young children to decode and understand what they read, "
          "with a mix of whole-class lessons and small groups.",
          mission="Share what works in early reading instruction, try it in our classrooms, "
          "and bring the results back to the group.",
          vision="Every child leaves Grade 2 reading with confidence, whichever of our "
          "schools they attend.",
          problems=["break_isolation", "evolve_practices", "update_knowledge"])
    b.notes("goals", ["Agree on a common screening routine for the fall",
                      "Build a shared library of decodable texts",
                      "Run one classroom trial per term and report on it"], people)
    b.notes("beneficiaries", ["Children who struggle to start reading",
                              "Parents, through simple take-home activities"], people)
    b.notes("knowledge", ["Phonics sequences and how to pace them",
                          "Ways to keep small groups going while the rest of the class works"],
            people)
    b.notes("rules", ["Meetings start and end on time: 45 minutes, no more",
                      "What is said about students stays in the room"], people)
    b.notes("themes", ["Phonological awareness in kindergarten",
                       "Fluency practice that children enjoy"], people)
    b.set("joining", benefits=["belonging", "recognition"])
    b.notes("core", ["Rachel, Daniel and two Grade 1 teachers"], people)
    b.notes("path_explore", ["Read the meeting notes and browse the shared library"], people)
    b.notes("artefacts", ["A short guide to our fall screening routine"], people)
    b.write("04-half-en")


LARGE_NOTES = {
    "key_people": [
        "Le technicien informatique de chaque école, pour l'accès aux appareils",
        "La bibliothécaire du centre de services, qui connaît les ressources numériques sous "
        "licence",
        "Les directions d'école, qui libèrent les enseignants pour les ateliers",
        "La responsable de la protection des renseignements personnels",
        "Le service des ressources éducatives, qui coordonne la formation continue",
        "Deux parents du comité de parents, pour l'usage des écrans à la maison",
        "Les conseillers pédagogiques RÉCIT de la région",
        "Une représentante du syndicat local"],
    "members": [
        "Enseignantes et enseignants du primaire qui utilisent le numérique en classe, "
        "débutants ou avancés",
        "Enseignants du secondaire de toutes les disciplines",
        "Enseignants de la formation générale des adultes",
        "Techniciennes et techniciens en éducation spécialisée qui soutiennent les élèves avec "
        "des outils d'aide",
        "Conseillers pédagogiques de toutes les disciplines",
        "Bibliothécaires et techniciens en documentation",
        "Orthopédagogues qui utilisent des aides technologiques",
        "Directions qui veulent suivre les projets de leur équipe"],
    "other_problems": [
        "Chaque école a choisi ses propres plateformes, et personne ne s'y retrouve",
        "Les formations offertes sont ponctuelles et sans suivi en classe",
        "Les élèves arrivent au secondaire avec des habiletés numériques très inégales",
        "Plusieurs collègues craignent de perdre du temps avec des outils qui changent chaque "
        "année",
        "Les règles sur les données des élèves sont mal connues",
        "Les appareils sont souvent en panne ou mal configurés au moment du cours",
        "Peu de temps pour essayer un outil avant de l'utiliser avec un groupe",
        "Les bons coups restent dans une classe et ne circulent pas"],
    "goals": [
        "Offrir un atelier pratique par mois, animé par des membres",
        "Constituer un répertoire d'activités numériques classées par discipline et par niveau",
        "Proposer une grille commune pour choisir un outil en respectant la vie privée des "
        "élèves",
        "Accompagner chaque nouveau membre pendant ses trois premiers mois",
        "Documenter au moins dix projets de classe par année",
        "Faire connaître le référentiel de compétence numérique aux enseignants",
        "Organiser une journée de partage au printemps",
        "Mesurer l'effet des ateliers sur les pratiques en classe"],
    "beneficiaries": [
        "Les élèves, qui utiliseront des outils mieux choisis",
        "Les enseignants débutants, qui trouveront de l'aide rapidement",
        "Les élèves ayant des besoins particuliers, grâce aux aides technologiques",
        "Les parents, mieux informés des outils utilisés en classe",
        "Les directions, qui auront un portrait des usages dans leur école",
        "Les conseillers pédagogiques, qui pourront s'appuyer sur le réseau",
        "Le service informatique, qui recevra des demandes plus claires",
        "Les stagiaires en enseignement accueillis dans nos écoles"],
    "knowledge": [
        "Scénarios pédagogiques qui intègrent la programmation",
        "Trucs pour gérer une classe où chaque élève a un appareil",
        "Utilisation des outils d'aide à la lecture et à l'écriture",
        "Évaluation des apprentissages avec des outils numériques",
        "Création de capsules vidéo courtes",
        "Citoyenneté numérique et usage éthique de l'intelligence artificielle",
        "Collaboration en ligne entre élèves de différentes écoles",
        "Paramètres de confidentialité des plateformes"],
    "priorities": [
        "La grille de choix d'outils, avant la prochaine rentrée",
        "Les ateliers mensuels, qui donnent le rythme",
        "L'accompagnement des nouveaux membres",
        "Le répertoire d'activités, alimenté au fil des ateliers",
        "Les aides technologiques pour les élèves en difficulté",
        "La journée de partage du printemps",
        "Un sondage sur les besoins à la fin de l'automne",
        "Le lien avec le service informatique"],
    "rules": [
        "Toute ressource déposée indique son auteur et son niveau",
        "On essaie un outil en classe avant de le recommander",
        "Les questions naïves sont les bienvenues",
        "Aucune donnée d'élève dans l'espace commun",
        "Les ateliers durent une heure et sont enregistrés",
        "Chaque membre partage au moins une activité par année",
        "On répond aux questions dans la semaine",
        "Les décisions se prennent par consensus au sein du noyau"],
    "themes": [
        "Programmation et robotique au primaire",
        "Aides technologiques en lecture et en écriture",
        "Évaluation et rétroaction avec le numérique",
        "Intelligence artificielle en classe : balises et usages",
        "Création médiatique",
        "Classe flexible et travail collaboratif",
        "Sécurité et vie privée",
        "Formation à distance pour les adultes"],
    "other_benefits": [
        "Gagner du temps en réutilisant des activités testées",
        "Se sentir moins seul devant un nouvel outil",
        "Faire reconnaître son expertise auprès de sa direction",
        "Obtenir des heures de formation continue reconnues",
        "Découvrir ce qui se fait dans d'autres écoles",
        "Essayer du matériel avant de l'acheter",
        "Trouver des partenaires pour des projets entre écoles",
        "Reprendre confiance après une mauvaise expérience technologique"],
    "core": [
        "Les cinq instigateurs",
        "Deux conseillers pédagogiques RÉCIT",
        "Une enseignante par école secondaire",
        "Le responsable du répertoire d'activités",
        "Une orthopédagogue, pour les aides technologiques",
        "La bibliothécaire du centre de services",
        "Un enseignant de la formation des adultes",
        "Une direction d'école, à titre d'observatrice"],
    "active": [
        "Les enseignants qui animent un atelier dans l'année",
        "Ceux qui déposent des activités dans le répertoire",
        "Les mentors des nouveaux membres",
        "Les techniciens en éducation spécialisée qui testent des aides",
        "Les enseignants qui participent à la journée de partage",
        "Les membres du comité de la grille de choix",
        "Les conseillers pédagogiques disciplinaires",
        "Les enseignants qui accueillent un stagiaire"],
    "peripheral": [
        "Les enseignants qui lisent l'infolettre sans participer",
        "Les directions qui consultent le portrait des usages",
        "Les parents du comité de parents",
        "Les stagiaires",
        "Le personnel du service informatique",
        "Les collègues d'autres centres de services",
        "Les chercheurs universitaires intéressés par nos projets",
        "Les nouveaux enseignants en insertion professionnelle"],
    "path_explore": [
        "S'inscrire à l'infolettre mensuelle",
        "Assister à un atelier en observateur",
        "Parcourir le répertoire d'activités",
        "Poser une question dans le canal d'entraide",
        "Regarder les enregistrements des ateliers",
        "Rencontrer son mentor",
        "Lire les règles de la communauté",
        "Répondre au sondage sur les besoins"],
    "path_contribute": [
        "Déposer une activité testée en classe",
        "Répondre aux questions des collègues",
        "Présenter un court retour d'expérience en atelier",
        "Commenter les fiches du répertoire",
        "Tester un outil proposé et faire un retour",
        "Partager une capsule vidéo",
        "Aider à évaluer un outil avec la grille",
        "Accueillir un collègue dans sa classe"],
    "path_codevelop": [
        "Animer un atelier avec un autre membre",
        "Concevoir un projet entre deux écoles",
        "Participer à la mise à jour de la grille de choix",
        "Coécrire un guide sur un thème",
        "Organiser la journée de partage",
        "Devenir mentor d'un nouveau membre",
        "Mener une petite recherche-action avec l'université",
        "Préparer une présentation pour un congrès"],
    "artefacts": [
        "La grille de choix d'outils numériques",
        "Le répertoire d'activités classées",
        "Les enregistrements des ateliers mensuels",
        "Un guide d'accueil pour les nouveaux membres",
        "Des fiches sur les aides technologiques",
        "Un bilan annuel des projets de classe",
        "Une foire aux questions sur la vie privée",
        "Les présentations de la journée de partage"],
    "social_networks": [
        "Le groupe Facebook des enseignants du Québec qui utilisent le numérique",
        "LinkedIn, pour quelques conseillers pédagogiques",
        "Les comptes Bluesky de plusieurs membres",
        "Le serveur Discord d'un groupe d'enseignants en robotique",
        "La chaîne YouTube du service des ressources éducatives",
        "Un groupe WhatsApp d'enseignants de la formation des adultes",
        "Le forum de la plateforme d'apprentissage en ligne",
        "Les infolettres des écoles"],
    "working_groups": [
        "Le comité numérique du centre de services",
        "Le comité de la formation continue",
        "Le groupe de travail sur l'intelligence artificielle",
        "La table des directions du primaire",
        "La table des directions du secondaire",
        "Le comité consultatif des services aux élèves handicapés ou en difficulté",
        "Le comité de parents",
        "Le groupe des bibliothécaires scolaires"],
    "experts": [
        "Une professeure de technopédagogie de l'université régionale",
        "Le service national du RÉCIT",
        "Une avocate spécialisée en protection des renseignements personnels",
        "Un enseignant reconnu pour ses projets de robotique",
        "Une orthophoniste qui travaille avec des aides à la communication",
        "Un chercheur en évaluation des apprentissages",
        "Une bibliothécaire spécialiste des ressources libres",
        "Un formateur en citoyenneté numérique"],
}


def large_fr():
    b = Builder(31, "fr", 1_764_583_200_000)
    people = ("Julie Bouchard", "François Nguyen", "Isabelle Caron", "Samir Khelifi",
              "Annie Lévesque")
    roles = ("Enseignante de 5e année, École primaire des Pionniers",
             "Enseignant de mathématiques, École secondaire de la Montagne",
             "Conseillère pédagogique RÉCIT",
             "Enseignant en formation générale des adultes, Centre d'éducation des adultes "
             "du Lac",
             "Orthopédagogue au secondaire, École secondaire des Hautes-Terres")
    b.set(None, title="Le numérique au service des apprentissages : la CoPeR des Hautes-Terres",
          kind="networked_cop")
    b.set("carriers", origin="steered", sponsor_name="Pierre-Luc Gauthier",
          sponsor_role="Directeur général adjoint, Centre de services scolaire des Hautes-Terres",
          sponsor_status="committed", superior="supports")
    for name, role in zip(people, roles):
        b.row("carriers", "instigators", name=name, role=role)
    for kind, status, detail in [
            ("released_time", "granted", "Six demi-journées de libération par année pour chaque "
             "membre du noyau"),
            ("digital_platform", "granted", "Une équipe Teams avec un canal par thème et un "
             "bloc-notes partagé"),
            ("people", "requested", "Une technicienne pour tenir le répertoire d'activités à jour"),
            ("money", "requested", "3 000 $ pour des trousses de robotique à faire circuler "
             "entre les écoles"),
            ("it", "needed", "Des comptes de test sur les plateformes évaluées"),
            ("other", "needed", "Un local équipé pour la journée de partage du printemps")]:
        b.row("carriers", "resources", kind=kind, status=status, detail=detail)
    for kind, detail in [
            ("time_given", "Les ateliers ont lieu pendant les journées pédagogiques ou en fin de "
             "journée, au choix de chaque membre"),
            ("union_reps", "Présenter le projet au syndicat pour confirmer que la participation "
             "reste volontaire et reconnue comme formation continue"),
            ("other", "Une entente avec le service informatique sur l'installation des outils "
             "retenus")]:
        b.row("carriers", "agreements", kind=kind, detail=detail)
    b.set("purpose",
          shared_practice="Utiliser le numérique en classe pour que les élèves apprennent "
          "mieux, du primaire à la formation des adultes, avec des appareils et des "
          "plateformes qui varient d'une école à l'autre.",
          mission="Aider chaque membre à choisir, essayer et partager des usages du numérique "
          "qui servent vraiment les apprentissages, et rendre ces usages visibles dans tout "
          "le centre de services.",
          vision="Dans quatre ans, un enseignant qui veut essayer un outil trouve en une "
          "semaine une activité testée, un collègue pour l'accompagner et des balises claires "
          "sur la vie privée.",
          problems=["collaborate_create", "break_isolation", "digital_tools",
                    "evolve_practices", "update_knowledge", "advance_projects"])
    for list_name in (l for ls in NOTE_LISTS.values() for l in ls):
        b.notes(list_name, LARGE_NOTES[list_name], people + ("",))
    b.set("joining", benefits=["belonging", "professional_identity", "meaning_motivation",
                               "recognition"])
    for name, audience, place, relation, why in [
            ("Service national du RÉCIT", "Enseignants et conseillers de tout le Québec",
             "Site Web et formations en ligne", "partner",
             "Ses formations complètent nos ateliers; nous lui signalerons nos projets"),
            ("Groupe Facebook des profs branchés", "Enseignants de partout",
             "Facebook", "distinct", "Très vivant mais trop large pour nos outils et nos "
             "règles locales"),
            ("Comité numérique du centre de services", "Directions et services",
             "Rencontres mensuelles", "partner", "Il décide des achats; nous lui apportons "
             "le point de vue de la classe"),
            ("Communauté robotique de l'école de la Montagne", "Élèves et enseignants de "
             "l'école", "Local de robotique", "join", "Elle fait déjà ce que nous voulons "
             "étendre aux autres écoles"),
            ("Réseau des bibliothécaires scolaires", "Bibliothécaires", "Liste de diffusion",
             "partner", "Pour les ressources numériques sous licence")]:
        b.row("distinction", "neighbours", name=name, audience=audience, place=place,
              relation=relation, why=why)
    b.set("distinction", distinctiveness="Nous sommes la seule communauté qui réunit le "
          "primaire, le secondaire et les adultes autour d'activités testées dans nos propres "
          "classes, avec nos appareils et nos règles.")
    b.write("07-large-fr")


def half_fr_held_out():
    """Written before the c2 dictionary was chosen, and never used to choose it:
    a check that the dictionary is not tuned to the rest of the corpus."""
    b = Builder(31, "fr", 1_769_000_000_000)
    people = ("Julie Bergeron", "Sam Tremblay", "Karine L.")
    b.set(None, title="Maternelle 4 ans - on jase jeu libre")
    b.set("carriers", origin="spontaneous", sponsor_status="none_yet")
    b.row("carriers", "instigators", name=people[0], role="Ens. maternelle 4 ans, école Saint-Gabriel")
    b.row("carriers", "instigators", name=people[1], role="Ens. maternelle 4 ans (2e année en poste)")
    b.notes("key_people", ["La CP du préscolaire (Geneviève?)", "Notre directrice, à approcher en janvier"],
            people)
    b.row("carriers", "resources", kind="other", status="needed",
          detail="Un local avec des bacs de jeux qu'on pourrait emprunter")
    b.notes("members", ["Les profs de mat 4 ans du secteur nord", "Les éducatrices en service de garde "
                        "qui ont nos groupes le midi"], people)
    b.set("purpose",
          shared_practice="Organiser le jeu libre et le jeu symbolique en classe, observer les "
          "enfants pendant qu'ils jouent et en tirer quelque chose pour le bulletin.",
          mission="S'échanger nos coins de jeu, nos grilles d'observation et nos bons coups, "
          "pour que le jeu reste au centre de la journée des petits.",
          problems=["break_isolation", "evolve_practices"])
    b.notes("other_problems", ["On se sent seules avec le programme-cycle, personne d'autre à "
                               "l'école n'enseigne en 4 ans",
                               "Les parents demandent des feuilles d'exercices; comment leur "
                               "expliquer le jeu?"], people)
    b.notes("goals", ["Faire une tournée des classes (photos des coins)",
                      "Une grille d'observation simple qu'on utilise toutes",
                      "Un petit mot type pour les parents sur le jeu",
                      "Se voir 4 fois dans l'année, pas plus"], people)
    b.notes("knowledge", ["Idées de bacs thématiques qui roulent bien",
                          "Comment on note les observations sans y passer nos soirées"], people)
    b.notes("rules", ["On arrive avec une photo ou un exemple concret", "Pas de jugement",
                      "Café fourni à tour de rôle :)"], people)
    b.notes("themes", ["Jeu symbolique", "Motricité fine", "Transition vers la maternelle 5 ans",
                       "Observation et bulletin"], people)
    b.set("joining", benefits=["belonging", "meaning_motivation"])
    b.notes("core", ["Julie, Sam et Karine"], people)
    b.notes("active", ["Les autres profs de 4 ans du secteur, si elles embarquent"], people)
    b.write("08-half-fr-held-out")


def many_notes(count, name):
    """The large charter's notes, repeated round the lists until there are
    `count` of them, each with a number of its own: the board a big school
    service centre might fill over a year, to see how typing scales."""
    b = Builder(47 + count, "fr", 1_766_000_000_000)
    people = ("Julie Bouchard", "François Nguyen", "Isabelle Caron", "")
    b.set(None, title=f"Grande communauté, {count} notes")
    b.set("purpose", mission="Mesurer la frappe sur une grande charte.")
    lists = [l for ls in NOTE_LISTS.values() for l in ls]
    pool = [(l, t) for l in lists for t in LARGE_NOTES[l]]
    for i in range(count):
        list_name, text = pool[i % len(pool)]
        b.notes(list_name, [f"{text} ({i + 1})"], people[i % len(people):] or ("",))
    b.write(name)


def full_fr_held_out():
    """A full charter (47 notes, every question answered) written after the
    c3 dictionaries were frozen and never used to choose them: how long the
    link of a real, complete charter is when none of its text is known."""
    b = Builder(53, "fr", 1_772_000_000_000)
    people = ("Mélanie Gagnon", "Olivier Roy", "Nadia Benali")
    b.set(None, title="Coin lecture du 2e cycle : lire pour le plaisir, ensemble")
    b.set("carriers", origin="steered", sponsor_name="Hélène Dufour",
          sponsor_role="Directrice adjointe, École des Érables", sponsor_status="approached",
          superior="informed")
    b.row("carriers", "instigators", name=people[0], role="Enseignante de 3e année")
    b.row("carriers", "instigators", name=people[1], role="Enseignant de 4e année, mentor des nouveaux")
    b.row("carriers", "instigators", name=people[2], role="Orthopédagogue à mi-temps dans deux écoles")
    b.notes("key_people", ["La bibliothécaire scolaire, qui commande les nouveautés",
                           "Le conseiller pédagogique en français du centre de services",
                           "Deux parents bénévoles de l'heure du conte"], people)
    b.row("carriers", "resources", kind="released_time", status="requested",
          detail="Une demi-journée par étape pour trois enseignants")
    b.row("carriers", "resources", kind="money", status="needed",
          detail="Environ 600 $ de romans graphiques et d'albums pour la classe")
    b.row("carriers", "agreements", kind="time_given", detail="Les rencontres comptent dans les heures de concertation")
    b.notes("members", ["Les titulaires de 3e et 4e année des quatre écoles du quartier",
                        "Les orthopédagogues qui suivent des élèves en lecture",
                        "Les stagiaires de l'université qui le souhaitent"], people)
    b.set("purpose",
          shared_practice="Faire lire les élèves de 8 à 10 ans par plaisir : choisir les livres, "
          "animer les cercles de lecture, tenir un carnet et en parler sans tout évaluer.",
          mission="Mettre en commun nos listes de livres, nos façons d'animer et nos carnets, "
          "pour que chaque élève du 2e cycle trouve au moins un livre qu'il aime dans l'année.",
          vision="Dans trois ans, chaque classe du quartier a un coin lecture vivant et les élèves "
          "se recommandent des livres d'une école à l'autre.",
          problems=["break_isolation", "update_knowledge", "collaborate_create"])
    b.notes("other_problems", ["Les garçons décrochent de la lecture vers 9 ans",
                               "Les bacs de livres datent des années 2000",
                               "On n'a jamais le temps de lire les nouveautés nous-mêmes"], people)
    b.notes("goals", ["Une liste commune de 100 titres testés en classe",
                      "Un modèle de carnet de lecture simple, papier ou numérique",
                      "Trois cercles de lecture interécoles dans l'année",
                      "Un salon du livre échangé au printemps"], people)
    b.notes("beneficiaries", ["Les élèves de 3e et 4e année", "Les parents qui cherchent quoi offrir",
                              "Les nouveaux enseignants du cycle"], people)
    b.notes("knowledge", ["Les critères pour choisir un livre adapté sans le niveler",
                          "Des façons d'animer une discussion sur un livre en quinze minutes",
                          "Ce que dit la recherche sur la lecture plaisir"], people)
    b.notes("priorities", ["D'abord la liste de titres", "Ensuite le carnet",
                           "Le salon du livre seulement si le reste tient"], people)
    b.notes("rules", ["Chacun apporte un livre qu'il a lu depuis la dernière fois",
                      "On parle de ce qu'on a essayé, pas de ce qu'on devrait faire",
                      "Les comptes rendus tiennent sur une page"], people)
    b.notes("themes", ["Romans graphiques", "Littérature autochtone jeunesse",
                       "Documentaires qui accrochent", "Lecture à voix haute"], people)
    b.set("joining", benefits=["belonging", "professional_identity", "recognition"])
    b.notes("other_benefits", ["Repartir de chaque rencontre avec trois titres à essayer",
                               "Une attestation de formation continue"], people)
    b.notes("core", ["Mélanie, Olivier et Nadia", "La bibliothécaire"], people)
    b.notes("active", ["Une dizaine de titulaires qui testent les livres"], people)
    b.notes("peripheral", ["Les collègues qui lisent le compte rendu mensuel"], people)
    b.notes("peripheral", ["Les enseignants de 1er cycle, qu'on inviterait au salon du livre"], people)
    b.notes("path_explore", ["Venir à un cercle de lecture en observateur"], people)
    b.notes("path_contribute", ["Ajouter deux titres testés à la liste commune"], people)
    b.notes("path_codevelop", ["Animer un cercle interécoles avec un collègue"], people)
    b.notes("artefacts", ["La liste des 100 titres, avec une phrase sur chacun",
                          "Le carnet de lecture modèle", "Les fiches d'animation"], people)
    b.row("distinction", "neighbours", name="Comité bibliothèque de l'école", audience="Tout le personnel",
          place="École des Érables", relation="partner",
          why="Il gère les achats; nous, ce qui se passe en classe avec les livres")
    b.row("distinction", "neighbours", name="Groupe Facebook des profs de français du primaire",
          audience="Tout le Québec", place="En ligne", relation="distinct",
          why="Beaucoup d'idées, mais rien de testé dans nos classes")
    b.notes("social_networks", ["Le groupe Facebook des profs de français"], people)
    b.notes("working_groups", ["Le comité bibliothèque de l'école",
                               "Le comité lecture du centre de services, qui se réunit deux fois l'an"], people)
    b.notes("experts", ["Une autrice jeunesse de la région", "La professeure de didactique du stage"],
            people)
    b.set("distinction", distinctiveness="Une petite équipe de quatre écoles voisines qui teste les "
          "livres en classe avant de les recommander, et qui fait se rencontrer les élèves.")
    b.write("11-full-fr-held-out")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    starting_fr()
    starting_en()
    half_fr()
    half_en()
    large_fr()
    half_fr_held_out()
    many_notes(200, "09-notes-200-fr")
    many_notes(400, "10-notes-400-fr")
    full_fr_held_out()
