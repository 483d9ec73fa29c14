"""The test suites (pytest, the browser tests, the benchmarks)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

ONTWIKKELPLEIN_ENVIRONMENT = "test"

DEBUG = False
SECRET_KEY = "test-key-not-used-anywhere-else"
# Tests run over plain http.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Each test process counts its own rate limits; no table to create.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://ontwikkelplein")}
# Demo data is part of several tests (and of the browser tests' logins).
INSTALLED_APPS = [*INSTALLED_APPS, "ontwikkelplein.demo"]
# Fast hashing: the suite creates thousands of users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests that need the second factor switch it on with the settings fixture.
ONTWIKKELPLEIN_REQUIRE_2FA = False
