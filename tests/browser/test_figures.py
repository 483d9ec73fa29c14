"""The front-desk figures in a real browser: axe-core finds zero violations on the library's
dashboard and on a POI drill-down level, at phone and desktop width; the drill-down works by
keyboard; the period form works without JavaScript."""

import datetime

import pytest
from playwright.sync_api import expect

from ontwikkelplein.desk.tests.figures_data import (
    build_network,
    question,
    register,
    register_many,
)
from tests.browser.helpers import active_element, assert_no_axe_violations, login, tab_until

VIEWPORTS = ["phone", "desktop"]
JUNE = "periode=maand&datum=2024-06-01"


def build_data():
    """June 2024 through the registration service: Eemhuis 8 contacts (one with a referral),
    Vathorst 2 by phone; May 2024: Eemhuis 3."""
    net = build_network()
    register_many(net.eemhuis, datetime.date(2024, 6, 3), 7, question())
    register(
        net.eemhuis,
        datetime.date(2024, 6, 4),
        question(topic="toeslagen", agency="toeslagen"),
        question(
            category="library",
            agency=None,
            topic=None,
            help_types=["provider_info", "referral"],
            referral="colleague",
        ),
    )
    register_many(net.vathorst, datetime.date(2024, 6, 5), 2, question(), channel="phone")
    register_many(net.eemhuis, datetime.date(2024, 5, 20), 3, question())
    return net


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_library_dashboard_has_no_axe_violations(new_page, viewport):
    net = build_data()
    page = new_page(viewport)
    login(page, net.eemland_desk)
    response = page.goto(f"/beheer/cijfers/?{JUNE}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers van de balie")
    expect(page.locator("table")).to_have_count(8)
    # The library sees its own exact numbers.
    locations = page.locator("table", has=page.locator("caption", has_text="Per locatie"))
    expect(locations.locator("tbody tr", has_text="Vathorst").locator("td").nth(3)).to_have_text(
        "2"
    )
    if viewport == "phone":
        # On a phone the staff menu is folded; open it to see the current page marked.
        page.locator(".op-staff-menu__summary").click()
    expect(page.get_by_role("link", name="Cijfers", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    assert_no_axe_violations(page, what=f"library figures ({viewport})")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_poi_drill_down_level_has_no_axe_violations(new_page, viewport):
    net = build_data()
    page = new_page(viewport)
    login(page, net.poi_adviser)
    response = page.goto(
        f"/beheer/cijfers/?niveau=regio&{JUNE}&provincie=PV26&gemeente=GM0307"
        f"&organisatie={net.eemland.pk}"
    )
    assert response.status == 200
    locations = page.locator("table", has=page.locator("caption", has_text="Per locatie"))
    # Vathorst's 2 is hidden; Eemhuis is hidden too, or the total would give the 2 away.
    expect(locations.locator("tbody tr", has_text="Vathorst").locator("td").nth(3)).to_have_text(
        "<5"
    )
    expect(locations.locator("tbody tr", has_text="Eemhuis").locator("td").nth(3)).to_have_text(
        "afgeschermd"
    )
    expect(page.get_by_role("navigation", name="Waar je bent in de cijfers")).to_contain_text(
        "Amersfoort"
    )
    assert_no_axe_violations(page, what=f"POI drill-down ({viewport})")


def test_the_drill_down_works_by_keyboard(page):
    net = build_data()
    login(page, net.poi_adviser)
    page.goto(f"/beheer/cijfers/?niveau=regio&{JUNE}")
    tab_until(page, lambda el: el["tag"] == "a" and el["text"] == "Utrecht")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "provincie=PV26" in page.url
    tab_until(page, lambda el: el["tag"] == "a" and el["text"] == "Amersfoort")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "gemeente=GM0307" in page.url
    expect(page.locator("caption", has_text="Per bibliotheek")).to_have_count(1)
    assert active_element(page)["tag"] in {"body", "main", ""}


def test_the_period_form_works_without_javascript(new_page):
    net = build_data()
    page = new_page("desktop", javascript=False)
    login(page, net.eemland_desk)
    page.goto(f"/beheer/cijfers/?{JUNE}")
    page.get_by_label("Periode", exact=True).select_option("kwartaal")
    page.get_by_label("Locatie", exact=True).select_option(label="Vathorst")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon cijfers").click()
    assert "periode=kwartaal" in page.url
    expect(page.locator("p.op-lead")).to_have_text("Vathorst: kwartaal 2 van 2024")
    totals = page.locator("table", has=page.locator("caption", has_text="Per kanaal"))
    expect(totals.locator("tfoot td").nth(3)).to_have_text("2")
