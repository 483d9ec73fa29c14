"""Checks on the demo definitions themselves, without a database."""

import csv
import datetime

from ontwikkelplein.catalogue.models import Guidance, Offer, Requirement
from ontwikkelplein.demo import data
from ontwikkelplein.demo.offers import build_offers
from ontwikkelplein.places.geo import distance_km
from ontwikkelplein.places.services import PC4_FILE

TODAY = datetime.date(2026, 11, 21)


def centroids():
    with PC4_FILE.open(encoding="utf-8") as fh:
        return {row["pc4"]: row for row in csv.DictReader(fh)}


def test_locations_lie_in_their_postcode_area():
    areas = centroids()
    for location in data.LOCATIONS:
        area = areas[location["postcode"][:4]]
        distance = distance_km(
            location["lat"], location["lon"], float(area["latitude"]), float(area["longitude"])
        )
        assert distance < 2.5, (location["key"], round(distance, 1))
        assert area["town"] == location["city"], location["key"]


def test_keys_are_unique_and_references_exist():
    offers = build_offers(TODAY)
    keys = [o["key"] for o in offers]
    assert len(keys) == len(set(keys))
    location_keys = {loc["key"] for loc in data.LOCATIONS}
    assert len(location_keys) == len(data.LOCATIONS)
    orgs = {data.KB["key"]} | {o["key"] for o in data.POIS + data.LIBRARIES + data.PARTNERS}
    for spec in offers:
        assert spec["organisation"] in orgs
        assert set(spec["partners"]) <= orgs, spec["key"]
        assert spec["organisation"] not in spec["partners"]
        assert {p["location"] for p in spec["locations"]} <= location_keys, spec["key"]
    for location in data.LOCATIONS:
        assert location["organisation"] in orgs


def test_offer_texts_fit_the_fields_and_choices():
    max_title = Offer._meta.get_field("title").max_length
    max_summary = Offer._meta.get_field("summary").max_length
    for spec in build_offers(TODAY):
        assert 0 < len(spec["title"]) <= max_title, spec["key"]
        assert 0 < len(spec["summary"]) <= max_summary, spec["key"]
        assert set(spec["guidance"]) <= set(Guidance.values), spec["key"]
        assert set(spec["requirements"]) <= set(Requirement.values), spec["key"]
        assert spec["themes"] and spec["target_groups"], spec["key"]
        for place in spec["locations"]:
            for when in place["schedules"]:
                assert when["closes"] > when["opens"], spec["key"]
                assert 0 <= when.get("weekday", 0) <= 6


def test_tax_help_comes_back_every_spring_and_its_sessions_are_never_in_the_past():
    for today in (
        datetime.date(2026, 1, 10),
        datetime.date(2026, 4, 1),
        datetime.date(2026, 11, 21),
    ):
        spec = next(o for o in build_offers(today) if o["key"] == "eemland:belastingaangifte")
        assert (spec["season_start_month"], spec["season_end_month"]) == (3, 4)
        assert spec["valid_from"] is None and spec["valid_to"] is None
        for place in spec["locations"]:
            for when in place["schedules"]:
                assert when["valid_from"].month == 3 and when["valid_to"] >= today
