"""EMB in verbinding in a real browser (docs/community.md): the specialist plans an action by
keyboard (with an error first) and ticks it off; the picture has its table; the front desk reads;
the region's POI adviser sees counts only. axe-core clean on every page, on a phone and a wide
screen, nothing wider than the screen."""

import datetime

import pytest
from playwright.sync_api import expect

from ontwikkelplein.catalogue.models import Programme as CatalogueProgramme
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.connections.models import ConnectionAction
from ontwikkelplein.connections.tests.factories import ConnectionActionFactory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login, tab_until


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    library = OrganisationFactory(
        name="Bibliotheek Heuvelrug", municipalities=[MunicipalityFactory(province=utrecht)]
    )
    partner = PartnerFactory(name="Welzijn Heuvelrug")
    for code in ("taalhuis", "ido"):
        offer = OfferFactory(
            organisation=library, programme=CatalogueProgramme.objects.get(code=code)
        )
        offer.partners.add(partner)
    ConnectionActionFactory(
        organisation=library,
        description="Mamacafé rondleiden langs het IDO",
        owner="Team jeugd",
        from_programme="boekstart",
        to_programme="ido",
        due_on=datetime.date.today() - datetime.timedelta(days=3),
    )
    return {
        "library": library,
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "specialist": staff_user(library, Role.SPECIALIST),
        "desk": staff_user(library, Role.FRONT_DESK),
    }


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_emb_in_verbinding_planned_by_the_library_read_by_the_desk_counted_by_the_poi(
    new_page, world, viewport, width
):
    page = new_page(viewport)
    login(page, world["specialist"])
    page.goto("/beheer/in-verbinding/")
    expect(
        page.get_by_role(
            "heading",
            name="De educatief maatschappelijke bibliotheek in verbinding: Bibliotheek Heuvelrug",
            level=1,
        )
    ).to_be_visible()
    expect(page.get_by_role("img", name="De educatief maatschappelijke bibliotheek")).to_have_count(
        1
    )
    table = page.get_by_role("table", name="De verbindingen als tabel")
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name="1. IDO – 2. Taalhuis")).to_be_visible()
    expect(page.get_by_text("te laat", exact=True)).to_be_visible()
    # The picture scrolls in its own labelled region, reached by keyboard.
    region = page.get_by_role(
        "region", name="Verbindingen in beeld, schuif opzij op een smal scherm"
    )
    expect(region).to_have_attribute("tabindex", "0")
    assert_fits(page, width)
    assert_no_axe_violations(page, what="EMB in verbinding")

    # By keyboard: to "Actie plannen", and through the form (an error first).
    tab_until(page, lambda e: e["text"] == "Actie plannen")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Actie plannen")).to_be_visible()
    page.get_by_label("Van programma").select_option("ido")
    page.get_by_label("Naar programma").select_option("ido")
    page.get_by_label("Actie").fill("Het IDO presenteren aan de teams van de dBos-scholen")
    page.get_by_label("Wie trekt het").fill("Specialist basisvaardigheden")
    page.get_by_label("Klaar op").fill(
        (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Kies twee verschillende programma's").first).to_be_visible()
    assert_fits(page, width)
    assert_no_axe_violations(page, what="the action form with an error")
    page.get_by_label("Naar programma").select_option("dbos")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("staat erbij")).to_be_visible()
    action = ConnectionAction.objects.get(to_programme="dbos")
    new_item = page.locator("li.op-task", has_text="Het IDO presenteren aan de teams")
    new_item.get_by_role("button", name="Afvinken").click()
    expect(page.get_by_text("Afgevinkt:")).to_be_visible()
    action.refresh_from_db()
    assert action.done

    desk = new_page(viewport)
    login(desk, world["desk"])
    desk.goto("/beheer/in-verbinding/")
    expect(desk.get_by_text("Mamacafé rondleiden langs het IDO")).to_be_visible()
    expect(desk.get_by_role("link", name="Actie plannen")).to_have_count(0)
    assert_fits(desk, width)

    adviser = new_page(viewport)
    login(adviser, world["adviser"])
    adviser.goto("/beheer/in-verbinding/overzicht/")
    expect(adviser.get_by_role("table", name="Per bibliotheek")).to_be_visible()
    expect(adviser.get_by_text("Mamacafé")).to_have_count(0)
    expect(adviser.get_by_text("Team jeugd")).to_have_count(0)
    assert_fits(adviser, width)
    assert_no_axe_violations(adviser, what="the POI's counts")
