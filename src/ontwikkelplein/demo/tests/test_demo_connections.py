"""The demo's EMB in verbinding (demo/connections.py): the planned actions of the demo library,
once, with an overdue one and done ones."""

import datetime

import pytest

from ontwikkelplein.connections.models import ConnectionAction
from ontwikkelplein.demo.connections import ACTIONS, load_connections
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


def test_the_demo_library_gets_its_planned_actions_once():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    staff_user(library, Role.SPECIALIST, username="specialist")
    today = datetime.date(2026, 12, 7)
    assert load_connections(today) == len(ACTIONS)
    assert load_connections(today) == len(ACTIONS)
    actions = ConnectionAction.objects.filter(organisation=library)
    assert actions.filter(done=True).exists()
    assert any(action.is_overdue(today) for action in actions)
    assert actions.filter(description__contains="dBos-scholen").exists()
