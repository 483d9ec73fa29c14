import datetime

import factory
from django.utils import timezone

from ontwikkelplein.activityplans.models import ActivityPlan, PlanPartner, PlanTask
from ontwikkelplein.organisations.tests.factories import OrganisationFactory


class ActivityPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPlan
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Taalcafé {n}")
    aim = "Deelnemers oefenen Nederlands in een gesprek."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(11, 30)


class PlanTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTask

    plan = factory.SubFactory(ActivityPlanFactory)
    title = factory.Sequence(lambda n: f"Taak {n}")
    offset_days = -21


class PlanPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanPartner

    plan = factory.SubFactory(ActivityPlanFactory)
    name = "Bezoekers van het taalcafé"
