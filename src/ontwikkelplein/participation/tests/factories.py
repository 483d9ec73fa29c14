import factory

from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.participation.models import Participation, ParticipationStatus, Scheme


def scheme(code="ido") -> Scheme:
    """A national scheme (seeded by migration 0002)."""
    return Scheme.objects.get(code=code)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    organisation = factory.SubFactory(OrganisationFactory)
    scheme = factory.LazyFunction(scheme)
    status = ParticipationStatus.ACTIVE
