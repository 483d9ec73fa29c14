"""The first published wegwijzer (version 1), seeded by a migration so that a new installation
has one from the start; the KB changes it in the back office (/beheer/wegwijzer/versies/).

Answer mappings use the TaxonomyTerm codes of catalogue/reference_data.py. Icons are file names
in static/ontwikkelplein/icons/ (ICONS lists the ones that exist)."""

# Every icon the wegwijzer may use: the drawings in static/ontwikkelplein/icons/.
ICONS = (
    "book",
    "briefcase",
    "calculator",
    "child",
    "circle",
    "course",
    "family",
    "government",
    "heart",
    "helper",
    "home",
    "laptop",
    "person",
    "pin",
    "question",
    "speech",
    "sprout",
    "together",
    "wallet",
)
DEFAULT_ICON = "circle"

# (kind, order, text, referrer text, help text, icon, answers); texts are (Dutch, English).
# answer: (key, (Dutch, English) label, icon, themes, target groups, offer types)
QUESTIONS = [
    (
        "need",
        1,
        ("Waar wil je hulp bij?", "What do you need help with?"),
        ("Waar heeft de bezoeker hulp bij nodig?", "What does the visitor need help with?"),
        (
            "Kies wat het meest past. Je kunt later altijd meer vragen.",
            "Choose what fits best. You can always ask more later.",
        ),
        "question",
        [
            (
                "lezen",
                ("Lezen en schrijven", "Reading and writing"),
                "book",
                ["lezen-en-schrijven"],
                [],
                [],
            ),
            (
                "computer",
                ("De computer of mijn telefoon", "The computer or my phone"),
                "laptop",
                ["digitale-vaardigheden"],
                [],
                [],
            ),
            (
                "overheid",
                ("DigiD, een brief of de overheid", "DigiD, a letter or the government"),
                "government",
                ["digitale-overheid"],
                [],
                [],
            ),
            ("geld", ("Geld en rekeningen", "Money and bills"), "wallet", ["geldzaken"], [], []),
            (
                "nederlands",
                ("Nederlands leren", "Learning Dutch"),
                "speech",
                ["nederlands-leren"],
                [],
                [],
            ),
            ("rekenen", ("Rekenen", "Numbers and sums"), "calculator", ["rekenen"], [], []),
            ("werk", ("Werk zoeken", "Finding work"), "briefcase", ["werk"], [], []),
            (
                "kinderen",
                ("Lezen met mijn kind", "Reading with my child"),
                "child",
                ["kinderen-lezen-en-cultuur", "opvoeden-en-gezin"],
                [],
                [],
            ),
            ("gezondheid", ("Gezondheid", "Health"), "heart", ["gezondheid"], [], []),
        ],
    ),
    (
        "for_whom",
        2,
        ("Voor wie is de hulp?", "Who is the help for?"),
        ("Voor wie zoekt de bezoeker hulp?", "Who is the visitor looking for help for?"),
        ("", ""),
        "family",
        [
            ("ik", ("Voor mezelf", "For myself"), "person", [], [], []),
            (
                "kind",
                ("Voor mijn kind", "For my child"),
                "child",
                [],
                ["kinderen-0-4", "schoolkinderen", "ouders-jonge-kinderen"],
                [],
            ),
            ("iemand", ("Voor iemand die ik help", "For someone I help"), "helper", [], [], []),
        ],
    ),
    (
        "how",
        3,
        ("Hoe leer je het liefst?", "How do you like to learn?"),
        (
            "Hoe wil de bezoeker het liefst geholpen worden?",
            "How would the visitor like to be helped?",
        ),
        ("", ""),
        "sprout",
        [
            (
                "samen",
                ("Iemand die naast me zit en helpt", "Someone next to me who helps"),
                "together",
                [],
                [],
                ["een-op-een", "spreekuur", "formulierenhulp", "cafe"],
            ),
            (
                "cursus",
                ("Een cursus in een groep", "A course in a group"),
                "course",
                [],
                [],
                ["cursus"],
            ),
            ("thuis", ("Zelf oefenen thuis", "Practise at home"), "home", [], [], ["online-leren"]),
        ],
    ),
    (
        "where",
        4,
        ("Waar woon je?", "Where do you live?"),
        ("Waar woont de bezoeker?", "Where does the visitor live?"),
        (
            "Vul je postcode of je woonplaats in. Dan zoeken we hulp dichtbij.",
            "Fill in your postcode or town. Then we look for help near you.",
        ),
        "pin",
        [],
    ),
]
