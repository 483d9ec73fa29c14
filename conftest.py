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
