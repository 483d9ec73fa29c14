import datetime

import factory

from ontwikkelplein.needs.models import NeedNote
from ontwikkelplein.organisations.tests.factories import OrganisationFactory


class NeedNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NeedNote

    organisation = factory.SubFactory(OrganisationFactory)
    text = "Ouders in de wijk vragen om voorlezen in het Arabisch."
    noted_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=3))
