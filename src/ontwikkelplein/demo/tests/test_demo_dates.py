"""Demo data on plausible days: no course session, meeting, event or dated offer time on a Sunday,
a Dutch public holiday or in the Christmas break (so no meeting at 19:00 on 2 January), no staff
meeting on a Saturday, and no session or dated time on a day its location is closed."""

import datetime

import pytest
from django.utils import timezone

from ontwikkelplein.catalogue.models import Schedule, ScheduleKind
from ontwikkelplein.courses.models import Session
from ontwikkelplein.demo.dates import is_plausible, next_plausible, plausible_dates
from ontwikkelplein.demo.services import load_demo
from ontwikkelplein.learning.models import KnowledgeEvent, Meeting
from ontwikkelplein.organisations.tests.factories import LocationFactory, OpeningHoursFactory

# A "today" that puts the next course runs and the learning meetings across Christmas and
# the new year, where the old demo planned a meeting at 19:00 on 2 January.
CHRISTMAS_TODAY = datetime.date(2026, 12, 20)


def test_sundays_holidays_and_the_christmas_break_are_skipped():
    assert next_plausible(datetime.date(2026, 12, 6)) == datetime.date(2026, 12, 7)  # Sunday
    assert next_plausible(datetime.date(2027, 1, 2)) == datetime.date(2027, 1, 4)
    assert next_plausible(datetime.date(2026, 12, 24)) == datetime.date(2027, 1, 4)
    assert not is_plausible(datetime.date(2027, 4, 27))  # Koningsdag
    assert not is_plausible(datetime.date(2027, 5, 6))  # Hemelvaartsdag
    assert not is_plausible(datetime.date(2027, 1, 9), workday=True)  # a Saturday
    assert is_plausible(datetime.date(2027, 1, 9))


@pytest.mark.django_db
def test_a_location_closed_on_a_weekday_gets_no_sessions_that_day():
    place = LocationFactory()
    for weekday in (1, 3):  # open on Tuesday and Thursday only
        OpeningHoursFactory(location=place, weekday=weekday)
    mondays = [datetime.date(2027, 3, 1) + datetime.timedelta(weeks=w) for w in range(4)]
    moved = plausible_dates(mondays, place)
    assert all(day.weekday() == 1 for day in moved)
    assert moved == sorted(set(moved))


def _open_days(location) -> set[int]:
    return {hours.weekday for hours in location.opening_hours.all()}


@pytest.mark.django_db
def test_the_loaded_demo_data_is_on_plausible_days(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(today=CHRISTMAS_TODAY)

    sessions = Session.objects.select_related("run__location").prefetch_related(
        "run__location__opening_hours"
    )
    assert sessions.exists()
    for session in sessions:
        location = session.run.location
        assert is_plausible(session.date), (session.date, session.run)
        open_days = _open_days(location)
        assert not open_days or session.date.weekday() in open_days, (session.date, location)

    tz = timezone.get_current_timezone()
    moments = [m.starts_at for m in Meeting.objects.all()] + [
        e.starts_at for e in KnowledgeEvent.objects.all()
    ]
    assert moments
    for moment in moments:
        day = moment.astimezone(tz).date()
        assert is_plausible(day, workday=True), moment
    assert not any((m.astimezone(tz).month, m.astimezone(tz).day) == (1, 2) for m in moments)

    dated = Schedule.objects.filter(kind=ScheduleKind.DATED).select_related(
        "offer_location__location"
    )
    assert dated.exists()
    for schedule in dated:
        location = schedule.offer_location.location
        assert is_plausible(schedule.date), (schedule.date, location)
        open_days = _open_days(location)
        assert not open_days or schedule.date.weekday() in open_days, (schedule.date, location)
