"""The permission matrix of the staff pages: who sees the lists, the detail and the person, and
who may act. Outsiders get the same answer for an existing referral as for one that does not
exist, so nobody learns whether it exists."""

import uuid

import pytest
from django.urls import reverse

from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.referrals.models import (
    PersonalDataAccess,
    ReceiverKind,
    ReferralNote,
    ReferralPerson,
    Status,
)
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

PERSON_NAME = "Fatima Jansen"
ACTIONS = [
    ("staff-receive", {}),
    ("staff-status", {"status-to_status": "contacted"}),
    ("staff-close", {"afronden-outcome": "helped"}),
    ("staff-reopen", {}),
    ("staff-assign", {"toewijzen-assignee": ""}),
]


@pytest.fixture
def world():
    sender_library = OrganisationFactory()
    receiving_partner = PartnerFactory()
    referral = ReferralFactory(
        sender_organisation=sender_library,
        receiver_organisation=receiving_partner,
        receiver_kind=ReceiverKind.PARTNER,
        receiver_role="",
    )
    kb = OrganisationFactory(kind=OrganisationKind.KB)
    return {
        "referral": referral,
        "sender": referral.sender_user,
        "sender_colleague": staff_user(sender_library, Role.SPECIALIST),
        "partner_staff": staff_user(receiving_partner, Role.PARTNER_STAFF),
        "unrelated": staff_user(OrganisationFactory(), Role.TEAM_LEADER),
        "unrelated_partner": staff_user(PartnerFactory(), Role.PARTNER_STAFF),
        "poi": staff_user(PoiFactory(), Role.POI_ADVISER),
        # A POI adviser membership at the sending library itself is still read-only.
        "poi_at_sender": staff_user(sender_library, Role.POI_ADVISER),
        "kb_admin": staff_user(kb, Role.KB_ADMIN, is_staff=True),
    }


def url(name, pk):
    return reverse(f"referrals:{name}", kwargs={"pk": pk})


@pytest.mark.parametrize(
    "who, detail_status, sees_person, sees_in_list",
    [
        ("sender", 200, True, "sent"),
        ("sender_colleague", 200, True, "sent"),
        ("partner_staff", 200, True, "inbox"),
        ("unrelated", 404, False, None),
        ("unrelated_partner", 404, False, None),
        ("poi", 403, False, None),
        ("poi_at_sender", 403, False, None),
        ("kb_admin", 403, False, None),
    ],
)
def test_who_sees_what(client, world, who, detail_status, sees_person, sees_in_list):
    referral = world["referral"]
    client.force_login(world[who])
    response = client.get(url("staff-detail", referral.pk))
    assert response.status_code == detail_status
    content = response.content.decode()
    assert (PERSON_NAME in content) is sees_person
    assert PersonalDataAccess.objects.filter(user=world[who]).exists() is sees_person
    if detail_status != 200:
        assert referral.reference not in content
        # Exactly the same answer as for a referral that does not exist.
        assert client.get(url("staff-detail", uuid.uuid4())).status_code == detail_status
    upward = who in ("poi", "poi_at_sender", "kb_admin")
    for name in ("staff-inbox", "staff-sent"):
        response = client.get(reverse(f"referrals:{name}"))
        if upward and name == "staff-inbox":
            # The menu's "Doorverwijzingen" leads POI and KB to the figures, never a list.
            assert response.status_code == 302
            assert response["Location"] == reverse("referrals:figures")
            continue
        assert response.status_code == (403 if upward else 200)
        listed = referral.reference in response.content.decode()
        assert listed is (sees_in_list == name.removeprefix("staff-"))


@pytest.mark.parametrize("name, data", ACTIONS)
@pytest.mark.parametrize(
    "who, expected",
    [
        ("sender", 403),
        ("unrelated", 404),
        ("unrelated_partner", 404),
        ("poi", 403),
        ("kb_admin", 403),
    ],
)
def test_only_the_receiver_acts(client, world, name, data, who, expected):
    referral = world["referral"]
    client.force_login(world[who])
    assert client.post(url(name, referral.pk), data).status_code == expected
    if expected == 404 or who != "sender":
        assert client.post(url(name, uuid.uuid4()), data).status_code == expected
    referral.refresh_from_db()
    assert referral.status == Status.NEW and referral.assigned_to is None


def test_the_receiving_partner_acts(client, world):
    referral = world["referral"]
    client.force_login(world["partner_staff"])
    assert client.post(url("staff-receive", referral.pk)).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.RECEIVED


@pytest.mark.parametrize("who", ["unrelated", "unrelated_partner"])
def test_outsiders_cannot_note_export_or_erase(client, world, who):
    referral = world["referral"]
    client.force_login(world[who])
    assert client.post(url("staff-note", referral.pk), {"notitie-text": "x"}).status_code == 404
    for name in ("staff-person-export", "staff-person-erase"):
        assert client.get(url(name, referral.pk)).status_code == 404
        assert client.post(url(name, referral.pk), {"confirm": "on"}).status_code == 404
    assert ReferralPerson.objects.filter(referral=referral).exists()
    assert not ReferralNote.objects.exists()
    assert not PersonalDataAccess.objects.exists()


def test_sender_may_note_and_handle_avg_requests(client, world):
    referral = world["referral"]
    client.force_login(world["sender"])
    assert client.post(url("staff-note", referral.pk), {"notitie-text": "x"}).status_code == 302
    response = client.post(url("staff-person-export", referral.pk), {"confirm": "on"})
    assert response.status_code == 200


def test_anonymous_goes_to_login(client, world):
    response = client.get(url("staff-detail", world["referral"].pk))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
    response = client.get(reverse("referrals:staff-inbox"))
    assert response.status_code == 302


def test_notes_of_one_side_are_not_shown_to_the_other(client, world):
    referral = world["referral"]
    client.force_login(world["partner_staff"])
    client.post(url("staff-note", referral.pk), {"notitie-text": "Alleen voor de partner"})
    client.force_login(world["sender"])
    assert (
        "Alleen voor de partner"
        not in client.get(url("staff-detail", referral.pk)).content.decode()
    )
    client.force_login(world["partner_staff"])
    assert "Alleen voor de partner" in client.get(url("staff-detail", referral.pk)).content.decode()
