"""Settings shared by every way of running the site. Values that differ between machines come
from the environment through conf/env.py and are listed in .env.example; development.py,
production.py and test.py set what differs between the three."""

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import env

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The Content-Security-Policy header on every answer (CONTENT_SECURITY_POLICY below).
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ontwikkelplein.core.headers.SessionIdleMiddleware",
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
            ],
        },
    },
]

# Form fields in NL Design System (Utrecht) markup, set once (core/forms.py).
FORM_RENDERER = "ontwikkelplein.core.forms.FormRenderer"

DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{REPO_DIR / 'var' / 'ontwikkelplein.sqlite3'}"
    )
}
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.str("DJANGO_LANGUAGE_CODE", default="nl")
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dates as "6 december 2026" in text and 06-12-2026 in tables (core/formatting.py).
FORMAT_MODULE_PATH = ["ontwikkelplein.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(REPO_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="noreply@ontwikkelplein.example")
# SMTP for production (DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend). Mail goes
# through the outbox (notifications app); the short timeout keeps the first attempt, made right
# after the request's commit, from holding a page up when the mail server is slow.
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

SESSION_COOKIE_HTTPONLY = True
# Sessions end after this long without a request (sliding expiry, core/headers.py
# SessionIdleMiddleware), and, where DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE is on (the default:
# desk computers are shared), when the browser closes. docs/security-headers.md.
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
# upgrade-insecure-requests. docs/security-headers.md explains each line.
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
# Origins that may show a page marked with core.headers.embeddable in a frame (issue 15, the
# embeddable search box), e.g. https://www.gemeente.nl. Empty: no page can be framed.
ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS = env.list("ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS", default=[])

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}

# Offers not verified for this many days are listed as "te controleren".
ONTWIKKELPLEIN_VERIFY_AFTER_DAYS = env.int("ONTWIKKELPLEIN_VERIFY_AFTER_DAYS", default=182)

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

# The default cache holds the rate limits of the public forms (django-ratelimit), so every worker
# process must share it: CACHE_URL chooses it. The default is a table in the database
# (`createcachetable`, run by the make targets), shared by all workers without another service;
# production with several nodes uses Redis (redis://host:6379/0). locmemcache:// is per process.
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://ontwikkelplein_cache")}
# Behind a reverse proxy, the header that holds the visitor's address (e.g. HTTP_X_REAL_IP);
# empty: REMOTE_ADDR.
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="") or None
