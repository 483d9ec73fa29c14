"""The demo offers: a set of offer templates in plain (B1) Dutch, filled in with the facts of each
library in demo/data.py, plus offers run by partners, a few drafts and archived offers.

Dates are relative to `today`, so dated sessions stay in the future and some offers are always
older than the "te controleren" threshold (182 days)."""

from datetime import date, time, timedelta

from ontwikkelplein.demo.data import LIBRARIES

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def t(value: str) -> time:
    hours, _, minutes = value.partition(":")
    return time(int(hours), int(minutes or 0))


def weekly(weekday: int, opens: str, closes: str, notes: str = "", **extra) -> dict:
    return {
        "kind": "weekly",
        "weekday": weekday % 5,
        "opens": t(opens),
        "closes": t(closes),
        "notes": notes,
        **extra,
    }


def dated(days: int, opens: str, closes: str, notes: str = "") -> dict:
    return {"kind": "dated", "days": days, "opens": t(opens), "closes": t(closes), "notes": notes}


def at(location: str | None, *schedules: dict, description: str = "") -> dict | None:
    if location is None:
        return None
    return {"location": location, "description": description, "schedules": list(schedules)}


def pick(options: list, i: int):
    return options[i % len(options)]


def offer(key: str, organisation: str, **fields) -> dict:
    spec = {
        "key": key,
        "organisation": organisation,
        "partners": [],
        "levels": [],
        "programme": None,
        "guidance": ["professional"],
        "sign_up": "walk_in",
        "sign_up_instructions": "",
        "is_free": True,
        "cost_amount": None,
        "cost_description": "",
        "membership_required": False,
        "requirements": [],
        "requirements_other": "",
        "computers": 0,
        "printer": False,
        "privacy_room": False,
        "languages": ["nl"],
        "capacity": None,
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "website": "",
        "status": "published",
        "valid_from": None,
        "valid_to": None,
        "season_start_month": None,
        "season_end_month": None,
        "verified_days_ago": 30,
        "locations": [],
    }
    spec.update(fields)
    spec["partners"] = [p for p in spec["partners"] if p]
    spec["locations"] = [loc for loc in spec["locations"] if loc]
    return spec


def tax_season(today: date) -> tuple[date, date]:
    """The coming (or current) season for help with the income-tax return: March and April."""
    year = today.year if today <= date(today.year, 5, 1) else today.year + 1
    return date(year, 3, 1), date(year, 5, 1)


def contact(lib: dict, n: int) -> dict:
    name = lib["contacts"][n % len(lib["contacts"])]
    return {
        "contact_name": name,
        "contact_email": lib["email"],
        "contact_phone": lib["phone"],
        "website": lib["website"],
    }


# --- Templates every library has -----------------------------------------------------------


def ido(lib, i, today):
    town = lib["town"]
    day = i % 5
    return offer(
        f"{lib['key']}:ido",
        lib["key"],
        title=pick(
            [
                "IDO-spreekuur: hulp met DigiD en de digitale overheid",
                "Informatiepunt Digitale Overheid: vragen over DigiD en MijnOverheid",
                "Spreekuur digitale overheid (IDO)",
            ],
            i,
        ),
        summary=pick(
            [
                "Hulp bij DigiD, MijnOverheid en andere zaken met de overheid. Gratis en zonder "
                "afspraak.",
                "Lukt het niet met DigiD of een website van de overheid? Wij helpen je op weg.",
                "Gratis hulp bij DigiD aanvragen, inloggen en berichten van de overheid lezen.",
            ],
            i,
        ),
        description=(
            f"Moet je iets regelen met de overheid via internet? In de bibliotheek in {town} "
            "krijg je hulp. Bijvoorbeeld met een DigiD aanvragen of de DigiD-app installeren, "
            "inloggen bij MijnOverheid, een toeslag bekijken of een afspraak maken bij de "
            "gemeente.\n\nWe doen het samen met jou, op jouw tempo. We kijken niet mee in je "
            "gegevens als dat niet nodig is. Voor persoonlijke zaken gaan we naar een aparte "
            "ruimte.\n\nWeten we het antwoord niet? Dan zoeken we uit wie je verder kan helpen, "
            "bijvoorbeeld de Belastingdienst, de SVB of het UWV."
        ),
        offer_type="spreekuur",
        themes=["digitale-overheid", "digitale-vaardigheden"],
        target_groups=["iedereen", "65-plussers", "niet-digivaardigen"],
        programme="ido",
        guidance=["professional", "volunteer"],
        requirements=["digid", "id", "letter"],
        requirements_other="Je telefoon, als je de DigiD-app gebruikt.",
        computers=2,
        printer=True,
        privacy_room=True,
        partners=["belastingdienst", "svb", "uwv"] if i % 2 == 0 else ["belastingdienst"],
        # What the desk's staff and volunteers speak besides Dutch (the search filter
        # "Hulp in een andere taal").
        languages=pick([["nl", "en", "ar"], ["nl", "tr"], ["nl", "en", "uk"], ["nl", "pl"]], i),
        verified_days_ago=12 + 9 * i,
        locations=[
            at(
                lib["main"],
                weekly(day, "10:00", "12:00"),
                weekly(day + 2, "14:00", "16:00"),
                description="Bij de informatiebalie op de begane grond.",
            ),
            at(lib["second"], weekly(day + 1, "13:30", "15:30")),
        ],
        **contact(lib, 0),
    )


def tax_help(lib, i, today):
    start, end = tax_season(today)
    return offer(
        f"{lib['key']}:belastingaangifte",
        lib["key"],
        title=pick(
            [
                "Hulp bij je belastingaangifte",
                "Belastingspreekuur: samen je aangifte invullen",
                "Invulhulp belastingaangifte",
            ],
            i,
        ),
        summary=(
            f"Vrijwilligers in {lib['town']} helpen je in maart en april met je aangifte "
            "inkomstenbelasting. Maak wel een afspraak."
        ),
        description=(
            "Elk voorjaar doe je aangifte inkomstenbelasting. Vind je dat moeilijk? "
            "Getrainde vrijwilligers vullen de aangifte samen met jou in. Dit kan als je een "
            "eenvoudige aangifte hebt: je werkt in loondienst of je hebt een uitkering of AOW.\n\n"
            "Heb je een eigen bedrijf of ingewikkelde zaken? Dan kunnen we je helaas niet "
            "helpen. We vertellen je dan waar je wel terecht kunt."
        ),
        offer_type="formulierenhulp",
        themes=["geldzaken", "digitale-overheid"],
        target_groups=["iedereen", "65-plussers", "laaggeletterden"],
        programme="belastinghulp",
        partners=["belastingdienst", lib["welfare"]],
        guidance=["volunteer"],
        sign_up="registration",
        sign_up_instructions=(
            f"Bel {lib['phone']} of kom langs bij de balie. Je krijgt een brief met wat je "
            "moet meenemen."
        ),
        requirements=["digid", "authorisation_code", "id", "letter"],
        requirements_other="Je jaaropgaven en je bankrekeningnummer.",
        computers=2,
        privacy_room=True,
        # Every year in March and April: found all year, out of season as "Weer vanaf maart".
        season_start_month=3,
        season_end_month=4,
        verified_days_ago=40 + 7 * i,
        locations=[
            at(
                lib["main"],
                weekly(i + 1, "09:30", "12:30", valid_from=start, valid_to=end),
                weekly(i + 3, "13:30", "16:30", valid_from=start, valid_to=end),
            )
        ],
        **contact(lib, 1),
    )


def digisterker(lib, i, today):
    first = 10 + 3 * i
    sessions = [
        dated(first + 7 * n, "10:00", "12:00", f"Bijeenkomst {n + 1} van 4") for n in range(4)
    ]
    return offer(
        f"{lib['key']}:digisterker",
        lib["key"],
        title="Digisterker: werken met de e-overheid",
        summary=pick(
            [
                "Cursus van vier lessen in de bibliotheek: je leert zelf inloggen met DigiD en "
                f"zaken regelen met de overheid. Start: over {10 + 3 * i} dagen.",
                f"Leer in vier ochtenden in {lib['town']} hoe je met DigiD werkt en zelf zaken "
                "regelt met de overheid.",
            ],
            i,
        ),
        description=(
            "Kun je al een beetje met de computer werken, maar loop je vast op websites van "
            "de overheid? In de cursus Digisterker leer je hoe je DigiD gebruikt, hoe je "
            "MijnOverheid leest en hoe je zelf iets aanvraagt bij de gemeente.\n\n"
            "De cursus heeft vier lessen van twee uur. Er doen maximaal acht mensen mee. Eerst "
            "heb je een kort gesprek met onze consulent basisvaardigheden. Zo weten we of de "
            "cursus bij je past."
        ),
        offer_type="cursus",
        themes=["digitale-overheid", "digitale-vaardigheden"],
        target_groups=["niet-digivaardigen", "65-plussers", "werkzoekenden"],
        levels=["digitaal-basis"],
        programme="digisterker",
        sign_up="intake",
        sign_up_instructions=(
            f"Meld je aan bij de balie of bel {lib['phone']}. We maken dan een afspraak voor "
            "het intakegesprek."
        ),
        requirements=["digid", "own_device"],
        requirements_other="Geen eigen laptop? Dan leen je er een van ons.",
        computers=8,
        capacity=8,
        verified_days_ago=200 + 11 * i if i % 3 == 1 else 20 + 5 * i,
        locations=[at(lib["main"], *sessions, description="In het cursuslokaal.")],
        **contact(lib, 2),
    )


def klik_en_tik(lib, i, today):
    return offer(
        f"{lib['key']}:klik-en-tik",
        lib["key"],
        title=pick(["Klik & Tik: de basis", "Klik & Tik inloop", "Starten met de computer"], i),
        summary=pick(
            [
                "Leer in je eigen tempo werken met de computer, muis en toetsenbord.",
                f"Computerles voor beginners in {lib['town']}: muis, toetsenbord, e-mail en "
                "internet.",
                "Nog nooit met een computer gewerkt? Hier begin je, samen met een vrijwilliger.",
                "Oefen elke week met de computer, met hulp van een vrijwilliger.",
            ],
            i,
        ),
        description=(
            "Met Klik & Tik leer je de eerste stappen op de computer. Je oefent met de muis en "
            "het toetsenbord, je leert e-mailen en iets opzoeken op internet. Je werkt met de "
            "oefeningen van Oefenen.nl, in je eigen tempo. Een vrijwilliger helpt als je vastloopt."
            "\n\nJe hoeft niets te kunnen. Kom gewoon langs."
        ),
        offer_type="cursus",
        themes=["digitale-vaardigheden"],
        target_groups=["niet-digivaardigen", "65-plussers", "laaggeletterden"],
        levels=["digitaal-starter"],
        programme="klik-en-tik",
        guidance=["volunteer", "self_study"],
        computers=6,
        verified_days_ago=300 if i == 2 else 60 + 4 * i,
        locations=[at(lib["main"], weekly(i + 2, "13:30", "15:30"))],
        **contact(lib, 2),
    )


def language_cafe(lib, i, today):
    place = lib["community"] or lib["second"]
    return offer(
        f"{lib['key']}:taalcafe",
        lib["key"],
        title=pick(
            ["Taalcafé", "Taalcafé: praat mee in het Nederlands", "Praatgroep Nederlands"], i
        ),
        summary=pick(
            [
                "Oefen Nederlands praten in een kleine groep, onder leiding van een vrijwilliger.",
                "Elke week samen Nederlands praten over gewone dingen. Koffie en thee staan klaar.",
                f"Praat elke week Nederlands met mensen uit {lib['town']}, in de bibliotheek of "
                "in de buurt.",
                "Wil je beter Nederlands spreken? Kom praten in het taalcafé.",
            ],
            i,
        ),
        description=(
            "In het taalcafé praat je Nederlands met andere mensen. Het gaat over gewone "
            "dingen: het weer, je buurt, boodschappen doen of de dokter. Een vrijwilliger "
            "leidt het gesprek en helpt met moeilijke woorden.\n\nJe hoeft je niet aan te "
            "melden en het is gratis. Het is fijn als je al een beetje Nederlands spreekt."
        ),
        offer_type="cafe",
        themes=["nederlands-leren"],
        target_groups=["anderstaligen", "nieuwkomers"],
        levels=["nt2-a1", "nt2-a2", "nt2-b1"],
        programme="taalhuis",
        guidance=["volunteer"],
        languages=["nl"],
        verified_days_ago=15 + 6 * i,
        locations=[
            at(lib["main"], weekly(i + 3, "10:00", "11:30")),
            at(place, weekly(i, "19:00", "20:30"), description="In de grote zaal."),
        ],
        **contact(lib, 1),
    )


def language_desk(lib, i, today):
    return offer(
        f"{lib['key']}:taalhuis-spreekuur",
        lib["key"],
        title=pick(
            ["Taalhuis: inloopspreekuur", "Spreekuur Taalhuis: beter lezen, schrijven en rekenen"],
            i,
        ),
        summary=(
            "Wil je beter leren lezen, schrijven of rekenen? Bij het Taalhuis in "
            f"{lib['town']} zoeken we samen met jou wat bij je past."
        ),
        description=(
            "Bij het Taalhuis kun je terecht als je beter wilt lezen, schrijven, rekenen of "
            "Nederlands wilt leren. Je praat met een medewerker over wat je wilt leren. Soms "
            "doen we een korte test, de Taalmeter. Daarna zoeken we samen een cursus, een "
            "taalmaatje of een oefenprogramma.\n\nKom je voor iemand anders, bijvoorbeeld een "
            "buurvrouw of een klant? Dan ben je ook welkom."
        ),
        offer_type="spreekuur",
        themes=["lezen-en-schrijven", "nederlands-leren", "rekenen"],
        target_groups=["laaggeletterden", "anderstaligen"],
        programme="taalhuis",
        partners=["lezen-en-schrijven", lib["college"]],
        privacy_room=True,
        verified_days_ago=190 + 5 * i if i % 2 == 0 else 35 + i,
        locations=[at(lib["main"], weekly(i + 1, "10:00", "12:00"))],
        **contact(lib, 0),
    )


def boekstart(lib, i, today):
    return offer(
        f"{lib['key']}:boekstart",
        lib["key"],
        title=pick(
            [
                "BoekStart: voorlezen voor baby's",
                "Dreumesuurtje",
                "Voorleesuurtje voor de kleinsten",
            ],
            i,
        ),
        summary=pick(
            [
                "Samen met je baby boekjes lezen, liedjes zingen en andere ouders ontmoeten.",
                "Een half uur voorlezen en zingen voor kinderen tot 4 jaar en hun ouders.",
                f"Elke week voorlezen voor baby's en peuters in de bibliotheek van {lib['town']}.",
            ],
            i,
        ),
        description=(
            "Voorlezen is goed voor je kind, ook als het nog heel klein is. Je kind leert "
            "nieuwe woorden en jullie hebben samen een fijn moment. In de bibliotheek lezen "
            "we voor uit prentenboeken en zingen we liedjes. Daarna is er tijd om boekjes te "
            "bekijken en andere ouders te spreken.\n\nHeb je een BoekStart-waardebon van het "
            "consultatiebureau? Dan krijg je een gratis BoekStart-koffertje en wordt je kind "
            "gratis lid."
        ),
        offer_type="activiteit",
        themes=["kinderen-lezen-en-cultuur", "opvoeden-en-gezin"],
        target_groups=["kinderen-0-4", "ouders-jonge-kinderen"],
        programme="boekstart",
        partners=[lib["health"]],
        verified_days_ago=8 + 3 * i,
        locations=[
            at(
                lib["main"],
                weekly(i + 2, "10:00", "10:30"),
                description="In de BoekStarthoek op de kinderafdeling.",
            )
        ],
        **contact(lib, 2),
    )


def self_study(lib, i, today):
    return offer(
        f"{lib['key']}:oefenen-nl",
        lib["key"],
        title="Zelf oefenen met Oefenen.nl",
        summary=(
            "Oefen zelf met lezen, schrijven, rekenen of Nederlands op de computers van "
            f"{lib['name']}."
        ),
        description=(
            "Op Oefenen.nl staan gratis oefenprogramma's, zoals Lezen en Schrijven, Rekenen en "
            "Nederlands voor anderstaligen. Je kunt ze thuis doen of op een computer in de "
            "bibliotheek. Een medewerker helpt je met inloggen en kiest samen met jou een "
            "programma.\n\nJe kunt komen wanneer de bibliotheek open is."
        ),
        offer_type="online-leren",
        themes=["lezen-en-schrijven", "rekenen", "nederlands-leren"],
        target_groups=["laaggeletterden", "anderstaligen"],
        levels=["nt1-instroom", "nt1-1f", "nt2-a1", "nt2-a2"],
        programme="taalhuis",
        guidance=["self_study"],
        computers=4,
        verified_days_ago=120 + 10 * i,
        # Walk-in: say when; the computers are free at these times (and whenever it is quiet).
        locations=[
            at(
                lib["main"],
                weekly(i + 1, "14:00", "17:00", "Of als het rustig is: vraag het aan de balie"),
            ),
            at(lib["second"], weekly(i + 3, "14:00", "17:00")),
        ],
        **contact(lib, 0),
    )


def language_buddy(lib, i, today):
    return offer(
        f"{lib['key']}:taalmaatje",
        lib["key"],
        title=pick(["Taalmaatje", "Een taalmaatje: samen oefenen met Nederlands"], i),
        summary=(
            "Een vrijwilliger uit de buurt oefent elke week één-op-één met je, bij jou thuis "
            f"of in de bibliotheek in {lib['town']}."
        ),
        description=(
            "Een taalmaatje is een vrijwilliger die met jou Nederlands oefent. Jullie spreken "
            "elke week af, ongeveer een uur. Je bepaalt samen wat je oefent: praten, een brief "
            "lezen of een formulier invullen.\n\nEerst heb je een gesprek met de coördinator. "
            "Die zoekt een taalmaatje dat bij je past."
        ),
        offer_type="een-op-een",
        themes=["nederlands-leren", "lezen-en-schrijven"],
        target_groups=["anderstaligen", "nieuwkomers", "laaggeletterden"],
        levels=["nt2-a1", "nt2-a2", "nt1-1f"],
        programme="taalhuis",
        partners=[lib["welfare"]],
        guidance=["volunteer"],
        sign_up="intake",
        sign_up_instructions="Vraag aan de balie naar de coördinator taalmaatjes.",
        verified_days_ago=250 if i == 3 else 50 + 3 * i,
        locations=[at(lib["main"], description="Het eerste gesprek is in de bibliotheek.")],
        **contact(lib, 1),
    )


CORE = [
    ido,
    tax_help,
    digisterker,
    klik_en_tik,
    language_cafe,
    language_desk,
    boekstart,
    self_study,
    language_buddy,
]


# --- Extra templates, spread over the libraries ------------------------------------------


def reading_express(lib, i, today):
    return offer(
        f"{lib['key']}:voorleesexpress",
        lib["key"],
        title="VoorleesExpress",
        summary="Twintig weken lang komt een vrijwilliger elke week bij je thuis voorlezen.",
        description=(
            "Praat je thuis weinig Nederlands, of leest je kind niet graag? Dan komt een "
            "vrijwilliger van de VoorleesExpress twintig weken lang één keer per week bij je "
            "thuis. De vrijwilliger leest voor aan je kinderen en laat zien hoe jij dat ook "
            "kunt doen. Samen gaan jullie ook naar de bibliotheek."
        ),
        offer_type="een-op-een",
        themes=["kinderen-lezen-en-cultuur", "opvoeden-en-gezin", "lezen-en-schrijven"],
        target_groups=["ouders-jonge-kinderen", "schoolkinderen", "anderstaligen"],
        partners=[lib["welfare"], "lezen-en-schrijven"],
        guidance=["volunteer"],
        sign_up="registration",
        sign_up_instructions="Vraag ernaar bij de balie, bij school of bij het consultatiebureau.",
        verified_days_ago=70,
        locations=[at(lib["main"], description="De vrijwilliger komt bij je thuis.")],
        **contact(lib, 2),
    )


def forms_brigade(lib, i, today):
    place = lib["community"] or lib["main"]
    return offer(
        f"{lib['key']}:formulierenbrigade",
        lib["key"],
        title="Formulierenbrigade",
        summary="Hulp bij het invullen van formulieren en het lezen van moeilijke brieven.",
        description=(
            "Krijg je een brief die je niet begrijpt? Of moet je een formulier invullen voor "
            "de gemeente, de zorgverzekering of een toeslag? Vrijwilligers van de "
            "Formulierenbrigade helpen je. Ze leggen uit wat er staat en vullen het formulier "
            "samen met je in.\n\nNeem de brief of het formulier mee."
        ),
        offer_type="formulierenhulp",
        themes=["geldzaken", "lezen-en-schrijven"],
        target_groups=["iedereen", "laaggeletterden", "anderstaligen"],
        partners=[lib["welfare"], lib["municipality_partner"]],
        guidance=["volunteer"],
        requirements=["letter", "id"],
        privacy_room=True,
        verified_days_ago=210 if i % 2 else 25,
        locations=[at(place, weekly(i, "09:30", "11:30"))],
        **contact(lib, 0),
    )


def tablet_cafe(lib, i, today):
    place = lib["care"] or lib["main"]
    return offer(
        f"{lib['key']}:tabletcafe",
        lib["key"],
        title=pick(["SeniorWeb Tabletcafé", "Digicafé voor senioren"], i),
        summary="Stel je vragen over je tablet of telefoon aan de vrijwilligers van SeniorWeb.",
        description=(
            "Heb je een vraag over je tablet of smartphone? Hoe stuur je een foto, hoe werkt "
            "WhatsApp, of hoe maak je een videogesprek met je kleinkinderen? Vrijwilligers van "
            "SeniorWeb helpen je. Neem je eigen apparaat en de wachtwoorden mee."
        ),
        offer_type="cafe",
        themes=["digitale-vaardigheden"],
        target_groups=["65-plussers", "niet-digivaardigen"],
        levels=["digitaal-starter", "digitaal-basis"],
        partners=["seniorweb"],
        guidance=["volunteer"],
        requirements=["own_device"],
        verified_days_ago=45,
        locations=[at(place, weekly(i + 4, "14:00", "16:00"))],
        **contact(lib, 1),
    )


def money_workshop(lib, i, today):
    return offer(
        f"{lib['key']}:geldfit",
        lib["key"],
        title=pick(["Workshop Grip op je geld", "Geldfit: rondkomen met je inkomen"], i),
        summary="Eén middag over je geldzaken: overzicht maken, besparen en hulp vragen op tijd.",
        description=(
            "Heb je aan het eind van de maand te weinig geld? Of wil je beter overzicht over je "
            "rekeningen? In deze workshop leer je hoe je een huishoudboekje maakt, waar je op "
            "kunt besparen en welke toeslagen er zijn. Je kunt ook de Geldfit-test doen.\n\n"
            "Niemand hoeft iets over zijn eigen situatie te vertellen."
        ),
        offer_type="informatiebijeenkomst",
        themes=["geldzaken"],
        target_groups=["iedereen", "werkzoekenden"],
        partners=[lib["municipality_partner"], lib["welfare"]],
        sign_up="registration",
        sign_up_instructions=f"Meld je aan via de website of bel {lib['phone']}.",
        capacity=15,
        verified_days_ago=20,
        locations=[at(lib["main"], dated(21 + i, "14:00", "16:00"))],
        **contact(lib, 2),
    )


def job_help(lib, i, today):
    return offer(
        f"{lib['key']}:sollicitatiehulp",
        lib["key"],
        title=pick(["Hulp bij solliciteren", "Werkspreekuur: cv en sollicitatiebrief"], i),
        summary="Hulp bij je cv, een sollicitatiebrief of zoeken naar vacatures op internet.",
        description=(
            "Ben je op zoek naar werk? Een medewerker van het UWV en vrijwilligers van de "
            "bibliotheek helpen je met je cv, een sollicitatiebrief en zoeken naar vacatures. "
            "Je kunt ook vragen stellen over werk.nl en je uitkering."
        ),
        offer_type="spreekuur",
        themes=["werk", "digitale-vaardigheden"],
        target_groups=["werkzoekenden"],
        partners=["uwv", lib["municipality_partner"]],
        guidance=["professional", "volunteer"],
        requirements=["digid", "own_device"],
        requirements_other="Je cv op papier of op een usb-stick, als je die hebt.",
        computers=4,
        printer=True,
        verified_days_ago=95,
        locations=[at(lib["main"], weekly(i + 1, "13:00", "15:00"))],
        **contact(lib, 0),
    )


def health(lib, i, today):
    return offer(
        f"{lib['key']}:gezondheid",
        lib["key"],
        title=pick(
            [
                "Gezond leven: hoe doe je dat?",
                "Informatiebijeenkomst: je gezondheid online regelen",
            ],
            i,
        ),
        summary="Twee middagen over gezond leven, praten met je huisarts en je gegevens online.",
        description=(
            "Hoe bereid je een bezoek aan de huisarts voor? Wat staat er in je "
            "medicijnbijsluiter? En hoe kijk je in je eigen medische gegevens? Een "
            "gezondheidsvoorlichter legt het uit in gewone woorden. Je kunt vragen stellen."
        ),
        offer_type="informatiebijeenkomst",
        themes=["gezondheid", "digitale-vaardigheden"],
        target_groups=["iedereen", "laaggeletterden", "65-plussers"],
        partners=[lib["health"]],
        sign_up="registration",
        sign_up_instructions="Aanmelden bij de balie.",
        capacity=20,
        verified_days_ago=33,
        locations=[
            at(
                lib["main"],
                dated(14 + i, "14:00", "15:30", "Deel 1"),
                dated(28 + i, "14:00", "15:30", "Deel 2"),
            )
        ],
        **contact(lib, 1),
    )


def study_circle(lib, i, today):
    return offer(
        f"{lib['key']}:studiekring",
        lib["key"],
        title="Studiekring50plus",
        summary=(
            "Een vaste groep van 8 tot 15 mensen die om de week samen praat over een onderwerp."
        ),
        description=(
            "In een studiekring kies je samen onderwerpen die je interesseren: geschiedenis, "
            "kunst, natuur of nieuws. Om de week houdt iemand een korte presentatie en daarna "
            "praat de groep erover. De bibliotheek helpt de groep op weg; daarna regelt de "
            "groep het zelf."
        ),
        offer_type="activiteit",
        themes=["persoonlijke-ontwikkeling"],
        target_groups=["65-plussers"],
        guidance=["volunteer"],
        sign_up="registration",
        sign_up_instructions="Meld je aan bij de balie. Je hoort binnen twee weken of er plek is.",
        is_free=False,
        cost_amount="25.00",
        cost_description="€ 25 per seizoen, voor koffie, thee en de zaalhuur.",
        capacity=15,
        verified_days_ago=280,
        locations=[at(lib["second"], weekly(i + 2, "10:00", "12:00", "Om de week"))],
        **contact(lib, 2),
    )


def numeracy(lib, i, today):
    return offer(
        f"{lib['key']}:rekenen",
        lib["key"],
        title="Rekenen in het dagelijks leven",
        summary="Oefen met rekenen dat je elke dag nodig hebt: geld, korting, tijd en recepten.",
        description=(
            "Vind je rekenen lastig? In deze cursus oefen je met rekenen dat je elke dag "
            "tegenkomt. Bijvoorbeeld: hoeveel korting krijg je, hoe laat moet je vertrekken, "
            "en klopt je rekening? Je werkt in een kleine groep met een docent."
        ),
        offer_type="cursus",
        themes=["rekenen"],
        target_groups=["laaggeletterden"],
        levels=["nt1-instroom", "nt1-1f"],
        programme="taalhuis",
        partners=[lib["college"]],
        sign_up="intake",
        sign_up_instructions="Kom naar het Taalhuis-spreekuur voor een kennismaking.",
        capacity=10,
        verified_days_ago=75,
        locations=[at(lib["main"], weekly(i + 4, "09:30", "11:30"))],
        **contact(lib, 0),
    )


def literacy_course(lib, i, today):
    return offer(
        f"{lib['key']}:lezen-schrijven",
        lib["key"],
        title="Beter lezen en schrijven",
        summary="Een cursus voor mensen die Nederlands spreken maar moeite hebben met lezen.",
        description=(
            "Je spreekt Nederlands, maar lezen en schrijven gaat niet zo goed? Daar ben je "
            "niet de enige in. In deze cursus oefen je in een kleine groep met het lezen van "
            "brieven, het schrijven van een berichtje en het invullen van een formulier. "
            "Alles gaat in je eigen tempo."
        ),
        offer_type="cursus",
        themes=["lezen-en-schrijven"],
        target_groups=["laaggeletterden"],
        levels=["nt1-instroom", "nt1-1f", "nt1-2f"],
        programme="taalhuis",
        partners=["lezen-en-schrijven", lib["college"]],
        sign_up="intake",
        sign_up_instructions="Bel of kom langs. We maken eerst een afspraak voor een gesprek.",
        capacity=8,
        verified_days_ago=140,
        locations=[at(lib["main"], weekly(i + 1, "19:00", "21:00"))],
        **contact(lib, 1),
    )


def digicafe(lib, i, today):
    place = lib["community"] or lib["second"]
    return offer(
        f"{lib['key']}:digicafe",
        lib["key"],
        title="Digicafé in de buurt",
        summary="Vragen over je computer, telefoon of internet? Loop binnen in het buurthuis.",
        description=(
            "In het digicafé helpen vrijwilligers met vragen over je computer, telefoon of "
            "tablet. Bijvoorbeeld: een app installeren, een wachtwoord veranderen of een "
            "bijlage openen. Je hoeft geen afspraak te maken. Er is koffie."
        ),
        offer_type="cafe",
        themes=["digitale-vaardigheden"],
        target_groups=["iedereen", "niet-digivaardigen"],
        levels=["digitaal-starter"],
        guidance=["volunteer"],
        requirements=["own_device"],
        verified_days_ago=55,
        locations=[at(place, weekly(i + 3, "14:00", "16:00"))],
        **contact(lib, 2),
    )


def online_safety(lib, i, today):
    return offer(
        f"{lib['key']}:veilig-online",
        lib["key"],
        title="Veilig internetten: herken nepberichten",
        summary="Leer in één ochtend hoe je nepmails, nepsms'jes en oplichters herkent.",
        description=(
            "Oplichters sturen berichten die echt lijken, van de bank of van een pakketdienst. "
            "In deze les leer je hoe je zulke berichten herkent en wat je doet als je toch op "
            "een link hebt geklikt. Je leert ook hoe je een sterk wachtwoord maakt."
        ),
        offer_type="cursus",
        themes=["digitale-vaardigheden"],
        target_groups=["iedereen", "65-plussers"],
        levels=["digitaal-basis"],
        sign_up="registration",
        sign_up_instructions=f"Aanmelden via {lib['website']} of aan de balie.",
        capacity=12,
        verified_days_ago=18,
        locations=[at(lib["main"], dated(9 + 2 * i, "10:00", "12:00"))],
        **contact(lib, 0),
    )


def homework(lib, i, today):
    place = lib["school"] or lib["main"]
    return offer(
        f"{lib['key']}:huiswerkhulp",
        lib["key"],
        title=pick(["Huiswerkhulp", "Leesclub voor kinderen"], i),
        summary="Kinderen van groep 5 tot 8 krijgen hulp bij lezen en huiswerk.",
        description=(
            "Na school kunnen kinderen van groep 5 tot en met 8 hier hun huiswerk maken. "
            "Vrijwilligers lezen mee, helpen met spreekbeurten en zoeken samen een leuk boek. "
            "Ouders zijn welkom om even mee te kijken."
        ),
        offer_type="activiteit",
        themes=["kinderen-lezen-en-cultuur", "lezen-en-schrijven"],
        target_groups=["schoolkinderen"],
        programme="bibliotheek-op-school",
        guidance=["volunteer"],
        verified_days_ago=65,
        locations=[at(place, weekly(i + 2, "15:00", "16:30"))],
        **contact(lib, 2),
    )


def workplace_language(lib, i, today):
    return offer(
        f"{lib['key']}:taal-op-de-werkvloer",
        lib["key"],
        title="Taal op de werkvloer",
        summary="Nederlands leren op je werk, in werktijd, met voorbeelden uit je eigen werk.",
        description=(
            "Samen met werkgevers geeft de bibliotheek taallessen op het werk. Je leert "
            "werkinstructies lezen, veiligheidsregels begrijpen en praten met collega's. De "
            "lessen zijn in werktijd. Vraag je leidinggevende of je mee kunt doen."
        ),
        offer_type="cursus",
        themes=["nederlands-leren", "werk"],
        target_groups=["werkenden", "anderstaligen"],
        levels=["nt2-a2", "nt2-b1"],
        programme="taalhuis",
        sign_up="registration",
        sign_up_instructions="Aanmelden via je werkgever.",
        capacity=10,
        verified_days_ago=100,
        locations=[at(lib["company"], weekly(i + 1, "13:00", "14:30"))],
        **contact(lib, 0),
    )


def online_courses(lib, i, today):
    return offer(
        f"{lib['key']}:online-cursussen",
        lib["key"],
        title="Gratis online cursussen met je bibliotheekpas",
        summary="Leden volgen gratis online cursussen, zoals Excel, Engels of beter presenteren.",
        description=(
            "Ben je lid van de bibliotheek? Dan kun je gratis online cursussen volgen, thuis "
            "en wanneer het jou uitkomt. Er zijn cursussen over computerprogramma's, talen, "
            "solliciteren en persoonlijke groei. Je logt in met je bibliotheekpas."
        ),
        offer_type="online-leren",
        themes=["persoonlijke-ontwikkeling", "werk"],
        target_groups=["iedereen", "werkenden"],
        levels=["digitaal-gevorderd"],
        guidance=["self_study"],
        membership_required=True,
        is_free=True,
        cost_description="Gratis voor leden van de bibliotheek.",
        requirements=["library_card", "own_device"],
        verified_days_ago=150,
        # Not walk-in: there is no time to walk in; you sign up online, whenever it suits you.
        sign_up="registration",
        sign_up_instructions=(
            f"Log in op {lib['website']} met je bibliotheekpas en kies een cursus. Hulp nodig? "
            "Vraag het aan de balie."
        ),
        locations=[at(lib["main"])],
        **contact(lib, 1),
    )


def government_at_care_centre(lib, i, today):
    return offer(
        f"{lib['key']}:ido-zorgcentrum",
        lib["key"],
        title="Digitale overheid in het zorgcentrum",
        summary="Hulp bij DigiD, zorgtoeslag en MijnOverheid, dichtbij in het zorgcentrum.",
        description=(
            "Eén keer per week komt een medewerker van het Informatiepunt Digitale Overheid "
            "naar het zorgcentrum. Bewoners en mensen uit de buurt kunnen hun vragen stellen "
            "over DigiD, de zorgtoeslag, de Wmo of berichten in MijnOverheid. Ook mantelzorgers "
            "zijn welkom."
        ),
        offer_type="spreekuur",
        themes=["digitale-overheid", "gezondheid"],
        target_groups=["65-plussers", "niet-digivaardigen"],
        programme="ido",
        requirements=["digid", "letter"],
        privacy_room=True,
        verified_days_ago=230,
        locations=[
            at(lib["care"], weekly(i + 1, "10:00", "11:30"), description="In de huiskamer.")
        ],
        **contact(lib, 0),
    )


def parents_language(lib, i, today):
    return offer(
        f"{lib['key']}:taal-thuis",
        lib["key"],
        title="Taal thuis: samen leren met je kind",
        summary=(
            "Ouders leren spelletjes en voorleestips om thuis met hun kind Nederlands te oefenen."
        ),
        description=(
            "Wil je je kind helpen met Nederlands, ook als je zelf nog Nederlands leert? In vier "
            "bijeenkomsten krijg je tips, boekjes en spelletjes. Je leert hoe je samen praat "
            "over een prentenboek. Jonge kinderen mogen mee."
        ),
        offer_type="cursus",
        themes=["opvoeden-en-gezin", "nederlands-leren"],
        target_groups=["ouders-jonge-kinderen", "anderstaligen"],
        levels=["nt2-a1", "nt2-a2"],
        programme="boekstart",
        sign_up="registration",
        sign_up_instructions="Meld je aan bij de balie of bij de leerkracht van je kind.",
        capacity=12,
        verified_days_ago=27,
        locations=[
            at(
                lib["school"] or lib["main"],
                *[dated(16 + 7 * n + i, "08:45", "10:15") for n in range(4)],
            )
        ],
        **contact(lib, 2),
    )


def book_club(lib, i, today):
    return offer(
        f"{lib['key']}:leesclub",
        lib["key"],
        title="Makkelijk Lezen leesclub",
        summary=(
            "Samen een makkelijk boek lezen en erover praten. Voor iedereen die dat fijn vindt."
        ),
        description=(
            "In de leesclub lezen we samen een boek in eenvoudige taal. We lezen hardop of "
            "thuis, en praten over het verhaal. Je leert nieuwe woorden en ontmoet andere "
            "mensen. Iedereen mag meedoen."
        ),
        offer_type="activiteit",
        themes=["lezen-en-schrijven", "persoonlijke-ontwikkeling"],
        target_groups=["laaggeletterden", "anderstaligen", "iedereen"],
        levels=["nt1-1f", "nt2-a2"],
        guidance=["volunteer"],
        verified_days_ago=190,
        locations=[at(lib["second"], weekly(i + 3, "10:30", "11:30"))],
        **contact(lib, 1),
    )


EXTRAS = {
    "eemland": [forms_brigade, money_workshop, job_help, government_at_care_centre, homework],
    "oosterschelde": [tablet_cafe, health, forms_brigade, study_circle, government_at_care_centre],
    "nieuwe-veste": [workplace_language, job_help, numeracy, online_safety, digicafe],
    "coevorden": [reading_express, tablet_cafe, literacy_course, money_workshop, book_club],
    "oost-achterhoek": [workplace_language, study_circle, tablet_cafe, online_courses, health],
    "aanzet": [parents_language, numeracy, homework, digicafe, reading_express],
}


# --- Offers run by partners --------------------------------------------------------------


def partner_offers(today: date) -> list[dict]:
    return [
        offer(
            "humanitas-amersfoort:thuisadministratie",
            "humanitas-amersfoort",
            title="Thuisadministratie: hulp met je papieren",
            summary="Een vrijwilliger helpt je thuis een jaar lang om je post en rekeningen te "
            "ordenen.",
            description=(
                "Heb je stapels post liggen of weet je niet meer welke rekeningen betaald zijn? "
                "Een vrijwilliger van Humanitas komt bij je thuis. Samen maak je overzicht en "
                "leer je het daarna zelf bij te houden. De vrijwilliger heeft geheimhoudingsplicht."
            ),
            offer_type="een-op-een",
            themes=["geldzaken"],
            target_groups=["iedereen"],
            guidance=["volunteer"],
            sign_up="intake",
            sign_up_instructions="Bel 033 000 12 34 of spreek ons aan bij het spreekuur in het "
            "Eemhuis.",
            partners=["eemland"],
            contact_name="Pieter Post",
            contact_phone="033 000 12 34",
            contact_email="amersfoort@humanitas.example",
            website="https://www.humanitas.nl/",
            verified_days_ago=42,
            locations=[at("eemland-eemhuis", weekly(3, "10:00", "12:00", "Inloop voor aanmelden"))],
        ),
        offer(
            "seniorweb:smartphone",
            "seniorweb",
            title="Cursus: werken met je smartphone",
            summary="In vier lessen leer je bellen, appen, foto's maken en veilig internetten "
            "met je smartphone.",
            description=(
                "Heb je een smartphone, maar gebruik je hem nog weinig? In deze cursus van "
                "SeniorWeb leer je de belangrijkste dingen. De lessen zijn in de bibliotheek, "
                "met een lesboek en vrijwillige docenten die geduld hebben."
            ),
            offer_type="cursus",
            themes=["digitale-vaardigheden"],
            target_groups=["65-plussers", "niet-digivaardigen"],
            levels=["digitaal-starter"],
            guidance=["volunteer"],
            sign_up="registration",
            sign_up_instructions="Aanmelden via de balie van de bibliotheek.",
            is_free=False,
            cost_amount="45.00",
            cost_description="€ 45 inclusief lesboek; met de Stadspas betaal je de helft.",
            requirements=["own_device"],
            capacity=8,
            partners=["aanzet"],
            website="https://www.seniorweb.nl/",
            verified_days_ago=88,
            locations=[
                at(
                    "aanzet-zwijndrecht",
                    *[dated(12 + 7 * n, "10:00", "12:00", f"Les {n + 1}") for n in range(4)],
                )
            ],
        ),
        offer(
            "uwv:werkcafe",
            "uwv",
            title="Werkcafé: samen zoeken naar werk",
            summary="Elke week samen met anderen vacatures zoeken, tips delen en oefenen met "
            "gesprekken.",
            description=(
                "In het Werkcafé ontmoet je andere werkzoekenden. Een adviseur van het UWV "
                "geeft tips over solliciteren en werk.nl. Je oefent een sollicitatiegesprek en "
                "hoort hoe anderen werk vonden."
            ),
            offer_type="activiteit",
            themes=["werk"],
            target_groups=["werkzoekenden"],
            partners=["aanzet"],
            contact_name="Team Werkplein",
            contact_phone="078 000 45 67",
            website="https://www.werk.nl/",
            verified_days_ago=16,
            locations=[at("werkplein-drechtsteden", weekly(2, "10:00", "12:00"))],
        ),
        offer(
            "svb:spreekuur",
            "svb",
            title="Spreekuur SVB: AOW, kinderbijslag en pgb",
            summary="Een medewerker van de SVB beantwoordt je vragen in de bibliotheek. Maak "
            "een afspraak.",
            description=(
                "Heb je vragen over je AOW, kinderbijslag of persoonsgebonden budget (pgb)? "
                "Een medewerker van de Sociale Verzekeringsbank komt één keer per maand naar de "
                "bibliotheek. Je kunt samen in je gegevens kijken op Mijn SVB."
            ),
            offer_type="spreekuur",
            themes=["digitale-overheid", "geldzaken"],
            target_groups=["65-plussers", "ouders-jonge-kinderen"],
            programme="ido",
            partners=["nieuwe-veste"],
            sign_up="registration",
            sign_up_instructions="Maak een afspraak via de balie van de bibliotheek.",
            requirements=["digid", "id"],
            privacy_room=True,
            website="https://www.svb.nl/",
            verified_days_ago=130,
            locations=[
                at(
                    "nieuwe-veste-centrum",
                    dated(8, "13:00", "16:00"),
                    dated(36, "13:00", "16:00"),
                    dated(64, "13:00", "16:00"),
                )
            ],
        ),
        offer(
            "curio:nt2",
            "curio",
            title="Nederlands leren (NT2) voor volwassenen",
            summary="Cursus Nederlands van niveau A1 tot B1, twee ochtenden per week op het ROC.",
            description=(
                "Wil je snel en goed Nederlands leren? Op Curio volg je twee ochtenden per week "
                "les in een groep. Je leert spreken, luisteren, lezen en schrijven. Aan het eind "
                "kun je examen doen. Eerst doe je een toets om je niveau te bepalen."
            ),
            offer_type="cursus",
            themes=["nederlands-leren"],
            target_groups=["anderstaligen", "nieuwkomers"],
            levels=["nt2-a1", "nt2-a2", "nt2-b1"],
            partners=["nieuwe-veste"],
            sign_up="intake",
            sign_up_instructions="Meld je aan voor een niveautoets via het Taalhuis in de "
            "bibliotheek.",
            is_free=False,
            cost_amount="150.00",
            cost_description="€ 150 per blok. Gratis als je inburgert of een uitkering hebt.",
            capacity=16,
            website="https://www.curio.nl/",
            verified_days_ago=205,
            locations=[
                at(
                    "nieuwe-veste-curio",
                    weekly(1, "09:00", "12:00"),
                    weekly(3, "09:00", "12:00"),
                )
            ],
        ),
        offer(
            "ggd-regio-utrecht:opvoedspreekuur",
            "ggd-regio-utrecht",
            title="Inloopspreekuur opvoeden",
            summary="Vragen over slapen, eten of driftbuien? Loop binnen bij de "
            "jeugdverpleegkundige.",
            description=(
                "Elke maand zit een jeugdverpleegkundige van het consultatiebureau in de "
                "bibliotheek. Je kunt zonder afspraak langskomen met vragen over de opvoeding of "
                "de ontwikkeling van je kind. Daarna kun je samen een boekje uitzoeken."
            ),
            offer_type="spreekuur",
            themes=["opvoeden-en-gezin", "gezondheid"],
            target_groups=["ouders-jonge-kinderen"],
            partners=["eemland"],
            website="https://www.ggdru.nl/",
            verified_days_ago=22,
            locations=[
                at("eemland-vathorst", dated(5, "09:30", "11:00"), dated(33, "09:30", "11:00"))
            ],
        ),
        offer(
            "lezen-en-schrijven:signaleren",
            "lezen-en-schrijven",
            title="Training: laaggeletterdheid herkennen",
            summary="Voor vrijwilligers en professionals: zo herken je dat iemand moeite heeft "
            "met lezen.",
            description=(
                "In Nederland hebben 2,5 miljoen volwassenen moeite met lezen, schrijven of "
                "rekenen. In deze training leer je de signalen herkennen en hoe je het gesprek "
                "begint. Je hoort ook waar je iemand naartoe kunt verwijzen."
            ),
            offer_type="informatiebijeenkomst",
            themes=["lezen-en-schrijven", "persoonlijke-ontwikkeling"],
            target_groups=["iedereen", "werkenden"],
            partners=["oosterschelde"],
            sign_up="registration",
            sign_up_instructions="Aanmelden via de website van Stichting Lezen & Schrijven.",
            capacity=20,
            website="https://www.lezenenschrijven.nl/",
            verified_days_ago=57,
            locations=[at("oosterschelde-goes", dated(19, "19:30", "21:30"))],
        ),
        offer(
            "gemeente-breda:geldloket",
            "gemeente-breda",
            title="Geldloket: spreekuur over geldzaken",
            summary="Zorgen over geld of schulden? Praat zonder afspraak met iemand van het "
            "Geldloket.",
            description=(
                "Heb je moeite om rond te komen of heb je schulden? Bij het Geldloket kijken we "
                "samen naar je situatie. We helpen je met een plan, met toeslagen die je kunt "
                "krijgen, of we verwijzen je naar schuldhulp. Het gesprek is gratis en "
                "vertrouwelijk."
            ),
            offer_type="spreekuur",
            themes=["geldzaken"],
            target_groups=["iedereen", "werkzoekenden"],
            partners=["nieuwe-veste"],
            privacy_room=True,
            requirements=["id", "letter"],
            website="https://www.breda.nl/",
            verified_days_ago=190,
            locations=[at("nieuwe-veste-hoge-vucht", weekly(0, "13:00", "16:00"))],
        ),
        offer(
            "schuldhulpmaatje-drechtsteden:maatje",
            "schuldhulpmaatje-drechtsteden",
            title="SchuldHulpMaatje: een maatje bij geldzorgen",
            summary="Een getrainde vrijwilliger helpt je stap voor stap uit de geldzorgen.",
            description=(
                "Geldzorgen geven veel stress. Een SchuldHulpMaatje luistert, helpt je "
                "overzicht te maken en gaat mee naar afspraken. Het maatje oordeelt niet en "
                "werkt samen met de schuldhulp van de gemeente."
            ),
            offer_type="een-op-een",
            themes=["geldzaken"],
            target_groups=["iedereen"],
            guidance=["volunteer"],
            sign_up="intake",
            sign_up_instructions="Meld je aan via de website of bij de balie van de bibliotheek.",
            partners=["aanzet"],
            website="https://www.schuldhulpmaatje.nl/",
            verified_days_ago=61,
            locations=[at("aanzet-centrum", weekly(4, "10:00", "12:00", "Inloop"))],
        ),
        offer(
            "vluchtelingenwerk-achterhoek:taalcoach",
            "vluchtelingenwerk-achterhoek",
            title="Taalcoach voor statushouders",
            summary="Nieuwkomers oefenen elke week Nederlands met een vaste taalcoach.",
            description=(
                "Ben je net in Nederland en heb je een verblijfsvergunning? Een taalcoach van "
                "VluchtelingenWerk oefent met je Nederlands en helpt je de weg te vinden in je "
                "nieuwe woonplaats, bijvoorbeeld in de bibliotheek."
            ),
            offer_type="een-op-een",
            themes=["nederlands-leren"],
            target_groups=["nieuwkomers", "anderstaligen"],
            levels=["nt2-a0", "nt2-a1"],
            guidance=["volunteer"],
            sign_up="intake",
            sign_up_instructions="Vraag het aan je begeleider van VluchtelingenWerk.",
            partners=["oost-achterhoek"],
            languages=["nl", "en", "ar"],
            verified_days_ago=110,
            locations=[at("oost-achterhoek-winterswijk", weekly(1, "14:00", "15:00"))],
        ),
    ]


# --- Drafts and archived offers ------------------------------------------------------------


def unpublished_offers(today: date) -> list[dict]:
    return [
        offer(
            "eemland:codeerclub",
            "eemland",
            title="Codeerclub voor kinderen",
            summary="Kinderen van 9 tot 12 jaar leren programmeren met robots en Scratch.",
            description="Concept: de data en de zaal zijn nog niet bekend.",
            offer_type="activiteit",
            themes=["kinderen-lezen-en-cultuur", "digitale-vaardigheden"],
            target_groups=["schoolkinderen"],
            is_free=False,
            cost_amount="2.50",
            cost_description="€ 2,50 per keer.",
            status="draft",
            verified_days_ago=None,
            locations=[at("eemland-vathorst")],
        ),
        offer(
            "coevorden:digicafe-schoonebeek",
            "coevorden",
            title="Digicafé Schoonebeek",
            summary="Vragen over je telefoon of computer? Kom langs in de bibliotheek van "
            "Schoonebeek.",
            description="Concept: we zoeken nog vrijwilligers.",
            offer_type="cafe",
            themes=["digitale-vaardigheden"],
            target_groups=["iedereen"],
            guidance=["volunteer"],
            status="draft",
            verified_days_ago=None,
            locations=[at("coevorden-schoonebeek", weekly(2, "14:00", "16:00"))],
        ),
        offer(
            "nieuwe-veste:engels-beginners",
            "nieuwe-veste",
            title="Engels voor beginners",
            summary="Leer in tien lessen eenvoudig Engels voor op vakantie en op internet.",
            description="Concept voor het voorjaar.",
            offer_type="cursus",
            themes=["persoonlijke-ontwikkeling"],
            target_groups=["iedereen"],
            is_free=False,
            cost_amount="60.00",
            status="draft",
            verified_days_ago=None,
            locations=[at("nieuwe-veste-centrum")],
        ),
        offer(
            "oost-achterhoek:windows-10",
            "oost-achterhoek",
            title="Cursus Windows 10",
            summary="Leer werken met Windows 10.",
            description="Gestopt: Windows 10 wordt niet meer ondersteund.",
            offer_type="cursus",
            themes=["digitale-vaardigheden"],
            target_groups=["niet-digivaardigen"],
            status="archived",
            verified_days_ago=400,
            locations=[at("oost-achterhoek-eibergen")],
        ),
        offer(
            "aanzet:zomertaalcafe",
            "aanzet",
            title="Zomertaalcafé",
            summary="In de zomervakantie elke week Nederlands praten.",
            description="Alleen in de zomervakantie.",
            offer_type="cafe",
            themes=["nederlands-leren"],
            target_groups=["anderstaligen"],
            guidance=["volunteer"],
            status="archived",
            verified_days_ago=300,
            locations=[at("aanzet-papendrecht")],
        ),
    ]


def build_offers(today: date) -> list[dict]:
    """Every demo offer as a plain dict (see offer() for the fields)."""
    specs = []
    for i, lib in enumerate(LIBRARIES):
        for template in CORE + EXTRAS[lib["key"]]:
            specs.append(template(lib, i, today))
    specs.extend(partner_offers(today))
    specs.extend(unpublished_offers(today))
    return specs


def schedule_date(today: date, spec: dict) -> date | None:
    return today + timedelta(days=spec["days"]) if spec["kind"] == "dated" else None
