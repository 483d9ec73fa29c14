"""The embed on a library's own website (docs/embedding.md), in a real browser: a page on another
site with the script tag gets an accessible frame that grows to its content, searching and
paging inside it work, a result opens the offer page in the whole window, and all of it is
axe-clean on a phone, in Dutch and in Arabic, with no Content-Security-Policy violation (the
fixture fails the test on one) and no cookie set. Also the staff page's live preview."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    BrandingFactory,
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory
from tests.browser.helpers import assert_no_axe_violations, login

# The library's own site: another origin, over https, as the default frame-ancestors
# ('self' https:) expects. Its page is answered by the test (page.route). Chromium asks before a
# public page reaches a loopback address (Local Network Access), where the live server listens:
# the test grants that, as it has nothing to do with a real installation, which is public.
LIBRARY_SITE = "https://www.bibliotheek-eemland.example"


@pytest.fixture
def branding():
    here = MunicipalityFactory(name="Amersfoort")
    library = OrganisationFactory(name="Bibliotheek Eemland", municipalities=[here])
    place = LocationFactory(organisation=library, municipality=here, name="Eemhuis")
    for number in range(14):
        OfferFactory(organisation=library, title=f"Taalcafé {number:02}", location=place)
    OfferFactory(title="Taalcafé ergens anders")  # another organisation, another municipality
    return BrandingFactory(organisation=library, slug="eemland", display_name="Bibliotheek Eemland")


def host_page(page, live_server, language: str = "nl") -> None:
    """The library's own page (another origin) with the pasted script tag."""
    html = f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bibliotheek Eemland</title></head><body><main><h1>Hulp bij de bibliotheek</h1>
<script src="{live_server.url}/inbedden.js" data-organisatie="eemland" data-taal="{language}"
 async></script><p>Na het zoekvak.</p></main></body></html>"""
    page.context.grant_permissions(["local-network-access"])
    page.route(
        f"{LIBRARY_SITE}/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=html),
    )
    page.goto(f"{LIBRARY_SITE}/hulp/")


def embed_frame(page):
    frame_element = page.locator("iframe.ontwikkelplein-embed")
    expect(frame_element).to_be_visible()
    handle = frame_element.element_handle()
    frame = handle.content_frame()
    frame.wait_for_load_state("load")
    return frame_element, frame


def wait_for_fit(page, frame_element, frame, tries: int = 50) -> float:
    """Waits until the frame is as tall as its document (the script made it fit; the document is
    on another origin, so it is measured from inside), and returns that height."""
    for _ in range(tries):
        want = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
        have = frame_element.bounding_box()["height"]
        if abs(have - want) <= 1:
            return have
        page.wait_for_timeout(100)
    pytest.fail(f"the frame is {have}px tall, its content {want}px")


@pytest.mark.parametrize(
    "language, title, heading",
    [
        ("nl", "Hulp zoeken bij de bibliotheek", "Hulp zoeken bij Bibliotheek Eemland"),
        ("ar", "ابحث عن مساعدة في المكتبة", "ابحث عن مساعدة عند Bibliotheek Eemland"),
    ],
)
def test_the_script_tag_on_another_site(new_page, live_server, branding, language, title, heading):
    page = new_page("phone")
    host_page(page, live_server, language)
    frame_element, frame = embed_frame(page)
    expect(frame_element).to_have_attribute("title", title)
    # Right after the script tag, before the page's own text.
    assert (
        page.evaluate("() => document.querySelector('iframe').nextElementSibling.textContent")
        == "Na het zoekvak."
    )
    expect(frame.get_by_role("heading", level=1)).to_have_text(heading)
    assert frame.evaluate("document.documentElement.lang") == language
    assert frame.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    # In the organisation's colours (BrandingFactory: primary #6b2c91), not the site's defaults.
    link_colour = "getComputedStyle(document.querySelector('.op-embed__item a')).color"
    expect(frame.locator(".op-embed__item a").first).to_be_visible()
    assert frame.evaluate(link_colour) == "rgb(107, 44, 145)"
    # Ten results on the first page, the other organisation's offer not among them.
    expect(frame.locator(".op-embed__item")).to_have_count(10)
    wait_for_fit(page, frame_element, frame)
    first_height = frame_element.bounding_box()["height"]
    assert first_height > 844  # ten results are taller than the phone: the frame grew
    # Fits the phone's width, in the frame and on the page.
    assert frame.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(frame, what=f"the embed ({language})")
    assert_no_axe_violations(page, what=f"the library's page with the embed ({language})")

    # The next page: four results, and the frame shrinks to fit them.
    frame.locator("a[rel=next]").click()
    frame.wait_for_load_state("load")
    expect(frame.locator(".op-embed__item")).to_have_count(4)
    frame.wait_for_load_state("load")  # its stylesheets too, before measuring
    assert wait_for_fit(page, frame_element, frame) < first_height
    # The page scrolled back to the frame's top: the new results start in view.
    assert -1 <= frame_element.bounding_box()["y"] <= 844

    # Searching inside the frame, by keyboard.
    box = frame.get_by_role("textbox")
    box.fill("taalcafé 03")
    with frame.expect_navigation():
        box.press("Enter")
    expect(frame.locator(".op-embed__item").first).to_contain_text("Taalcafé 03")
    assert f"taal={language}" in frame.url if language != "nl" else "taal=" not in frame.url

    # Nothing so far set a cookie, in the frame or for this site.
    assert page.context.cookies() == []

    # A result opens the offer page in the whole window, in the embed's language.
    with page.expect_navigation():
        frame.locator(".op-embed__item a").first.click()
    assert page.url.startswith(f"{live_server.url}/aanbod/")
    assert page.evaluate("document.documentElement.lang") == language


def test_the_embed_without_javascript(new_page, live_server, branding):
    page = new_page("phone", javascript=False)
    page.goto("/inbedden/eemland/?q=taalcaf%C3%A9")
    expect(page.locator(".op-embed__item")).to_have_count(10)
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page.locator(".op-embed__item")).to_have_count(4)
    assert page.context.cookies() == []


def test_the_live_preview_on_the_staff_page(new_page, live_server, branding):
    user = staff_user(branding.organisation, Role.SPECIALIST)
    page = new_page("desktop")
    login(page, user)
    page.goto(f"/beheer/huisstijl/inbedden/{branding.organisation.pk}/?taal=ar")
    expect(page.locator("#code-script")).to_have_value(
        f'<script src="{live_server.url}/inbedden.js" data-organisatie="eemland" '
        'data-taal="ar" async></script>'
    )
    frame_element, frame = embed_frame(page)
    expect(frame.get_by_role("heading", level=1)).to_have_text(
        "ابحث عن مساعدة عند Bibliotheek Eemland"
    )
    wait_for_fit(page, frame_element, frame)
    assert_no_axe_violations(page, what="the staff page with the preview")
    # The copy button puts the snippet on the clipboard and says so.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Script kopiëren").click()
    expect(page.locator("#code-script-status")).to_have_text("De code is gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == page.input_value("#code-script")
