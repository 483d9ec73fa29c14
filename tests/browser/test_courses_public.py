"""Issue 6 in a real browser, the resident's side: a resident signs up for a full course on a
phone (waiting list), someone cancels, the resident gets the freed place through the e-mailed
link and accepts it. axe-core finds zero violations on every page, error states included."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses.models import Enrolment, EnrolmentStatus
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from tests.browser.helpers import assert_no_axe_violations, path_of

LINK = re.compile(r"https?://\S+(/cursus/[A-Za-z0-9_\-]+/)")


@pytest.fixture(autouse=True)
def _quick_forms(browser_settings):
    # A test fills the form faster than a person; the minimum fill time has its own HTTP tests.
    browser_settings.COURSE_FORM_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def full_run():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    location = LocationFactory(organisation=library, name="Eemhuis")
    offer = OfferFactory(
        organisation=library, title="Digisterker", sign_up="registration", location=location
    )
    run = RunFactory(offer=offer, location=location, capacity=1, name="Voorjaar")
    _holder, holder_token = enrol_person(run, name="Henk", email="henk@example.org")
    return run, holder_token


def link_path(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def test_resident_gets_a_freed_place_from_the_waiting_list(new_page, full_run):
    run, holder_token = full_run
    page = new_page("phone")
    page.goto(f"/aanbod/{run.offer.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("Vol: je komt op de wachtlijst")
    assert_no_axe_violations(page, what="offer page with a full run (phone)")
    with page.expect_navigation():
        page.get_by_role("link", name="Aanmelden", exact=True).click()
    assert path_of(page) == f"/aanbod/{run.offer.pk}/aanmelden/{run.pk}/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden voor Digisterker")
    assert_no_axe_violations(page, what="sign-up form (phone)")

    # Without phone, e-mail and consent: errors summarised at the top and linked to the fields.
    page.get_by_label("Je naam").fill("Fatima El Amrani")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    summary = page.locator("#foutmeldingen")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile("Toestemming"))).to_have_attribute(
        "href", "#id_consent"
    )
    expect(summary.get_by_role("link", name=re.compile("telefoonnummer"))).to_have_attribute(
        "href", "#id_phone"
    )
    expect(page.get_by_label("Je naam")).to_have_value("Fatima El Amrani")
    expect(page.get_by_label("Je telefoonnummer")).to_have_attribute(
        "aria-describedby", re.compile("id_phone_error")
    )
    assert Enrolment.objects.count() == 1
    assert_no_axe_violations(page, what="sign-up form with errors (phone)")

    page.get_by_label("Je e-mailadres").fill("fatima@example.org")
    page.get_by_label(re.compile("Bibliotheek Eemland mag mijn naam")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    assert path_of(page) == "/aanmelden/verstuurd/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Je staat op de wachtlijst")
    expect(page.locator("main")).to_contain_text("Je bent nummer 1 op de wachtlijst")
    code = page.locator("#referentiecode").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert_no_axe_violations(page, what="confirmation, waiting list (phone)")
    resident = Enrolment.objects.get(reference=code)
    assert resident.status == EnrolmentStatus.WAITING

    # Henk cancels through his own link, on his own device (asked once more first).
    henk = new_page("desktop")
    henk.goto(f"/cursus/{holder_token}/")
    assert_no_axe_violations(henk, what="resident link, enrolled")
    with henk.expect_navigation():
        henk.get_by_role("link", name="Afmelden").click()
    expect(henk.locator("main")).to_contain_text("Weet je zeker dat je je wilt afmelden?")
    assert_no_axe_violations(henk, what="resident link, cancel question")
    with henk.expect_navigation():
        henk.get_by_role("button", name="Ja, meld me af").click()
    expect(henk.locator("main")).to_contain_text("Je bent afgemeld")
    assert_no_axe_violations(henk, what="resident link, cancelled")

    # Fatima gets an e-mail with a link; she opens it on her phone and accepts.
    resident.refresh_from_db()
    assert resident.status == EnrolmentStatus.OFFERED
    message = OutboxMessage.objects.get(to=["fatima@example.org"], subject__contains="plaats vrij")
    page.goto(link_path(message))
    expect(page.get_by_role("heading", name="Wil je de plek?")).to_be_visible()
    assert_no_axe_violations(page, what="resident link, place offered (phone)")
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, ik wil de plek").click()
    expect(page.locator("main")).to_contain_text("Gelukt. De plek is voor jou.")
    expect(page.locator("main")).to_contain_text("Je bent ingeschreven")
    assert_no_axe_violations(page, what="resident link, place accepted (phone)")
    resident.refresh_from_db()
    assert resident.status == EnrolmentStatus.ENROLLED

    # A link that finds nothing gets one neutral page.
    page.goto("/cursus/bestaat-niet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    assert_no_axe_violations(page, what="unknown link (phone)")


def test_sign_up_works_by_keyboard_without_javascript(new_page, full_run):
    run, _token = full_run
    page = new_page("phone", javascript=False)
    page.goto(f"/aanbod/{run.offer.pk}/aanmelden/{run.pk}/")
    page.get_by_label("Je naam").fill("Piet")
    page.get_by_label("Je telefoonnummer").fill("06 12345678")
    page.get_by_label(re.compile("mag mijn naam")).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Aanmelden").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path_of(page) == "/aanmelden/verstuurd/"
    expect(page.locator("main")).to_contain_text("Je staat op de wachtlijst")
    # The print button needs JavaScript; without it, it stays hidden.
    expect(page.get_by_role("button", name="Print deze pagina")).to_be_hidden()
    assert urlsplit(page.url).path == "/aanmelden/verstuurd/"
