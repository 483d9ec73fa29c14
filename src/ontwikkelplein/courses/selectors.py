"""Reads of courses: places left, what the public site shows, the staff's runs (scoped through
organisations/scoping.py), the resident's link, and reach figures."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, Sum
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core import formatting
from ontwikkelplein.core.figures.cells import Cell, is_small, protect_group
from ontwikkelplein.core.figures.vocabulary import SMALL_TEXT
from ontwikkelplein.courses.models import (
    HOLDS_PLACE,
    Attendance,
    AttendanceStatus,
    Enrolment,
    EnrolmentStatus,
    HeadCount,
    Run,
    RunKind,
    RunStatus,
    Session,
)
from ontwikkelplein.organisations.calendar import (
    LocationCalendar,
    PlannedConflict,
    special_hours_text,
)
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.organisations.scoping import own_organisations, readable_organisations
from ontwikkelplein.places.geo import distance_km

# Groups smaller than this are hidden in POI and KB aggregates.
# Enrolments that are still "in": they block a second sign-up with the same address.
ACTIVE_STATUSES = {
    EnrolmentStatus.INTAKE,
    EnrolmentStatus.ENROLLED,
    EnrolmentStatus.WAITING,
    EnrolmentStatus.OFFERED,
}


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def today() -> datetime.date:
    return timezone.localdate()


# ---------------------------------------------------------------------------------------------
# Places and sign-up


def places_taken(run) -> int:
    return Enrolment.objects.filter(run=run, status__in=HOLDS_PLACE).count()


def places_left(run) -> int | None:
    """None: no limit (no capacity set)."""
    if run.capacity is None:
        return None
    return max(0, run.capacity - places_taken(run))


def waiting_count(run) -> int:
    return Enrolment.objects.filter(run=run, status=EnrolmentStatus.WAITING).count()


def upcoming_sessions(run, on: datetime.date | None = None):
    on = on or today()
    return run.sessions.filter(cancelled=False, date__gte=on).order_by("date", "start_time")


def location_calendars(location_ids) -> dict:
    """{location id: LocationCalendar} in four queries, whatever the number of locations."""
    locations = Location.objects.filter(pk__in=set(location_ids)).prefetch_related(
        "opening_hours", "closures", "special_hours"
    )
    return {location.pk: LocationCalendar.of(location) for location in locations}


def mark_closed(sessions, calendars: dict | None = None) -> list:
    """The sessions as a list, each with `closed_reason`: why its run's location is closed all
    that day (a closed day or period added after the session was planned, or a holiday;
    organisations/calendar.py), or None when the session can take place. A session on a closed
    day does not take place ("vervalt"): the public pages show it as cancelled, it does not count
    as a start or for sign-up, and no attendance is expected (stored `cancelled` stays as staff
    set it, so removing the closure brings the session back)."""
    sessions = list(sessions)
    if calendars is None:
        calendars = location_calendars(s.run.location_id for s in sessions)
    for session in sessions:
        calendar = calendars.get(session.run.location_id)
        session.closed_reason = calendar.closed_reason(session.date) if calendar else None
    return sessions


def session_closed_reason(session) -> str | None:
    """As mark_closed, for one session."""
    return mark_closed([session])[0].closed_reason


def shown_sessions(run, on: datetime.date | None = None) -> list:
    """What a resident is told about a run's dates: its sessions from `on`, not cancelled by
    staff, in order, marked with `closed_reason` (mark_closed)."""
    return mark_closed(upcoming_sessions(run, on).select_related("run"))


def happening(sessions) -> list:
    """The marked sessions that take place (not on a closed day)."""
    return [s for s in sessions if not getattr(s, "closed_reason", None)]


def first_session(run):
    return run.sessions.filter(cancelled=False).order_by("date", "start_time").first()


def sign_up_closes_on(run) -> datetime.date | None:
    """The last day to sign up: the run's own date, else (for a fixed series) the day before the
    first session; a recurring activity stays open while sessions are ahead."""
    if run.sign_up_closes:
        return run.sign_up_closes
    if run.kind == RunKind.SERIES:
        first = first_session(run)
        if first is not None:
            return first.date - datetime.timedelta(days=1)
    return None


def sign_up_open(run, on: datetime.date | None = None) -> bool:
    on = on or today()
    if run.status != RunStatus.PUBLISHED or run.walk_in:
        return False
    if run.sign_up_opens and on < run.sign_up_opens:
        return False
    closes = sign_up_closes_on(run)
    if closes and on > closes:
        return False
    return bool(happening(shown_sessions(run, on)))


def with_upcoming_sessions(runs, on: datetime.date) -> list:
    """The runs, each with `upcoming`: its sessions from `on`, not cancelled, in order, marked
    with `closed_reason` (mark_closed); and `happening`: those that take place."""
    runs = list(_prefetch_upcoming(runs, on))
    calendars = location_calendars(run.location_id for run in runs)
    for run in runs:
        run.upcoming = mark_closed(run.upcoming, calendars)
        run.happening = happening(run.upcoming)
    return runs


def _prefetch_upcoming(runs, on: datetime.date):
    return runs.prefetch_related(
        Prefetch(
            "sessions",
            queryset=Session.objects.filter(cancelled=False, date__gte=on).order_by(
                "date", "start_time"
            ),
            to_attr="upcoming",
        )
    )


def public_runs(offer, on: datetime.date | None = None) -> list[Run]:
    """The runs the offer page shows: published, with sessions ahead, and either open for
    sign-up or a walk-in activity. Each run carries `upcoming` (its future sessions),
    `places_left`, `waiting` and `can_sign_up`, ordered by the first session ahead."""
    on = on or today()
    if getattr(offer, "status", OfferStatus.PUBLISHED) != OfferStatus.PUBLISHED:
        return []
    runs = with_upcoming_sessions(
        Run.objects.filter(offer=offer, status=RunStatus.PUBLISHED).select_related("location"), on
    )
    result = []
    for run in runs:
        if not run.happening:
            continue
        run.can_sign_up = sign_up_open(run, on)
        if not (run.can_sign_up or run.walk_in):
            continue
        run.places_left = places_left(run)
        run.waiting = waiting_count(run)
        result.append(run)
    result.sort(key=lambda r: (r.happening[0].date, r.happening[0].start_time))
    return result


SIMILAR_RUNS = 3


def _has_room(run) -> bool:
    return run.can_sign_up and (run.places_left is None or run.places_left > 0)


def similar_open_runs(offer, near, on: datetime.date | None = None, limit: int = SIMILAR_RUNS):
    """For a full course: runs of *other* published offers like this one (the same programme,
    else the same offer type and a shared theme) that are open for sign-up and have room,
    nearest to `near` (a Location) first. Each run carries `upcoming`, `places_left` and
    `distance_km`."""
    on = on or today()
    offers = Offer.objects.filter(status=OfferStatus.PUBLISHED).exclude(pk=offer.pk)
    if offer.programme_id:
        offers = offers.filter(programme_id=offer.programme_id)
    else:
        offers = offers.filter(
            offer_type_id=offer.offer_type_id, themes__in=offer.themes.all()
        ).distinct()
    runs = with_upcoming_sessions(
        Run.objects.filter(
            offer__in=offers, status=RunStatus.PUBLISHED, walk_in=False
        ).select_related("location", "offer", "organisation"),
        on,
    )
    found = []
    for run in runs:
        if not run.happening:
            continue
        run.can_sign_up = sign_up_open(run, on)
        run.places_left = places_left(run)
        if not _has_room(run):
            continue
        lat, lon = getattr(near, "latitude", None), getattr(near, "longitude", None)
        run.distance_km = (
            distance_km(lat, lon, run.location.latitude, run.location.longitude)
            if None not in (lat, lon, run.location.latitude, run.location.longitude)
            else None
        )
        found.append(run)
    found.sort(key=lambda r: (r.distance_km is None, r.distance_km or 0.0, r.happening[0].date))
    return found[:limit]


def next_start(offer, on: datetime.date | None = None) -> datetime.date | None:
    """The first date a resident can start: a series' first session, a recurring activity's
    next session."""
    runs = public_runs(offer, on)
    if not runs:
        return None
    return min(run.happening[0].date for run in runs)


# ---------------------------------------------------------------------------------------------
# Staff


def runs_for_user(user):
    """Runs whose organisation the user may read (own, POI region, KB: all), and runs where
    the user is a teacher or volunteer with an account."""
    helper_of = (
        Run.objects.filter(helpers__user=user) if user.is_authenticated else Run.objects.none()
    )
    return (
        Run.objects.filter(
            Q(organisation__in=readable_organisations(user)) | Q(pk__in=helper_of.values("pk"))
        )
        .select_related("offer", "organisation", "location")
        .annotate(
            first_date=Min("sessions__date", filter=Q(sessions__cancelled=False)),
            session_count=Count("sessions", filter=Q(sessions__cancelled=False), distinct=True),
        )
    )


def work_runs(user):
    """Runs of the organisations the user works for, or where the user teaches or volunteers."""
    helper_of = (
        Run.objects.filter(helpers__user=user) if user.is_authenticated else Run.objects.none()
    )
    return Run.objects.filter(
        Q(organisation__in=own_organisations(user)) | Q(pk__in=helper_of.values("pk"))
    )


def coming_sessions(user, days: int = 14, on: datetime.date | None = None):
    """Sessions of the next `days` days (from today) of runs of the organisations the user
    works for, or where the user teaches or volunteers; not cancelled, not of cancelled runs."""
    on = on or today()
    return (
        Session.objects.filter(
            run__in=work_runs(user),
            date__gte=on,
            date__lte=on + datetime.timedelta(days=days),
            cancelled=False,
        )
        .exclude(run__status=RunStatus.CANCELLED)
        .select_related("run", "run__offer", "run__location")
        .order_by("date", "start_time")
        .distinct()
    )


def closed_day_sessions(runs, on: datetime.date | None = None) -> list:
    """Sessions from `on` of the given runs (not cancelled, of runs not cancelled) that fall on
    a day their location is closed (mark_closed): the staff move or cancel them."""
    on = on or today()
    sessions = (
        Session.objects.filter(run__in=runs, cancelled=False, date__gte=on)
        .exclude(run__status=RunStatus.CANCELLED)
        .select_related("run", "run__offer", "run__location")
        .order_by("date", "start_time")
    )
    return [s for s in mark_closed(sessions) if s.closed_reason]


def run_for_user(user, run_id) -> Run:
    try:
        return runs_for_user(user).get(pk=run_id)
    except (Run.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def participants(run) -> dict[str, list[Enrolment]]:
    """The run's enrolments grouped for the staff page; the waiting list in order."""
    groups = {status: [] for status in EnrolmentStatus.values}
    for enrolment in (
        Enrolment.objects.filter(run=run).select_related("person").order_by("created_at", "id")
    ):
        groups[enrolment.status].append(enrolment)
    return groups


def register_rows(session) -> list[dict]:
    """The attendance register: enrolled participants with their current mark."""
    marks = {a.enrolment_id: a.status for a in session.attendance.all()}
    rows = []
    for enrolment in (
        Enrolment.objects.filter(run_id=session.run_id, status=EnrolmentStatus.ENROLLED)
        .select_related("person")
        .order_by("person__name", "created_at")
    ):
        rows.append({"enrolment": enrolment, "status": marks.get(enrolment.pk, "")})
    return rows


def enrolment_for_token(token: str) -> Enrolment | None:
    if not token:
        return None
    return (
        Enrolment.objects.select_related("run", "run__offer", "run__location", "person")
        .filter(token_hash=token_hash(token))
        .exclude(token_hash="")
        .first()
    )


# ---------------------------------------------------------------------------------------------
# Reach


@dataclass(frozen=True)
class DateRange:
    start: datetime.date
    end: datetime.date  # inclusive


@dataclass
class ReachRow:
    label: str
    participants: int | None = 0
    unique_people: int | None = 0
    sessions_held: int | None = 0
    visitors: int | None = 0  # head counts of walk-in sessions
    marks: int = 0
    present: int = 0
    drop_outs: int | None = 0
    hidden: bool = False
    key: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def attendance_rate(self) -> float | None:
        """Share of the recorded marks that are "aanwezig" (0-100), None when nothing recorded
        or hidden."""
        if self.hidden or not self.marks:
            return None
        return round(100 * self.present / self.marks, 1)

    @property
    def drop_out_rate(self) -> float | None:
        if self.hidden or not self.participants or self.drop_outs is None:
            return None
        return round(100 * self.drop_outs / self.participants, 1)

    @property
    def display_participants(self) -> str:
        return SMALL_TEXT if self.hidden else formatting.number(self.participants or 0)

    @property
    def display_unique_people(self) -> str:
        return SMALL_TEXT if self.hidden else formatting.number(self.unique_people or 0)

    @property
    def display_attendance_rate(self) -> str:
        return (
            formatting.percent(self.attendance_rate, 1) if self.attendance_rate is not None else "–"
        )

    @property
    def display_drop_out_rate(self) -> str:
        return formatting.percent(self.drop_out_rate, 1) if self.drop_out_rate is not None else "–"


@dataclass
class Reach:
    period: object
    total: ReachRow
    per_organisation: list[ReachRow]
    per_run: list[ReachRow]
    suppressed: bool


def _participants(run_ids):
    """Participants: enrolled, or cancelled after attending at least once (they took part)."""
    attended = Attendance.objects.filter(enrolment=OuterRef("pk"), status=AttendanceStatus.PRESENT)
    return Enrolment.objects.filter(run_id__in=run_ids).filter(
        Q(status=EnrolmentStatus.ENROLLED) | Q(Exists(attended), status=EnrolmentStatus.CANCELLED)
    )


def _drop_outs(enrolments, attendance_by_enrolment) -> int:
    """Drop-out: a participant who cancelled after attending, or whose last two marks are both
    not "aanwezig"."""
    count = 0
    for enrolment in enrolments:
        marks = attendance_by_enrolment.get(enrolment.pk, [])
        stopped = len(marks) >= 2 and all(m != AttendanceStatus.PRESENT for m in marks[-2:])
        if enrolment.status == EnrolmentStatus.CANCELLED or stopped:
            count += 1
    return count


def _row(label, key, runs, period) -> ReachRow:
    run_ids = [r.pk for r in runs]
    sessions = Session.objects.filter(
        run_id__in=run_ids,
        cancelled=False,
        date__gte=period.start,
        date__lte=min(period.end, today()),
    )
    # A session on a day its location is closed did not take place (mark_closed).
    held = happening(mark_closed(sessions.select_related("run")))
    session_ids = [session.pk for session in held]
    # Only participants of runs with a session in the period count for that period.
    runs_in_period = {session.run_id for session in held}
    enrolments = list(_participants(runs_in_period))
    attendance = {}
    present = marks = 0
    for enrolment_id, status in (
        Attendance.objects.filter(session_id__in=session_ids)
        .order_by("session__date", "session__start_time")
        .values_list("enrolment_id", "status")
    ):
        attendance.setdefault(enrolment_id, []).append(status)
        marks += 1
        present += status == AttendanceStatus.PRESENT
    visitors = (
        HeadCount.objects.filter(session_id__in=session_ids).aggregate(total=Sum("count"))["total"]
        or 0
    )
    return ReachRow(
        label=label,
        key=key,
        participants=len(enrolments),
        unique_people=len({e.person_key for e in enrolments}),
        sessions_held=len(session_ids),
        visitors=visitors,
        marks=marks,
        present=present,
        drop_outs=_drop_outs(enrolments, attendance),
    )


def hide_small(row: ReachRow, *, force: bool = False) -> ReachRow:
    """Hide a row about 1 to 4 people (participants or unique people): the small-count rule of
    core/figures."""
    people = max(row.participants or 0, row.unique_people or 0)
    if force or is_small(people):
        row.participants = None
        row.unique_people = None
        row.drop_outs = None
        row.marks = 0
        row.present = 0
        row.hidden = True
    return row


def reach(scope_organisations, period, *, suppress: bool = False) -> Reach:
    """Reach of the runs of `scope_organisations` with sessions in `period` (anything with
    .start and .end dates): participants, unique people, sessions held, walk-in visitors,
    attendance rate and drop-out; per run, per organisation and in total. With `suppress`
    (POI and KB views) any group of fewer than 5 people is hidden."""
    runs = list(
        Run.objects.filter(organisation__in=scope_organisations)
        .exclude(status=RunStatus.DRAFT)
        .filter(sessions__date__gte=period.start, sessions__date__lte=period.end)
        .select_related("offer", "organisation")
        .distinct()
        .order_by("organisation__name", "offer__title", "name")
    )
    per_run = [_row(str(run), str(run.pk), [run], period) for run in runs]
    by_org: dict = {}
    for run in runs:
        by_org.setdefault(run.organisation, []).append(run)
    per_organisation = [
        _row(org.name, str(org.pk), org_runs, period) for org, org_runs in by_org.items()
    ]
    total = _row(_("Totaal"), "total", runs, period)
    if suppress:
        for row in [*per_run, *per_organisation, total]:
            hide_small(row)
        # Complementary: the rows add up to the total, so one hidden row among shown ones
        # could be worked out; the smallest other row is hidden with it.
        for group in (per_organisation, per_run):
            cells = [Cell(row.participants or 0, Cell.SMALL if row.hidden else "") for row in group]
            protect_group(cells)
            for row, cell in zip(group, cells, strict=True):
                if cell.hidden == Cell.DERIVED:
                    hide_small(row, force=True)
    return Reach(
        period=period,
        total=total,
        per_organisation=per_organisation,
        per_run=per_run,
        suppressed=suppress,
    )


# ---------------------------------------------------------------------------------------------
# Closed days added after sessions were planned (organisations/calendar.py, CONFLICT_SOURCES)


def location_conflicts(location, calendar, today: datetime.date) -> list[PlannedConflict]:
    """Sessions ahead at `location` (not cancelled, of runs not cancelled) on a day it is closed,
    or outside that day's exceptional hours when staff did not mark them "ook buiten
    openingstijden"."""
    found = []
    sessions = (
        Session.objects.filter(run__location=location, cancelled=False, date__gte=today)
        .exclude(run__status=RunStatus.CANCELLED)
        .select_related("run", "run__offer")
        .order_by("date", "start_time")
    )
    for session in sessions:
        reason = calendar.closed_reason(session.date)
        if reason is None and session.date in calendar.special:
            hours = calendar.day(session.date)
            if not session.outside_opening_hours and not hours.covers(
                session.start_time, session.end_time
            ):
                reason = special_hours_text(hours)
        if reason is None:
            continue
        run = session.run
        found.append(
            PlannedConflict(
                date=session.date,
                what=_("Cursus %(course)s, bijeenkomst %(start)s–%(end)s")
                % {
                    "course": f"{run.offer.title} ({run.name})" if run.name else run.offer.title,
                    "start": f"{session.start_time:%H:%M}",
                    "end": f"{session.end_time:%H:%M}",
                },
                reason=reason,
                url=reverse("courses:staff-run-detail", args=[run.pk]),
            )
        )
    return found
