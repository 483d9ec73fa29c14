"""Resident pages in the six languages on a phone (docs/public-site.md, "Talen"): the language
from a shared link (?taal=) and from the switch, <html lang dir>, right to left for Arabic
(mirrored where it should be, phone numbers and postcodes left to right), and axe on each page.

Set OP_SCREENSHOTS=<folder> to keep a screenshot of every Arabic page to look at."""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from ontwikkelplein.wayfinder.tests.factories import offers
from tests.browser.helpers import assert_no_axe_violations, path_of

# Each language with a text of its home page and of the offer page's "Wat is het?".
LANGUAGES = {
    "nl": ("ltr", "Waar kan ik terecht?", "Wat is het?"),
    "en": ("ltr", "Where can I get help?", "What is it?"),
    "ar": ("rtl", "إلى أين أذهب؟", "ما هو؟"),
    "tr": ("ltr", "Nereye gidebilirim?", "Bu nedir?"),
    "uk": ("ltr", "Куди звернутися?", "Що це?"),
    "pl": ("ltr", "Gdzie mogę się zwrócić?", "Co to jest?"),
}
SCREENSHOTS = os.environ.get("OP_SCREENSHOTS")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue():
    return offers()


def check(page, code: str, what: str) -> None:
    direction = LANGUAGES[code][0]
    html = page.locator("html")
    expect(html).to_have_attribute("lang", code)
    expect(html).to_have_attribute("dir", direction)
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    assert_no_axe_violations(page, what=f"{what} ({code})")
    if SCREENSHOTS and code == "ar":
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/ar-{what.replace(' ', '-')}.png", full_page=True)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_resident_pages_in_each_language_on_a_phone(new_page, catalogue, code):
    direction, question, what_is_it = LANGUAGES[code]
    page = new_page("phone")

    page.goto(f"/?taal={code}")
    expect(page.get_by_role("heading", level=1)).to_have_text(question)
    check(page, code, "home")

    # The rest of the visit stays in the language, through links without ?taal.
    page.goto("/zoeken/?q=digid&waar=Amersfoort")
    check(page, code, "search results")
    first = page.locator(".op-card__title a").first
    expect(first).to_be_visible()
    offer_path = first.get_attribute("href").split("?")[0]
    page.goto(offer_path)
    expect(page.get_by_role("heading", name=what_is_it)).to_be_visible()
    # The offer itself is as the library wrote it, in Dutch, and says so to screen readers.
    if code != "nl":
        expect(page.locator("#aanbod-titel")).to_have_attribute("lang", "nl")
    check(page, code, "offer page")

    page.goto("/wegwijzer/")
    check(page, code, "wegwijzer")

    page.goto(offer_path + "hulp/")
    assert path_of(page).endswith("/hulp/")
    expect(page.locator('input[type="tel"]')).to_have_count(1)
    check(page, code, "ik wil hulp")


def test_arabic_reads_right_to_left_with_numbers_left_to_right(new_page, catalogue):
    page = new_page("phone")
    page.goto("/zoeken/?q=digid&waar=Amersfoort&taal=ar")
    page.goto(page.locator(".op-card__title a").first.get_attribute("href"))
    # Mirrored: the back link's arrow points right, towards where Arabic reading starts.
    arrow = page.evaluate(
        "getComputedStyle(document.querySelector('.op-back__link'), '::before').content"
    )
    assert arrow == '"→"'
    # The header's logo sits at the right.
    logo = page.locator(".op-logo").bounding_box()
    assert logo["x"] + logo["width"] > 390 / 2
    # Phone numbers and e-mail addresses read left to right; addresses are isolated (<bdi>).
    for link in page.locator('a[href^="tel:"], a[href^="mailto:"]').all():
        assert link.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator(".op-offer-place__address bdi").count() >= 1

    page.goto(page.url.split("?")[0] + "hulp/")
    phone = page.locator('input[type="tel"]')
    expect(phone).to_have_count(1)
    assert phone.evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_the_switch_changes_the_language_and_the_address_keeps_it(new_page, catalogue):
    page = new_page("phone")
    page.goto("/zoeken/?q=digid")
    with page.expect_navigation():
        page.get_by_role("button", name="Українська").click()
    assert path_of(page) == "/zoeken/"
    assert "taal=uk" in page.url and "q=digid" in page.url
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    with page.expect_navigation():
        page.get_by_role("button", name="العربيّة").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert "taal=ar" in page.url
    # A shared link opens in its language for someone else, whatever their browser says.
    other = new_page("phone")
    other.goto(page.url)
    expect(other.locator("html")).to_have_attribute("lang", "ar")
    with other.expect_navigation():
        other.get_by_role("button", name="Nederlands").click()
    expect(other.locator("html")).to_have_attribute("lang", "nl")
    assert "taal" not in other.url
