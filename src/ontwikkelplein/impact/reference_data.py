"""The four standard questionnaires, after the KB Impactmonitor modules (docs/impact.md). Short
B1 sentences; the KB-beheerder changes them in the Django admin. Seeded by migration 0002 and by
demo.impact.load_impact(); seeding only adds what is missing, so edits are kept."""

NO_WRONG = "Er zijn geen foute antwoorden."
# Asked before and after the course about the situation now, so before and after can be paired.
ATTITUDE = [
    "Ik durf het zelf te doen.",
    "Ik doe het zonder hulp van anderen.",
    "Ik kan goed meedoen met anderen.",
]
# What changed: only after the course (Question.after_only). These were once asked before the
# course too, which made no sense ("Ik ben minder bang" before anything happened).
ATTITUDE_CHANGE = [
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

# The short list for an after-only measurement (QuestionSet.after_only), as the national
# Impactmonitor has used since 2022: what changed, asked once at the end.
AFTER_ONLY_SET = {
    "slug": "verkort-na-de-cursus",
    "name": "Verkort: alleen na de cursus",
    "introduction": "Een paar vragen over wat de cursus je heeft gebracht. " + NO_WRONG,
    "skills": [
        "Door de cursus kan ik meer zelf.",
        "Ik gebruik wat ik in de cursus heb geleerd.",
    ],
}

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


def _items(data: dict) -> list[tuple[str, str, bool]]:
    """(kind, text, after_only) of a standard set, in the order they are asked."""
    if data.get("after_only"):
        return (
            [("skill", t, True) for t in data["skills"]]
            + [("attitude", t, True) for t in ATTITUDE_CHANGE[:2]]
            + [("satisfaction", t, True) for t in SATISFACTION[-1:]]
        )
    return (
        [("skill", t, False) for t in data["skills"]]
        + [("attitude", t, False) for t in ATTITUDE]
        + [("attitude", t, True) for t in ATTITUDE_CHANGE]
        + [("satisfaction", t, False) for t in SATISFACTION]
    )


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


def ensure_standard_sets(question_set_model, question_model) -> int:
    """Adds the standard sets and their questions when missing (by slug; a set that exists is
    left as the KB-beheerder made it). Takes the models so a migration can pass its historical
    ones (migration 0002's models have no `after_only` yet: migration 0004 then sets it).
    Returns the number of sets created."""
    created = 0
    flags = _has_field(question_model, "after_only")
    sets = [*STANDARD_SETS]
    if _has_field(question_set_model, "after_only"):
        sets.append({**AFTER_ONLY_SET, "after_only": True})
    for order, data in enumerate(sets, start=1):
        defaults = {"name": data["name"], "introduction": data["introduction"], "order": order}
        if data.get("after_only"):
            defaults["after_only"] = True
        question_set, is_new = question_set_model.objects.get_or_create(
            slug=data["slug"], defaults=defaults
        )
        if not is_new:
            continue
        created += 1
        question_model.objects.bulk_create(
            question_model(
                question_set=question_set,
                kind=kind,
                text=text,
                order=index,
                **({"after_only": after_only} if flags else {}),
            )
            for index, (kind, text, after_only) in enumerate(_items(data), start=1)
        )
    return created


def upgrade_standard_sets(question_set_model, question_model) -> None:
    """For databases seeded before questions could be after-only: in each standard set, the
    questions about change (ATTITUDE_CHANGE, by their exact text) become after-only, the
    current-state versions (ATTITUDE) are added when missing, and the set is put in the standard
    order again (questions the KB-beheerder added keep their place after these). Sets the
    KB-beheerder renamed or reworded keep their words; only exact texts are touched."""
    for data in STANDARD_SETS:
        question_set = question_set_model.objects.filter(slug=data["slug"]).first()
        if question_set is None:
            continue
        questions = question_model.objects.filter(question_set=question_set)
        questions.filter(kind="attitude", text__in=ATTITUDE_CHANGE).update(after_only=True)
        present = set(questions.values_list("text", flat=True))
        question_model.objects.bulk_create(
            question_model(question_set=question_set, kind="attitude", text=text, order=0)
            for text in ATTITUDE
            if text not in present
        )
        standard = [text for _kind, text, _after in _items(data)]
        rank = {text: index for index, text in enumerate(standard)}
        ordered = sorted(
            questions.order_by("order", "id"),
            key=lambda q: (q.text not in rank, rank.get(q.text, 0), q.order, q.id),
        )
        for index, question in enumerate(ordered, start=1):
            if question.order != index:
                question.order = index
                question.save(update_fields=["order"])
