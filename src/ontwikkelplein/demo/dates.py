"""Plausible days for demo activities: a course session, a meeting or a dated offer time never
falls on a Sunday, a Dutch public holiday (holidays.NL), in the Christmas break (24 December to
2 January, when libraries close early or not at all and nobody plans an evening meeting) or on a
weekday the location is closed (its opening hours)."""

import datetime
from functools import lru_cache

import holidays

CHRISTMAS_BREAK = ((12, 24), (1, 2))  # inclusive, across the new year
MAX_SHIFT_DAYS = 21


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset:
    return frozenset(holidays.NL(years=year))


def in_christmas_break(day: datetime.date) -> bool:
    (start_month, start_day), (end_month, end_day) = CHRISTMAS_BREAK
    md = (day.month, day.day)
    return md >= (start_month, start_day) or md <= (end_month, end_day)


def open_weekdays(location) -> set[int] | None:
    """Weekdays (0 = Monday) the location is open; None when it has no opening hours at all
    (then every weekday counts as open)."""
    if location is None:
        return None
    days = {hours.weekday for hours in location.opening_hours.all()}
    return days or None


def is_plausible(
    day: datetime.date, location=None, *, open_days: set[int] | None = None, workday=False
) -> bool:
    """`workday`: also not on a Saturday (staff meetings and training)."""
    if day.weekday() >= (5 if workday else 6):
        return False
    if day in _public_holidays(day.year) or in_christmas_break(day):
        return False
    days = open_days if open_days is not None else open_weekdays(location)
    return days is None or day.weekday() in days


def next_plausible(day: datetime.date, location=None, *, workday=False) -> datetime.date:
    """`day`, or the first plausible day after it."""
    open_days = open_weekdays(location)
    for shift in range(MAX_SHIFT_DAYS):
        candidate = day + datetime.timedelta(days=shift)
        if is_plausible(candidate, open_days=open_days, workday=workday):
            return candidate
    return day  # a location open on no day we allow: leave the day as it was


def plausible_dates(days, location=None) -> list[datetime.date]:
    """Each day moved to a plausible one, kept in order and distinct (a series stays a series)."""
    result: list[datetime.date] = []
    for day in days:
        if result and day <= result[-1]:
            day = result[-1] + datetime.timedelta(days=1)
        result.append(next_plausible(day, location))
    return result


def next_plausible_datetime(
    moment: datetime.datetime, location=None, *, workday=False
) -> datetime.datetime:
    day = next_plausible(moment.date(), location, workday=workday)
    return moment + datetime.timedelta(days=(day - moment.date()).days)


# Times that never contradict (organisations/calendar.py): a demo time lies inside its place's
# opening hours, or is marked "ook buiten openingstijden" the way staff would mark it.
EVENING = datetime.time(18, 0)


def fit_weekly(location, weekday: int, opens: datetime.time, closes: datetime.time):
    """(weekday, outside_opening_hours) for a weekly demo time at `location`: the given weekday
    when the place is open then, else the first other weekday (Monday to Saturday) it is; an
    evening time that fits no day stays (a volunteer-run evening class, marked as outside the
    opening hours), and so does a daytime one at a place open on no day at that time."""
    from ontwikkelplein.organisations.calendar import LocationCalendar

    calendar = LocationCalendar.of(location)
    if calendar.weekly_covers(weekday, opens, closes):
        return weekday, False
    if opens < EVENING:
        for shift in range(1, 7):
            other = (weekday + shift) % 7
            if other != 6 and calendar.weekly_covers(other, opens, closes):
                return other, False
    return weekday, True


def fit_dated(location, day: datetime.date, opens: datetime.time, closes: datetime.time):
    """(date, outside_opening_hours) for a dated demo time: a plausible day (next_plausible)
    on which the place is open at that time, looking up to three weeks ahead; else the plausible
    day, marked as outside the opening hours (it is not closed that day)."""
    from ontwikkelplein.organisations.calendar import LocationCalendar

    calendar = LocationCalendar.of(location)
    first = next_plausible(day, location)
    candidate = first
    for _attempt in range(MAX_SHIFT_DAYS):
        hours = calendar.day(candidate)
        if calendar.closed_reason(candidate) is None and (
            not hours.known or hours.covers(opens, closes)
        ):
            return candidate, False
        candidate = next_plausible(candidate + datetime.timedelta(days=1), location)
    return first, True
