"""The offer's poster and cards in a real browser: reached from the offer page by keyboard,
axe-clean on a phone and a wide screen (and in Arabic), and printed as an A4 page without the
site's header."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from tests.browser.helpers import assert_no_axe_violations


@pytest.fixture
def offer():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    place = LocationFactory(organisation=library, name="Eemhuis")
    return OfferFactory(organisation=library, title="Taalcafé", location=place, location__weekday=2)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_poster_and_cards_from_the_offer_page(new_page, offer, viewport, width):
    page = new_page(viewport)
    page.goto(f"/aanbod/{offer.pk}/")
    page.get_by_role("link", name="Poster (A4)").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Poster om op te hangen")
    expect(page.get_by_role("img", name="QR-code naar dit aanbod op de website")).to_be_visible()
    expect(page.get_by_role("button", name="Nu printen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page, what="the poster")
    page.emulate_media(media="print")
    expect(page.locator(".op-header")).to_be_hidden()
    expect(page.get_by_text("Taalcafé", exact=True)).to_be_visible()
    page.emulate_media(media="screen")

    page.goto(f"/aanbod/{offer.pk}/kaartjes/")
    expect(page.locator(".op-card")).to_have_count(8)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page, what="the cards")


def test_poster_in_arabic(new_page, offer):
    page = new_page("phone")
    page.goto(f"/aanbod/{offer.pk}/poster/?taal=ar")
    expect(page.get_by_role("heading", level=1)).to_have_text("ملصق للتعليق")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page, what="the poster in Arabic")
