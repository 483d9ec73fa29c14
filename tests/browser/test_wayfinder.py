"""The wegwijzer in a real browser: a resident's walk on a phone (axe on every step, the back
button, large targets), the same walk without JavaScript and by keyboard only, the carry-over
into "Ik wil hulp", and the referrer's version for the front desk."""

import re

import pytest
from playwright.sync_api import expect

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from ontwikkelplein.wayfinder.models import PathCount
from ontwikkelplein.wayfinder.tests.factories import offers, offers_with_help_point
from tests.browser.helpers import assert_no_axe_violations, login, path_of, tab_until


@pytest.fixture
def catalogue():
    return offers()


def patient(page):
    # The machine running the suite may be busy; the wegwijzer's pages do a search or two.
    page.set_default_timeout(30_000)
    return page


def choose(page, label):
    page.get_by_text(label, exact=True).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Volgende vraag").click()


def test_a_resident_walks_the_wegwijzer_on_a_phone(new_page, catalogue):
    page = patient(new_page("phone"))
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="Ik weet niet precies wat ik zoek").click()
    assert path_of(page) == "/wegwijzer/"
    expect(page.locator("main")).to_contain_text("Vraag 1 van 4")
    assert_no_axe_violations(page, what="wegwijzer question 1 (phone)")
    # Every answer tile is a large target.
    for box in [t.bounding_box() for t in page.locator(".op-wayfinder__tile").all()]:
        assert box["height"] >= 44 and box["width"] >= 44

    # Going on without an answer asks again, in words.
    with page.expect_navigation():
        page.get_by_role("button", name="Volgende vraag").click()
    expect(page.locator("main")).to_contain_text("Kies een antwoord om verder te gaan.")
    assert_no_axe_violations(page, what="wegwijzer question 1 with error (phone)")

    choose(page, "Lezen en schrijven")
    expect(page.locator("main")).to_contain_text("Vraag 2 van 4")
    assert_no_axe_violations(page, what="wegwijzer question 2 (phone)")
    # Back keeps the answer.
    with page.expect_navigation():
        page.get_by_role("link", name="Vorige vraag").click()
    expect(page.get_by_label("Lezen en schrijven")).to_be_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Volgende vraag").click()
    choose(page, "Voor mezelf")
    choose(page, "Een cursus in een groep")
    expect(page.locator("main")).to_contain_text("Vraag 4 van 4")
    assert_no_axe_violations(page, what="wegwijzer place question (phone)")

    page.get_by_label("Waar woon je?").fill("Amersfort")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon hulp bij mij in de buurt").click()
    expect(page.locator("main")).to_contain_text("We kennen de plaats of postcode")
    assert_no_axe_violations(page, what="wegwijzer unknown place (phone)")
    page.get_by_label("Waar woon je?").fill("3811")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon hulp bij mij in de buurt").click()
    assert path_of(page) == "/wegwijzer/resultaat/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulp die bij je past")
    expect(page.locator("main")).to_contain_text("Cursus Beter lezen en schrijven")
    assert_no_axe_violations(page, what="wegwijzer result (phone)")
    assert PathCount.objects.get().count == 1
    page.reload()
    assert PathCount.objects.get().count == 1

    with page.expect_navigation():
        page.get_by_role("link", name="Ik wil hulp").click()
    assert path_of(page) == f"/aanbod/{catalogue['course'].pk}/hulp/"
    expect(page.get_by_label("Waar gaat het over?")).to_contain_text("Lezen en schrijven")


def test_without_javascript_and_by_keyboard(new_page, catalogue):
    page = patient(new_page("desktop", javascript=False))
    page.goto("/wegwijzer/")
    choose(page, "DigiD, een brief of de overheid")
    choose(page, "Voor iemand die ik help")
    choose(page, "Iemand die naast me zit en helpt")
    page.get_by_label("Waar woon je?").fill("Amersfoort")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon hulp bij mij in de buurt").click()
    expect(page.locator("main")).to_contain_text("Spreekuur DigiD")

    keys = patient(new_page("desktop"))
    keys.goto("/wegwijzer/")
    tab_until(keys, lambda el: el.get("name") == "nodig")
    keys.keyboard.press("Space")
    with keys.expect_navigation():
        keys.keyboard.press("Enter")
    expect(keys.locator("main")).to_contain_text("Vraag 2 van 4")
    assert "nodig=lezen" in keys.url
    # Focus is visible on the tile of the focused radio button.
    tab_until(keys, lambda el: el.get("name") == "voor")
    outline = keys.evaluate(
        "() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
    )
    assert outline != "none"


def test_the_front_desk_uses_the_referrers_version(new_page, catalogue):
    page = patient(new_page("desktop"))
    login(page, staff_user(catalogue["course"].organisation, Role.FRONT_DESK))
    page.goto("/beheer/wegwijzer/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Waar heeft de bezoeker hulp bij nodig?"
    )
    assert_no_axe_violations(page, what="referrer wegwijzer")
    choose(page, "Lezen en schrijven")
    choose(page, "Voor iemand die ik help")
    choose(page, "Iemand die naast me zit en helpt")
    page.get_by_label("Waar woont de bezoeker?").fill("3811")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon passende hulp").click()
    expect(page.locator("main")).to_contain_text("Taalmaatje voor lezen")
    assert_no_axe_violations(page, what="referrer result")
    assert PathCount.objects.get().channel == "referrer"


@pytest.fixture
def with_help_point():
    return offers_with_help_point()


def test_when_nothing_fits_the_result_is_no_dead_end_on_a_phone(new_page, with_help_point):
    """ "Geld en rekeningen": nothing on money in the catalogue, anywhere. The result shows the
    nearest help point, "Ik wil hulp" with the answers, and the ways back; axe-clean on a phone,
    and the same page without JavaScript."""
    made = with_help_point
    page = patient(new_page("phone"))
    page.goto("/wegwijzer/")
    choose(page, "Geld en rekeningen")
    choose(page, "Voor mezelf")
    choose(page, "Iemand die naast me zit en helpt")
    page.get_by_label("Waar woon je?").fill("3811")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon hulp bij mij in de buurt").click()
    assert path_of(page) == "/wegwijzer/resultaat/"
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We vonden geen passende hulp dichtbij"
    )
    panel = page.get_by_role("region", name="Hier kun je altijd terecht")
    expect(panel).to_contain_text("Bibliotheek Eemhuis")
    expect(panel).to_contain_text("Informatiepunt Digitale Overheid (IDO), Taalhuis, Bibliotheek")
    expect(
        main.get_by_role("link", name=re.compile(r"Veranderen\s*: Waar wil je hulp bij\?"))
    ).to_be_visible()
    expect(main.get_by_role("link", name="Vorige vraag")).to_be_visible()
    assert_no_axe_violations(page, what="wegwijzer result, nothing fits (phone)")
    # Nothing sticks out sideways on a 320-400 px screen.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert PathCount.objects.get().found_nearby is False

    help_button = main.get_by_role("link", name="Ik wil hulp")
    box = help_button.bounding_box()
    assert box["height"] >= 44
    with page.expect_navigation():
        help_button.click()
    assert path_of(page) == f"/aanbod/{made['ido'].pk}/hulp/"
    expect(page.get_by_label("Waar gaat het over?")).to_contain_text("Geld en rekeningen")

    # Changing an answer from the result goes back to that question, keeping the rest.
    page.go_back()
    with page.expect_navigation():
        main.get_by_role("link", name=re.compile(r"Veranderen\s*: Waar wil je hulp bij\?")).click()
    expect(page.locator("main")).to_contain_text("Vraag 1 van 4")
    expect(page.get_by_label("Geld en rekeningen")).to_be_checked()

    # Without JavaScript the same page works: the panel and the link are plain HTML.
    plain = patient(new_page("phone", javascript=False))
    plain.goto("/wegwijzer/resultaat/?versie=1&nodig=geld&voor=ik&hoe=samen&waar=3811")
    expect(plain.get_by_role("region", name="Hier kun je altijd terecht")).to_contain_text(
        "Bibliotheek Eemhuis"
    )
    with plain.expect_navigation():
        plain.locator("main").get_by_role("link", name="Ik wil hulp").click()
    expect(plain.get_by_label("Waar gaat het over?")).to_contain_text("Geld en rekeningen")
