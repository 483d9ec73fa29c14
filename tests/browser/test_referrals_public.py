"""The issue's resident and partner flows in a real browser:
- a resident's "Ik wil hulp" on an offer page (phone) reaches that organisation's inbox, and the
  resident checks the status with the reference code (form and short link);
- a partner without an account closes a referral through the e-mailed link;
axe-core finds zero violations on every page of these flows, error states included."""

import re

import pytest
from django.core import mail as django_mail
from django.core.cache import cache
from playwright.sync_api import expect

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    staff_user,
)
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import (
    Outcome,
    PersonalDataAccess,
    ReceiverKind,
    Referral,
    Source,
    Status,
)
from tests.browser.helpers import assert_no_axe_violations, login, path_of

PARTNER_EMAIL = "loket@welzijn-eemland.example"


@pytest.fixture(autouse=True)
def _quick_forms(browser_settings):
    # A test fills the form faster than a person; the minimum fill time has its own HTTP tests.
    browser_settings.REFERRAL_FORM_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland", email="info@eemland.example")


@pytest.fixture
def offer(library):
    location = LocationFactory(organisation=library, name="Eemhuis")
    return OfferFactory(organisation=library, title="Digisterker", location=location)


def test_resident_asks_for_help_and_checks_the_status(new_page, library, offer):
    page = new_page("phone")
    page.goto(f"/aanbod/{offer.pk}/")
    assert_no_axe_violations(page, what="offer page (phone)")
    with page.expect_navigation():
        page.get_by_role("link", name="Ik wil hulp").click()
    assert path_of(page) == f"/aanbod/{offer.pk}/hulp/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Ik wil hulp")
    assert_no_axe_violations(page, what="help form (phone)")

    # Sending without consent and with a bad phone number: errors, summarised and linked.
    page.get_by_label("Je naam").fill("Fatima El Amrani")
    page.get_by_label("Je telefoonnummer").fill("12345")
    page.get_by_label("Waar gaat het over?").fill("Ik wil leren werken met DigiD.")
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur").click()
    summary = page.locator("#foutmeldingen")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile("Toestemming"))).to_have_attribute(
        "href", "#id_consent"
    )
    expect(page.get_by_label("Je naam")).to_have_value("Fatima El Amrani")
    assert Referral.objects.count() == 0
    assert_no_axe_violations(page, what="help form with errors (phone)")

    page.get_by_label("Je telefoonnummer").fill("06 12345678")
    page.get_by_label("Wanneer kunnen we je het best bereiken?").fill("Dinsdagmiddag")
    page.get_by_label(re.compile("Bibliotheek Eemland mag mijn naam")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur").click()
    assert path_of(page) == "/hulp/verstuurd/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Je vraag is verstuurd")
    code = page.locator("#referentiecode").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert_no_axe_violations(page, what="confirmation (phone)")

    # It reached the offer's organisation, with the consent as shown.
    referral = Referral.objects.get(reference=code)
    assert referral.receiver_organisation == library
    assert referral.offer == offer
    assert referral.source == Source.RESIDENT
    assert "Bibliotheek Eemland mag mijn naam" in referral.person.consent_text
    # ... and shows in its inbox.
    specialist = staff_user(library, Role.SPECIALIST)
    staff_page = new_page("desktop")
    login(staff_page, specialist)
    staff_page.goto("/beheer/doorverwijzingen/")
    expect(staff_page.locator("main")).to_contain_text(code)

    # The resident checks the status with the code, on another device.
    other = new_page("phone")
    other.goto("/hulp/status/")
    assert_no_axe_violations(other, what="status form (phone)")
    other.get_by_label("Je code").fill("ZZZZ-9999" if code != "ZZZZ-9999" else "YYYY-9999")
    with other.expect_navigation():
        other.get_by_role("button", name="Bekijk de status").click()
    expect(other.locator("main")).to_contain_text("We vinden deze code niet")
    assert_no_axe_violations(other, what="status form with a wrong code (phone)")
    other.get_by_label("Je code").fill(code.lower().replace("-", " "))
    with other.expect_navigation():
        other.get_by_role("button", name="Bekijk de status").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Zo gaat het met je vraag")
    main = other.locator("main")
    expect(main).to_contain_text("Bibliotheek Eemland heeft je vraag gekregen")
    expect(main).to_contain_text("Digisterker")
    expect(main).not_to_contain_text("Fatima")
    expect(main).not_to_contain_text("DigiD")
    assert_no_axe_violations(other, what="status page (phone)")

    # The short link from the confirmation, after the library closed the referral.
    services.close_referral(referral, Outcome.ENROLLED, actor_label="Test")
    short = page.locator("main a[href*='/hulp/s/']")
    with page.expect_navigation():
        short.click()
    expect(page.locator("main")).to_contain_text("Je vraag is afgerond.")
    expect(page.locator("main")).to_contain_text("Aangemeld voor aanbod")
    assert_no_axe_violations(page, what="status page, closed (phone)")


def test_the_help_form_works_without_javascript(new_page, offer):
    page = new_page("phone", javascript=False)
    page.goto(f"/aanbod/{offer.pk}/hulp/")
    page.get_by_label("Je naam").fill("Piet")
    page.get_by_label("Mail me").check()
    page.get_by_label("Je e-mailadres").fill("piet@example.nl")
    page.get_by_label("Waar gaat het over?").fill("Hulp met de computer.")
    page.get_by_label(re.compile("mag mijn naam")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur").click()
    assert path_of(page) == "/hulp/verstuurd/"
    assert Referral.objects.get().person.email == "piet@example.nl"


def test_partner_closes_a_referral_through_the_emailed_link(new_page, library):
    partner = PartnerFactory(name="Welzijn Eemland", email=PARTNER_EMAIL)
    sender = staff_user(library, Role.FRONT_DESK)
    referral = services.create_referral(
        source=Source.STAFF,
        sender_organisation=library,
        sender_user=sender,
        receiver_organisation=partner,
        receiver_kind=ReceiverKind.PARTNER,
        question="Wil hulp bij schulden en post die blijft liggen.",
        person=services.PersonData(
            name="Kees Jansen",
            contact_preference="phone",
            phone="0612345678",
            consent_text="Mag Welzijn Eemland je bellen?",
            consent_recorded_by=sender,
        ),
    )
    mail = next(
        m
        for m in OutboxMessage.objects.filter(reference=f"referral:{referral.pk}")
        if "/partner/" in m.body
    )
    # The stored mail holds a placeholder; the link is in the mail as it is sent.
    notifications.send_message(mail.pk)
    sent = next(m for m in django_mail.outbox if "/partner/" in m.body)
    link = re.search(r"https?://\S+(/partner/[A-Za-z0-9_-]+/)", sent.body).group(1)

    page = new_page("phone")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_contain_text(referral.reference)
    expect(page.locator("main")).to_contain_text("Kees Jansen")
    assert_no_axe_violations(page, what="partner page (phone)")
    assert PersonalDataAccess.objects.filter(
        referral=referral, actor_label=f"Partner via link ({PARTNER_EMAIL})"
    ).exists()

    with page.expect_navigation():
        page.get_by_role("button", name="Ik neem deze doorverwijzing aan").click()
    expect(page.locator(".op-messages")).to_contain_text("aangenomen")
    assert_no_axe_violations(page, what="partner page after accepting (phone)")

    page.get_by_label("Contact gelegd").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Status opslaan").click()
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED

    # "Past niet" without a reason: an error, linked, nothing closed.
    page.get_by_label("Past niet").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Afronden", exact=True).click()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    assert_no_axe_violations(page, what="partner page with an error (phone)")
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED

    page.get_by_label("Geholpen").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Afronden", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("De doorverwijzing is afgerond")
    assert_no_axe_violations(page, what="partner done page (phone)")
    referral.refresh_from_db()
    assert referral.status == Status.CLOSED
    assert referral.outcome == Outcome.HELPED

    # The link is spent: the same neutral page as any unknown link.
    response = page.goto(link)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    expect(page.locator("main")).not_to_contain_text("Kees Jansen")
    assert_no_axe_violations(page, what="spent partner link (phone)")

    # The sender sees the outcome (terugkoppeling) in the staff pages.
    staff_page = new_page("desktop")
    login(staff_page, sender)
    staff_page.goto(f"/beheer/doorverwijzingen/{referral.pk}/")
    expect(staff_page.locator("main")).to_contain_text("Geholpen")
