"""The six figures pages (desk, referrals, courses, impact, learning, wegwijzer) look and
behave alike: the same level picker (?niveau=, "Eigen organisatie", "Regio (POI)", "Heel
Nederland"), the same period picker, the same small-count note ("<5"), charts without style
attributes, and axe-core finds nothing, at phone and desktop width. One test, run against each
page."""

import datetime
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ontwikkelplein.desk.tests.figures_data import build_network, question, register_many
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import MembershipFactory
from tests.browser.helpers import assert_no_axe_violations, login

VIEWPORTS = ["phone", "desktop"]
PAGES = {
    "desk": "desk:figures",
    "referrals": "referrals:figures",
    "courses": "courses:staff-reach",
    "impact": "impact:staff-overview",
    "learning": "learning:overview",
    "wayfinder": "wayfinder:figures",
}
YEAR_2024 = "periode=jaar&datum=2024-06-01"
NOTE = "Aantallen van 1 tot en met 4 staan er als <5."
# Every download link carries the same parameters (desk puts the format in the path).
CSV_QUERY = re.compile(r"[?&]niveau=eigen&periode=jaar&datum=2024-01-01")


def build_world():
    """A team leader of Bibliotheek Eemland who is also adviser of POI Utrecht (so every page
    offers two levels), and two registrations at the desk in June 2024 (a small count)."""
    net = build_network()
    user = net.eemland_desk
    MembershipFactory(user=user, organisation=net.eemland, role=Role.TEAM_LEADER)
    MembershipFactory(user=user, organisation=net.poi_utrecht, role=Role.POI_ADVISER)
    register_many(net.vathorst, datetime.date(2024, 6, 5), 2, question())
    return net, user


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("app", list(PAGES))
def test_every_figures_page_has_the_same_pickers_labels_and_note(new_page, viewport, app):
    net, user = build_world()
    page = new_page(viewport)
    login(page, user)
    url = reverse(PAGES[app])

    # The own level: exact numbers, no small-count note.
    response = page.goto(f"{url}?niveau=eigen&{YEAR_2024}")
    assert response.status == 200
    levels = page.get_by_role("navigation", name="Niveau van de cijfers")
    expect(levels.get_by_role("link")).to_have_text(["Eigen organisatie", "Regio (POI)"])
    expect(levels.get_by_role("link", name="Eigen organisatie")).to_have_attribute(
        "aria-current", "page"
    )
    expect(levels.get_by_role("link", name="Regio (POI)")).to_have_attribute(
        "href", "?niveau=regio&periode=jaar"
    )
    expect(page.locator(".op-figures-note")).to_have_count(0)

    # The period picker.
    form = page.get_by_role("form", name="Periode kiezen")
    expect(form.get_by_label("Periode", exact=True).locator("option")).to_have_text(
        ["Dag", "Week", "Maand", "Kwartaal", "Jaar"]
    )
    expect(form.get_by_label("Periode", exact=True)).to_have_value("jaar")
    expect(form.get_by_label("Een dag in die periode")).to_have_value("2024-01-01")
    expect(form.get_by_role("button", name="Toon cijfers")).to_be_visible()
    other = page.get_by_role("navigation", name="Andere periode")
    expect(other.get_by_role("link", name="Vorige: 2023")).to_be_visible()
    expect(other.get_by_role("link", name="Volgende: 2025")).to_be_visible()
    csv_link = page.get_by_role("link", name="Deze cijfers als CSV-bestand")
    expect(csv_link).to_have_attribute("href", CSV_QUERY)
    expect(page.get_by_role("link", name="Deze cijfers als Excel-bestand (XLSX)")).to_be_visible()

    # The region level: the same note about small counts on every page.
    with page.expect_navigation():
        levels.get_by_role("link", name="Regio (POI)").click()
    assert "niveau=regio" in page.url
    expect(page.locator(".op-figures-note")).to_contain_text(NOTE)
    assert page.locator("main [style]").count() == 0  # charts use classes, not style
    assert_no_axe_violations(page, what=f"{app} figures, region ({viewport})")

    # The same choice of period works on every page, also for an old ?weergave= address.
    page.goto(f"{url}?weergave=regio&periode=kwartaal&datum=2024-06-01")
    expect(page.locator(".op-lead")).to_contain_text("kwartaal 2 van 2024")


def test_the_desk_page_shows_the_small_count_as_less_than_five(new_page):
    net, user = build_world()
    page = new_page("desktop")
    login(page, user)
    page.goto(f"/beheer/cijfers/?niveau=regio&{YEAR_2024}")
    totals = page.locator("table", has=page.locator("caption", has_text="Per kanaal"))
    expect(totals.locator("tfoot td").first).to_have_text("<5")
