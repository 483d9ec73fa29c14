"""The terms the catalogue is seeded with. KB-beheerders edit them afterwards in the admin;
this module is read by the data migration and by tests, never at run time."""

# (code, Dutch name, English name, icon) — icons are file names in static/ontwikkelplein/icons/.
THEMES = [
    ("lezen-en-schrijven", "Lezen en schrijven", "Reading and writing", "book"),
    ("nederlands-leren", "Nederlands leren", "Learning Dutch", "speech"),
    ("rekenen", "Rekenen", "Numeracy", "calculator"),
    ("digitale-vaardigheden", "Computer, tablet en telefoon", "Digital skills", "laptop"),
    ("digitale-overheid", "Digitale overheid en DigiD", "Digital government", "government"),
    ("geldzaken", "Geldzaken", "Money matters", "wallet"),
    ("gezondheid", "Gezondheid", "Health", "heart"),
    ("werk", "Werk", "Work", "briefcase"),
    ("opvoeden-en-gezin", "Opvoeden en gezin", "Parenting and family", "family"),
    ("persoonlijke-ontwikkeling", "Persoonlijke ontwikkeling", "Personal development", "sprout"),
    (
        "kinderen-lezen-en-cultuur",
        "Lezen en cultuur voor kinderen",
        "Reading and culture for children",
        "child",
    ),
]

TARGET_GROUPS = [
    ("iedereen", "Iedereen", "Everyone"),
    (
        "laaggeletterden",
        "Mensen die moeite hebben met lezen en schrijven",
        "People with low literacy",
    ),
    ("anderstaligen", "Mensen met een andere moedertaal", "Speakers of other languages"),
    (
        "niet-digivaardigen",
        "Mensen die moeite hebben met computers",
        "People with low digital skills",
    ),
    ("65-plussers", "65-plussers", "People over 65"),
    ("ouders-jonge-kinderen", "Ouders van jonge kinderen", "Parents of young children"),
    ("kinderen-0-4", "Kinderen van 0 tot 4 jaar", "Children aged 0-4"),
    ("schoolkinderen", "Schoolkinderen", "School children"),
    ("werkzoekenden", "Werkzoekenden", "Job seekers"),
    ("werkenden", "Werkenden", "Working people"),
    ("nieuwkomers", "Nieuwkomers en inburgeraars", "Newcomers"),
]

OFFER_TYPES = [
    ("cursus", "Cursus", "Course"),
    ("spreekuur", "Spreekuur of advies", "Consultation hour or advice"),
    ("formulierenhulp", "Hulp bij formulieren invullen", "Help with filling in forms"),
    ("informatiebijeenkomst", "Informatiebijeenkomst", "Information meeting"),
    ("cafe", "Taal-, digi- of tabletcafé", "Language, digital or tablet café"),
    ("een-op-een", "Eén-op-één begeleiding (zoals een taalmaatje)", "One-to-one support"),
    ("online-leren", "Online leren (e-learning)", "Online learning"),
    ("activiteit", "Activiteit", "Activity"),
]

# (code, name, English name, parent code)
LEVELS = [
    ("nt1", "Nederlands als eerste taal (NT1)", "Dutch as a first language", None),
    ("nt1-instroom", "NT1 instroom", "NT1 entry level", "nt1"),
    ("nt1-1f", "NT1 niveau 1F", "NT1 level 1F", "nt1"),
    ("nt1-2f", "NT1 niveau 2F", "NT1 level 2F", "nt1"),
    ("nt2", "Nederlands als tweede taal (NT2)", "Dutch as a second language", None),
    ("nt2-a0", "NT2 A0 (beginner)", "NT2 A0", "nt2"),
    ("nt2-a1", "NT2 A1", "NT2 A1", "nt2"),
    ("nt2-a2", "NT2 A2", "NT2 A2", "nt2"),
    ("nt2-b1", "NT2 B1", "NT2 B1", "nt2"),
    ("nt2-b2", "NT2 B2", "NT2 B2", "nt2"),
    ("digitaal", "Digitale vaardigheden", "Digital skills", None),
    ("digitaal-starter", "Digitaal: starter", "Digital: starter", "digitaal"),
    ("digitaal-basis", "Digitaal: basis", "Digital: basic", "digitaal"),
    ("digitaal-gevorderd", "Digitaal: gevorderd", "Digital: advanced", "digitaal"),
]

PROGRAMMES = [
    ("ido", "Informatiepunt Digitale Overheid (IDO)"),
    ("taalhuis", "(Digi)Taalhuis"),
    ("boekstart", "BoekStart"),
    ("bibliotheek-op-school", "de Bibliotheek op school"),
    ("belastinghulp", "Belastinghulp"),
    ("ontwikkelplein", "Ontwikkelplein"),
    ("digisterker", "Digisterker"),
    ("klik-en-tik", "Klik & Tik"),
]

SYNONYMS = [
    "digid, inloggen overheid, inlogcode, mijnoverheid",
    "aangifte, belastingaangifte, inkomstenbelasting, belasting",
    "toeslag, zorgtoeslag, huurtoeslag, kinderopvangtoeslag, toeslagen",
    "computer, pc, laptop",
    "telefoon, smartphone, mobiel",
    "taalcafé, taalcafe, praatgroep",
    "taalmaatje, maatje",
    "baby, dreumes, peuter",
    "voorlezen, voorleesuurtje",
    "solliciteren, vacature, baan",
    "geldzaken, schulden, budget, rondkomen",
    "formulieren, formulier, invulhulp",
]
