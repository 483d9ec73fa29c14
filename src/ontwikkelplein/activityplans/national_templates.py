"""The national example draaiboeken every library may copy (community.md "Activity plans
(draaiboek)"): a taalcafé, a Klik & Tik series and a voorleesmiddag. Content in Dutch, like the
offer templates; seeded by migration 0002 and kept by the KB in the admin afterwards.
Deadlines are days relative to the (first) activity date: -21 is three weeks before."""

TEMPLATES = [
    {
        "title": "Taalcafé",
        "kind": "programme",
        "themes": ["nederlands-leren"],
        "target_groups": ["anderstaligen", "nieuwkomers"],
        "audience": (
            "Volwassenen die Nederlands leren en willen oefenen met praten, op elk niveau. "
            "Ook inburgeraars die klaar zijn met hun cursus."
        ),
        "aim": (
            "Deelnemers oefenen Nederlands in een ontspannen gesprek over alledaagse onderwerpen. "
            "Ze leren elkaar en de buurt kennen, en vinden de weg naar het Taalhuis."
        ),
        "start_time": "10:00",
        "end_time": "11:30",
        "sessions": 10,
        "co_creation": (
            "Deelnemers kiezen samen de onderwerpen van de volgende keer. Vaste bezoekers worden "
            "gastvrouw of gastheer en ontvangen nieuwe mensen."
        ),
        "promotion_channels": (
            "Website en sociale media van de bibliotheek; inburgeringsdocenten en het "
            "welzijnswerk vertellen het door; poster in de wijk."
        ),
        "promotion_materials": "Poster A3, flyer in eenvoudig Nederlands, tekst voor partners.",
        "partners": [
            ("Taalvrijwilligers", "Leiden de gesprekken aan de tafels (één per tafel)."),
            ("Welzijnsorganisatie", "Werft deelnemers en verwijst door naar het taalcafé."),
        ],
        "tasks": [
            ("Ruimte en koffie regelen", False, -42),
            ("Taalvrijwilligers vragen en inroosteren", False, -35),
            ("Poster en flyer maken", True, -28),
            ("Partners en inburgeringsdocenten mailen", True, -21),
            ("Bericht op website en sociale media", True, -14),
            ("Gespreksonderwerpen en materialen klaarzetten", False, -2),
            ("Nabespreken met de vrijwilligers", False, 7),
        ],
    },
    {
        "title": "Klik & Tik-reeks",
        "kind": "programme",
        "themes": ["digitale-vaardigheden"],
        "target_groups": ["niet-digivaardigen", "65-plussers"],
        "audience": "Volwassenen die weinig of geen ervaring hebben met de computer of tablet.",
        "aim": (
            "Deelnemers leren in eigen tempo de basis van de computer en het internet met "
            "Klik & Tik, met een begeleider in de buurt. Daarna kunnen ze verder met "
            "Digisterker of het Informatiepunt Digitale Overheid."
        ),
        "start_time": "13:30",
        "end_time": "15:30",
        "sessions": 6,
        "co_creation": (
            "Deelnemers zeggen bij de eerste bijeenkomst wat ze willen kunnen (mailen, foto's "
            "bekijken, bankieren); de begeleider kiest de modules daarbij."
        ),
        "promotion_channels": (
            "Balie en IDO spreken mensen aan; huis-aan-huisblad; ouderenbond en "
            "thuiszorg vertellen het door."
        ),
        "promotion_materials": "Flyer met grote letters, aanmeldkaart voor de balie.",
        "partners": [
            ("Digivrijwilligers", "Begeleiden de deelnemers tijdens de bijeenkomsten."),
            ("Ouderenbond", "Werft deelnemers onder de leden."),
        ],
        "tasks": [
            ("Computers of tablets reserveren", False, -28),
            ("Flyer maken en bij de balie leggen", True, -28),
            ("Bericht voor het huis-aan-huisblad insturen", True, -21),
            ("Begeleiders vragen en inroosteren", False, -21),
            ("Deelnemers bellen ter bevestiging", False, -3),
            ("Vervolg bespreken met deelnemers (Digisterker, IDO)", False, 35),
        ],
    },
    {
        "title": "Voorleesmiddag",
        "kind": "activity",
        "themes": ["kinderen-lezen-en-cultuur"],
        "target_groups": ["ouders-jonge-kinderen", "kinderen-0-4"],
        "audience": "Ouders, opa's en oma's met kinderen van 2 tot 6 jaar.",
        "aim": (
            "Kinderen genieten van een verhaal en ouders zien hoe je samen leest. Ouders leren de "
            "bibliotheek en BoekStart kennen en nemen boeken mee naar huis."
        ),
        "start_time": "15:00",
        "end_time": "16:00",
        "sessions": 1,
        "co_creation": (
            "Ouders lezen voor in hun eigen taal; kinderen maken een tekening bij het verhaal "
            "voor de tentoonstelling in de bibliotheek."
        ),
        "promotion_channels": "Peuterspeelzaal en consultatiebureau; sociale media; poster.",
        "promotion_materials": "Poster, uitnodiging voor de peuterspeelzaal om mee te geven.",
        "partners": [
            ("Peuterspeelzaal of kinderopvang", "Geeft de uitnodiging mee aan ouders."),
            ("Consultatiebureau", "Vertelt ouders over BoekStart en de voorleesmiddag."),
        ],
        "tasks": [
            ("Voorlezer vragen (medewerker, vrijwilliger of ouder)", False, -28),
            ("Poster maken", True, -21),
            ("Uitnodiging naar peuterspeelzaal en consultatiebureau", True, -14),
            ("Boeken bij het thema klaarzetten", False, -2),
            ("Knutselspullen en kussens klaarzetten", False, -1),
            ("Tekeningen ophangen en foto op sociale media", True, 2),
        ],
    },
]


def seed(plan_model, partner_model, task_model, term_model) -> int:
    """Creates the national templates that are missing (by title). Returns how many."""
    made = 0
    for data in TEMPLATES:
        if plan_model.objects.filter(organisation__isnull=True, title=data["title"]).exists():
            continue
        plan = plan_model.objects.create(
            organisation=None,
            is_template=True,
            title=data["title"],
            kind=data["kind"],
            audience=data["audience"],
            aim=data["aim"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            sessions=data["sessions"],
            co_creation=data["co_creation"],
            promotion_channels=data["promotion_channels"],
            promotion_materials=data["promotion_materials"],
        )
        plan.themes.set(term_model.objects.filter(taxonomy__slug="thema", code__in=data["themes"]))
        plan.target_groups.set(
            term_model.objects.filter(taxonomy__slug="doelgroep", code__in=data["target_groups"])
        )
        for name, contribution in data["partners"]:
            partner_model.objects.create(plan=plan, name=name, contribution=contribution)
        for title, promotion, offset in data["tasks"]:
            task_model.objects.create(
                plan=plan, title=title, is_promotion=promotion, offset_days=offset
            )
        made += 1
    return made
