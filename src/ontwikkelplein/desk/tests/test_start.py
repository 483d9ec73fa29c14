import pytest
from django.urls import reverse

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


def login_and_follow(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        (Role.FRONT_DESK, "desk:screen"),
        (Role.SPECIALIST, "core:staff-home"),
        (Role.TEAM_LEADER, "core:staff-home"),
    ],
)
def test_login_lands_front_desk_staff_on_the_desk_screen(client, role, landing):
    user = staff_user(OrganisationFactory(kind="library"), role)
    response = login_and_follow(client, user)
    assert response.status_code == 302
    assert response["Location"] == reverse(landing)


def test_start_needs_a_login(client):
    response = client.get(reverse("desk:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
