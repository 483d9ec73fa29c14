"""Static files as production serves them, also under `make run` (docs/performance.md).

WhiteNoise's CompressedManifestStaticFilesStorage gives every file a name with a hash of its
contents and a gzip and a Brotli copy beside it (collectstatic writes them); WhiteNoise then
serves the compressed copy the browser accepts and marks hashed names immutable for ten years.
Django hands out the hashed names only when DEBUG is off; this storage hands them out with DEBUG
on as well, so the development server (DEBUG) sends the same light, cached files. The price: a
changed or new static file shows after `manage.py collectstatic` (which `make run` runs at start).
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url(self, name, force=False):
        return super().url(name, force=True)
