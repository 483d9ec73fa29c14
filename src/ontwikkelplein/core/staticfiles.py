"""Static files as production serves them, also under `make run` (docs/performance.md).

WhiteNoise's CompressedManifestStaticFilesStorage gives every file a name with a hash of its
contents and a gzip and a Brotli copy beside it (collectstatic writes them); WhiteNoise then
serves the compressed copy the browser accepts and marks hashed names immutable for ten years.
Django hands out the hashed names only when DEBUG is off; this storage hands them out with DEBUG
on as well, so the development server (DEBUG) sends the same light, cached files. The price: a
changed static file shows after `manage.py collectstatic` (which `make run` runs at start). A file
not collected yet (a new one, or no collectstatic at all) gets its plain name under DEBUG, served
from the source folders, instead of an error; without DEBUG it stays an error, as in production.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url(self, name, force=False):
        try:
            return super().url(name, force=True)
        except ValueError:
            if not settings.DEBUG:
                raise
            return super().url(name)
