"""The calculators in a real browser as a team leader, on a phone and a wide screen: the result
of the example, a changed value by keyboard only, an error, axe-core clean, and the phone page
no wider than the screen."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.costing.tests.factories import library_with_kaart
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login


@pytest.fixture
def leader():
    return staff_user(library_with_kaart(offers=3, partner_offers=2), role=Role.TEAM_LEADER)


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_kaart_calculator_by_keyboard(new_page, leader, viewport, width):
    page = new_page(viewport)
    login(page, leader)
    page.goto("/beheer/rekenhulp/")
    page.get_by_role("link", name="Kostprijs van een sociaal-educatieve kaart").click()
    expect(page.get_by_label("Aantal aanbod op de kaart")).to_have_value("5")
    expect(page.get_by_role("rowheader", name="Totaal per jaar")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the kaart calculator")

    field = page.get_by_label("Kosten per uur (euro)")
    field.focus()
    field.fill("")
    page.keyboard.type("0,5x")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    expect(page.get_by_text("Er is nog geen uitkomst")).to_be_visible()
    assert_no_axe_violations(page, what="the kaart calculator with an error")

    field = page.get_by_label("Kosten per uur (euro)")
    field.fill("")
    field.focus()
    page.keyboard.type("60")
    page.keyboard.press("Enter")
    expect(page.get_by_role("rowheader", name="Totaal per jaar")).to_be_visible()
    assert "hourly_cost=60" in page.url
    link = page.get_by_role("link", name="Download als PDF")
    assert "formaat=pdf" in link.get_attribute("href")


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_ido_calculator_compares_three_forms(new_page, leader, viewport, width):
    page = new_page(viewport)
    login(page, leader)
    page.goto("/beheer/rekenhulp/ido/")
    table = page.get_by_role("table", name="Kosten per jaar in euro, per vorm")
    for name in ("Basis", "Altijd beschikbaar", "Brede dienstverlening"):
        expect(table.get_by_role("columnheader", name=name)).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the IDO calculator")
    page.locator("#id_altijd-help_share").fill("150")
    page.get_by_role("button", name="Bereken").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Altijd beschikbaar: Deel van die uren aan IDO-vragen")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_altijd-help_share")).to_be_focused()
    assert_no_axe_violations(page, what="the IDO calculator with an error")
