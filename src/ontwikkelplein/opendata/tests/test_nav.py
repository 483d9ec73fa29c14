import pytest
from django.urls import reverse

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "shown"), [(Role.SPECIALIST, True), (Role.TEAM_LEADER, True), (Role.FRONT_DESK, False)]
)
def test_the_import_link_is_in_the_menu_only_for_those_who_may_import(client, role, shown):
    client.force_login(staff_user(OrganisationFactory(), role))
    page = client.get(reverse("core:staff-home")).content.decode()
    assert (reverse("opendata:import") in page) is shown
