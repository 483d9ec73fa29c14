"""The export page (/beheer/gegevens/export/) in a real browser: axe-core finds nothing, on a
phone too and with errors shown; a download works by keyboard and without JavaScript."""

import csv
import io
import json
from pathlib import Path

from ontwikkelplein.opendata.tests.catalogue_data import make_catalogue
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests.browser.helpers import assert_no_axe_violations, login, tab_until

URL = "/beheer/gegevens/export/"


def _staff():
    cat = make_catalogue()
    return cat, staff_user(cat.library, Role.SPECIALIST)


def test_export_page_is_accessible_and_downloads_by_keyboard(new_page):
    cat, user = _staff()
    for viewport in ("desktop", "phone"):
        page = new_page(viewport)
        login(page, user)
        page.goto(URL)
        assert page.get_by_role("heading", level=1).inner_text() == "Aanbod downloaden"
        assert_no_axe_violations(page, what=f"export page ({viewport})")

    page.get_by_label("CSV (.csv, met puntkomma's)", exact=False).check()
    tab_until(page, lambda el: el["tag"] == "button" and el["text"] == "Downloaden")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.startswith("ontwikkelplein-aanbod-bibliotheek-eemland-")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    titles = {row["Titel"] for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert titles == {"Informatiepunt Digitale Overheid", "Voorlezen voor peuters"}


def test_errors_are_summarised_and_accessible(page):
    cat, user = _staff()
    login(page, user)
    page.goto(f"{URL}?scope={cat.partner.pk}&format=pdf")
    summary = page.locator("#foutmeldingen")
    assert "Kies aanbod dat je mag downloaden." in summary.inner_text()
    assert "Kies een bestandsformaat uit de lijst." in summary.inner_text()
    # Each message links to its field.
    summary.get_by_role("link", name="Bestandsformaat", exact=False).click()
    assert page.evaluate("() => document.activeElement.name") == "format"
    assert_no_axe_violations(page, what="export page with errors")


def test_download_without_javascript(nojs_page):
    cat, user = _staff()
    login(nojs_page, user)
    nojs_page.goto(URL)
    nojs_page.get_by_label("HSDS JSON", exact=False).check()
    with nojs_page.expect_download() as info:
        nojs_page.get_by_role("button", name="Downloaden").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert [o["name"] for o in data] == ["Bibliotheek Eemland"]
    assert {s["name"] for s in data[0]["services"]} == {
        "Informatiepunt Digitale Overheid",
        "Voorlezen voor peuters",
    }


def test_a_whole_catalogue_export_gets_a_page_that_links_to_the_file(new_page):
    """Made by the worker (at once with the test settings): the button leads to the export's
    page, which is accessible and links to the file."""
    from ontwikkelplein.organisations.tests.factories import PoiFactory

    make_catalogue()
    kb = staff_user(PoiFactory(name="KB", kind="kb"), Role.KB_ADMIN)
    page = new_page("desktop")
    login(page, kb)
    page.goto(URL)
    page.get_by_label("Aanbod van").select_option("alles")
    page.get_by_label("HSDS JSON", exact=False).check()
    page.get_by_role("button", name="Downloaden").click()
    page.wait_for_url("**/beheer/gegevens/export/*/")
    assert "Klaar om te downloaden" in page.get_by_role("status").inner_text()
    assert_no_axe_violations(page, what="export page of a background export")
    with page.expect_download() as info:
        page.get_by_role(
            "link", name="Download ontwikkelplein-hsds-catalogus-", exact=False
        ).click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert {o["name"] for o in data} >= {"Bibliotheek Eemland"}
