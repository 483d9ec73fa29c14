import datetime

import factory

from ontwikkelplein.network.models import Agreement, ContactPerson, Stage, Stakeholder
from ontwikkelplein.organisations.tests.factories import OrganisationFactory


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    organisation = factory.SubFactory(OrganisationFactory)
    partner = None
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    kind = "community_centre"
    stage = Stage.EXPLORING


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    stakeholder = factory.SubFactory(StakeholderFactory)
    name = "Hasan Yilmaz"
    role = "beheerder"
    email = "beheer@buurthuis.example"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    stakeholder = factory.SubFactory(StakeholderFactory)
    kind = "cooperation"
    title = factory.Sequence(lambda n: f"Samenwerkingsovereenkomst {n}")
    starts_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=300))
    ends_on = None
    library_gives = ["space"]
    partner_gives = ["staff"]
