import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses.models import (
    Attendance,
    Enrolment,
    EnrolmentStatus,
    HeadCount,
    Run,
    RunKind,
    RunStatus,
    Session,
)
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, past_session
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import LocationFactory, staff_user

pytestmark = pytest.mark.django_db

TOMORROW = datetime.date.today() + datetime.timedelta(days=1)
YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


def _login(client, user):
    client.force_login(user)
    return client


def test_run_list_shows_own_runs_only(client):
    run = RunFactory()
    other = RunFactory()
    _login(client, staff_user(run.organisation))
    response = client.get(reverse("courses:staff-run-list"))
    assert response.status_code == 200
    assert run.offer.title in response.text
    assert other.offer.title not in response.text
    assert 'aria-current="page">Cursussen' in response.text


@pytest.fixture
def new_run_form(client):
    """A signed-in member of an organisation with an offer and a location: what a new run
    needs. Returns the form's offer and location."""
    user = staff_user()
    org = user.memberships.first().organisation
    _login(client, user)
    return OfferFactory(organisation=org, sign_up="registration", indexed=False), LocationFactory(
        organisation=org
    )


def test_create_run_then_sessions_then_publish(client, new_run_form):
    offer, location = new_run_form
    response = client.post(
        reverse("courses:staff-run-create"),
        {
            "offer": offer.pk,
            "location": location.pk,
            "kind": RunKind.SERIES,
            "capacity": "8",
            "name": "Voorjaar",
        },
    )
    run = Run.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:staff-run-sessions", args=[run.pk])
    response = client.post(
        reverse("courses:staff-run-sessions", args=[run.pk]),
        {
            "action": "add-weekly",
            "reeks-first_date": TOMORROW.isoformat(),
            "reeks-interval_weeks": "1",
            "reeks-count": "4",
            "reeks-start_time": "10:00",
            "reeks-end_time": "12:00",
            "reeks-room": "Zaal 1",
        },
    )
    assert response.status_code == 302
    assert run.sessions.count() == 4
    client.post(reverse("courses:staff-run-publish", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == RunStatus.PUBLISHED
    detail = client.get(reverse("courses:staff-run-detail", args=[run.pk]))
    assert "Zaal 1" in detail.text


def test_capacity_zero_gets_a_dutch_answer_and_changes_nothing(client, new_run_form):
    offer, location = new_run_form
    response = client.post(
        reverse("courses:staff-run-create"),
        {"offer": offer.pk, "location": location.pk, "kind": RunKind.SERIES, "capacity": "0"},
    )
    assert response.status_code == 200
    assert "minstens 1" in response.text
    assert 'href="#id_capacity"' in response.text
    assert Run.objects.count() == 0


def test_session_in_the_past_gets_a_dutch_answer(client):
    run = RunFactory(sessions=0)
    _login(client, staff_user(run.organisation))
    response = client.post(
        reverse("courses:staff-run-sessions", args=[run.pk]),
        {
            "action": "add-one",
            "los-date": YESTERDAY.isoformat(),
            "los-start_time": "10:00",
            "los-end_time": "12:00",
        },
    )
    assert response.status_code == 200
    assert "al voorbij" in response.text
    assert 'href="#id_los-date"' in response.text
    assert Session.objects.count() == 0


def test_edit_run(client):
    run = RunFactory(capacity=8)
    _login(client, staff_user(run.organisation))
    response = client.post(
        reverse("courses:staff-run-edit", args=[run.pk]),
        {"location": run.location.pk, "kind": run.kind, "capacity": "10", "name": "Najaar"},
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert (run.capacity, run.name) == (10, "Najaar")


def test_cancel_run(client):
    run = RunFactory()
    _login(client, staff_user(run.organisation))
    assert client.get(reverse("courses:staff-run-cancel", args=[run.pk])).status_code == 200
    client.post(reverse("courses:staff-run-cancel", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELLED


def test_helpers(client):
    run = RunFactory()
    _login(client, staff_user(run.organisation))
    response = client.post(
        reverse("courses:staff-run-helpers", args=[run.pk]),
        {
            "begeleider-TOTAL_FORMS": "2",
            "begeleider-INITIAL_FORMS": "0",
            "begeleider-0-name": "Joke de Vries",
            "begeleider-0-role": "teacher",
            "begeleider-1-name": "",
            "begeleider-1-role": "volunteer",
        },
    )
    assert response.status_code == 302
    assert [h.name for h in run.helpers.all()] == ["Joke de Vries"]


def test_desk_enrolment_without_email_leads_to_printable_confirmation(client):
    run = RunFactory()
    user = staff_user(run.organisation, Role.FRONT_DESK)
    _login(client, user)
    page = client.get(reverse("courses:staff-enrol", args=[run.pk]))
    assert "toestemming" in page.text
    response = client.post(
        reverse("courses:staff-enrol", args=[run.pk]),
        {"name": "Henk de Boer", "phone": "06 1234 5678", "consent": "on"},
    )
    enrolment = Enrolment.objects.get()
    assert response["Location"] == reverse("courses:staff-enrolment-print", args=[enrolment.pk])
    assert enrolment.person.phone == "0612345678"
    assert enrolment.person.consent_recorded_by == user
    assert "toestemming" in enrolment.person.consent_text
    printable = client.get(response["Location"])
    assert enrolment.reference in printable.text
    assert "Henk de Boer" in printable.text
    assert OutboxMessage.objects.count() == 0


def test_desk_enrolment_needs_consent_and_refuses_double(client):
    run = RunFactory()
    _login(client, staff_user(run.organisation, Role.FRONT_DESK))
    url = reverse("courses:staff-enrol", args=[run.pk])
    response = client.post(url, {"name": "Henk", "phone": "0612345678"})
    assert "toestemming" in response.text.lower()
    assert Enrolment.objects.count() == 0
    client.post(url, {"name": "Henk", "phone": "0612345678", "consent": "on"})
    response = client.post(url, {"name": "Henk B", "phone": "06-12345678", "consent": "on"})
    assert response.status_code == 200
    assert "al aangemeld" in response.text
    assert Enrolment.objects.count() == 1


def test_run_page_lists_participants_and_waiting_list_in_order(client):
    run = RunFactory(capacity=1)
    enrol_person(run, name="Eerste")
    enrol_person(run, name="Wacht Een")
    enrol_person(run, name="Wacht Twee")
    _login(client, staff_user(run.organisation, Role.FRONT_DESK))
    text = client.get(reverse("courses:staff-run-detail", args=[run.pk])).text
    assert "Eerste" in text
    assert text.index("Wacht Een") < text.index("Wacht Twee")


def test_intake_and_cancel_actions(client):
    run = RunFactory(intake_required=True, capacity=1)
    first, _ = enrol_person(run)
    second, _ = enrol_person(run)
    _login(client, staff_user(run.organisation, Role.FRONT_DESK))
    url = reverse("courses:staff-enrolment-action", args=[first.pk])
    client.post(url, {"action": "intake-accept"})
    first.refresh_from_db()
    assert first.status == EnrolmentStatus.ENROLLED
    client.post(url, {"action": "cancel"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == EnrolmentStatus.CANCELLED
    assert second.status == EnrolmentStatus.OFFERED
    response = client.post(url, {"action": "cancel"}, follow=True)
    assert "al afgemeld" in response.text


def test_register_for_fifteen(client):
    run = RunFactory(capacity=20)
    people = [enrol_person(run, name=f"Deelnemer {i:02d}")[0] for i in range(15)]
    session = past_session(run, days_ago=0)
    _login(client, staff_user(run.organisation, Role.FRONT_DESK))
    url = reverse("courses:staff-register", args=[session.pk])
    page = client.get(url)
    assert page.text.count('type="radio"') == 45
    data = {f"mark-{p.pk}": "present" for p in people}
    data[f"mark-{people[0].pk}"] = "absent"
    data[f"mark-{people[1].pk}"] = "excused"
    response = client.post(url, data)
    assert response.status_code == 302
    assert Attendance.objects.filter(session=session, status="present").count() == 13
    assert Attendance.objects.filter(session=session).count() == 15
    page = client.get(url)
    assert page.text.count("checked") == 15


def test_register_refuses_a_future_session(client):
    run = RunFactory()
    person, _ = enrol_person(run)
    session = run.sessions.first()
    _login(client, staff_user(run.organisation))
    response = client.post(
        reverse("courses:staff-register", args=[session.pk]), {f"mark-{person.pk}": "present"}
    )
    assert response.status_code == 200
    assert "op de dag zelf" in response.text
    assert Attendance.objects.count() == 0


def test_head_count(client):
    run = RunFactory(walk_in=True, capacity=None, kind=RunKind.RECURRING)
    session = past_session(run)
    _login(client, staff_user(run.organisation))
    url = reverse("courses:staff-register", args=[session.pk])
    response = client.post(url, {"count": "abc"})
    assert response.status_code == 200
    assert HeadCount.objects.count() == 0
    client.post(url, {"count": "17"})
    assert HeadCount.objects.get().count == 17


def test_reach_page_and_exports(client):
    run = RunFactory(capacity=20)
    people = [enrol_person(run)[0] for _i in range(3)]
    session = past_session(run)
    for p in people:
        Attendance.objects.create(session=session, enrolment=p, status="present")
    _login(client, staff_user(run.organisation))
    url = reverse("courses:staff-reach")
    page = client.get(url)
    assert page.status_code == 200
    assert run.offer.title in page.text
    response = client.get(url, {"formaat": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][2] == "3"  # own organisation: small numbers are shown
    for p in people:
        assert p.reference not in response.content.decode()
        assert p.person.name not in response.content.decode()
    response = client.get(url, {"formaat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(2, 3).value == 3


def test_bad_reach_period_is_explained(client):
    run = RunFactory()
    _login(client, staff_user(run.organisation))
    response = client.get(
        reverse("courses:staff-reach"), {"periode": "eeuw", "datum": "2026-13-45"}
    )
    assert response.status_code == 200
    assert "Deze periode kennen we niet" in response.text
    assert "Deze datum kennen we niet" in response.text
