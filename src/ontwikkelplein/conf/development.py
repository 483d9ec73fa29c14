"""`make run`: one machine, the embedded SQLite database, the demo data and its logins."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

ONTWIKKELPLEIN_ENVIRONMENT = "development"

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A development machine may run without a configured secret; production.py refuses to.
SECRET_KEY = SECRET_KEY or "insecure-development-key-set-DJANGO_SECRET_KEY-in-production"  # noqa: F405
# Plain http on the loopback address: cookies without the Secure flag, or logging in fails.
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# The demo app creates logins with a published password: never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "ontwikkelplein.demo"]

# The demo logins work without a second factor (production.py requires one).
ONTWIKKELPLEIN_REQUIRE_2FA = env.bool("ONTWIKKELPLEIN_REQUIRE_2FA", default=False)
