"""Reports in a real browser: a team leader starts the library's yearly report by keyboard,
writes a theme's text (a refused one first) and publishes; the public link opens without an
account; the region's POI adviser writes and publishes its quarterly report; the KB reads both.
axe-core clean on every page, on a phone and a wide screen, nothing wider than the screen."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontwikkelplein.desk.tests.factories import ContactFactory, question
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.reports.models import Report, ReportVersion
from tests.browser.helpers import (
    active_element,
    assert_fits,
    assert_no_axe_violations,
    login,
    tab_until,
)


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    municipality = MunicipalityFactory(province=utrecht, name="Heuvelrug")
    library = OrganisationFactory(name="Bibliotheek Heuvelrug", municipalities=[municipality])
    location = LocationFactory(organisation=library, municipality=municipality)
    for _ in range(6):
        ContactFactory(location=location, questions=[question()])
    kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
    return {
        "library": library,
        "leader": staff_user(library, Role.TEAM_LEADER),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "kb_admin": staff_user(kb, Role.KB_ADMIN),
    }


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_yearly_report_written_published_and_shared(new_page, world, viewport, width):
    page = new_page(viewport)
    login(page, world["leader"])
    page.goto("/beheer/rapportages/")
    fits(page, width)
    assert_no_axe_violations(page, what="the reports")

    # By keyboard: to "Nieuwe rapportage", choose the report and the year, submit.
    tab_until(page, lambda e: e["text"] == "Nieuwe rapportage")
    page.keyboard.press("Enter")
    page.wait_for_url("**/beheer/rapportages/nieuw/")
    fits(page, width)
    assert_no_axe_violations(page, what="a new report")
    page.get_by_label("Rapportage").select_option(label="Jaarverslag van Bibliotheek Heuvelrug")
    page.get_by_label("Jaar").select_option(str(timezone.localdate().year))
    tab_until(page, lambda e: e["text"] == "Maak de rapportage")
    page.keyboard.press("Enter")
    page.wait_for_url("**/beheer/rapportages/*-*/")
    expect(
        page.get_by_role("heading", name=f"Jaarverslag {timezone.localdate().year}", level=1)
    ).to_be_visible()
    expect(
        page.get_by_role("heading", name="Geboden hulp (SPUK-categorieën a tot en met e)")
    ).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="a draft report")

    page.get_by_role("link", name="Tekst schrijven bij Digitale inclusie en IDO").click()
    page.get_by_label("Tekst").fill("Mail ons op iemand@example.nl.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("persoonsgegevens").first).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="a theme's text with an error")
    page.get_by_label("Tekst").fill("Het IDO is elke dag open.\n\nOok op zaterdag.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De tekst bij dit thema is opgeslagen.")).to_be_visible()

    tab_until(page, lambda e: e["text"] == "Publiceer")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Versie 1 is gepubliceerd.")).to_be_visible()
    assert ReportVersion.objects.count() == 1
    link = page.locator("a.op-report-link").get_attribute("href")

    reader = new_page(viewport)  # no account
    reader.goto(link)
    expect(reader.get_by_role("heading", name="Digitale inclusie en IDO")).to_be_visible()
    expect(reader.get_by_text("Ook op zaterdag.")).to_be_visible()
    expect(reader.get_by_role("link", name="Download als PDF")).to_be_visible()
    fits(reader, width)
    assert_no_axe_violations(reader, what="the public report")
    assert active_element(reader)["tag"] in ("body", "a", "")


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_region_report_by_the_poi_and_read_by_the_kb(new_page, world, viewport, width):
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    page = new_page(viewport)
    login(page, world["adviser"])
    page.goto("/beheer/rapportages/nieuw/")
    page.get_by_label("Rapportage").select_option(
        label="Kwartaalrapportage voor de regio van POI Utrecht"
    )
    page.get_by_label("Jaar").select_option(str(today.year))
    page.get_by_role("button", name="Maak de rapportage").click()
    expect(page.get_by_text("Kies een kwartaal van 1 tot en met 4.").first).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="a new report with an error")
    page.get_by_label("Kwartaal").select_option(f"{quarter}")
    page.get_by_role("button", name="Maak de rapportage").click()
    expect(page.get_by_role("heading", name="Netwerk en beleid")).to_be_visible()
    page.get_by_role("button", name="Publiceer").click()
    expect(page.get_by_text("Versie 1 is gepubliceerd.")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the region's report")

    kb = new_page(viewport)
    login(kb, world["kb_admin"])
    kb.goto("/beheer/rapportages/")
    kb.get_by_role("link", name=f"Kwartaalrapportage {today.year} Q{quarter}").click()
    expect(kb.get_by_role("button", name="Publiceer een nieuwe versie")).to_have_count(0)
    expect(kb.get_by_role("link", name="Tekst schrijven bij Inleiding")).to_have_count(0)
    fits(kb, width)
    assert_no_axe_violations(kb, what="the region's report read by the KB")
    assert Report.objects.count() == 1
