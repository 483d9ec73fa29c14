"""Django settings. Every value that differs between machines comes from an environment
variable documented in .env.example."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # Only a development machine may run without a configured secret.
    SECRET_KEY = "insecure-development-key-set-DJANGO_SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
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
    "ontwikkelplein.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ontwikkelplein.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
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
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{REPO_DIR / 'var' / 'ontwikkelplein.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
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

LANGUAGE_CODE = os.environ.get("DJANGO_LANGUAGE_CODE", "nl")
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dates as "6 december 2026" in text and 06-12-2026 in tables (core/formatting.py).
FORMAT_MODULE_PATH = ["ontwikkelplein.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", REPO_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@ontwikkelplein.example")
# SMTP for production (DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend). Mail goes
# through the outbox (notifications app); the short timeout keeps the first attempt, made right
# after the request's commit, from holding a page up when the mail server is slow.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

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
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Offers not verified for this many days are listed as "te controleren".
ONTWIKKELPLEIN_VERIFY_AFTER_DAYS = int(os.environ.get("ONTWIKKELPLEIN_VERIFY_AFTER_DAYS", "182"))

# Referrals: personal data is erased this many days after a referral is closed (AVG); the
# anonymous record stays for figures.
REFERRAL_RETENTION_DAYS = int(os.environ.get("REFERRAL_RETENTION_DAYS", "90"))
# A link e-mailed to a partner without an account works this many days.
PARTNER_LINK_DAYS = 14
# Absolute base address for links in e-mails (no trailing slash).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# An open referral without any activity for this many days also loses its personal data.
REFERRAL_STALE_DAYS = int(os.environ.get("REFERRAL_STALE_DAYS", "365"))
# Courses: participants' personal data is erased this many days after the run's last session.
COURSE_RETENTION_DAYS = int(os.environ.get("COURSE_RETENTION_DAYS", "365"))
# A freed place offered to the next on the waiting list stays reserved this many hours.
COURSE_OFFER_HOURS = int(os.environ.get("COURSE_OFFER_HOURS", "48"))

# The default cache holds the rate limits of the public referral forms (django-ratelimit). The
# in-process memory cache suits `make run` and the tests; with several worker processes in
# production set a shared cache here (memcached or Redis), or each worker counts on its own.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ontwikkelplein",
    }
}
# Behind a reverse proxy, the header that holds the visitor's address (e.g. HTTP_X_REAL_IP);
# empty: REMOTE_ADDR.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
