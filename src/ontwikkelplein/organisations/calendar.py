"""When a location is open: its weekly opening hours, its own closed days and periods, the
national holidays and the exceptional hours on given dates, in one place.

The rules, in order, for one date:

1. Exceptional hours on that date (SpecialOpeningHours) replace everything else: the location
   is open exactly then, also on a holiday or in a closed period.
2. A closed period of the location (ClosurePeriod) closes it, with the period's reason.
3. A national holiday closes it, with the holiday's name: the days `holidays.NL` lists
   (Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaartsdag, Pinksteren, Kerst, Bevrijdingsdag in
   lustrum years) except Goede Vrijdag, when libraries are normally open (a location that closes
   then adds it as its own closed day).
4. Otherwise the weekly opening hours of that weekday; no rows for that weekday: closed.

A location without any weekly opening hours (a community centre where a partner comes once a
week) has unknown hours: only closed days (2, 3) are known for it, and times there are never
"outside opening hours".

Every offer time and course session is checked with `check_slot` (catalogue and courses
services, at save and at publish) and the public pages show `DayHours` and `upcoming_closures`.

A closed day added after times were planned there does not move them: the public pages show the
occurrence as not taking place, and `planned_conflicts` tells the staff who save the location's
calendar what is planned on its closed days (the apps that plan register a source in
`CONFLICT_SOURCES`; organisations imports neither catalogue nor courses).
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.utils import formats
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

# holidays.NL names (English) of days that do not close a library.
OPEN_HOLIDAYS = frozenset({"Good Friday"})
# How far ahead the public pages announce closed days.
CLOSURE_NOTICE_DAYS = 42


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> dict[datetime.date, str]:
    english = holidays.NL(years=year, language="en_US")
    named = holidays.NL(years=year, language=language)
    return {
        day: named.get(day, name)
        for day, name in english.items()
        if not any(part.strip() in OPEN_HOLIDAYS for part in name.split(";"))
    }


# holidays.NL's Dutch names, translated here for the resident languages it has no names in
# (Arabic, Turkish, Polish; Ukrainian too, to read the same as the rest of the page). English
# comes from holidays.NL itself.
HOLIDAY_NAMES = (
    gettext_noop("Nieuwjaarsdag"),
    gettext_noop("Eerste paasdag"),
    gettext_noop("Tweede paasdag"),
    gettext_noop("Koningsdag"),
    gettext_noop("Koninginnedag"),
    gettext_noop("Bevrijdingsdag"),
    gettext_noop("Hemelvaartsdag"),
    gettext_noop("Eerste pinksterdag"),
    gettext_noop("Tweede pinksterdag"),
    gettext_noop("Eerste kerstdag"),
    gettext_noop("Tweede kerstdag"),
)


def national_holiday(day: datetime.date) -> str:
    """The name of the national holiday that closes locations on `day` in the active
    language, or ""."""
    code = (get_language() or "nl").split("-")[0]
    try:
        name = _holidays(day.year, "en_US" if code == "en" else "nl").get(day, "")
    except (ValueError, OverflowError):  # a year holidays cannot compute
        return ""
    if code in ("nl", "en") or not name:
        return name
    # Two holidays on one day come as "Bevrijdingsdag; Hemelvaartsdag".
    return "; ".join(_(part.strip()) for part in name.split(";"))


@dataclass(frozen=True)
class DayHours:
    date: datetime.date
    slots: tuple[tuple[datetime.time, datetime.time], ...] = ()
    closed_reason: str = ""  # a holiday's name or the location's reason; "" when open or unknown
    closed_day: bool = False  # closed the whole day by a holiday or a closed period
    exceptional: bool = False  # the hours come from SpecialOpeningHours
    known: bool = True  # False: the location has no opening hours at all

    @property
    def is_open(self) -> bool:
        return bool(self.slots)

    @property
    def closes_at(self) -> datetime.time | None:
        return max((end for _start, end in self.slots), default=None)

    def covers(self, start: datetime.time, end: datetime.time) -> bool:
        """Whether the time from `start` to `end` lies inside one of the day's slots."""
        return any(opens <= start and end <= closes for opens, closes in self.slots)


@dataclass(frozen=True)
class Closure:
    start: datetime.date
    end: datetime.date
    reason: str

    @property
    def single_day(self) -> bool:
        return self.start == self.end


@dataclass
class LocationCalendar:
    """The calendar of one location, built from its rows once (prefetch `opening_hours`,
    `closures` and `special_hours` to read several locations without extra queries)."""

    location: object
    weekly: dict[int, list[tuple[datetime.time, datetime.time]]] = field(default_factory=dict)
    closures: list = field(default_factory=list)
    special: dict[datetime.date, list[tuple[datetime.time, datetime.time]]] = field(
        default_factory=dict
    )

    @classmethod
    def of(cls, location) -> "LocationCalendar":
        weekly: dict[int, list] = {}
        for row in location.opening_hours.all():
            weekly.setdefault(row.weekday, []).append((row.opens_at, row.closes_at))
        special: dict[datetime.date, list] = {}
        for row in location.special_hours.all():
            special.setdefault(row.date, []).append((row.opens_at, row.closes_at))
        return cls(
            location=location,
            weekly={day: sorted(slots) for day, slots in weekly.items()},
            closures=sorted(location.closures.all(), key=lambda c: c.start_date),
            special={day: sorted(slots) for day, slots in special.items()},
        )

    @property
    def has_hours(self) -> bool:
        return bool(self.weekly)

    def closed_reason(self, day: datetime.date) -> str | None:
        """Why the location is closed all of `day` (a holiday or its own closed period), or None
        when it is not closed that way. Exceptional hours on the day open it."""
        if day in self.special:
            return None
        for closure in self.closures:
            if closure.start_date <= day <= closure.end_date:
                return closure.reason or _("gesloten")
        holiday = national_holiday(day)
        return holiday or None

    def day(self, day: datetime.date) -> DayHours:
        if day in self.special:
            return DayHours(date=day, slots=tuple(self.special[day]), exceptional=True)
        reason = self.closed_reason(day)
        if reason is not None:
            return DayHours(date=day, closed_reason=reason, closed_day=True, known=True)
        if not self.has_hours:
            return DayHours(date=day, known=False)
        return DayHours(date=day, slots=tuple(self.weekly.get(day.weekday(), ())))

    def weekly_covers(self, weekday: int, start: datetime.time, end: datetime.time) -> bool:
        """Whether a weekly time lies inside the regular hours of that weekday (always, for a
        location without opening hours)."""
        if not self.has_hours:
            return True
        return any(
            opens <= start and end <= closes for opens, closes in self.weekly.get(weekday, ())
        )

    def upcoming_closures(self, today: datetime.date, days: int = CLOSURE_NOTICE_DAYS):
        """Closed days from today for `days` days that the weekly hours would have had open
        (a holiday on a day the location is closed anyway is not news), merged into periods."""
        found: list[Closure] = []
        for offset in range(days):
            day = today + datetime.timedelta(days=offset)
            reason = self.closed_reason(day)
            if reason is None:
                continue
            if self.has_hours and day.weekday() not in self.weekly:
                continue
            if found and found[-1].reason == reason and _consecutive(found[-1].end, day, self):
                found[-1] = Closure(found[-1].start, day, reason)
            else:
                found.append(Closure(day, day, reason))
        return found

    def upcoming_special_hours(self, today: datetime.date, days: int = CLOSURE_NOTICE_DAYS):
        """Days after today, for `days` days, with exceptional hours (today's are in
        today_text), as DayHours by date."""
        last = today + datetime.timedelta(days=days)
        return [self.day(day) for day in sorted(self.special) if today < day < last]


def _consecutive(end: datetime.date, day: datetime.date, calendar: LocationCalendar) -> bool:
    """`day` follows `end` with only days between that the location is closed anyway."""
    between = end + datetime.timedelta(days=1)
    while between < day:
        if not calendar.has_hours or between.weekday() in calendar.weekly:
            return False
        between += datetime.timedelta(days=1)
    return True


@dataclass(frozen=True)
class PlannedConflict:
    """Something planned at a location on a day it is closed (or outside its exceptional hours
    that day): a course session, an offer's dated or weekly time."""

    date: datetime.date
    what: str  # "Computercursus (groep A), 14:00–16:00"
    reason: str  # the closed day's reason, or the exceptional hours
    url: str = ""  # where staff change it


# Functions (location, calendar, today) -> list[PlannedConflict]; registered by the apps that plan
# things at locations (catalogue: offer times, courses: sessions) in their AppConfig.ready.
CONFLICT_SOURCES: list = []


def planned_conflicts(location, today: datetime.date) -> list[PlannedConflict]:
    """What is planned at `location` from `today` on days it is closed, by date."""
    from ontwikkelplein.organisations.models import Location

    location = Location.objects.prefetch_related("opening_hours", "closures", "special_hours").get(
        pk=location.pk
    )
    calendar = LocationCalendar.of(location)
    found = []
    for source in CONFLICT_SOURCES:
        found.extend(source(location, calendar, today))
    return sorted(found, key=lambda c: (c.date, c.what))


def own_closed_days(calendar: LocationCalendar, today: datetime.date):
    """The days from `today` the location's own closed periods close it (not the holidays, which
    the weekly times have always skipped, and not days opened by exceptional hours)."""
    for closure in calendar.closures:
        day = max(closure.start_date, today)
        while day <= closure.end_date:
            if day not in calendar.special:
                yield day, closure.reason or _("gesloten")
            day += datetime.timedelta(days=1)


def special_hours_text(hours: DayHours) -> str:
    """ "afwijkende openingstijden: 9:00–15:00" for a day with exceptional hours."""
    return _("afwijkende openingstijden: %(hours)s") % {
        "hours": ", ".join(f"{_hhmm(opens)}–{_hhmm(closes)}" for opens, closes in hours.slots)
    }


class SlotProblem:
    CLOSED = "closed"
    OUTSIDE_HOURS = "outside_hours"


def check_slot(
    calendar: LocationCalendar,
    *,
    start: datetime.time,
    end: datetime.time,
    date: datetime.date | None = None,
    weekday: int | None = None,
) -> tuple[str, str] | None:
    """The problem with a time at the location, as (SlotProblem, Dutch message), or None.
    A dated time (`date`) on a closed day is CLOSED; a dated or weekly time outside the opening
    hours is OUTSIDE_HOURS (allowed when staff say so)."""
    name = calendar.location.name
    if date is not None:
        reason = calendar.closed_reason(date)
        if reason is not None:
            return SlotProblem.CLOSED, _(
                "%(name)s is gesloten op %(date)s (%(reason)s). Kies een andere dag."
            ) % {"name": name, "date": formats.date_format(date, "j F Y"), "reason": reason}
        hours = calendar.day(date)
        if hours.known and not hours.covers(start, end):
            return SlotProblem.OUTSIDE_HOURS, _outside_message(name, hours.slots, date=date)
        return None
    if weekday is not None and not calendar.weekly_covers(weekday, start, end):
        return SlotProblem.OUTSIDE_HOURS, _outside_message(
            name, tuple(calendar.weekly.get(weekday, ())), weekday=weekday
        )
    return None


def _outside_message(name, slots, *, date=None, weekday=None) -> str:
    from ontwikkelplein.organisations.models import Weekday

    when = formats.date_format(date, "l j F") if date else str(Weekday(weekday).label)
    if not slots:
        return _(
            "%(name)s is op %(when)s niet open. Kies een andere tijd, of vink "
            "'Ook buiten openingstijden' aan als het toch kan (bijvoorbeeld met vrijwilligers)."
        ) % {"name": name, "when": when}
    hours = ", ".join(f"{opens:%H:%M}–{closes:%H:%M}" for opens, closes in slots)
    return _(
        "Deze tijd valt buiten de openingstijden van %(name)s op %(when)s (%(hours)s). Kies een "
        "andere tijd, of vink 'Ook buiten openingstijden' aan als het toch kan (bijvoorbeeld "
        "met vrijwilligers)."
    ) % {"name": name, "when": when, "hours": hours}


def _hhmm(value: datetime.time) -> str:
    return f"{value.hour}:{value.minute:02d}"


def today_text(hours: DayHours, now: datetime.time) -> str:
    """What a resident reads about today: "Vandaag open tot 17:00" (open now or from the
    morning), "Vandaag open van 13:00 tot 17:00" (opens later), "Vandaag open 9:00–12:00 en
    13:00–17:00", "Vandaag gesloten (Eerste kerstdag)", "Vandaag gesloten"; "" when unknown."""
    if not hours.known:
        return ""
    if not hours.slots:
        if hours.closed_day and hours.closed_reason:
            return _("Vandaag gesloten (%(reason)s)") % {"reason": hours.closed_reason}
        return _("Vandaag gesloten")
    if len(hours.slots) == 1:
        opens, closes = hours.slots[0]
        if now >= closes:
            return _("Vandaag was het open tot %(closes)s") % {"closes": _hhmm(closes)}
        if now >= opens:
            return _("Vandaag open tot %(closes)s") % {"closes": _hhmm(closes)}
        return _("Vandaag open van %(opens)s tot %(closes)s") % {
            "opens": _hhmm(opens),
            "closes": _hhmm(closes),
        }
    parts = [f"{_hhmm(opens)}–{_hhmm(closes)}" for opens, closes in hours.slots]
    return _("Vandaag open %(hours)s") % {
        "hours": _(" en ").join([", ".join(parts[:-1]), parts[-1]])
    }


def special_day_text(hours: DayHours) -> str:
    """ "Maandag 14 december open van 13:00 tot 21:00" (exceptional hours), or with several
    slots "... open 9:00–12:00 en 13:00–15:00"."""
    day = formats.date_format(hours.date, "l j F")
    day = day[:1].upper() + day[1:]
    if len(hours.slots) == 1:
        opens, closes = hours.slots[0]
        return _("%(day)s open van %(opens)s tot %(closes)s") % {
            "day": day,
            "opens": _hhmm(opens),
            "closes": _hhmm(closes),
        }
    parts = [f"{_hhmm(opens)}–{_hhmm(closes)}" for opens, closes in hours.slots]
    return _("%(day)s open %(hours)s") % {
        "day": day,
        "hours": _(" en ").join([", ".join(parts[:-1]), parts[-1]]),
    }


def closure_text(closure: Closure) -> str:
    """ "Gesloten op 27 december (kerstvakantie)" or "Gesloten van 20 juli tot en met 9 augustus
    (zomersluiting)"."""
    if closure.single_day:
        return _("Gesloten op %(date)s (%(reason)s)") % {
            "date": formats.date_format(closure.start, "j F"),
            "reason": closure.reason,
        }
    return _("Gesloten van %(start)s tot en met %(end)s (%(reason)s)") % {
        "start": formats.date_format(closure.start, "j F"),
        "end": formats.date_format(closure.end, "j F"),
        "reason": closure.reason,
    }
