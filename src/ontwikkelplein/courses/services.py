"""Writes of courses: the app's public face. Staff pages, the resident's pages and the scheduled
tasks all come through here, so they share one set of rules with Dutch messages.

Every function is atomic: bad input raises CourseError and leaves nothing stored. Sign-ups lock
the run row (select_for_update) so parallel sign-ups can never take more places than there are.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.catalogue.models import SignUp
from ontwikkelplein.core import person as person_details
from ontwikkelplein.core.formatting import date_text
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.core.translations import resident_language
from ontwikkelplein.courses import selectors
from ontwikkelplein.courses.models import (
    HOLDS_PLACE,
    Attendance,
    AttendanceStatus,
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
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.calendar import LocationCalendar, SlotProblem, check_slot
from ontwikkelplein.organisations.models import Location, Membership
from ontwikkelplein.organisations.scoping import MEMBER_ROLES

REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
REFERENCE_LENGTH = 8
NAME_MAX_LENGTH = person_details.NAME_MAX_LENGTH
EMAIL_MAX_LENGTH = person_details.EMAIL_MAX_LENGTH
CONSENT_MAX_LENGTH = 5000
MAX_CAPACITY = 1000
MAX_WEEKLY_SESSIONS = 60
MAX_HEAD_COUNT = 2000
# The resident's own page (the courses app's public URLs, made by the public side).
RESIDENT_LINK = "/cursus/{token}/"
SOURCES = {"resident", "staff"}


class CourseError(FieldError):
    """Bad input, with a Dutch message and (when known) the form field it belongs to."""


@dataclass
class PersonData:
    name: str
    phone: str = ""
    email: str = ""
    consent_text: str = ""
    consent_recorded_by: object = None  # a User at the desk; None when the resident signs up


# ---------------------------------------------------------------------------------------------
# Validation and small helpers


def normalise_phone(value: str) -> str:
    """A Dutch phone number someone can call back, as digits starting with 0 ("0612345678");
    raises CourseError (the check is core/person.py's)."""
    try:
        return person_details.clean_phone(value)
    except ValidationError as error:
        raise CourseError(error.messages[0], "phone") from None


def validate_person(person: PersonData, *, contact_required: bool) -> PersonData:
    consent = (person.consent_text or "").strip()
    if not consent:
        raise CourseError(_("Zonder toestemming kunnen we de gegevens niet bewaren."), "consent")
    try:
        name = person_details.clean_name(person.name, max_length=NAME_MAX_LENGTH)
    except ValidationError as error:
        raise CourseError(error.messages[0], "name") from None
    phone = normalise_phone(person.phone)
    try:
        email = person_details.clean_email(person.email)
    except ValidationError as error:
        raise CourseError(error.messages[0], "email") from None
    if contact_required and not (phone or email):
        raise CourseError(_("Vul een telefoonnummer of een e-mailadres in."), "phone")
    return PersonData(
        name=name,
        phone=phone,
        email=email,
        consent_text=consent[:CONSENT_MAX_LENGTH],
        consent_recorded_by=person.consent_recorded_by,
    )


def enrolment_ref(enrolment) -> str:
    """The notifications reference of an enrolment (outbox messages, notifications)."""
    return f"course-enrolment:{enrolment.pk}"


def resident_link(token: str) -> str:
    return settings.SITE_URL + RESIDENT_LINK.format(token=token)


def _new_reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(24)
    return token, selectors.token_hash(token)


def check_editor(user, organisation_id) -> None:
    """Creating and changing runs: specialists, team leaders, partner staff of the organisation."""
    if not scoping.can_edit(user, organisation_id):
        raise PermissionDenied


def check_member(user, run) -> None:
    """Enrolling at the desk and registering attendance: anyone working for the organisation,
    and a teacher or volunteer of the run with an account."""
    if user is None:
        return
    if run.organisation_id in scoping.own_organisation_ids(user):
        return
    if getattr(user, "is_authenticated", False) and run.helpers.filter(user=user).exists():
        return
    raise PermissionDenied


def _lock(run) -> Run:
    return Run.objects.select_for_update().get(pk=run.pk)


def _today(now=None) -> datetime.date:
    return timezone.localdate(now) if now else timezone.localdate()


def _email_context(enrolment, **extra) -> dict:
    run = enrolment.run
    return {
        "enrolment": enrolment,
        "run": run,
        "offer": run.offer,
        "location": run.location,
        "sessions": selectors.shown_sessions(run),
        "organisation": run.organisation,
        "site_url": settings.SITE_URL,
        **extra,
    }


def _mail(enrolment, template: str, subject, **extra) -> None:
    """Queue an e-mail to the participant, in the language they signed up in (Dutch when staff
    enrolled them), whoever or whatever sends it. `subject`: a lazy text with %(offer)s."""
    person = enrolment.person
    if person is None or not person.email:
        return
    with translation.override(enrolment.language or settings.LANGUAGE_CODE):
        subject = str(subject) % {"offer": enrolment.run.offer.title}
        body = render_to_string(f"courses/email/{template}.txt", _email_context(enrolment, **extra))
    notifications.queue_email(person.email, subject, body, reference=enrolment_ref(enrolment))


def _staff_of(run):
    ids = Membership.objects.filter(
        organisation_id=run.organisation_id, role__in=MEMBER_ROLES
    ).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def _set_status(enrolment, status, **fields) -> None:
    enrolment.status = status
    enrolment.status_changed_at = timezone.now()
    for name, value in fields.items():
        setattr(enrolment, name, value)
    enrolment.save(update_fields=["status", "status_changed_at", *fields])


# ---------------------------------------------------------------------------------------------
# Runs and sessions


def _clean_run_fields(
    *, offer, location, kind, capacity, intake_required, walk_in, sign_up_opens, sign_up_closes
):
    if kind not in RunKind.values:
        raise CourseError(_("Kies een soort uitvoering."), "kind")
    if location is None or location.organisation_id != offer.organisation_id:
        raise CourseError(_("Kies een locatie van de eigen organisatie."), "location")
    if capacity is not None:
        try:
            capacity = int(capacity)
        except (TypeError, ValueError):
            raise CourseError(_("Vul een aantal plaatsen in als getal."), "capacity") from None
        if capacity < 1:
            raise CourseError(
                _("Het aantal plaatsen moet minstens 1 zijn. Laat het leeg als er geen grens is."),
                "capacity",
            )
        if capacity > MAX_CAPACITY:
            raise CourseError(
                _("Het aantal plaatsen is te groot (hoogstens %(max)s).") % {"max": MAX_CAPACITY},
                "capacity",
            )
    if walk_in and intake_required:
        raise CourseError(
            _("Bij vrije inloop is er geen aanmelding en dus ook geen intake."), "intake_required"
        )
    if sign_up_opens and sign_up_closes and sign_up_closes < sign_up_opens:
        raise CourseError(
            _("De aanmelding kan niet sluiten voordat hij opengaat."), "sign_up_closes"
        )
    return capacity


@transaction.atomic
def create_run(
    *,
    offer,
    location,
    kind,
    user,
    name="",
    capacity=None,
    intake_required=False,
    walk_in=False,
    sign_up_opens=None,
    sign_up_closes=None,
    notes="",
) -> Run:
    check_editor(user, offer.organisation_id)
    capacity = _clean_run_fields(
        offer=offer,
        location=location,
        kind=kind,
        capacity=capacity,
        intake_required=intake_required,
        walk_in=walk_in,
        sign_up_opens=sign_up_opens,
        sign_up_closes=sign_up_closes,
    )
    return Run.objects.create(
        offer=offer,
        organisation=offer.organisation,
        location=location,
        kind=kind,
        name=(name or "").strip()[:200],
        capacity=capacity,
        intake_required=bool(intake_required),
        walk_in=bool(walk_in),
        sign_up_opens=sign_up_opens,
        sign_up_closes=sign_up_closes,
        notes=notes or "",
    )


RUN_FIELDS = (
    "name",
    "location",
    "kind",
    "capacity",
    "intake_required",
    "walk_in",
    "sign_up_opens",
    "sign_up_closes",
    "notes",
)


@transaction.atomic
def update_run(run, *, user, **changes) -> Run:
    """Change a run's details. A smaller capacity may not push out people who have a place; a
    larger one offers the new places to the waiting list."""
    unknown = set(changes) - set(RUN_FIELDS)
    if unknown:
        raise TypeError(f"unknown run fields: {sorted(unknown)}")
    locked = _lock(run)
    check_editor(user, locked.organisation_id)
    if locked.status == RunStatus.CANCELLED:
        raise CourseError(_("Deze uitvoering is geannuleerd en kan niet meer veranderen."))
    values = {name: changes.get(name, getattr(locked, name)) for name in RUN_FIELDS}
    values["capacity"] = _clean_run_fields(
        offer=locked.offer,
        location=values["location"],
        kind=values["kind"],
        capacity=values["capacity"],
        intake_required=values["intake_required"],
        walk_in=values["walk_in"],
        sign_up_opens=values["sign_up_opens"],
        sign_up_closes=values["sign_up_closes"],
    )
    taken = selectors.places_taken(locked)
    if values["capacity"] is not None and values["capacity"] < taken:
        raise CourseError(
            _("Er hebben al %(taken)s mensen een plaats. Kies minstens %(taken)s plaatsen.")
            % {"taken": taken},
            "capacity",
        )
    if values["walk_in"] and not locked.walk_in and locked.enrolments.exists():
        raise CourseError(
            _("Er zijn al inschrijvingen: deze uitvoering kan geen vrije inloop worden."),
            "walk_in",
        )
    values["name"] = (values["name"] or "").strip()[:200]
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save()
    if locked.status == RunStatus.PUBLISHED:
        _fill_places(locked)
    if run is not locked:
        run.refresh_from_db()
    return locked


@transaction.atomic
def publish_run(run, *, user) -> Run:
    locked = _lock(run)
    check_editor(user, locked.organisation_id)
    if locked.status == RunStatus.CANCELLED:
        raise CourseError(_("Een geannuleerde uitvoering kan niet meer gepubliceerd worden."))
    if not selectors.upcoming_sessions(locked).exists():
        raise CourseError(_("Voeg eerst minstens één bijeenkomst in de toekomst toe."))
    problems = run_problems(locked)
    if problems:
        raise CourseError(" ".join(problems))
    locked.status = RunStatus.PUBLISHED
    locked.save(update_fields=["status", "updated_at"])
    run.status = locked.status
    return locked


def run_problems(run) -> list[str]:
    """What contradicts in a run before it is published, in Dutch: sign-up for an offer that is
    walk-in, and sessions ahead on a closed day, out of season or outside the opening hours."""
    problems = []
    if run.offer.sign_up == SignUp.WALK_IN and not run.walk_in:
        problems.append(
            _(
                "Het aanbod is vrije inloop, maar voor deze uitvoering moet je je aanmelden. "
                "Maak de uitvoering vrije inloop, of pas bij het aanbod aan hoe je meedoet."
            )
        )
    calendar = _calendar(run)
    for session in selectors.upcoming_sessions(run):
        problem = session_problem(
            calendar,
            run.offer,
            date=session.date,
            start_time=session.start_time,
            end_time=session.end_time,
            outside_opening_hours=session.outside_opening_hours,
        )
        if problem:
            problems.append(
                _("Bijeenkomst %(date)s: %(problem)s")
                % {"date": formats.date_format(session.date, "j F Y"), "problem": problem[1]}
            )
    return problems


def has_upcoming_sessions(offer) -> bool:
    """For the catalogue (OFFER_TIME_SOURCES): a published run of the offer with a session
    ahead."""
    return Session.objects.filter(
        run__offer=offer, run__status=RunStatus.PUBLISHED, cancelled=False, date__gte=_today()
    ).exists()


@transaction.atomic
def cancel_run(run, *, user) -> Run:
    """Cancel the whole run; everyone with a place or on the waiting list gets an e-mail (staff
    phone the others: the run page lists them)."""
    locked = _lock(run)
    check_editor(user, locked.organisation_id)
    if locked.status == RunStatus.CANCELLED:
        raise CourseError(_("Deze uitvoering is al geannuleerd."))
    locked.status = RunStatus.CANCELLED
    locked.save(update_fields=["status", "updated_at"])
    for enrolment in locked.enrolments.filter(status__in=selectors.ACTIVE_STATUSES).select_related(
        "person", "run__offer", "run__location", "run__organisation"
    ):
        _mail(
            enrolment,
            "run_cancelled",
            gettext_lazy("%(offer)s gaat niet door"),
        )
    run.status = locked.status
    return locked


def _check_session_times(date, start_time, end_time) -> None:
    if date is None:
        raise CourseError(_("Vul een datum in."), "date")
    if date < _today():
        raise CourseError(_("Deze datum is al voorbij. Kies vandaag of een latere dag."), "date")
    if start_time is None:
        raise CourseError(_("Vul een begintijd in."), "start_time")
    if end_time is None:
        raise CourseError(_("Vul een eindtijd in."), "end_time")
    if end_time <= start_time:
        raise CourseError(_("De eindtijd moet na de begintijd liggen."), "end_time")


def _calendar(run) -> LocationCalendar:
    location = Location.objects.prefetch_related("opening_hours", "closures", "special_hours").get(
        pk=run.location_id
    )
    return LocationCalendar.of(location)


def session_problem(
    calendar, offer, *, date, start_time, end_time, outside_opening_hours=False
) -> tuple[str, str] | None:
    """(form field, Dutch message) when a session contradicts the location's calendar or the
    offer's season: on a closed day, out of season, or outside the opening hours without
    `outside_opening_hours`; else None."""
    if not offer.in_season(date):
        return "date", _(
            "Deze datum valt buiten het seizoen van het aanbod (%(start)s tot en met %(end)s)."
        ) % {
            "start": offer.get_season_start_month_display(),
            "end": offer.get_season_end_month_display(),
        }
    found = check_slot(calendar, start=start_time, end=end_time, date=date)
    if found is None:
        return None
    kind, message = found
    if kind == SlotProblem.OUTSIDE_HOURS:
        return None if outside_opening_hours else ("start_time", message)
    return "date", message


@transaction.atomic
def add_session(
    run, *, date, start_time, end_time, room="", outside_opening_hours=False, user
) -> Session:
    """One session. Refused on a day the location is closed (holiday, closed period) and out of
    the offer's season; outside the opening hours only with `outside_opening_hours`."""
    locked = _lock(run)
    check_editor(user, locked.organisation_id)
    if locked.status == RunStatus.CANCELLED:
        raise CourseError(_("Deze uitvoering is geannuleerd."))
    _check_session_times(date, start_time, end_time)
    if locked.sessions.filter(date=date, start_time=start_time, cancelled=False).exists():
        raise CourseError(_("Op deze dag en tijd is er al een bijeenkomst."), "date")
    problem = session_problem(
        _calendar(locked),
        locked.offer,
        date=date,
        start_time=start_time,
        end_time=end_time,
        outside_opening_hours=outside_opening_hours,
    )
    if problem:
        raise CourseError(problem[1], problem[0])
    return Session.objects.create(
        run=locked,
        date=date,
        start_time=start_time,
        end_time=end_time,
        room=(room or "").strip()[:100],
        outside_opening_hours=bool(outside_opening_hours),
    )


class SessionSeries(list):
    """The sessions add_weekly_sessions made, with `closed_days`: the (date, reason) it left out
    because the location is closed then."""

    def __init__(self, sessions=(), closed_days=()):
        super().__init__(sessions)
        self.closed_days = list(closed_days)


@transaction.atomic
def add_weekly_sessions(
    run,
    *,
    first_date,
    count,
    start_time,
    end_time,
    room="",
    weekday: int | None = None,
    interval_weeks: int = 1,
    outside_opening_hours: bool = False,
    user,
) -> SessionSeries:
    """A series of sessions every week (or every `interval_weeks` weeks), from `first_date`
    (moved forward to `weekday`, 0 = Monday, when given). Dates that already have a session at
    that time are skipped, and so are days the location is closed (returned as `closed_days`);
    a time outside the opening hours, or a date out of the offer's season, refuses the series
    (the first such date is named)."""
    locked = _lock(run)
    check_editor(user, locked.organisation_id)
    if locked.status == RunStatus.CANCELLED:
        raise CourseError(_("Deze uitvoering is geannuleerd."))
    try:
        count = int(count)
    except (TypeError, ValueError):
        raise CourseError(_("Vul het aantal bijeenkomsten in als getal."), "count") from None
    if not 1 <= count <= MAX_WEEKLY_SESSIONS:
        raise CourseError(
            _("Kies tussen 1 en %(max)s bijeenkomsten.") % {"max": MAX_WEEKLY_SESSIONS}, "count"
        )
    if interval_weeks not in (1, 2, 3, 4):
        raise CourseError(_("Kies elke week, elke 2, 3 of 4 weken."), "interval_weeks")
    if first_date is not None and weekday is not None:
        first_date += datetime.timedelta(days=(int(weekday) - first_date.weekday()) % 7)
    _check_session_times(first_date, start_time, end_time)
    existing = set(
        locked.sessions.filter(start_time=start_time, cancelled=False).values_list(
            "date", flat=True
        )
    )
    calendar = _calendar(locked)
    days, closed = [], []
    for i in range(count):
        day = first_date + datetime.timedelta(weeks=i * interval_weeks)
        if day in existing:
            continue
        reason = calendar.closed_reason(day)
        if reason is not None:
            closed.append((day, reason))
            continue
        problem = session_problem(
            calendar,
            locked.offer,
            date=day,
            start_time=start_time,
            end_time=end_time,
            outside_opening_hours=outside_opening_hours,
        )
        if problem:
            raise CourseError(problem[1], "first_date" if problem[0] == "date" else problem[0])
        days.append(day)
    created = [
        Session.objects.create(
            run=locked,
            date=day,
            start_time=start_time,
            end_time=end_time,
            room=(room or "").strip()[:100],
            outside_opening_hours=bool(outside_opening_hours),
        )
        for day in days
    ]
    return SessionSeries(created, closed)


@transaction.atomic
def cancel_session(session, *, user) -> Session:
    check_editor(user, session.run.organisation_id)
    if session.date < _today():
        raise CourseError(_("Deze bijeenkomst is al voorbij."))
    session.cancelled = True
    session.save(update_fields=["cancelled"])
    return session


@transaction.atomic
def set_helpers(run, helpers, *, user) -> list[RunHelper]:
    """Replace the run's teachers and volunteers. `helpers`: dicts (or objects) with name, role
    and optionally user."""
    check_editor(user, run.organisation_id)
    cleaned = []
    for helper in helpers:
        get = (
            helper.get if isinstance(helper, dict) else lambda k, d=None, h=helper: getattr(h, k, d)
        )
        name = (get("name", "") or "").strip()
        role = get("role", "")
        if not name:
            continue
        if len(name) > 100:
            raise CourseError(_("Deze naam is te lang: gebruik hoogstens 100 tekens."), "helpers")
        if role not in RunHelper.Role.values:
            raise CourseError(_("Kies of iemand docent of vrijwilliger is."), "helpers")
        cleaned.append(RunHelper(run=run, name=name, role=role, user=get("user", None)))
    RunHelper.objects.filter(run=run).delete()
    return RunHelper.objects.bulk_create(cleaned)


# ---------------------------------------------------------------------------------------------
# Enrolment


def _existing_person_key(run, person: PersonData):
    """The same address at the same organisation is the same person (for "unique people")."""
    q = Q()
    if person.email:
        q |= Q(person__email__iexact=person.email)
    if person.phone:
        q |= Q(person__phone=person.phone)
    if not q:
        return None
    earlier = (
        Enrolment.objects.filter(run__organisation_id=run.organisation_id)
        .filter(q)
        .order_by("created_at")
        .first()
    )
    return earlier.person_key if earlier else None


@transaction.atomic
def enrol(
    run, person: PersonData, *, source, user=None, language: str = ""
) -> tuple[Enrolment, str]:
    """Sign someone up. Returns the enrolment and the raw token of the resident's link (only its
    hash is stored). Status: intake (when required) or enrolled while places are left, else
    waiting. `language`: the language of the resident's page, which every later e-mail to them
    is written in (the default, Dutch, when empty or unknown)."""
    if source not in SOURCES:
        raise ValueError(source)
    if source == "staff":
        if user is None:
            raise PermissionDenied
        check_member(user, run)
    cleaned = validate_person(person, contact_required=source == "resident")
    locked = _lock(run)
    if locked.status == RunStatus.CANCELLED:
        raise CourseError(_("Deze cursus gaat niet door. Aanmelden kan niet meer."))
    if locked.status != RunStatus.PUBLISHED:
        raise CourseError(_("Aanmelden voor deze cursus kan nog niet."))
    if locked.walk_in:
        raise CourseError(_("Hiervoor hoef je je niet aan te melden: je kunt gewoon binnenlopen."))
    today = _today()
    if locked.sign_up_opens and today < locked.sign_up_opens:
        raise CourseError(
            _("Aanmelden kan vanaf %(date)s.") % {"date": date_text(locked.sign_up_opens)}
        )
    if not selectors.sign_up_open(locked, today):
        raise CourseError(_("Aanmelden voor deze cursus is gesloten."))
    duplicate = Q()
    if cleaned.email:
        duplicate |= Q(person__email__iexact=cleaned.email)
    if cleaned.phone:
        duplicate |= Q(person__phone=cleaned.phone)
    if not duplicate and source == "staff":
        duplicate = Q(person__name__iexact=cleaned.name, person__phone="", person__email="")
    if (
        duplicate
        and locked.enrolments.filter(status__in=selectors.ACTIVE_STATUSES)
        .filter(duplicate)
        .exists()
    ):
        field = "email" if cleaned.email else ("phone" if cleaned.phone else "name")
        raise CourseError(_("Deze persoon is al aangemeld voor deze cursus."), field)

    taken = selectors.places_taken(locked)
    if locked.capacity is not None and taken >= locked.capacity:
        status = EnrolmentStatus.WAITING
    elif locked.intake_required:
        status = EnrolmentStatus.INTAKE
    else:
        status = EnrolmentStatus.ENROLLED
    person_row = Person.objects.create(
        organisation_id=locked.organisation_id,
        name=cleaned.name,
        phone=cleaned.phone,
        email=cleaned.email,
        consent_text=cleaned.consent_text,
        consent_recorded_by=cleaned.consent_recorded_by
        if getattr(cleaned.consent_recorded_by, "is_authenticated", False)
        else None,
        consent_recorded_at=timezone.now(),
    )
    token, hashed = _new_token()
    key = _existing_person_key(locked, cleaned)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(
                    run=locked,
                    person=person_row,
                    status=status,
                    source=source,
                    reference=_new_reference(),
                    token_hash=hashed,
                    language=resident_language(language or settings.LANGUAGE_CODE),
                    created_by=user if getattr(user, "is_authenticated", False) else None,
                    **({"person_key": key} if key else {}),
                )
            break
        except IntegrityError:  # reference collision: try another code
            continue
    else:  # pragma: no cover - 30^8 codes
        raise CourseError(_("Er ging iets mis. Probeer het nog een keer."))
    _mail(
        enrolment,
        "confirmation",
        gettext_lazy("Aanmelding %(offer)s"),
        link=resident_link(token),
        position=waiting_position(enrolment),
    )
    return enrolment, token


def waiting_position(enrolment) -> int | None:
    if enrolment.status != EnrolmentStatus.WAITING:
        return None
    ahead = Q(created_at__lt=enrolment.created_at) | Q(
        created_at=enrolment.created_at, id__lt=enrolment.id
    )
    waiting = Enrolment.objects.filter(run_id=enrolment.run_id, status=EnrolmentStatus.WAITING)
    return waiting.filter(ahead).count() + 1


def _fill_places(run, now=None) -> list[Enrolment]:
    """Offer free places to the waiting list, first come first served. The caller holds the
    run's lock."""
    now = now or timezone.now()
    offered = []
    if run.status != RunStatus.PUBLISHED or run.walk_in:
        return offered
    while run.capacity is None or selectors.places_taken(run) < run.capacity:
        nxt = (
            Enrolment.objects.filter(run=run, status=EnrolmentStatus.WAITING)
            .select_related("person", "run__offer", "run__location", "run__organisation")
            .order_by("created_at", "id")
            .first()
        )
        if nxt is None:
            break
        expires = now + datetime.timedelta(hours=settings.COURSE_OFFER_HOURS)
        has_email = nxt.person is not None and bool(nxt.person.email)
        if has_email:
            # A fresh link for the e-mail; the old one stops working (only hashes are stored).
            token, hashed = _new_token()
            _set_status(nxt, EnrolmentStatus.OFFERED, offer_expires_at=expires, token_hash=hashed)
            _mail(
                nxt,
                "place_offered",
                gettext_lazy("Er is een plaats vrij: %(offer)s"),
                link=resident_link(token),
                expires=expires,
            )
        else:
            _set_status(nxt, EnrolmentStatus.OFFERED, offer_expires_at=expires)
            notifications.notify(
                _staff_of(run),
                _("Bel %(name)s: er is een plaats vrij bij %(offer)s (code %(code)s).")
                % {
                    "name": nxt.person.name if nxt.person else nxt.reference,
                    "offer": run.offer.title,
                    "code": nxt.reference,
                },
                url=reverse("courses:staff-run-detail", kwargs={"pk": run.pk}),
                reference=enrolment_ref(nxt),
            )
        offered.append(nxt)
    return offered


def _locked_enrolment(enrolment) -> tuple[Run, Enrolment]:
    run = _lock(enrolment.run)
    locked = Enrolment.objects.select_related("person").get(pk=enrolment.pk)
    locked.run = run
    return run, locked


def _sync(original, locked) -> Enrolment:
    if original is not locked:
        original.refresh_from_db()
    return locked


@transaction.atomic
def cancel_enrolment(enrolment, *, user=None) -> Enrolment:
    """Sign off (by the resident through the link, or by staff). A freed place goes to the
    first on the waiting list."""
    run, locked = _locked_enrolment(enrolment)
    if user is not None:
        check_member(user, run)
    if locked.status in (EnrolmentStatus.CANCELLED, EnrolmentStatus.DECLINED):
        raise CourseError(_("Deze aanmelding is al afgemeld."))
    held = locked.status in HOLDS_PLACE
    _set_status(locked, EnrolmentStatus.CANCELLED, offer_expires_at=None)
    if held:
        _fill_places(run)
    return _sync(enrolment, locked)


@transaction.atomic
def accept_offer(enrolment, *, now=None) -> Enrolment:
    now = now or timezone.now()
    run, locked = _locked_enrolment(enrolment)
    if locked.status != EnrolmentStatus.OFFERED:
        raise CourseError(_("Er staat geen plaats voor je klaar."))
    if locked.offer_expires_at and locked.offer_expires_at < now:
        raise CourseError(_("De tijd om de plaats aan te nemen is voorbij."))
    status = EnrolmentStatus.INTAKE if run.intake_required else EnrolmentStatus.ENROLLED
    _set_status(locked, status, offer_expires_at=None)
    _mail(locked, "accepted", gettext_lazy("Je hebt een plaats: %(offer)s"))
    return _sync(enrolment, locked)


@transaction.atomic
def decline_offer(enrolment) -> Enrolment:
    run, locked = _locked_enrolment(enrolment)
    if locked.status != EnrolmentStatus.OFFERED:
        raise CourseError(_("Er staat geen plaats voor je klaar."))
    _set_status(locked, EnrolmentStatus.CANCELLED, offer_expires_at=None)
    _fill_places(run)
    return _sync(enrolment, locked)


@transaction.atomic
def expire_offers(now=None) -> int:
    """Offers not accepted in time pass to the next on the waiting list."""
    now = now or timezone.now()
    run_ids = set(
        Enrolment.objects.filter(
            status=EnrolmentStatus.OFFERED, offer_expires_at__lt=now
        ).values_list("run_id", flat=True)
    )
    count = 0
    for run in Run.objects.select_for_update().filter(pk__in=run_ids).order_by("pk"):
        for enrolment in Enrolment.objects.filter(
            run=run, status=EnrolmentStatus.OFFERED, offer_expires_at__lt=now
        ):
            _set_status(enrolment, EnrolmentStatus.CANCELLED, offer_expires_at=None)
            count += 1
        _fill_places(run, now)
    return count


@transaction.atomic
def complete_intake(enrolment, *, accepted: bool, user) -> Enrolment:
    run, locked = _locked_enrolment(enrolment)
    check_member(user, run)
    if locked.status != EnrolmentStatus.INTAKE:
        raise CourseError(_("Deze persoon wacht niet op een intake."))
    if accepted:
        _set_status(locked, EnrolmentStatus.ENROLLED)
        _mail(locked, "accepted", gettext_lazy("Je hebt een plaats: %(offer)s"))
    else:
        _set_status(locked, EnrolmentStatus.DECLINED)
        _mail(
            locked,
            "intake_declined",
            gettext_lazy("Over je aanmelding: %(offer)s"),
        )
        _fill_places(run)
    return _sync(enrolment, locked)


@transaction.atomic
def erase_person(enrolment, *, user) -> Enrolment:
    """Erase one participant's personal data now (AVG request); the anonymous enrolment stays."""
    check_member(user, enrolment.run)
    _erase(enrolment)
    enrolment.refresh_from_db()
    return enrolment


# ---------------------------------------------------------------------------------------------
# Attendance


def _check_register(session, user) -> None:
    check_member(user, session.run)
    if session.cancelled:
        raise CourseError(_("Deze bijeenkomst gaat niet door."))
    reason = selectors.session_closed_reason(session)
    if reason is not None:
        raise CourseError(
            _(
                "Deze bijeenkomst vervalt: %(place)s is dan gesloten (%(reason)s). Je hoeft "
                "geen aanwezigheid in te vullen."
            )
            % {"place": session.run.location.name, "reason": reason}
        )
    if session.date > _today():
        raise CourseError(_("Aanwezigheid vul je in op de dag zelf of later."))


@transaction.atomic
def record_attendance(session, marks: dict, *, user) -> int:
    """Store the marks {enrolment id: present/absent/excused} of one session. Only enrolled
    participants can be marked; a missing mark is left as it was. Returns the number stored."""
    _check_register(session, user)
    enrolled = {
        str(pk): pk
        for pk in Enrolment.objects.filter(
            run_id=session.run_id, status=EnrolmentStatus.ENROLLED
        ).values_list("pk", flat=True)
    }
    cleaned = {}
    for key, status in marks.items():
        if str(key) not in enrolled:
            raise CourseError(_("Deze deelnemer hoort niet bij deze cursus."))
        if not status:
            continue
        if status not in AttendanceStatus.values:
            raise CourseError(_("Kies aanwezig, afwezig of afgemeld."))
        cleaned[enrolled[str(key)]] = status
    actor = user if getattr(user, "is_authenticated", False) else None
    for enrolment_id, status in cleaned.items():
        Attendance.objects.update_or_create(
            session=session,
            enrolment_id=enrolment_id,
            defaults={"status": status, "recorded_by": actor},
        )
    return len(cleaned)


@transaction.atomic
def record_head_count(session, count, *, user) -> HeadCount:
    _check_register(session, user)
    if not session.run.walk_in:
        raise CourseError(_("Tellen kan alleen bij vrije inloop. Vul de presentielijst in."))
    try:
        count = int(count)
    except (TypeError, ValueError):
        raise CourseError(_("Vul het aantal bezoekers in als getal."), "count") from None
    if not 0 <= count <= MAX_HEAD_COUNT:
        raise CourseError(
            _("Vul een aantal tussen 0 en %(max)s in.") % {"max": MAX_HEAD_COUNT}, "count"
        )
    head_count, _created = HeadCount.objects.update_or_create(
        session=session,
        defaults={
            "count": count,
            "recorded_by": user if getattr(user, "is_authenticated", False) else None,
        },
    )
    return head_count


# ---------------------------------------------------------------------------------------------
# Scheduled work


def send_reminders(now=None) -> int:
    """E-mail participants with an address about tomorrow's session (once per session).
    Returns the number of e-mails queued."""
    now = now or timezone.now()
    tomorrow = _today(now) + datetime.timedelta(days=1)
    queued = 0
    sessions = Session.objects.filter(
        date=tomorrow,
        cancelled=False,
        reminder_sent_at__isnull=True,
        run__status=RunStatus.PUBLISHED,
        run__walk_in=False,
    ).select_related("run", "run__offer", "run__location", "run__organisation")
    for session in selectors.happening(selectors.mark_closed(sessions)):
        with transaction.atomic():
            locked = Session.objects.select_for_update().get(pk=session.pk)
            if locked.reminder_sent_at is not None:
                continue
            for enrolment in Enrolment.objects.filter(
                run_id=session.run_id, status=EnrolmentStatus.ENROLLED, person__isnull=False
            ).select_related("person", "run__offer", "run__location", "run__organisation"):
                if not enrolment.person.email:
                    continue
                _mail(
                    enrolment,
                    "reminder",
                    gettext_lazy("Morgen: %(offer)s"),
                    session=session,
                )
                queued += 1
            locked.reminder_sent_at = now
            locked.save(update_fields=["reminder_sent_at"])
    return queued


def _erase(enrolment) -> None:
    notifications.erase_reference(enrolment_ref(enrolment))
    if enrolment.person_id:
        Person.objects.filter(pk=enrolment.person_id).delete()
    Enrolment.objects.filter(pk=enrolment.pk).update(token_hash="", person=None)


@transaction.atomic
def erase_expired_personal_data(now=None) -> int:
    """The retention task (daily): erase participants' personal data COURSE_RETENTION_DAYS
    after the run's last session (or, without sessions, after the run was last changed). The
    anonymous enrolments, attendance and person_key stay for the figures. Returns the number
    of people erased."""
    now = now or timezone.now()
    cutoff = _today(now) - datetime.timedelta(days=settings.COURSE_RETENTION_DAYS)
    runs = Run.objects.annotate(last=Max("sessions__date")).filter(
        Q(last__lt=cutoff)
        | Q(
            last__isnull=True,
            updated_at__lt=now - datetime.timedelta(days=settings.COURSE_RETENTION_DAYS),
        )
    )
    count = 0
    for enrolment in Enrolment.objects.filter(run__in=runs, person__isnull=False):
        _erase(enrolment)
        count += 1
    return count
