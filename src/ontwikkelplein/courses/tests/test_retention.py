"""Participants' personal data is erased COURSE_RETENTION_DAYS after a run's last session; the
anonymous enrolments and attendance stay for the figures."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from ontwikkelplein.courses import selectors, services
from ontwikkelplein.courses.models import Attendance, Enrolment, Person, Session
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.notifications.models import Notification, OutboxMessage
from ontwikkelplein.organisations.models import Organisation, Role
from ontwikkelplein.organisations.tests.factories import staff_user

pytestmark = pytest.mark.django_db


def _finished_run(days_ago):
    """A run whose only session was `days_ago` days ago, with one participant who came."""
    run = RunFactory(sessions=1)
    enrolment, token = enrol_person(run, email="anna@example.org")
    session = run.sessions.get()
    Session.objects.filter(pk=session.pk).update(
        date=timezone.localdate() - datetime.timedelta(days=days_ago)
    )
    Attendance.objects.create(session=session, enrolment=enrolment, status="present")
    return run, enrolment, token


def test_kept_within_the_retention_period(settings):
    settings.COURSE_RETENTION_DAYS = 30
    _run, enrolment, token = _finished_run(days_ago=29)
    assert services.erase_expired_personal_data() == 0
    assert Person.objects.count() == 1
    assert selectors.enrolment_for_token(token) == enrolment


def test_erased_after_the_retention_period(settings):
    settings.COURSE_RETENTION_DAYS = 30
    run, enrolment, token = _finished_run(days_ago=31)
    assert OutboxMessage.objects.filter(to=["anna@example.org"]).exists()
    assert services.erase_expired_personal_data() == 1
    enrolment.refresh_from_db()
    assert enrolment.person is None
    assert enrolment.token_hash == ""
    assert Person.objects.count() == 0
    assert not OutboxMessage.objects.filter(to=["anna@example.org"]).exists()
    assert selectors.enrolment_for_token(token) is None
    # The figures survive.
    result = selectors.reach(
        Organisation.objects.filter(pk=run.organisation_id),
        selectors.DateRange(
            timezone.localdate() - datetime.timedelta(days=60), timezone.localdate()
        ),
    )
    assert result.total.participants == 1
    assert result.total.unique_people == 1
    assert Attendance.objects.count() == 1
    # Twice changes nothing more.
    assert services.erase_expired_personal_data() == 0


def test_run_with_future_sessions_is_kept_for_ever_ahead():
    run = RunFactory(sessions=2)
    enrol_person(run)
    later = timezone.now() + datetime.timedelta(days=5)
    with time_machine.travel(later, tick=False):
        assert services.erase_expired_personal_data() == 0
    assert Person.objects.count() == 1


def test_staff_erase_one_person_now():
    run = RunFactory(capacity=1)
    first, _ = enrol_person(run)
    waiting, _ = services.enrol(
        run,
        services.PersonData(name="Henk", consent_text="ja"),
        source="staff",
        user=staff_user(run.organisation, Role.FRONT_DESK),
    )
    services.cancel_enrolment(first)
    assert Notification.objects.filter(reference=services.enrolment_ref(waiting)).exists()
    services.erase_person(waiting, user=staff_user(run.organisation, Role.FRONT_DESK))
    assert Enrolment.objects.get(pk=waiting.pk).person is None
    assert not Notification.objects.filter(reference=services.enrolment_ref(waiting)).exists()


def test_run_scheduled_tasks_runs_course_tasks(settings):
    settings.COURSE_RETENTION_DAYS = 30
    _finished_run(days_ago=40)
    out = io.StringIO()
    call_command("run_scheduled_tasks", stdout=out)
    assert "course-retention" in out.getvalue()
    assert Person.objects.count() == 0
