"""Gunicorn's configuration for `make serve` and the container (scripts/serve.sh):

    gunicorn -c src/ontwikkelplein/conf/gunicorn.py ontwikkelplein.wsgi:application

Every value comes from the environment (listed in .env.example, explained in docs/deployment.md):

GUNICORN_BIND      address to listen on; default 0.0.0.0:$PORT (PORT default 8000)
GUNICORN_WORKERS   processes; default 2 × CPUs + 1, at most 8. Each holds its own database
                   connections, so workers × threads must stay below PostgreSQL's max_connections
GUNICORN_THREADS   threads per process (gthread worker); default 4. Pages wait mostly on the
                   database, so threads add throughput cheaply
GUNICORN_TIMEOUT   seconds a request may take before its worker is restarted; default 30. Long
                   work (imports, exports) runs in the background worker, not in a request
GUNICORN_GRACEFUL_TIMEOUT  seconds running requests get to finish on a restart; default 30
GUNICORN_KEEPALIVE seconds an idle connection from the proxy stays open; default 5
GUNICORN_MAX_REQUESTS (+ _JITTER)  requests after which a worker is replaced (guards against slow
                   leaks); default 1000 (+ up to 100)
GUNICORN_FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers gunicorn trusts; default
                   127.0.0.1 (comma-separated, or * behind a private network only)
GUNICORN_ACCESS_LOG  1 also writes gunicorn's own access line per request, with tokens masked
                   and no query string or client address; default 0, since Django's access log
                   (core/requestlog.py, with the request id) already has one line per request
"""

import os
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from gunicorn.glogging import Logger  # noqa: E402

from ontwikkelplein.conf.env import env, optional  # noqa: E402
from ontwikkelplein.conf.logformat import JSON_FORMATTER  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontwikkelplein.conf.production")

pythonpath = str(SRC)
wsgi_app = "ontwikkelplein.wsgi:application"
bind = [optional("GUNICORN_BIND", env.str, f"0.0.0.0:{optional('PORT', env.int, 8000)}")]
workers = optional("GUNICORN_WORKERS", env.int, min(2 * (os.cpu_count() or 1) + 1, 8))
threads = optional("GUNICORN_THREADS", env.int, 4)
worker_class = "gthread" if threads > 1 else "sync"
timeout = optional("GUNICORN_TIMEOUT", env.int, 30)
graceful_timeout = optional("GUNICORN_GRACEFUL_TIMEOUT", env.int, 30)
keepalive = optional("GUNICORN_KEEPALIVE", env.int, 5)
max_requests = optional("GUNICORN_MAX_REQUESTS", env.int, 1000)
max_requests_jitter = optional("GUNICORN_MAX_REQUESTS_JITTER", env.int, 100)
forwarded_allow_ips = optional("GUNICORN_FORWARDED_ALLOW_IPS", env.str, "127.0.0.1")
# Request line and header limits a little below gunicorn's defaults: our URLs are short.
limit_request_line = 4094
limit_request_fields = 100
# Gunicorn's runtime control socket ($HOME/.gunicorn/gunicorn.ctl) is off: one path per user would
# be shared by every gunicorn of that user on the machine, and a service manager or container
# engine already starts, stops and reloads the server (SIGHUP reloads, SIGTERM stops gracefully).
control_socket_disable = True
# Temporary files of requests in memory, not on a possibly slow container disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Gunicorn's own messages go to standard error as JSON lines, like Django's (conf/production.py).
errorlog = "-"
loglevel = optional("GUNICORN_LOG_LEVEL", env.str, "info")
access_log_on = optional("GUNICORN_ACCESS_LOG", env.bool, False)
accesslog = "-" if access_log_on else None
access_log_format = "%(m)s %(U)s %(s)s %(M)sms %({x-request-id}o)s"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": JSON_FORMATTER},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["console"], "propagate": False},
        "gunicorn.access": {
            "level": "INFO",
            "handlers": ["console"] if access_log_on else [],
            "propagate": False,
        },
    },
}


class MaskingLogger(Logger):
    """Gunicorn's logger with an access line that carries no personal data: the path with tokens
    masked (core.requestlog.mask_path), no query string, no client address, referrer, user agent,
    cookies or other headers; only method, path, status, duration and the request id."""

    KEPT = ("t", "s", "m", "H", "b", "B", "T", "D", "M", "L", "p")

    def atoms(self, resp, req, environ, request_time):
        full = super().atoms(resp, req, environ, request_time)
        try:
            from ontwikkelplein.core.requestlog import mask_path

            path = mask_path(environ.get("PATH_INFO") or "/")
        except Exception:
            path = "-"
        atoms = {key: full[key] for key in self.KEPT if key in full}
        atoms["U"] = path
        atoms["r"] = f"{environ.get('REQUEST_METHOD', '-')} {path} {environ.get('SERVER_PROTOCOL')}"
        atoms["{x-request-id}o"] = full.get("{x-request-id}o", "-")
        return atoms


logger_class = MaskingLogger


def post_worker_init(worker):
    """Reads the Dutch word list of the search (about 1 s and 40 MB per process) when a worker
    starts, so that no resident's first search waits for it."""
    try:
        from ontwikkelplein.catalogue.search.wordlist import dutch_words

        dutch_words()
    except Exception:  # a search without it still works; say so and carry on
        worker.log.exception("could not read the Dutch word list at start")
