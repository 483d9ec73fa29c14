"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Every test in this folder is marked `browser` (run by `make test-browser`, excluded from the
SQLite and PostgreSQL runs) and gets a transactional database with serialized rollback: the
live server needs committed data, and the flush after each test would otherwise also wipe what
the data migrations seeded (provinces, municipalities, PC4 postcodes, taxonomy terms, synonyms).
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import AXE_JS, REPO_DIR

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
VENDOR_FILES = [
    REPO_DIR / "src/ontwikkelplein/static/vendor/utrecht/utrecht.css",
    REPO_DIR / "src/ontwikkelplein/static/vendor/htmx/htmx.min.js",
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}
DEFAULT_TIMEOUT_MS = 10_000
# Every page reports Content-Security-Policy violations to the test (see new_page): the
# `securitypolicyviolation` event, caught before any page script runs, is handed to Python
# through an exposed binding (not subject to the page's policy).
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.__opCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}`
    + (event.sample ? ` (${event.sample})` : '')
    + (event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''));
}, true);
"""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: the markers must be there before `-m` deselects and pytest-django sorts.
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


# --- Browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium "
            "(bash scripts/system-packages.sh test, which `make test` runs)"
        )
    missing = [str(p.relative_to(REPO_DIR)) for p in [AXE_JS, *VENDOR_FILES] if not p.exists()]
    if missing:
        pytest.fail(
            "Front-end files are missing: " + ", ".join(missing) + ". Run `make assets` first.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_settings(settings):
    # The live server speaks plain http; secure-only cookies would make login depend on how
    # lenient the browser is about http://localhost.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    return settings


class PageProblems:
    """What went wrong in the browser while a test ran; checked when the test ends."""

    def __init__(self):
        self.js_errors: list[str] = []
        self.failed_assets: list[str] = []
        self.blocked: list[str] = []
        self.server_errors: list[str] = []
        self.csp_violations: list[str] = []

    def report(self) -> list[str]:
        lines = []
        lines += [f"JavaScript error: {e}" for e in self.js_errors]
        lines += [f"Static file missing: {u}" for u in self.failed_assets]
        lines += [f"Request outside the live server blocked: {u}" for u in self.blocked]
        lines += [f"Server error: {u}" for u in self.server_errors]
        lines += [f"Content-Security-Policy violation: {v}" for v in self.csp_violations]
        return lines


@pytest.fixture
def new_page(browser, live_server, browser_settings) -> Iterator[Callable]:
    """Makes pages: `new_page(viewport="phone"|"desktop", javascript=True)`. Each page has its
    own context (cookies), talks Dutch, resolves relative URLs against the live server, may
    not reach the network, and fails the test on JavaScript errors, missing static files,
    server errors or Content-Security-Policy violations (the event in the page, and Chromium's
    console message "Refused to ..." for any the event would miss)."""
    contexts = []
    problems = PageProblems()
    host = urlsplit(live_server.url).netloc

    def route(route, request):
        if urlsplit(request.url).netloc == host or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            problems.blocked.append(request.url)
            route.abort()

    def on_response(response):
        path = urlsplit(response.url).path
        if response.status >= 500:
            problems.server_errors.append(f"{response.status} {response.url}")
        elif response.status >= 400 and path.startswith("/static/"):
            problems.failed_assets.append(f"{response.status} {response.url}")

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.csp_violations.append(f"console: {message.text}")

    def make(viewport: str = "desktop", javascript: bool = True):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=VIEWPORTS[viewport],
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            java_script_enabled=javascript,
            is_mobile=viewport == "phone",
            has_touch=viewport == "phone",
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.route("**/*", route)
        context.expose_binding(
            "__opCspViolation", lambda source, text: problems.csp_violations.append(text)
        )
        context.add_init_script(CSP_LISTENER)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.js_errors.append(str(error)))
        page.on("response", on_response)
        page.on("console", on_console)
        return page

    make.problems = problems
    yield make

    for context in contexts:
        context.close()
    trouble = problems.report()
    if trouble:
        pytest.fail("\n".join(trouble), pytrace=False)


@pytest.fixture
def page(new_page):
    """A desktop-size page with JavaScript."""
    return new_page("desktop")


@pytest.fixture
def phone_page(new_page):
    """A phone-size page (390x844) with JavaScript."""
    return new_page("phone")


@pytest.fixture
def nojs_page(new_page):
    """A desktop-size page with JavaScript switched off."""
    return new_page("desktop", javascript=False)
