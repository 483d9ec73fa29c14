"""Files an import refuses, with a clear Dutch answer and nothing stored; and the tabular
datapackage (folder and zip) it reads."""

import csv
import io
import json
import zipfile

import pytest

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.importer import ImportFileError, read_path
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.opendata.tests.factories import hsds_organization, hsds_service
from ontwikkelplein.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def rejected(path, **kwargs) -> str:
    run = services.import_path(path, **kwargs)
    assert run.status == ImportStatus.REJECTED
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0
    [error] = run.errors
    return error["message"]


def test_a_file_that_is_not_json_csv_or_zip(tmp_path):
    path = tmp_path / "foto.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert "geen JSON-bestand en geen zip-bestand" in rejected(path)


def test_broken_json_says_where(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text('{"id": "x", "name": ', encoding="utf-8")
    assert "geen geldige JSON" in rejected(path)
    assert "regel 1" in rejected(path)


def test_a_single_csv_is_not_enough(tmp_path):
    path = tmp_path / "services.csv"
    path.write_text("id,name,status\n1,a,active\n", encoding="utf-8")
    assert "los CSV-bestand" in rejected(path)


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "groot.json"
    with path.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.truncate(100 * 1024 * 1024)

    def never(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("ontwikkelplein.opendata.importer.files.read_file", never)
    assert "te groot" in rejected(path)


def test_deeply_nested_json(tmp_path):
    path = tmp_path / "diep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "te diep genest" in rejected(path)
    path.write_text('{"id": "x", "a": ' + "[" * 50 + "1" + "]" * 50 + "}", encoding="utf-8")
    assert "te diep genest" in rejected(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Café"}'.encode("latin-1"))
    assert "UTF-8" in rejected(path)


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.json"
    path.write_bytes(b"")
    assert "leeg" in rejected(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bom.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", "{}")
        archive.writestr(
            "services.csv", b"0" * (50 * 1024 * 1024)
        )  # 50 MB of zeros packs to ~50 kB
    assert path.stat().st_size < 1024 * 1024
    assert "verdacht sterk ingepakt" in rejected(path)


def test_zip_with_path_traversal_is_refused(tmp_path):
    path = tmp_path / "pad.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../etc/services.csv", "id,name\n")
    assert "onveilige bestandsnaam" in rejected(path)
    assert not (tmp_path.parent.parent / "etc" / "services.csv").exists()


def test_zip_without_hsds_files(tmp_path):
    path = tmp_path / "leeg.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notities.txt", "hallo")
    assert "geen HSDS-bestanden" in rejected(path)


def test_api_root_document_is_not_data(tmp_path):
    path = tmp_path / "base.json"
    path.write_text(json.dumps({"version": "3.1", "profile": "x", "openapi_url": "https://x"}))
    assert "beginpagina van een HSDS-API" in rejected(path)


# --- The tabular datapackage --------------------------------------------------------------


def as_tables(organization: dict) -> dict[str, list[dict]]:
    """A tiny tabular form of one organisation with one service (the shape of the HSDS CSVs)."""
    service = organization["services"][0]
    sal = service["service_at_locations"][0]
    location = sal["location"]
    return {
        "organizations.csv": [
            {k: organization[k] for k in ("id", "name", "description", "website", "email")}
        ],
        "services.csv": [
            {
                "id": service["id"],
                "organization_id": organization["id"],
                "name": service["name"],
                "description": service["description"],
                "status": service["status"],
                "application_process": service["application_process"],
            }
        ],
        "locations.csv": [
            {
                "id": location["id"],
                "organization_id": organization["id"],
                "location_type": "physical",
                "name": location["name"],
                "latitude": location["latitude"],
                "longitude": location["longitude"],
            }
        ],
        "addresses.csv": [location["addresses"][0]],
        "service_at_location.csv": [
            {"id": sal["id"], "service_id": service["id"], "location_id": location["id"]}
        ],
        "schedules.csv": [sal["schedules"][0]],
        "attributes.csv": [
            {
                "id": a["id"],
                "link_id": service["id"],
                "link_type": a["link_type"],
                "taxonomy_term_id": a["taxonomy_term_id"],
            }
            for a in service["attributes"]
        ],
        "taxonomy_terms.csv": [
            {k: v for k, v in a["taxonomy_term"].items() if k != "taxonomy_detail"}
            for a in service["attributes"]
        ],
    }


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    columns = list(dict.fromkeys(k for row in rows for k in row))
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def datapackage(tables) -> str:
    return json.dumps(
        {
            "name": "test",
            "profile": "tabular-data-package",
            "resources": [{"name": name.removesuffix(".csv"), "path": name} for name in tables],
        }
    )


def test_datapackage_zip_imports_like_the_json(tmp_path):
    organization = hsds_organization(services=[hsds_service()])
    tables = as_tables(organization)
    path = tmp_path / "pakket.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("hsds/datapackage.json", datapackage(tables))
        for name, rows in tables.items():
            archive.writestr(f"hsds/{name}", csv_text(rows))

    run = services.import_path(path, publish=True)

    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get(pk=organization["services"][0]["id"])
    assert offer.is_published
    assert offer.offer_locations.get().schedules.get().weekday == 1
    assert offer.themes.get().code == "digitale-overheid"
    assert offer.offer_locations.get().location.municipality.name == "Amersfoort"


def test_datapackage_folder(tmp_path):
    organization = hsds_organization(services=[hsds_service()])
    tables = as_tables(organization)
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "datapackage.json").write_text(datapackage(tables))
    for name, rows in tables.items():
        (folder / name).write_text(csv_text(rows), encoding="utf-8")
    source = read_path(folder)
    assert source.format == "datapackage"
    run = services.import_path(folder)
    assert run.status == ImportStatus.DONE, run.errors
    assert Offer.objects.count() == 1


def test_bad_number_in_csv_is_reported_per_record(tmp_path):
    organization = hsds_organization(services=[hsds_service()])
    tables = as_tables(organization)
    tables["locations.csv"][0]["latitude"] = "noord"
    folder = tmp_path / "map"
    folder.mkdir()
    for name, rows in tables.items():
        (folder / name).write_text(csv_text(rows), encoding="utf-8")
    run = services.import_path(folder)
    assert run.status == ImportStatus.REJECTED
    assert any(e["field"].endswith("latitude") and "getal" in e["message"] for e in run.errors)
    assert Offer.objects.count() == 0


def test_read_path_of_a_missing_file(tmp_path):
    with pytest.raises(ImportFileError):
        read_path(tmp_path / "bestaat-niet.json")
