"""Exports: HSDS JSON, the HSDS tabular datapackage (valid for frictionless), CSV and XLSX read
back and compared with the data; the command; the staff page and who may export what."""

import csv
import io
import json
import zipfile

import frictionless
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from ontwikkelplein.catalogue.models import Offer, OfferLocation
from ontwikkelplein.opendata import exports, hsds
from ontwikkelplein.opendata.tests.catalogue_data import make_catalogue
from ontwikkelplein.opendata.tests.hsds_schemas import assert_valid, needs_hsds
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import PoiFactory, staff_user
from ontwikkelplein.places.tests.factories import province

EXPORT_URL = "/beheer/gegevens/export/"


@pytest.fixture
def cat(db):
    return make_catalogue()


def public_ids(cat) -> set[str]:
    return {str(cat.full.pk), str(cat.course.pk), str(cat.plain.pk)}


# --- HSDS JSON --------------------------------------------------------------------------------


@needs_hsds
def test_hsds_json_is_full_valid_organizations_with_public_services(cat):
    data = json.loads(exports.hsds_json_bytes())
    assert data == hsds.catalogue_as_hsds()
    assert [o["name"] for o in data] == ["Bibliotheek Eemland", "Welzijn Eemland"]
    for organisation in data:
        assert_valid("organization", organisation)
        for service in organisation["services"]:
            assert_valid("service", service)
    services = {s["id"] for o in data for s in o["services"]}
    assert services == public_ids(cat)
    full = next(s for s in data[0]["services"] if s["id"] == str(cat.full.pk))
    assert len(full["service_at_locations"]) == 2
    assert full["service_at_locations"][0]["schedules"][0]["byday"] == "TU"


def test_hsds_json_of_one_organisation_even_without_public_offers(cat):
    data = hsds.catalogue_as_hsds(cat.partner)
    assert [s["name"] for s in data[0]["services"]] == ["Klik & Tik cursus"]
    empty = hsds.catalogue_as_hsds(cat.drafts_only)
    assert [(o["name"], o["services"]) for o in empty] == [("Bibliotheek Alleen Concepten", [])]


def test_ids_are_stable_between_exports(cat):
    assert exports.catalogue_json() == exports.catalogue_json()


# --- The datapackage -----------------------------------------------------------------------------


def _unzip(data: bytes, folder) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
        names = archive.namelist()
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert sorted(names) == sorted(
        ["datapackage.json"] + [r["path"] for r in descriptor["resources"]]
    )
    tables = {}
    for resource in descriptor["resources"]:
        with open(folder / resource["path"], encoding="utf-8", newline="") as handle:
            tables[resource["name"]] = list(csv.DictReader(handle))
    return tables


def test_datapackage_is_valid_and_holds_the_data(cat, tmp_path):
    tables = _unzip(exports.datapackage_zip(), tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]

    assert {r["id"] for r in tables["service"]} == public_ids(cat)
    assert {r["name"] for r in tables["organization"]} == {"Bibliotheek Eemland", "Welzijn Eemland"}
    full = next(r for r in tables["service"] if r["id"] == str(cat.full.pk))
    assert full["name"] == "Informatiepunt Digitale Overheid"
    assert full["status"] == "active"
    assert full["assured_date"] == "2026-09-01"
    sals = {r["id"] for r in tables["service_at_location"]}
    expected_sals = set(
        OfferLocation.objects.filter(offer__in=[cat.full, cat.course, cat.plain]).values_list(
            "pk", flat=True
        )
    )
    assert sals == {str(pk) for pk in expected_sals}
    weekly = [r for r in tables["schedule"] if r["service_id"] == str(cat.full.pk)]
    assert {(r["byday"], r["opens_at"], r["closes_at"]) for r in weekly} == {
        ("TU", "10:00", "12:00"),
        ("WE", "13:30", "15:00"),
    }
    opening = [
        r
        for r in tables["schedule"]
        if r["location_id"] == str(cat.main.pk) and not r["service_id"]
    ]
    assert {r["byday"] for r in opening} == {"MO", "SA"}
    attributes = [r for r in tables["attribute"] if r["link_id"] == str(cat.full.pk)]
    assert len(attributes) == 4 and {r["link_entity"] for r in attributes} == {"service"}
    # The phone of the service and of its contact is one row with both links.
    phone = next(r for r in tables["phone"] if r["number"] == "033 765 43 21")
    assert phone["service_id"] == str(cat.full.pk) and phone["contact_id"]
    assert {r["name"] for r in tables["location"]} == {
        "Eemhuis",
        "Steunpunt Noord",
        "Buurthuis De Kei",
    }
    address = next(r for r in tables["address"] if r["location_id"] == str(cat.main.pk))
    assert (address["postal_code"], address["country"]) == ("3811 HN", "NL")
    assert tables["organization_identifier"][0]["identifier"] == "NL-AmfBE0000"
    assert {r["code"] for r in tables["language"] if r["service_id"] == str(cat.full.pk)} == {
        "nl",
        "en",
    }
    assert len(tables["taxonomy"]) == 5  # our four and the help points (location attributes)
    assert "nt2-a2" in {r["code"] for r in tables["taxonomy_term"]}
    for hidden in ("Concept taalcafé", "Oud aanbod", "Verlopen cursus", "Geheim concept"):
        assert hidden not in {r["name"] for r in tables["service"]}


def test_frictionless_would_catch_a_broken_package(cat, tmp_path):
    """The validation above can fail: a service pointing at a missing organisation is refused."""
    _unzip(exports.datapackage_zip(), tmp_path)
    services = (tmp_path / "services.csv").read_text(encoding="utf-8")
    broken = services.replace(str(cat.partner.pk), "00000000-0000-4000-8000-000000000000")
    (tmp_path / "services.csv").write_text(broken, encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


@needs_hsds
def test_datapackage_tables_follow_hsds(cat):
    """Every column we write is an HSDS 3.1 field of that table, in the HSDS file names."""
    from ontwikkelplein.opendata.tests.hsds_schemas import SCHEMAS

    for table, (path, _spec) in exports.TABLES.items():
        schema = json.loads((SCHEMAS / f"{table}.json").read_text())
        assert schema["path"] == path
        names = [c.name for c in exports.columns(table)]
        assert set(names) <= set(schema["properties"]), table


def test_datapackage_of_one_organisation(cat, tmp_path):
    tables = _unzip(exports.datapackage_zip([cat.partner]), tmp_path)
    assert [r["name"] for r in tables["service"]] == ["Klik & Tik cursus"]
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


# --- CSV and XLSX -------------------------------------------------------------------------------


def _csv_rows(data: bytes) -> list[dict]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_has_one_row_per_offer_location(cat):
    rows = _csv_rows(exports.offers_csv())
    assert list(rows[0].keys()) == exports.HEADERS
    pairs = {(r["Titel"], r["Locatie"]) for r in rows}
    assert pairs == {
        ("Informatiepunt Digitale Overheid", "Eemhuis"),
        ("Informatiepunt Digitale Overheid", "Steunpunt Noord"),
        ("Voorlezen voor peuters", "Steunpunt Noord"),
        ("Klik & Tik cursus", "Buurthuis De Kei"),
    }
    row = next(r for r in rows if r["Locatie"] == "Eemhuis")
    assert row["Aanbod-id"] == str(cat.full.pk)
    assert row["Aanbieder"] == "Bibliotheek Eemland"
    assert row["Soort aanbod"] == "Spreekuur" or row["Soort aanbod"]
    assert row["Thema's"] == cat.full.themes.get().name
    assert row["Niveaus"] == "NT2 A2"
    assert row["Programma"] == "Informatiepunt Digitale Overheid"
    assert row["Begeleiding"] == "Vrijwilliger"
    assert row["Meedoen"] == "Aanmelden"
    assert (row["Gratis"], row["Kosten in euro"], row["Lidmaatschap nodig"]) == (
        "nee",
        "12,50",
        "ja",
    )
    assert row["Wat neem je mee"].endswith("Je brief van de Belastingdienst")
    assert (row["Aantal computers"], row["Printer"], row["Aparte ruimte"]) == ("4", "ja", "ja")
    assert row["Talen"] == "Nederlands, Engels"
    assert row["Tijden"] == "elke dinsdag 10:00-12:00"
    assert row["Postcode"] == "3811 HN"
    assert row["Buiten de bibliotheek"] == "nee"
    assert row["Bijzonderheden op deze plek"] == "In zaal 2."
    assert row["Laatst gecontroleerd op"] == "01-09-2026"
    dated = next(
        r for r in rows if r["Titel"].startswith("Informatie") and r["Locatie"] == "Steunpunt Noord"
    )
    assert dated["Tijden"] == "woensdag 03-03-2027 13:30-15:00"
    kei = next(r for r in rows if r["Locatie"] == "Buurthuis De Kei")
    assert kei["Buiten de bibliotheek"] == "ja" and kei["Breedtegraad"] == ""
    assert "Concept taalcafé" not in {r["Titel"] for r in rows}


def test_offer_without_place_still_has_a_row(cat):
    Offer.objects.filter(pk=cat.plain.pk).update(title="Online leren")
    OfferLocation.objects.filter(offer=cat.plain).delete()
    rows = _csv_rows(exports.offers_csv())
    row = next(r for r in rows if r["Titel"] == "Online leren")
    assert (row["Plek-id"], row["Locatie"], row["Tijden"]) == ("", "", "")


def test_xlsx_matches_the_csv(cat):
    workbook = openpyxl.load_workbook(io.BytesIO(exports.offers_xlsx()))
    sheet = workbook["Aanbod"]
    values = list(sheet.values)
    assert list(values[0]) == exports.HEADERS
    assert len(values) - 1 == len(_csv_rows(exports.offers_csv())) == 4
    by_header = [dict(zip(exports.HEADERS, row, strict=True)) for row in values[1:]]
    row = next(r for r in by_header if r["Locatie"] == "Eemhuis")
    assert row["Kosten in euro"] == 12.5
    assert row["Aantal plaatsen"] == 8
    assert row["Breedtegraad"] == pytest.approx(52.156)
    assert row["Laatst gecontroleerd op"].date().isoformat() == "2026-09-01"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formulas_are_neutralised(cat, start):
    Offer.objects.filter(pk=cat.course.pk).update(
        title=f'{start}HYPERLINK("http://evil.example")', contact_phone=f"{start}31 33 1234"
    )
    rows = _csv_rows(exports.offers_csv())
    row = next(r for r in rows if r["Aanbod-id"] == str(cat.course.pk))
    assert row["Titel"] == f'\'{start}HYPERLINK("http://evil.example")'
    assert row["Telefoonnummer"] == f"'{start}31 33 1234"
    sheet = openpyxl.load_workbook(io.BytesIO(exports.offers_xlsx()))["Aanbod"]
    titles = [c for c in sheet["C"] if str(c.value).startswith(("'", start))]
    assert titles and all(c.data_type == "s" and c.value.startswith("'") for c in titles)


# --- The command --------------------------------------------------------------------------------


def test_command_writes_every_format(cat, tmp_path):
    for fmt in exports.FORMATS:
        target = tmp_path / f"export.{exports.EXTENSIONS[fmt]}"
        call_command("export_hsds", str(target), format=fmt)
        assert target.read_bytes()[:2] in (b"[\n", b"PK", "\ufeff".encode()[:2])
    data = json.loads((tmp_path / "export.json").read_text())
    assert {s["id"] for o in data for s in o["services"]} == public_ids(cat)
    zipfile.ZipFile(tmp_path / "export.zip").testzip()
    assert len(openpyxl.load_workbook(tmp_path / "export.xlsx")["Aanbod"]["A"]) == 5


def test_command_for_one_organisation(cat, tmp_path):
    target = tmp_path / "one.json"
    call_command("export_hsds", str(target), organisation="welzijn eemland")
    assert [o["name"] for o in json.loads(target.read_text())] == ["Welzijn Eemland"]
    with pytest.raises(CommandError, match="No organisation"):
        call_command("export_hsds", str(target), organisation="Bestaat niet")


# --- The staff page -----------------------------------------------------------------------------


def test_anonymous_users_log_in_first(client, db):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_library_staff_export_their_own_organisation_only(client, cat):
    client.force_login(staff_user(cat.library, Role.SPECIALIST))
    page = client.get(EXPORT_URL)
    assert page.status_code == 200
    choices = [value for value, _label in page.context["form"].fields["scope"].choices]
    assert choices == [str(cat.library.pk)]
    response = client.get(EXPORT_URL, {"scope": str(cat.library.pk), "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == exports.CSV_CONTENT_TYPE
    assert 'filename="ontwikkelplein-aanbod-bibliotheek-eemland-' in response["Content-Disposition"]
    titles = {r["Titel"] for r in _csv_rows(response.content)}
    assert titles == {"Informatiepunt Digitale Overheid", "Voorlezen voor peuters"}
    refused = client.get(EXPORT_URL, {"scope": str(cat.partner.pk), "format": "csv"})
    assert refused.status_code == 400
    assert "Kies aanbod dat je mag downloaden." in refused.content.decode()
    everything = client.get(EXPORT_URL, {"scope": "alles", "format": "json"})
    assert everything.status_code == 400


def test_bad_format_is_reported_on_the_page(client, cat):
    client.force_login(staff_user(cat.library, Role.FRONT_DESK))
    response = client.get(EXPORT_URL, {"scope": str(cat.library.pk), "format": "pdf"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html and "Kies een bestandsformaat uit de lijst." in html


def _export_in_background(client, data):
    """The whole catalogue and a region are made by the worker (at once with the test
    settings): the POST leads to the export's page, which links to the file."""
    from django.urls import reverse

    from ontwikkelplein.opendata.models import ExportRun

    link = client.get(EXPORT_URL, data)
    assert link.status_code == 200 and "op de achtergrond" in link.content.decode()
    assert not ExportRun.objects.exists()  # a GET never starts one
    queued = client.post(EXPORT_URL, data)
    run = ExportRun.objects.latest("created_at")
    assert queued.status_code == 302
    assert queued["Location"] == reverse("opendata:export-detail", args=[run.pk])
    page = client.get(queued["Location"]).content.decode()
    assert "Klaar om te downloaden" in page
    download = reverse("opendata:export-download", args=[run.pk])
    assert download in page
    response = client.get(download)
    assert response.status_code == 200
    assert 'filename="ontwikkelplein-hsds-catalogus-' in response["Content-Disposition"]
    return response


def test_kb_admin_exports_everything(client, cat):
    kb = PoiFactory(name="KB", kind="kb")
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    response = _export_in_background(client, {"scope": "alles", "format": "datapackage"})
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        services = archive.read("services.csv").decode()
    assert "Klik & Tik cursus" in services and "Informatiepunt Digitale Overheid" in services


def test_poi_adviser_exports_their_region(client, cat):
    poi = PoiFactory(provinces=[province("Utrecht")])
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    choices = [v for v, _ in client.get(EXPORT_URL).context["form"].fields["scope"].choices]
    assert choices[0] == "regio" and "alles" not in choices
    response = _export_in_background(client, {"scope": "regio", "format": "json"})
    names = {o["name"] for o in json.loads(b"".join(response.streaming_content))}
    assert names == {"Bibliotheek Eemland", "Welzijn Eemland"}  # not those without public offers
    other = PoiFactory(provinces=[province("Groningen")])
    client.force_login(staff_user(other, Role.POI_ADVISER))
    # No organisation in that region: nothing to export.
    assert client.get(EXPORT_URL, {"scope": "regio", "format": "json"}).status_code == 403
    assert client.post(EXPORT_URL, {"scope": "regio", "format": "json"}).status_code == 403


def test_a_failing_export_is_retried_with_back_off_then_reported(
    client, cat, monkeypatch, django_capture_on_commit_callbacks
):
    from django.urls import reverse
    from django_q.conf import Conf
    from django_q.models import Failure, Schedule

    from ontwikkelplein.core import jobs
    from ontwikkelplein.core.tests.test_jobs import work_off_queue
    from ontwikkelplein.opendata.models import ExportRun, ExportStatus

    monkeypatch.setattr(Conf, "SYNC", False)

    def broken(fmt, organisations=None):
        raise OSError("schijf vol")

    monkeypatch.setattr(exports, "export", broken)
    kb = PoiFactory(name="KB", kind="kb")
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EXPORT_URL, {"scope": "alles", "format": "json"})
    run = ExportRun.objects.get()
    work_off_queue()
    run.refresh_from_db()
    # Still waiting: a retry is scheduled after the first back-off step, and operators see
    # the failure in the admin.
    assert run.status == ExportStatus.QUEUED and "opnieuw" in run.error
    assert Schedule.objects.filter(func=jobs.RUNNER).count() == 1
    assert "schijf vol" in Failure.objects.get().result
    page = client.get(reverse("opendata:export-detail", args=[run.pk])).content.decode()
    assert "hx-trigger" in page
    # The last attempt gives up: the page says so and stops polling.
    with pytest.raises(OSError):
        jobs.run(
            "ontwikkelplein.opendata.jobs.run_export",
            [str(run.pk)],
            {jobs.GIVE_UP: "ontwikkelplein.opendata.jobs.export_given_up"},
            3,
            3,
        )
    run.refresh_from_db()
    assert run.status == ExportStatus.FAILED
    page = client.get(reverse("opendata:export-detail", args=[run.pk])).content.decode()
    assert "Mislukt" in page and "hx-trigger" not in page
    assert client.get(reverse("opendata:export-download", args=[run.pk])).status_code == 404


def test_an_export_is_its_makers_alone_and_kept_a_day(client, cat, time_machine):
    import datetime

    from django.core.files.storage import default_storage
    from django.urls import reverse

    from ontwikkelplein.opendata import services
    from ontwikkelplein.opendata.models import ExportRun

    time_machine.move_to(datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC))
    kb = PoiFactory(name="KB", kind="kb")
    maker = staff_user(kb, Role.KB_ADMIN)
    client.force_login(maker)
    client.post(EXPORT_URL, {"scope": "alles", "format": "csv"})
    run = ExportRun.objects.get()
    assert default_storage.exists(run.stored_name)
    client.force_login(staff_user(kb, Role.KB_ADMIN))  # a colleague
    assert client.get(reverse("opendata:export-detail", args=[run.pk])).status_code == 404
    assert client.get(reverse("opendata:export-download", args=[run.pk])).status_code == 404
    time_machine.shift(datetime.timedelta(days=1, minutes=1))
    assert services.remove_old_exports() == 1
    assert not default_storage.exists(run.stored_name)
