"""A course session on a day the library closed after it was planned, as a resident sees it on a
phone and a wide screen, in Dutch and Arabic: the session struck through with "Vervalt", the
offer page and the sign-up page axe-clean and no wider than the screen."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses.tests.factories import RunFactory
from ontwikkelplein.organisations.tests.factories import (
    ClosurePeriodFactory,
    LocationFactory,
    OrganisationFactory,
)
from tests.browser.helpers import assert_no_axe_violations


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def run():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    location = LocationFactory(organisation=library, name="Eemhuis")
    offer = OfferFactory(
        organisation=library, title="Digisterker", sign_up="registration", location=location
    )
    run = RunFactory(offer=offer, location=location, sessions=3, name="Voorjaar")
    first = run.sessions.order_by("date").first()
    ClosurePeriodFactory(
        location=location, start_date=first.date, end_date=first.date, reason="studiedag"
    )
    return run


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_a_cancelled_session_on_the_offer_and_sign_up_pages(new_page, run, viewport, width):
    page = new_page(viewport)
    page.goto(f"/aanbod/{run.offer.pk}/")
    expect(page.locator("main")).to_contain_text("Vervalt: Eemhuis is dan gesloten (studiedag).")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page, what="offer page with a cancelled session")
    page.goto(f"/aanbod/{run.offer.pk}/aanmelden/{run.pk}/")
    expect(page.locator("main")).to_contain_text("Vervalt")
    assert_no_axe_violations(page, what="sign-up page with a cancelled session")


def test_a_cancelled_session_in_arabic(new_page, run):
    page = new_page("phone")
    page.goto(f"/aanbod/{run.offer.pk}/?taal=ar")
    expect(page.locator("main")).to_contain_text("أُلغي")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page, what="offer page with a cancelled session in Arabic")
