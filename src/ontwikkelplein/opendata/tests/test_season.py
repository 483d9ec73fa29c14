"""An offer's yearly season in HSDS 3.1 (docs/hsds-mapping.md, "Seasons"): a schedule of the
service whose validity is the season that runs today or else the next one; valid against the
official schemas, in the JSON and the datapackage, and read back by the import."""

import datetime
import json

import frictionless
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import Offer, SignUp
from ontwikkelplein.opendata import exports, hsds, services
from ontwikkelplein.opendata.importer.services import season_months
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.opendata.tests.catalogue_data import make_catalogue
from ontwikkelplein.opendata.tests.hsds_schemas import assert_valid, needs_hsds
from ontwikkelplein.opendata.tests.test_export import _csv_rows, _unzip
from ontwikkelplein.opendata.tests.test_roundtrip import wipe_catalogue

DECEMBER = datetime.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("start", "end", "today", "expected"),
    [
        (3, 4, DECEMBER, ("2027-03-01", "2027-04-30")),  # out of season: the next one
        (3, 4, datetime.date(2027, 3, 10), ("2027-03-01", "2027-04-30")),  # the current one
        (3, 4, datetime.date(2027, 2, 28), ("2027-03-01", "2027-04-30")),
        (11, 2, DECEMBER, ("2026-11-01", "2027-02-28")),  # over the new year, in season
        (11, 2, datetime.date(2027, 1, 31), ("2026-11-01", "2027-02-28")),
        (11, 2, datetime.date(2027, 6, 1), ("2027-11-01", "2028-02-29")),  # a leap year
        (5, 5, DECEMBER, ("2027-05-01", "2027-05-31")),
    ],
)
def test_the_season_period(start, end, today, expected):
    first, last = hsds.season_period(start, end, today)
    assert (first.isoformat(), last.isoformat()) == expected


@given(
    start=st.integers(1, 12),
    end=st.integers(1, 12),
    today=st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)),
)
def test_the_period_holds_today_exactly_when_the_offer_is_in_season(start, end, today):
    offer = Offer(season_start_month=start, season_end_month=end)
    first, last = hsds.season_period(start, end, today)
    assert (first.month, last.month) == (start, end)
    assert first.day == 1 and (last + datetime.timedelta(days=1)).day == 1
    assert (first <= today <= last) == offer.in_season(today)
    if not offer.in_season(today):
        assert today < first and (first - today).days <= 366
    # The importer reads the same months back; a season of all twelve months is no season
    # (the offer is always in season).
    schedule = {"valid_from": first.isoformat(), "valid_to": last.isoformat()}
    all_year = (end - start) % 12 == 11
    assert season_months([schedule]) == ((None, None) if all_year else (start, end))


@pytest.fixture
def cat(db):
    made = make_catalogue()
    # A sign-up offer: a walk-in offer without times is not published by an import (the staff
    # publication check), and these tests export what the import published.
    Offer.objects.filter(pk=made.plain.pk).update(
        season_start_month=3, season_end_month=4, sign_up=SignUp.REGISTRATION
    )
    made.plain.refresh_from_db()
    return made


def exported_service(offer_id) -> dict:
    catalogue = hsds.catalogue_as_hsds()
    return next(s for o in catalogue for s in o["services"] if s["id"] == str(offer_id))


@needs_hsds
def test_the_season_is_a_valid_schedule_of_the_service(cat, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    service = exported_service(cat.plain.pk)
    assert_valid("service", service)
    assert service["schedules"] == [
        {
            "id": hsds.sub_id(cat.plain.pk, "season", "3-4"),
            "service_id": str(cat.plain.pk),
            "valid_from": "2027-03-01",
            "valid_to": "2027-04-30",
            "description": "Elk jaar van maart tot en met april.",
        }
    ]
    # An offer without a season has no schedule of its own (its times are per place).
    assert exported_service(cat.full.pk)["schedules"] == []


@needs_hsds
def test_the_season_is_in_the_datapackage(cat, tmp_path, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    tables = _unzip(exports.datapackage_zip(), tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    rows = [r for r in tables["schedule"] if r["service_id"] == str(cat.plain.pk)]
    assert [(r["valid_from"], r["valid_to"], r["byday"]) for r in rows] == [
        ("2027-03-01", "2027-04-30", "")
    ]


def import_file(path):
    wipe_catalogue()
    run = services.import_path(path, publish=True)
    assert run.status == ImportStatus.DONE, run.errors[:5]
    return run


def test_json_round_trip_keeps_the_season(cat, tmp_path, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    exported = hsds.catalogue_as_hsds()
    path = tmp_path / "catalogus.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    import_file(path)
    offer = Offer.objects.get(pk=cat.plain.pk)
    assert (offer.season_start_month, offer.season_end_month) == (3, 4)
    assert Offer.objects.get(pk=cat.full.pk).season_start_month is None
    assert (
        exported_service(cat.plain.pk)["schedules"]
        == next(s for o in exported for s in o["services"] if s["id"] == str(cat.plain.pk))[
            "schedules"
        ]
    )


def test_datapackage_round_trip_keeps_the_season(cat, tmp_path, time_machine):
    time_machine.move_to(datetime.datetime(2027, 1, 15, 12))
    Offer.objects.filter(pk=cat.plain.pk).update(season_start_month=11, season_end_month=2)
    path = tmp_path / "catalogus.zip"
    path.write_bytes(exports.datapackage_zip())
    import_file(path)
    offer = Offer.objects.get(pk=cat.plain.pk)
    assert (offer.season_start_month, offer.season_end_month) == (11, 2)


def test_reimport_without_the_season_schedule_clears_it_and_a_short_record_keeps_it(cat, tmp_path):
    exported = hsds.catalogue_as_hsds()
    for organisation in exported:
        for service in organisation["services"]:
            service["schedules"] = []
    path = tmp_path / "zonder.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    run = services.import_path(path, publish=True)
    assert run.status == ImportStatus.DONE, run.errors[:5]
    assert Offer.objects.get(pk=cat.plain.pk).season_start_month is None


@pytest.mark.parametrize(
    "schedule",
    [
        # A weekly time of the service is a timetable, not a season.
        {"valid_from": "2027-03-01", "valid_to": "2027-04-30", "byday": "TU"},
        {"valid_from": "2027-03-01", "valid_to": "2027-04-30", "opens_at": "10:00"},
        # Not whole months, a whole year or more, backwards, or dates that cannot be read.
        {"valid_from": "2027-03-15", "valid_to": "2027-04-30"},
        {"valid_from": "2027-03-01", "valid_to": "2027-04-29"},
        {"valid_from": "2027-01-01", "valid_to": "2027-12-31"},
        {"valid_from": "2027-04-01", "valid_to": "2027-03-31"},
        {"valid_from": "maart", "valid_to": "april"},
        {"valid_from": "2027-03-01"},
        "not a schedule",
    ],
)
def test_other_schedules_are_no_season(schedule):
    assert season_months([schedule]) == (None, None)


def test_the_csv_names_the_season(cat):
    rows = _csv_rows(exports.offers_csv())
    seasons = {r["Titel"]: r["Seizoen (elk jaar)"] for r in rows}
    assert seasons[cat.plain.title] == "maart tot en met april"
    assert seasons[cat.full.title] == ""
