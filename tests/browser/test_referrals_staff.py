"""The issue's staff flow in a real browser: a front-desk employee registers a question with a
referral, makes the referral to a colleague role from the desk screen, the specialist accepts
it and closes it with an outcome, and the sender sees that outcome in the sent list. axe-core
finds zero violations on the inbox, the detail page, the new-referral form (with its errors)
and the sent list."""

import pytest
from playwright.sync_api import expect

from ontwikkelplein.desk.models import ColleagueRole, HelpType, ReferralTarget
from ontwikkelplein.desk.tests.factories import ContactFactory, question
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.referrals.models import Outcome, PersonalDataAccess, Referral, Status
from tests.browser.helpers import assert_no_axe_violations, login, path_of


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland", email="info@eemland.example")


def test_desk_referral_to_a_colleague_is_closed_and_the_sender_sees_the_outcome(new_page, library):
    location = LocationFactory(organisation=library, name="Eemhuis")
    desk = staff_user(library, Role.FRONT_DESK, first_name="Dana", last_name="Balie")
    specialist = staff_user(library, Role.SPECIALIST, first_name="Sam", last_name="Specialist")
    contact = ContactFactory(
        location=location,
        user=desk,
        questions=[
            question(
                help_types=[HelpType.REFERRAL],
                referral_target=ReferralTarget.COLLEAGUE,
                referred_role=ColleagueRole.IDO,
            )
        ],
    )

    # The front desk: from the desk screen's confirmation to the prefilled form.
    sender = new_page("desktop")
    login(sender, desk)
    sender.goto(f"/balie/?geregistreerd={contact.pk}")
    with sender.expect_navigation():
        sender.get_by_role("link", name="Doorverwijzing maken").click()
    assert path_of(sender) == "/beheer/doorverwijzingen/nieuw/"
    expect(sender.get_by_label("Collega of programma in je eigen bibliotheek")).to_have_value(
        ColleagueRole.IDO
    )
    assert_no_axe_violations(sender, what="new referral form")

    # Errors first: a name without consent and a bad phone number.
    sender.get_by_label("Naam", exact=True).fill("Fatima Jansen")
    sender.get_by_label("Telefoon", exact=True).check()
    sender.get_by_label("Telefoonnummer").fill("12345")
    with sender.expect_navigation():
        sender.get_by_role("button", name="Doorverwijzing versturen").click()
    expect(sender.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    assert_no_axe_violations(sender, what="new referral form with errors")
    assert not Referral.objects.exists()

    sender.get_by_label("Vraag in het kort").fill("Hulp bij de aangifte inkomstenbelasting.")
    sender.get_by_label("Telefoonnummer").fill("06 12345678")
    sender.get_by_label("De persoon geeft toestemming").check()
    with sender.expect_navigation():
        sender.get_by_role("button", name="Doorverwijzing versturen").click()
    referral = Referral.objects.get()
    assert referral.desk_contact_id == contact.pk
    assert path_of(sender) == f"/beheer/doorverwijzingen/{referral.pk}/"
    expect(sender.get_by_text("is verstuurd")).to_be_visible()

    # The specialist: inbox, detail, accept, close with an outcome.
    receiver = new_page("desktop")
    login(receiver, specialist)
    receiver.goto("/beheer/doorverwijzingen/")
    assert_no_axe_violations(receiver, what="inbox")
    with receiver.expect_navigation():
        receiver.get_by_role("link", name=referral.reference).click()
    expect(receiver.get_by_text("Fatima Jansen")).to_be_visible()
    assert PersonalDataAccess.objects.filter(user=specialist).exists()
    assert_no_axe_violations(receiver, what="referral detail")
    with receiver.expect_navigation():
        receiver.get_by_role("button", name="Ontvangen", exact=True).click()
    referral.refresh_from_db()
    assert referral.status == Status.RECEIVED

    # Closing without an outcome shows an error on the detail page.
    with receiver.expect_navigation():
        receiver.get_by_role("button", name="Afronden", exact=True).click()
    expect(receiver.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    assert_no_axe_violations(receiver, what="referral detail with errors")
    receiver.get_by_label("Geholpen").check()
    with receiver.expect_navigation():
        receiver.get_by_role("button", name="Afronden", exact=True).click()
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.CLOSED, Outcome.HELPED)

    # The sender sees the outcome: the loop is closed.
    sender.goto("/beheer/doorverwijzingen/verstuurd/")
    row = sender.get_by_role("row").filter(has_text=referral.reference)
    expect(row).to_contain_text("Geholpen")
    expect(row).to_contain_text("Afgerond")
    assert_no_axe_violations(sender, what="sent list")


def test_the_receiver_works_without_javascript(nojs_page, library):
    from ontwikkelplein.referrals.tests.factories import ReferralFactory

    specialist = staff_user(library, Role.SPECIALIST)
    referral = ReferralFactory(sender_organisation=library)
    login(nojs_page, specialist)
    nojs_page.goto(f"/beheer/doorverwijzingen/{referral.pk}/")
    nojs_page.get_by_label("Nieuwe status").select_option("contacted")
    with nojs_page.expect_navigation():
        nojs_page.get_by_role("button", name="Status opslaan").click()
    nojs_page.get_by_label("Past niet").check()
    with nojs_page.expect_navigation():
        nojs_page.get_by_role("button", name="Afronden", exact=True).click()
    expect(nojs_page.get_by_text("Schrijf op waarom het aanbod niet past.").first).to_be_visible()
    nojs_page.get_by_label("Reden").fill("Alleen overdag, de persoon werkt.")
    with nojs_page.expect_navigation():
        nojs_page.get_by_role("button", name="Afronden", exact=True).click()
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.CLOSED, Outcome.NOT_SUITABLE)
    assert referral.first_contact_at is not None
