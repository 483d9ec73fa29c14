"""Health endpoints for load balancers, container engines and monitoring (docs/deployment.md,
"What to monitor"). No login, no session, no CSRF, never cached, and nothing in the answer that
helps an attacker: no versions, host names, error texts or settings.

- ``/healthz``: the process answers. Touches nothing else, so a slow database never makes a
  load balancer kill healthy processes.
- ``/readyz``: the process can do its work: the database answers, the shared cache stores and
  returns a value, and every extra check named in ``settings.ONTWIKKELPLEIN_READY_CHECKS`` passes
  (dotted paths to callables without arguments that raise, or return False, when their part
  is not ready; the worker queue is one: ``core.jobs.queue_is_ready``). 200 when all pass, 503
  naming the parts that failed.

``HealthMiddleware`` (second in ``settings.MIDDLEWARE``, after the request id) answers both paths
before the rest of the stack: the container engine and load balancers ask by IP address, which
is not in ALLOWED_HOSTS, over plain http, without cookies; no host check, https redirect,
session, language or login middleware is involved. The URL patterns in core/urls.py point at
the same views (for reverse() and for a stack without the middleware).
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"ontwikkelplein:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    try:
        if cache.get(key) != "1":
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def checks() -> list[tuple[str, object]]:
    """(name, callable) for every readiness check: the built-in ones, then the settings' ones. An
    extra check is named by its ``ready_check_name`` attribute, else its function name."""
    found = [("database", check_database), ("cache", check_cache)]
    for dotted in getattr(settings, "ONTWIKKELPLEIN_READY_CHECKS", []):
        check = import_string(dotted)
        found.append((getattr(check, "ready_check_name", check.__name__), check))
    return found


@csrf_exempt
@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@csrf_exempt
@never_cache
@require_safe
def readyz(request):
    results = {}
    for name, check in checks():
        try:
            # A check raises, or answers False, when its part is not ready.
            ready = check() is not False
        except Exception:
            # The details go to the log (with the request id), never into the answer.
            logger.exception("readiness check %s failed", name)
            ready = False
        results[name] = "ok" if ready else "failed"
    ready = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "failed", "checks": results}, status=200 if ready else 503
    )


class HealthMiddleware:
    PATHS = {"/healthz": healthz, "/readyz": readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.PATHS.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)
