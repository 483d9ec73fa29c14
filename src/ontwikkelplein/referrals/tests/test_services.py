import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.notifications.models import Notification, OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.referrals import selectors, services
from ontwikkelplein.referrals.models import (
    ContactPreference,
    EventKind,
    Outcome,
    PartnerLink,
    PersonalDataAccess,
    ReceiverKind,
    Referral,
    ReferralEvent,
    ReferralNote,
    ReferralPerson,
    ReferralSettings,
    Source,
    Status,
)
from ontwikkelplein.referrals.services import PersonData, ReferralError
from ontwikkelplein.referrals.tests.factories import ReferralFactory, person_data

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def specialist_of(organisation):
    return staff_user(organisation, Role.SPECIALIST)


# --- creating -------------------------------------------------------------------------------


def test_create_makes_reference_deadline_person_and_event():
    library = OrganisationFactory()
    specialist = specialist_of(library)
    with time_machine.travel(datetime(2026, 11, 20, 10, 0, tzinfo=AMS), tick=False):
        referral = ReferralFactory(sender_organisation=library)
    assert re.fullmatch(r"[A-HJ-NP-TV-Z2-9]{4}-[A-HJ-NP-TV-Z2-9]{4}", referral.reference)
    assert referral.status == Status.NEW
    # Friday + 3 working days = Wednesday.
    assert referral.first_contact_due == date(2026, 11, 25)
    assert referral.person.phone == "0612345678"
    assert referral.person.consent_recorded_at is not None
    event = referral.events.get()
    assert event.kind == EventKind.CREATED and event.to_status == Status.NEW
    # The receiving specialist is told in the application; the sender is not.
    assert Notification.objects.filter(user=specialist).count() == 1
    assert not Notification.objects.filter(user=referral.sender_user).exists()


def test_deadline_uses_the_receivers_setting_and_holidays():
    library = OrganisationFactory()
    ReferralSettings.objects.create(organisation=library, first_contact_working_days=1)
    with time_machine.travel(datetime(2026, 12, 24, 10, 0, tzinfo=AMS), tick=False):
        referral = ReferralFactory(sender_organisation=library)
    assert referral.first_contact_due == date(2026, 12, 28)


def test_inbox_email_goes_to_the_settings_address_without_personal_data():
    library = OrganisationFactory(email="info@bieb.example")
    ReferralSettings.objects.create(organisation=library, inbox_email="team@bieb.example")
    referral = ReferralFactory(sender_organisation=library, question="Brief over toeslag")
    message = OutboxMessage.objects.get()
    assert message.to == ["team@bieb.example"]
    assert message.reference == f"referral:{referral.id}"
    assert referral.reference in message.subject
    for secret in ("Fatima", "0612345678", "toeslag", "fatima@example.org"):
        assert secret not in message.body and secret not in message.subject


def test_partner_without_accounts_gets_a_link_by_email():
    library = OrganisationFactory()
    partner = PartnerFactory(email="post@welzijn.example")
    referral = ReferralFactory(
        sender_organisation=library,
        receiver_organisation=partner,
        receiver_kind=ReceiverKind.PARTNER,
    )
    link = PartnerLink.objects.get(referral=referral)
    assert link.sent_to == "post@welzijn.example"
    assert link.revoked_at is None
    message = OutboxMessage.objects.get()
    sent_body = notifications.compose(message).body
    token = re.search(r"/partner/([A-Za-z0-9_-]+)/", sent_body).group(1)
    assert link.token_hash == services.hash_token(token)
    assert selectors.referral_for_partner_token(token) == referral
    assert EventKind.LINK_SENT in referral.events.values_list("kind", flat=True)


def test_partner_with_an_account_gets_no_link():
    partner = PartnerFactory(email="post@welzijn.example")
    staff_user(partner, Role.PARTNER_STAFF)
    ReferralFactory(receiver_organisation=partner, receiver_kind=ReceiverKind.PARTNER)
    assert not PartnerLink.objects.exists()
    assert OutboxMessage.objects.get().to == ["post@welzijn.example"]


def test_offer_receiver_is_the_offers_organisation():
    provider = PartnerFactory()
    offer = OfferFactory(organisation=provider)
    referral = services.create_referral(
        source=Source.RESIDENT,
        receiver_organisation=None,
        receiver_kind=ReceiverKind.OFFER,
        offer=offer,
        question="Ik wil leren lezen.",
        person=person_data(consent_recorded_by_label="Inwoner"),
    )
    assert referral.receiver_organisation == provider


def test_unpublished_offer_is_refused():
    offer = OfferFactory(status=OfferStatus.DRAFT)
    with pytest.raises(ReferralError) as error:
        services.create_referral(
            source=Source.RESIDENT,
            receiver_organisation=None,
            receiver_kind=ReceiverKind.OFFER,
            offer=offer,
            question="Vraag",
        )
    assert error.value.field == "offer"
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    "person_fields, field",
    [
        ({"consent_text": ""}, "consent"),
        ({"phone": "12345"}, "phone"),
        ({"phone": "06-1234"}, "phone"),
        ({"email": "geen-adres"}, "email"),
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"contact_preference": ContactPreference.EMAIL, "email": ""}, "email"),
        ({"contact_preference": ContactPreference.PHONE, "phone": ""}, "phone"),
        ({"contact_preference": "pigeon"}, "contact_preference"),
    ],
)
def test_bad_person_details_store_nothing(person_fields, field):
    library = OrganisationFactory()
    with pytest.raises(ReferralError) as error:
        ReferralFactory(sender_organisation=library, person=person_data(**person_fields))
    assert error.value.field == field
    assert error.value.message  # a Dutch sentence for the form
    assert not Referral.objects.exists()
    assert not ReferralPerson.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert not Notification.objects.exists()


def test_a_100_kb_question_is_refused():
    with pytest.raises(ReferralError) as error:
        ReferralFactory(question="a" * 100_000)
    assert error.value.field == "question"
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    "raw, normalised",
    [
        ("06 12345678", "0612345678"),
        ("06-12 34 56 78", "0612345678"),
        ("+31 6 12345678", "0612345678"),
        ("+31 (0)6 12345678", "0612345678"),
        ("0031612345678", "0612345678"),
        ("030 - 123 45 67", "0301234567"),
        ("020-1234567", "0201234567"),
        ("085 123 45 67", "0851234567"),
    ],
)
def test_phone_numbers_are_normalised(raw, normalised):
    assert services.normalise_phone(raw) == normalised


@pytest.mark.parametrize(
    "raw", ["12345678", "+32 470 12 34 56", "06123456789", "abc", "0800-1234", "112"]
)
def test_non_dutch_phone_numbers_are_refused(raw):
    with pytest.raises(ReferralError):
        services.normalise_phone(raw)


def test_colleague_must_work_in_the_own_library():
    with pytest.raises(ReferralError) as error:
        ReferralFactory(receiver_organisation=OrganisationFactory())
    assert error.value.field == "receiver_role"


def test_colleague_needs_a_role_or_programme():
    with pytest.raises(ReferralError) as error:
        ReferralFactory(receiver_role="")
    assert error.value.field == "receiver_role"


def test_receiver_may_not_be_a_poi():
    with pytest.raises(ReferralError):
        ReferralFactory(receiver_organisation=PoiFactory(), receiver_kind=ReceiverKind.PARTNER)


def test_library_receiver_must_be_another_library():
    library = OrganisationFactory()
    with pytest.raises(ReferralError):
        ReferralFactory(
            sender_organisation=library,
            receiver_organisation=library,
            receiver_kind=ReceiverKind.LIBRARY,
        )
    other = OrganisationFactory()
    referral = ReferralFactory(
        sender_organisation=library, receiver_organisation=other, receiver_kind=ReceiverKind.LIBRARY
    )
    assert referral.receiver_organisation == other


def test_reference_lookup_ignores_case_dashes_and_spaces():
    referral = ReferralFactory()
    code = referral.reference.replace("-", "").lower()
    assert selectors.referral_for_reference(code) == referral
    assert selectors.referral_for_reference(f" {code[:4]} {code[4:]} ") == referral
    assert selectors.referral_for_reference("ZZZZ-ZZZZ") is None
    assert selectors.referral_for_reference("not a code at all") is None


# --- status ---------------------------------------------------------------------------------

OPEN = [Status.NEW, Status.RECEIVED, Status.CONTACTED, Status.IN_PROGRESS]
ALLOWED = {
    (Status.NEW, Status.RECEIVED),
    (Status.NEW, Status.CONTACTED),
    (Status.NEW, Status.IN_PROGRESS),
    (Status.RECEIVED, Status.CONTACTED),
    (Status.RECEIVED, Status.IN_PROGRESS),
    (Status.CONTACTED, Status.IN_PROGRESS),
    (Status.IN_PROGRESS, Status.CONTACTED),
}


def _at_status(status):
    referral = ReferralFactory()
    if status != Status.NEW:
        Referral.objects.filter(pk=referral.pk).update(status=status)
        referral.refresh_from_db()
    return referral


@pytest.mark.parametrize("from_status", OPEN)
@pytest.mark.parametrize("to_status", list(Status))
def test_transition_matrix(from_status, to_status):
    referral = _at_status(from_status)
    events = referral.events.count()
    if (from_status, to_status) in ALLOWED:
        services.change_status(referral, to_status, actor_label="Test")
        referral.refresh_from_db()
        assert referral.status == to_status
        event = referral.events.last()
        assert (event.kind, event.from_status, event.to_status) == (
            EventKind.STATUS,
            from_status,
            to_status,
        )
    else:
        with pytest.raises(ReferralError):
            services.change_status(referral, to_status, actor_label="Test")
        referral.refresh_from_db()
        assert referral.status == from_status
        assert referral.events.count() == events


def test_status_timestamps_are_set_once():
    referral = ReferralFactory()
    services.receive(referral, actor_label="Test")
    referral.refresh_from_db()
    received_at = referral.received_at
    assert received_at and referral.first_contact_at is None
    services.change_status(referral, Status.CONTACTED, actor_label="Test")
    services.change_status(referral, Status.IN_PROGRESS, actor_label="Test")
    services.change_status(referral, Status.CONTACTED, actor_label="Test")
    referral.refresh_from_db()
    assert referral.received_at == received_at
    assert referral.first_contact_at is not None


def test_receive_twice_changes_nothing():
    referral = ReferralFactory()
    services.receive(referral, actor_label="Test")
    services.receive(referral, actor_label="Test")
    assert referral.events.filter(kind=EventKind.STATUS).count() == 1


def test_only_the_receiving_organisation_changes_status():
    referral = ReferralFactory(
        receiver_organisation=OrganisationFactory(), receiver_kind=ReceiverKind.LIBRARY
    )
    with pytest.raises(PermissionDenied):
        services.change_status(referral, Status.RECEIVED, user=referral.sender_user)
    services.change_status(
        referral, Status.RECEIVED, user=specialist_of(referral.receiver_organisation)
    )


# --- closing and reopening ------------------------------------------------------------------


def test_closing_requires_an_outcome():
    referral = ReferralFactory()
    for bad in ("", "lost"):
        with pytest.raises(ReferralError) as error:
            services.close_referral(referral, bad, actor_label="Test")
        assert error.value.field == "outcome"
    referral.refresh_from_db()
    assert referral.status == Status.NEW


def test_not_suitable_requires_a_reason():
    referral = ReferralFactory()
    with pytest.raises(ReferralError) as error:
        services.close_referral(referral, Outcome.NOT_SUITABLE, "  ", actor_label="Test")
    assert error.value.field == "reason"
    services.close_referral(referral, Outcome.NOT_SUITABLE, "Te ver weg", actor_label="Test")
    referral.refresh_from_db()
    assert (referral.status, referral.outcome, referral.outcome_reason) == (
        Status.CLOSED,
        Outcome.NOT_SUITABLE,
        "Te ver weg",
    )


def test_closing_tells_the_sender_and_revokes_links():
    library = OrganisationFactory()
    referral = ReferralFactory(sender_organisation=library)
    services.issue_partner_link(referral, "iemand@partner.example")
    closer = specialist_of(library)
    services.close_referral(referral, Outcome.HELPED, user=closer)
    referral.refresh_from_db()
    assert referral.closed_at is not None and referral.received_at is not None
    assert not PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True).exists()
    note = Notification.objects.get(user=referral.sender_user)
    assert "Geholpen" in note.text and referral.reference in note.text
    event = referral.events.last()
    assert event.kind == EventKind.CLOSED and event.detail == {"outcome": Outcome.HELPED}
    with pytest.raises(ReferralError):
        services.close_referral(referral, Outcome.HELPED, user=closer)


def test_closing_emails_a_person_who_chose_email_only_the_outcome():
    referral = ReferralFactory(
        source=Source.RESIDENT,
        sender_organisation=None,
        sender_user=None,
        receiver_organisation=OrganisationFactory(),
        receiver_kind=ReceiverKind.LIBRARY,
        receiver_role="",
        person=person_data(contact_preference=ContactPreference.EMAIL),
    )
    OutboxMessage.objects.all().delete()
    services.close_referral(referral, Outcome.ENROLLED, actor_label="Test")
    message = OutboxMessage.objects.get()
    assert message.to == ["fatima@example.org"]
    assert "Aangemeld voor aanbod" in message.body
    assert "Belastingdienst" not in message.body and "Fatima" not in message.body


def test_reopen_clears_the_outcome_and_keeps_history():
    referral = ReferralFactory()
    services.change_status(referral, Status.CONTACTED, actor_label="Test")
    services.close_referral(referral, Outcome.HELPED, actor_label="Test")
    services.reopen_referral(referral, actor_label="Test")
    referral.refresh_from_db()
    assert referral.status == Status.IN_PROGRESS
    assert referral.outcome == "" and referral.closed_at is None
    kinds = list(referral.events.values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.STATUS, EventKind.CLOSED, EventKind.REOPENED]
    assert referral.events.last().detail == {"previous_outcome": Outcome.HELPED}
    with pytest.raises(ReferralError):
        services.reopen_referral(referral, actor_label="Test")


def test_reopen_without_contact_goes_back_to_received():
    referral = ReferralFactory()
    services.close_referral(referral, Outcome.NO_LONGER_NEEDED, actor_label="Test")
    services.reopen_referral(referral, actor_label="Test")
    referral.refresh_from_db()
    assert referral.status == Status.RECEIVED


# --- assignment and notes -------------------------------------------------------------------


def test_assign_to_a_colleague_of_the_receiver():
    library = OrganisationFactory()
    leader = staff_user(library, Role.TEAM_LEADER)
    colleague = specialist_of(library)
    referral = ReferralFactory(sender_organisation=library)
    services.assign_referral(referral, colleague, user=leader)
    referral.refresh_from_db()
    assert referral.assigned_to == colleague
    assert referral.events.last().detail == {"assignee_id": colleague.pk}
    assert Notification.objects.filter(user=colleague, text__contains="toegewezen").exists()
    outsider = specialist_of(OrganisationFactory())
    with pytest.raises(ReferralError) as error:
        services.assign_referral(referral, outsider, user=leader)
    assert error.value.field == "assignee"
    services.assign_referral(referral, None, user=leader)
    referral.refresh_from_db()
    assert referral.assigned_to is None


def test_notes_belong_to_the_authors_organisation():
    sender_library = OrganisationFactory()
    receiver = OrganisationFactory()
    referral = ReferralFactory(
        sender_organisation=sender_library,
        receiver_organisation=receiver,
        receiver_kind=ReceiverKind.LIBRARY,
    )
    receiving = specialist_of(receiver)
    note = services.add_note(referral, "Gebeld, voicemail.", user=receiving)
    assert note.organisation == receiver
    services.add_note(referral, "Bij ons bekend.", user=referral.sender_user)
    assert list(selectors.notes_for(receiving, referral)) == [note]
    with pytest.raises(PermissionDenied):
        services.add_note(referral, "Hallo", user=specialist_of(OrganisationFactory()))
    with pytest.raises(ReferralError):
        services.add_note(referral, "x" * 2001, user=receiving)
    assert ReferralNote.objects.count() == 2


def test_history_never_holds_personal_data():
    library = OrganisationFactory()
    # Staff names are fixed: a generated Dutch name may itself be "Jansen", which the history
    # rightly holds as the actor's label.
    sender = staff_user(library, Role.FRONT_DESK, first_name="Sam", last_name="Balie")
    referral = ReferralFactory(
        sender_organisation=library,
        sender_user=sender,
        question="Mevrouw Jansen heeft een brief van het CAK",
        person=person_data(contact_preference=ContactPreference.EMAIL),
    )
    user = staff_user(library, Role.SPECIALIST, first_name="Kim", last_name="Specialist")
    services.receive(referral, user=user)
    services.add_note(referral, "Fatima belt terug", user=user)
    services.assign_referral(referral, user, user=user)
    services.issue_partner_link(referral, "partner@welzijn.example")
    services.close_referral(referral, Outcome.NOT_SUITABLE, "Fatima woont te ver", user=user)
    services.reopen_referral(referral, user=user)
    services.export_person_data(referral, user=user)
    dumped = json.dumps(
        list(ReferralEvent.objects.values("detail", "actor_label", "from_status", "to_status"))
    )
    for secret in ("Fatima", "Jansen", "CAK", "0612345678", "fatima@example.org", "partner@"):
        assert secret not in dumped
    assert referral.events.count() == 8


# --- privacy --------------------------------------------------------------------------------


def test_export_contains_the_person_and_is_logged():
    library = OrganisationFactory()
    referral = ReferralFactory(sender_organisation=library)
    user = specialist_of(library)
    services.add_note(referral, "Notitie", user=user)
    data = services.export_person_data(referral, user=user)
    assert data["persoon"]["naam"] == "Fatima Jansen"
    assert data["persoon"]["toestemming"]["tekst"].startswith("De persoon geeft")
    assert data["vraag"] == referral.question
    assert data["notities"][0]["tekst"] == "Notitie"
    json.dumps(data)  # serialisable
    access = PersonalDataAccess.objects.get(referral=referral)
    assert (access.user, access.action) == (user, PersonalDataAccess.Action.EXPORT)


def test_export_gives_each_organisation_only_its_own_internal_notes():
    library = OrganisationFactory()
    receiver = PartnerFactory()
    receiver_staff = staff_user(receiver, Role.PARTNER_STAFF)
    referral = ReferralFactory(
        sender_organisation=library,
        receiver_organisation=receiver,
        receiver_kind=ReceiverKind.PARTNER,
    )
    sender_staff = specialist_of(library)
    services.add_note(referral, "Notitie van de afzender", user=sender_staff)
    services.add_note(referral, "Interne notitie van de ontvanger", user=receiver_staff)
    sent = services.export_person_data(referral, user=sender_staff)
    received = services.export_person_data(referral, user=receiver_staff)
    assert [n["tekst"] for n in sent["notities"]] == ["Notitie van de afzender"]
    assert [n["tekst"] for n in received["notities"]] == ["Interne notitie van de ontvanger"]
    assert "Interne notitie van de ontvanger" not in json.dumps(sent)


def test_erase_removes_personal_data_and_keeps_the_anonymous_record():
    library = OrganisationFactory()
    specialist = specialist_of(library)
    referral = ReferralFactory(sender_organisation=library)
    other = ReferralFactory(sender_organisation=library)
    services.add_note(referral, "Notitie", user=specialist)
    services.issue_partner_link(referral, "p@partner.example")
    services.close_referral(referral, Outcome.NOT_SUITABLE, "Reden met naam", user=specialist)
    assert OutboxMessage.objects.filter(reference=f"referral:{referral.id}").exists()

    services.erase_person_data(referral, user=specialist)
    referral.refresh_from_db()
    assert referral.personal_data_erased_at is not None
    assert referral.question == "" and referral.outcome_reason == ""
    assert (referral.status, referral.outcome) == (Status.CLOSED, Outcome.NOT_SUITABLE)
    assert not ReferralPerson.objects.filter(referral=referral).exists()
    assert not ReferralNote.objects.filter(referral=referral).exists()
    assert not PartnerLink.objects.filter(referral=referral).exists()
    assert not OutboxMessage.objects.filter(reference=f"referral:{referral.id}").exists()
    assert not Notification.objects.filter(reference=f"referral:{referral.id}").exists()
    assert referral.events.last().kind == EventKind.PERSON_ERASED
    assert PersonalDataAccess.objects.filter(
        referral=referral, action=PersonalDataAccess.Action.ERASE
    ).exists()
    # The other referral is untouched.
    other.refresh_from_db()
    assert other.person.name == "Fatima Jansen" and other.question
    assert Notification.objects.filter(reference=f"referral:{other.id}").exists()
    # Twice is harmless; reopening an erased referral is refused.
    services.erase_person_data(referral, user=specialist)
    assert referral.events.filter(kind=EventKind.PERSON_ERASED).count() == 1
    with pytest.raises(ReferralError):
        services.reopen_referral(referral, user=specialist)


def test_erase_by_an_outsider_is_refused():
    referral = ReferralFactory()
    with pytest.raises(PermissionDenied):
        services.erase_person_data(referral, user=specialist_of(OrganisationFactory()))
    assert ReferralPerson.objects.filter(referral=referral).exists()


def test_partner_tokens_expire_and_are_revoked():
    referral = ReferralFactory()
    first = services.issue_partner_link(referral, "a@partner.example")
    second = services.issue_partner_link(referral, "b@partner.example")
    assert selectors.referral_for_partner_token(first) is None  # replaced
    found = selectors.referral_for_partner_token(second)
    assert found == referral and found.partner_link.sent_to == "b@partner.example"
    assert selectors.referral_for_partner_token("unknown") is None
    assert selectors.referral_for_partner_token("") is None
    with time_machine.travel(datetime.now(tz=AMS) + timedelta(days=14, minutes=1)):
        assert selectors.referral_for_partner_token(second) is None


# --- selectors ------------------------------------------------------------------------------


def test_overdue_and_days_open():
    with time_machine.travel(datetime(2026, 11, 16, 9, 0, tzinfo=AMS), tick=False):
        referral = ReferralFactory()
    assert referral.first_contact_due == date(2026, 11, 19)
    assert not selectors.is_overdue(referral, date(2026, 11, 19))
    assert selectors.is_overdue(referral, date(2026, 11, 20))
    assert selectors.days_open(referral, date(2026, 11, 20)) == 4
    with time_machine.travel(datetime(2026, 11, 18, 9, 0, tzinfo=AMS), tick=False):
        services.change_status(referral, Status.CONTACTED, actor_label="Test")
    referral.refresh_from_db()
    assert not selectors.is_overdue(referral, date(2026, 11, 20))
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=AMS), tick=False):
        services.close_referral(referral, Outcome.HELPED, actor_label="Test")
    referral.refresh_from_db()
    assert selectors.days_open(referral, date(2027, 1, 1)) == 7


def test_visibility_and_person_access():
    library = OrganisationFactory()
    receiver = PartnerFactory()
    receiving = staff_user(receiver, Role.PARTNER_STAFF)
    referral = ReferralFactory(
        sender_organisation=library,
        receiver_organisation=receiver,
        receiver_kind=ReceiverKind.PARTNER,
    )
    for user in (referral.sender_user, receiving):
        assert selectors.referral_for_user(user, referral.pk) == referral
        assert selectors.can_see_person(user, referral)
    assert selectors.can_act(receiving, referral)
    assert not selectors.can_act(referral.sender_user, referral)
    outsiders = [
        specialist_of(OrganisationFactory()),
        staff_user(PoiFactory(), Role.POI_ADVISER),
        staff_user(library, Role.POI_ADVISER),
    ]
    for user in outsiders:
        with pytest.raises(Http404):
            selectors.referral_for_user(user, referral.pk)
        assert not selectors.can_see_person(user, referral)
    with pytest.raises(Http404):
        selectors.referral_for_user(receiving, "not-a-uuid")


def test_inbox_filters():
    library = OrganisationFactory()
    user = specialist_of(library)
    ido = ReferralFactory(sender_organisation=library, receiver_role=ColleagueRole.IDO)
    taal = ReferralFactory(sender_organisation=library, receiver_role=ColleagueRole.LANGUAGE_HOUSE)
    services.assign_referral(taal, user, user=user)
    closed = ReferralFactory(sender_organisation=library)
    services.close_referral(closed, Outcome.HELPED, user=user)
    assert set(selectors.inbox(user, library)) == {ido, taal}
    assert list(selectors.inbox(user, library, role=ColleagueRole.IDO)) == [ido]
    assert list(selectors.inbox(user, library, assigned_to=user)) == [taal]
    assert list(selectors.inbox(user, library, state="closed")) == [closed]
    assert set(selectors.inbox(user, library, state="all")) == {ido, taal, closed}
    assert list(selectors.inbox(user, OrganisationFactory())) == []
    late = date.today() + timedelta(days=30)
    assert set(selectors.inbox(user, library, state="overdue", today=late)) == {ido, taal}
    assert set(selectors.sent_by(user)) == {ido, taal, closed}


# --- settings -------------------------------------------------------------------------------


def test_only_a_team_leader_changes_settings():
    library = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        services.update_settings(
            library, first_contact_working_days=5, inbox_email="", user=specialist_of(library)
        )
    leader = staff_user(library, Role.TEAM_LEADER)
    with pytest.raises(ReferralError) as error:
        services.update_settings(library, first_contact_working_days=0, inbox_email="", user=leader)
    assert error.value.field == "first_contact_working_days"
    with pytest.raises(ReferralError):
        services.update_settings(
            library, first_contact_working_days=2, inbox_email="geen", user=leader
        )
    services.update_settings(
        library, first_contact_working_days=5, inbox_email="team@bieb.example", user=leader
    )
    assert services.settings_for(library).first_contact_working_days == 5


def test_person_data_dataclass_is_validated_without_saving():
    cleaned = services.validate_person(
        PersonData(
            name=" Ali ",
            contact_preference=ContactPreference.VIA_SENDER,
            consent_text="ja",
        )
    )
    assert cleaned.name == "Ali" and cleaned.phone == ""


def test_the_partner_links_token_is_not_kept_readable_once_the_mail_is_sent(mailoutbox):
    partner = PartnerFactory(email="post@welzijn.example")
    referral = ReferralFactory(
        sender_organisation=OrganisationFactory(),
        receiver_organisation=partner,
        receiver_kind=ReceiverKind.PARTNER,
    )
    message = OutboxMessage.objects.get()
    # Stored: a placeholder in the body, the token beside it until sending.
    assert "/partner/{{secret:partner-link}}/" in message.body
    assert "/partner/" in message.body and not re.search(
        r"/partner/[A-Za-z0-9_-]{20,}/", message.body
    )
    assert notifications.send_message(message.pk) is True
    [mail] = mailoutbox
    token = re.search(r"/partner/([A-Za-z0-9_-]{20,})/", mail.body).group(1)
    assert selectors.referral_for_partner_token(token) == referral
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert message.secrets == {}
    stored = json.dumps(
        list(OutboxMessage.objects.values("subject", "body", "html_body", "secrets"))
    )
    assert token not in stored
