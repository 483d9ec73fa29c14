"""The overview's permission matrix: every demo role against the overview (and its download) of
each organisation of the tenancy world (organisations/tests/world.py), named in the address
(?organisatie=<id>) at the role's own level. The rule: library specialists and team leaders
their own library, the POI adviser the libraries of the region, the KB every library; front-desk
and partner staff 403; another organisation 404; a partner is no library (404); anonymous goes
to the login."""

import pytest
from django.test import Client
from django.urls import reverse

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.world import DEMO_ROLES

pytestmark = pytest.mark.django_db

LEVEL = {
    Role.SPECIALIST: "eigen",
    Role.TEAM_LEADER: "eigen",
    Role.POI_ADVISER: "regio",
    Role.KB_ADMIN: "land",
    Role.FRONT_DESK: "eigen",
    Role.PARTNER_STAFF: "eigen",
}
REGION = {"A", "A2"}  # the libraries of POI A's region (P is a partner there)


def expected(role, owner):
    if role is None:
        return "login"
    if role in (Role.FRONT_DESK, Role.PARTNER_STAFF):
        return 403
    if owner == "P":
        return 404
    if role in (Role.SPECIALIST, Role.TEAM_LEADER):
        return 200 if owner == DEMO_ROLES[role] else 404
    if role == Role.POI_ADVISER:
        return 200 if owner in REGION else 404
    return 200


@pytest.mark.parametrize("url_name", ["overview:index", "overview:export"])
def test_matrix(tenancy_world, url_name):
    failures = []
    for role in [None, *DEMO_ROLES]:
        client = Client()
        if role is not None:
            client.force_login(tenancy_world.user(role))
        for owner in ("A", "A2", "B", "P"):
            organisation = tenancy_world.objects[owner]["organisation"]
            url = reverse(url_name, args=["csv"] if url_name.endswith("export") else [])
            response = client.get(
                url, {"niveau": LEVEL.get(role, "eigen"), "organisatie": str(organisation.pk)}
            )
            status = response.status_code
            if status == 302 and "/account/" in response.get("Location", ""):
                status = "login"
            if status != expected(role, owner):
                failures.append((role, owner, status, expected(role, owner)))
    assert not failures, failures


def test_menu_link_answers_for_those_who_see_it(tenancy_world):
    from ontwikkelplein.core import menu

    for role in DEMO_ROLES:
        user = tenancy_world.user(role)
        entries = [e.key for e in menu.entries_for(user, menu.FIGURES_MENU)]
        client = Client()
        client.force_login(user)
        status = client.get(reverse("overview:index")).status_code
        if "overview" in entries:
            assert status == 200, role
        else:
            assert status == 403, role
