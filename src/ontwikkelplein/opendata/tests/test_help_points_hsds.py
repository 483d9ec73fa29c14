"""Help points (Location.has_ido, has_taalhuis) in HSDS 3.1 (docs/hsds-mapping.md, "Help
points"): location attributes with a term of the fixed "Hulppunt" taxonomy; valid against the
official schemas, in the API, the JSON and the datapackage, and read back by the import."""

import json
import uuid

import frictionless
import pytest

from ontwikkelplein.opendata import exports, hsds, services
from ontwikkelplein.opendata.importer.locations import help_points
from ontwikkelplein.opendata.models import ExternalTerm, ImportStatus
from ontwikkelplein.opendata.tests.catalogue_data import make_catalogue
from ontwikkelplein.opendata.tests.hsds_schemas import assert_valid, needs_hsds
from ontwikkelplein.opendata.tests.test_export import _csv_rows, _unzip
from ontwikkelplein.opendata.tests.test_roundtrip import wipe_catalogue
from ontwikkelplein.organisations.models import Location

pytestmark = pytest.mark.django_db

API = "/api/hsds"


@pytest.fixture
def cat():
    made = make_catalogue()
    Location.objects.filter(pk=made.main.pk).update(has_ido=True, has_taalhuis=True)
    Location.objects.filter(pk=made.far.pk).update(has_taalhuis=True)
    made.main.refresh_from_db()
    made.far.refresh_from_db()
    return made


def exported_location(location_id) -> dict:
    for organisation in hsds.catalogue_as_hsds():
        for location in organisation["locations"]:
            if location["id"] == str(location_id):
                return location
    raise AssertionError("location not exported")


def codes(location: dict) -> list[str]:
    return [a["taxonomy_term"]["code"] for a in location["attributes"]]


@needs_hsds
def test_a_help_point_is_a_valid_location_attribute(cat):
    location = exported_location(cat.main.pk)
    assert_valid("location", location)
    assert codes(location) == ["ido", "taalhuis"]
    ido = location["attributes"][0]
    assert ido["link_type"] == "hulppunt" and ido["link_entity"] == "location"
    assert ido["link_id"] == str(cat.main.pk)
    assert ido["taxonomy_term"]["name"] == "Informatiepunt Digitale Overheid (IDO)"
    assert ido["taxonomy_term"]["taxonomy_detail"]["name"] == "Hulppunt"
    assert ido["taxonomy_term_id"] == ido["taxonomy_term"]["id"]
    assert codes(exported_location(cat.far.pk)) == ["taalhuis"]
    assert exported_location(cat.nowhere.pk)["attributes"] == []
    # The same ids every time.
    assert exported_location(cat.main.pk) == location


@needs_hsds
def test_the_api_says_it_too(client, cat):
    response = client.get(f"{API}/services/{cat.full.pk}")
    assert response.status_code == 200
    service = response.json()
    assert_valid("service", service)
    at_main = next(
        sal for sal in service["service_at_locations"] if sal["location_id"] == str(cat.main.pk)
    )
    assert codes(at_main["location"]) == ["ido", "taalhuis"]


@needs_hsds
def test_the_api_resolves_the_help_point_term_and_taxonomy(client, cat):
    ido = hsds.help_point_term("ido")
    response = client.get(f"{API}/taxonomy_terms/{ido['id']}")
    assert response.status_code == 200
    assert_valid("taxonomy_term", response.json())
    assert response.json() == ido
    response = client.get(f"{API}/taxonomies/{ido['taxonomy_id']}")
    assert response.status_code == 200
    assert_valid("taxonomy", response.json())
    assert response.json()["name"] == "Hulppunt"
    assert client.get(f"{API}/taxonomy_terms/{uuid.uuid4()}").status_code == 404


@needs_hsds
def test_the_datapackage_holds_the_attributes_and_their_taxonomy(cat, tmp_path):
    tables = _unzip(exports.datapackage_zip(), tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    rows = [r for r in tables["attribute"] if r["link_entity"] == "location"]
    assert {(r["link_id"], r["link_type"]) for r in rows} == {
        (str(cat.main.pk), "hulppunt"),
        (str(cat.far.pk), "hulppunt"),
    }
    assert len(rows) == 3
    terms = {r["id"]: r for r in tables["taxonomy_term"]}
    assert {terms[r["taxonomy_term_id"]]["code"] for r in rows} == {"ido", "taalhuis"}
    assert hsds.HELP_POINT_TAXONOMY["id"] in {r["id"] for r in tables["taxonomy"]}


def import_file(path):
    wipe_catalogue()
    run = services.import_path(path, publish=True)
    assert run.status == ImportStatus.DONE, run.errors[:5]
    return run


def flags(location_id) -> tuple[bool, bool]:
    location = Location.objects.get(pk=location_id)
    return location.has_ido, location.has_taalhuis


def test_json_round_trip_keeps_the_help_points(cat, tmp_path):
    exported = hsds.catalogue_as_hsds()
    path = tmp_path / "catalogus.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    import_file(path)
    assert flags(cat.main.pk) == (True, True)
    assert flags(cat.far.pk) == (False, True)
    # The help point terms are not kept as someone else's terms to map.
    assert not ExternalTerm.objects.exists()


def test_datapackage_round_trip_keeps_the_help_points(cat, tmp_path):
    path = tmp_path / "catalogus.zip"
    path.write_bytes(exports.datapackage_zip())
    run = import_file(path)
    assert flags(cat.main.pk) == (True, True)
    assert flags(cat.far.pk) == (False, True)
    assert not ExternalTerm.objects.exists()
    assert not [w for w in run.warnings if "Taxonomie" in str(w)]


def test_a_reimport_without_the_attribute_clears_the_flag(cat, tmp_path):
    exported = hsds.catalogue_as_hsds()
    for organisation in exported:
        for location in organisation["locations"]:
            location["attributes"] = [
                a for a in location["attributes"] if a["taxonomy_term"]["code"] != "ido"
            ]
    path = tmp_path / "zonder-ido.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    run = services.import_path(path, publish=True)
    assert run.status == ImportStatus.DONE, run.errors[:5]
    assert flags(cat.main.pk) == (False, True)


def test_reading_the_attributes():
    other_term = {"id": str(uuid.uuid4()), "code": "taalhuis", "name": "Taalhuis"}
    assert help_points(
        [{"id": str(uuid.uuid4()), "link_type": "hulppunt", "taxonomy_term": other_term}]
    ) == {"has_ido": False, "has_taalhuis": True}
    # Another taxonomy's "taalhuis" under another link type is not a help point.
    assert help_points([{"link_type": "thema", "taxonomy_term": other_term}]) == {
        "has_ido": False,
        "has_taalhuis": False,
    }
    ido_id = hsds.help_point_term("ido")["id"]
    assert help_points([{"taxonomy_term_id": ido_id}, "junk", None]) == {
        "has_ido": True,
        "has_taalhuis": False,
    }
    assert help_points(None) == {"has_ido": False, "has_taalhuis": False}


def test_the_csv_says_which_places_are_help_points(cat):
    rows = _csv_rows(exports.offers_csv())
    by_place = {
        r["Locatie"]: (
            r["Informatiepunt Digitale Overheid (IDO) op deze plek"],
            r["Taalhuis op deze plek"],
        )
        for r in rows
    }
    assert by_place["Eemhuis"] == ("ja", "ja")
    assert by_place["Buurthuis De Kei"] == ("nee", "nee")
