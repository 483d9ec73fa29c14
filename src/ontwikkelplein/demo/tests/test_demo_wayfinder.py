"""The demo's wegwijzer counts: the figures page has finished paths and unmet need, and loading
again sets the same day totals instead of adding to them."""

import datetime

import pytest

from ontwikkelplein.core.figures.periods import Period, PeriodKind
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.demo.wayfinder import load_wayfinder_paths
from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.places.tests.factories import MunicipalityFactory
from ontwikkelplein.wayfinder import figures
from ontwikkelplein.wayfinder.models import PathCount

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)


def test_demo_paths_fill_the_figures_and_loading_twice_changes_nothing():
    OrganisationFactory(municipalities=[MunicipalityFactory(), MunicipalityFactory()])
    total = load_wayfinder_paths(TODAY)
    assert total > 20
    rows = sorted(PathCount.objects.values_list("day", "need", "municipality_code", "count"))
    assert load_wayfinder_paths(TODAY) == total
    assert (
        sorted(PathCount.objects.values_list("day", "need", "municipality_code", "count")) == rows
    )
    result = figures.figures(
        Scope(Level.COUNTRY, "Heel Nederland"),
        Period.containing(PeriodKind.MONTH, datetime.date(2026, 11, 1)),
        today=TODAY,
    )
    assert result.total.current.value > 0 and result.unmet.current.value > 0
