import datetime

import factory

from ontwikkelplein.connections.models import ConnectionAction, Programme
from ontwikkelplein.organisations.tests.factories import OrganisationFactory


class ConnectionActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConnectionAction

    organisation = factory.SubFactory(OrganisationFactory)
    from_programme = Programme.IDO
    to_programme = Programme.DBOS
    description = "Het IDO presenteren aan de teams van de dBos-scholen"
    owner = "Specialist basisvaardigheden"
    due_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    done = False
