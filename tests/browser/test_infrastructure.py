"""The browser harness itself: Dutch pages from the live server, static files, no network,
axe-core and the login helper."""

import pytest

from ontwikkelplein.catalogue.models import TaxonomyTerm
from ontwikkelplein.organisations.tests.factories import staff_user
from ontwikkelplein.places.models import PostcodeArea, Province
from tests.browser.helpers import assert_no_axe_violations, login


@pytest.mark.parametrize("attempt", [1, 2])
def test_seeded_reference_data_survives_between_tests(attempt):
    # Transactional tests flush the database afterwards; serialized rollback restores what the
    # data migrations seeded, so the second run still finds the terms.
    assert TaxonomyTerm.objects.filter(taxonomy__slug="thema").count() >= 11
    assert Province.objects.count() == 12
    assert PostcodeArea.objects.filter(pc4="3811").exists()


def test_login_page_loads_with_styles_and_passes_axe(page):
    page.goto("/account/inloggen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    # The Utrecht CSS is served: the primary button gets its styling (not the UA default).
    assert page.evaluate(
        "() => [...document.styleSheets].some(s => (s.href || '').includes('utrecht.css'))"
    )
    assert_no_axe_violations(page)


def test_axe_reports_violations(page):
    # The helper must be able to fail: an image without alt text is a WCAG violation.
    page.goto("/account/inloggen/")
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">')"
    )
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_no_axe_violations(page)


def test_requests_outside_the_live_server_are_blocked(new_page):
    page = new_page()
    # A static file: served without the site's Content-Security-Policy (WhiteNoise answers before
    # it is added), whose connect-src would block the request before the harness saw it.
    page.goto("/static/ontwikkelplein/site.css")
    status = page.evaluate(
        "() => fetch('http://example.org/').then(() => 'reached', () => 'blocked')"
    )
    assert status == "blocked"
    assert new_page.problems.blocked == ["http://example.org/"]
    # Expected here; forget it so the harness does not fail the test at teardown.
    new_page.problems.blocked.clear()


def test_login_helper_logs_in_a_staff_member(page):
    user = staff_user()
    login(page, user)
    assert any(cookie["name"] == "sessionid" for cookie in page.context.cookies())
    # The login page sends a logged-in user on.
    page.goto("/account/inloggen/")
    assert "/account/inloggen/" not in page.url
