"""Knowledge at the desk in a real browser (docs/desk-knowledge.md): the leeswijzer at the desk and
for residents and the BoekStart form are axe-clean at phone and desktop width; by keyboard a desk
worker goes from the desk screen to the leeswijzer, searches an age, and registers the question on
the desk screen it opens; BoekStart is registered by keyboard and without JavaScript from the desk
screen's panel."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.boekstart.models import Kind, Registration
from ontwikkelplein.desk.models import Contact
from ontwikkelplein.desk.tests.factories import desk_user
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from ontwikkelplein.readingguide import services
from tests.browser.helpers import assert_no_axe_violations, login, tab_until

GUIDE = "/balie/leeswijzer/"


@pytest.fixture
def desk_worker():
    library = OrganisationFactory(name="Bibliotheek Eemland (leeswijzer)")
    LocationFactory(organisation=library, name="Bibliotheek Eemhuis", postcode="3811 HN")
    return desk_user(library)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_desk_guide_and_boekstart_are_axe_clean(new_page, desk_worker, viewport):
    page = new_page(viewport)
    login(page, desk_worker)
    page.goto(GUIDE + "?q=boek+voor+een+kind+van+4")
    expect(page.get_by_role("heading", name="Boeken voor een kind van 4 jaar")).to_be_visible()
    expect(page.get_by_role("heading", name="AK Prentenboeken voor kleuters").first).to_be_visible()
    assert_no_axe_violations(page, what=f"leeswijzer ({viewport})")
    page.goto("/balie/boekstart/")
    assert_no_axe_violations(page, what=f"boekstart ({viewport})")
    page.get_by_label("Postcode van het gezin (4 cijfers)").fill("12")
    page.get_by_role("button", name="BoekStart-koffertje meegegeven").click()
    expect(page.get_by_text("Vul alleen de vier cijfers van de postcode in")).to_have_count(2)
    assert_no_axe_violations(page, what=f"boekstart with errors ({viewport})")
    assert not Registration.objects.exists()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_residents_guide_is_axe_clean(new_page, viewport, db):
    services.ensure_national_table()
    page = new_page(viewport)
    page.goto("/leeswijzer/")
    page.get_by_label("Leeftijd, code of AVI-niveau").fill("M4")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Boeken op AVI-niveau M4")).to_be_visible()
    assert_no_axe_violations(page, what=f"public leeswijzer ({viewport})")
    page.goto("/leeswijzer/?q=18+maanden&taal=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # The label texts in Arabic (the national table's translations), the code as it is.
    answer = page.locator("#antwoord")
    expect(answer.get_by_role("heading", name="AB كتب للرضّع (BoekStart)")).to_be_visible()
    expect(answer.get_by_text("مصنوعة من الكرتون المتين")).to_be_visible()
    assert_no_axe_violations(page, what=f"public leeswijzer in Arabic ({viewport})")
    page.goto("/leeswijzer/?q=4&taal=tr")
    expect(
        page.locator("#antwoord").get_by_text("Daha uzun hikâyeli resimli kitaplar")
    ).to_be_visible()
    assert_no_axe_violations(page, what=f"public leeswijzer in Turkish ({viewport})")


def test_by_keyboard_from_the_desk_screen_to_the_guide_and_back_to_register(new_page, desk_worker):
    page = new_page("desktop")
    login(page, desk_worker)
    page.goto("/balie/")
    page.locator("body").focus()
    tab_until(page, lambda el: el["href"].endswith(GUIDE))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The search box has the focus: type and press Enter.
    page.keyboard.type("peuter")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Boeken voor een kind van 2 jaar")).to_be_visible()
    tab_until(page, lambda el: "Registreer deze vraag" in el["text"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Vooraf ingevuld: Leesadvies (leeswijzer)")).to_be_visible()
    # "Registreren" has the focus: one Enter registers the question.
    page.keyboard.press("Enter")
    expect(page.locator("#balie-bevestiging")).to_contain_text("Geregistreerd", timeout=10000)
    question = Contact.objects.get().questions.get()
    assert question.topic.code == "leesadvies"


def test_boekstart_from_the_desk_screen_without_javascript(new_page, desk_worker):
    page = new_page("phone", javascript=False)
    login(page, desk_worker)
    page.goto("/balie/")
    panel = page.locator("#balie-boekstart")
    panel.get_by_label("Postcode van het gezin (4 cijfers)").fill("3811 AB")
    panel.get_by_role("button", name="Waardebon ingeleverd").click()
    assert page.url.endswith("/balie/")
    registration = Registration.objects.get()
    assert (registration.kind, registration.postcode_area) == (Kind.VOUCHER, "3811")


def test_boekstart_by_keyboard(new_page, desk_worker):
    page = new_page("desktop")
    login(page, desk_worker)
    page.goto("/balie/boekstart/")
    page.locator("body").focus()
    tab_until(page, lambda el: el["name"] == "postcode")
    page.keyboard.type("3812")
    tab_until(page, lambda el: "Baby lid gemaakt" in el["text"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Geregistreerd: Baby lid gemaakt")).to_be_visible()
    assert Registration.objects.get().kind == Kind.MEMBERSHIP
