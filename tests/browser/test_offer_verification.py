"""The partner's verification page in a real browser, on a phone (390 px): the offer as
residents see it, "Klopt nog", "Dit moet anders" with its errors, and a link that no longer
works. axe-core finds zero violations on every state, and nothing is wider than the screen."""

import datetime
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    PartnerFactory,
    staff_user,
)
from ontwikkelplein.verification import services
from ontwikkelplein.verification.models import ChangeSuggestion
from tests.browser.helpers import assert_no_axe_violations, login


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def offer():
    partner = PartnerFactory(name="Welzijn Eemland", email="info@welzijn.example")
    location = LocationFactory(organisation=partner, name="Buurthuis De Kei")
    return OfferFactory(
        organisation=partner,
        title="Taalcafé De Kei",
        contact_email="taal@welzijn.example",
        last_verified_on=datetime.date(2020, 1, 1),
        location=location,
        location__weekday=1,
    )


def fits_the_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"


def test_partner_confirms_and_suggests_a_change_on_a_phone(new_page, offer):
    token = services.issue_request(offer)
    page = new_page("phone")
    page.goto(f"/aanbod/controleren/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Klopt dit nog?")
    expect(page.get_by_role("heading", name="Taalcafé De Kei")).to_be_visible()
    expect(page.get_by_text("Elke dinsdag, 10:00 tot 12:00 uur")).to_be_visible()
    fits_the_screen(page)
    assert_no_axe_violations(page, what="the partner page")

    # An empty change: Dutch errors, summary first, nothing stored.
    page.get_by_role("button", name="Wijziging versturen").click()
    expect(page.get_by_text("Kies wat er niet klopt.").first).to_be_visible()
    fits_the_screen(page)
    assert_no_axe_violations(page, what="the change form with errors")
    assert not ChangeSuggestion.objects.exists()

    page.get_by_label("Dagen en tijden").check()
    page.get_by_label("Hoe moet het zijn?").fill("Vanaf april op woensdag, 14:00 tot 16:00.")
    page.get_by_role("button", name="Wijziging versturen").click()
    expect(page.get_by_text("De bibliotheek krijgt je wijziging")).to_be_visible()
    assert_no_axe_violations(page, what="the page after a change")
    suggestion = ChangeSuggestion.objects.get()
    assert suggestion.proposed == "Vanaf april op woensdag, 14:00 tot 16:00."

    page.get_by_role("button", name="Klopt nog").click()
    expect(page.get_by_text("We hebben opgeslagen dat alles nog klopt.")).to_be_visible()
    offer.refresh_from_db()
    assert offer.last_verified_on == datetime.date.today()


def test_a_link_that_no_longer_works_on_a_phone(new_page, offer):
    page = new_page("phone")
    response = page.goto(f"/aanbod/controleren/{'x' * 43}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    fits_the_screen(page)
    assert_no_axe_violations(page, what="the page of a dead link")


def test_the_library_decides_on_a_suggestion_and_reads_the_figures(new_page, offer):
    team_leader = staff_user(offer.organisation, Role.TEAM_LEADER)
    ChangeSuggestion.objects.create(
        offer=offer, field="title", proposed="Taalcafé De Kei op dinsdag", sent_by="taal@x.example"
    )
    page = new_page("phone")
    login(page, team_leader)
    page.goto("/beheer/aanbod-voorstellen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorstellen van partners")
    assert_no_axe_violations(page, what="the suggestions")
    page.get_by_role("button", name=re.compile(r"^Overnemen\b.*Taalcafé De Kei")).click()
    expect(page.get_by_text("De wijziging staat nu in het aanbod.")).to_be_visible()
    offer.refresh_from_db()
    assert offer.title == "Taalcafé De Kei op dinsdag"

    page.get_by_role("link", name="Om de hoeveel maanden vragen we de contactpersonen?").click()
    page.get_by_label("Om de hoeveel maanden vragen we de contactpersonen?").fill("30")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Vul een aantal van 1 tot en met 24 in.").first).to_be_visible()
    assert_no_axe_violations(page, what="the interval with an error")

    page.goto("/beheer/aanbod-controle/cijfers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Actueel aanbod")
    fits_the_screen(page)
    assert_no_axe_violations(page, what="the figures")
