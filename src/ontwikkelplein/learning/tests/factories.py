import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from ontwikkelplein.learning.models import (
    Component,
    ComponentKind,
    Group,
    GroupState,
    Meeting,
    Participant,
    Trajectory,
)
from ontwikkelplein.organisations.models import OrganisationKind
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, PoiFactory


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    name = factory.Sequence(lambda n: f"Leertraject {n}")
    owner = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.KB)
    issuer = factory.SelfAttribute("owner")
    attendance_percentage = 75
    price_per_group = Decimal("5625.00")
    group_min = 1
    group_max = 20


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Component

    trajectory = factory.SubFactory(TrajectoryFactory)
    kind = ComponentKind.MODULE
    title = factory.Sequence(lambda n: f"Module {n}")
    position = factory.Sequence(lambda n: n)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    trajectory = factory.SubFactory(TrajectoryFactory)
    library = factory.SubFactory(OrganisationFactory)
    poi = factory.SubFactory(PoiFactory)
    name = factory.Sequence(lambda n: f"Groep {n}")
    state = GroupState.PLANNED
    price = Decimal("5625.00")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    group = factory.SubFactory(GroupFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    joined_on = datetime.date(2026, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    starts_at = factory.LazyFunction(timezone.now)
    planned_minutes = 90


def trajectory_with(modules=2, meetings=4, **kwargs) -> Trajectory:
    """A trajectory with `modules` required e-learnings and `meetings` meeting components."""
    trajectory = TrajectoryFactory(**kwargs)
    for index in range(modules):
        ComponentFactory(trajectory=trajectory, title=f"E-learning {index + 1}")
    for index in range(meetings):
        ComponentFactory(
            trajectory=trajectory, kind=ComponentKind.MEETING, title=f"Bijeenkomst {index + 1}"
        )
    return trajectory


def group_with_meetings(trajectory=None, dates=None, **kwargs) -> Group:
    """A planned group with one meeting on each date (default: four, two weeks apart, 2026)."""
    trajectory = trajectory or trajectory_with()
    group = GroupFactory(trajectory=trajectory, price=trajectory.price_per_group, **kwargs)
    dates = dates or [datetime.date(2026, 2, 2) + datetime.timedelta(weeks=2 * i) for i in range(4)]
    tz = timezone.get_current_timezone()
    for index, day in enumerate(dates):
        MeetingFactory(
            group=group,
            title=f"Bijeenkomst {index + 1}",
            starts_at=datetime.datetime.combine(day, datetime.time(19, 0), tzinfo=tz),
        )
    return group
