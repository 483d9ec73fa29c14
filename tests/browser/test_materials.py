"""The learning materials (productencatalogus) in a real browser: the front desk searches by
keyboard on a phone and a wide screen (with a typing error, and a filter); a specialist adds the
library's own material with an error first and chooses it for an offer; the offer's public page
names it; all without JavaScript too. axe-core clean on every page, nothing wider than the
screen."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory, theme
from ontwikkelplein.materials.models import Cost, Form
from ontwikkelplein.materials.tests.factories import MaterialFactory, level
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login, tab_until


@pytest.fixture
def world():
    library = OrganisationFactory(name="Bibliotheek Eemland", kind=OrganisationKind.LIBRARY)
    MaterialFactory(
        name="Digisterker",
        summary="Cursus over de e-overheid.",
        provider="Stichting Digisterker",
        form=Form.BLENDED,
        cost=Cost.LIBRARY_LICENCE,
        themes=[theme("digitale-overheid")],
        levels=[level("digitaal-basis")],
    )
    MaterialFactory(
        name="Taalklas.nl",
        summary="Online Nederlands leren.",
        provider="Oefenen.nl",
        levels=[level("nt2-a1")],
    )
    return {
        "library": library,
        "offer": OfferFactory(organisation=library, title="Taalcafé"),
        "desk": staff_user(library, Role.FRONT_DESK),
        "specialist": staff_user(library, Role.SPECIALIST),
    }


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_front_desk_searches_by_keyboard(new_page, world, viewport, width):
    page = new_page(viewport)
    login(page, world["desk"])
    page.goto("/beheer/leermiddelen/")
    fits(page, width)
    assert_no_axe_violations(page, what="the learning materials")
    tab_until(page, lambda el: el.get("id") == "id_q")
    page.keyboard.type("digisterkr")
    page.keyboard.press("Enter")
    page.wait_for_url("**/beheer/leermiddelen/?q=digisterkr*")
    expect(page.get_by_text("1 leermiddel gevonden")).to_be_visible()
    expect(page.get_by_text("in plaats van digisterkr")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="a search with a correction")
    page.get_by_label("Niveau").select_option(label="– NT2 A1")
    page.get_by_label("Zoekwoorden").fill("")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Taalklas.nl")).to_be_visible()
    expect(page.get_by_role("link", name="Digisterker")).to_have_count(0)
    tab_until(page, lambda el: el.get("text") == "Taalklas.nl")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Taalklas.nl")).to_be_visible()
    expect(page.get_by_role("link", name="Aanpassen")).to_have_count(0)
    fits(page, width)
    assert_no_axe_violations(page, what="a material's page")


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_specialist_adds_own_material_and_chooses_it_for_an_offer(new_page, world, viewport, width):
    page = new_page(viewport)
    login(page, world["specialist"])
    page.goto("/beheer/leermiddelen/")
    page.get_by_role("link", name="Leermiddel toevoegen").click()
    page.get_by_label("Naam").fill("Gesprekskaarten taalcafé")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the material form with errors")
    page.get_by_label("Korte omschrijving").fill("Kaarten met onderwerpen voor het taalcafé.")
    page.get_by_role("textbox", name="Aanbieder (verplicht)").fill("Bibliotheek Eemland")
    page.get_by_label("Soort").select_option(label="Werkboek")
    page.get_by_label("Vorm").select_option(label="Op papier")
    page.get_by_role("combobox", name="Kosten (verplicht)").select_option(label="Gratis")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het leermiddel staat in de catalogus.")).to_be_visible()
    expect(page.get_by_text("Eigen materiaal van Bibliotheek Eemland")).to_be_visible()

    page.goto(f"/beheer/aanbod/{world['offer'].pk}/")
    page.get_by_role("link", name="Leermiddelen kiezen").click()
    fits(page, width)
    assert_no_axe_violations(page, what="choosing an offer's materials")
    page.get_by_label("Gesprekskaarten taalcafé").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De leermiddelen zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_role("link", name="Gesprekskaarten taalcafé")).to_be_visible()

    public = new_page(viewport)
    public.goto(f"/aanbod/{world['offer'].pk}/")
    expect(public.get_by_text("Hierbij werken we met:")).to_be_visible()
    expect(public.get_by_text("Gesprekskaarten taalcafé")).to_be_visible()
    fits(public, width)
    assert_no_axe_violations(public, what="the public offer page with its materials")


def test_search_and_choosing_without_javascript(new_page, world):
    world["offer"].materials.clear()
    page = new_page("desktop", javascript=False)
    login(page, world["specialist"])
    page.goto("/beheer/leermiddelen/?q=nederlands")
    expect(page.get_by_role("link", name="Taalklas.nl")).to_be_visible()
    page.goto(f"/beheer/leermiddelen/aanbod/{world['offer'].pk}/")
    page.get_by_label("Digisterker").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De leermiddelen zijn opgeslagen.")).to_be_visible()
    assert [m.name for m in world["offer"].materials.all()] == ["Digisterker"]
