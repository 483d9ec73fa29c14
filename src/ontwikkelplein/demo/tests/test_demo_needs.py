"""The demo's neighbourhood needs (demo/needs.py): notes for the demo library, searches without
results, demo public figures labelled as such, and loading twice is loading once."""

import datetime

import pytest

from ontwikkelplein.catalogue.models import UnmatchedSearch
from ontwikkelplein.demo.needs import DEMO_SOURCE, NOTES, UNMATCHED, load_needs
from ontwikkelplein.needs import selectors
from ontwikkelplein.needs.models import NeedNote, PublicFigure
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_the_demo_library_gets_notes_and_labelled_figures_once():
    town = MunicipalityFactory(code="GM0307", name="Amersfoort")
    library = OrganisationFactory(name="Bibliotheek Eemland", municipalities=[town])
    staff_user(library, Role.SPECIALIST, username="specialist")
    today = datetime.date(2026, 12, 7)
    assert load_needs(today) == len(NOTES)
    assert load_needs(today) == len(NOTES)
    assert NeedNote.objects.filter(organisation=library).count() == len(NOTES)
    assert UnmatchedSearch.objects.count() == len(UNMATCHED)
    figures = PublicFigure.objects.filter(municipality=town)
    assert figures.count() == 3
    assert {f.source for f in figures} == {DEMO_SOURCE}
    data = selectors.needs(library, None, selectors.window_for(12, today), exact=True)
    assert data.figures and all(f.source == DEMO_SOURCE for f in data.figures)
    assert data.gaps  # the notes' themes are signals


def test_without_the_demo_network_nothing_is_made():
    assert load_needs(datetime.date(2026, 12, 7)) == 0
    assert not NeedNote.objects.exists()
