"""The demo's library network (demo/network.py): a realistic network in every stage, two or
more agreements of which one ends within three months, and loading twice is loading once."""

import datetime

import pytest
from django.core.files.storage import default_storage

from ontwikkelplein.demo.network import STAKEHOLDERS, load_network
from ontwikkelplein.network import selectors
from ontwikkelplein.network.models import (
    Agreement,
    AgreementDocument,
    ContactPerson,
    Stage,
    Stakeholder,
)
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


def test_the_demo_library_gets_a_realistic_network_once():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    staff_user(library, Role.SPECIALIST, username="specialist")
    for row in STAKEHOLDERS:
        if row[1]:
            PartnerFactory(name=row[1])
    today = datetime.date(2026, 12, 7)
    assert load_network(today) == len(STAKEHOLDERS)
    assert load_network(today) == len(STAKEHOLDERS)

    stakeholders = Stakeholder.objects.filter(organisation=library)
    assert 10 <= stakeholders.count() <= 15
    assert set(stakeholders.values_list("stage", flat=True)) == set(Stage.values)
    assert stakeholders.filter(partner__isnull=True).count() >= 4
    assert stakeholders.filter(partner__isnull=False).count() >= 4
    assert ContactPerson.objects.filter(stakeholder__organisation=library).exists()
    assert Agreement.objects.filter(stakeholder__organisation=library).count() >= 2
    assert len(selectors.ending_soon(library, today)) == 1
    document = AgreementDocument.objects.get()
    assert default_storage.exists(document.stored_name)
