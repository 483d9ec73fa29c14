"""The strict Content-Security-Policy in a real browser (docs/security.md).

Every browser test fails on a CSP violation (tests/browser/conftest.py: a
`securitypolicyviolation` listener installed before any page script, plus Chromium's console
message). This file first proves that the detection works (pages with an inline script, an inline
style, a style attribute, eval and an outside script injected under the site's own header), then
walks the site with the demo data: the public pages a resident reaches from the home page, the
forms sent with errors, the API documentation, every staff page in each demo role's menus with the
pages linked from them, and the Django admin."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from ontwikkelplein.organisations.models import Role
from tests.browser.helpers import login

DEMO_PASSWORD = "ontwikkelplein-demo"
STAFF_PREFIXES = ("/beheer/", "/balie/")
ADMIN_PREFIX = "/beheer/django/"
# Downloads (CSV, XLSX, PDF) are no pages; logging out ends the walk.
NOT_PAGES = re.compile(
    r"(\.csv|/behoeften/download\.csv|\.xlsx|\.pdf|/pdf/|/csv/|/download/|/bijlage/|/netwerk/bijlage/|/export|formaat=|"
    r"uitloggen|logout)",
    re.I,
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
NUMBER = re.compile(r"/\d+/")


def settle(page) -> None:
    """Lets the browser run what is queued after the load event (violation events are
    dispatched in a task of their own) before the test looks at what was reported."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")


def assert_clean(new_page, what: str) -> None:
    """Fails at once, naming the page, instead of at the end of the test."""
    violations = new_page.problems.csp_violations
    assert not violations, f"{what}:\n" + "\n".join(violations)


def shape(href: str) -> str:
    """One page per kind: ids become placeholders, the query keeps only its parameter names."""
    parts = urlsplit(href)
    path = NUMBER.sub("/{n}/", UUID.sub("{id}", parts.path))
    keys = sorted({item.split("=", 1)[0] for item in parts.query.split("&") if item})
    return path + ("?" + "&".join(keys) if keys else "")


def links(page, selector: str = "a[href]") -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "links => links.map(a => a.href)")
    host = urlsplit(page.url).netloc
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.netloc != host or NOT_PAGES.search(local):
            continue
        if local not in found:
            found.append(local)
    return found


def visit(page, new_page, href: str, what: str):
    response = page.goto(href)
    settle(page)
    assert_clean(new_page, f"{what}: {href}")
    return response


# --- The detection works ----------------------------------------------------------------------

INJECTIONS = {
    "inline script": (
        "<script>window.opInjected = true;</script>",
        "() => window.opInjected === true",
        "script-src",
    ),
    "inline style element": (
        "<style>body { outline: 7px solid rgb(255, 0, 0); }</style>",
        "() => getComputedStyle(document.body).outlineWidth === '7px'",
        "style-src",
    ),
    "style attribute": (
        '<p id="op-injected" style="outline: 7px solid rgb(255, 0, 0)">x</p>',
        "() => getComputedStyle(document.getElementById('op-injected')).outlineWidth === '7px'",
        "style-src",
    ),
    "inline event handler": (
        '<img id="op-injected" src="/static/ontwikkelplein/icons/book.svg" alt=""'
        ' onload="window.opInjected = true">',
        "() => window.opInjected === true",
        "script-src",
    ),
    "eval in our own script": (
        '<script src="/static/op-test-eval.js"></script>',
        "() => window.opInjected === true",
        "script-src",
    ),
    "script from another site": (
        '<script src="https://cdn.example.org/tracker.js"></script>',
        "() => window.opInjected === true",
        "script-src",
    ),
}


@pytest.mark.parametrize("kind", sorted(INJECTIONS))
def test_a_violation_is_caught_and_blocked(new_page, kind):
    """The site's own answer, with its own Content-Security-Policy header, gets one forbidden
    thing added: the browser refuses it and the fixture hears of it (both through the event and
    through the console)."""
    markup, took_effect, directive = INJECTIONS[kind]
    page = new_page("desktop")

    def inject(route):
        response = route.fetch(timeout=30_000)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        body = response.text().replace("</main>", markup + "</main>", 1)
        route.fulfill(response=response, body=body)

    page.route("**/zoeken/", inject)
    page.route(
        "**/static/op-test-eval.js",
        lambda route: route.fulfill(
            body="try { window.opInjected = eval('true'); } catch (error) {}",
            content_type="text/javascript",
        ),
    )
    # Reaching another site is not this test's subject (the fixture blocks and reports it).
    page.route("https://cdn.example.org/**", lambda route: route.abort())
    # The route fetches the page a second time: more time on a busy machine.
    page.goto("/zoeken/", timeout=60_000)
    settle(page)
    assert not page.evaluate(took_effect), f"the browser let the {kind} through"
    violations = list(new_page.problems.csp_violations)
    new_page.problems.csp_violations.clear()
    from_event = [v for v in violations if not v.startswith("console:")]
    from_console = [v for v in violations if v.startswith("console:")]
    assert from_event, f"no securitypolicyviolation event for the {kind}: {violations}"
    assert any(v.startswith(directive) for v in from_event), violations
    # Chromium reports a refused eval as the EvalError it throws, not as a console line.
    if kind != "eval in our own script":
        assert from_console, f"no console message for the {kind}: {violations}"


def test_a_page_without_violations_reports_none(new_page):
    page = new_page("desktop")
    page.goto("/zoeken/?q=taal")
    settle(page)
    assert new_page.problems.csp_violations == []


# --- The site keeps to the policy -------------------------------------------------------------


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=io.StringIO())


def test_the_public_pages_keep_to_the_policy(new_page, demo):
    """Every kind of public page reachable from the home page (search, filters, offers, their
    print version, help and sign-up forms, the footer's pages), with and without htmx."""
    page = new_page("desktop")
    queue = ["/", "/zoeken/", "/hulp/status/", "/vragenlijst/", "/certificaat/"]
    queue += ["/account/inloggen/", "/bestaat-niet/"]
    seen_shapes: set[str] = set()
    offers = 0
    visited = 0
    while queue and visited < 80:
        href = queue.pop(0)
        if shape(href) in seen_shapes or href.startswith((*STAFF_PREFIXES, "/api/")):
            continue
        # Offer pages differ (courses with sign-up forms, partners with help forms): up to ten.
        if shape(href) == "/aanbod/{id}/" and offers < 10:
            offers += 1
        else:
            seen_shapes.add(shape(href))
        response = visit(page, new_page, href, "public page")
        assert response.status in (200, 404), f"{href} answers {response.status}"
        visited += 1
        queue += links(page)
    assert visited >= 15, f"only {visited} public pages found"
    assert any(s.startswith("/aanbod/{id}/") for s in seen_shapes), seen_shapes
    assert any(s.startswith("/aanbod/{id}/hulp/") for s in seen_shapes), seen_shapes
    assert any(s.startswith("/aanbod/{id}/aanmelden/") for s in seen_shapes), seen_shapes


def test_htmx_search_and_forms_sent_with_errors_keep_to_the_policy(new_page, demo):
    page = new_page("desktop")
    page.goto("/zoeken/")
    # A filter choice: htmx swaps the results in place (the event search.js sends).
    with page.expect_response(
        lambda r: "/zoeken/" in r.url and r.request.headers.get("hx-request")
    ):
        first_choice = page.locator(".op-filters input[type=checkbox]").first
        summary = first_choice.locator("xpath=ancestor::details[not(@open)][1]/summary")
        if summary.count():
            summary.click()
        first_choice.check()
    settle(page)
    assert_clean(new_page, "search filtered with htmx")
    # Text waits for the button (no request on typing), then htmx again.
    page.locator("#id_q").fill("taal")
    with page.expect_response(lambda r: "q=taal" in r.url):
        page.get_by_role("button", name="Zoeken", exact=True).click()
    settle(page)
    assert_clean(new_page, "search with words")

    # A help request sent empty: the form comes back with its error summary.
    offer_link = page.locator("main a[href*='/aanbod/']").first
    offer_link.click()
    page.wait_for_load_state()
    help_link = page.locator("a[href*='/hulp/']").first
    if help_link.count():
        help_link.click()
        page.wait_for_load_state()
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        settle(page)
        assert_clean(new_page, "help request sent with errors")

    # A wrong password.
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_load_state()
    settle(page)
    assert_clean(new_page, "login with a wrong password")


def test_the_api_documentation_keeps_to_the_policy(new_page):
    page = new_page("desktop")
    visit(page, new_page, "/api/docs/", "Swagger UI")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Ontwikkelplein API")
    page.locator(".opblock-summary").first.click()
    settle(page)
    assert_clean(new_page, "Swagger UI, an operation opened")


def test_every_staff_page_of_every_demo_role_keeps_to_the_policy(new_page, demo):
    """Each demo role follows every link of its menus (as tests/browser/test_staff_shell.py
    does); from those pages, each further kind of staff page is opened once (the first role to
    reach it)."""
    from ontwikkelplein.demo.services import demo_logins

    users = get_user_model().objects
    detail_shapes: set[str] = set()
    total = 0
    for row in demo_logins():
        page = new_page("desktop")
        login(page, users.get(username=row["username"]), DEMO_PASSWORD)
        settle(page)
        assert_clean(new_page, f"landing page of {row['username']}")
        menu = links(page, ".op-staff-menu--wide a[href], nav.op-referral-nav a[href]")
        menu = [h for h in menu if h.startswith(STAFF_PREFIXES)]
        assert menu, f"{row['username']}: no menu"
        seen: set[str] = set()
        queue = [(h, True) for h in menu]
        while queue:
            href, from_menu = queue.pop(0)
            if href in seen or (href.startswith(ADMIN_PREFIX)):
                continue
            if not from_menu:
                if shape(href) in detail_shapes or len(detail_shapes) >= 120:
                    continue
                detail_shapes.add(shape(href))
            seen.add(href)
            response = visit(page, new_page, href, row["username"])
            assert response.status < 400, f"{row['username']}: {href} answers {response.status}"
            total += 1
            sub_menu = links(page, "nav.op-referral-nav a[href], nav.op-learning-nav a[href]")
            queue += [(h, True) for h in sub_menu if h not in seen]
            queue += [
                (h, False) for h in links(page, "main a[href]") if h.startswith(STAFF_PREFIXES)
            ]
        page.context.close()
    assert total >= 60, f"only {total} staff pages visited"


def test_the_django_admin_keeps_to_the_policy(new_page, demo):
    """The KB-beheerder's admin: index, each model's list, add form and a change form."""
    page = new_page("desktop")
    visit(page, new_page, ADMIN_PREFIX + "login/", "admin login")
    login(page, get_user_model().objects.get(username="kb-beheerder"), DEMO_PASSWORD)
    queue = [ADMIN_PREFIX]
    seen: set[str] = set()
    while queue and len(seen) < 40:
        href = queue.pop(0)
        if href in seen or not href.startswith(ADMIN_PREFIX) or "/delete/" in href:
            continue
        seen.add(href)
        response = visit(page, new_page, href, "admin")
        # A read-only form links a related record the KB-beheerder may not open (403 page).
        assert response.status in (200, 403), f"{href} answers {response.status}"
        found = links(page, "#content-main a[href]")
        # One change form per list is enough.
        rows = [h for h in found if "/change/" in h][:1]
        queue += [h for h in found if "/change/" not in h and "?" not in h] + rows
    assert len(seen) >= 8, seen


# --- What replaced inline script ----------------------------------------------------------------


def test_the_enrolment_confirmation_prints_without_inline_script(new_page):
    """The print button (print.js, no onclick) shows and prints with JavaScript; without it the
    button stays hidden and the hint to press Ctrl+P remains."""
    from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
    from ontwikkelplein.organisations.tests.factories import staff_user

    run = RunFactory(capacity=5)
    enrolment = enrol_person(run, name="Henk de Boer")[0]
    user = staff_user(run.organisation, Role.SPECIALIST)
    url = f"/beheer/cursussen/inschrijving/{enrolment.pk}/bevestiging/"

    page = new_page("desktop")
    login(page, user)
    visit(page, new_page, url, "confirmation")
    page.evaluate("() => { window.print = () => { window.opPrinted = true; }; }")
    page.get_by_role("button", name="Printen").click()
    assert page.evaluate("() => window.opPrinted === true")

    nojs = new_page("desktop", javascript=False)
    login(nojs, user)
    nojs.goto(url)
    assert not nojs.get_by_role("button", name="Printen").is_visible()
    expect(nojs.get_by_text("of gebruik Ctrl+P.")).to_be_visible()


def test_typing_in_the_search_box_waits_for_the_button(new_page):
    """search.js fires htmx's request on a changed choice, not on a changed text box (what the
    hx-trigger filter did with eval)."""
    page = new_page("desktop")
    page.goto("/zoeken/")
    requests = []
    page.on("request", lambda r: requests.append(r.url) if r.headers.get("hx-request") else None)
    page.locator("#id_q").fill("taal")
    page.keyboard.press("Tab")  # the text box's change event
    page.wait_for_timeout(300)
    assert requests == []
    with page.expect_response(lambda r: "q=taal" in r.url):
        page.get_by_role("button", name="Zoeken", exact=True).click()
    assert len(requests) == 1
    settle(page)
    assert_clean(new_page, "search")
