"""The neighbourhood's needs in a real browser (docs/community.md, "De behoeften in de buurt"):
the specialist reads the page with its gaps and adds a note by keyboard (refused first for
personal data); the region's POI adviser sees the page in aggregate, without the notes' authors.
axe-core clean, on a phone and a wide screen, nothing wider than the screen."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import theme
from ontwikkelplein.desk.models import DailyCount
from ontwikkelplein.needs.models import NeedNote
from ontwikkelplein.needs.tests.factories import NeedNoteFactory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.wayfinder.models import PathCount
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login, tab_until


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    town = MunicipalityFactory(province=utrecht, code="GM0307", name="Amersfoort")
    library = OrganisationFactory(name="Bibliotheek Heuvelrug", municipalities=[town])
    location = LocationFactory(organisation=library, municipality=town, name="Centrale")
    specialist = staff_user(library, Role.SPECIALIST, first_name="Saskia", last_name="Schrijver")
    today = timezone.localdate()
    for days, questions in ((3, 14), (20, 3)):
        DailyCount.objects.create(
            organisation=library,
            location=location,
            date=today - datetime.timedelta(days=days),
            channel="desk",
            category="digital_government",
            questions=questions,
            contacts=questions,
        )
    PathCount.objects.create(
        day=today,
        channel="resident",
        version_number=1,
        need="geld",
        theme="geldzaken",
        municipality_code="GM0307",
        found_nearby=False,
        count=6,
    )
    NeedNoteFactory(
        organisation=library, author=specialist, theme=theme("geldzaken"), text="Vraag naar hulp."
    )
    return {
        "library": library,
        "specialist": specialist,
        "adviser": staff_user(poi, Role.POI_ADVISER),
    }


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_the_needs_page_by_keyboard_and_in_aggregate(new_page, world, viewport, width):
    page = new_page(viewport)
    login(page, world["specialist"])
    page.goto("/beheer/behoeften/")
    expect(page).to_have_title("Behoeften in de buurt – Beheer – Ontwikkelplein")
    expect(
        page.get_by_role("heading", name="Behoeften in de buurt van Bibliotheek Heuvelrug")
    ).to_be_visible()
    gaps = page.get_by_role("table", name="Per thema: de signalen van vraag")
    expect(gaps.get_by_role("row").nth(1)).to_contain_text("Geldzaken")
    expect(gaps.get_by_role("row").nth(1)).to_contain_text("tekort")
    expect(page.get_by_text("Saskia Schrijver")).to_be_visible()
    assert_fits(page, width)
    assert_no_axe_violations(page, what="the needs page")

    # By keyboard to "Notitie toevoegen"; personal data is refused, then the note is saved.
    tab_until(page, lambda e: e["text"] == "Notitie toevoegen")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Notitie toevoegen")).to_be_visible()
    page.get_by_label("Wat hoorde je?").fill("Bel mevrouw op 0612345678 over de cursus.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("lijkt persoonsgegevens te bevatten").first).to_be_visible()
    assert_fits(page, width)
    assert_no_axe_violations(page, what="the note form with an error")
    page.get_by_label("Wat hoorde je?").fill("Het buurthuis vraagt om een taalcafé op zaterdag.")
    page.get_by_label("Thema").select_option(label="Nederlands leren")
    page.get_by_label("Wat hoorde je?").focus()
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Opslaan").press("Enter")
    expect(page.get_by_text("De notitie is bewaard.")).to_be_visible()
    assert NeedNote.objects.filter(text__startswith="Het buurthuis").exists()

    # The region's POI adviser: the same page in aggregate, no authors, no writing.
    page.context.clear_cookies()
    login(page, world["adviser"])
    page.goto("/beheer/behoeften/")
    expect(page.get_by_text("<5").first).to_be_visible()
    expect(page.get_by_text("Saskia Schrijver")).to_have_count(0)
    expect(page.get_by_role("link", name="Notitie toevoegen")).to_have_count(0)
    assert_fits(page, width)
    assert_no_axe_violations(page, what="the needs page in aggregate")
