"""The site-wide fuzz of query strings and path values (tests/fuzz/test_get_params.py), over the
reports' own routes only and with more examples: the public report page and PDF anonymously,
the staff pages as each role that uses them. No 500, a Dutch refusal, nothing changed."""

import pytest
from django.core.cache import cache

from ontwikkelplein.organisations.models import Role
from tests.fuzz import helpers
from tests.fuzz.test_get_params import _check_route, _params_on

pytestmark = pytest.mark.django_db


def _routes(kind):
    return [r for r in helpers.routes() if r.name.startswith("reports:") and kind(r)]


def test_public_report_routes(client, tenancy_world):
    cache.clear()
    routes = _routes(helpers.is_public)
    assert {r.name for r in routes} == {
        "reports:public",
        "reports:public-pdf",
        "reports:public-version",
        "reports:public-version-pdf",
    }
    failures = []
    for route in routes:
        _check_route(client, route, set(), failures, 10)
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize(
    ("org", "role"),
    [("A", Role.TEAM_LEADER), ("POI_A", Role.POI_ADVISER), ("KB", Role.KB_ADMIN)],
)
def test_staff_report_routes(client, tenancy_world, org, role):
    cache.clear()
    client.force_login(tenancy_world.users[org][role])
    routes = _routes(helpers.is_staff)
    assert len(routes) == 6
    failures = []
    for route in routes:
        _check_route(client, route, _params_on(client, route), failures, 4)
    assert not failures, "\n\n".join(failures)
