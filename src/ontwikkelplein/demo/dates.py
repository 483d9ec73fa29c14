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
