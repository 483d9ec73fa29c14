"""The G!DS spreadsheet both ways: the CSV and XLSX export import back (all or nothing, with
the row and column of every problem in Dutch), so a library can move its offers out and in."""

import io

import pytest
from django.core.management import call_command

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core.tabular import to_csv
from ontwikkelplein.opendata import exports, services
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.organisations.models import Organisation

pytestmark = pytest.mark.django_db
CHANGED_COLUMN = exports.HEADERS.index("Laatst gewijzigd")


def rows_without_change_time(organisation):
    return sorted(
        [v for i, v in enumerate(row) if i != CHANGED_COLUMN]
        for row in exports.sheet_rows([organisation])
    )


@pytest.fixture
def library_with_offers():
    call_command("load_demo", stdout=io.StringIO())
    organisation = max(
        Organisation.objects.all(),
        key=lambda o: Offer.objects.filter(organisation=o, status=OfferStatus.PUBLISHED).count(),
    )
    before = rows_without_change_time(organisation)
    assert len(before) >= 5
    return organisation, before


def empty(organisation):
    """The organisation without offers (its places stay: the desk's contacts refer to them;
    the import finds them by name)."""
    Offer.objects.filter(organisation=organisation).delete()
    assert not Offer.objects.filter(organisation=organisation).exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_into_an_empty_organisation_gives_the_same_offers(
    tmp_path, library_with_offers, fmt
):
    organisation, before = library_with_offers
    path = tmp_path / f"aanbod.{fmt}"
    path.write_bytes(exports.export(fmt, [organisation]))
    empty(organisation)

    run = services.import_path(path, organisation=organisation, publish=True)

    assert run.status == ImportStatus.DONE, [e["message"] for e in run.errors[:5]]
    after = rows_without_change_time(organisation)
    differences = [
        (exports.HEADERS[i if i < CHANGED_COLUMN else i + 1], a[i], b[i])
        for a, b in zip(before, after, strict=True)
        for i in range(len(a))
        if a[i] != b[i]
    ]
    assert not differences, differences[:5]
    # Importing the same file again changes nothing.
    again = services.import_path(path, organisation=organisation, publish=True)
    assert again.status == ImportStatus.DONE and again.created == again.changed == 0


def sheet(*rows, headers=exports.HEADERS):
    return to_csv([headers, *rows]).encode("utf-8")


def row(**cells):
    values = dict.fromkeys(exports.HEADERS, "")
    values.update(
        {
            "Titel": "Klik & Tik",
            "Aanbieder": "",
            "Soort aanbod": "Cursus",
            "Meedoen": "Aanmelden",
            "Gratis": "ja",
            "Locatie": "Bibliotheek Centrum",
            "Straat en huisnummer": "Smallepad 11",
            "Postcode": "3811 MG",
            "Plaats": "Amersfoort",
            "Tijden": "elke dinsdag 10:00-12:00",
        }
    )
    values.update({k.replace("_", " "): v for k, v in cells.items()})
    return [values[h] for h in exports.HEADERS]


def test_a_sheet_filled_in_by_hand_imports_with_stable_ids(tmp_path):
    library = Organisation.objects.create(name="Bibliotheek Eemland", kind="library")
    path = tmp_path / "aanbod.csv"
    path.write_bytes(sheet(row(), row(Titel="Taalcafé", Tijden="woensdag 03-03-2027 14:00-16:00")))
    run = services.import_path(path, organisation=library)
    assert run.status == ImportStatus.DONE, run.errors
    assert Offer.objects.filter(organisation=library).count() == 2
    course = Offer.objects.get(title="Klik & Tik")
    assert course.sign_up == "registration" and course.offer_type.name == "Cursus"
    assert course.offer_locations.get().schedules.get().weekday == 1
    assert Offer.objects.get(title="Taalcafé").offer_locations.get().schedules.get().date
    again = services.import_path(path, organisation=library)
    assert again.created == 0 and again.changed == 0


def test_a_bad_row_stores_nothing_and_names_row_and_column(tmp_path):
    library = Organisation.objects.create(name="Bibliotheek Eemland", kind="library")
    path = tmp_path / "aanbod.csv"
    path.write_bytes(
        sheet(
            row(),
            row(Titel="Schrijfhulp", Gratis="misschien"),
            row(Titel="Spreekuur", Tijden="op maandag rond tienen"),
            row(Titel="", Beschrijving="zonder titel"),
            row(Titel="Cursus", **{"Thema's": "Astrologie"}),
        )
    )
    run = services.import_path(path, organisation=library)
    assert run.status == ImportStatus.REJECTED
    assert not Offer.objects.exists()
    fields = [e["field"] for e in run.errors]
    assert fields == [
        "rij 3, kolom Gratis",
        "rij 4, kolom Tijden",
        "rij 5, kolom Titel",
        "rij 6, kolom Thema's",
    ]
    assert "ja of nee" in run.errors[0]["message"]
    assert run.errors[0]["record_name"] == "Schrijfhulp"


def test_a_spreadsheet_with_other_columns_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_bytes(sheet(["a", "b"], headers=["Naam", "Adres"]))
    run = services.import_path(path, organisation=Organisation.objects.create(name="B"))
    assert run.status == ImportStatus.REJECTED
    assert "Eén los CSV-bestand" in run.errors[0]["message"]


def test_ids_of_another_system_in_the_sheet_import_with_stable_ids(tmp_path):
    """An Aanbod-id or Plek-id that is not a uuid (another system's "A-17") is mapped to the
    same uuid of ours on every import, as for HSDS (docs/hsds-import.md)."""
    library = Organisation.objects.create(name="Bibliotheek Eemland", kind="library")
    path = tmp_path / "aanbod.csv"
    path.write_bytes(sheet(row(**{"Aanbod-id": "A-17", "Plek-id": "P 3"})))
    run = services.import_path(path, organisation=library)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get(organisation=library)
    again = services.import_path(path, organisation=library)
    assert again.status == ImportStatus.DONE and (again.created, again.changed) == (0, 0)
    assert Offer.objects.get(organisation=library).pk == offer.pk
