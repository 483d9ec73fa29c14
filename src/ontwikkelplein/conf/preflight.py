"""Checks made before the production server starts (scripts/serve.sh runs it first):

    PYTHONPATH=src python -m ontwikkelplein.conf.preflight

Loads the settings and asks the database for an answer, waiting up to DATABASE_WAIT_SECONDS for
it (a database container may still be starting). On failure it prints one clear line, not a
traceback, and exits with status 2, so that a service manager or container engine shows why.
"""

import os
import sys
import time

EXIT_REFUSED = 2


def refuse(message: str) -> int:
    first_line = " ".join(str(message).split())
    print(f"ontwikkelplein: cannot start: {first_line}", file=sys.stderr)
    return EXIT_REFUSED


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontwikkelplein.conf.production")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        return refuse(exc)

    from django.db import DatabaseError, connection

    from ontwikkelplein.conf.env import env

    deadline = time.monotonic() + env.int("DATABASE_WAIT_SECONDS", default=10)
    while True:
        try:
            connection.ensure_connection()
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return 0
        except (DatabaseError, ImproperlyConfigured) as exc:
            connection.close()
            if time.monotonic() >= deadline:
                # The driver's own words name the host and port, never the password.
                reason = (
                    str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                )
                return refuse(f"the database does not answer ({reason}). Check DATABASE_URL.")
            time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
