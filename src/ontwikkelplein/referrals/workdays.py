"""Working days for the first-contact deadline.

A working day is Monday to Friday and not a Dutch public holiday as `holidays.NL` lists them:
Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Koningsdag (26 April when 27 April is a
Sunday), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag, and
Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, ...), the years it is a day off under
most collective agreements. Goede Vrijdag is included although not everyone is free that day:
one day more for first contact errs on the side of the person waiting, not of the deadline.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[date]:
    return frozenset(holidays.NL(years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def add_working_days(start: date, n: int) -> date:
    """The date `n` working days after `start` (`start` itself is not counted).
    With n == 0 it is `start`, or the next working day when `start` is not one."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    if n == 0:
        while not is_working_day(day):
            day += timedelta(days=1)
        return day
    while n:
        day += timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days after `a` up to and including `b`; 0 when `b` is not after `a`.
    So working_days_between(a, add_working_days(a, n)) == n."""
    if b <= a:
        return 0
    count = 0
    day = a
    while day < b:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
