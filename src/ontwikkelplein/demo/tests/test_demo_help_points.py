"""The demo marks where residents can always go: near each library's town the panel "Hier kun
je altijd terecht" finds an IDO, a Taalhuis and a library, with the IDO's own offer."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from ontwikkelplein.catalogue.selectors import help_point_offers
from ontwikkelplein.demo import data
from ontwikkelplein.organisations.selectors import HelpKind, nearest_help_points
from ontwikkelplein.places.geo import resolve_place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_every_demo_town_has_an_ido_a_taalhuis_and_a_library_near_by():
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    for library in data.LIBRARIES:
        place = resolve_place(library["town"])
        points = nearest_help_points((place.latitude, place.longitude), today)
        kinds = {kind for point in points for kind in point.kinds}
        assert kinds == set(HelpKind.ALL), library["town"]
        assert all(point.distance_km < 10 for point in points), library["town"]
        ido = next(point for point in points if HelpKind.IDO in point.kinds)
        assert ido.location.organisation.name == library["name"]
        offers = help_point_offers(points, today)
        assert offers[(ido.location.pk, HelpKind.IDO)].programme.code == "ido"
