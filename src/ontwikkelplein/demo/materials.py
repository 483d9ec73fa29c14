"""The demo's learning materials (/beheer/leermiddelen/): a national list of well-known materials
and programmes that libraries use for basic skills, and a library's own addition in Eemland and in
Breda (Nieuwe Veste), linked to the demo offers and course runs that use them.

The descriptions are kept short and general on purpose: what the material is for and for whom,
as the providers present it on their own sites; no prices or licence terms we could not check
("Navragen bij de aanbieder" where unsure). Keyed on demo_uuid: loading again gives the same
list."""

from django.db import transaction

from ontwikkelplein.catalogue.models import Offer, Taxonomy, TaxonomyTerm
from ontwikkelplein.courses.models import Run
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.materials.models import Cost, Form, Kind, Material
from ontwikkelplein.organisations.models import Organisation

# Offer keys per library are "<library>:<kind>" (demo/offers.py); "*" is every library's.
NATIONAL = [
    {
        "key": "oefenen-nl",
        "name": "Oefenen.nl",
        "summary": "Gratis online oefenprogramma's voor taal, rekenen en digitale vaardigheden.",
        "description": (
            "Website met oefenprogramma's voor volwassenen die beter willen leren lezen, "
            "schrijven, rekenen of met de computer werken, en voor anderstaligen die "
            "Nederlands leren. Deelnemers oefenen zelf of met een begeleider; begeleiders "
            "kunnen de voortgang volgen."
        ),
        "provider": "Stichting Expertisecentrum Oefenen.nl",
        "kind": Kind.PROGRAMME,
        "form": Form.ONLINE,
        "cost": Cost.FREE,
        "website": "https://oefenen.nl",
        "themes": ["lezen-en-schrijven", "nederlands-leren", "rekenen", "digitale-vaardigheden"],
        "target_groups": ["laaggeletterden", "anderstaligen", "niet-digivaardigen"],
        "levels": ["nt1-instroom", "nt1-1f"],
        "offers": ["*:oefenen-nl", "*:lezen-schrijven", "*:rekenen"],
    },
    {
        "key": "klik-en-tik",
        "name": "Klik & Tik",
        "summary": (
            "Online cursus voor wie (bijna) nooit met een computer, tablet of internet werkt."
        ),
        "description": (
            "Een reeks programma's van Oefenen.nl, stap voor stap en met gesproken uitleg: "
            "de start, de basis, de tablet (Android en iPad) en het internet op. Te gebruiken "
            "in een cursus in de bibliotheek, bij een inloopspreekuur of om thuis verder te "
            "oefenen."
        ),
        "provider": "Stichting Expertisecentrum Oefenen.nl",
        "kind": Kind.PROGRAMME,
        "form": Form.BLENDED,
        "cost": Cost.FREE,
        "website": "https://oefenen.nl",
        "themes": ["digitale-vaardigheden"],
        "target_groups": ["niet-digivaardigen", "65-plussers", "laaggeletterden"],
        "levels": ["digitaal-starter", "digitaal-basis"],
        "offers": ["*:klik-en-tik"],
    },
    {
        "key": "taalklas",
        "name": "Taalklas.nl",
        "summary": "Online Nederlands leren voor anderstaligen die nog weinig Nederlands spreken.",
        "description": (
            "Programma van Oefenen.nl met video's en oefeningen over alledaagse situaties. "
            "Geschikt om zelf te oefenen, naast een taalcafé of met een taalmaatje."
        ),
        "provider": "Stichting Expertisecentrum Oefenen.nl",
        "kind": Kind.PROGRAMME,
        "form": Form.ONLINE,
        "cost": Cost.FREE,
        "website": "https://oefenen.nl",
        "themes": ["nederlands-leren"],
        "target_groups": ["anderstaligen", "nieuwkomers"],
        "levels": ["nt2-a0", "nt2-a1", "nt2-a2"],
        "offers": ["*:oefenen-nl", "*:taalmaatje"],
    },
    {
        "key": "digisterker",
        "name": "Digisterker: Werken met de e-overheid",
        "summary": "Cursus voor wie een computer kan gebruiken maar vastloopt bij de e-overheid.",
        "description": (
            "Cursus in een aantal bijeenkomsten over DigiD, MijnOverheid en websites van "
            "overheidsorganisaties. Bibliotheken geven de cursus met een licentie; er zijn "
            "accounts voor coördinatoren en docenten. Vaak gaat er een intake aan vooraf."
        ),
        "provider": "Stichting Digisterker",
        "kind": Kind.METHOD,
        "form": Form.BLENDED,
        "cost": Cost.LIBRARY_LICENCE,
        "cost_note": "Licentie voor de bibliotheek; de voorwaarden staan op digisterker.nl.",
        "website": "https://www.digisterker.nl",
        "themes": ["digitale-overheid", "digitale-vaardigheden"],
        "target_groups": ["65-plussers", "nieuwkomers", "werkzoekenden"],
        "levels": ["digitaal-basis"],
        "offers": ["*:digisterker"],
        "runs": [
            "eemland:digisterker:next",
            "eemland:digisterker:past",
            "oosterschelde:digisterker:next",
            "oosterschelde:digisterker:past",
        ],
    },
    {
        "key": "digivitaler",
        "name": "DigiVitaler",
        "summary": (
            "Cursus over digitale zorg: online regelen wat met je gezondheid te maken heeft."
        ),
        "description": (
            "Verwante cursus van Digisterker over digitale zorg, zoals het online contact met "
            "de huisarts en de zorgverzekeraar."
        ),
        "provider": "Stichting Digisterker",
        "kind": Kind.METHOD,
        "form": Form.BLENDED,
        "cost": Cost.ASK,
        "website": "https://www.digisterker.nl",
        "themes": ["gezondheid", "digitale-vaardigheden"],
        "target_groups": ["65-plussers", "niet-digivaardigen"],
        "levels": ["digitaal-basis"],
        "offers": ["*:gezondheid"],
    },
    {
        "key": "steffie",
        "name": "Steffie",
        "summary": (
            "Website die onderwerpen als DigiD en digitaal bankieren in eenvoudige stappen uitlegt."
        ),
        "description": (
            "Steffie legt stap voor stap en met gesproken tekst uit hoe iets werkt, zoals DigiD "
            "of digitaal bankieren. Handig om na een vraag aan de balie of bij het IDO thuis "
            "rustig na te kijken."
        ),
        "provider": "Steffie",
        "kind": Kind.PROGRAMME,
        "form": Form.ONLINE,
        "cost": Cost.FREE,
        "website": "https://www.steffie.nl",
        "themes": ["digitale-overheid", "geldzaken", "digitale-vaardigheden"],
        "target_groups": ["laaggeletterden", "niet-digivaardigen"],
        "levels": ["digitaal-starter"],
        "offers": ["*:ido"],
    },
    {
        "key": "seniorweb",
        "name": "SeniorWeb cursussen en lesmateriaal",
        "summary": "Cursussen en uitleg over computer, tablet en smartphone voor senioren.",
        "description": (
            "SeniorWeb helpt ouderen met computer, tablet en internet, met cursussen, "
            "lesmateriaal en uitleg op de website. Bibliotheken gebruiken het in tablet- en "
            "digicafés."
        ),
        "provider": "SeniorWeb",
        "kind": Kind.METHOD,
        "form": Form.BLENDED,
        "cost": Cost.ASK,
        "website": "https://www.seniorweb.nl",
        "themes": ["digitale-vaardigheden"],
        "target_groups": ["65-plussers"],
        "levels": ["digitaal-starter", "digitaal-basis"],
        "offers": ["*:tabletcafe", "*:digicafe"],
    },
    {
        "key": "taalmeter",
        "name": "Taalmeter",
        "summary": "Korte online screening die laat zien of iemand moeite kan hebben met lezen.",
        "description": (
            "Een screening, geen toets: een paar korte leesopdrachten, in ongeveer 12 minuten. "
            "Bedoeld voor een gesprek over hulp bij lezen en schrijven, bijvoorbeeld bij een "
            "intake in het Taalhuis. Onderdeel van Taal voor het Leven."
        ),
        "provider": "Stichting Lezen & Schrijven (Taal voor het Leven)",
        "kind": Kind.SCREENING,
        "form": Form.ONLINE,
        "cost": Cost.FREE,
        "website": "https://basismeters.nl",
        "themes": ["lezen-en-schrijven"],
        "target_groups": ["laaggeletterden"],
        "levels": ["nt1-1f"],
        "offers": ["*:lezen-schrijven", "*:taalhuis-spreekuur"],
    },
    {
        "key": "taal-voor-het-leven-basistraining",
        "name": "Basistraining taalvrijwilligers (Taal voor het Leven)",
        "summary": (
            "Training voor vrijwilligers die volwassenen helpen met lezen, schrijven en praten."
        ),
        "description": (
            "De basistraining van Taal voor het Leven bereidt taalvrijwilligers voor op hun "
            "werk, zoals taalmaatje of begeleider in een taalcafé. Vraag bij de POI of het "
            "Taalhuis waar en wanneer de training is."
        ),
        "provider": "Stichting Lezen & Schrijven (Taal voor het Leven)",
        "kind": Kind.TRAINING,
        "form": Form.BLENDED,
        "cost": Cost.ASK,
        "website": "https://www.lezenenschrijven.nl",
        "themes": ["lezen-en-schrijven", "nederlands-leren"],
        "target_groups": [],
        "levels": [],
        "offers": ["*:taalmaatje"],
    },
    {
        "key": "skillstown-taaltraining",
        "name": "SkillsTown Taaltraining Nederlands (A0–A1)",
        "summary": "Online taaltraining voor mensen die (bijna) geen Nederlands spreken.",
        "description": (
            "Taaltraining van SkillsTown in samenwerking met de KB, voor mensen die (bijna) "
            "geen Nederlands spreken. Naast de andere online trainingen van SkillsTown die "
            "bibliotheken via de KB aanbieden."
        ),
        "provider": "SkillsTown",
        "kind": Kind.PROGRAMME,
        "form": Form.ONLINE,
        "cost": Cost.NATIONAL,
        "cost_note": "Via de KB; de toegang loopt via de online Bibliotheek.",
        "website": "https://www.skillstown.nl",
        "themes": ["nederlands-leren"],
        "target_groups": ["anderstaligen", "nieuwkomers"],
        "levels": ["nt2-a0", "nt2-a1"],
        "offers": ["*:online-cursussen"],
    },
    {
        "key": "skillstown-online-trainingen",
        "name": "Online trainingen van SkillsTown",
        "summary": "Online trainingen over computerprogramma's, werk en persoonlijke groei.",
        "description": (
            "Online trainingen die bibliotheken via de KB aanbieden, bijvoorbeeld in een "
            "Inloopschool of bij Leven Lang Ontwikkelen."
        ),
        "provider": "SkillsTown",
        "kind": Kind.PROGRAMME,
        "form": Form.ONLINE,
        "cost": Cost.NATIONAL,
        "cost_note": "Via de KB; de toegang loopt via de online Bibliotheek.",
        "website": "https://www.skillstown.nl",
        "themes": ["persoonlijke-ontwikkeling", "werk", "digitale-vaardigheden"],
        "target_groups": ["werkzoekenden", "werkenden"],
        "levels": ["digitaal-gevorderd"],
        "offers": ["*:online-cursussen"],
    },
    {
        "key": "makkelijk-lezen-plein",
        "name": "Makkelijk Lezen Plein",
        "summary": (
            "Een plek in de bibliotheek met boeken voor kinderen die moeite hebben met lezen."
        ),
        "description": (
            "Een herkenbare plek in de jeugdafdeling met boeken en andere materialen die het "
            "lezen makkelijker of leuker maken, voor kinderen die moeilijk of niet graag lezen."
        ),
        "provider": "Makkelijk Lezen Plein",
        "kind": Kind.COLLECTION,
        "form": Form.PAPER,
        "cost": Cost.ASK,
        "website": "https://www.makkelijklezenplein.nl",
        "themes": ["kinderen-lezen-en-cultuur", "lezen-en-schrijven"],
        "target_groups": ["schoolkinderen"],
        "levels": [],
        "offers": ["*:huiswerkhulp"],
    },
    {
        "key": "leeslicht",
        "name": "Boeken van Leeslicht",
        "summary": "Makkelijk te lezen boeken voor volwassenen die moeite hebben met lezen.",
        "description": (
            "Boeken in eenvoudige taal voor volwassenen, voor de collectie makkelijk lezen van "
            "de bibliotheek en het Taalhuis."
        ),
        "provider": "Eenvoudig Communiceren",
        "kind": Kind.COLLECTION,
        "form": Form.PAPER,
        "cost": Cost.PAID,
        "cost_note": "De bibliotheek koopt de boeken voor de collectie.",
        "website": "https://www.eenvoudigcommuniceren.nl",
        "themes": ["lezen-en-schrijven"],
        "target_groups": ["laaggeletterden", "anderstaligen"],
        "levels": ["nt1-1f", "nt2-a2", "nt2-b1"],
        "offers": ["*:lezen-schrijven", "*:leesclub"],
    },
    {
        "key": "ido-e-learning",
        "name": "E-learning voor IDO-medewerkers",
        "summary": (
            "Het basispakket voor nieuwe medewerkers van het Informatiepunt Digitale Overheid."
        ),
        "description": (
            "Training voor nieuwe IDO-medewerkers en vrijwilligers, met onder meer een "
            "e-learning, gespreksvaardigheden en privacy in het IDO. Ontwikkeld door SPN "
            "binnen het landelijke ondersteuningsprogramma IDO."
        ),
        "provider": "SPN (Samenwerkende POI's in Nederland)",
        "kind": Kind.TRAINING,
        "form": Form.ONLINE,
        "cost": Cost.ASK,
        "cost_note": "Vraag het na bij je POI.",
        "website": "",
        "themes": ["digitale-overheid"],
        "target_groups": [],
        "levels": [],
        "offers": [],
    },
]

OWN = [
    {
        "key": "eemland-gesprekskaarten",
        "organisation": "eemland",
        "name": "Gesprekskaarten taalcafé",
        "summary": "Onze eigen kaarten met gespreksonderwerpen en woorden voor het taalcafé.",
        "description": (
            "Een set kaarten met een onderwerp per week (boodschappen, de huisarts, het weer) "
            "en de woorden die erbij horen. Ligt bij de vrijwilligers van het taalcafé."
        ),
        "provider": "Bibliotheek Eemland",
        "kind": Kind.WORKBOOK,
        "form": Form.PAPER,
        "cost": Cost.FREE,
        "website": "",
        "themes": ["nederlands-leren"],
        "target_groups": ["anderstaligen"],
        "levels": ["nt2-a1", "nt2-a2"],
        "offers": ["eemland:taalcafe"],
        "runs": ["eemland:taalcafe"],
    },
    {
        "key": "nieuwe-veste-werkmap",
        "organisation": "nieuwe-veste",
        "name": "Werkmap Taal op de werkvloer",
        "summary": "Onze oefenmap met teksten en opdrachten uit het werk, voor de cursus.",
        "description": "Een map met teksten van de werkvloer en opdrachten, per les.",
        "provider": "Nieuwe Veste",
        "kind": Kind.WORKBOOK,
        "form": Form.PAPER,
        "cost": Cost.FREE,
        "website": "",
        "themes": ["nederlands-leren", "werk"],
        "target_groups": ["werkenden", "anderstaligen"],
        "levels": ["nt2-a2", "nt2-b1"],
        "offers": ["nieuwe-veste:taal-op-de-werkvloer"],
    },
]


def _offers(keys, libraries) -> list:
    ids = []
    for key in keys:
        lib, kind = key.split(":", 1)
        for name in libraries if lib == "*" else [lib]:
            ids.append(demo_uuid("offer", f"{name}:{kind}"))
    return list(Offer.objects.filter(pk__in=ids))


def _terms(slug, codes) -> list:
    return list(TaxonomyTerm.objects.filter(taxonomy__slug=slug, code__in=codes))


@transaction.atomic
def load_materials(library_keys) -> int:
    """The national list and two libraries' own materials, linked to the demo offers and runs
    (library_keys: every demo library's key). Returns the number of materials."""
    count = 0
    for spec in [*NATIONAL, *OWN]:
        organisation = None
        if spec.get("organisation"):
            organisation = Organisation.objects.filter(
                pk=demo_uuid("organisation", spec["organisation"])
            ).first()
            if organisation is None:
                continue
        material, _ = Material.objects.update_or_create(
            pk=demo_uuid("material", spec["key"]),
            defaults={
                "organisation": organisation,
                "name": spec["name"],
                "summary": spec["summary"],
                "description": spec["description"],
                "provider": spec["provider"],
                "kind": spec["kind"],
                "form": spec["form"],
                "cost": spec["cost"],
                "cost_note": spec.get("cost_note", ""),
                "website": spec["website"],
                "is_active": True,
            },
        )
        material.themes.set(_terms(Taxonomy.THEME, spec["themes"]))
        material.target_groups.set(_terms(Taxonomy.TARGET_GROUP, spec["target_groups"]))
        material.levels.set(_terms(Taxonomy.LEVEL, spec["levels"]))
        material.offers.set(_offers(spec["offers"], library_keys))
        material.runs.set(
            Run.objects.filter(
                pk__in=[demo_uuid("course-run", key) for key in spec.get("runs", [])]
            )
        )
        count += 1
    return count
