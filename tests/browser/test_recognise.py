"""Herkennen en doorverwijzen in a real browser: axe-core finds nothing at phone and desktop
width (the guide, the KB's content page and its form with errors); by keyboard only a desk worker
goes from the desk screen to the guide, jumps to the routes and starts a referral to the Taalhuis
colleague; the KB adds a signal by keyboard and sees it on the guide. The external self-test links
are never followed (the test browser may not reach the network)."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.desk.models import Signal
from ontwikkelplein.desk.tests.factories import desk_user
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from tests.browser.helpers import assert_no_axe_violations, login, tab_until

GUIDE = "/beheer/herkennen/"
CONTENT = "/beheer/herkennen/inhoud/"


@pytest.fixture
def desk_worker():
    library = OrganisationFactory(name="Bibliotheek Eemland (herkennen)")
    LocationFactory(organisation=library, name="Bibliotheek Eemhuis", postcode="3811 HN")
    return desk_user(library)


@pytest.fixture
def kb_admin():
    kb = OrganisationFactory(name="KB (herkennen)", kind=OrganisationKind.KB)
    return staff_user(kb, Role.KB_ADMIN, is_staff=True)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_guide_is_axe_clean(new_page, desk_worker, viewport):
    page = new_page(viewport)
    login(page, desk_worker)
    page.goto(GUIDE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Herkennen en doorverwijzen")
    expect(page.get_by_role("heading", name="Signalen", exact=True)).to_be_visible()
    expect(page.get_by_text("Lukt het om dit soort brieven te lezen?")).to_be_visible()
    expect(page.get_by_role("link", name="Oefenen.nl")).to_have_attribute(
        "href", "https://oefenen.nl/"
    )
    assert_no_axe_violations(page, what=f"guide ({viewport})")


def test_by_keyboard_from_the_desk_screen_to_a_referral_to_the_taalhuis(new_page, desk_worker):
    page = new_page("desktop")
    login(page, desk_worker)
    page.goto("/balie/")
    page.locator("body").focus()
    tab_until(page, lambda el: el["href"] == GUIDE and "Herkennen" in el["text"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(GUIDE)
    tab_until(page, lambda el: el["href"] == "#doorverwijzen")
    page.keyboard.press("Enter")
    assert page.url.endswith("#doorverwijzen")
    # The next Tab continues inside the routes, at the first route's first link.
    target = tab_until(
        page,
        lambda el: el["href"].endswith("?role=taalhuis"),
        max_tabs=12,
    )
    assert "Doorverwijzing starten" in target["text"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/beheer/doorverwijzingen/nieuw/" in page.url
    expect(page.locator("select[name=receiver_role]")).to_have_value("taalhuis")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_kb_adds_a_signal_by_keyboard_and_the_form_is_axe_clean(new_page, kb_admin, viewport):
    page = new_page(viewport)
    login(page, kb_admin)
    page.goto(CONTENT)
    assert_no_axe_violations(page, what=f"content ({viewport})")
    page.get_by_role("link", name="Signaal toevoegen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Sent empty: a Dutch error summary, linked to the field, and nothing stored.
    before = Signal.objects.count()
    page.get_by_role("button", name="Opslaan").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".op-error-summary")
    expect(summary).to_contain_text("Vul dit in.")
    assert Signal.objects.count() == before
    assert_no_axe_violations(page, what=f"signal form with errors ({viewport})")
    page.locator("#id_group").select_option("digital")
    page.locator("#id_text").fill("Laat de pincode door een ander intoetsen.")
    page.locator("#id_text").press("Enter")
    page.wait_for_url(f"**{CONTENT}#signalen")
    assert Signal.objects.filter(text="Laat de pincode door een ander intoetsen.").exists()
    page.goto(GUIDE)
    expect(page.get_by_text("Laat de pincode door een ander intoetsen.")).to_be_visible()
