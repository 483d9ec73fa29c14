"""Trajectory definitions by the KB and the POIs: the service's rules and the back-office form."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ontwikkelplein.learning import services
from ontwikkelplein.learning.models import Component, ComponentKind, ModuleCompletion, Trajectory
from ontwikkelplein.learning.tests.factories import (
    ComponentFactory,
    ParticipantFactory,
    TrajectoryFactory,
)
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb():
    return OrganisationFactory(kind=OrganisationKind.KB)


@pytest.fixture
def poi():
    return PoiFactory()


def values(owner, issuer=None, **overrides):
    base = {
        "name": "Taal voor het Leven",
        "description": "Training voor taalvrijwilligers.",
        "audience": "Vrijwilligers",
        "owner": owner,
        "issuer": issuer or owner,
        "attendance_percentage": 75,
        "excused_counts_as_attended": False,
        "group_min": 4,
        "group_max": 12,
        "duration_weeks": 8,
        "price_per_group": 1200,
        "validity_months": None,
        "is_active": True,
    }
    return base | overrides


def rows(*specs):
    return [services.ComponentData(**spec) for spec in specs]


MODULE = {"kind": ComponentKind.MODULE, "title": "Basiskennis laaggeletterdheid"}
MEETING = {"kind": ComponentKind.MEETING, "title": "Kick-off", "planned_minutes": 90}


def test_a_poi_adviser_defines_a_trajectory_for_its_own_poi(poi):
    adviser = staff_user(poi, Role.POI_ADVISER)
    trajectory = services.save_trajectory(
        user=adviser, values=values(poi), components=rows(MODULE, MEETING)
    )
    assert trajectory.owner == poi
    assert [(c.kind, c.title, c.position) for c in trajectory.components.all()] == [
        (ComponentKind.MODULE, "Basiskennis laaggeletterdheid", 1),
        (ComponentKind.MEETING, "Kick-off", 2),
    ]


@pytest.mark.parametrize("role", [Role.TEAM_LEADER, Role.SPECIALIST, Role.FRONT_DESK])
def test_library_staff_cannot_define_trajectories(poi, role):
    library_user = staff_user(OrganisationFactory(), role)
    with pytest.raises(PermissionDenied):
        services.save_trajectory(user=library_user, values=values(poi), components=rows(MODULE))
    assert not Trajectory.objects.exists()


def test_a_poi_cannot_define_or_change_another_owners_trajectory(kb, poi):
    adviser = staff_user(poi, Role.POI_ADVISER)
    with pytest.raises(PermissionDenied):
        services.save_trajectory(user=adviser, values=values(kb), components=rows(MODULE))
    national = TrajectoryFactory(owner=kb)
    with pytest.raises(PermissionDenied):
        services.save_trajectory(
            user=adviser, values=values(poi), components=rows(MODULE), trajectory=national
        )
    assert Trajectory.objects.get(pk=national.pk).owner == kb


def test_bad_definitions_store_nothing(kb):
    admin = staff_user(kb, Role.KB_ADMIN)
    with pytest.raises(ValidationError):
        services.save_trajectory(user=admin, values=values(kb), components=[])
    with pytest.raises(ValidationError):
        services.save_trajectory(
            user=admin, values=values(kb, attendance_percentage=120), components=rows(MODULE)
        )
    with pytest.raises(ValidationError):
        services.save_trajectory(user=admin, values=values(kb), components=rows(MODULE, MODULE))
    assert not Trajectory.objects.exists() and not Component.objects.exists()


def test_editing_renames_reorders_and_removes_unused_components(kb):
    admin = staff_user(kb, Role.KB_ADMIN)
    trajectory = TrajectoryFactory(owner=kb)
    first = ComponentFactory(trajectory=trajectory, title="A")
    second = ComponentFactory(trajectory=trajectory, title="B")
    unused = ComponentFactory(trajectory=trajectory, title="C")
    services.save_trajectory(
        user=admin,
        values=values(kb, name=trajectory.name),
        trajectory=trajectory,
        components=rows(
            {"id": second.pk, "kind": ComponentKind.MODULE, "title": "A"},
            {"id": first.pk, "kind": ComponentKind.MODULE, "title": "B"},
            {"id": unused.pk, "kind": ComponentKind.MODULE, "title": "C", "delete": True},
            {"kind": ComponentKind.ASSIGNMENT, "title": "Opdracht", "required": False},
        ),
    )
    titles = {c.pk: c.title for c in trajectory.components.all()}
    assert titles[second.pk] == "A" and titles[first.pk] == "B"
    assert unused.pk not in titles and "Opdracht" in titles.values()


def test_a_component_in_use_cannot_be_removed(kb):
    admin = staff_user(kb, Role.KB_ADMIN)
    trajectory = TrajectoryFactory(owner=kb)
    module = ComponentFactory(trajectory=trajectory, title="In gebruik")
    participant = ParticipantFactory(group__trajectory=trajectory)
    ModuleCompletion.objects.create(
        participant=participant,
        component=module,
        completed_on=datetime.date(2026, 3, 1),
        source="participant",
    )
    with pytest.raises(ValidationError, match="al gebruikt"):
        services.save_trajectory(
            user=admin,
            values=values(kb, name=trajectory.name),
            trajectory=trajectory,
            components=rows(
                {"id": module.pk, "kind": module.kind, "title": module.title, "delete": True},
                MEETING,
            ),
        )
    assert Component.objects.filter(pk=module.pk).exists()
    assert not Component.objects.filter(title="Kick-off").exists()


def form_data(owner, issuer, **overrides):
    data = {
        "name": "Community Librarian",
        "description": "Vier dagen met opdrachten.",
        "audience": "Medewerkers",
        "owner": owner.pk,
        "issuer": issuer.pk,
        "attendance_percentage": "100",
        "group_min": "6",
        "group_max": "16",
        "duration_weeks": "10",
        "price_per_group": "4000",
        "validity_months": "",
        "is_active": "on",
        "onderdelen-TOTAL_FORMS": "3",
        "onderdelen-INITIAL_FORMS": "0",
        "onderdelen-MIN_NUM_FORMS": "0",
        "onderdelen-MAX_NUM_FORMS": "1000",
        "onderdelen-0-kind": "meeting",
        "onderdelen-0-title": "Dag 1",
        "onderdelen-0-planned_minutes": "360",
        "onderdelen-0-required": "on",
        "onderdelen-1-kind": "assignment",
        "onderdelen-1-title": "Opdracht in de wijk",
        "onderdelen-1-planned_minutes": "240",
        "onderdelen-1-required": "on",
        "onderdelen-2-kind": "module",
        "onderdelen-2-title": "",
        "onderdelen-2-planned_minutes": "60",
    }
    return data | overrides


def test_the_kb_defines_a_trajectory_through_the_form(client, kb):
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    assert client.get(reverse("learning:trajectory-create")).status_code == 200
    response = client.post(reverse("learning:trajectory-create"), form_data(kb, kb))
    trajectory = Trajectory.objects.get(name="Community Librarian")
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:trajectory-detail", args=[trajectory.pk])
    assert [c.title for c in trajectory.components.all()] == ["Dag 1", "Opdracht in de wijk"]
    page = client.get(reverse("learning:trajectory-detail", args=[trajectory.pk]))
    assert reverse("learning:trajectory-edit", args=[trajectory.pk]) in page.content.decode()


def test_form_errors_are_listed_and_nothing_is_stored(client, kb):
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    response = client.post(
        reverse("learning:trajectory-create"),
        form_data(kb, kb, group_min="20", group_max="5", name=""),
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Controleer wat je hebt ingevuld" in content
    assert "De maximale groep is kleiner dan de minimale." in content
    assert not Trajectory.objects.exists()


def test_library_staff_and_other_owners_get_no_form(client, kb, poi):
    client.force_login(staff_user(OrganisationFactory(), Role.TEAM_LEADER))
    assert client.get(reverse("learning:trajectory-create")).status_code == 403
    national = TrajectoryFactory(owner=kb)
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    assert client.get(reverse("learning:trajectory-edit", args=[national.pk])).status_code == 404
    response = client.post(
        reverse("learning:trajectory-edit", args=[national.pk]), form_data(poi, poi)
    )
    assert response.status_code == 404
    assert Trajectory.objects.get(pk=national.pk).owner == kb
