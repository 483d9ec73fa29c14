"""The error pages in a real browser: axe-clean at phone and desktop width, one h1, the search box
works from the 404 page, and a form posted without its CSRF cookie lands on the B1 CSRF page."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error
from playwright.sync_api import expect

from tests.browser.helpers import assert_no_axe_violations

pytestmark = pytest.mark.urls("ontwikkelplein.core.tests.error_urls")

PAGES = {
    "404": ("/bestaat-niet/", 404, "Deze pagina bestaat niet (meer)"),
    "403": ("/test-fout/403/", 403, "Deze pagina mag je niet zien"),
    "400": ("/test-fout/400/", 400, "Dit kunnen we niet lezen"),
}


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_error_page_is_axe_clean(new_page, viewport, name):
    url, status, heading = PAGES[name]
    page = new_page(viewport)
    response = page.goto(url)
    assert response.status == status
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_no_axe_violations(page, what=f"{name} ({viewport})")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_500_page_is_axe_clean(new_page, live_server, viewport):
    """Served as Django's server_error renders it (empty context), under the live server's
    address so its styles load; the status is 200 only so the fixture does not flag it."""
    with translation.override("nl"):
        html = server_error(RequestFactory().get("/")).content.decode()
    page = new_page(viewport)
    page.route(
        "**/kapot/",
        lambda route: route.fulfill(status=200, body=html, content_type="text/html"),
    )
    page.goto("/kapot/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Er ging bij ons iets mis")
    assert_no_axe_violations(page, what=f"500 ({viewport})")


def test_the_404_search_box_leads_to_results(page):
    page.goto("/bestaat-niet/")
    page.get_by_label("Wat zoek je?").fill("digid")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken").click()
    assert "/zoeken/?q=digid" in page.url


def test_a_form_without_its_csrf_cookie_shows_the_csrf_page(page):
    page.goto("/")
    page.context.clear_cookies()
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je formulier is niet verstuurd")
    assert_no_axe_violations(page, what="CSRF failure page")
