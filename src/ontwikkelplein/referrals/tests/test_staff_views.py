"""HTTP tests of the staff pages: inbox, sent list, detail actions, new referral, AVG, settings."""

import json

import pytest
from django.urls import reverse

from ontwikkelplein.desk.models import ColleagueRole, HelpType, ReferralTarget
from ontwikkelplein.desk.tests.factories import ContactFactory, question
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    staff_user,
)
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import (
    EventKind,
    Outcome,
    PersonalDataAccess,
    ReceiverKind,
    Referral,
    ReferralNote,
    ReferralPerson,
    ReferralSettings,
    Source,
    Status,
)
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db


def detail_url(referral, name="staff-detail"):
    return reverse(f"referrals:{name}", kwargs={"pk": referral.pk})


@pytest.fixture
def library():
    return OrganisationFactory()


@pytest.fixture
def specialist(library):
    return staff_user(library, Role.SPECIALIST)


@pytest.fixture
def referral(library):
    return ReferralFactory(sender_organisation=library, question="Brief van de Belastingdienst")


def test_inbox_lists_received_referrals_without_personal_data(client, specialist, referral):
    client.force_login(specialist)
    response = client.get(reverse("referrals:staff-inbox"))
    assert response.status_code == 200
    content = response.content.decode()
    assert referral.reference in content
    assert "Fatima" not in content and "Belastingdienst" not in content
    assert not PersonalDataAccess.objects.exists()


def test_inbox_filters_by_role_tab_and_mine(client, library, specialist, referral):
    other = ReferralFactory(sender_organisation=library, receiver_role=ColleagueRole.BOOKSTART)
    services.assign_referral(other, specialist, user=specialist)
    client.force_login(specialist)
    url = reverse("referrals:staff-inbox")
    content = client.get(url, {"role": ColleagueRole.BOOKSTART}).content.decode()
    assert other.reference in content and referral.reference not in content
    content = client.get(url, {"tab": "mine"}).content.decode()
    assert other.reference in content and referral.reference not in content
    content = client.get(url, {"tab": "closed"}).content.decode()
    assert other.reference not in content and referral.reference not in content
    # Nonsense filters are ignored, never an error.
    assert client.get(url, {"tab": "x", "status": "y", "org": "z"}).status_code == 200


def test_detail_shows_person_and_logs_the_view(client, specialist, referral):
    client.force_login(specialist)
    response = client.get(detail_url(referral))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fatima Jansen" in content and "0612345678" in content
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.action) == (specialist, PersonalDataAccess.Action.VIEW)


def test_status_actions_through_the_pages(client, specialist, referral):
    client.force_login(specialist)
    response = client.post(detail_url(referral, "staff-receive"))
    assert response.status_code == 302
    response = client.post(detail_url(referral, "staff-status"), {"status-to_status": "contacted"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED and referral.first_contact_at


def test_closing_without_outcome_or_reason_shows_linked_errors(client, specialist, referral):
    client.force_login(specialist)
    url = detail_url(referral, "staff-close")
    response = client.post(url, {})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Controleer wat je hebt ingevuld" in content
    assert 'href="#id_afronden-outcome_0"' in content
    response = client.post(url, {"afronden-outcome": Outcome.NOT_SUITABLE})
    assert response.status_code == 400
    assert "Schrijf op waarom het aanbod niet past." in response.content.decode()
    assert 'href="#id_afronden-reason"' in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.NEW
    response = client.post(
        url, {"afronden-outcome": Outcome.NOT_SUITABLE, "afronden-reason": "Te ver weg"}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome == Outcome.NOT_SUITABLE
    response = client.post(detail_url(referral, "staff-reopen"))
    referral.refresh_from_db()
    assert referral.status == Status.RECEIVED


def test_assign_and_note(client, library, specialist, referral):
    colleague = staff_user(library, Role.TEAM_LEADER)
    client.force_login(specialist)
    response = client.post(
        detail_url(referral, "staff-assign"), {"toewijzen-assignee": colleague.pk}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.assigned_to == colleague
    outsider = staff_user(OrganisationFactory())
    response = client.post(
        detail_url(referral, "staff-assign"), {"toewijzen-assignee": outsider.pk}
    )
    assert response.status_code == 400
    response = client.post(detail_url(referral, "staff-note"), {"notitie-text": "Gebeld"})
    assert response.status_code == 302
    assert ReferralNote.objects.get().text == "Gebeld"
    response = client.post(detail_url(referral, "staff-note"), {"notitie-text": "x" * 100_000})
    assert response.status_code == 400
    assert ReferralNote.objects.count() == 1


def test_sent_list_shows_the_outcome_to_the_sender(client, library):
    receiver = OrganisationFactory()
    referral = ReferralFactory(
        sender_organisation=library,
        receiver_organisation=receiver,
        receiver_kind=ReceiverKind.LIBRARY,
        receiver_role="",
    )
    services.close_referral(referral, Outcome.ENROLLED, user=staff_user(receiver))
    client.force_login(referral.sender_user)
    content = client.get(reverse("referrals:staff-sent")).content.decode()
    assert referral.reference in content and "Aangemeld voor aanbod" in content
    # The sender sees the detail, but cannot act on it.
    response = client.get(detail_url(referral))
    assert response.status_code == 200
    assert detail_url(referral, "staff-reopen") not in response.content.decode()
    assert client.post(detail_url(referral, "staff-reopen")).status_code == 403


def test_new_referral_to_a_colleague(client, library):
    desk = staff_user(library, Role.FRONT_DESK)
    client.force_login(desk)
    response = client.get(reverse("referrals:staff-create"))
    assert response.status_code == 200
    assert "toestemming" in response.content.decode()
    response = client.post(
        reverse("referrals:staff-create"),
        {
            "sender_organisation": library.pk,
            "receiver_kind": ReceiverKind.COLLEAGUE,
            "receiver_role": ColleagueRole.LANGUAGE_HOUSE,
            "question": "Wil beter leren lezen",
            "urgency": "normal",
            "name": "Piet",
            "contact_preference": "phone",
            "phone": "+31 6 1234 5678",
            "consent": "on",
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(referral)
    assert referral.source == Source.STAFF and referral.sender_user == desk
    assert referral.receiver_organisation == library
    person = referral.person
    assert person.phone == "0612345678" and person.consent_recorded_by == desk
    assert "toestemming" in person.consent_text


def test_new_referral_errors_store_nothing(client, library):
    client.force_login(staff_user(library, Role.FRONT_DESK))
    url = reverse("referrals:staff-create")
    base = {
        "sender_organisation": library.pk,
        "receiver_kind": ReceiverKind.COLLEAGUE,
        "receiver_role": ColleagueRole.IDO,
        "question": "Vraag",
        "urgency": "normal",
    }
    cases = [
        ({"name": "Piet", "contact_preference": "phone", "phone": "0612345678"}, "id_consent"),
        (
            {"name": "Piet", "contact_preference": "phone", "phone": "123", "consent": "on"},
            "id_phone",
        ),
        ({"question": "x" * 100_000}, "id_question"),
        ({"receiver_kind": ReceiverKind.PARTNER}, "id_partner"),
        ({"receiver_role": ""}, "id_receiver_role"),
    ]
    for changes, anchor in cases:
        response = client.post(url, {**base, **changes})
        assert response.status_code == 400, changes
        content = response.content.decode()
        assert f'href="#{anchor}' in content, (changes, anchor)
        assert "aria-describedby" in content
    assert not Referral.objects.exists() and not ReferralPerson.objects.exists()


def test_new_referral_to_a_partner_and_an_offer(client, library):
    from ontwikkelplein.catalogue.tests.factories import OfferFactory

    partner = PartnerFactory()
    offer = OfferFactory(organisation=OrganisationFactory())
    client.force_login(staff_user(library, Role.SPECIALIST))
    url = reverse("referrals:staff-create")
    base = {"sender_organisation": library.pk, "question": "Vraag", "urgency": "urgent"}
    client.post(url, {**base, "receiver_kind": ReceiverKind.PARTNER, "partner": partner.pk})
    client.post(url, {**base, "receiver_kind": ReceiverKind.OFFER, "offer": offer.pk})
    first, second = Referral.objects.order_by("created_at")
    assert first.receiver_organisation == partner and first.urgency == "urgent"
    assert second.receiver_organisation == offer.organisation and second.offer == offer
    assert not ReferralPerson.objects.exists()  # no person given: none stored


def test_desk_prefill(client, library):
    location = LocationFactory(organisation=library)
    desk = staff_user(library, Role.FRONT_DESK)
    contact = ContactFactory(
        location=location,
        user=desk,
        questions=[
            question(
                help_types=[HelpType.REFERRAL],
                referral_target=ReferralTarget.COLLEAGUE,
                referred_role=ColleagueRole.TAX_HELP,
            )
        ],
    )
    client.force_login(desk)
    url = reverse("referrals:staff-create")
    content = client.get(url, {"contact": contact.pk}).content.decode()
    assert f'value="{contact.pk}"' in content
    assert f'value="{ColleagueRole.TAX_HELP}" selected' in content
    # Another organisation's contact is ignored; a malformed id too.
    other = staff_user(OrganisationFactory(), Role.FRONT_DESK)
    client.force_login(other)
    assert f'value="{contact.pk}"' not in client.get(url, {"contact": contact.pk}).content.decode()
    assert client.get(url, {"contact": "nonsense", "offer": "x"}).status_code == 200
    # Posting with the contact makes a desk referral linked to it.
    client.force_login(desk)
    client.post(
        url,
        {
            "sender_organisation": library.pk,
            "receiver_kind": ReceiverKind.COLLEAGUE,
            "receiver_role": ColleagueRole.TAX_HELP,
            "question": "Aangifte",
            "urgency": "normal",
            "desk_contact": contact.pk,
        },
    )
    referral = Referral.objects.get()
    assert referral.source == Source.DESK and referral.desk_contact == contact


def test_export_and_erase_need_confirmation_and_are_logged(client, specialist, referral):
    client.force_login(specialist)
    export_url = detail_url(referral, "staff-person-export")
    assert client.get(export_url).status_code == 200
    assert client.post(export_url, {}).status_code == 400
    assert not PersonalDataAccess.objects.exists()
    response = client.post(export_url, {"confirm": "on"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["persoon"]["naam"] == "Fatima Jansen"
    assert PersonalDataAccess.objects.filter(action="export").count() == 1

    erase_url = detail_url(referral, "staff-person-erase")
    assert client.post(erase_url, {}).status_code == 400
    assert ReferralPerson.objects.exists()
    response = client.post(erase_url, {"confirm": "on"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.personal_data_erased_at and referral.question == ""
    assert not ReferralPerson.objects.exists()
    assert referral.events.filter(kind=EventKind.PERSON_ERASED).exists()
    content = client.get(detail_url(referral)).content.decode()
    assert "Fatima" not in content and "zijn gewist" in content


def test_settings_for_the_team_leader_only(client, library, specialist):
    url = reverse("referrals:staff-settings")
    client.force_login(specialist)
    assert client.get(url).status_code == 403
    leader = staff_user(library, Role.TEAM_LEADER)
    client.force_login(leader)
    assert client.get(url).status_code == 200
    response = client.post(url, {"first_contact_working_days": "0", "inbox_email": ""})
    assert response.status_code == 400
    assert 'href="#id_first_contact_working_days"' in response.content.decode()
    response = client.post(url, {"first_contact_working_days": "abc", "inbox_email": ""})
    assert response.status_code == 400
    assert not ReferralSettings.objects.exists()
    response = client.post(
        url, {"first_contact_working_days": "5", "inbox_email": "team@bieb.example"}
    )
    assert response.status_code == 302
    row = ReferralSettings.objects.get()
    assert (row.organisation, row.first_contact_working_days) == (library, 5)


def test_desk_confirmation_links_to_a_prefilled_referral(client, library):
    location = LocationFactory(organisation=library)
    desk = staff_user(library, Role.FRONT_DESK)
    referred = question(
        help_types=[HelpType.REFERRAL],
        referral_target=ReferralTarget.COLLEAGUE,
        referred_role=ColleagueRole.IDO,
    )
    contact = ContactFactory(location=location, user=desk, questions=[referred])
    plain = ContactFactory(location=location, user=desk, questions=[question()])
    client.force_login(desk)
    content = client.get(reverse("desk:screen"), {"geregistreerd": contact.pk}).content.decode()
    link = f"{reverse('referrals:staff-create')}?contact={contact.pk}&amp;question="
    assert "Doorverwijzing maken" in content and link in content
    content = client.get(reverse("desk:screen"), {"geregistreerd": plain.pk}).content.decode()
    assert "Doorverwijzing maken" not in content


def test_the_desk_screens_list_of_today_shows_referrals_made_from_a_registration(client, library):
    location = LocationFactory(organisation=library)
    desk = staff_user(library, Role.FRONT_DESK)
    contact = ContactFactory(location=location, user=desk)
    partner = PartnerFactory(name="Humanitas Eemland")
    ReferralFactory(
        sender_organisation=library,
        sender_user=desk,
        receiver_kind=ReceiverKind.PARTNER,
        receiver_organisation=partner,
        desk_contact=contact,
    )
    client.force_login(desk)

    today = client.get(reverse("desk:screen")).content.decode().split('id="balie-vandaag"')[1]

    assert "<strong>Doorverwijzing:</strong> naar Humanitas Eemland" in today


def test_the_new_referral_page_shows_one_recipient_field_per_kind_and_nearest_offers_first(
    client, library
):
    from ontwikkelplein.catalogue.tests.factories import OfferFactory

    north = LocationFactory(organisation=library, name="Noord", latitude=53.2, longitude=6.56)
    south = LocationFactory(organisation=library, name="Zuid", latitude=50.85, longitude=5.69)
    OfferFactory(title="Aa cursus in het zuiden", organisation=library, location=south)
    OfferFactory(title="Zz cursus in het noorden", organisation=library, location=north)
    desk = staff_user(library, Role.FRONT_DESK)
    client.force_login(desk)
    url = reverse("referrals:staff-create")

    client.cookies[f"op_balie_{desk.pk}"] = f"{south.pk}|desk"
    page = client.get(url).content.decode()
    assert page.index("Aa cursus in het zuiden") < page.index("Zz cursus in het noorden")
    assert 'data-disclose-by="receiver_kind"' in page
    for kind in ("colleague", "library", "partner", "offer"):
        assert f'data-disclose-when="{kind}"' in page
    assert 'data-picker-for="id_offer"' in page and "disclosure.js" in page

    # Started from a registration at the northern desk: offers near that desk first.
    contact = ContactFactory(location=north, user=desk)
    page = client.get(url, {"contact": contact.pk}).content.decode()
    assert page.index("Zz cursus in het noorden") < page.index("Aa cursus in het zuiden")
