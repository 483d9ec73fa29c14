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

# The national needs vocabulary (behoeftewoordenlijst, catalogue.NeedPhrase): how residents
# write what they need, mapped to words the offers use, themes and offer types. Seeded by
# migrations/0008_need_phrases_national_set.py and load_demo; the KB edits it in the back office
# afterwards (a phrase it changed or removed is not put back). Written for how residents type:
# sentences, without capitals, with "m'n" and without accents.
# (language, phrase, catalogue words (comma-separated), theme codes, offer type codes)
_READ = ("lezen-en-schrijven",)
_DUTCH = ("nederlands-leren",)
_MATH = ("rekenen",)
_DIGI = ("digitale-vaardigheden",)
_GOV = ("digitale-overheid",)
_MONEY = ("geldzaken",)
_HEALTH = ("gezondheid",)
_WORK = ("werk",)
_FAMILY = ("opvoeden-en-gezin",)
_KIDS = ("kinderen-lezen-en-cultuur",)
_ME = ("persoonlijke-ontwikkeling",)
_FORMS = ("formulierenhulp",)
_HOUR = ("spreekuur",)
_COURSE = ("cursus",)
_CAFE = ("cafe",)
_BUDDY = ("een-op-een",)
_ONLINE = ("online-leren",)

NEED_PHRASES = [
    # --- Reading and writing (nl) ---
    ("nl", "ik kan niet goed lezen", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "ik kan niet lezen", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "ik kan niet goed schrijven", "schrijven, lezen, taalhuis", _READ, ()),
    ("nl", "moeite met lezen", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "moeite met schrijven", "schrijven, lezen, taalhuis", _READ, ()),
    ("nl", "beter leren lezen", "lezen, schrijven", _READ, _COURSE),
    ("nl", "beter leren schrijven", "schrijven, lezen", _READ, _COURSE),
    ("nl", "lezen en schrijven", "lezen, schrijven", _READ, ()),
    ("nl", "spelling", "schrijven, taal", _READ, ()),
    ("nl", "ik maak veel fouten", "schrijven, taal", _READ, ()),
    ("nl", "laaggeletterd", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "ik snap de brief niet", "brief, brieven, formulier, post", _READ + _GOV, _FORMS),
    ("nl", "ik begrijp de brief niet", "brief, brieven, formulier, post", _READ + _GOV, _FORMS),
    ("nl", "brief van de gemeente", "brief, brieven, formulier, gemeente", _GOV, _FORMS),
    ("nl", "brief van de belastingdienst", "brief, belasting, aangifte", _MONEY + _GOV, _FORMS),
    ("nl", "moeilijke brief", "brief, brieven, formulier", _READ, _FORMS),
    ("nl", "post lezen", "post, brief, papieren", _READ + _MONEY, _FORMS),
    ("nl", "formulier invullen", "formulier, invullen", _GOV, _FORMS),
    ("nl", "papieren", "papieren, post, administratie", _MONEY, _FORMS),
    ("nl", "administratie", "administratie, papieren, post", _MONEY, _FORMS),
    ("nl", "rekenen", "rekenen", _MATH, ()),
    ("nl", "ik kan niet goed rekenen", "rekenen", _MATH, ()),
    ("nl", "moeite met rekenen", "rekenen", _MATH, ()),
    # --- Dutch as a second language (nl) ---
    ("nl", "nederlands leren", "nederlands, taal, nt2", _DUTCH, ()),
    ("nl", "beter nederlands spreken", "nederlands, praten, taal", _DUTCH, ()),
    ("nl", "nederlands oefenen", "nederlands, praten, taalcafe, taalmaatje", _DUTCH, ()),
    ("nl", "nederlandse les", "nederlands, les, cursus", _DUTCH, _COURSE),
    ("nl", "taalles", "nederlands, les, taal", _DUTCH, _COURSE),
    ("nl", "de taal leren", "nederlands, taal", _DUTCH, ()),
    ("nl", "praten met anderen", "praten, taalcafe, praatgroep", _DUTCH, _CAFE),
    ("nl", "inburgeren", "inburgering, nederlands, taal", _DUTCH, ()),
    ("nl", "inburgering", "inburgering, nederlands, taal", _DUTCH, ()),
    ("nl", "ik spreek geen nederlands", "nederlands, taal", _DUTCH, ()),
    # --- Computer, phone, internet (nl) ---
    ("nl", "mijn oma kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "mijn opa kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "mijn moeder kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "ik kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "leren werken met de computer", "computer, internet", _DIGI, _COURSE),
    ("nl", "computerles", "computer, internet", _DIGI, _COURSE),
    ("nl", "mijn telefoon", "telefoon, smartphone", _DIGI, ()),
    ("nl", "hulp met mijn telefoon", "telefoon, smartphone", _DIGI, ()),
    ("nl", "mijn telefoon doet raar", "telefoon, smartphone", _DIGI, ()),
    ("nl", "whatsapp", "telefoon, smartphone, appen", _DIGI, ()),
    ("nl", "apps", "telefoon, smartphone, appen", _DIGI, ()),
    ("nl", "ipad", "tablet", _DIGI, ()),
    ("nl", "mail", "e-mail, computer, internet", _DIGI, ()),
    ("nl", "e-mail sturen", "e-mail, computer, internet", _DIGI, ()),
    ("nl", "foto's versturen", "foto, telefoon, smartphone", _DIGI, ()),
    ("nl", "veilig internetten", "veilig, internet, nepberichten", _DIGI, ()),
    ("nl", "nepmail", "nepberichten, veilig, internet", _DIGI, ()),
    ("nl", "oplichting", "oplichters, nepberichten, veilig", _DIGI, ()),
    ("nl", "online bankieren", "bank, internet, veilig", _DIGI + _MONEY, ()),
    # --- Government online (nl) ---
    ("nl", "digid aanvragen", "digid, inloggen overheid", _GOV, _HOUR),
    ("nl", "digid werkt niet", "digid, inloggen overheid", _GOV, _HOUR),
    ("nl", "inloggen bij de gemeente", "digid, inloggen overheid, gemeente", _GOV, _HOUR),
    ("nl", "mijn overheid", "mijnoverheid, digid, overheid", _GOV, _HOUR),
    ("nl", "zaken met de overheid", "overheid, digid", _GOV, _HOUR),
    ("nl", "toeslagen", "toeslag, toeslagen", _MONEY + _GOV, _HOUR),
    ("nl", "zorgtoeslag aanvragen", "zorgtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("nl", "huurtoeslag aanvragen", "huurtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("nl", "kinderbijslag", "kinderbijslag, svb", _MONEY + _GOV, _HOUR),
    ("nl", "aow", "aow, svb, pensioen", _MONEY + _GOV, _HOUR),
    ("nl", "pensioen", "aow, pensioen, svb", _MONEY, _HOUR),
    ("nl", "uitkering", "uitkering, uwv, werk", _MONEY + _WORK, _HOUR),
    ("nl", "belasting", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("nl", "belastingaangifte doen", "belastingaangifte, aangifte, belasting", _MONEY, _HOUR),
    ("nl", "aangifte doen", "aangifte, belasting", _MONEY, _HOUR),
    ("nl", "blauwe envelop", "belasting, aangifte, brief", _MONEY + _GOV, _HOUR),
    ("nl", "paspoort", "paspoort, gemeente, overheid", _GOV, ()),
    ("nl", "rijbewijs verlengen", "rijbewijs, gemeente, overheid", _GOV, ()),
    # --- Money (nl) ---
    ("nl", "geldzorgen", "geldzorgen, geldzaken, schulden", _MONEY, ()),
    ("nl", "ik kom niet rond", "rondkomen, geldzaken, geldzorgen", _MONEY, ()),
    ("nl", "geld tekort", "geldzorgen, rondkomen, geldzaken", _MONEY, ()),
    ("nl", "schulden", "schulden, geldzorgen, schuldhulpmaatje", _MONEY, ()),
    ("nl", "ik heb schulden", "schulden, geldzorgen, schuldhulpmaatje", _MONEY, ()),
    ("nl", "rekeningen betalen", "rekeningen, geldzaken, betalen", _MONEY, ()),
    ("nl", "ik kan mijn rekeningen niet betalen", "rekeningen, schulden, geldzorgen", _MONEY, ()),
    ("nl", "budget", "budget, geldzaken, rondkomen", _MONEY, ()),
    ("nl", "overzicht in mijn geld", "overzicht, geldzaken, administratie", _MONEY, ()),
    ("nl", "geldloket", "geldloket, geldzaken", _MONEY, _HOUR),
    # --- Work (nl) ---
    ("nl", "ik zoek werk", "werk, vacatures, solliciteren", _WORK, ()),
    ("nl", "werk zoeken", "werk, vacatures, solliciteren", _WORK, ()),
    ("nl", "een baan vinden", "werk, vacatures, solliciteren", _WORK, ()),
    ("nl", "sollicitatiebrief schrijven", "sollicitatiebrief, solliciteren, cv", _WORK, ()),
    ("nl", "cv maken", "cv, solliciteren", _WORK, ()),
    ("nl", "solliciteren", "solliciteren, sollicitatiebrief, cv", _WORK, ()),
    ("nl", "taal op het werk", "werk, werkvloer, nederlands", _WORK + _DUTCH, ()),
    # --- Children and family (nl) ---
    ("nl", "voorlezen aan mijn kind", "voorlezen, kind, boeken", _KIDS + _FAMILY, ()),
    ("nl", "voorlezen", "voorlezen, voorleesexpress, boekstart", _KIDS, ()),
    ("nl", "mijn kind leest niet graag", "voorlezen, lezen, kind", _KIDS, ()),
    ("nl", "mijn kind kan niet goed lezen", "lezen, kind, huiswerk", _KIDS, ()),
    ("nl", "boekjes voor mijn baby", "baby, boekstart, voorlezen", _KIDS, ()),
    ("nl", "huiswerk", "huiswerk, huiswerkhulp", _KIDS, ()),
    ("nl", "hulp met huiswerk", "huiswerk, huiswerkhulp", _KIDS, ()),
    ("nl", "opvoeding", "opvoeden, ouders", _FAMILY, ()),
    ("nl", "mijn kind luistert niet", "opvoeden, ouders", _FAMILY, ()),
    # --- Health and other (nl) ---
    ("nl", "naar de dokter online", "gezondheid, online, huisarts", _HEALTH + _DIGI, ()),
    ("nl", "afspraak bij de huisarts", "huisarts, gezondheid", _HEALTH, ()),
    ("nl", "gezond leven", "gezondheid, gezond", _HEALTH, ()),
    ("nl", "eenzaam", "samen, activiteit, praten", _ME, ()),
    ("nl", "iets leren", "leren, cursus", _ME, _COURSE),
    ("nl", "vrijwilliger worden", "vrijwilliger, vrijwilligers", _ME, ()),
    ("nl", "iemand om mee te oefenen", "taalmaatje, maatje, oefenen", _DUTCH, _BUDDY),
    ("nl", "thuis oefenen", "oefenen, online, thuis", (), _ONLINE),
    # --- English: phrases and the domain's common words ---
    ("en", "help with reading", "lezen, schrijven, taalhuis", _READ, ()),
    ("en", "i cannot read well", "lezen, schrijven, taalhuis", _READ, ()),
    ("en", "read", "lezen", _READ, ()),
    ("en", "reading", "lezen", _READ, ()),
    ("en", "write", "schrijven", _READ, ()),
    ("en", "writing", "schrijven", _READ, ()),
    ("en", "letter", "brief, brieven", _READ, _FORMS),
    ("en", "letters", "brief, brieven", _READ, _FORMS),
    ("en", "form", "formulier", _GOV, _FORMS),
    ("en", "forms", "formulieren", _GOV, _FORMS),
    ("en", "fill in a form", "formulier, invullen", _GOV, _FORMS),
    ("en", "learn dutch", "nederlands, taal, nt2", _DUTCH, ()),
    ("en", "dutch", "nederlands", _DUTCH, ()),
    ("en", "dutch lessons", "nederlands, les, cursus", _DUTCH, _COURSE),
    ("en", "language", "taal", _DUTCH, ()),
    ("en", "speak dutch", "nederlands, praten", _DUTCH, ()),
    ("en", "computer", "computer", _DIGI, ()),
    ("en", "computer course", "computer, cursus", _DIGI, _COURSE),
    ("en", "phone", "telefoon, smartphone", _DIGI, ()),
    ("en", "my phone", "telefoon, smartphone", _DIGI, ()),
    ("en", "smartphone", "smartphone, telefoon", _DIGI, ()),
    ("en", "mobile", "telefoon, smartphone", _DIGI, ()),
    ("en", "email", "e-mail, computer", _DIGI, ()),
    ("en", "online safety", "veilig, internet", _DIGI, ()),
    ("en", "government", "overheid, digid", _GOV, ()),
    ("en", "government website", "overheid, digid, inloggen overheid", _GOV, _HOUR),
    ("en", "tax", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("en", "taxes", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("en", "tax return", "belastingaangifte, aangifte, belasting", _MONEY + _GOV, _HOUR),
    ("en", "benefits", "toeslag, uitkering", _MONEY + _GOV, _HOUR),
    ("en", "allowance", "toeslag", _MONEY + _GOV, _HOUR),
    ("en", "healthcare allowance", "zorgtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("en", "rent benefit", "huurtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("en", "money", "geld, geldzaken", _MONEY, ()),
    ("en", "money problems", "geldzorgen, geldzaken, schulden", _MONEY, ()),
    ("en", "debt", "schulden, geldzorgen", _MONEY, ()),
    ("en", "debts", "schulden, geldzorgen", _MONEY, ()),
    ("en", "bills", "rekeningen, geldzaken", _MONEY, ()),
    ("en", "job", "werk, vacatures, solliciteren", _WORK, ()),
    ("en", "work", "werk", _WORK, ()),
    ("en", "find a job", "werk, vacatures, solliciteren", _WORK, ()),
    ("en", "apply for a job", "solliciteren, sollicitatiebrief, cv", _WORK, ()),
    ("en", "course", "cursus", (), _COURSE),
    ("en", "class", "cursus, les", (), _COURSE),
    ("en", "lessons", "les, cursus", (), _COURSE),
    ("en", "child", "kind, kinderen", _KIDS + _FAMILY, ()),
    ("en", "children", "kinderen, kind", _KIDS + _FAMILY, ()),
    ("en", "read to my child", "voorlezen, kind", _KIDS, ()),
    ("en", "homework", "huiswerk, huiswerkhulp", _KIDS, ()),
    ("en", "parenting", "opvoeden, ouders", _FAMILY, ()),
    ("en", "library", "bibliotheek", (), ()),
    ("en", "health", "gezondheid", _HEALTH, ()),
    ("en", "doctor", "huisarts, gezondheid", _HEALTH, ()),
    ("en", "maths", "rekenen", _MATH, ()),
    ("en", "math", "rekenen", _MATH, ()),
    # --- Arabic ---
    ("ar", "تعلم اللغة الهولندية", "nederlands, taal, nt2", _DUTCH, ()),
    ("ar", "الهولندية", "nederlands", _DUTCH, ()),
    ("ar", "القراءة", "lezen", _READ, ()),
    ("ar", "رسالة", "brief, brieven", _READ, _FORMS),
    ("ar", "هاتف", "telefoon, smartphone", _DIGI, ()),
    ("ar", "الكمبيوتر", "computer", _DIGI, ()),
    ("ar", "ضرائب", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("ar", "ديون", "schulden, geldzorgen", _MONEY, ()),
    ("ar", "عمل", "werk, vacatures", _WORK, ()),
    # --- Turkish ---
    ("tr", "hollandaca öğrenmek", "nederlands, taal, nt2", _DUTCH, ()),
    ("tr", "hollandaca", "nederlands", _DUTCH, ()),
    ("tr", "okuma", "lezen", _READ, ()),
    ("tr", "mektup", "brief, brieven", _READ, _FORMS),
    ("tr", "telefon", "telefoon, smartphone", _DIGI, ()),
    ("tr", "bilgisayar", "computer", _DIGI, ()),
    ("tr", "vergi", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("tr", "borç", "schulden, geldzorgen", _MONEY, ()),
    ("tr", "iş arıyorum", "werk, vacatures, solliciteren", _WORK, ()),
    # --- Ukrainian ---
    ("uk", "вивчити нідерландську", "nederlands, taal, nt2", _DUTCH, ()),
    ("uk", "нідерландська мова", "nederlands, taal", _DUTCH, ()),
    ("uk", "читання", "lezen", _READ, ()),
    ("uk", "лист", "brief, brieven", _READ, _FORMS),
    ("uk", "телефон", "telefoon, smartphone", _DIGI, ()),
    ("uk", "комп'ютер", "computer", _DIGI, ()),
    ("uk", "податки", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("uk", "борги", "schulden, geldzorgen", _MONEY, ()),
    ("uk", "робота", "werk, vacatures", _WORK, ()),
    # --- Polish ---
    ("pl", "nauka niderlandzkiego", "nederlands, taal, nt2", _DUTCH, ()),
    ("pl", "niderlandzki", "nederlands", _DUTCH, ()),
    ("pl", "czytanie", "lezen", _READ, ()),
    ("pl", "list", "brief, brieven", _READ, _FORMS),
    ("pl", "telefon", "telefoon, smartphone", _DIGI, ()),
    ("pl", "komputer", "computer", _DIGI, ()),
    ("pl", "podatki", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("pl", "długi", "schulden, geldzorgen", _MONEY, ()),
    ("pl", "praca", "werk, vacatures", _WORK, ()),
]


def seed_need_phrases(need_phrase_model, term_model) -> int:
    """Add the national set's phrases that are missing (by language and words); a phrase the KB
    already has, changed or deactivated, is left as it is. Works on the migration's historical
    models and on the real ones (load_demo). Returns how many were added."""
    from ontwikkelplein.catalogue.search.analysis import words  # pure Python, no models

    terms = {
        (slug, code): term
        for term, slug, code in (
            (t, t.taxonomy.slug, t.code) for t in term_model.objects.select_related("taxonomy")
        )
    }
    existing = set(need_phrase_model.objects.values_list("language", "key"))
    added = 0
    for language, phrase, mapped, themes, offer_types in NEED_PHRASES:
        key = " ".join(words(phrase))[:200]
        if (language, key) in existing:
            continue
        existing.add((language, key))
        row = need_phrase_model(phrase=phrase, key=key, language=language, words=mapped)
        row.save()
        row.themes.set([terms[("thema", c)] for c in themes if ("thema", c) in terms])
        row.offer_types.set(
            [terms[("aanbodsoort", c)] for c in offer_types if ("aanbodsoort", c) in terms]
        )
        added += 1
    return added
