"""Demo closed days and exceptional hours (organisations/calendar.py), so the public pages show
"Gesloten op ..." and the back office its calendar whenever the demo is loaded:

- every library closes all its branches and service points for a team training day
  ("studiedag") within the next two weeks, each library on another day;
- each library's main branch has a late evening ("open tot 21:00") on another day in those two
  weeks: exceptional hours that cover the usual ones, so no demo time falls outside them;
- the other branches and service points close for two summer weeks (from the Monday of week 29,
  this summer or, when that has passed, the next one);
- Eemland's main branch closes for maintenance on the day of its next Digisterker run's second
  session: a closed day decided after the sessions were planned (demo/courses.py), which the
  public pages show as "Vervalt" at that session.

Loaded before the offers and courses, which then plan around these days (demo/dates.py,
demo/courses.py). Idempotent: each row has a fixed id (demo_uuid) and moves along with today;
closed days and hours staff added to demo locations are left alone.
"""

import datetime

from ontwikkelplein.demo import data
from ontwikkelplein.demo.courses import AFTER_PLANNING, load_maintenance_day
from ontwikkelplein.demo.dates import is_plausible, open_weekdays
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.organisations.models import ClosurePeriod, LocationKind, SpecialOpeningHours

LIBRARY_KINDS = {LocationKind.BRANCH, LocationKind.SERVICE_POINT}
STUDY_DAY = "studiedag van het team"
SUMMER = "zomersluiting"
LATE_CLOSING = datetime.time(21, 0)
SUMMER_WEEK = 29
SUMMER_WEEKS = 2


def _open_workday(start: datetime.date, locations) -> datetime.date:
    """The first weekday from `start` (not a holiday or in the Christmas break) on which all the
    locations are normally open."""
    days = [open_weekdays(location) for location in locations]
    day = start
    for _attempt in range(28):
        if all(is_plausible(day, open_days=d, workday=True) for d in days):
            return day
        day += datetime.timedelta(days=1)
    return start


def summer_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The coming summer closure: two weeks from the Monday of ISO week 29."""
    for year in (today.year, today.year + 1):
        start = datetime.date.fromisocalendar(year, SUMMER_WEEK, 1)
        end = start + datetime.timedelta(weeks=SUMMER_WEEKS, days=-1)
        if end >= today:
            return start, end
    raise AssertionError("unreachable")


def _closure(key: str, location, start, end, reason) -> None:
    ClosurePeriod.objects.update_or_create(
        pk=_closure_id(key),
        defaults={"location": location, "start_date": start, "end_date": end, "reason": reason},
    )


def _closure_id(key: str) -> int:
    # ClosurePeriod has an integer key: a stable number from the demo uuid, far above the ids
    # staff rows get.
    return 10**9 + demo_uuid("closure", key).int % 10**8


def load_calendars(locations: dict, today: datetime.date) -> int:
    """Write the demo closed days and exceptional hours; returns the number of rows."""
    rows = 0
    summer_start, summer_end = summer_period(today)
    for n, lib in enumerate(data.LIBRARIES):
        branches = [
            (key, location)
            for key, location in locations.items()
            if location.organisation_id == demo_uuid("organisation", lib["key"])
            and location.kind in LIBRARY_KINDS
        ]
        if not branches:
            continue
        study_day = _open_workday(
            today + datetime.timedelta(days=2 + n), [loc for _k, loc in branches]
        )
        for key, location in branches:
            _closure(f"{key}:studiedag", location, study_day, study_day, STUDY_DAY)
            rows += 1
            if key != lib["main"]:
                _closure(f"{key}:zomer", location, summer_start, summer_end, SUMMER)
                rows += 1
        main = locations.get(lib["main"])
        if main is None:
            continue
        if lib["key"] == AFTER_PLANNING:
            load_maintenance_day(today, main)
            rows += 1
        late = _open_workday(study_day + datetime.timedelta(days=2), [main])
        opens = min(
            (h.opens_at for h in main.opening_hours.all() if h.weekday == late.weekday()),
            default=datetime.time(10, 0),
        )
        special_id = demo_uuid("special-hours", f"{lib['main']}:lange-avond").int % 10**8
        SpecialOpeningHours.objects.update_or_create(
            pk=10**9 + special_id,
            defaults={
                "location": main,
                "date": late,
                "opens_at": opens,
                "closes_at": LATE_CLOSING,
            },
        )
        rows += 1
    return rows
