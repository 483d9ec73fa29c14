"""POST /api/v1/contacts/: kiosks and tablet apps register contacts with an API key."""

import datetime
import json
import re
import threading
import uuid

import pytest
from django.db import connection
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.services import revoke_api_key
from ontwikkelplein.apikeys.tests.factories import api_key
from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.desk.models import Contact, DailyCount, Question
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/contacts/"


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland")


@pytest.fixture
def location(library):
    return LocationFactory(organisation=library, name="Eemhuis")


@pytest.fixture
def key(library):
    return api_key(library, name="Kiosk hal")[1]


def digid_question(**extra):
    return {
        "category": "digital_government",
        "agency": "belastingdienst",
        "topic": "digid-aanvragen",
        "help_types": ["digital_contact"],
        **extra,
    }


def body(location, **extra):
    return {
        "location": str(location.pk),
        "channel": "desk",
        "questions": [digid_question()],
        **extra,
    }


def post(client, data, key=None, *, header="bearer", raw=None, content_type="application/json"):
    headers = {}
    if key is not None:
        headers = {"Authorization": f"Bearer {key}"} if header == "bearer" else {"X-API-Key": key}
    payload = raw if raw is not None else json.dumps(data)
    return client.post(URL, payload, content_type=content_type, headers=headers)


def test_the_url_is_named():
    assert reverse("desk-api:contact-create") == URL


# --- success ---------------------------------------------------------------------------------


def test_a_contact_is_registered(client, library, location, key):
    response = post(client, body(location, note="Kwam met een brief"), key)
    assert response.status_code == 201, response.content
    data = response.json()
    contact = Contact.objects.get(pk=data["id"])
    assert contact.organisation == library
    assert contact.location == location
    assert contact.source == "api"
    assert contact.registered_by is None
    assert contact.note == "Kwam met een brief"
    question = Question.objects.get(contact=contact)
    assert question.agency.code == "belastingdienst"
    assert question.topic.code == "digid-aanvragen"
    assert question.help_types == ["digital_contact"]
    assert data["location"] == str(location.pk)
    assert data["organisation"] == str(library.pk)
    assert data["channel"] == "desk"
    assert data["question_count"] == 1
    assert data["date"] == contact.date.isoformat()
    # The figures see it: the roll-up counts it.
    cell = DailyCount.objects.get(organisation=library, date=contact.date)
    assert (cell.questions, cell.contacts) == (1, 1)


def test_the_x_api_key_header_works_too(client, location, key):
    response = post(client, body(location), key, header="x-api-key")
    assert response.status_code == 201, response.content


def test_three_questions_with_referrals(client, library, location, key):
    partner = PartnerFactory()
    offer = OfferFactory(organisation=library, indexed=False)
    questions = [
        digid_question(duration="short", low_literacy_signal=True),
        {
            "category": "digital_government",
            "agency": "toeslagen",
            "topic": "toeslagen",
            "help_types": ["provider_info", "referral"],
            "referral_target": "organisation",
            "referred_organisation": str(partner.pk),
        },
        {
            "category": "library",
            "help_types": ["course", "referral"],
            "referral_target": "offer",
            "referred_offer": str(offer.pk),
        },
    ]
    response = post(client, body(location, channel="appointment", questions=questions), key)
    assert response.status_code == 201, response.content
    assert response.json()["question_count"] == 3
    contact = Contact.objects.get(pk=response.json()["id"])
    stored = list(contact.questions.order_by("position"))
    assert len(stored) == 3
    assert stored[0].low_literacy_signal and stored[0].duration == "short"
    assert stored[1].referred_organisation == partner
    assert stored[2].referred_offer == offer


def test_registered_at_is_kept(client, location, key):
    moment = timezone.now() - datetime.timedelta(days=2)
    response = post(client, body(location, registered_at=moment.isoformat()), key)
    assert response.status_code == 201, response.content
    contact = Contact.objects.get(pk=response.json()["id"])
    assert contact.registered_at == moment
    assert contact.date == timezone.localdate(moment)


def test_registered_at_long_ago_or_ahead_is_refused(client, location, key):
    for moment in (
        timezone.now() - datetime.timedelta(days=30),
        timezone.now() + datetime.timedelta(hours=2),
    ):
        response = post(client, body(location, registered_at=moment.isoformat()), key)
        assert response.status_code == 400
        assert response.json()["registered_at"]
    assert not Contact.objects.exists()


def test_the_same_client_reference_is_stored_once(client, location, key):
    reference = str(uuid.uuid4())
    first = post(client, body(location, client_reference=reference), key)
    again = post(client, body(location, client_reference=reference), key)
    assert first.status_code == 201, first.content
    assert again.status_code == 200, again.content
    assert again.json() == first.json()
    assert Contact.objects.count() == 1
    assert Question.objects.count() == 1


# --- the key ---------------------------------------------------------------------------------


def test_a_missing_key_is_refused(client, location):
    response = post(client, body(location))
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert not Contact.objects.exists()


@pytest.mark.parametrize("wrong", ["nonsense", "op_12345678_" + "x" * 43, "Bearer"])
def test_a_wrong_key_is_refused(client, location, key, wrong):
    response = post(client, body(location), wrong)
    assert response.status_code == 401
    assert "onbekend" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_a_wrong_secret_with_a_real_prefix_is_refused(client, location, key):
    response = post(client, body(location), key[:-4] + "AAAA" if not key.endswith("AAAA") else "B")
    assert response.status_code == 401
    assert not Contact.objects.exists()


def test_two_words_after_bearer_are_refused(client, location, key):
    response = client.post(
        URL,
        json.dumps(body(location)),
        content_type="application/json",
        headers={"Authorization": f"Bearer {key} extra"},
    )
    assert response.status_code == 401
    assert not Contact.objects.exists()


def test_a_revoked_key_is_refused(client, library, location):
    stored, plain = api_key(library)
    revoke_api_key(stored)
    response = post(client, body(location), plain)
    assert response.status_code == 401
    assert "ingetrokken" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_a_key_without_the_scope_is_refused(client, library, location):
    _, plain = api_key(library, scopes=[Scope.REFERRALS_WRITE])
    response = post(client, body(location), plain)
    assert response.status_code == 403
    assert "contacts:write" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_only_post(client, key):
    response = client.get(URL, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 405
    assert response.json()["detail"]


# --- the location ----------------------------------------------------------------------------


def test_a_key_of_library_a_cannot_write_to_a_location_of_library_b(client, key):
    other_location = LocationFactory()  # another organisation's
    response = post(client, body(other_location), key)
    assert response.status_code == 400
    assert "Onbekende locatie" in response.json()["location"][0]
    assert not Contact.objects.exists()


def test_a_location_is_required_for_a_key_without_one(client, location, key):
    data = body(location)
    del data["location"]
    response = post(client, data, key)
    assert response.status_code == 400
    assert response.json()["location"]
    assert not Contact.objects.exists()


def test_a_key_bound_to_a_location_uses_it_when_left_out(client, library, location):
    _, plain = api_key(library, location=location)
    data = body(location)
    del data["location"]
    response = post(client, data, plain)
    assert response.status_code == 201, response.content
    assert Contact.objects.get().location == location
    # Giving the same location is fine as well.
    assert post(client, body(location), plain).status_code == 201


def test_a_key_bound_to_a_location_refuses_another(client, library, location):
    _, plain = api_key(library, location=location)
    sibling = LocationFactory(organisation=library)
    response = post(client, body(sibling), plain)
    assert response.status_code == 400
    assert "één locatie" in response.json()["location"][0]
    assert not Contact.objects.exists()


# --- the body --------------------------------------------------------------------------------


def test_malformed_json_is_refused(client, key):
    response = post(client, None, key, raw='{"channel": "desk",')
    assert response.status_code == 400
    assert "geen geldige JSON" in response.json()["detail"]
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    "raw, message",
    [
        ('{"channel": "desk", "questions": ' + "[" * 10_000 + "]" * 10_000 + "}", "te diep genest"),
        ('{"channel": "desk", "note": "\\ud800"}', "surrogaat"),
        ('{"channel": "desk", "note": "a\\u0000b"}', "NUL"),
    ],
)
def test_json_that_cannot_be_stored_is_a_400_not_a_server_error(
    client, location, key, raw, message
):
    response = post(client, None, key, raw=raw)
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    assert message in response.json()["detail"]
    assert not Contact.objects.exists()


def test_another_content_type_is_refused(client, location, key):
    response = post(client, None, key, raw="channel=desk", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"channel": "fax"}, "channel"),
        ({"channel": None}, "channel"),
        ({"questions": []}, "questions"),
        ({"questions": [digid_question()] * 11}, "questions"),
        ({"questions": "DigiD"}, "questions"),
        ({"questions": [1]}, "questions"),
        ({"questions": [digid_question(category="belasting")]}, "questions"),
        ({"questions": [digid_question(agency="nasa")]}, "questions"),
        ({"questions": [digid_question(topic=5)]}, "questions"),
        ({"questions": [digid_question(help_types=[])]}, "questions"),
        ({"questions": [digid_question(help_types="digital_contact")]}, "questions"),
        ({"questions": [digid_question(help_types=["coffee"])]}, "questions"),
        ({"questions": [digid_question(referred_organisation="not-a-uuid")]}, "questions"),
        ({"questions": [digid_question(referred_offer=str(uuid.uuid4()))]}, "questions"),
        ({"questions": [digid_question(duration="forever")]}, "questions"),
        ({"location": "Eemhuis"}, "location"),
        ({"location": 12}, "location"),
        ({"location": None}, "location"),
        ({"registered_at": "gisteren"}, "registered_at"),
        ({"client_reference": "abc"}, "client_reference"),
        ({"note": "x" * 501}, "note"),
        ({"note": ["a"]}, "note"),
    ],
)
def test_invalid_fields_are_refused_with_a_field_map(client, location, key, change, field):
    response = post(client, {**body(location), **change}, key)
    assert response.status_code == 400, response.content
    errors = response.json()
    assert field in errors, errors
    assert not Contact.objects.exists()


def test_field_errors_are_in_dutch(client, location, key):
    data = body(location, channel="fax", questions=[digid_question(agency="nasa", help_types=[])])
    del data["location"]
    errors = post(client, data, key).json()
    assert "geen geldige keuze" in errors["channel"][0]
    assert "desk" in errors["channel"][0]  # the valid values are listed
    assert "Onbekende code 'nasa'" in errors["questions"]["0"]["agency"][0]
    assert "minstens één" in errors["questions"]["0"]["help_types"][0]
    assert "Geef de locatie" in errors["location"][0]


def test_a_missing_field_is_named(client, location, key):
    errors = post(client, {"location": str(location.pk)}, key).json()
    assert set(errors) == {"detail", "channel", "questions"}
    assert errors["detail"] == "Niet alle velden kloppen. Zie de meldingen per veld."
    assert errors["channel"] == ["Dit veld is vereist."]


@pytest.mark.parametrize("raw", ["[]", '"hallo"', "null", "12", '{"questions": {"a": 1}}'])
def test_odd_json_is_refused_not_a_server_error(client, key, raw):
    response = post(client, None, key, raw=raw)
    assert response.status_code == 400, response.content
    assert not Contact.objects.exists()


def test_the_services_question_errors_come_per_question(client, location, key):
    questions = [digid_question(), digid_question(help_types=["referral"])]
    response = post(client, body(location, questions=questions), key)
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"detail", "questions"}
    assert set(errors["questions"]) == {"1"}
    assert "doorverwezen" in errors["questions"]["1"]["referral_target"][0]
    assert not Contact.objects.exists()


def test_a_draft_offer_cannot_be_referred_to(client, library, location, key):
    draft = OfferFactory(organisation=library, status=OfferStatus.DRAFT, indexed=False)
    question = digid_question(
        help_types=["referral"], referral_target="offer", referred_offer=str(draft.pk)
    )
    response = post(client, body(location, questions=[question]), key)
    assert response.status_code == 400
    assert "referred_offer" in response.json()["questions"]["0"]


@pytest.mark.parametrize(
    "note",
    [
        "BSN 111222333",
        "mail naar jan.jansen@example.org",
        "belt terug op 06-12345678",
        "woont op 3811 AB 12",
    ],
)
def test_a_note_with_personal_data_is_refused(client, location, key, note):
    response = post(client, body(location, note=note), key)
    assert response.status_code == 400, response.content
    errors = response.json()
    assert "note" in errors, errors
    assert not Contact.objects.exists()


# --- the documentation -----------------------------------------------------------------------


def test_the_schema_describes_the_contacts_endpoint(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/api/v1/contacts/"]["post"]
    assert set(operation) >= {"requestBody", "responses", "security"}
    assert {"201", "200", "400", "401", "403"} <= set(operation["responses"])
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request_schema = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"location", "channel", "questions", "client_reference", "note"} <= set(
        request_schema["properties"]
    )
    assert {"ApiKeyBearer": []} in operation["security"]
    schemes = schema["components"]["securitySchemes"]
    assert schemes["ApiKeyBearer"] == {
        **schemes["ApiKeyBearer"],
        "type": "http",
        "scheme": "bearer",
    }
    assert schemes["ApiKeyHeader"]["name"] == "X-API-Key"
    # Only POST: there is no way to list contacts.
    assert set(schema["paths"]["/api/v1/contacts/"]) == {"post"}


def test_the_docs_page_needs_no_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert "cdn." not in page and "unpkg" not in page
    # The Swagger UI files come from the project's own static files; the start script (with
    # the schema's address) from the page's own address, not inline (Content-Security-Policy).
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts[-1] == "/api/docs/?script="
    for src in scripts[:-1]:
        assert src.startswith("/static/"), src
        assert client.get(src).status_code == 200, src
    start = client.get(scripts[-1]).content.decode()
    assert "/api/schema/" in start
    assert "cdn." not in start and "unpkg" not in start


# --- concurrency -----------------------------------------------------------------------------


# serialized_rollback: every transactional test must restore the seeded data it flushes, or
# the tests after it lose the provinces and taxonomies (and their content types clash).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_at_one_location_all_arrive():
    """Kiosks and desks at one location register at the same moment: they update the same
    roll-up rows, in whatever order their questions come. None may fail (PostgreSQL would
    report a deadlock if the rows were locked in different orders)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time")
    library = OrganisationFactory()
    location = LocationFactory(organisation=library)
    _, plain = api_key(library)
    helps = [["digital_contact"], ["provider_info", "referral"], ["course"]]
    bodies = []
    for i in range(48):
        order = helps[i % 3 :] + helps[: i % 3]
        questions = [
            digid_question(
                help_types=h,
                topic=["toeslagen", "zorg", "apparaat"][(i + n) % 3],
                **(
                    {"referral_target": "colleague", "referred_role": "ido"}
                    if "referral" in h
                    else {}
                ),
            )
            for n, h in enumerate(order)
        ]
        bodies.append(json.dumps(body(location, questions=questions)))
    statuses = []

    def send(chunk):
        from django.test import Client

        client = Client(raise_request_exception=False)  # a server error counts as a 500
        try:
            for payload in chunk:
                response = client.post(
                    URL,
                    payload,
                    content_type="application/json",
                    headers={"Authorization": f"Bearer {plain}"},
                )
                statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(bodies[i::6],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * len(bodies)
    assert Contact.objects.count() == len(bodies)
    totals = DailyCount.objects.aggregate(questions=Sum("questions"), contacts=Sum("contacts"))
    assert totals == {"questions": 3 * len(bodies), "contacts": len(bodies)}
