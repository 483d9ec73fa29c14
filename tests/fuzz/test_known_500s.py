"""The five server errors issue 12 found, each answered now with a clear Dutch message and
nothing changed. The properties in this folder keep the whole class away; these pin the cases."""

import json
import uuid

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.opendata import services as opendata
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.opendata.tests.factories import hsds_organization, hsds_service
from ontwikkelplein.organisations.models import Organisation, Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["!!!", "-", "....----", "— –", "¿?"])
def test_a_questionnaire_code_of_only_punctuation(client, code):
    response = client.get(reverse("impact:code-entry"), {"code": code})
    assert response.status_code == 200
    assert "Typ de letters en cijfers van de code op je kaart." in response.content.decode()


def test_an_api_string_with_an_unpaired_surrogate(client):
    response = client.post(
        "/api/v1/contacts/", '{"location": "\\ud800"}', content_type="application/json"
    )
    assert response.status_code in (400, 401)
    assert json.loads(response.content)["detail"]


def test_a_deeply_nested_json_body(client):
    response = client.post(
        "/api/v1/referrals/", "[" * 100_000 + "]" * 100_000, content_type="application/json"
    )
    assert response.status_code in (400, 401)


@pytest.mark.parametrize("session", ["", "niet-een-uuid", "00000000-0000-0000-0000-000000000000"])
def test_a_staff_form_naming_a_session_that_does_not_exist(client, tenancy_world, session):
    world = tenancy_world
    run = world.objects["A"]["run"]
    client.force_login(world.users["A"][Role.SPECIALIST])
    before = run.sessions.filter(cancelled=True).count()
    response = client.post(
        reverse("courses:staff-run-sessions", args=[run.pk]),
        {"action": "cancel-session", "session": session},
        follow=True,
    )
    assert response.status_code == 200
    assert "bijeenkomst bestaat niet" in response.content.decode()
    assert run.sessions.filter(cancelled=True).count() == before


def _import(tmp_path, text: str):
    path = tmp_path / "aanbod.json"
    path.write_text(text, encoding="utf-8")
    run = opendata.import_path(path)
    return run


def test_an_hsds_import_with_an_integer_of_thousands_of_digits(tmp_path):
    service = hsds_service()
    organisation = hsds_organization(services=[service])
    text = json.dumps(organisation).replace('"amount": 0', '"amount": ' + "9" * 5000)
    assert "9" * 5000 in text
    before = Offer.objects.count()
    run = _import(tmp_path, text)
    assert run.status == ImportStatus.REJECTED
    assert (
        run.errors[0]["message"] == "Een getal in het bestand is te lang (hoogstens 100 cijfers)."
    )
    assert Offer.objects.count() == before


def test_an_hsds_import_with_an_unencodable_name(tmp_path):
    before = Organisation.objects.count(), Offer.objects.count()
    service = hsds_service(name="Hulp \ud800 bij DigiD")
    organisation = hsds_organization(services=[service], name="Stichting \udfff")
    text = json.dumps(organisation)  # escapes the surrogates as \ud800, as JSON allows
    run = _import(tmp_path, text)
    assert run.status == ImportStatus.REJECTED
    assert "UTF-16-surrogaat zonder partner" in run.errors[0]["message"]
    assert "\ud800" not in run.errors[0]["message"]
    assert (Organisation.objects.count(), Offer.objects.count()) == before


def test_an_hsds_datapackage_with_a_number_of_thousands_of_digits(tmp_path):
    folder = tmp_path / "pakket"
    folder.mkdir()
    (folder / "organizations.csv").write_text(
        f"id,name,year_incorporated\n{uuid.uuid4()},Stichting,{'9' * 5000}\n", encoding="utf-8"
    )
    before = Organisation.objects.count()
    run = opendata.import_path(folder)
    assert run.status == ImportStatus.REJECTED
    assert (
        run.errors[0]["message"] == "Een getal in het bestand is te lang (hoogstens 100 cijfers)."
    )
    assert Organisation.objects.count() == before
