"""The test suites (pytest, the browser tests, the benchmarks)."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, Q_CLUSTER, env

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
# Background jobs run at once, in the test's own process and transaction (docs/background-work.md);
# tests of real queued execution switch this off (core/tests/test_jobs.py).
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
# Plain static file names: the tests render pages with the test client and never run
# collectstatic, which the hashed names of base.py need (a missing manifest entry is an error).
# The browser test of the page weight (tests/browser/test_light_pages.py) collects and serves the
# production storage itself.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Files kept through the storage API go to a folder of this test process, not to var/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ontwikkelplein-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

# Tests that need the second factor switch it on with the settings fixture.
ONTWIKKELPLEIN_REQUIRE_2FA = False
