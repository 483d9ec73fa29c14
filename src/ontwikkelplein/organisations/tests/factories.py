import datetime

import factory

from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.organisations.models import (
    Branding,
    ClosurePeriod,
    Location,
    LocationKind,
    Membership,
    OpeningHours,
    Organisation,
    OrganisationKind,
    Role,
    SpecialOpeningHours,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory


class BrandingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branding

    organisation = factory.SubFactory(
        "ontwikkelplein.organisations.tests.factories.OrganisationFactory"
    )
    slug = factory.Sequence(lambda n: f"bibliotheek-testland-{n}")
    display_name = factory.Sequence(lambda n: f"Bibliotheek Testland {n}")
    primary_colour = "#6b2c91"
    accent_colour = "#ffd200"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Bibliotheek Testland {n}")
    kind = OrganisationKind.LIBRARY

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class PartnerFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Welzijn Testland {n}")
    kind = OrganisationKind.PARTNER
    sector = "welfare"


class PoiFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"POI Testland {n}")
    kind = OrganisationKind.POI

    @factory.post_generation
    def provinces(self, create, extracted, **kwargs):
        if create and extracted:
            self.provinces.set(extracted)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Vestiging {n}")
    kind = LocationKind.BRANCH
    street = "Stadsring"
    house_number = "1"
    postcode = "3811 HN"
    city = "Amersfoort"
    municipality = factory.SubFactory(MunicipalityFactory)
    latitude = 52.156
    longitude = 5.387


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    location = factory.SubFactory(LocationFactory)
    weekday = 0
    opens_at = datetime.time(9, 0)
    closes_at = datetime.time(17, 0)


class ClosurePeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClosurePeriod

    location = factory.SubFactory(LocationFactory)
    start_date = datetime.date(2026, 7, 20)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    reason = "zomersluiting"


class SpecialOpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpecialOpeningHours

    location = factory.SubFactory(LocationFactory)
    date = datetime.date(2026, 12, 24)
    opens_at = datetime.time(10, 0)
    closes_at = datetime.time(15, 0)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.SPECIALIST


def staff_user(organisation=None, role=Role.SPECIALIST, **user_kwargs):
    """A user with one membership: the usual way tests make a logged-in staff member."""
    membership = MembershipFactory(
        organisation=organisation or OrganisationFactory(),
        role=role,
        user=UserFactory(**user_kwargs),
    )
    return membership.user
