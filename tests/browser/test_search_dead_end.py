"""Never a dead end: a search that finds nothing shows "Hier kun je altijd terecht" with the
nearest IDO, Taalhuis and library, on a phone, axe-clean, by keyboard and without JavaScript;
a misspelt town gets "Bedoel je Amersfoort?"."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from ontwikkelplein.catalogue.models import Programme
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
)
from ontwikkelplein.places.geo import resolve_place
from tests.browser.helpers import assert_no_axe_violations, tab_until

NOTHING = "/zoeken/?q=zzqwv&waar=3811"
# The first search that finds nothing reads the Dutch word list (catalogue/unmatched.py).
SLOW_FIRST_PAGE_MS = 30_000


@pytest.fixture
def help_points():
    centre = resolve_place("3811")
    library = OrganisationFactory(name="Bibliotheek Eemland (test)", phone="033 463 40 00")
    eemhuis = LocationFactory(
        organisation=library,
        name="Bibliotheek Eemhuis",
        latitude=centre.latitude + 0.005,
        longitude=centre.longitude,
        has_ido=True,
        has_taalhuis=True,
    )
    for weekday in range(7):
        OpeningHoursFactory(
            location=eemhuis,
            weekday=weekday,
            opens_at=datetime.time(9),
            closes_at=datetime.time(17),
        )
    ido, _new = Programme.objects.get_or_create(code="ido", defaults={"name": "IDO"})
    offer = OfferFactory(
        organisation=library, title="IDO-spreekuur Eemhuis", programme=ido, location=eemhuis
    )
    return offer


def test_no_results_on_a_phone_shows_where_to_go_axe_clean_and_by_keyboard(new_page, help_points):
    page = new_page("phone")
    page.set_default_timeout(SLOW_FIRST_PAGE_MS)
    page.goto(NOTHING)

    panel = page.locator("#hier-terecht")
    expect(panel.get_by_role("heading", name="Hier kun je altijd terecht")).to_be_visible()
    expect(panel.get_by_role("heading", name="Bibliotheek Eemhuis")).to_be_visible()
    expect(panel).to_contain_text("Informatiepunt Digitale Overheid (IDO), Taalhuis, Bibliotheek")
    expect(panel).to_contain_text("Vandaag open 9:00–17:00")
    expect(panel.get_by_role("link", name="033 463 40 00")).to_have_attribute(
        "href", "tel:0334634000"
    )
    # Nothing on the page is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_axe_violations(page, what="no results with help points, phone")

    # By keyboard: Tab reaches "Ik wil hulp" and Enter opens the form.
    element = tab_until(page, lambda el: el["text"] == "Ik wil hulp")
    assert element["href"].endswith(f"/aanbod/{help_points.pk}/hulp/")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ik wil hulp")


def test_without_javascript_the_postcode_field_reruns_the_search(new_page, help_points):
    page = new_page("phone", javascript=False)
    page.set_default_timeout(SLOW_FIRST_PAGE_MS)
    page.goto("/zoeken/?q=zzqwv")

    panel = page.locator("#hier-terecht")
    expect(panel.get_by_role("heading", name="Bibliotheek Eemhuis")).to_have_count(0)
    # (axe-core needs JavaScript; the same panel without a place is checked with axe in the
    # misspelt-town test below.)
    panel.get_by_label("Jouw postcode of plaats").fill("3811")
    with page.expect_navigation():
        panel.get_by_role("button", name="Zoek dichtbij").click()

    assert re.search(r"[?&]q=zzqwv", page.url) and re.search(r"[?&]waar=3811", page.url)
    expect(
        page.locator("#hier-terecht").get_by_role("heading", name="Bibliotheek Eemhuis")
    ).to_be_visible()


def test_a_misspelt_town_gets_a_suggestion_that_keeps_the_search(new_page, help_points):
    page = new_page("phone")
    page.set_default_timeout(SLOW_FIRST_PAGE_MS)
    page.goto("/zoeken/?q=zzqwv&waar=Amrsfort")

    field_error = page.locator("#id_waar_error")
    expect(field_error).to_contain_text("We kennen de plaats of postcode “Amrsfort” niet.")
    expect(page.locator("#hier-terecht").get_by_label("Jouw postcode of plaats")).to_be_visible()
    assert_no_axe_violations(page, what="unknown place with a suggestion and the postcode field")
    with page.expect_navigation():
        field_error.get_by_role("link", name="Bedoel je Amersfoort?").click()

    assert "waar=Amersfoort" in page.url and "q=zzqwv" in page.url
    expect(page.locator("#id_waar")).to_have_value("Amersfoort")
    expect(
        page.locator("#hier-terecht").get_by_role("heading", name="Bibliotheek Eemhuis")
    ).to_be_visible()
