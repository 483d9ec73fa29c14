"""Production settings plus the benchmark's URLconf (bench/serve_urls.py). Static files are
collected with the manifest of hashed names but not compressed (compressing every file takes
minutes and is not what is measured; the pages are)."""

from ontwikkelplein.conf.production import *  # noqa: F403
from ontwikkelplein.conf.production import STORAGES

ROOT_URLCONF = "serve_urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
# The demo's desk registrations of a few weeks instead of a year: they are not on the pages
# measured, and load_demo is then quick.
DEMO_DESK_DAYS = 21
