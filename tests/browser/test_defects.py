"""Defects of issue 11 in a real browser: the desk screen starts on the user's usual location and
shows it at the top on a phone; after choosing the kind of recipient of a referral only that field
shows (desk screen and new-referral page), the offer picker can be searched; axe finds nothing."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.desk.tests.factories import desk_user
from ontwikkelplein.organisations.models import LocationKind
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from tests.browser.helpers import assert_no_axe_violations, login


@pytest.fixture
def library():
    library = OrganisationFactory(name="Bibliotheek Eemland (test)")
    LocationFactory(organisation=library, name="Aa-basisschool", kind=LocationKind.SCHOOL)
    main = LocationFactory(organisation=library, name="Bibliotheek Eemhuis")
    far = LocationFactory(organisation=library, name="Zuid", latitude=50.85, longitude=5.69)
    OfferFactory(title="Taalcafé Eemhuis", organisation=library, location=main)
    OfferFactory(title="Digisterker Zuid", organisation=library, location=far)
    return {"org": library, "main": main, "user": desk_user(library)}


def test_the_desk_screen_shows_the_usual_location_at_the_top_of_a_phone(new_page, library):
    page = new_page("phone")
    login(page, library["user"])
    page.goto("/balie/")
    current = page.locator("[data-current-location]")
    expect(current).to_contain_text("Je registreert op: Bibliotheek Eemhuis")
    box = current.bounding_box()
    # In view when the screen opens (it opens scrolled to the first favourite, by autofocus).
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    page.screenshot(path="/tmp/defects/desk-phone.png", full_page=False)
    # Choosing another location updates the line at the top.
    page.select_option("#id_location", label="Zuid")
    expect(page.locator("[data-current-location-name]")).to_have_text("Zuid")
    assert_no_axe_violations(page, what="desk screen (phone)")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_on_the_desk_screen_only_the_chosen_recipient_field_shows(new_page, library, viewport):
    page = new_page(viewport)
    login(page, library["user"])
    page.goto("/balie/")
    page.get_by_label("Doorverwijzing", exact=True).first.check()
    role = page.locator("#id_vraag-0-referred_role")
    offer = page.locator("#id_vraag-0-referred_offer")
    expect(role).to_be_hidden()
    expect(offer).to_be_hidden()
    page.locator("input[name='vraag-0-referral_target'][value=offer]").check()
    expect(offer).to_be_visible()
    expect(role).to_be_hidden()
    expect(page.locator("#id_vraag-0-referred_organisation")).to_be_hidden()
    # Nearest first, then searchable.
    labels = offer.locator("option").all_inner_texts()
    assert labels[1].startswith("Taalcafé Eemhuis"), labels
    page.get_by_label("Zoek in: Welk aanbod?").fill("digister")
    expect(offer.locator("option:not([hidden])")).to_have_count(2)  # the empty choice + 1
    expect(page.locator("[data-picker-status]").first).to_have_text("Gevonden: 1")
    page.screenshot(path=f"/tmp/defects/desk-referral-{viewport}.png", full_page=True)
    assert_no_axe_violations(page, what=f"desk screen, offer referral ({viewport})")


def test_without_javascript_every_recipient_field_shows(new_page, library):
    page = new_page("desktop", javascript=False)
    login(page, library["user"])
    page.goto("/balie/")
    for name in ("referred_role", "referred_organisation", "referred_offer"):
        expect(page.locator(f"#id_vraag-0-{name}")).to_be_attached()
    expect(page.locator("[data-picker-filter]").first).to_be_hidden()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_on_the_new_referral_page_only_the_chosen_recipient_field_shows(
    new_page, library, viewport
):
    page = new_page(viewport)
    login(page, library["user"])
    page.goto("/beheer/doorverwijzingen/nieuw/")
    expect(page.locator("#id_partner")).to_be_hidden()
    page.locator("input[name=receiver_kind][value=partner]").check()
    expect(page.locator("#id_partner")).to_be_visible()
    expect(page.locator("#id_offer")).to_be_hidden()
    page.locator("input[name=receiver_kind][value=offer]").check()
    expect(page.locator("#id_offer")).to_be_visible()
    expect(page.locator("#id_partner")).to_be_hidden()
    page.screenshot(path=f"/tmp/defects/referral-new-{viewport}.png", full_page=True)
    assert_no_axe_violations(page, what=f"new referral ({viewport})")
