import datetime

import factory

from ontwikkelplein.boekstart.models import Births, Kind, Registration
from ontwikkelplein.organisations.tests.factories import LocationFactory
from ontwikkelplein.places.tests.factories import MunicipalityFactory


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    location = factory.SubFactory(LocationFactory)
    organisation = factory.LazyAttribute(lambda o: o.location.organisation)
    kind = Kind.CASE
    day = datetime.date(2026, 11, 10)
    postcode_area = "3811"


class BirthsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Births

    municipality = factory.SubFactory(MunicipalityFactory)
    year = 2026
    count = 100
    source = "Test"
