"""The programme register in a real browser: a POI adviser adds a Taalhuis participation with
an error first, a library's team leader proposes a change, the adviser deals with it. axe-core
clean on every page, on a phone and a wide screen, nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation.tests.factories import ParticipationFactory
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    library = OrganisationFactory(
        name="Bibliotheek Heuvelrug", municipalities=[MunicipalityFactory(province=utrecht)]
    )
    ParticipationFactory(organisation=library)
    return {
        "library": library,
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "leader": staff_user(library, Role.TEAM_LEADER),
    }


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_register_kept_by_the_poi_and_proposed_to_by_the_library(new_page, world, viewport, width):
    leader_page = new_page(viewport)
    login(leader_page, world["leader"])
    leader_page.goto(f"/beheer/programmaregister/{world['library'].pk}/")
    expect(leader_page.get_by_role("heading", name="Bibliotheek Heuvelrug")).to_be_visible()
    expect(leader_page.get_by_role("link", name="Deelname toevoegen")).to_have_count(0)
    fits(leader_page, width)
    assert_no_axe_violations(leader_page, what="the library's register")
    leader_page.get_by_label("Wat moet er anders in het register?").fill(
        "Ons Taalhuis is in maart gecertificeerd."
    )
    leader_page.get_by_role("button", name="Voorstel versturen").click()
    expect(leader_page.get_by_text("Je voorstel is naar de POI gestuurd.")).to_be_visible()

    page = new_page(viewport)
    login(page, world["adviser"])
    page.goto("/beheer/programmaregister/")
    expect(page.get_by_role("cell", name="1 van 1 bibliotheken (100%)").first).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the register overview")
    page.get_by_role("link", name="Bibliotheek Heuvelrug").first.click()
    page.get_by_role("button", name="Verwerkt").click()
    expect(page.get_by_text("Het voorstel is afgehandeld.")).to_be_visible()

    page.get_by_role("link", name="Deelname toevoegen").click()
    page.get_by_label("Regeling").select_option(label="(digi)Taalhuis")
    page.get_by_label("Sinds").fill("2026-03-01")
    page.get_by_label("Geldig of loopt tot").fill("2025-03-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze datum ligt voor de startdatum.")
    fits(page, width)
    assert_no_axe_violations(page, what="the participation form with an error")
    page.get_by_label("Geldig of loopt tot").fill("2029-03-01")
    page.get_by_label("Stap in de certificering").select_option(label="Certificaat")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De deelname staat in het register.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="(digi)Taalhuis")).to_be_visible()
