"""Light pages (issue 15, item 4): what a resident's phone downloads for the home page, a results
page and an offer page, measured in Chromium as bytes over the network (compressed, headers
included: CDP Network.loadingFinished encodedDataLength), on a first visit (empty cache) and on a
repeat visit (same browser). Budgets: 100 KB and 30 KB. docs/performance.md "Light pages".

The pages are served as in production: static files collected with the production storage
(hashed names, gzip and Brotli copies) and served by WhiteNoise through the site's middleware,
pages compressed by it. pytest-django's live server serves static files itself (uncompressed,
without cache headers), so this test runs a server of its own beside it.
"""

import threading
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread

from tests.browser.data import AMERSFOORT_PC4, build_digid_towns

FIRST_VISIT_BUDGET = 100_000
REPEAT_VISIT_BUDGET = 30_000
A_YEAR = 365 * 24 * 60 * 60
PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# Static files of apps no resident page uses (the admin, the API browser and its Swagger UI, the
# second factor's admin): left out so collecting takes seconds, not minutes. A resident page
# that used one of them would fail here (no manifest entry).
NOT_ON_RESIDENT_PAGES = [
    "admin",
    "rest_framework",
    "drf_spectacular_sidecar",
    "django_otp",
    "otp_totp",
]


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    from django.test.utils import override_settings

    root = tmp_path_factory.mktemp("light-static")
    with override_settings(
        STATIC_ROOT=root,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": PRODUCTION_STORAGE},
        },
    ):
        call_command(
            "collectstatic",
            interactive=False,
            verbosity=0,
            ignore_patterns=NOT_ON_RESIDENT_PAGES,
        )
    return root


@pytest.fixture
def production_server(collected_static, settings):
    """A live server whose static files go through WhiteNoise (no static handler in front)."""
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}}
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    thread = LiveServerThread("127.0.0.1", lambda handler: handler, connections_override=shared)
    thread.daemon = True
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    # Requests still closing (the browser's keep-alive connections) use the shared connection.
    for request_thread in threading.enumerate():
        if request_thread.name.endswith("(process_request_thread)"):
            request_thread.join(timeout=10)
    for conn in shared.values():
        conn.dec_thread_sharing()


class NetworkLog:
    """Every response of one page through the Chrome DevTools Protocol: url, status, headers,
    whether it came from the browser's cache, and the bytes that crossed the network."""

    def __init__(self, page):
        self.requests = {}
        self.session = page.context.new_cdp_session(page)
        self.session.on("Network.responseReceived", self._response)
        self.session.on("Network.requestServedFromCache", self._from_cache)
        self.session.on("Network.loadingFinished", self._finished)
        self.session.send("Network.enable")

    def _entry(self, request_id):
        return self.requests.setdefault(request_id, {"bytes": 0, "cached": False})

    def _response(self, event):
        response = event["response"]
        entry = self._entry(event["requestId"])
        entry["url"] = response["url"]
        entry["status"] = response["status"]
        entry["headers"] = {k.lower(): v for k, v in response["headers"].items()}
        entry["cached"] |= response.get("fromDiskCache", False) or response.get(
            "fromMemoryCache", False
        )

    def _from_cache(self, event):
        self._entry(event["requestId"])["cached"] = True

    def _finished(self, event):
        self._entry(event["requestId"])["bytes"] = event["encodedDataLength"]

    def clear(self):
        self.requests = {}

    def total(self):
        return sum(entry["bytes"] for entry in self.requests.values())

    def urls(self):
        return [entry.get("url", "?") for entry in self.requests.values()]

    def report(self):
        return "\n".join(
            f"  {entry['bytes']:>7} B {'cache' if entry['cached'] else 'net  '} "
            f"{entry.get('status', '?')} {entry.get('url', '?')}"
            for entry in self.requests.values()
        )


def visit(page, log, url):
    log.clear()
    page.goto(url, wait_until="networkidle")
    return log.total()


@pytest.fixture
def towns():
    return build_digid_towns()


def test_resident_pages_stay_within_the_byte_budget(browser, production_server, towns, capsys):
    pages = {
        "home": "/",
        "results": f"/zoeken/?q=hulp+met+DigiD&waar={AMERSFOORT_PC4}",
        "offer": f"/aanbod/{towns.ido_amersfoort.pk}/",
    }
    host = urlsplit(production_server).netloc
    figures = {}
    problems = []
    for name, path in pages.items():
        # A phone, an empty cache: a context of its own per page.
        context = browser.new_context(
            base_url=production_server,
            viewport={"width": 390, "height": 844},
            is_mobile=True,
            has_touch=True,
            locale="nl-NL",
        )
        page = context.new_page()
        log = NetworkLog(page)
        first = visit(page, log, path)
        first_log = log.report()
        first_requests = dict(log.requests)
        repeat = visit(page, log, path)
        repeat_log = log.report()
        context.close()
        figures[name] = (first, repeat)

        detail = f"{name} {path}\nfirst visit:\n{first_log}\nrepeat visit:\n{repeat_log}"
        for entry in first_requests.values():
            url = entry.get("url", "")
            if url.startswith("data:"):
                continue  # inside the stylesheet, nothing crosses the network
            if urlsplit(url).netloc != host:
                problems.append(f"{name}: a request outside the site: {url}")
            if entry.get("status") != 200:
                problems.append(f"{name}: {entry.get('status')} for {url}")
            headers = entry.get("headers", {})
            if urlsplit(url).path.startswith("/static/"):
                cache = headers.get("cache-control", "")
                max_age = (
                    int(cache.split("max-age=")[1].split(",")[0]) if "max-age=" in cache else 0
                )
                if max_age < A_YEAR or "immutable" not in cache:
                    problems.append(f"{name}: {url} is not cached for a year ({cache!r})")
                if (
                    url.endswith((".css", ".js", ".svg"))
                    and headers.get("content-encoding") != "br"
                ):
                    problems.append(f"{name}: {url} not sent Brotli-compressed")
            elif headers.get("content-encoding") not in ("gzip", "br"):
                problems.append(f"{name}: the page {url} is not compressed")
            # Staff styles and htmx only where they are used (the search page uses htmx).
            if "/staff." in url or ("htmx" in url and name != "results"):
                problems.append(f"{name}: loads {url}, which it does not use")
        if first > FIRST_VISIT_BUDGET:
            problems.append(f"{name}: first visit {first} B > {FIRST_VISIT_BUDGET} B\n{detail}")
        if repeat > REPEAT_VISIT_BUDGET:
            problems.append(f"{name}: repeat visit {repeat} B > {REPEAT_VISIT_BUDGET} B\n{detail}")
        with capsys.disabled():
            print(f"\n{detail}\n{name}: first visit {first} B, repeat visit {repeat} B")

    assert not problems, "\n".join(problems)
    # The measurement itself works: a first visit fetches the page and its files.
    assert all(first > repeat > 0 for first, repeat in figures.values()), figures
