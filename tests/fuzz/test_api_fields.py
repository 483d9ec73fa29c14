"""Property: no API request gives a 500.

Every field of every API body (the contact and referral APIs under /api/v1/, nested fields
included) gets hostile JSON one at a time, written as a client would send it: strings with NUL or
an unpaired surrogate, numbers of thousands of digits, 1e999, deep nesting, the wrong type. Every
query parameter of every operation in the OpenAPI schema (the HSDS API under /api/hsds/ and the
key APIs) and every path id gets hostile bytes. A refusal is a 4xx with a Dutch `detail`, and a
refused request changes nothing in the database."""

import json

import pytest
from django.core.cache import cache
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.services import create_api_key
from tests.fuzz import helpers

pytestmark = pytest.mark.django_db

MARK = "__hier__"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def key(tenancy_world):
    _key, plain = create_api_key(
        organisation=tenancy_world.organisations["A"],
        scopes=[Scope.CONTACTS_WRITE, Scope.REFERRALS_WRITE],
    )
    return plain


def contact_body(world) -> dict:
    return {
        "location": str(world.objects["A"]["location"].pk),
        "channel": "desk",
        "registered_at": "2026-01-05T10:00:00+01:00",
        "client_reference": "kiosk-1",
        "questions": [
            {
                "category": "digital_government",
                "agency": "belastingdienst",
                "topic": "digid-aanvragen",
                "help_types": ["digital_contact"],
                "referred_to": "",
            }
        ],
    }


def referral_body(world) -> dict:
    return {
        "receiver_organisation": str(world.organisations["A2"].pk),
        "receiver_role": "ido",
        "question": "Hulp bij het aanvragen van huurtoeslag.",
        "offer": str(world.objects["A2"]["offer"].pk),
        "client_reference": "crm-1",
        "person": {
            "name": "J. de Vries",
            "contact_preference": "phone",
            "phone": "+31 6 12345678",
            "email": "j@example.org",
            "best_moment": "Dinsdagochtend",
            "consent_text": "Mag de bibliotheek u bellen over uw vraag?",
            "recorded_by_label": "Medewerker, telefonisch",
        },
    }


def paths(value, prefix=()):
    """Every place in a body a value can be put: each field, nested ones too, and the whole."""
    yield prefix
    if isinstance(value, dict):
        for name, item in value.items():
            yield from paths(item, (*prefix, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*prefix, i))


def with_raw(body, path, raw: str) -> str:
    """The body as JSON text with the raw JSON `raw` at `path`."""
    if not path:
        return raw
    copy = json.loads(json.dumps(body))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = MARK
    return json.dumps(copy).replace(f'"{MARK}"', raw, 1)


def _post_property(client, url, key, body, failures):
    places = list(paths(body))

    @given(place=st.sampled_from(places), raw=helpers.nasty_json)
    @settings(parent=helpers.SETTINGS, max_examples=len(places) * 3)
    def run(place, raw):
        before = helpers.snapshot()
        response = client.post(
            url,
            with_raw(body, place, raw),
            content_type="application/json",
            headers={"Authorization": f"Bearer {key}"},
        )
        helpers.assert_clear_refusal(response, api=True)
        if response.status_code >= 400:
            assert helpers.changes(before, helpers.snapshot()) == {}, (place, raw)

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - report them all
        failures.append(f"POST {url}: {error}")


def test_no_api_body_gives_a_500(client, tenancy_world, key):
    failures = []
    _post_property(client, "/api/v1/contacts/", key, contact_body(tenancy_world), failures)
    _post_property(client, "/api/v1/referrals/", key, referral_body(tenancy_world), failures)
    assert not failures, "\n\n".join(failures)


def _operations(client):
    schema = json.loads(client.get("/api/schema/?format=json").content)
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method != "get":
                continue
            params = [p for p in operation.get("parameters", []) if p.get("in") == "query"]
            ids = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "path"]
            yield path, [p["name"] for p in params], ids


def test_no_api_query_or_id_gives_a_500(client, tenancy_world, key):
    operations = list(_operations(client))
    assert any(path.startswith("/api/hsds/services") for path, _, _ in operations)
    failures = []
    before = helpers.snapshot()
    for path, names, ids in operations:
        _get_property(client, key, path, names, ids, failures)
    assert not failures, "\n\n".join(failures)
    assert helpers.changes(before, helpers.snapshot()) == {}


def _get_property(client, key, path, names, ids, failures):
    @given(
        query=st.lists(
            st.tuples(st.sampled_from([*names, "page", "per_page", "search"]), helpers.nasty_bytes),
            max_size=4,
        ),
        values=st.fixed_dictionaries(
            {name: st.one_of(st.uuids().map(str), helpers.nasty_text) for name in ids}
        ),
    )
    @settings(parent=helpers.SETTINGS, max_examples=15)
    def run(query, values):
        url = path
        for name, value in values.items():
            url = url.replace("{" + name + "}", helpers.path_value(None, value) or "x")
        response = client.get(
            url + "?" + helpers.query_string(query),
            headers={"Authorization": f"Bearer {key}"},
        )
        helpers.assert_clear_refusal(response)

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - report them all
        failures.append(f"GET {path}: {error}")
