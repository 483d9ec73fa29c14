"""The wegwijzer's figures: unmet need per municipality and theme, finished paths per end point,
small counts hidden above the own level, levels per role."""

import datetime

import pytest
from django.urls import reverse

from ontwikkelplein.core.figures.cells import Cell
from ontwikkelplein.core.figures.periods import Period, PeriodKind
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory
from ontwikkelplein.wayfinder import figures, services

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 10)


def paths(n, *, code="GM0307", town="", theme="lezen-en-schrijven", found=False, day=DAY):
    for _ in range(n):
        services.record_path(
            channel="resident",
            version_number=1,
            need="lezen",
            theme=theme,
            for_whom="ik",
            how="cursus",
            municipality_code=code,
            town=town,
            found_nearby=found,
            day=day,
        )


def november():
    return Period.containing(PeriodKind.MONTH, DAY)


def test_counting_increments_one_row_per_day_and_combination():
    paths(3)
    paths(2, found=True)
    from ontwikkelplein.wayfinder.models import PathCount

    assert sorted(PathCount.objects.values_list("found_nearby", "count")) == [
        (False, 3),
        (True, 2),
    ]


def test_unmet_need_per_municipality_and_theme_with_small_counts_hidden_nationally():
    MunicipalityFactory(code="GM0307", name="Amersfoort")
    MunicipalityFactory(code="GM0344", name="Utrecht")
    paths(7, code="GM0307")
    paths(2, code="GM0344")  # small: hidden, and one more hidden to protect it
    paths(6, code="GM0344", theme="geldzaken")
    paths(5, code="", town="Nergenshuizen")
    paths(9, code="GM0307", found=True)
    country = Scope(Level.COUNTRY, "Heel Nederland")
    result = figures.figures(country, november(), today=datetime.date(2026, 12, 7))
    unmet = result.breakdowns[0]
    cells = {row.label: row.values[figures.PATHS].current for row in unmet.rows}
    assert cells["Utrecht – Lezen en schrijven"].hidden == Cell.SMALL
    assert cells["Utrecht – Lezen en schrijven"].display == "<5"
    assert sum(1 for c in cells.values() if c.hidden == Cell.DERIVED) == 1
    assert "Nergenshuizen (plaats, gemeente onbekend) – Lezen en schrijven" in cells
    assert result.unmet.current.value == 20
    assert result.total.current.value == 29
    ends = {row.label: row.values[figures.PATHS].current.value for row in result.breakdowns[1].rows}
    assert ends == {"Passend aanbod dichtbij gevonden": 9, "Geen passend aanbod dichtbij": 20}


def test_the_own_level_sees_its_municipalities_exactly():
    amersfoort = MunicipalityFactory(code="GM0307", name="Amersfoort")
    library = OrganisationFactory()
    LocationFactory(organisation=library, municipality=amersfoort)
    paths(2, code="GM0307")
    paths(8, code="GM0344")
    own = Scope(Level.OWN, library.name, frozenset({library.pk}))
    result = figures.figures(own, november(), today=datetime.date(2026, 12, 7))
    assert result.unmet.current.value == 2
    assert not result.unmet.current.hidden  # exact at the own level


def test_the_page_for_each_level(client):
    paths(6)
    kb = staff_user(OrganisationFactory(kind=OrganisationKind.KB, name="KB"), Role.KB_ADMIN)
    client.force_login(kb)
    url = reverse("wayfinder:figures")
    response = client.get(url + "?niveau=land&periode=maand&datum=2026-11-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Onvervulde behoefte per gemeente en thema" in html
    export = client.get(
        reverse("wayfinder:figures-export")
        + "?niveau=land&periode=maand&datum=2026-11-01&formaat=csv"
    )
    assert export.status_code == 200
    # A level the user may not use answers 404; a bad date falls back with a notice.
    assert client.get(url + "?niveau=eigen").status_code == 404
    assert client.get(url + "?datum=2026-99-99").status_code == 200
    client.force_login(staff_user(role=Role.FRONT_DESK))
    assert client.get(url + "?niveau=land").status_code == 404
    assert client.get(url).status_code == 200
