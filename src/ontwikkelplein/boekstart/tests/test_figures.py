"""BoekStart's figures: counts per kind, location and municipality, small counts hidden above the
own level, the reach against births, the downloads and the levels per role."""

import datetime

import pytest
from django.urls import reverse

from ontwikkelplein.boekstart import figures
from ontwikkelplein.boekstart.models import Kind, Via
from ontwikkelplein.boekstart.tests.factories import BirthsFactory, RegistrationFactory
from ontwikkelplein.core.figures.periods import Period, PeriodKind
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 10)


def november():
    return Period.containing(PeriodKind.MONTH, DAY)


@pytest.fixture
def world():
    amersfoort = MunicipalityFactory(code="GM0307", name="Amersfoort")
    leusden = MunicipalityFactory(code="GM0327", name="Leusden")
    library = OrganisationFactory(municipalities=[amersfoort, leusden])
    main = LocationFactory(organisation=library, name="Eemhuis", municipality=amersfoort)
    small = LocationFactory(organisation=library, name="Leusden", municipality=leusden)
    for _ in range(12):
        RegistrationFactory(location=main, kind=Kind.CASE)
    for _ in range(10):
        RegistrationFactory(location=main, kind=Kind.VOUCHER, via=Via.CLINIC)
    for _ in range(2):
        RegistrationFactory(location=small, kind=Kind.CASE)
    BirthsFactory(municipality=amersfoort, year=2026, count=48, source="Test CBS")
    BirthsFactory(municipality=leusden, year=2025, count=20, source="Test CBS")
    return library


def test_own_level_is_exact_with_reach(world):
    scope = Scope(Level.OWN, world.name, frozenset({world.pk}))
    result = figures.figures(scope, november(), today=DAY)
    assert result.totals[Kind.CASE].current.display == "14"
    by_place = {
        row.label: row.values[Kind.CASE].current.display for row in result.breakdowns[0].rows
    }
    assert by_place == {"Eemhuis": "12", "Leusden": "2"}
    reach = {row.municipality: (row.cases.display, row.births, row.percent) for row in result.reach}
    assert reach["Amersfoort"] == ("12", 48, "25%")
    # Leusden has no births for 2026 yet: the latest year before it counts, and says so.
    leusden = next(row for row in result.reach if row.municipality == "Leusden")
    assert (leusden.births, leusden.births_year, leusden.percent) == (20, 2025, "10%")


def test_small_counts_are_hidden_above_the_own_level(world):
    scope = Scope(Level.REGION, "POI", frozenset({world.pk}))
    result = figures.figures(scope, november(), today=DAY)
    municipality = {
        row.label: row.values[Kind.CASE].current.display for row in result.breakdowns[1].rows
    }
    assert municipality["Leusden"] == "<5"
    assert municipality["Amersfoort"] != "12"  # hidden too, or the total would give Leusden away
    leusden = next(row for row in result.reach if row.municipality == "Leusden")
    assert leusden.cases.display == "<5" and leusden.percent == ""


def test_the_page_and_its_downloads(client, world):
    client.force_login(staff_user(world, Role.TEAM_LEADER))
    page = client.get(reverse("boekstart:figures"), {"periode": "maand", "datum": "2026-11-01"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bereik in 2026" in html and "Test CBS" in html and "25%" in html
    csv = client.get(
        reverse("boekstart:figures-export"), {"periode": "maand", "datum": "2026-11-01"}
    )
    assert csv["Content-Type"].startswith("text/csv")
    assert "Eemhuis" in csv.content.decode("utf-8-sig")
    reach = client.get(
        reverse("boekstart:figures-export"),
        {"periode": "maand", "datum": "2026-11-01", "tabel": "bereik"},
    )
    assert "Amersfoort" in reach.content.decode("utf-8-sig")
    xlsx = client.get(reverse("boekstart:figures-export"), {"formaat": "xlsx"})
    assert xlsx.status_code == 200


def test_a_level_one_may_not_use_is_not_found(client, world):
    client.force_login(staff_user(world, Role.FRONT_DESK))
    assert client.get(reverse("boekstart:figures"), {"niveau": "land"}).status_code == 404
