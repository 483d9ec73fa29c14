"""The four standard questionnaires, after the KB Impactmonitor modules (docs/impact.md). Short
B1 sentences; the KB-beheerder changes them in the Django admin. Seeded by migration 0002 and by
demo.impact.load_impact(); seeding only adds what is missing, so edits are kept."""

NO_WRONG = "Er zijn geen foute antwoorden."
ATTITUDE = [
    "Ik ben minder bang om het zelf te doen.",
    "Ik doe het vaker zonder hulp van anderen.",
    "Ik kan beter meedoen met anderen.",
]
SATISFACTION = [
    "De uitleg van de begeleider was goed.",
    "Het lesmateriaal was duidelijk.",
    "Het tempo was goed voor mij.",
    "Ik raad de cursus aan anderen aan.",
]

STANDARD_SETS = [
    {
        "slug": "computer-en-internet",
        "name": "Computer en internet",
        "introduction": "Een paar vragen over de computer en internet. " + NO_WRONG,
        "skills": [
            "Ik kan typen op de computer.",
            "Ik kan iets opzoeken op internet.",
            "Ik kan een bestand opslaan.",
            "Ik kan een foto maken en versturen.",
            "Ik kan een e-mail sturen.",
        ],
    },
    {
        "slug": "e-overheid",
        "name": "E-overheid",
        "introduction": "Een paar vragen over zaken regelen met de overheid. " + NO_WRONG,
        "skills": [
            "Ik kan inloggen met DigiD.",
            "Ik kan een DigiD aanvragen.",
            "Ik kan berichten lezen in MijnOverheid.",
            "Ik kan informatie van de gemeente vinden.",
            "Ik kan online een afspraak maken.",
        ],
    },
    {
        "slug": "nederlandse-taal",
        "name": "Nederlandse taal",
        "introduction": "Een paar vragen over Nederlands lezen, schrijven en praten. " + NO_WRONG,
        "skills": [
            "Ik kan een brief lezen en begrijpen.",
            "Ik kan een formulier invullen.",
            "Ik kan een kort bericht schrijven.",
            "Ik kan een gesprek voeren bij de dokter of de gemeente.",
        ],
    },
    {
        "slug": "sociale-media",
        "name": "Sociale media",
        "introduction": "Een paar vragen over WhatsApp, Facebook en zo. " + NO_WRONG,
        "skills": [
            "Ik kan een bericht sturen met WhatsApp.",
            "Ik kan een foto delen.",
            "Ik kan instellen wie mijn berichten ziet.",
            "Ik kan een nepbericht herkennen.",
        ],
    },
]


def ensure_standard_sets(question_set_model, question_model) -> int:
    """Adds the standard sets and their questions when missing (by slug; a set that exists is
    left as the KB-beheerder made it). Takes the models so a migration can pass its historical
    ones. Returns the number of sets created."""
    created = 0
    for order, data in enumerate(STANDARD_SETS, start=1):
        question_set, is_new = question_set_model.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "introduction": data["introduction"], "order": order},
        )
        if not is_new:
            continue
        created += 1
        items = (
            [("skill", t) for t in data["skills"]]
            + [("attitude", t) for t in ATTITUDE]
            + [("satisfaction", t) for t in SATISFACTION]
        )
        question_model.objects.bulk_create(
            question_model(question_set=question_set, kind=kind, text=text, order=index)
            for index, (kind, text) in enumerate(items, start=1)
        )
    return created
