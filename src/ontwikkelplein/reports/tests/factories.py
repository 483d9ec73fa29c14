import factory
from django.utils import timezone

from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.reports.models import Report, Subject


class ReportFactory(factory.django.DjangoModelFactory):
    """A library's yearly report over this year, by default."""

    class Meta:
        model = Report

    organisation = factory.SubFactory(OrganisationFactory)
    subject = Subject.LIBRARY
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    quarter = None
