"""demo/learning.py: trajectories, a running, a completed and a requested group, made once."""

import pytest

from ontwikkelplein.demo.learning import DEMO_CODE, FRONT_OFFICE, load_learning
from ontwikkelplein.demo.services import load_demo
from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import (
    Attendance,
    Certificate,
    Group,
    GroupState,
    ModuleCompletion,
    Participant,
)

pytestmark = pytest.mark.django_db


def test_load_learning_is_idempotent_and_shows_every_stage():
    load_demo()
    first = load_learning()
    counts = (Participant.objects.count(), Attendance.objects.count())
    completions = ModuleCompletion.objects.count()
    assert load_learning() == first
    assert (Participant.objects.count(), Attendance.objects.count()) == counts
    assert ModuleCompletion.objects.count() == completions
    assert first["trajectories"] == 4
    states = set(Group.objects.values_list("state", flat=True))
    assert states == {GroupState.REQUESTED, GroupState.RUNNING, GroupState.COMPLETED}
    assert Certificate.objects.filter(code=DEMO_CODE).exists()
    assert Certificate.objects.count() == 6

    running = Group.objects.get(state=GroupState.RUNNING, trajectory__name=FRONT_OFFICE)
    statuses = {p.participant.name: p.status for p in selectors.progress_for_group(running)}
    assert statuses["Bas Baliemans"] == selectors.ON_TRACK
    assert statuses["Joost Verbeek"] == selectors.UNREACHABLE
    bas = Participant.objects.get(name="Bas Baliemans")
    assert bas.user.username == "balie"


def test_demo_theme_group_has_history_and_a_next_meeting():
    from django.utils import timezone

    from ontwikkelplein.learning.models import KnowledgeEvent, ThemeGroup

    load_demo()
    load_learning()
    load_learning()
    group = ThemeGroup.objects.get()
    past = group.events.filter(starts_at__lt=timezone.now()).count()
    assert past == 3 and group.events.count() == 4
    assert KnowledgeEvent.objects.count() == 5
    assert group.memberships.get().user.username == "specialist"
