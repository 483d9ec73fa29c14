"""A POI adviser describes a trajectory in the back office: the form by keyboard and mouse, its
error state, and the result; axe-core on every page."""

import re

from playwright.sync_api import expect

from ontwikkelplein.learning.models import Trajectory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import PoiFactory, staff_user
from tests.browser.helpers import assert_no_axe_violations, login


def test_poi_adviser_defines_a_trajectory(page):
    poi = PoiFactory(name="POI Voorbeeldland")
    adviser = staff_user(poi, Role.POI_ADVISER, username="adviseur-traject")
    login(page, adviser)
    page.goto("/beheer/leren/")
    assert_no_axe_violations(page, what="trajectory list for an organiser")
    page.get_by_role("link", name="Nieuw leertraject beschrijven").click()
    assert_no_axe_violations(page, what="new trajectory form")

    # First without a name and with an impossible group size.
    page.get_by_label("Minimale groepsgrootte").fill("12")
    page.get_by_label("Maximale groepsgrootte").fill("4")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Controleer wat je hebt ingevuld")).to_be_visible()
    assert_no_axe_violations(page, what="trajectory form with errors")
    assert not Trajectory.objects.exists()

    page.get_by_label(re.compile(r"^Naam ")).fill("Taal voor het Leven")
    page.get_by_label("Maximale groepsgrootte").fill("14")
    onderdeel = page.get_by_role("group", name="Onderdeel 1")
    onderdeel.get_by_label("Titel").fill("Training dag 1")
    onderdeel.get_by_label("Soort").select_option("meeting")
    page.get_by_role("group", name="Onderdeel 2").get_by_label("Titel").fill("E-learning taal")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1, name="Taal voor het Leven")).to_be_visible()
    assert_no_axe_violations(page, what="trajectory detail for its owner")
    trajectory = Trajectory.objects.get(name="Taal voor het Leven")
    assert trajectory.owner == poi
    assert sorted(c.title for c in trajectory.components.all()) == [
        "E-learning taal",
        "Training dag 1",
    ]
