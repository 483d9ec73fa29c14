"""Factories for courses.

    run = RunFactory()                       # published series, 8 places, 3 weekly sessions ahead
    run = RunFactory(capacity=2, intake_required=True, sessions=0)
    run = RunFactory(status="draft", walk_in=True, capacity=None)
    enrolment, token = enrol_person(run, name="Anna", email="anna@example.org")

Runs are created directly (so tests can make any state); enrolments go through
courses.services.enrol, as every page makes them.
"""

import datetime

import factory
from django.utils import timezone

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses.models import Run, RunKind, RunStatus, Session
from ontwikkelplein.courses.services import PersonData, enrol
from ontwikkelplein.organisations.calendar import national_holiday
from ontwikkelplein.organisations.tests.factories import LocationFactory

CONSENT = (
    "Ik geef toestemming dat de bibliotheek mijn naam en telefoonnummer of e-mailadres bewaart."
)


def person_data(**fields) -> PersonData:
    values = {"name": "Fatima Jansen", "phone": "", "email": "", "consent_text": CONSENT}
    values.update(fields)
    return PersonData(**values)


def enrol_person(run, *, source="resident", user=None, **fields):
    """Sign someone up through the service; by default a resident with a unique e-mail."""
    if "email" not in fields and "phone" not in fields:
        enrol_person.counter += 1
        fields["email"] = f"deelnemer{enrol_person.counter}@example.org"
    return enrol(run, person_data(**fields), source=source, user=user)


enrol_person.counter = 0


class RunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Run
        skip_postgeneration_save = True

    offer = factory.SubFactory(OfferFactory, sign_up="registration", indexed=False)
    organisation = factory.LazyAttribute(lambda o: o.offer.organisation)
    location = factory.LazyAttribute(lambda o: LocationFactory(organisation=o.organisation))
    name = "Voorjaar"
    kind = RunKind.SERIES
    status = RunStatus.PUBLISHED
    capacity = 8

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        """`sessions=N` (default 3) weekly sessions from `sessions__start` (default next week)."""
        if not create:
            return
        count = 3 if extracted is None else extracted
        start = kwargs.get("start") or timezone.localdate() + datetime.timedelta(days=7)
        for i in range(count):
            date = start + datetime.timedelta(weeks=i)
            # A library is closed on national holidays (organisations.calendar): a test run on a
            # week with one would otherwise fail to publish, depending on the day it runs.
            while national_holiday(date):
                date += datetime.timedelta(days=1)
            Session.objects.create(
                run=self,
                date=date,
                start_time=datetime.time(10, 0),
                end_time=datetime.time(12, 0),
                room="Leeszaal",
            )


def past_session(run, days_ago=1, **fields) -> Session:
    """A session that took place (made directly: the service refuses dates in the past)."""
    values = {
        "date": timezone.localdate() - datetime.timedelta(days=days_ago),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(12, 0),
    }
    values.update(fields)
    return Session.objects.create(run=run, **values)
