"""An organisation's branding in a real browser (docs/public-site.md, "Own branding and
address"): a library's editor sets it on a phone, with a logo, and sees the preview; the branded
site shows the library's name, logo and colours, in Dutch and in Arabic (right to left); all
axe-clean, no Content-Security-Policy violation (no inline styles), no sideways scrolling."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import Branding, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from tests.browser.helpers import assert_no_axe_violations, login


def _logo() -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 200), "#00587c").save(buffer, "JPEG")
    return {"name": "logo.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


@pytest.fixture
def library():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    place = LocationFactory(organisation=library, name="Eemhuis")
    OfferFactory(organisation=library, title="Taalcafé", location=place)
    return library


def colours_of(page, selector: str) -> list[str]:
    return page.eval_on_selector(
        selector, "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]"
    )


def test_an_editor_sets_the_branding_on_a_phone(new_page, library):
    page = new_page("phone")
    login(page, staff_user(library, Role.TEAM_LEADER))
    page.goto("/beheer/huisstijl/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisstijl van Bibliotheek Eemland")
    assert_no_axe_violations(page, what="the empty branding page")

    # A colour too light for white text: the contrast found is named, nothing is saved.
    page.get_by_label("Hoofdkleur").fill("#ffd200")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("1,4 : 1, minimaal 4,5 : 1 nodig").first).to_be_visible()
    assert_no_axe_violations(page, what="the branding page with errors")
    assert not Branding.objects.exists()

    page.get_by_label("Hoofdkleur").fill("#00587C")
    page.get_by_label("Logo", exact=True).set_input_files(_logo())
    page.get_by_label("Tekst bij het logo").fill("Bibliotheek Eemland")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De huisstijl is opgeslagen.")).to_be_visible()
    preview = page.locator(".op-brand-preview")
    expect(preview.get_by_role("img", name="Bibliotheek Eemland")).to_be_visible()
    # The preview takes the colours; the page's own header keeps the site's.
    assert colours_of(page, ".op-brand-preview .op-header")[0] == "rgb(0, 88, 124)"
    assert colours_of(page, "body > .op-header")[0] == "rgb(26, 74, 138)"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page, what="the branding page with its preview")


@pytest.mark.parametrize(
    ("viewport", "width", "language"),
    [("phone", 390, "nl"), ("phone", 390, "ar"), ("desktop", 1366, "nl")],
)
def test_the_branded_site(new_page, library, viewport, width, language):
    Branding.objects.create(
        organisation=library,
        slug="eemland",
        display_name="Bibliotheek Eemland",
        primary_colour="#00587c",
        accent_colour="#ffd200",
        logo=_logo_png(),
        logo_type="image/png",
        logo_alt="Logo van Bibliotheek Eemland",
    )
    page = new_page(viewport)
    page.goto(f"/b/eemland/?taal={language}")
    header = page.locator("body > .op-header")
    expect(header.get_by_role("link", name="Bibliotheek Eemland")).to_be_visible()
    expect(header.get_by_role("img", name="Logo van Bibliotheek Eemland")).to_be_visible()
    assert colours_of(page, "body > .op-header")[0] == "rgb(0, 88, 124)"
    assert colours_of(page, ".op-brand-band") == ["rgb(255, 210, 0)", "rgb(0, 0, 0)"]
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page, what=f"the branded home page ({language}, {viewport})")

    # Searching stays inside the branded site, also without a click on a link.
    page.locator("input[name=q]").fill("taalcafe")
    with page.expect_navigation():
        page.locator("input[name=q]").press("Enter")
    assert "/b/eemland/zoeken/" in page.url
    with page.expect_navigation():
        page.get_by_role("link", name="Taalcafé").first.click()
    assert "/b/eemland/aanbod/" in page.url
    expect(page.locator("body > .op-header").get_by_text("Bibliotheek Eemland")).to_be_visible()
    assert_no_axe_violations(page, what=f"a branded offer page ({language}, {viewport})")


def _logo_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 100), "#00587c").save(buffer, "PNG")
    return buffer.getvalue()
