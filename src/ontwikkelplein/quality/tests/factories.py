import datetime

import factory

from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.quality.models import NormAnswer, Score, SelfEvaluation


class SelfEvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfEvaluation

    organisation = factory.SubFactory(OrganisationFactory)
    year = factory.LazyFunction(lambda: datetime.date.today().year)


class NormAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NormAnswer

    evaluation = factory.SubFactory(SelfEvaluationFactory)
    norm = "middelen"
    score = Score.PARTLY
    text = "We verwijzen binnen drie werkdagen door."
