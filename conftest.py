"""Shared pytest fixtures. Browser-test fixtures live in tests/browser/conftest.py."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher():
    # Tests make many users; the production hasher (PBKDF2 with a million rounds) would
    # dominate their run time. Logging in still checks the password, with a cheap hash.
    from django.test import override_settings

    # The demo's desk registrations: a few weeks instead of a year keeps load_demo quick.
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], DEMO_DESK_DAYS=21
    ):
        yield


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # A request through the test client leaves its language active in the worker's thread; the
    # next test on that worker (which one depends on how xdist shares tests out) would then
    # see English messages. Every test starts in the site's default language instead.
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_mapped_hosts_carried_over():
    # BrandedSiteMiddleware keeps the brandings' host names per process for a minute. A list
    # read in one test must not reach the next (its database is rolled back), and a request
    # made before a test's database is set up (a fixture that signs in first) must not read
    # it. A test starts with no mapped host names, as its empty database has; saving a
    # Branding forgets the list, so a test that maps a host reads it from the database.
    from ontwikkelplein.organisations import selectors

    selectors.remember_no_mapped_hosts()
    yield
    selectors.forget_mapped_hosts()


@pytest.fixture(scope="module")
def tenancy_world(django_db_setup, django_db_blocker):
    """The tenancy world (organisations/tests/world.py), built once per test module inside a
    transaction that is rolled back when the module is done. Tests that use it also ask for `db`
    (each test then runs in a savepoint, so what one test changes the next does not see)."""
    from django.db import transaction

    from ontwikkelplein.organisations.tests.world import build_world

    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        yield world
        transaction.set_rollback(True)
