"""POST /api/v1/referrals/ and GET /api/v1/referrals/{id}/ with an API key (referrals:write)."""

import json
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.services import revoke_api_key
from ontwikkelplein.apikeys.tests.factories import api_key
from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
)
from ontwikkelplein.referrals import selectors, services
from ontwikkelplein.referrals.models import (
    Outcome,
    ReceiverKind,
    Referral,
    Source,
    Status,
)
from ontwikkelplein.referrals.tests.resident_helpers import (  # noqa: F401 - autouse fixture
    NOTHING,
    _fresh_rate_limits,
    stored_counts,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/referrals/"


@pytest.fixture
def helpline():
    return PartnerFactory(name="Belastingtelefoon", sector="national_agency")


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland", email="ido@eemland.example")


@pytest.fixture
def key(helpline):
    return api_key(helpline, scopes=[Scope.REFERRALS_WRITE], name="Belastingtelefoon CRM")[1]


def person(**extra):
    return {
        "name": "J. de Vries",
        "contact_preference": "phone",
        "phone": "+31 6 12345678",
        "best_moment": "Dinsdagochtend",
        "consent_text": "Mag de bibliotheek u bellen over uw vraag?",
        "recorded_by_label": "Medewerker Belastingtelefoon, telefonisch",
        **extra,
    }


def body(library, **extra):
    return {
        "receiver_organisation": str(library.pk),
        "receiver_role": "ido",
        "question": "Hulp bij het aanvragen van huurtoeslag.",
        "person": person(),
        **extra,
    }


def post(client, data, key=None, *, raw=None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    payload = raw if raw is not None else json.dumps(data)
    return client.post(URL, payload, content_type="application/json", headers=headers)


def get(client, referral_id, key=None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(f"{URL}{referral_id}/", headers=headers)


def test_the_urls_are_named():
    assert reverse("referrals-api:referral-create") == URL
    some = uuid.uuid4()
    assert reverse("referrals-api:referral-detail", args=[some]) == f"{URL}{some}/"


# --- Sending ------------------------------------------------------------------------------


def test_a_helpline_refers_a_caller_to_a_library(client, key, helpline, library):
    response = post(client, body(library), key)
    assert response.status_code == 201, response.json()
    data = response.json()
    assert set(data) == {"id", "reference", "status", "first_contact_due"}
    referral = Referral.objects.get(pk=data["id"])
    assert data["reference"] == referral.reference
    assert data["status"] == "new"
    assert data["first_contact_due"] == referral.first_contact_due.isoformat()
    assert referral.source == Source.PARTNER_SYSTEM
    assert referral.sender_organisation == helpline
    assert referral.sender_api_key.name == "Belastingtelefoon CRM"
    assert referral.receiver_organisation == library
    assert referral.receiver_kind == ReceiverKind.LIBRARY
    assert referral.receiver_role == "ido"
    assert referral.person.phone == "0612345678"
    assert referral.person.consent_recorded_by_label == "Medewerker Belastingtelefoon, telefonisch"
    assert referral.events.get().actor_label == "API-sleutel Belastingtelefoon CRM"


def test_an_offer_makes_it_a_referral_to_the_offer(client, key, library):
    offer = OfferFactory(organisation=library)
    response = post(client, body(library, offer=str(offer.pk), receiver_role=""), key)
    assert response.status_code == 201, response.json()
    referral = Referral.objects.get()
    assert referral.receiver_kind == ReceiverKind.OFFER
    assert referral.offer == offer


def test_a_partner_receiver_and_no_person(client, key, library):
    welfare = PartnerFactory(email="team@welzijn.example")
    data = body(welfare, receiver_role="")
    del data["person"]
    response = post(client, data, key)
    assert response.status_code == 201, response.json()
    referral = Referral.objects.get()
    assert referral.receiver_kind == ReceiverKind.PARTNER
    assert selectors.person_of(referral) is None


def test_a_library_refers_to_its_own_colleague_role(client, library):
    own_key = api_key(library, scopes=[Scope.REFERRALS_WRITE])[1]
    response = post(client, body(library, receiver_role="taalhuis"), own_key)
    assert response.status_code == 201, response.json()
    assert Referral.objects.get().receiver_kind == ReceiverKind.COLLEAGUE


# --- Following ----------------------------------------------------------------------------


def test_the_sender_follows_status_and_outcome_without_personal_data(client, key, library):
    referral_id = post(client, body(library), key).json()["id"]
    referral = Referral.objects.get(pk=referral_id)
    services.close_referral(referral, Outcome.NOT_SUITABLE, "Alleen op afspraak.", actor_label="T")
    response = get(client, referral_id, key)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == Status.CLOSED
    assert data["status_label"] == "Afgerond"
    assert data["outcome"] == "not_suitable"
    assert data["outcome_label"] == "Past niet"
    assert data["outcome_reason"] == "Alleen op afspraak."
    assert data["closed_at"] is not None
    text = json.dumps(data)
    assert "de Vries" not in text and "0612345678" not in text and "huurtoeslag" not in text


def test_another_key_of_the_same_organisation_may_follow(client, key, helpline, library):
    referral_id = post(client, body(library), key).json()["id"]
    second = api_key(helpline, scopes=[Scope.REFERRALS_WRITE], name="Tweede")[1]
    assert get(client, referral_id, second).status_code == 200


def test_another_organisation_gets_the_same_404_as_an_unknown_id(client, key, library):
    referral_id = post(client, body(library), key).json()["id"]
    stranger = api_key(PartnerFactory(), scopes=[Scope.REFERRALS_WRITE])[1]
    # Even the receiving library's key sees nothing here: the API is for senders.
    receiver = api_key(library, scopes=[Scope.REFERRALS_WRITE])[1]
    answers = [
        get(client, referral_id, stranger),
        get(client, referral_id, receiver),
        get(client, uuid.uuid4(), key),
        get(client, "not-a-uuid", key),
    ]
    assert [a.status_code for a in answers] == [404] * 4
    assert len({a.content for a in answers}) == 1
    assert "bestaat niet" in answers[0].json()["detail"]


# --- Keys and scopes: nothing, no hint ------------------------------------------------------


def test_a_key_without_the_scope_gets_nothing(client, helpline, library, key):
    referral_id = post(client, body(library), key).json()["id"]
    before = stored_counts()
    contacts_only = api_key(helpline, scopes=[Scope.CONTACTS_WRITE])[1]
    response = post(client, body(library), contacts_only)
    assert response.status_code == 403
    assert "referrals:write" in response.json()["detail"]
    assert get(client, referral_id, contacts_only).status_code == 403
    assert get(client, uuid.uuid4(), contacts_only).status_code == 403
    assert (
        get(client, referral_id, contacts_only).content
        == get(client, uuid.uuid4(), contacts_only).content
    )
    assert stored_counts() == before


def test_no_key_or_a_revoked_key_gets_401(client, library, helpline):
    stored, plain = api_key(helpline, scopes=[Scope.REFERRALS_WRITE])
    assert post(client, body(library)).status_code == 401
    revoke_api_key(stored)
    response = post(client, body(library), plain)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert get(client, uuid.uuid4(), plain).status_code == 401
    assert stored_counts() == NOTHING


# --- Bad input: 400, Dutch, nothing stored ------------------------------------------------


@pytest.mark.parametrize(
    "raw, message",
    [
        ('{"question": ' + "[" * 10_000 + "]" * 10_000 + "}", "te diep genest"),
        ('{"question": "Hulp \\ud800"}', "surrogaat"),
        ('{"person": {"name": "a\\u0000b"}}', "NUL"),
    ],
)
def test_json_that_cannot_be_stored_is_a_400_not_a_server_error(client, key, raw, message):
    response = post(client, None, key, raw=raw)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert stored_counts() == NOTHING


def test_malformed_json(client, key):
    response = post(client, None, key, raw='{"question": ')
    assert response.status_code == 400
    assert "geen geldige JSON" in response.json()["detail"]
    assert stored_counts() == NOTHING


def test_missing_fields(client, key):
    response = post(client, {}, key)
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"detail", "receiver_organisation", "question"}
    assert errors["question"] == ["Dit veld is vereist."]
    assert stored_counts() == NOTHING


@pytest.mark.parametrize("phone", ["12345", "+44 20 7946 0958", "bel maar"])
def test_a_bad_phone_number(client, key, library, phone):
    response = post(client, body(library, person=person(phone=phone)), key)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Niet alle velden kloppen. Zie de meldingen per veld.",
        "person": {
            "phone": ["Vul een Nederlands telefoonnummer in, zoals 06 12345678 of 030 1234567."]
        },
    }
    assert stored_counts() == NOTHING


def test_a_100_kb_question(client, key, library):
    response = post(client, body(library, question="a" * 100_000), key)
    assert response.status_code == 400
    assert response.json()["question"] == ["Deze tekst is te lang: gebruik hoogstens 1000 tekens."]
    assert stored_counts() == NOTHING


def test_missing_consent(client, key, library):
    data = person()
    del data["consent_text"]
    response = post(client, body(library, person=data), key)
    assert response.status_code == 400
    assert response.json()["person"]["consent_text"] == [
        "Zonder toestemming kunnen we de gegevens niet bewaren."
    ]
    assert stored_counts() == NOTHING


def test_the_chosen_contact_needs_its_detail(client, key, library):
    data = person(contact_preference="email")
    response = post(client, body(library, person=data), key)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Niet alle velden kloppen. Zie de meldingen per veld.",
        "person": {"email": ["Vul een e-mailadres in."]},
    }
    assert stored_counts() == NOTHING


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"receiver_organisation": str(uuid.uuid4())}, "receiver_organisation"),
        ({"receiver_organisation": "kaas"}, "receiver_organisation"),
        ({"urgency": "heel erg"}, "urgency"),
        ({"receiver_role": "tovenaar"}, "receiver_role"),
        ({"offer": str(uuid.uuid4())}, "offer"),
    ],
)
def test_unknown_values(client, key, library, change, field):
    response = post(client, body(library, **change), key)
    assert response.status_code == 400
    assert field in response.json()
    assert stored_counts() == NOTHING


def test_a_poi_is_no_receiver(client, key):
    poi = PoiFactory()
    response = post(client, body(poi), key)
    assert response.status_code == 400
    assert "receiver_organisation" in response.json()
    assert stored_counts() == NOTHING


def test_an_offer_of_another_organisation_or_a_draft(client, key, library):
    elsewhere = OfferFactory()
    response = post(client, body(library, offer=str(elsewhere.pk)), key)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Niet alle velden kloppen. Zie de meldingen per veld.",
        "receiver_organisation": ["Dit aanbod hoort bij een andere organisatie."],
    }
    draft = OfferFactory(organisation=library, status=OfferStatus.DRAFT)
    response = post(client, body(library, offer=str(draft.pk)), key)
    assert response.status_code == 400
    assert "offer" in response.json()
    assert stored_counts() == NOTHING


def test_a_list_instead_of_an_object(client, key):
    response = post(client, [1, 2], key)
    assert response.status_code == 400
    assert stored_counts() == NOTHING


# --- End to end with the management command, and the schema ----------------------------------


def test_create_api_key_command_end_to_end(client, library):
    helpline = PartnerFactory(name="Juridisch Loket Test")
    out = StringIO()
    call_command(
        "create_api_key",
        "--organisation",
        "Juridisch Loket Test",
        "--scope",
        "referrals:write",
        "--name",
        "Loket CRM",
        stdout=out,
    )
    plain = out.getvalue().strip().splitlines()[-1]
    created = post(client, body(library), plain)
    assert created.status_code == 201, created.json()
    referral = Referral.objects.get()
    assert referral.sender_organisation == helpline
    followed = get(client, created.json()["id"], plain)
    assert followed.status_code == 200
    assert followed.json()["reference"] == referral.reference


def test_the_schema_documents_the_referrals_api(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    paths = json.loads(response.content)["paths"]
    assert set(paths[URL]) == {"post"}
    assert set(paths[URL + "{id}/"]) == {"get"}
    post_responses = paths[URL]["post"]["responses"]
    assert {"201", "400", "401", "403"} <= set(post_responses)
    assert {"200", "401", "403", "404"} <= set(paths[URL + "{id}/"]["get"]["responses"])
