"""Data for the tests of the figures and exports: a small network in two provinces, and two ways
to make registrations: through desk.services.register_contact (as the desk screen and the API do)
or by writing roll-up rows directly (for selector tests that need exact, large numbers)."""

import datetime
import html.parser
from dataclasses import dataclass

import time_machine
from django.utils import timezone

from ontwikkelplein.desk.models import Agency, DailyCount, DailyHelpCount, Topic
from ontwikkelplein.desk.services import ContactData, QuestionData, register_contact
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province


def question(
    category="digital_government",
    help_types=("digital_contact",),
    agency="belastingdienst",
    topic="digid-aanvragen",
    referral="",
) -> QuestionData:
    data = QuestionData(
        category=category,
        help_types=list(help_types),
        agency=Agency.objects.get(code=agency) if agency else None,
        topic=Topic.objects.get(code=topic) if topic else None,
        referral_target=referral,
    )
    if referral == "colleague":
        data.referred_role = "taalhuis"
    return data


def register(location: Location, day: datetime.date, *questions, channel="desk", user=None):
    """One contact at noon on `day`, registered through the service (the clock is moved there,
    because the service refuses registrations older than a week)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
    with time_machine.travel(moment, tick=False):
        contact, created = register_contact(
            ContactData(
                organisation=location.organisation,
                location=location,
                channel=channel,
                questions=list(questions) or [question()],
                registered_at=moment,
            ),
            user=user,
            source="api" if user is None else "desk",
        )
    assert created
    return contact


def register_many(location, day, count, *questions, channel="desk"):
    for _ in range(count):
        register(location, day, *questions, channel=channel)


def rollup(
    location: Location,
    day: datetime.date,
    *,
    questions=1,
    contacts=None,
    channel="desk",
    category="digital_government",
    agency=None,
    topic=None,
    referral="",
    help_type="digital_contact",
):
    """Adds to the roll-ups directly (contacts defaults to questions)."""
    agency_id = Agency.objects.get(code=agency).pk if agency else 0
    topic_id = Topic.objects.get(code=topic).pk if topic else 0
    row, _created = DailyCount.objects.get_or_create(
        organisation=location.organisation,
        location=location,
        date=day,
        channel=channel,
        category=category,
        agency_id=agency_id,
        topic_id=topic_id,
        referral_target=referral,
    )
    row.questions += questions
    row.contacts += questions if contacts is None else contacts
    row.save()
    if help_type:
        help_row, _created = DailyHelpCount.objects.get_or_create(
            organisation=location.organisation, location=location, date=day, help_type=help_type
        )
        help_row.questions += questions
        help_row.save()


@dataclass
class Network:
    """Two libraries in Utrecht (Eemland in Amersfoort with two locations, Utrecht in Utrecht),
    one in Noord-Brabant (Breda), a POI for each province and the KB, with one user each."""

    eemland: Organisation
    eemhuis: Location
    vathorst: Location
    utrecht: Organisation
    neude: Location
    breda: Organisation
    veste: Location
    poi_utrecht: Organisation
    poi_brabant: Organisation
    kb: Organisation
    eemland_desk: object  # front-desk member of Eemland
    breda_staff: object
    poi_adviser: object  # POI Utrecht
    kb_admin: object


def build_network() -> Network:
    utrecht_province, brabant = province("Utrecht"), province("Noord-Brabant")
    amersfoort = MunicipalityFactory(code="GM0307", name="Amersfoort", province=utrecht_province)
    utrecht_city = MunicipalityFactory(code="GM0344", name="Utrecht", province=utrecht_province)
    breda_city = MunicipalityFactory(code="GM0758", name="Breda", province=brabant)

    eemland = OrganisationFactory(name="Bibliotheek Eemland", municipalities=[amersfoort])
    utrecht = OrganisationFactory(name="Bibliotheek Utrecht", municipalities=[utrecht_city])
    breda = OrganisationFactory(name="Nieuwe Veste", municipalities=[breda_city])
    eemhuis = LocationFactory(organisation=eemland, name="Eemhuis", municipality=amersfoort)
    vathorst = LocationFactory(organisation=eemland, name="Vathorst", municipality=amersfoort)
    neude = LocationFactory(organisation=utrecht, name="Neude", municipality=utrecht_city)
    veste = LocationFactory(organisation=breda, name="Veste Centrum", municipality=breda_city)
    poi_utrecht = PoiFactory(name="POI Utrecht", provinces=[utrecht_province])
    poi_brabant = PoiFactory(name="POI Brabant", provinces=[brabant])
    kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
    return Network(
        eemland=eemland,
        eemhuis=eemhuis,
        vathorst=vathorst,
        utrecht=utrecht,
        neude=neude,
        breda=breda,
        veste=veste,
        poi_utrecht=poi_utrecht,
        poi_brabant=poi_brabant,
        kb=kb,
        eemland_desk=staff_user(eemland, Role.FRONT_DESK),
        breda_staff=staff_user(breda, Role.SPECIALIST),
        poi_adviser=staff_user(poi_utrecht, Role.POI_ADVISER),
        kb_admin=staff_user(kb, Role.KB_ADMIN),
    )


# --- Reading tables back out of a page ---


class _TableParser(html.parser.HTMLParser):
    """Tables of a page as {caption: [[cell text, ...], ...]} (header row included)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption = None
        self._rows = None
        self._cell = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[" ".join(self._caption.split())] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell += data


def page_tables(content: bytes | str) -> dict[str, list[list[str]]]:
    parser = _TableParser()
    parser.feed(content.decode() if isinstance(content, bytes) else content)
    return parser.tables


def table(content, title_start: str) -> list[list[str]]:
    """The table whose caption starts with `title_start`."""
    tables = page_tables(content)
    matches = [rows for caption, rows in tables.items() if caption.startswith(title_start)]
    assert len(matches) == 1, f"{title_start!r} not among {list(tables)}"
    return matches[0]


def row_of(rows: list[list[str]], name: str) -> list[str]:
    found = [row for row in rows if row and row[0] == name]
    assert found, f"no row {name!r} in {rows}"
    return found[0]
