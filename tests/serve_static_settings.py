"""Production settings for collecting static files quickly in tests/test_deployment.py: the same
manifest of hashed names the production storage reads, without compressing every file (which takes
minutes and changes nothing the entrypoint test looks at)."""

from ontwikkelplein.conf.production import *  # noqa: F403
from ontwikkelplein.conf.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
