"""`make serve` and the container image: a real installation behind a reverse proxy.

Refuses to start without a secret key, the host names it answers to and a database; the check that
the database answers is made when the server starts (conf/preflight.py, run by scripts/serve.sh)
and by /readyz.
"""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env
from .env import optional, required
from .logformat import JSON_FORMATTER

ONTWIKKELPLEIN_ENVIRONMENT = "production"

DEBUG = False
SECRET_KEY = required(
    "DJANGO_SECRET_KEY",
    "Production needs a long random secret, e.g. from "
    "`python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too short or too simple: use at least 50 random characters."
    )
ALLOWED_HOSTS = [
    host.strip()
    for host in required(
        "DJANGO_ALLOWED_HOSTS", "List the host names the site answers to, comma-separated."
    ).split(",")
    if host.strip()
]
required("DATABASE_URL", "Production runs on PostgreSQL: postgres://user:password@host:5432/name.")

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (docs/deployment.md).
if env.bool("DJANGO_BEHIND_PROXY", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=True)
# /healthz and /readyz are asked over plain http by the proxy and the container engine.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
# The directive alone changes nothing until the domain is submitted to hstspreload.org.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
# Any http:// address left in a page is fetched over https.
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": True,
    },
}
CSRF_COOKIE_SECURE = True
# Hashed names so browsers may keep static files for a year (WhiteNoise serves them).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

# A demonstration server may install the demo app (load_demo still asks for --force).
if env.bool("ONTWIKKELPLEIN_DEMO", default=False):
    INSTALLED_APPS = [*INSTALLED_APPS, "ontwikkelplein.demo"]

# --- Logs: one JSON object per line on standard error (core/requestlog.py) ---
# Same records as in development, with the request id in every line; the access log (one line per
# request: method, masked path, status, duration) is on unless DJANGO_ACCESS_LOG=0.
ACCESS_LOG = optional("DJANGO_ACCESS_LOG", env.bool, True)
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {"json": JSON_FORMATTER},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json",
        }
    },
    "loggers": {"ontwikkelplein.access": {"level": "INFO" if ACCESS_LOG else "WARNING"}},
}
