"""Which interface texts residents read, so that they are translated into every language of
settings.LANGUAGES (staff texts only need English). docs/public-site.md, "Talen".

A resident string is, mechanically, a msgid of the catalogue that makemessages found in one of
RESIDENT_SOURCES (the `#:` references of the .po file), or one of RESIDENT_MESSAGES_IN_SHARED_CODE:
texts of modules that also hold staff texts (model choices, the search form) and that resident pages
show. tests/test_translations.py checks that every one of them is translated in every language, and
(by rendering resident pages with a recording gettext) that resident pages show no text from outside
this definition.
"""

from fnmatch import fnmatch

# Paths relative to src/ontwikkelplein, as in the .po file's references; fnmatch patterns.
RESIDENT_SOURCES = (
    # The site layout and the error pages.
    "templates/base.html",
    "templates/400.html",
    "templates/403.html",
    "templates/403_csrf.html",
    "templates/404.html",
    "templates/500.html",
    "templates/errors/*",
    # Shared form and page parts that resident pages use.
    "core/templates/core/_pagination.html",
    "core/templates/core/_reading_tools.html",
    "core/templates/core/message.html",
    "core/templates/core/forms/_error_summary.html",
    "core/templates/core/forms/_fieldsets.html",
    "core/templates/core/forms/_public_form_start.html",
    "core/templates/core/forms/_public_form_end.html",
    "core/templates/core/forms/field.html",
    "core/templates/core/forms/form.html",
    "core/templates/core/documents/base.html",
    "core/person.py",
    "core/privacy.py",
    "core/spam.py",
    "core/forms.py",
    "core/views.py",
    "core/text_size.py",
    "organisations/calendar.py",
    # Search, the offer page and the wegwijzer.
    "catalogue/templates/catalogue/public/*",
    # The line on the offer page that names the learning materials used (a panel of materials).
    "materials/templates/materials/public/*",
    "catalogue/views/public.py",
    "catalogue/views/embed.py",
    "wayfinder/templates/wayfinder/_result.html",
    "wayfinder/templates/wayfinder/_step.html",
    "wayfinder/templates/wayfinder/result.html",
    "wayfinder/templates/wayfinder/step.html",
    "wayfinder/views/flow.py",
    # The leeswijzer ("Welk boek past bij mijn kind?").
    "readingguide/templates/readingguide/public/*",
    "readingguide/views/public.py",
    # "Ik wil hulp" and its status page, and the e-mail a resident gets when a referral is closed.
    "referrals/templates/referrals/public/*",
    "referrals/templates/referrals/email/closed_to_person.txt",
    "referrals/public_forms.py",
    "referrals/views/public.py",
    # Course sign-up, waiting list and cancelling, their e-mails and the printable confirmation.
    "courses/templates/courses/public/*",
    "courses/templates/courses/email/*",
    "courses/templates/courses/documents/confirmation.html",
    "courses/templates/courses/staff/_confirmation.html",
    "courses/public_forms.py",
    "courses/views/public.py",
    "courses/documents.py",
    # Impact questionnaires, on the screen and on paper.
    "impact/templates/impact/public/*",
    "impact/templates/impact/documents/*",
    "impact/views/public.py",
    "impact/documents.py",
)

# Texts from modules that also hold staff texts, shown on resident pages or in e-mails to residents.
# Found by rendering the resident pages with a recording gettext (see tests/test_translations.py,
# test_resident_pages_show_only_resident_strings); add a text here when that test names it.
RESIDENT_MESSAGES_IN_SHARED_CODE = frozenset(
    {
        # The languages help is given in (catalogue/models.py, LANGUAGE_CHOICES).
        "Nederlands",
        "Fries",
        "Engels",
        "Arabisch",
        "Turks",
        "Pools",
        "Oekraïens",
        "Russisch",
        "Tigrinya",
        "Somalisch",
        "Perzisch (Farsi, Dari)",
        "Bulgaars",
        "Roemeens",
        "Duits",
        "Frans",
        "Spaans",
        "Portugees",
        "Chinees",
        # Weekdays (organisations/models.py, catalogue/forms.py).
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        # The public search form (catalogue/forms.py, SearchForm).
        "Waar wil je hulp bij?",
        "Bijvoorbeeld 3811 of Amersfoort. Je mag dit leeg laten.",
        "Hoe ver mag het zijn?",
        "Dit werkt als je een postcode of plaats invult.",
        "Volgorde",
        "Dichtstbij eerst werkt als je een postcode of plaats invult.",
        "Soort hulp",
        "Hulp in een andere taal",
        "Op welke dag?",
        "Alleen gratis",
        "Zonder afspraak (vrije inloop)",
        "Maakt niet uit",
        "Binnen 2 km",
        "Binnen 5 km",
        "Binnen 10 km",
        "Binnen 25 km",
        "Best passend eerst",
        "Dichtstbij eerst",
        "We kennen de plaats of postcode “%(waar)s” niet. Probeer een andere schrijfwijze of "
        "laat het veld leeg.",
        # Offer facts (catalogue/models.py) and the help points (catalogue/selectors.py).
        "Vrije inloop",
        "Eerst een intakegesprek",
        "Op afspraak",
        "Professional",
        "Vrijwilliger",
        "Zelfstudie",
        "DigiD (inlognaam en wachtwoord of de app)",
        "Machtigingscode",
        "Identiteitsbewijs",
        "Eigen laptop, tablet of telefoon",
        "De brief of het formulier waar het om gaat",
        "Bibliotheekpas",
        "Nu niet beschikbaar",
        "Weer vanaf %(month)s",
        "Vanaf %(date)s",
        "Informatiepunt Digitale Overheid (IDO)",
        "Taalhuis",
        "Bibliotheek",
        "Meer over het Informatiepunt Digitale Overheid hier",
        "Meer over het Taalhuis hier",
        # Course sign-up answers and the subjects of e-mails to residents (courses/services.py).
        "Zonder toestemming kunnen we de gegevens niet bewaren.",
        "Vul een telefoonnummer of een e-mailadres in.",
        "Deze cursus gaat niet door. Aanmelden kan niet meer.",
        "Aanmelden voor deze cursus kan nog niet.",
        "Hiervoor hoef je je niet aan te melden: je kunt gewoon binnenlopen.",
        "Aanmelden kan vanaf %(date)s.",
        "Aanmelden voor deze cursus is gesloten.",
        "Deze persoon is al aangemeld voor deze cursus.",
        "Er ging iets mis. Probeer het nog een keer.",
        "Deze aanmelding is al afgemeld.",
        "Er staat geen plaats voor je klaar.",
        "De tijd om de plaats aan te nemen is voorbij.",
        "Aanmelding %(offer)s",
        "Er is een plaats vrij: %(offer)s",
        "Je hebt een plaats: %(offer)s",
        "Over je aanmelding: %(offer)s",
        "%(offer)s gaat niet door",
        "Morgen: %(offer)s",
        # "Ik wil hulp" and its status page (referrals/services.py, referrals/models.py).
        "Schrijf in het kort wat de vraag is.",
        "Je hulpvraag %(ref)s is afgerond",
        "Geholpen",
        "Aangemeld voor aanbod",
        "Verder doorverwezen",
        "Niet bereikt",
        "Niet meer nodig",
        "Geen plek",
        "Past niet",
        # Questionnaires (impact/forms.py, impact/services.py).
        "Ik kan dit zelf",
        "Met een beetje hulp",
        "Nog niet",
        "Ja",
        "Een beetje",
        "Nee",
        "De code staat op je kaart, bijvoorbeeld ABCD-EFGH-JKMN.",
        "Typ de letters en cijfers van de code op je kaart.",
        "Kies een antwoord.",
        "Deze code is al gebruikt. De vragenlijst is al ingevuld. Er is niets veranderd. Heb je "
        "een nieuwe kaart nodig? Vraag het aan de begeleider.",
        # The wegwijzer's summary of the answers (wayfinder/selectors.py).
        "%(question)s %(answer)s.",
        "%(question)s %(place)s",
    }
)


def is_resident_source(reference: str) -> bool:
    """True for a .po reference ("catalogue/views/public.py:12") to a resident source."""
    path = reference.rsplit(":", 1)[0]
    return any(fnmatch(path, pattern) for pattern in RESIDENT_SOURCES)


def is_resident_message(msgid: str, references: list[str]) -> bool:
    return msgid in RESIDENT_MESSAGES_IN_SHARED_CODE or any(
        is_resident_source(reference) for reference in references
    )
