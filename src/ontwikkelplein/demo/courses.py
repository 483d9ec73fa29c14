"""Demo course runs, so the course pages show something.

For two demo libraries (Eemland, Oosterschelde):
- a Digisterker run starting in about ten days: four weekly sessions, 8 places, an intake, six
  people enrolled (one without e-mail, enrolled at the desk), one waiting for the intake;
- a Digisterker run that finished last month, with attendance, for the reach figures;
- a weekly taalcafé (walk-in): head counts for the past three weeks and the next four sessions.

Idempotent: every record has a fixed UUID (demo_uuid) and is written with update_or_create;
loading again later moves the sessions along with today. Participants are made-up people with
example.org addresses; nothing is e-mailed (records are written directly, not via services)."""

import datetime

from django.db import transaction
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferLocation
from ontwikkelplein.courses.models import (
    Attendance,
    Enrolment,
    EnrolmentStatus,
    HeadCount,
    Person,
    Run,
    RunHelper,
    RunKind,
    RunStatus,
    Session,
)
from ontwikkelplein.demo.dates import next_plausible, plausible_dates
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.organisations.calendar import LocationCalendar
from ontwikkelplein.organisations.models import ClosurePeriod

LIBRARIES = ["eemland", "oosterschelde"]
CONSENT = (
    "De deelnemer geeft toestemming dat de bibliotheek naam en telefoonnummer of e-mailadres "
    "bewaart om contact te houden over deze cursus."
)
PEOPLE = [
    ("Anna de Vries", "0612345601", "anna.devries@example.org"),
    ("Mohamed El Amrani", "0612345602", ""),
    ("Wilma Bakker", "", "wilma.bakker@example.org"),
    ("Gerrit Jansen", "0612345604", ""),
    ("Fatima Yilmaz", "0612345605", "fatima.yilmaz@example.org"),
    ("Henk de Boer", "0612345606", ""),
    ("Els Visser", "0612345607", "els.visser@example.org"),
    ("Piet Smit", "0612345608", ""),
]
# Who came to which of the four finished sessions ("p" present, "a" absent, "e" excused).
PAST_MARKS = ["pppp", "ppap", "pepp", "ppaa", "pppp", "papp", "pppp"]


# The library whose next Digisterker run shows a closed day added after its sessions were planned:
# residents read "Vervalt: ... is dan gesloten (onderhoud aan het gebouw)" at the second session,
# the specialist sees it on "Mijn werk", the run page and the location's page.
AFTER_PLANNING = "eemland"
MAINTENANCE = "onderhoud aan het gebouw"


def maintenance_id() -> int:
    return 10**9 + demo_uuid("closure", f"{AFTER_PLANNING}:onderhoud").int % 10**8


def next_run_days(today: datetime.date, i: int) -> list[datetime.date]:
    """The wished days of library i's next Digisterker run: weekly from ten days on."""
    first = today + datetime.timedelta(days=10 + 3 * i)
    return [first + datetime.timedelta(weeks=w) for w in range(4)]


def plan_dates(
    location, days, *, before_maintenance=False
) -> tuple[list[datetime.date], LocationCalendar]:
    """The days moved to plausible ones (demo/dates.py) that are not closed, in order and
    distinct, and the calendar used. `before_maintenance`: planned before the maintenance day
    was decided (Eemland's next Digisterker run), so that day is not avoided and planning again
    gives the same days."""
    days = plausible_dates(days, location)
    calendar = LocationCalendar.of(location)
    if before_maintenance:
        calendar.closures = [c for c in calendar.closures if c.pk != maintenance_id()]
    for n, day in enumerate(days):
        if n and day <= days[n - 1]:
            day = next_plausible(days[n - 1] + datetime.timedelta(days=1), location)
        while calendar.closed_reason(day) is not None:
            day = next_plausible(day + datetime.timedelta(days=1), location)
        days[n] = day
    return days, calendar


def load_maintenance_day(today: datetime.date, location) -> ClosurePeriod:
    """Close `location` (Eemland's main branch, where its Digisterker runs) on the day of the next
    run's second session; loaded with the other closed days, before the offers, which then plan
    around it."""
    days, _calendar = plan_dates(
        location, next_run_days(today, LIBRARIES.index(AFTER_PLANNING)), before_maintenance=True
    )
    closure, _created = ClosurePeriod.objects.update_or_create(
        pk=maintenance_id(),
        defaults={
            "location": location,
            "start_date": days[1],
            "end_date": days[1],
            "reason": MAINTENANCE,
        },
    )
    return closure


def _offer(lib: str, kind: str) -> Offer | None:
    return Offer.objects.filter(pk=demo_uuid("offer", f"{lib}:{kind}")).first()


def _location(offer: Offer):
    place = OfferLocation.objects.filter(offer=offer).select_related("location").first()
    if place is not None:
        return place.location
    return offer.organisation.locations.first()


def _run(key: str, offer: Offer, **values) -> Run:
    location = _location(offer)
    run, _created = Run.objects.update_or_create(
        pk=demo_uuid("course-run", key),
        defaults={
            "offer": offer,
            "organisation": offer.organisation,
            "location": location,
            "status": RunStatus.PUBLISHED,
            **values,
        },
    )
    return run


def _sessions(
    run: Run,
    key: str,
    dates: list[datetime.date],
    start: str,
    end: str,
    room="",
    before_maintenance=False,
):
    # Never on a Sunday, a public holiday, in the Christmas break or when the place is closed.
    dates, calendar = plan_dates(run.location, dates, before_maintenance=before_maintenance)
    start_time, end_time = datetime.time.fromisoformat(start), datetime.time.fromisoformat(end)
    sessions = []
    for n, day in enumerate(dates):
        hours = calendar.day(day)
        # An evening class where the building is closed: run by volunteers, marked as such.
        outside = hours.known and not hours.covers(start_time, end_time)
        session, _created = Session.objects.update_or_create(
            pk=demo_uuid("course-session", f"{key}:{n}"),
            defaults={
                "run": run,
                "date": day,
                "start_time": datetime.time.fromisoformat(start),
                "end_time": datetime.time.fromisoformat(end),
                "room": room,
                "cancelled": False,
                "outside_opening_hours": outside,
            },
        )
        sessions.append(session)
    return sessions


def _enrolment(run: Run, key: str, n: int, status: str, person_spec) -> Enrolment:
    name, phone, email = person_spec
    now = timezone.now()
    person, _created = Person.objects.update_or_create(
        pk=demo_uuid("course-person", f"{key}:{n}"),
        defaults={
            "organisation": run.organisation,
            "name": name,
            "phone": phone,
            "email": email,
            "consent_text": CONSENT,
            "consent_recorded_at": now,
        },
    )
    enrolment, _created = Enrolment.objects.update_or_create(
        pk=demo_uuid("course-enrolment", f"{key}:{n}"),
        defaults={
            "run": run,
            "person": person,
            "person_key": demo_uuid("course-person-key", f"{run.organisation_id}:{name}"),
            "status": status,
            "source": "resident" if email else "staff",
            "reference": _reference(key, n),
        },
    )
    return enrolment


def _reference(key: str, n: int) -> str:
    # Stable and unique per record: taken from its UUID.
    code = demo_uuid("course-reference", f"{key}:{n}").hex[:8].upper()
    return f"{code[:4]}-{code[4:]}"


@transaction.atomic
def load_courses(today: datetime.date | None = None) -> int:
    """Load (or refresh) the demo runs; returns the number of runs."""
    today = today or timezone.localdate()
    count = 0
    for i, lib in enumerate(LIBRARIES):
        digisterker = _offer(lib, "digisterker")
        if digisterker is not None:
            key = f"{lib}:digisterker:next"
            run = _run(
                key,
                digisterker,
                name="Volgende reeks",
                kind=RunKind.SERIES,
                capacity=8,
                intake_required=True,
                walk_in=False,
            )
            # In Eemland the building closes for maintenance on the second session's day,
            # decided after the sessions were planned (load_maintenance_day).
            _sessions(
                run,
                key,
                next_run_days(today, i),
                "10:00",
                "12:00",
                "Leeszaal",
                before_maintenance=lib == AFTER_PLANNING,
            )
            RunHelper.objects.update_or_create(
                run=run, name="Joke Vermeulen", defaults={"role": RunHelper.Role.TEACHER}
            )
            for n, spec in enumerate(PEOPLE[:7]):
                status = EnrolmentStatus.INTAKE if n == 6 else EnrolmentStatus.ENROLLED
                _enrolment(run, key, n, status, spec)

            key = f"{lib}:digisterker:past"
            run = _run(
                key,
                digisterker,
                name="Vorige reeks",
                kind=RunKind.SERIES,
                capacity=8,
                intake_required=False,
                walk_in=False,
            )
            start = today - datetime.timedelta(days=60)
            sessions = _sessions(
                run,
                key,
                [start + datetime.timedelta(weeks=w) for w in range(4)],
                "10:00",
                "12:00",
                "Leeszaal",
            )
            statuses = {"p": "present", "a": "absent", "e": "excused"}
            for n, marks in enumerate(PAST_MARKS):
                enrolment = _enrolment(run, key, n, EnrolmentStatus.ENROLLED, PEOPLE[n + 1])
                for session, mark in zip(sessions, marks, strict=True):
                    Attendance.objects.update_or_create(
                        session=session, enrolment=enrolment, defaults={"status": statuses[mark]}
                    )
            count += 2

        cafe = _offer(lib, "taalcafe")
        if cafe is not None:
            key = f"{lib}:taalcafe"
            run = _run(
                key,
                cafe,
                name="Elke week",
                kind=RunKind.RECURRING,
                capacity=None,
                intake_required=False,
                walk_in=True,
            )
            # The same weekday every week: three past sessions and four ahead.
            anchor = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=2)
            weeks = range(-2, 5) if anchor < today else range(-3, 4)
            dates = [anchor + datetime.timedelta(weeks=w) for w in weeks]
            sessions = _sessions(run, key, dates, "14:00", "16:00")
            HeadCount.objects.filter(session__run=run, session__date__gte=today).delete()
            for n, session in enumerate(sessions):
                if session.date < today:
                    HeadCount.objects.update_or_create(
                        session=session, defaults={"count": 9 + (n * 3) % 7}
                    )
            count += 1
    return count
