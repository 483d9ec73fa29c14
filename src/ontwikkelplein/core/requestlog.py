"""Request ids and access lines for the logs, without personal data (docs/deployment.md, "Logs").

- ``RequestLogMiddleware`` (first in ``settings.MIDDLEWARE``) takes the proxy's ``X-Request-ID``
  when it is a sane token, or makes one, keeps it in a context variable for the whole request,
  returns it in the ``X-Request-ID`` response header and writes one access line per request to
  the logger ``ontwikkelplein.access``: method, path with tokens masked, status, duration and
  request id. Never the query string (search words, postcodes), the body, cookies, the visitor's
  address or user agent.
- ``RequestIdFilter`` (on the log handlers) gives every log record of the request its
  ``request_id`` and masks tokens in the paths Django's own loggers write (``Not Found: /…``).
- ``mask_path`` replaces the URL parts that work as a key (a partner link's token, a resident's
  reference code, a questionnaire code) by ``***``; gunicorn's access log uses it too
  (conf/gunicorn.py).
"""

import contextvars
import logging
import re
import time
import uuid

from django.core.signals import request_finished
from django.urls import Resolver404, resolve

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

access_logger = logging.getLogger("ontwikkelplein.access")

# URL keyword arguments that are secrets: whoever knows one can open the page without logging in.
MASKED_URL_KWARGS = frozenset({"token", "code", "key", "secret"})
MASK = "***"

# What a proxy may hand us as request id: letters, digits and a few separators, 8 to 128 long (a
# UUID, a hex string, nginx's $request_id). Anything else is replaced, so no header can smuggle
# text or line breaks into the logs.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")


def new_request_id() -> str:
    return uuid.uuid4().hex


def request_id_from(header: str | None) -> str:
    if header and SANE_REQUEST_ID.fullmatch(header):
        return header
    return new_request_id()


def _masked(path: str, kwargs: dict) -> str:
    secrets = {str(v) for k, v in kwargs.items() if k in MASKED_URL_KWARGS and str(v)}
    if not secrets:
        return path
    return "/".join(MASK if part in secrets else part for part in path.split("/"))


def mask_path(path: str, match=None) -> str:
    """`path` with every segment that a URL pattern takes as a token or code replaced by ``***``.
    `match` is the request's ResolverMatch when there is one; otherwise the path is resolved."""
    if match is None:
        match = _resolve_mounted(path)
        if match is None:
            return path
    return _masked(path, match.kwargs)


def _resolve_mounted(path: str):
    """The match of `path`, or else of `path` without its first two segments: the pages are also
    served under a prefix such as /b/<slug>/ (an organisation's branded site; core knows no app,
    so any two are tried). Masking only hides segments, so a wrong match can never reveal one."""
    parts = path.split("/")
    candidates = [path] + (["/" + "/".join(parts[3:])] if len(parts) > 3 else [])
    for candidate in candidates:
        try:
            return resolve(candidate)
        except (Resolver404, ValueError, UnicodeError):
            continue
    return None


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record and masks tokens in the paths Django's loggers log."""

    MASKED_LOGGERS = ("django.request", "django.security", "django.server")

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        if record.name.startswith(self.MASKED_LOGGERS) and isinstance(record.args, tuple):
            record.args = tuple(_mask_argument(arg) for arg in record.args)
        # Django's loggers attach the request itself; its repr has the full path and query string,
        # which a JSON formatter would write out. Keep only the method and the masked path.
        request = getattr(record, "request", None)
        if hasattr(request, "path") and hasattr(request, "method"):
            record.request = f"{request.method} {mask_path(request.path)}"
        return True


REQUEST_LINE = re.compile(r"([A-Z]+) (\S+?)(?:\?\S*)? (HTTP/[0-9.]+)")


def _mask_argument(argument):
    """A path ("Not Found: /…") or a request line ('"GET /… HTTP/1.1" 404', runserver) masked and
    without its query string; anything else as it is."""
    if not isinstance(argument, str):
        return argument
    if argument.startswith("/"):
        return mask_path(argument.split("?", 1)[0])
    line = REQUEST_LINE.fullmatch(argument)
    if line:
        return f"{line.group(1)} {mask_path(line.group(2))} {line.group(3)}"
    return argument


def _forget_request_id(**kwargs) -> None:
    request_id_var.set("-")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Django logs a 4xx/5xx answer ("Not Found: …") after the middleware has returned; the id
        # stays set until the response is closed.
        request_finished.connect(_forget_request_id, dispatch_uid="ontwikkelplein-request-id")

    def __call__(self, request):
        request_id = request_id_from(request.META.get("HTTP_X_REQUEST_ID"))
        request.request_id = request_id
        request_id_var.set(request_id)
        started = time.monotonic()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            if access_logger.isEnabledFor(logging.INFO):
                path = mask_path(request.path, getattr(request, "resolver_match", None))
                access_logger.info(
                    "%s %s %s",
                    request.method,
                    path,
                    status,
                    extra={
                        "method": request.method,
                        "path": path,
                        "status": status,
                        "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    },
                )
