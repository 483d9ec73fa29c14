"""Property: no query string and no path value gives a 500, on any page.

Every URL pattern of the site is visited: the public pages anonymously, the staff pages as
staff of several roles (figures pages with their level and period, lists with their filters and
paging). The parameters tried are those the page itself uses (its GET forms and the links on
it), those views read without a form (helpers.KNOWN_PARAMS), and the values of path segments;
each gets hostile bytes (invalid UTF-8, NUL, surrogates, numbers of thousands of digits, ...).
A 4xx must be a Dutch page, and reading a page changes nothing in the database."""

import uuid

import pytest
from django.core.cache import cache
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.organisations.models import Role
from tests.fuzz import helpers

pytestmark = pytest.mark.django_db

PER_ROUTE = 20  # examples per public URL pattern
PER_STAFF_ROUTE = 2  # per staff URL pattern and role: staff pages are heavier (PDF, XLSX)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate limits
    yield
    cache.clear()


def _segment():
    return st.one_of(st.uuids().map(str), helpers.nasty_text.filter(lambda t: t and "/" not in t))


def _check_route(client, route, extra_params, failures, examples=PER_ROUTE):
    """Hypothesis over one route: path values and query parameters."""
    names = sorted(extra_params | helpers.KNOWN_PARAMS)
    # The page's own parameters (its forms and links) half of the time.
    own = sorted(extra_params)
    name = (
        st.one_of(st.sampled_from(own), st.sampled_from(names)) if own else st.sampled_from(names)
    )

    @given(
        values=st.fixed_dictionaries({name: _segment() for name in route.converters}),
        query=st.lists(st.tuples(name, helpers.nasty_bytes), min_size=1, max_size=4),
    )
    @settings(parent=helpers.SETTINGS, max_examples=examples)
    def run(values, query):
        path = route.path({k: helpers.path_value(None, v) for k, v in values.items()})
        response = client.get(path + "?" + helpers.query_string(query))
        helpers.assert_clear_refusal(response)

    before = helpers.snapshot()
    try:
        run()
        # Reading changes nothing (compared once per route: a snapshot is a hundred queries).
        assert helpers.changes(before, helpers.snapshot()) == {}
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - report them all
        failures.append(f"{route.route}: {error}")


def _params_on(client, route) -> set[str]:
    if route.has_args:
        return set()
    response = client.get(route.path())
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return set()
    return helpers.get_params(response.content.decode("utf-8"), route.path())


def test_no_public_page_gives_a_500(client, tenancy_world):
    routes = [r for r in helpers.routes() if helpers.is_public(r)]
    assert len(routes) >= 15
    failures = []
    for route in routes:
        _check_route(client, route, _params_on(client, route), failures)
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize(
    ("org", "role"),
    [("A", Role.TEAM_LEADER), ("POI_A", Role.POI_ADVISER)],
)
def test_no_staff_page_gives_a_500(client, tenancy_world, org, role):
    client.force_login(tenancy_world.users[org][role])
    routes = [r for r in helpers.routes() if helpers.is_staff(r)]
    assert len(routes) > 20
    failures = []
    for route in routes:
        _check_route(client, route, _params_on(client, route), failures, PER_STAFF_ROUTE)
    assert not failures, "\n\n".join(failures)


def test_the_routes_are_found():
    names = {route.name for route in helpers.routes()}
    assert {"catalogue:search", "impact:code-entry", "courses:staff-run-sessions"} <= names
    route = next(r for r in helpers.routes() if r.name == "impact:fill")
    assert route.path({"code": "ABC"}) == "/vragenlijst/ABC/"
    assert str(uuid.UUID(int=0))
