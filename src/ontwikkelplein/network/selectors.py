"""Reads of the library's network (docs/community.md). Access is decided in the views through
organisations.scoping; these functions take the library (or the libraries) already allowed.

Public for other apps (activity plans, the neighbourhood's needs, the EMB in verbinding):
- `partners_of(library)`: the library's stakeholders, with their partner organisation, themes
  and target groups loaded;
- `partner_organisation_ids(library)`: the ids of the platform organisations in its network;
- `tie_activity(library, partner_ids, since)`: the real activity between the library and each
  partner organisation (referrals both ways, runs and offers together) in a fixed handful of
  grouped queries;
- `stage_role_counts(libraries)`: counts per library by stage and by role (no contact people)."""

import calendar
import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.courses.models import Run, RunStatus
from ontwikkelplein.network.models import (
    ROLES,
    STAGE_ORDER,
    Agreement,
    ContactPerson,
    Stage,
    Stakeholder,
    Strength,
)
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.referrals.models import Referral

# How far back activity counts for the computed strength of a tie.
ACTIVITY_DAYS = 365
# Points per kind of activity, and the points from which a tie is medium or strong.
POINTS = {"referral": 1, "accepted": 1, "run": 3, "offer": 2}
MEDIUM_FROM = 4
STRONG_FROM = 10


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), the month's last day when it has fewer."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- The network of one library -----------------------------------------------------------------


def partners_of(library) -> QuerySet[Stakeholder]:
    """The stakeholders of one library organisation (no contact people loaded)."""
    return (
        Stakeholder.objects.filter(organisation=library)
        .select_related("partner")
        .prefetch_related("themes", "target_groups")
        .order_by("name")
    )


def partner_organisation_ids(library) -> set:
    return set(
        Stakeholder.objects.filter(organisation=library, partner__isnull=False).values_list(
            "partner_id", flat=True
        )
    )


@dataclass
class Filters:
    stage: str = ""
    role: str = ""
    theme: str = ""  # a TaxonomyTerm pk as text


def filtered(library, filters: Filters, today: datetime.date) -> list[Stakeholder]:
    """The list page: the filters, then the next steps due first (overdue and soonest on top),
    then those without a date, by name."""
    qs = partners_of(library).annotate(
        running_agreements=Count(
            "agreements",
            filter=Q(agreements__starts_on__lte=today)
            & (Q(agreements__ends_on__isnull=True) | Q(agreements__ends_on__gte=today)),
            distinct=True,
        ),
        contact_count=Count("contacts", distinct=True),
    )
    if filters.stage in Stage.values:
        qs = qs.filter(stage=filters.stage)
    role_fields = {code: f for code, f, _label in ROLES}
    if filters.role in role_fields:
        qs = qs.filter(**{role_fields[filters.role]: True})
    if filters.theme:
        qs = qs.filter(themes__pk=filters.theme)
    rows = list(qs)
    far = datetime.date.max
    rows.sort(key=lambda s: (s.next_step_on is None, s.next_step_on or far, s.name.lower()))
    return rows


def running_agreement_counts(library, today: datetime.date) -> dict:
    """{stakeholder id: agreements running today} for one library, in one grouped query."""
    running = Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    return dict(
        Agreement.objects.filter(running, stakeholder__organisation=library)
        .values("stakeholder_id")
        .annotate(n=Count("id"))
        .values_list("stakeholder_id", "n")
    )


def contacts_of(stakeholder) -> list[ContactPerson]:
    return list(ContactPerson.objects.filter(stakeholder=stakeholder).order_by("name"))


def agreements_of(stakeholder) -> list[Agreement]:
    return list(
        Agreement.objects.filter(stakeholder=stakeholder)
        .prefetch_related("documents")
        .order_by("-starts_on", "title")
    )


def agreements_of_library(library) -> list[Agreement]:
    return list(
        Agreement.objects.filter(stakeholder__organisation=library)
        .select_related("stakeholder")
        .order_by("ends_on", "title")
    )


def ending_soon(library, today: datetime.date) -> list[Agreement]:
    """Agreements that end within three months (the same window as the alert)."""
    return [
        a
        for a in agreements_of_library(library)
        if a.ends_on is not None and today <= a.ends_on <= add_months(today, 3)
    ]


# --- Strength computed from real activity -------------------------------------------------------


@dataclass
class Activity:
    referrals_sent: int = 0
    referrals_sent_accepted: int = 0
    referrals_received: int = 0
    referrals_received_accepted: int = 0
    runs: int = 0
    offers: int = 0

    @property
    def points(self) -> int:
        return (
            POINTS["referral"] * (self.referrals_sent + self.referrals_received)
            + POINTS["accepted"] * (self.referrals_sent_accepted + self.referrals_received_accepted)
            + POINTS["run"] * self.runs
            + POINTS["offer"] * self.offers
        )

    @property
    def level(self) -> int:
        """0 none, 1 weak, 2 medium, 3 strong (the same scale as Strength)."""
        points = self.points
        if points == 0:
            return 0
        if points >= STRONG_FROM:
            return Strength.STRONG
        if points >= MEDIUM_FROM:
            return Strength.MEDIUM
        return Strength.WEAK

    @property
    def is_empty(self) -> bool:
        return self.points == 0


def tie_activity(library, partner_ids, since: datetime.date | None = None) -> dict:
    """{partner organisation id: Activity} between `library` and each of `partner_ids`, counted
    since `since` (default: ACTIVITY_DAYS ago). Four grouped queries whatever the number of
    partners: referrals sent (grouped by receiver), referrals received (grouped by sender),
    course runs organised together and offers shared (each grouped by the partner)."""
    partner_ids = {pid for pid in partner_ids if pid is not None}
    result = {pid: Activity() for pid in partner_ids}
    if not partner_ids:
        return result
    library_id = library.pk if isinstance(library, Organisation) else library
    since = since or timezone.localdate() - datetime.timedelta(days=ACTIVITY_DAYS)
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    accepted = Q(received_at__isnull=False)

    sent = (
        Referral.objects.filter(
            sender_organisation_id=library_id,
            receiver_organisation_id__in=partner_ids,
            created_at__gte=start,
        )
        .values("receiver_organisation_id")
        .annotate(n=Count("id"), ok=Count("id", filter=accepted))
    )
    for row in sent:
        activity = result[row["receiver_organisation_id"]]
        activity.referrals_sent, activity.referrals_sent_accepted = row["n"], row["ok"]

    received = (
        Referral.objects.filter(
            receiver_organisation_id=library_id,
            sender_organisation_id__in=partner_ids,
            created_at__gte=start,
        )
        .values("sender_organisation_id")
        .annotate(n=Count("id"), ok=Count("id", filter=accepted))
    )
    for row in received:
        activity = result[row["sender_organisation_id"]]
        activity.referrals_received, activity.referrals_received_accepted = row["n"], row["ok"]

    # Runs together: the library runs an offer the partner is a partner of, or the partner runs
    # an offer of the library (or one the library is a partner of).
    runs = Run.objects.exclude(status=RunStatus.CANCELLED).filter(created_at__gte=start)
    own_runs = (
        runs.filter(organisation_id=library_id, offer__partners__in=partner_ids)
        .values("offer__partners")
        .annotate(n=Count("id", distinct=True))
    )
    for row in own_runs:
        result[row["offer__partners"]].runs += row["n"]
    their_runs = (
        runs.filter(organisation_id__in=partner_ids)
        .filter(Q(offer__organisation_id=library_id) | Q(offer__partners=library_id))
        .values("organisation_id")
        .annotate(n=Count("id", distinct=True))
    )
    for row in their_runs:
        result[row["organisation_id"]].runs += row["n"]

    # Offers shared: live offers of one with the other among its partners.
    live = Offer.objects.filter(status__in=[OfferStatus.PUBLISHED, OfferStatus.UNCONFIRMED])
    own_offers = (
        live.filter(organisation_id=library_id, partners__in=partner_ids)
        .values("partners")
        .annotate(n=Count("id", distinct=True))
    )
    for row in own_offers:
        result[row["partners"]].offers += row["n"]
    their_offers = (
        live.filter(organisation_id__in=partner_ids, partners=library_id)
        .values("organisation_id")
        .annotate(n=Count("id", distinct=True))
    )
    for row in their_offers:
        result[row["organisation_id"]].offers += row["n"]
    return result


@dataclass
class Tie:
    stakeholder: Stakeholder
    activity: Activity | None  # None: not on the platform, so nothing to compute
    x: float = 0
    y: float = 0
    label_x: float = 0
    label_y: float = 0
    anchor: str = "start"
    width: int = 1
    dash: str = ""
    number: int = 0
    label: str = ""

    @property
    def computed_level(self) -> int:
        return self.activity.level if self.activity else 0


# Diagram geometry (the SVG's own units; it scales to the page).
WIDTH = 1500
HEIGHT = 1000
CENTRE_X = WIDTH / 2
CENTRE_Y = HEIGHT / 2
RADIUS = 330
LABEL_CHARS = 26
# Line width by computed activity level; dash by the staff's own strength.
WIDTHS = {0: 1.5, 1: 3, 2: 6, 3: 10}
DASHES = {None: "2 8", Strength.WEAK: "4 6", Strength.MEDIUM: "14 6", Strength.STRONG: ""}


def network_ties(library, stakeholders, today: datetime.date | None = None) -> list[Tie]:
    """The network diagram and its table: each stakeholder with its activity and a place on a
    circle around the library (ordered by stage, so a stage's partners sit together)."""
    today = today or timezone.localdate()
    ordered = sorted(stakeholders, key=lambda s: (STAGE_ORDER.get(s.stage, 0), s.name.lower()))
    activity = tie_activity(library, {s.partner_id for s in ordered if s.partner_id})
    ties = []
    count = max(len(ordered), 1)
    for index, stakeholder in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        tie = Tie(stakeholder, activity.get(stakeholder.partner_id))
        tie.number = index + 1
        tie.x = round(CENTRE_X + RADIUS * math.cos(angle), 1)
        tie.y = round(CENTRE_Y + RADIUS * math.sin(angle), 1)
        tie.label_x = round(CENTRE_X + (RADIUS + 40) * math.cos(angle), 1)
        tie.label_y = round(CENTRE_Y + (RADIUS + 40) * math.sin(angle) + 9, 1)
        name = stakeholder.name
        tie.label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
        cos = math.cos(angle)
        tie.anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        tie.width = WIDTHS[tie.computed_level]
        tie.dash = DASHES.get(stakeholder.strength, DASHES[None])
        ties.append(tie)
    return ties


# --- Aggregates for the POI and the KB ----------------------------------------------------------


@dataclass
class LibraryCounts:
    library: Organisation
    total: int = 0
    by_stage: dict = field(default_factory=dict)
    by_role: dict = field(default_factory=dict)
    agreements_running: int = 0

    def stage_cells(self):
        return [self.by_stage.get(stage, 0) for stage in Stage.values]

    def role_cells(self):
        return [self.by_role.get(code, 0) for code, _f, _l in ROLES]


def stage_role_counts(libraries, today: datetime.date | None = None) -> list[LibraryCounts]:
    """Per library: stakeholders by stage and by role and running agreements. Three grouped
    queries; no names of stakeholders or contact people."""
    today = today or timezone.localdate()
    libraries = list(libraries)
    rows = {lib.pk: LibraryCounts(lib) for lib in libraries}
    if not rows:
        return []
    base = Stakeholder.objects.filter(organisation_id__in=rows)
    for row in base.values("organisation_id", "stage").annotate(n=Count("id")):
        counts = rows[row["organisation_id"]]
        counts.by_stage[row["stage"]] = row["n"]
        counts.total += row["n"]
    role_counts = {code: Count("id", filter=Q(**{f: True})) for code, f, _label in ROLES}
    for row in base.values("organisation_id").annotate(**role_counts):
        rows[row["organisation_id"]].by_role = {code: row[code] for code, _f, _l in ROLES}
    running = (
        Agreement.objects.filter(stakeholder__organisation_id__in=rows, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values("stakeholder__organisation_id")
        .annotate(n=Count("id"))
    )
    for row in running:
        rows[row["stakeholder__organisation_id"]].agreements_running = row["n"]
    return sorted(rows.values(), key=lambda r: r.library.name)


def totals(rows: list[LibraryCounts]) -> LibraryCounts:
    total = LibraryCounts(Organisation(name=""))
    for row in rows:
        total.total += row.total
        total.agreements_running += row.agreements_running
        for key, n in row.by_stage.items():
            total.by_stage[key] = total.by_stage.get(key, 0) + n
        for key, n in row.by_role.items():
            total.by_role[key] = total.by_role.get(key, 0) + n
    return total


def libraries_in(organisations) -> QuerySet[Organisation]:
    return organisations.filter(kind=OrganisationKind.LIBRARY).order_by("name")
