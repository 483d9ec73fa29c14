"""nearest_help_points: the nearest IDO, Taalhuis and library location for "Hier kun je altijd
terecht" on the public search page, with today's opening hours."""

import datetime

import pytest

from ontwikkelplein.organisations.models import LocationKind
from ontwikkelplein.organisations.selectors import HelpKind, nearest_help_points
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OpeningHoursFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db

AMERSFOORT = (52.156, 5.387)
MONDAY = datetime.date(2026, 12, 7)
SUNDAY = datetime.date(2026, 12, 13)


def at(km_north: float, **fields):
    """A location about `km_north` km north of AMERSFOORT."""
    return LocationFactory(
        latitude=AMERSFOORT[0] + km_north / 111.195, longitude=AMERSFOORT[1], **fields
    )


def test_the_nearest_place_of_each_kind_nearest_first():
    at(1, name="Bibliotheek Dichtbij")
    at(3, name="Bibliotheek IDO", has_ido=True)
    at(9, name="Ver IDO", has_ido=True)
    at(5, name="Taalhuis Zuid", has_taalhuis=True)
    at(20, name="Ver Taalhuis", has_taalhuis=True)

    points = nearest_help_points(AMERSFOORT, MONDAY)

    assert [(p.location.name, p.kinds) for p in points] == [
        ("Bibliotheek Dichtbij", [HelpKind.LIBRARY]),
        ("Bibliotheek IDO", [HelpKind.IDO]),
        ("Taalhuis Zuid", [HelpKind.TAALHUIS]),
    ]
    assert points[0].distance_km == pytest.approx(1, abs=0.01)
    assert points[2].distance_km == pytest.approx(5, abs=0.01)


def test_one_place_that_is_everything_comes_once():
    at(2, name="Eemhuis", has_ido=True, has_taalhuis=True)
    at(4, name="Andere bieb", has_ido=True, has_taalhuis=True)

    points = nearest_help_points(AMERSFOORT, MONDAY)

    assert len(points) == 1
    assert points[0].location.name == "Eemhuis"
    assert points[0].kinds == [HelpKind.IDO, HelpKind.TAALHUIS, HelpKind.LIBRARY]


def test_only_library_branches_and_service_points_count_as_the_library():
    at(1, name="Buurthuis", kind=LocationKind.COMMUNITY_CENTRE)
    at(1, name="Kantoor", kind=LocationKind.OFFICE)
    at(1, name="Partnerpand", organisation=PartnerFactory())
    at(6, name="Servicepunt", kind=LocationKind.SERVICE_POINT)

    points = nearest_help_points(AMERSFOORT, MONDAY)

    assert [p.location.name for p in points] == ["Servicepunt"]


def test_a_partner_can_host_the_taalhuis():
    at(2, name="ROC Taalhuis", organisation=PartnerFactory(), has_taalhuis=True)

    (point,) = nearest_help_points(AMERSFOORT, MONDAY)

    assert point.location.name == "ROC Taalhuis" and point.kinds == [HelpKind.TAALHUIS]


def test_places_without_coordinates_and_an_empty_network_give_nothing():
    assert nearest_help_points(AMERSFOORT, MONDAY) == []
    LocationFactory(latitude=None, longitude=None, has_ido=True)
    assert nearest_help_points(AMERSFOORT, MONDAY) == []


def test_opening_hours_of_today_only_in_order_with_a_break():
    place = at(1)
    OpeningHoursFactory(
        location=place, weekday=0, opens_at=datetime.time(13), closes_at=datetime.time(17)
    )
    OpeningHoursFactory(
        location=place, weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12)
    )
    OpeningHoursFactory(
        location=place, weekday=2, opens_at=datetime.time(10), closes_at=datetime.time(20)
    )

    (point,) = nearest_help_points(AMERSFOORT, MONDAY)

    assert [(h.opens_at.hour, h.closes_at.hour) for h in point.hours_today] == [(9, 12), (13, 17)]
    assert point.has_hours


def test_a_closed_day_and_a_place_without_hours_are_told_apart():
    closed_on_sunday = at(1, name="Open op maandag")
    OpeningHoursFactory(location=closed_on_sunday, weekday=0)
    at(2, name="Zonder tijden", has_ido=True)

    points = {p.location.name: p for p in nearest_help_points(AMERSFOORT, SUNDAY)}

    assert points["Open op maandag"].hours_today == [] and points["Open op maandag"].has_hours
    assert points["Zonder tijden"].hours_today == [] and not points["Zonder tijden"].has_hours


def test_a_fixed_number_of_queries(django_assert_num_queries):
    for n in range(6):
        place = at(n + 1, has_ido=n % 2 == 0, has_taalhuis=n % 3 == 0)
        OpeningHoursFactory(location=place, weekday=0)

    with django_assert_num_queries(3):
        points = nearest_help_points(AMERSFOORT, MONDAY)
        assert [h.weekday for p in points for h in p.hours_today]
