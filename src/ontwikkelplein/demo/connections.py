"""The demo's "EMB in verbinding" (/beheer/in-verbinding/, docs/community.md): the planned
actions of Bibliotheek Eemland, the demo specialist's library, that connect its programmes
(the seed's examples among them: presenting the IDO to the teams of the dBos schools, showing
the participants of a mamacafé round the library and its IDO). The programmes and the existing
connections come from the rest of the demo data (desk, referrals, offers, runs, the programme
register). Keyed on the library and the text: loading again gives the same actions, with dates
that move with today."""

import datetime

from django.contrib.auth import get_user_model

from ontwikkelplein.connections.models import ConnectionAction, Programme
from ontwikkelplein.organisations.models import Membership

D = datetime.timedelta

# from, to, description, owner (a role or team), due in days from today, done.
ACTIONS = [
    (
        Programme.IDO,
        Programme.DBOS,
        "Het IDO presenteren aan de teams van leerkrachten van de dBos-scholen",
        "Specialist basisvaardigheden en leesconsulent dBos",
        21,
        False,
    ),
    (
        Programme.BOEKSTART,
        Programme.IDO,
        "Deelnemers van het mamacafé rondleiden door de bibliotheek en het IDO laten zien",
        "Team jeugd",
        -6,
        False,
    ),
    (
        Programme.IDO,
        Programme.TAALHUIS,
        "Baliemedewerkers trainen in het herkennen van laaggeletterdheid en doorverwijzen "
        "naar het Taalhuis",
        "Teamleider dienstverlening",
        45,
        False,
    ),
    (
        Programme.IDO,
        Programme.COURSES,
        "Na elk IDO-spreekuur de folder van Klik & Tik en Digisterker meegeven",
        "IDO-spreekuur",
        -30,
        True,
    ),
    (
        Programme.TAALHUIS,
        Programme.BOEKSTART,
        "Taalvrijwilligers voorlezen laten oefenen met BoekStart-boekjes voor ouders in het "
        "Taalhuis",
        "Coördinator Taalhuis",
        70,
        False,
    ),
    (
        Programme.OUTREACH,
        Programme.IDO,
        "Maandelijks IDO-spreekuur in het buurthuis starten, samen met de welzijnsorganisatie",
        "Specialist basisvaardigheden",
        100,
        False,
    ),
    (
        Programme.DBOS,
        Programme.BOEKSTART,
        "BoekStart-koffertjes uitdelen via de peuterspeelzalen bij de dBos-scholen",
        "Team jeugd",
        -60,
        True,
    ),
]


def load_connections(today: datetime.date) -> int:
    """Returns the number of planned actions of the demo library."""
    user = get_user_model().objects.filter(username="specialist").first()
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    if membership is None:
        return 0
    library = membership.organisation
    for source, target, text, owner, due_in, done in ACTIONS:
        ConnectionAction.objects.update_or_create(
            organisation=library,
            description=text,
            defaults={
                "from_programme": source,
                "to_programme": target,
                "owner": owner,
                "due_on": today + D(days=due_in),
                "done": done,
            },
        )
    return ConnectionAction.objects.filter(organisation=library).count()
