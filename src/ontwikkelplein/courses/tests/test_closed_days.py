"""A closed day added after a run's sessions were planned (organisations/calendar.py): residents
see the session as cancelled ("Vervalt"), it is no start and opens no sign-up, nobody gets a
reminder nor is expected to attend, and the staff are told where it is planned."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue.models import ScheduleKind
from ontwikkelplein.catalogue.tests.factories import OfferLocationFactory
from ontwikkelplein.courses import selectors, services
from ontwikkelplein.courses.models import Attendance, Session
from ontwikkelplein.courses.selectors import DateRange, reach
from ontwikkelplein.courses.services import CourseError
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, past_session
from ontwikkelplein.courses.tests.public_helpers import _fresh_rate_limits  # noqa: F401
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.calendar import planned_conflicts
from ontwikkelplein.organisations.models import Organisation, Role
from ontwikkelplein.organisations.tests.factories import (
    ClosurePeriodFactory,
    SpecialOpeningHoursFactory,
    staff_user,
)
from ontwikkelplein.organisations.tests.test_calendar import calendar_post

pytestmark = pytest.mark.django_db

VERVALT = "Vervalt: {place} is dan gesloten (studiedag)."


def today():
    return timezone.localdate()


def close(run, day, reason="studiedag", end=None):
    """A closed day added after the sessions were planned (the session check is not involved)."""
    return ClosurePeriodFactory(
        location=run.location, start_date=day, end_date=end or day, reason=reason
    )


@pytest.fixture
def run():
    """Three weekly sessions from next week; the first falls on a day closed afterwards."""
    run = RunFactory(sessions=3)
    first = run.sessions.order_by("date").first()
    close(run, first.date)
    run.first = first
    return run


class TestSelectors:
    def test_mark_closed_names_the_reason(self, run):
        marked = selectors.shown_sessions(run)
        assert [s.closed_reason for s in marked] == ["studiedag", None, None]
        assert selectors.happening(marked) == marked[1:]
        # Nothing stored changes: removing the closure brings the session back.
        assert not Session.objects.get(pk=run.first.pk).cancelled
        run.location.closures.all().delete()
        assert selectors.session_closed_reason(run.first) is None

    def test_next_start_and_sign_up_skip_the_closed_day(self, run):
        second = run.sessions.order_by("date")[1]
        assert selectors.next_start(run.offer) == second.date
        assert selectors.sign_up_open(run)
        (listed,) = selectors.public_runs(run.offer)
        assert [s.closed_reason for s in listed.upcoming][0] == "studiedag"
        assert listed.happening[0].date == second.date

    def test_a_run_whose_sessions_are_all_closed_is_not_offered(self, run):
        dates = sorted(run.sessions.values_list("date", flat=True))
        close(run, dates[0], end=dates[-1])
        assert selectors.public_runs(run.offer) == []
        assert selectors.next_start(run.offer) is None
        assert not selectors.sign_up_open(run)

    def test_exceptional_hours_reopen_the_day(self, run):
        SpecialOpeningHoursFactory(
            location=run.location,
            date=run.first.date,
            opens_at=datetime.time(9),
            closes_at=datetime.time(17),
        )
        assert selectors.session_closed_reason(run.first) is None


class TestNoAttendanceExpected:
    def test_register_refuses_a_closed_day(self):
        run = RunFactory(sessions=1)
        enrolment, _token = enrol_person(run)
        session = past_session(run, days_ago=2)
        close(run, session.date)
        user = staff_user(run.organisation, Role.SPECIALIST)
        with pytest.raises(CourseError, match="vervalt"):
            services.record_attendance(session, {str(enrolment.pk): "present"}, user=user)
        assert not Attendance.objects.exists()

    def test_register_page_says_so_without_a_form(self, client):
        run = RunFactory(sessions=1)
        enrol_person(run)
        session = past_session(run, days_ago=2)
        close(run, session.date)
        client.force_login(staff_user(run.organisation, Role.SPECIALIST))
        url = reverse("courses:staff-register", args=[session.pk])
        page = client.get(url).content.decode()
        assert "Deze bijeenkomst vervalt" in page and 'type="radio"' not in page
        response = client.post(url, {})
        assert response.status_code == 200 and not Attendance.objects.exists()

    def test_reach_does_not_count_a_closed_day_as_held(self):
        run = RunFactory(sessions=0)
        held = past_session(run, days_ago=3)
        closed = past_session(run, days_ago=10)
        close(run, closed.date)
        period = DateRange(today() - datetime.timedelta(days=30), today())
        result = reach(Organisation.objects.filter(pk=run.organisation_id), period)
        assert result.total.sessions_held == 1
        assert held.pk

    def test_no_reminder_for_a_closed_day(self):
        run = RunFactory(sessions=1, sessions__start=today() + datetime.timedelta(days=1))
        enrol_person(run, email="anna@example.org")
        close(run, run.sessions.get().date)
        OutboxMessage.objects.all().delete()
        assert services.send_reminders() == 0
        assert not OutboxMessage.objects.exists()


class TestPublicPages:
    def test_offer_page_shows_the_session_as_cancelled(self, client, run):
        page = client.get(reverse("catalogue:offer-detail", args=[run.offer.pk])).content.decode()
        assert VERVALT.format(place=run.location.name) in page
        # The heading counts the sessions that take place.
        assert "2 bijeenkomsten" in page

    def test_sign_up_page_and_confirmation_mail(self, client, run):
        url = reverse("courses:sign-up", args=[run.offer.pk, run.pk])
        page = client.get(url).content.decode()
        assert VERVALT.format(place=run.location.name) in page
        enrolment, _token = enrol_person(run, email="anna@example.org")
        mail = OutboxMessage.objects.filter(to=["anna@example.org"]).latest("created_at")
        assert VERVALT.format(place=run.location.name) in mail.body


class TestStaffAreTold:
    def test_run_page_and_home_panel(self, client, run):
        client.force_login(staff_user(run.organisation, Role.SPECIALIST))
        page = client.get(reverse("courses:staff-run-detail", args=[run.pk])).content.decode()
        assert "1 bijeenkomst valt op een dag dat" in page
        assert "vervalt: gesloten (studiedag)" in page
        home = client.get(reverse("core:staff-home")).content.decode()
        assert "1 bijeenkomst valt op een dag dat de locatie gesloten is." in home
        assert reverse("courses:staff-run-detail", args=[run.pk]) in home

    def test_conflicts_of_a_location(self, run):
        OfferLocationFactory(offer=run.offer, location=run.location).schedules.create(
            kind=ScheduleKind.WEEKLY,
            weekday=run.first.date.weekday(),
            opens_at=datetime.time(10),
            closes_at=datetime.time(11),
        )
        found = planned_conflicts(run.location, today())
        assert [(c.date, c.reason) for c in found] == [(run.first.date, "studiedag")] * 2
        assert {c.url for c in found} == {
            reverse("courses:staff-run-detail", args=[run.pk]),
            reverse("catalogue:staff-offer-schedules", args=[run.offer.pk]),
        }

    def test_saving_a_closure_lists_what_it_hits(self, client):
        run = RunFactory(sessions=2)
        day = run.sessions.order_by("date").first().date
        client.force_login(staff_user(run.organisation, Role.SPECIALIST))
        url = reverse("organisations:location-edit", args=[run.location.pk])
        response = client.post(
            url,
            calendar_post(
                run.location,
                **{
                    "sluitingsdagen-0-start_date": day.isoformat(),
                    "sluitingsdagen-0-reason": "verbouwing",
                },
            ),
        )
        assert response.status_code == 302 and response.url == url
        page = client.get(url).content.decode()
        assert "Let op: 1 ding staat gepland op een dag dat de locatie dicht is." in page
        assert "Gepland op een dag dat de locatie dicht is" in page
        assert reverse("courses:staff-run-detail", args=[run.pk]) in page
        assert "(verbouwing)" in page

    def test_saving_without_conflicts_goes_back_to_the_list(self, client):
        run = RunFactory(sessions=1)
        client.force_login(staff_user(run.organisation, Role.SPECIALIST))
        url = reverse("organisations:location-edit", args=[run.location.pk])
        response = client.post(
            url,
            calendar_post(
                run.location,
                **{
                    "sluitingsdagen-0-start_date": (
                        today() - datetime.timedelta(days=1)
                    ).isoformat(),
                    "sluitingsdagen-0-reason": "verbouwing",
                },
            ),
        )
        assert response.url == reverse("organisations:location-list")


def test_offer_page_lists_exceptional_hours_ahead_with_the_closed_days(client, run):
    """Below the opening hours: "Gesloten op ..." and the days with other hours, by date."""
    late = run.first.date + datetime.timedelta(days=1)
    SpecialOpeningHoursFactory(
        location=run.location, date=late, opens_at=datetime.time(13), closes_at=datetime.time(21)
    )
    OfferLocationFactory(offer=run.offer, location=run.location)
    page = client.get(reverse("catalogue:offer-detail", args=[run.offer.pk])).content.decode()
    closed = page.index("(studiedag)</li>")
    special = page.index("open van 13:00 tot 21:00")
    assert closed < special
