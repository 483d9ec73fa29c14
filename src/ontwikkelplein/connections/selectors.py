"""The library's programmes and the connections between them, computed from the other apps'
data over the last twelve months (docs/community.md, "De educatief maatschappelijke
bibliotheek in verbinding"). Every function runs a fixed handful of grouped queries, whatever
the number of libraries, offers or referrals."""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ontwikkelplein.boekstart.models import Kind as BoekStartKind
from ontwikkelplein.boekstart.models import Registration
from ontwikkelplein.catalogue.models import Offer, OfferLocation, OfferStatus
from ontwikkelplein.connections.models import ConnectionAction, Programme
from ontwikkelplein.courses.models import EnrolmentStatus, Run, RunStatus, Session
from ontwikkelplein.desk.models import Category, Channel, Question
from ontwikkelplein.organisations.models import OUTREACH_KINDS, Location, OrganisationKind
from ontwikkelplein.participation.models import Participation, ParticipationStatus
from ontwikkelplein.referrals.models import Outcome, Referral
from ontwikkelplein.referrals.models import Source as ReferralSource

PERIOD_DAYS = 365
ORDER = [value for value, _label in Programme.choices]
# Short names for the picture and the table.
SHORT = {
    Programme.IDO: _lazy("IDO"),
    Programme.TAALHUIS: _lazy("Taalhuis"),
    Programme.BOEKSTART: _lazy("BoekStart"),
    Programme.DBOS: _lazy("dBos"),
    Programme.COURSES: _lazy("Cursussen"),
    Programme.ONTWIKKELPLEIN: _lazy("Ontwikkelplein"),
    Programme.OUTREACH: _lazy("Buitenlocaties"),
}
LIVE_OFFERS = (OfferStatus.PUBLISHED, OfferStatus.UNCONFIRMED)

# The catalogue's programmes (catalogue.reference_data.PROGRAMMES), the programme register's
# schemes (participation) and the desk's colleague roles, each mapped to ours. An offer without
# one of these programmes counts as a course.
CATALOGUE_CODES = {
    "ido": Programme.IDO,
    "belastinghulp": Programme.IDO,
    "taalhuis": Programme.TAALHUIS,
    "boekstart": Programme.BOEKSTART,
    "bibliotheek-op-school": Programme.DBOS,
    "ontwikkelplein": Programme.ONTWIKKELPLEIN,
}
SCHEME_CODES = {
    "ido": Programme.IDO,
    "taalhuis": Programme.TAALHUIS,
    "boekstart": Programme.BOEKSTART,
    "bibliotheek-op-school": Programme.DBOS,
}
ROLE_CODES = {
    "ido": Programme.IDO,
    "belastinghulp": Programme.IDO,
    "taalhuis": Programme.TAALHUIS,
    "boekstart": Programme.BOEKSTART,
}

# Points for the strength of a connection (as the network's ties): a referral 1, one that
# ended in an enrolment 2 more, a desk question referred 1, a partner shared 3, an offer or run
# of a programme at an outreach location 2. From 4 points a connection is medium, from 10 strong.
POINTS_REFERRAL = 1
POINTS_ENROLLED = 2
POINTS_DESK = 1
POINTS_PARTNER = 3
POINTS_OUTREACH = 2
MEDIUM, STRONG = 4, 10


def offer_programme(code) -> str:
    return CATALOGUE_CODES.get(code or "", Programme.COURSES)


def since_for(today: datetime.date) -> datetime.date:
    return today - datetime.timedelta(days=PERIOD_DAYS)


def libraries_in(queryset):
    return queryset.filter(kind=OrganisationKind.LIBRARY).order_by("name")


# --- Which programmes a library runs -----------------------------------------------------------


def presence(libraries, today: datetime.date | None = None) -> dict:
    """{library id: {programme: [reasons]}} for the programmes each library runs: a programme
    it takes part in (the programme register), IDO questions at its desk, BoekStart
    registrations, live offers of a programme, course runs with sessions in the last year and
    outreach locations."""
    today = today or timezone.localdate()
    since = since_for(today)
    ids = [lib.pk for lib in libraries]
    found: dict = {pk: defaultdict(list) for pk in ids}

    for row in Participation.objects.filter(
        organisation_id__in=ids, status=ParticipationStatus.ACTIVE, scheme__code__in=SCHEME_CODES
    ).values("organisation_id", "scheme__code"):
        found[row["organisation_id"]][SCHEME_CODES[row["scheme__code"]]].append(
            _("programmaregister")
        )
    for row in (
        Question.objects.filter(
            contact__organisation_id__in=ids,
            contact__date__gte=since,
            category=Category.DIGITAL_GOVERNMENT,
        )
        .values("contact__organisation_id")
        .annotate(n=Count("id"))
    ):
        found[row["contact__organisation_id"]][Programme.IDO].append(_("baliregistraties"))
    for row in (
        Registration.objects.filter(organisation_id__in=ids, day__gte=since)
        .values("organisation_id")
        .annotate(n=Count("id"))
    ):
        found[row["organisation_id"]][Programme.BOEKSTART].append(_("BoekStart-registraties"))
    for row in (
        Offer.objects.filter(organisation_id__in=ids, status__in=LIVE_OFFERS)
        .values("organisation_id", "programme__code")
        .annotate(n=Count("id"))
    ):
        code = row["programme__code"]
        if code in CATALOGUE_CODES:
            found[row["organisation_id"]][CATALOGUE_CODES[code]].append(_("aanbod"))
    for row in (
        Session.objects.filter(run__organisation_id__in=ids, date__gte=since, date__lte=today)
        .exclude(run__status=RunStatus.CANCELLED)
        .values("run__organisation_id")
        .annotate(n=Count("run", distinct=True))
    ):
        found[row["run__organisation_id"]][Programme.COURSES].append(_("uitvoeringen"))
    for row in (
        Location.objects.filter(organisation_id__in=ids, kind__in=OUTREACH_KINDS)
        .values("organisation_id")
        .annotate(n=Count("id"))
    ):
        found[row["organisation_id"]][Programme.OUTREACH].append(_("locaties"))
    return {pk: {code: sorted(set(reasons)) for code, reasons in found[pk].items()} for pk in ids}


@dataclass
class ProgrammeRow:
    code: str
    label: str
    short: str
    runs: bool
    sources: list
    figures: list = field(default_factory=list)
    number: int = 0
    x: float = 0
    y: float = 0
    label_x: float = 0
    label_y: float = 0
    anchor: str = "middle"


def programmes(library, today: datetime.date | None = None) -> list[ProgrammeRow]:
    """Every programme, whether the library runs it and why, with its live figures of the last
    twelve months."""
    today = today or timezone.localdate()
    since = since_for(today)
    found = presence([library], today)[library.pk]
    questions = Question.objects.filter(contact__organisation=library, contact__date__gte=since)
    ido = questions.filter(category=Category.DIGITAL_GOVERNMENT).aggregate(
        n=Count("id"), referred=Count("id", filter=~Q(referral_target=""))
    )
    boekstart = Registration.objects.filter(organisation=library, day__gte=since).aggregate(
        n=Count("id"), members=Count("id", filter=Q(kind=BoekStartKind.MEMBERSHIP))
    )
    offers = defaultdict(int)
    for row in (
        Offer.objects.filter(organisation=library, status__in=LIVE_OFFERS)
        .values("programme__code")
        .annotate(n=Count("id"))
    ):
        offers[offer_programme(row["programme__code"])] += row["n"]
    runs = Run.objects.filter(
        organisation=library, sessions__date__gte=since, sessions__date__lte=today
    ).exclude(status=RunStatus.CANCELLED)
    run_count = runs.distinct().count()
    participants = (
        Run.objects.filter(pk__in=runs.values("pk")).aggregate(
            n=Count(
                "enrolments",
                filter=Q(enrolments__status=EnrolmentStatus.ENROLLED),
                distinct=True,
            )
        )["n"]
        or 0
    )
    taalhuis_referrals = Referral.objects.filter(
        receiver_organisation=library, created_at__date__gte=since
    ).filter(
        Q(receiver_role="taalhuis")
        | Q(programme__code="taalhuis")
        | Q(offer__programme__code="taalhuis")
    )
    outreach_places = Location.objects.filter(organisation=library, kind__in=OUTREACH_KINDS)
    outreach_contacts = (
        Question.objects.filter(
            contact__organisation=library,
            contact__date__gte=since,
            contact__channel=Channel.OUTREACH,
        )
        .values("contact")
        .distinct()
    )
    figures = {
        Programme.IDO: [
            (_("vragen over de digitale overheid"), ido["n"]),
            (_("daarvan doorverwezen"), ido["referred"]),
        ],
        Programme.TAALHUIS: [
            (_("aanbod in de catalogus"), offers[Programme.TAALHUIS]),
            (_("doorverwijzingen naar het Taalhuis"), taalhuis_referrals.count()),
        ],
        Programme.BOEKSTART: [
            (_("registraties aan de balie"), boekstart["n"]),
            (_("baby's lid gemaakt"), boekstart["members"]),
        ],
        Programme.DBOS: [(_("aanbod in de catalogus"), offers[Programme.DBOS])],
        Programme.COURSES: [
            (_("uitvoeringen"), run_count),
            (_("deelnemers ingeschreven"), participants),
            (_("aanbod in de catalogus"), offers[Programme.COURSES]),
        ],
        Programme.ONTWIKKELPLEIN: [(_("aanbod in de catalogus"), offers[Programme.ONTWIKKELPLEIN])],
        Programme.OUTREACH: [
            (_("plekken buiten de bibliotheek"), outreach_places.count()),
            (_("balievragen op buitenlocaties"), outreach_contacts.count()),
        ],
    }
    rows = []
    for number, (code, label) in enumerate(Programme.choices, start=1):
        rows.append(
            ProgrammeRow(
                code=code,
                label=str(label),
                short=str(SHORT[code]),
                runs=code in found,
                sources=found.get(code, []),
                figures=figures[code],
                number=number,
            )
        )
    return rows


# --- Connections ------------------------------------------------------------------------------


@dataclass
class Link:
    a: str
    b: str
    referrals: int = 0
    enrolled: int = 0
    desk: int = 0
    partners: int = 0
    outreach: int = 0
    actions_open: int = 0
    actions_done: int = 0
    overdue: int = 0

    @property
    def points(self) -> int:
        return (
            self.referrals * POINTS_REFERRAL
            + self.enrolled * POINTS_ENROLLED
            + self.desk * POINTS_DESK
            + self.partners * POINTS_PARTNER
            + self.outreach * POINTS_OUTREACH
        )

    @property
    def level(self) -> int:
        points = self.points
        if points >= STRONG:
            return 3
        if points >= MEDIUM:
            return 2
        return 1 if points else 0

    @property
    def exists(self) -> bool:
        return self.points > 0

    @property
    def planned(self) -> bool:
        return bool(self.actions_open or self.actions_done)


def _pair(a: str, b: str) -> tuple[str, str] | None:
    if not a or not b or a == b:
        return None
    return tuple(sorted((a, b), key=ORDER.index))


def connections(library, today: datetime.date | None = None) -> list[Link]:
    """The connections between the library's programmes: from real data (referrals from the
    desk to a programme or an offer, and how many ended in an enrolment; desk questions
    referred to a colleague's programme or an offer; partner organisations in offers of more
    than one programme; offers and runs of a programme at an outreach location) and from the
    planned actions. Sorted strongest first."""
    today = today or timezone.localdate()
    since = since_for(today)
    links: dict = {}

    def link(a, b):
        key = _pair(a, b)
        if key is None:
            return None
        if key not in links:
            links[key] = Link(*key)
        return links[key]

    # Referrals the library's desk sent (closed loop): IDO to the programme of the receiver.
    for row in (
        Referral.objects.filter(sender_organisation=library, created_at__date__gte=since)
        .filter(Q(source=ReferralSource.DESK) | Q(desk_contact__isnull=False))
        .values("receiver_role", "programme__code", "offer_id", "offer__programme__code")
        .annotate(n=Count("id"), enrolled=Count("id", filter=Q(outcome=Outcome.ENROLLED)))
    ):
        target = ROLE_CODES.get(row["receiver_role"]) or CATALOGUE_CODES.get(
            row["programme__code"] or ""
        )
        if not target and row["offer_id"]:
            target = offer_programme(row["offer__programme__code"])
        item = link(Programme.IDO, target)
        if item:
            item.referrals += row["n"]
            item.enrolled += row["enrolled"]

    # Desk questions referred to a colleague's programme or an offer (anonymous counts).
    for row in (
        Question.objects.filter(contact__organisation=library, contact__date__gte=since)
        .exclude(referral_target="")
        .values("referred_role", "referred_offer_id", "referred_offer__programme__code")
        .annotate(n=Count("id"))
    ):
        target = ROLE_CODES.get(row["referred_role"])
        if not target and row["referred_offer_id"]:
            target = offer_programme(row["referred_offer__programme__code"])
        item = link(Programme.IDO, target)
        if item:
            item.desk += row["n"]

    # Partners shared by the offers of two programmes.
    partner_programmes = defaultdict(set)
    for row in (
        Offer.objects.filter(organisation=library, partners__isnull=False)
        .exclude(status=OfferStatus.ARCHIVED)
        .values("partners", "programme__code")
        .distinct()
    ):
        partner_programmes[row["partners"]].add(offer_programme(row["programme__code"]))
    for found in partner_programmes.values():
        for a, b in combinations(sorted(found, key=ORDER.index), 2):
            link(a, b).partners += 1

    # Offers and runs of a programme at an outreach location.
    for row in (
        OfferLocation.objects.filter(
            offer__organisation=library,
            offer__status__in=LIVE_OFFERS,
            location__kind__in=OUTREACH_KINDS,
        )
        .values("offer__programme__code")
        .annotate(n=Count("offer", distinct=True))
    ):
        item = link(Programme.OUTREACH, offer_programme(row["offer__programme__code"]))
        item.outreach += row["n"]
    for row in (
        Run.objects.filter(
            organisation=library,
            location__kind__in=OUTREACH_KINDS,
            sessions__date__gte=since,
            sessions__date__lte=today,
        )
        .exclude(status=RunStatus.CANCELLED)
        .values("offer__programme__code")
        .annotate(n=Count("id", distinct=True))
    ):
        item = link(Programme.OUTREACH, offer_programme(row["offer__programme__code"]))
        item.outreach += row["n"]

    # The planned actions.
    for row in (
        ConnectionAction.objects.filter(organisation=library)
        .values("from_programme", "to_programme")
        .annotate(
            n_open=Count("id", filter=Q(done=False)),
            n_done=Count("id", filter=Q(done=True)),
            n_overdue=Count("id", filter=Q(done=False, due_on__lt=today)),
        )
    ):
        item = link(row["from_programme"], row["to_programme"])
        if item:
            item.actions_open += row["n_open"]
            item.actions_done += row["n_done"]
            item.overdue += row["n_overdue"]

    return sorted(
        links.values(),
        key=lambda item: (
            -item.points,
            -item.actions_open,
            ORDER.index(item.a),
            ORDER.index(item.b),
        ),
    )


def actions_of(library):
    return ConnectionAction.objects.filter(organisation=library)


# --- The picture --------------------------------------------------------------------------------

WIDTH = 1100
HEIGHT = 820
CENTRE_X = WIDTH / 2
CENTRE_Y = HEIGHT / 2
RADIUS = 300
NODE_RADIUS = 34
# Line width by computed strength (0: only planned); dashes: solid when it exists, long dashes
# when it is only planned.
WIDTHS = {0: 3, 1: 4, 2: 9, 3: 15}
PLANNED_DASH = "18 10"


@dataclass
class Map:
    nodes: list
    lines: list


def layout(rows: list[ProgrammeRow], links: list[Link]) -> Map:
    """Programmes on a circle round the library (the first at the top), connections as lines
    between them."""
    by_code = {}
    for index, row in enumerate(rows):
        angle = -math.pi / 2 + 2 * math.pi * index / len(rows)
        cos, sin = math.cos(angle), math.sin(angle)
        row.x = round(CENTRE_X + RADIUS * cos, 1)
        row.y = round(CENTRE_Y + RADIUS * sin, 1)
        # The name under the node (above it for the top ones), centred, so it never leaves
        # the picture whatever its length.
        row.label_x = row.x
        row.label_y = round(row.y + (NODE_RADIUS + 30 if sin > -0.5 else -(NODE_RADIUS + 12)), 1)
        row.anchor = "middle"
        by_code[row.code] = row
    lines = []
    for item in links:
        start, end = by_code[item.a], by_code[item.b]
        lines.append(
            {
                "x1": start.x,
                "y1": start.y,
                "x2": end.x,
                "y2": end.y,
                "width": WIDTHS[item.level],
                "dash": "" if item.exists else PLANNED_DASH,
            }
        )
    return Map(nodes=rows, lines=lines)


# --- Aggregates for the region's POI and the KB ------------------------------------------------


@dataclass
class LibraryCounts:
    library: object
    programmes: set
    actions_open: int
    actions_done: int

    @property
    def labels(self) -> list[str]:
        return [str(label) for code, label in Programme.choices if code in self.programmes]


def counts(libraries, today: datetime.date | None = None) -> list[LibraryCounts]:
    """Per library: the programmes it runs and the number of planned actions open and done.
    No action texts and no owners."""
    libraries = list(libraries)
    found = presence(libraries, today)
    actions = {
        row["organisation_id"]: row
        for row in ConnectionAction.objects.filter(organisation__in=libraries)
        .values("organisation_id")
        .annotate(n_open=Count("id", filter=Q(done=False)), n_done=Count("id", filter=Q(done=True)))
    }
    return [
        LibraryCounts(
            library=library,
            programmes=set(found[library.pk]),
            actions_open=actions.get(library.pk, {}).get("n_open", 0),
            actions_done=actions.get(library.pk, {}).get("n_done", 0),
        )
        for library in libraries
    ]


def programme_totals(rows: list[LibraryCounts]) -> list[tuple[str, str, int]]:
    return [
        (code, label, sum(1 for row in rows if code in row.programmes))
        for code, label in Programme.choices
    ]
