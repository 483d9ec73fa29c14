"""Who may see and do what on the staff pages of courses. Another library's run answers 404;
POI advisers and KB-beheerders read runs and figures but never participants' names and never
change anything; the front desk enrols and registers but does not plan runs."""

import pytest
from django.urls import reverse

from ontwikkelplein.courses.models import Run, RunStatus
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, past_session
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

NAME = "Fatima Jansen"


@pytest.fixture
def world():
    run = RunFactory()
    enrolment, _ = enrol_person(run, name=NAME)
    session = past_session(run)
    province = run.location.municipality.province
    return {
        "run": run,
        "enrolment": enrolment,
        "session": session,
        "specialist": staff_user(run.organisation, Role.SPECIALIST),
        "desk": staff_user(run.organisation, Role.FRONT_DESK),
        "other": staff_user(OrganisationFactory(), Role.SPECIALIST),
        "poi": staff_user(PoiFactory(provinces=[province]), Role.POI_ADVISER),
        "kb": staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN),
    }


def _get(client, user, name, pk):
    client.force_login(user)
    return client.get(reverse(name, args=[pk]))


@pytest.mark.parametrize(
    "who, status, sees_name",
    [
        ("specialist", 200, True),
        ("desk", 200, True),
        ("poi", 200, False),
        ("kb", 200, False),
        ("other", 404, False),
    ],
)
def test_run_page(client, world, who, status, sees_name):
    response = _get(client, world[who], "courses:staff-run-detail", world["run"].pk)
    assert response.status_code == status
    assert (NAME in response.text) is sees_name


@pytest.mark.parametrize("who, status", [("poi", 403), ("kb", 403), ("other", 404)])
def test_participant_pages_are_closed_to_readers(client, world, who, status):
    user = world[who]
    assert _get(client, user, "courses:staff-enrol", world["run"].pk).status_code == status
    assert (
        _get(client, user, "courses:staff-enrolment-print", world["enrolment"].pk).status_code
        == status
    )
    assert _get(client, user, "courses:staff-register", world["session"].pk).status_code == status
    response = client.post(
        reverse("courses:staff-enrolment-action", args=[world["enrolment"].pk]),
        {"action": "cancel"},
    )
    assert response.status_code == status
    world["enrolment"].refresh_from_db()
    assert world["enrolment"].status == "enrolled"


@pytest.mark.parametrize("who, status", [("desk", 403), ("poi", 403), ("kb", 403), ("other", 404)])
def test_planning_is_for_editors_only(client, world, who, status):
    user = world[who]
    run = world["run"]
    for name in ("staff-run-edit", "staff-run-sessions", "staff-run-helpers", "staff-run-cancel"):
        assert _get(client, user, f"courses:{name}", run.pk).status_code == status
    assert client.post(reverse("courses:staff-run-cancel", args=[run.pk])).status_code == status
    assert Run.objects.get(pk=run.pk).status == RunStatus.PUBLISHED


def test_readers_cannot_create_runs(client, world):
    for who in ("desk", "poi", "kb"):
        client.force_login(world[who])
        assert client.get(reverse("courses:staff-run-create")).status_code == 403


def test_create_form_offers_only_own_offers(client, world):
    client.force_login(world["other"])
    response = client.post(
        reverse("courses:staff-run-create"),
        {"offer": world["run"].offer.pk, "location": world["run"].location.pk, "kind": "series"},
    )
    assert response.status_code == 200
    assert Run.objects.count() == 1


def test_anonymous_goes_to_login(client, world):
    response = client.get(reverse("courses:staff-run-list"))
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]
