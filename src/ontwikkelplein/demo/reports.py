"""The demo's reports (/beheer/rapportages/): the KB's quarterly report for the nation over the
last whole quarter, published (its public link works without an account); the demo POI's
quarterly report for its region over the current quarter, a draft; and the yearly report of the
demo team leader's library over this year, a draft with its texts. Loading the demo again gives
the same reports (their texts are written again; a published version is kept, and a new one is
only added when there is none)."""

import datetime

from django.contrib.auth import get_user_model

from ontwikkelplein.organisations.models import Membership, Role
from ontwikkelplein.reports import services
from ontwikkelplein.reports.models import Subject

NATIONAL_TEXTS = {
    "inleiding": (
        "Deze rapportage belicht de resultaten van het programma de Bibliotheek en "
        "basisvaardigheden in het afgelopen kwartaal. Speerpunten waren digitale inclusie, de "
        "opleiding van medewerkers aan de balie en de certificering van Taalhuizen."
    ),
    "netwerk-beleid": (
        "De Programmaraad kwam twee keer bijeen. De afspraken uit het Bibliotheekconvenant "
        "worden via de netwerkagenda uitgewerkt.\n\nMet Sociaal Werk Nederland loopt een "
        "verkenning naar een gezamenlijke aanpak voor kwetsbare groepen."
    ),
    "digitale-inclusie": (
        "Bibliotheken en de uitvoeringsorganisaties van het Netwerk van Publieke "
        "Dienstverleners helpen inwoners via het Informatiepunt Digitale Overheid. De meeste "
        "vragen gingen over DigiD en de Belastingdienst."
    ),
    "belastingdienst": (
        "De voorbereiding van de aangifteperiode is gestart, samen met de regionale "
        "relatiebeheerders van de Belastingdienst."
    ),
    "monitoring": (
        "De cijfers komen rechtstreeks uit de registratie aan de balie en uit de "
        "doorverwijzingen in Ontwikkelplein."
    ),
    "opleiding": (
        "De leergang Herkennen en doorverwijzen is door meer bibliotheken gestart dan vorig "
        "kwartaal."
    ),
}
REGION_TEXTS = {
    "inleiding": "Concept van de POI voor de bibliotheken in de regio.",
    "digitale-inclusie": (
        "In de regio openden twee bibliotheken een extra IDO-spreekuur op een buitenlocatie."
    ),
}
LIBRARY_TEXTS = {
    "inleiding": (
        "Dit jaarverslag laat zien wat de bibliotheek dit jaar deed voor inwoners die moeite "
        "hebben met lezen, schrijven, rekenen of digitale vaardigheden, en wat zij aan de "
        "gemeente verantwoordt voor het Informatiepunt Digitale Overheid."
    ),
    "digitale-inclusie": (
        "Het IDO is open tijdens alle openingsuren van de centrale bibliotheek, met twee "
        "spreekuren per week op afspraak. De geboden hulp staat hieronder in de vijf categorieën "
        "van de specifieke uitkering (SPUK)."
    ),
    "collectie-programmering": (
        "We boden cursussen Klik & Tik, Digisterker en een taalcafé. Het aanbod staat op de "
        "sociaal-educatieve kaart, samen met dat van onze partners."
    ),
}


def _member(username, role):
    user = get_user_model().objects.filter(username=username).first()
    membership = (
        Membership.objects.filter(user=user, role=role).select_related("organisation").first()
    )
    return user, membership.organisation if membership else None


def _write(user, report, texts):
    for theme, text in texts.items():
        services.save_text(user, report, theme, text)


def load_reports(today: datetime.date) -> int:
    count = 0
    kb_user, kb = _member("kb-beheerder", Role.KB_ADMIN)
    if kb is not None:
        last_quarter_end = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        day = last_quarter_end - datetime.timedelta(days=1)
        report = services.create_report(
            kb_user,
            subject=Subject.NATION,
            organisation=kb,
            year=day.year,
            quarter=(day.month - 1) // 3 + 1,
            today=today,
        )
        _write(kb_user, report, NATIONAL_TEXTS)
        if not report.versions.exists():
            services.publish(kb_user, report, today=today)
        count += 1
    poi_user, poi = _member("poi-adviseur", Role.POI_ADVISER)
    if poi is not None:
        report = services.create_report(
            poi_user,
            subject=Subject.REGION,
            organisation=poi,
            year=today.year,
            quarter=(today.month - 1) // 3 + 1,
            today=today,
        )
        _write(poi_user, report, REGION_TEXTS)
        count += 1
    leader, library = _member("teamleider", Role.TEAM_LEADER)
    if library is not None:
        report = services.create_report(
            leader, subject=Subject.LIBRARY, organisation=library, year=today.year, today=today
        )
        _write(leader, report, LIBRARY_TEXTS)
        count += 1
    return count
