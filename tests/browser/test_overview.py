"""The overview in a real browser, on a phone and a wide screen: the KB's national overview
with the libraries compared, sorted by keyboard through a column's link, then one library by
following its name; a team leader's own library; axe-core clean and no wider than the screen."""

import datetime

import pytest
from playwright.sync_api import expect

from ontwikkelplein.desk.tests.figures_data import build_network, rollup
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login, tab_until


@pytest.fixture
def net():
    net = build_network()
    year = datetime.date.today().year - 1
    rollup(net.eemhuis, datetime.date(year, 3, 3), questions=12)
    rollup(net.neude, datetime.date(year, 4, 3), questions=30)
    rollup(net.veste, datetime.date(year, 5, 3), questions=2)
    return net


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_national_overview_sorted_by_keyboard(new_page, net, viewport, width):
    page = new_page(viewport)
    login(page, net.kb_admin)
    year = datetime.date.today().year - 1
    page.goto(f"/beheer/overzicht/?niveau=land&periode=jaar&datum={year}-01-01")
    expect(page.get_by_role("heading", name="Overzicht", exact=True)).to_be_visible()
    table = page.get_by_role("table", name="Bibliotheken vergeleken")
    expect(table).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the national overview")

    # Sort by the desk's questions with the keyboard only: Tab to the column's link, Enter.
    tab_until(page, lambda el: el.get("text", "").strip().startswith("Vragen balie"))
    page.keyboard.press("Enter")
    page.wait_for_url("**sorteer=desk_questions**")
    rows = page.get_by_role("table", name="Bibliotheken vergeleken").get_by_role("rowheader")
    expect(rows.first).to_have_text("Bibliotheek Utrecht")
    expect(page.get_by_role("columnheader", name="Vragen balie")).to_have_attribute(
        "aria-sort", "descending"
    )
    assert_no_axe_violations(page, what="the national overview, sorted")

    page.get_by_role("link", name="Bibliotheek Eemland").first.click()
    expect(page.locator(".op-lead")).to_contain_text("Bibliotheek Eemland")
    expect(page.get_by_role("navigation", name="Waar je bent in het overzicht")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="one library's overview")


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_team_leader_sees_own_library(new_page, net, viewport, width):
    page = new_page(viewport)
    leader = staff_user(net.eemland, Role.TEAM_LEADER)
    login(page, leader)
    year = datetime.date.today().year - 1
    page.goto(f"/beheer/overzicht/?periode=jaar&datum={year}-01-01")
    table = page.get_by_role("table", name=f"Bereik van de balie: {year}")
    questions = table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Vragen", exact=True)
    )
    expect(questions).to_contain_text("12")
    expect(page.get_by_role("table", name="Bibliotheken vergeleken")).to_have_count(0)
    fits(page, width)
    assert_no_axe_violations(page, what="the own library's overview")
