"""The HSDS import pages (/beheer/gegevens/import/) in a real browser: upload, start, progress
and report; axe-core finds nothing on the upload page, the progress page and the report (also
with errors); the whole import works without JavaScript too."""

import json

from playwright.sync_api import expect

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.opendata.models import ImportRun, ImportStatus
from ontwikkelplein.opendata.tests.factories import hsds_service
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from tests.browser.helpers import assert_no_axe_violations, login

URL = "/beheer/gegevens/import/"


def _file(data) -> dict:
    return {
        "name": "aanbod.json",
        "mimeType": "application/json",
        "buffer": json.dumps(data).encode(),
    }


def _specialist():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    return library, staff_user(library, Role.SPECIALIST)


def _upload(page, data, publish=True):
    page.goto(URL)
    page.get_by_label("Bestand", exact=False).first.set_input_files(_file(data))
    if publish:
        page.get_by_label("Actief aanbod meteen publiceren").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Bestand uploaden").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Import")


def test_upload_start_and_report(page):
    library, user = _specialist()
    service = hsds_service(name="Hulp bij DigiD in de browser")
    login(page, user)
    page.goto(URL)
    assert page.get_by_role("heading", level=1).inner_text() == "Gegevens importeren"
    assert_no_axe_violations(page, what="import upload page")

    _upload(page, service)
    assert "Wacht op start" in page.locator("#voortgang").inner_text()
    assert_no_axe_violations(page, what="import progress page (waiting)")

    with page.expect_navigation():
        page.get_by_role("button", name="Import starten").click()
    page.get_by_role("heading", name="Klaar").wait_for()
    assert "2 nieuw" in page.content()
    assert_no_axe_violations(page, what="import report page")
    offer = Offer.objects.get(pk=service["id"])
    assert offer.organisation == library and offer.is_published

    # The imported offer is on the public site.
    page.goto(f"/aanbod/{service['id']}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hulp bij DigiD in de browser"


def test_report_with_errors_is_accessible(page):
    _library, user = _specialist()
    broken = hsds_service(name="<script>alert(1)</script> Kapot", status="misschien")
    login(page, user)
    _upload(page, broken, publish=False)
    with page.expect_navigation():
        page.get_by_role("button", name="Import starten").click()
    page.get_by_role("heading", name="Niets opgeslagen").wait_for()
    errors = page.get_by_role("table", name="Fouten per record").inner_text()
    assert broken["id"] in errors and "<script>alert(1)</script> Kapot" in errors
    assert "niet toegestaan" in errors
    assert page.evaluate("() => window.__xss === undefined")
    assert_no_axe_violations(page, what="import report page with errors")
    assert Offer.objects.count() == 0


def test_progress_page_while_running_is_accessible(page):
    library, user = _specialist()
    run = ImportRun.objects.create(
        file_name="groot.json",
        organisation=library,
        created_by=user,
        status=ImportStatus.CHECKING,
        total=5000,
        processed=1250,
    )
    login(page, user)
    page.goto(f"{URL}{run.pk}/")
    assert "1250 van 5000" in page.locator("#voortgang").inner_text()
    assert page.locator("progress").get_attribute("value") == "25"
    assert_no_axe_violations(page, what="import progress page (running)")
    # htmx polls the counters: the page follows when the run moves on.
    ImportRun.objects.filter(pk=run.pk).update(processed=4000)
    page.locator("#voortgang").get_by_text("4000 van 5000").wait_for()


def test_import_without_javascript(nojs_page):
    library, user = _specialist()
    service = hsds_service(name="Taalcafé zonder JavaScript")
    login(nojs_page, user)
    _upload(nojs_page, service)
    with nojs_page.expect_navigation():
        nojs_page.get_by_role("button", name="Import starten").click()
    expect(nojs_page.get_by_role("heading", name="Klaar")).to_be_visible()
    assert Offer.objects.get(pk=service["id"]).organisation == library
