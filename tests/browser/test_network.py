"""The library's network in a real browser (docs/community.md): the specialist adds a partner
by keyboard (with an error first), records an agreement with a document and a contact person;
the front desk reads the network and its map; the region's POI adviser sees the counts only.
axe-core clean on every page, on a phone and a wide screen, nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.network.models import Agreement, AgreementDocument, ContactAccess, Stakeholder
from ontwikkelplein.network.tests.factories import StakeholderFactory
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
    StakeholderFactory(
        organisation=library, name="Basisschool De Regenboog", kind="school", stage="first_talk"
    )
    return {
        "library": library,
        "partner": partner,
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "specialist": staff_user(library, Role.SPECIALIST),
        "desk": staff_user(library, Role.FRONT_DESK),
    }


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_the_network_kept_by_the_library_read_by_the_desk_and_counted_by_the_poi(
    new_page, world, viewport, width, tmp_path
):
    page = new_page(viewport)
    login(page, world["specialist"])
    page.goto("/beheer/netwerk/")
    expect(
        page.get_by_role("heading", name="Netwerk van Bibliotheek Heuvelrug", level=1)
    ).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the network list")

    # By keyboard: to the button that adds a partner, and through the form.
    tab_until(page, lambda e: e["text"] == "Partner of stakeholder toevoegen")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Partner of stakeholder toevoegen")).to_be_visible()
    page.get_by_role("button", name="Opslaan").click()
    expect(
        page.get_by_text("Vul een naam in, of kies een organisatie op het platform.").first
    ).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the partner form with an error")
    page.get_by_label("Organisatie op het platform").select_option(label="Welzijn Heuvelrug")
    page.get_by_label("Soort").select_option("welfare")
    page.get_by_label("Doorverwijzen").check()
    page.get_by_label("Fase van de relatie").select_option("intent")
    page.get_by_label("Volgende stap", exact=True).fill("Samenwerkingsovereenkomst bespreken")
    page.get_by_label("Wat levert het hen op?").fill("Een plek voor het spreekuur.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Welzijn Heuvelrug staat nu in het netwerk.")).to_be_visible()
    stakeholder = Stakeholder.objects.get(partner=world["partner"])
    assert stakeholder.refers and stakeholder.stage == "intent"
    fits(page, width)
    assert_no_axe_violations(page, what="a stakeholder's page")

    page.get_by_role("link", name="Contactpersoon toevoegen").click()
    page.get_by_label("Naam").fill("Fatima Bakker")
    page.get_by_label("Telefoonnummer").fill("0343 12 34 56")
    assert_no_axe_violations(page, what="the contact form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Fatima Bakker", exact=True)).to_be_visible()

    page.get_by_role("link", name="Afspraak vastleggen").click()
    page.get_by_label("Soort afspraak").select_option("cooperation")
    page.get_by_label("Titel").fill("Samenwerkingsovereenkomst spreekuur")
    page.get_by_label("Ingangsdatum").fill("2026-01-01")
    page.get_by_label("Einddatum").fill("2026-12-31")
    page.get_by_role("group", name="De bibliotheek brengt in").get_by_label("Ruimte").check()
    fits(page, width)
    assert_no_axe_violations(page, what="the agreement form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De afspraak is vastgelegd.")).to_be_visible()
    assert Agreement.objects.get().library_gives == ["space"]
    document = tmp_path / "overeenkomst.pdf"
    document.write_bytes(b"%PDF-1.4\n%test\n")
    page.get_by_label("Titel van het document").fill("Getekende overeenkomst")
    page.get_by_label("Bestand").set_input_files(str(document))
    page.get_by_role("button", name="Document toevoegen").click()
    expect(page.get_by_role("link", name="Getekende overeenkomst")).to_be_visible()
    assert AgreementDocument.objects.count() == 1
    fits(page, width)
    assert_no_axe_violations(page, what="an agreement with a document")

    desk = new_page(viewport)
    login(desk, world["desk"])
    desk.goto("/beheer/netwerk/kaart/")
    expect(desk.get_by_role("img", name="Netwerkkaart van Bibliotheek Heuvelrug")).to_be_visible()
    expect(desk.get_by_role("table", name="De netwerkkaart als tabel")).to_be_visible()
    fits(desk, width)
    assert_no_axe_violations(desk, what="the network map")
    desk.get_by_role("link", name="Welzijn Heuvelrug").click()
    expect(desk.get_by_text("Fatima Bakker", exact=True)).to_be_visible()
    expect(desk.get_by_role("link", name="Gegevens en afweging wijzigen")).to_have_count(0)
    assert ContactAccess.objects.filter(user=world["desk"], action="view").exists()

    adviser = new_page(viewport)
    login(adviser, world["adviser"])
    adviser.goto("/beheer/netwerk/overzicht/")
    expect(adviser.get_by_role("table", name="Partners per fase van de relatie")).to_be_visible()
    expect(adviser.get_by_text("Fatima Bakker")).to_have_count(0)
    expect(adviser.get_by_text("Welzijn Heuvelrug")).to_have_count(0)
    fits(adviser, width)
    assert_no_axe_violations(adviser, what="the POI's counts")
