"""The PC4 centroids and municipalities that the data migrations load from places/data/."""

import csv
import io

import pytest
from django.core.management import call_command

from ontwikkelplein.places import services
from ontwikkelplein.places.geo import distance_km, resolve_place
from ontwikkelplein.places.models import Municipality, PostcodeArea, Province

pytestmark = pytest.mark.django_db

# PC4 -> (town, rough latitude, rough longitude) of the town centre.
KNOWN = {
    "3811": ("Amersfoort", 52.156, 5.388),
    "4461": ("Goes", 51.504, 3.889),
    "4811": ("Breda", 51.589, 4.776),
    "7741": ("Coevorden", 52.661, 6.741),
    "3311": ("Dordrecht", 51.813, 4.669),
}


def test_migrations_load_every_pc4_area_and_municipality():
    assert PostcodeArea.objects.count() == len(services.read_postcode_file()) > 4000
    assert Municipality.objects.count() == 342


@pytest.mark.parametrize("pc4", sorted(KNOWN))
def test_known_postcodes_resolve_near_their_town(pc4):
    town, lat, lon = KNOWN[pc4]
    place = resolve_place(pc4)
    assert place is not None
    assert distance_km(place.latitude, place.longitude, lat, lon) < 3
    assert PostcodeArea.objects.get(pc4=pc4).town == town


def test_full_postcode_uses_the_pc4_centroid():
    area = PostcodeArea.objects.get(pc4="3811")
    place = resolve_place("3811 ab")
    assert place.label == "3811 AB"
    assert (place.latitude, place.longitude) == (area.latitude, area.longitude)


def test_distances_between_demo_towns_are_plausible():
    amersfoort, breda = resolve_place("3811"), resolve_place("4811")
    goes, coevorden = resolve_place("4461"), resolve_place("7741")
    assert (
        70
        < distance_km(amersfoort.latitude, amersfoort.longitude, breda.latitude, breda.longitude)
        < 80
    )
    assert (
        220
        < distance_km(goes.latitude, goes.longitude, coevorden.latitude, coevorden.longitude)
        < 260
    )


def test_town_name_resolves_to_the_middle_of_its_postcodes():
    place = resolve_place("amersfoort")
    assert place.label == "Amersfoort"
    assert distance_km(place.latitude, place.longitude, 52.156, 5.388) < 5


def test_unknown_postcode_and_place_give_none():
    assert resolve_place("0000") is None
    assert resolve_place("1000") is None  # a valid pattern that no area has
    assert resolve_place("Atlantis") is None


def test_municipalities_have_their_cbs_codes_and_provinces():
    expected = {
        "GM0307": ("Amersfoort", "Utrecht"),
        "GM0664": ("Goes", "Zeeland"),
        "GM0758": ("Breda", "Noord-Brabant"),
        "GM0109": ("Coevorden", "Drenthe"),
        "GM0505": ("Dordrecht", "Zuid-Holland"),
        "GM1859": ("Berkelland", "Gelderland"),
        "GM1586": ("Oost Gelre", "Gelderland"),
        "GM0294": ("Winterswijk", "Gelderland"),
        "GM0518": ("'s-Gravenhage", "Zuid-Holland"),
    }
    found = {
        m.code: (m.name, m.province.name)
        for m in Municipality.objects.filter(code__in=expected).select_related("province")
    }
    assert found == expected
    # Every province has municipalities; CBS counts 56 in Noord-Brabant.
    assert Municipality.objects.filter(province__name="Noord-Brabant").count() == 56


def test_load_postcodes_repairs_rows_and_adds_no_duplicates():
    PostcodeArea.objects.filter(pc4="3811").update(town="Elders", latitude=0, longitude=0)
    PostcodeArea.objects.filter(pc4="4461").delete()
    Municipality.objects.filter(code="GM0307").update(name="Amersfoort (oud)")
    before = PostcodeArea.objects.count()

    call_command("load_postcodes", stdout=io.StringIO())

    assert PostcodeArea.objects.count() == before + 1
    assert PostcodeArea.objects.get(pc4="3811").town == "Amersfoort"
    assert PostcodeArea.objects.get(pc4="3811").latitude == pytest.approx(52.1557)
    assert PostcodeArea.objects.filter(pc4="4461").exists()
    assert Municipality.objects.get(code="GM0307").name == "Amersfoort"
    assert Municipality.objects.count() == 342


def test_data_files_are_clean():
    with services.PC4_FILE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["pc4"] for r in rows]
    assert len(codes) == len(set(codes))
    for row in rows:
        assert len(row["pc4"]) == 4 and row["pc4"].isdigit() and row["town"]
        assert 50.7 < float(row["latitude"]) < 53.6 and 3.3 < float(row["longitude"]) < 7.3
    municipalities = services.read_municipality_file()
    assert len({m["code"] for m in municipalities}) == len(municipalities) == 342
    assert all(m["code"].startswith("GM") and len(m["code"]) == 6 for m in municipalities)


def test_loaders_rebuild_a_flushed_database():
    # Transactional tests (the browser tests) flush every table, migration data included.
    Municipality.objects.all().delete()
    Province.objects.all().delete()
    PostcodeArea.objects.all().delete()

    assert services.load_municipalities() == 342
    assert services.load_postcode_areas() > 4000
    assert Province.objects.count() == 12
    assert Municipality.objects.get(code="GM0307").province.name == "Utrecht"
    assert resolve_place("3811") is not None
