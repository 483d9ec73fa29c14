"""Settings shared by every way of running the site. Values that differ between machines come
from the environment through conf/env.py and are listed in .env.example; development.py,
production.py and test.py set what differs between the three."""

import datetime
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env, optional

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent.parent

# Which of the three settings modules is running ("development", "production", "test"); set by each.
ONTWIKKELPLEIN_ENVIRONMENT = "base"

DEBUG = False
# development.py and test.py set a key of their own; production.py refuses to start without one.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "ontwikkelplein.core.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_q",
    "ontwikkelplein.core",
    "ontwikkelplein.accounts",
    "ontwikkelplein.places",
    "ontwikkelplein.organisations",
    "ontwikkelplein.catalogue",
    "ontwikkelplein.apikeys",
    "ontwikkelplein.desk",
    "ontwikkelplein.notifications",
    "ontwikkelplein.referrals",
    "ontwikkelplein.opendata",
    "ontwikkelplein.learning",
    "ontwikkelplein.courses",
    "ontwikkelplein.impact",
    "ontwikkelplein.wayfinder",
    "ontwikkelplein.verification",
    "ontwikkelplein.costing",
    "ontwikkelplein.participation",
    "ontwikkelplein.quality",
    "ontwikkelplein.reports",
    "ontwikkelplein.overview",
    "ontwikkelplein.activityplans",
    "ontwikkelplein.readingguide",
    "ontwikkelplein.boekstart",
    "ontwikkelplein.materials",
    "ontwikkelplein.network",
    "ontwikkelplein.needs",
    "ontwikkelplein.connections",
]

MIDDLEWARE = [
    # First: every answer, redirects included, gets a request id and one access line in the log.
    "ontwikkelplein.core.requestlog.RequestLogMiddleware",
    # /healthz and /readyz, before host checks, https redirect and sessions (core/health.py).
    "ontwikkelplein.core.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (static files come compressed from WhiteNoise above, untouched by this).
    # Django's GZipMiddleware pads its output against BREACH; CSRF tokens are masked per answer.
    "django.middleware.gzip.GZipMiddleware",
    # The Content-Security-Policy header on every answer (CONTENT_SECURITY_POLICY below).
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ontwikkelplein.core.headers.SessionIdleMiddleware",
    # /b/<slug>/ and mapped host names: the public site in an organisation's branding.
    "ontwikkelplein.organisations.middleware.BrandedSiteMiddleware",
    "ontwikkelplein.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ontwikkelplein.core.headers.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ontwikkelplein.urls"
WSGI_APPLICATION = "ontwikkelplein.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ontwikkelplein.notifications.context_processors.unread_notifications",
                "ontwikkelplein.core.context_processors.reading_preferences",
                "ontwikkelplein.organisations.context_processors.site_branding",
            ],
        },
    },
]

# Form fields in NL Design System (Utrecht) markup, set once (core/forms.py).
FORM_RENDERER = "ontwikkelplein.core.forms.FormRenderer"

DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="").strip()
        or f"sqlite:///{REPO_DIR / 'var' / 'ontwikkelplein.sqlite3'}"
    )
}
if not DATABASES["default"].get("ENGINE"):
    raise ImproperlyConfigured(
        "DATABASE_URL names a kind of database we do not know; use postgres://… or sqlite:///…"
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    name = str(DATABASES["default"]["NAME"])
    if name != ":memory:":
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the site read while a write is running; a busy timeout instead of instant errors.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# Role-aware: front-desk staff land on the desk screen (desk/views/start.py).
LOGIN_REDIRECT_URL = "desk:start"
LOGOUT_REDIRECT_URL = "catalogue:home"

# At least 12 characters with Django's validators (docs/security.md), worded in the project's Dutch
# (accounts/validators.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "ontwikkelplein.accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "ontwikkelplein.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "ontwikkelplein.accounts.validators.CommonPasswordValidator"},
    {"NAME": "ontwikkelplein.accounts.validators.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.str("DJANGO_LANGUAGE_CODE", default="nl")
# Resident pages are in all of LANGUAGES; staff and partner pages only in STAFF_LANGUAGES (another
# chosen language shows them in Dutch). ontwikkelplein/middleware.py, docs/public-site.md "Talen".
LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("English")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("uk", _("Oekraïens")),
    ("pl", _("Pools")),
]
STAFF_LANGUAGES = ["nl", "en"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dates as "6 december 2026" in text and 06-12-2026 in tables (core/formatting.py).
FORMAT_MODULE_PATH = ["ontwikkelplein.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(REPO_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# --- Uploaded files (docs/deployment.md "Uploaded files") ---
# Every upload goes through Django's storage API (default_storage), so several nodes share them: a
# local folder by default (a shared volume with several nodes), or an S3-compatible store through
# django-storages (DJANGO_DEFAULT_STORAGE=storages.backends.s3.S3Storage; install it first).
# Uploads are private: MEDIA_ROOT is never served as a web folder.
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(REPO_DIR / "var" / "media")))
MEDIA_URL = "/uploads/"
DEFAULT_STORAGE = env.str(
    "DJANGO_DEFAULT_STORAGE", default="django.core.files.storage.FileSystemStorage"
)
STORAGES = {
    "default": {"BACKEND": DEFAULT_STORAGE},
    # Hashed names with gzip and Brotli copies, served by WhiteNoise and cached for ten years, also
    # with DEBUG on (`make run` collects them first). docs/performance.md "Light pages"; the tests
    # use plain names (conf/test.py).
    "staticfiles": {"BACKEND": "ontwikkelplein.core.staticfiles.HashedStaticFilesStorage"},
}
if DEFAULT_STORAGE.startswith("storages.backends.s3"):
    STORAGES["default"]["OPTIONS"] = {
        "bucket_name": env.str("S3_BUCKET_NAME", default=""),
        "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("S3_REGION_NAME", default="") or None,
        "access_key": env.str("S3_ACCESS_KEY_ID", default=""),
        "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=""),
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="noreply@ontwikkelplein.example")
# SMTP for production (DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend). Mail goes
# through the outbox (notifications app), sent by the background worker; the short timeout keeps
# a slow mail server from holding a worker up for long.
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# A worker job makes each message's first attempt right after the commit that queued it; False
# leaves all sending to the scheduled send_outbox (docs/notifications.md).
OUTBOX_SEND_ON_COMMIT = env.bool("OUTBOX_SEND_ON_COMMIT", default=True)

SESSION_COOKIE_HTTPONLY = True
# Sessions end after this long without a request (sliding expiry, core/headers.py
# SessionIdleMiddleware), and, where DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE is on (the default:
# desk computers are shared), when the browser closes. docs/security.md.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_MINUTES", default=8 * 60) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
# The session's end is pushed forward at most once per this many seconds (one write, not one
# per request); a session may so end up to this much before the idle time is over.
ONTWIKKELPLEIN_SESSION_REFRESH_SECONDS = min(60, SESSION_COOKIE_AGE // 2)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# A strict Content-Security-Policy on every answer (django-csp 4): scripts and styles only from
# our own static files, never inline; no plugins; forms post only to this site; no framing
# (see ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS). data: images: the NL Design System CSS draws the
# select arrow and checkbox ticks as inline SVG in url(). production.py adds
# upgrade-insecure-requests. docs/security.md explains each line.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [NONE],
        "report-uri": env.list("DJANGO_CSP_REPORT_URI", default=[]) or None,
    },
}
# Origins that may show a page marked with core.headers.embeddable (the embed, docs/embedding.md)
# in a frame, besides this site itself. The default "https:" is any site over HTTPS: the embed
# shows only public offers, sets no cookie and changes nothing, so framing it cannot trick anyone
# into an action (docs/embedding.md, "Which sites may show it"). Narrow it to a list of origins,
# e.g. https://www.bibliotheekeemland.nl,https://www.gemeente.nl, if the installation wants.
ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS = optional(
    "ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS", env.list, ["https:"]
)

# Answers that may hold personal data get Cache-Control: no-store (core/headers.py
# NoStoreMiddleware): anything for a signed-in user, any answer to a sent form, these paths for
# anyone, and these views (a resident's own request, enrolment, questionnaire, certificate check).
ONTWIKKELPLEIN_NO_STORE_PATH_PREFIXES = ["/beheer/", "/balie/", "/account/", "/api/v1/"]
ONTWIKKELPLEIN_NO_STORE_VIEWS = [
    "referrals:help",
    "referrals:help-sent",
    "referrals:status",
    "referrals:status-short",
    "referrals:partner-link",
    "referrals:partner-done",
    "courses:sign-up",
    "courses:signed-up",
    "courses:resident-link",
    "impact:code-entry",
    "impact:fill",
    "impact:thanks",
    "learning:verify",
    "verification:partner",
]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    # One JSON parser and one error shape for every API (core/api.py, docs/api.md "Errors").
    "DEFAULT_PARSER_CLASSES": ["ontwikkelplein.core.api.JSONParser"],
    "EXCEPTION_HANDLER": "ontwikkelplein.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ontwikkelplein API",
    "DESCRIPTION": "APIs of Ontwikkelplein, open-source software for Dutch public libraries.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI from the installed sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Logs (core/requestlog.py, docs/deployment.md "Logs") ---
# Readable text here; production.py writes the same records as JSON. Every line carries the
# request id; paths with tokens are masked. DJANGO_ACCESS_LOG adds one line per request
# (production: on; development: off, runserver prints its own).
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="WARNING")
ACCESS_LOG = optional("DJANGO_ACCESS_LOG", env.bool, False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ontwikkelplein.core.requestlog.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"ontwikkelplein.access": {"level": "INFO" if ACCESS_LOG else "WARNING"}},
}

# Offers not verified for this many days are listed as "te controleren".
ONTWIKKELPLEIN_VERIFY_AFTER_DAYS = env.int("ONTWIKKELPLEIN_VERIFY_AFTER_DAYS", default=182)

# Partners keep their offers current (docs/offer-verification.md): the offer's contact is asked
# every this many months (an organisation may choose its own interval in the admin), with a link
# that works this many days; an offer nobody confirmed is hidden from residents this many days
# after it went on "Te controleren" (or after its organisation's interval, when that is longer).
OFFER_VERIFICATION_INTERVAL_MONTHS = env.int("OFFER_VERIFICATION_INTERVAL_MONTHS", default=6)
OFFER_VERIFICATION_LINK_DAYS = env.int("OFFER_VERIFICATION_LINK_DAYS", default=30)
OFFER_VERIFICATION_HIDE_AFTER_DAYS = env.int("OFFER_VERIFICATION_HIDE_AFTER_DAYS", default=90)

# Referrals: personal data is erased this many days after a referral is closed (AVG); the
# anonymous record stays for figures.
REFERRAL_RETENTION_DAYS = env.int("REFERRAL_RETENTION_DAYS", default=90)
# A link e-mailed to a partner without an account works this many days.
PARTNER_LINK_DAYS = 14
# Absolute base address for links in e-mails (no trailing slash).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# An open referral without any activity for this many days also loses its personal data.
REFERRAL_STALE_DAYS = env.int("REFERRAL_STALE_DAYS", default=365)
# Courses: participants' personal data is erased this many days after the run's last session.
COURSE_RETENTION_DAYS = env.int("COURSE_RETENTION_DAYS", default=365)
# A freed place offered to the next on the waiting list stays reserved this many hours.
COURSE_OFFER_HOURS = env.int("COURSE_OFFER_HOURS", default=48)
# The library's network (docs/community.md): the contact people of a partner are erased this many
# months after the relation ended, or after the partner's record was not touched for as long.
NETWORK_CONTACT_RETENTION_MONTHS = env.int("NETWORK_CONTACT_RETENTION_MONTHS", default=12)

# The default cache holds the rate limits of the public forms (django-ratelimit), so every worker
# process must share it: CACHE_URL chooses it. The default is a table in the database
# (`createcachetable`, run by the make targets), shared by all workers without another service;
# production with several nodes uses Redis (redis://host:6379/0). locmemcache:// is per process.
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://ontwikkelplein_cache")}
# Behind a reverse proxy, the header that holds the visitor's address (e.g. HTTP_X_REAL_IP);
# empty: REMOTE_ADDR.
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="") or None

# --- Readiness (core/health.py) ---
# Dotted paths to extra checks /readyz runs after the database and the cache: callables without
# arguments that raise when their part is not ready (the worker queue adds one).
ONTWIKKELPLEIN_READY_CHECKS = ["ontwikkelplein.core.jobs.queue_is_ready"]
# Background work (docs/background-work.md): django-q2 with its Django ORM broker, so the queue,
# the schedules and the results live in the site's own database: no other service for `make run`
# (SQLite), and several app and worker nodes on one PostgreSQL. `manage.py qcluster` is the worker.
# A job may run ONTWIKKELPLEIN_JOB_TIMEOUT seconds (an import of the whole country takes minutes);
# a job whose worker died without answering is handed out again after `retry` seconds, which must
# be longer than the timeout or a slow job would run twice. A failed job is not handed out again
# by django-q2 (ack_failures): core/jobs.py retries it with back-off, as a one-off schedule.
ONTWIKKELPLEIN_JOB_TIMEOUT = env.int("ONTWIKKELPLEIN_JOB_TIMEOUT", default=900)
Q_CLUSTER = {
    "name": "ontwikkelplein",
    "orm": "default",
    "workers": env.int("ONTWIKKELPLEIN_WORKERS", default=2),
    "timeout": ONTWIKKELPLEIN_JOB_TIMEOUT,
    "retry": ONTWIKKELPLEIN_JOB_TIMEOUT + 60,
    # Deliveries of one job whose worker died (not failures: those are retried by core/jobs.py).
    "max_attempts": 3,
    "ack_failures": True,
    # Seconds between looks at an empty queue; the heartbeat (Stat, in the cache) every second.
    "poll": 1,
    "guard_cycle": 1,
    # A schedule missed while no worker ran runs once, not once for every missed slot.
    "catch_up": False,
    # Successful results kept for the admin (the oldest are pruned); failures are all kept.
    "save_limit": 500,
    "label": "Achtergrondtaken",
}
# Optional: a Redis queue instead of the database (schedules and results stay in the database).
if env.str("ONTWIKKELPLEIN_QUEUE_REDIS_URL", default=""):
    del Q_CLUSTER["orm"]
    Q_CLUSTER["redis"] = env.str("ONTWIKKELPLEIN_QUEUE_REDIS_URL")
# /readyz fails when no worker has sent a heartbeat for this many seconds (core/jobs.py).
ONTWIKKELPLEIN_WORKER_HEARTBEAT_SECONDS = env.int(
    "ONTWIKKELPLEIN_WORKER_HEARTBEAT_SECONDS", default=30
)

# --- Staff sign-in security (accounts app, docs/security.md) ---------------------------------
# Lockout (django-axes), a second factor (django-otp: TOTP app and recovery codes), password reset
# through the outbox and the security log. Kept in one block so other changes to the lists above
# do not collide with it.
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# After the user is known and after NoStoreMiddleware, so its redirects are never cached either.
_auth_middleware = MIDDLEWARE.index("ontwikkelplein.core.headers.NoStoreMiddleware")
MIDDLEWARE[_auth_middleware + 1 : _auth_middleware + 1] = [
    # request.user.is_verified(): the session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    # Sends a signed-in user who must pass the second factor to enrol or verify first.
    "ontwikkelplein.accounts.middleware.SecondFactorMiddleware",
]
# Axes last: it turns a refused sign-in into the lockout page.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    # First: refuses an account or address that is locked out before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout: after LOGIN_FAILURE_LIMIT failed sign-ins for one account (from any address), or from
# one address (for any accounts), further attempts are refused for LOGIN_LOCKOUT_MINUTES. Unknown
# user names count like real ones, so the answer never tells whether an account exists.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not extend it, so nobody can keep a colleague locked out for good.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "ontwikkelplein.accounts.lockout.lockout_response"
# The same visitor address as the rate limits (RATELIMIT_IP_META_KEY).
AXES_CLIENT_IP_CALLABLE = "ontwikkelplein.core.net.client_ip"
# Successful sign-ins go to our own security log (with a retention period), not to axes' table.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Second factor. ONTWIKKELPLEIN_REQUIRE_2FA: users with one of ONTWIKKELPLEIN_2FA_ROLES (and
# everyone who may open the Django admin) must set up and use a second factor. On by default;
# development.py and test.py switch it off so the demo logins work without one.
ONTWIKKELPLEIN_REQUIRE_2FA = env.bool("ONTWIKKELPLEIN_REQUIRE_2FA", default=True)
# Every role that sees personal data (the staff of libraries and partners) and the KB-beheerder,
# who resets factors and opens the Django admin. POI advisers see figures only.
ONTWIKKELPLEIN_2FA_ROLES = env.list(
    "ONTWIKKELPLEIN_2FA_ROLES",
    default=["front_desk", "specialist", "team_leader", "partner_staff", "kb_admin"],
)
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = env.str("ONTWIKKELPLEIN_2FA_ISSUER", default="Ontwikkelplein")
# Recovery codes made at once (each works one time).
ONTWIKKELPLEIN_RECOVERY_CODES = 10

# Password reset: the link in the e-mail works this long, and only once.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_MINUTES", default=60) * 60
# Requests for a reset link per visitor address per hour.
PASSWORD_RESET_RATE = env.str("PASSWORD_RESET_RATE", default="5/h")

# The security log keeps events this many days; run_scheduled_tasks deletes older ones.
SECURITY_LOG_RETENTION_DAYS = env.int("SECURITY_LOG_RETENTION_DAYS", default=365)
