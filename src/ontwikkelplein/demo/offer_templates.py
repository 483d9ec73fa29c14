"""The demo's offer templates (sjablonen): five national standard offers by the KB, in plain
(B1) Dutch, that a library adopts and completes with place, time and contact.

`load_offer_templates()` is idempotent: every template has a fixed id, and a template only gets
a new version when its text here changes."""

import uuid

from ontwikkelplein.catalogue import services
from ontwikkelplein.catalogue.models import OfferTemplate, Programme, Taxonomy, TaxonomyTerm
from ontwikkelplein.demo import data
from ontwikkelplein.organisations.models import Organisation

TEMPLATES = [
    {
        "key": "belastingspreekuur",
        "title": "Belastingspreekuur",
        "summary": "Vrijwilligers helpen je in het voorjaar met je aangifte inkomstenbelasting.",
        "description": (
            "Elk voorjaar doe je aangifte inkomstenbelasting. Vind je dat moeilijk? Op het "
            "belastingspreekuur vullen getrainde vrijwilligers de aangifte samen met jou in.\n\n"
            "Dit kan als je een eenvoudige aangifte hebt. Bijvoorbeeld als je in loondienst "
            "werkt, of als je een uitkering of AOW hebt. Je kunt ook vragen stellen over een "
            "brief van de Belastingdienst of over toeslagen.\n\n"
            "Heb je een eigen bedrijf of ingewikkelde zaken? Dan kunnen we je niet helpen. We "
            "vertellen je dan waar je wel terecht kunt."
        ),
        "offer_type": "formulierenhulp",
        "themes": ["geldzaken", "digitale-overheid"],
        "target_groups": ["iedereen", "65-plussers", "laaggeletterden"],
        "levels": [],
        "programme": "belastinghulp",
        "guidance": ["volunteer"],
        "sign_up": "registration",
        "sign_up_instructions": (
            "Maak een afspraak bij de balie of bel de bibliotheek. Je hoort dan wat je moet "
            "meenemen."
        ),
        "requirements": ["digid", "authorisation_code", "id", "letter"],
        "requirements_other": "Je jaaropgaven en je bankrekeningnummer.",
    },
    {
        "key": "digisterker",
        "title": "Digisterker: werken met de e-overheid",
        "summary": "In vier lessen leer je zelf inloggen met DigiD en zaken regelen met de "
        "overheid.",
        "description": (
            "Kun je al een beetje met de computer werken, maar loop je vast op websites van de "
            "overheid? In de cursus Digisterker leer je hoe je DigiD gebruikt. Je leest je "
            "berichten in MijnOverheid en je vraagt zelf iets aan bij de gemeente.\n\n"
            "De cursus heeft vier lessen van twee uur. Er doen hoogstens acht mensen mee. Eerst "
            "heb je een kort gesprek. Zo weten we of de cursus bij je past."
        ),
        "offer_type": "cursus",
        "themes": ["digitale-overheid", "digitale-vaardigheden"],
        "target_groups": ["niet-digivaardigen", "65-plussers", "werkzoekenden"],
        "levels": ["digitaal-basis"],
        "programme": "digisterker",
        "guidance": ["professional"],
        "sign_up": "intake",
        "sign_up_instructions": (
            "Meld je aan bij de balie of bel de bibliotheek. We maken dan een afspraak voor het "
            "eerste gesprek."
        ),
        "requirements": ["digid", "own_device"],
        "requirements_other": "Geen eigen laptop of tablet? Dan leen je er een van ons.",
    },
    {
        "key": "ido-spreekuur",
        "title": "IDO-spreekuur: hulp met DigiD en de digitale overheid",
        "summary": "Gratis hulp bij DigiD, MijnOverheid en andere zaken met de overheid.",
        "description": (
            "Moet je iets regelen met de overheid via internet? In het Informatiepunt Digitale "
            "Overheid (IDO) in de bibliotheek krijg je hulp. Bijvoorbeeld met een DigiD "
            "aanvragen, de DigiD-app installeren, inloggen bij MijnOverheid of een toeslag "
            "bekijken.\n\n"
            "We doen het samen met jou, op jouw tempo. We kijken niet mee in je gegevens als dat "
            "niet nodig is. Voor persoonlijke zaken gaan we naar een aparte ruimte.\n\n"
            "Weten we het antwoord niet? Dan zoeken we uit wie je verder kan helpen, "
            "bijvoorbeeld de Belastingdienst, de SVB of het UWV."
        ),
        "offer_type": "spreekuur",
        "themes": ["digitale-overheid", "digitale-vaardigheden"],
        "target_groups": ["iedereen", "65-plussers", "niet-digivaardigen"],
        "levels": [],
        "programme": "ido",
        "guidance": ["professional", "volunteer"],
        "sign_up": "walk_in",
        "sign_up_instructions": "",
        "requirements": ["digid", "id", "letter"],
        "requirements_other": "Je telefoon, als je de DigiD-app gebruikt.",
    },
    {
        "key": "klik-en-tik",
        "title": "Klik & Tik: de basis",
        "summary": "Leer in je eigen tempo werken met de computer, de muis en het toetsenbord.",
        "description": (
            "Met Klik & Tik zet je de eerste stappen op de computer. Je oefent met de muis en "
            "het toetsenbord. Je leert e-mailen en iets opzoeken op internet. Je werkt met de "
            "oefeningen van Oefenen.nl, in je eigen tempo. Een vrijwilliger helpt als je "
            "vastloopt.\n\n"
            "Je hoeft nog niets te kunnen. Kom gewoon langs."
        ),
        "offer_type": "cursus",
        "themes": ["digitale-vaardigheden"],
        "target_groups": ["niet-digivaardigen", "65-plussers", "laaggeletterden"],
        "levels": ["digitaal-starter"],
        "programme": "klik-en-tik",
        "guidance": ["volunteer", "self_study"],
        "sign_up": "walk_in",
        "sign_up_instructions": "",
        "requirements": [],
        "requirements_other": "",
    },
    {
        "key": "taalcafe",
        "title": "Taalcafé",
        "summary": "Oefen Nederlands praten in een kleine groep, met hulp van een vrijwilliger.",
        "description": (
            "In het taalcafé praat je Nederlands met andere mensen. Het gaat over gewone "
            "dingen: het weer, je buurt, boodschappen doen of de dokter. Een vrijwilliger leidt "
            "het gesprek en helpt met moeilijke woorden.\n\n"
            "Je hoeft je niet aan te melden en het is gratis. Het is fijn als je al een beetje "
            "Nederlands spreekt. Koffie en thee staan klaar."
        ),
        "offer_type": "cafe",
        "themes": ["nederlands-leren"],
        "target_groups": ["anderstaligen", "nieuwkomers"],
        "levels": ["nt2-a1", "nt2-a2", "nt2-b1"],
        "programme": "taalhuis",
        "guidance": ["volunteer"],
        "sign_up": "walk_in",
        "sign_up_instructions": "",
        "requirements": [],
        "requirements_other": "",
    },
]


def template_id(key: str) -> uuid.UUID:
    # Imported here: demo.services wires this module into load_demo.
    from ontwikkelplein.demo.services import demo_uuid

    return demo_uuid("offer-template", key)


def _terms(slug: str, codes: list[str]) -> list[TaxonomyTerm]:
    terms = {t.code: t for t in TaxonomyTerm.objects.filter(taxonomy__slug=slug, code__in=codes)}
    missing = set(codes) - set(terms)
    if missing:
        from ontwikkelplein.demo.services import DemoDataError

        raise DemoDataError(f"Unknown {slug} terms: {', '.join(sorted(missing))}")
    return [terms[code] for code in codes]


def load_offer_templates() -> list[OfferTemplate]:
    """Create or update the five national templates of the KB. Needs the KB organisation
    (load_demo creates it) and the seeded reference data."""
    kb = Organisation.objects.filter(name=data.KB["name"]).first()
    if kb is None:
        from ontwikkelplein.demo.services import DemoDataError

        raise DemoDataError("The KB organisation is missing; load the demo network first.")
    templates = []
    for spec in TEMPLATES:
        fields = {k: v for k, v in spec.items() if k != "key"}
        fields["offer_type"] = _terms(Taxonomy.OFFER_TYPE, [spec["offer_type"]])[0]
        fields["themes"] = _terms(Taxonomy.THEME, spec["themes"])
        fields["target_groups"] = _terms(Taxonomy.TARGET_GROUP, spec["target_groups"])
        fields["levels"] = _terms(Taxonomy.LEVEL, spec["levels"])
        fields["programme"] = Programme.objects.filter(code=spec["programme"]).first()
        fields.setdefault("languages", ["nl"])
        templates.append(services.load_template(template_id(spec["key"]), owner=kb, **fields))
    return templates
