"""The retention task erases exactly what it should and nothing else (frozen time)."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from ontwikkelplein.notifications.models import Notification, OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import (
    EventKind,
    Outcome,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralEvent,
    ReferralNote,
    ReferralPerson,
    Status,
)
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 1, 5, 10, 0, tzinfo=AMS)


def _with_everything(library, specialist, *, close_at=None, outcome=Outcome.HELPED):
    """A referral with a person, a note, a partner link, messages; closed at `close_at`."""
    with time_machine.travel(START, tick=False):
        referral = ReferralFactory(sender_organisation=library)
        services.add_note(referral, "Gebeld", user=specialist)
        services.issue_partner_link(referral, "partner@welzijn.example")
    if close_at is not None:
        with time_machine.travel(close_at, tick=False):
            services.close_referral(referral, outcome, "Reden", user=specialist)
    return referral


def _has_personal_data(referral) -> bool:
    referral.refresh_from_db()
    ref = f"referral:{referral.id}"
    return any(
        [
            ReferralPerson.objects.filter(referral=referral).exists(),
            ReferralNote.objects.filter(referral=referral).exists(),
            PartnerLink.objects.filter(referral=referral).exists(),
            OutboxMessage.objects.filter(reference=ref).exists(),
            Notification.objects.filter(reference=ref).exists(),
            bool(referral.question),
        ]
    )


@override_settings(REFERRAL_RETENTION_DAYS=90, REFERRAL_STALE_DAYS=365)
def test_erases_exactly_the_expired_ones():
    library = OrganisationFactory()
    specialist = staff_user(library, Role.SPECIALIST)
    closed_long_ago = _with_everything(library, specialist, close_at=START + timedelta(days=1))
    closed_recently = _with_everything(library, specialist, close_at=START + timedelta(days=30))
    still_open = _with_everything(library, specialist)
    # Keep the open one active: an event 200 days after START.
    with time_machine.travel(START + timedelta(days=200), tick=False):
        services.change_status(still_open, Status.CONTACTED, user=specialist)
    forgotten = _with_everything(library, specialist)

    # 100 days after START: 99 days after the first closing, 70 after the second.
    with time_machine.travel(START + timedelta(days=100), tick=False):
        assert services.erase_expired_personal_data() == 1
    assert not _has_personal_data(closed_long_ago)
    for referral in (closed_recently, still_open, forgotten):
        assert _has_personal_data(referral)

    # The anonymous record stays, with its history and a log of the erasure.
    closed_long_ago.refresh_from_db()
    assert closed_long_ago.status == Status.CLOSED
    assert closed_long_ago.outcome == Outcome.HELPED
    assert closed_long_ago.outcome_reason == ""
    assert closed_long_ago.receiver_organisation == library
    assert closed_long_ago.personal_data_erased_at == START + timedelta(days=100)
    erased = closed_long_ago.events.get(kind=EventKind.PERSON_ERASED)
    assert erased.actor is None and erased.actor_label == services.RETENTION_ACTOR
    assert PersonalDataAccess.objects.filter(
        referral=closed_long_ago, action=PersonalDataAccess.Action.ERASE
    ).exists()

    # Exactly on the boundary nothing more happens; a day later the second one goes.
    with time_machine.travel(START + timedelta(days=120), tick=False):
        assert services.erase_expired_personal_data() == 0
    with time_machine.travel(START + timedelta(days=121, minutes=1), tick=False):
        assert services.erase_expired_personal_data() == 1
    assert not _has_personal_data(closed_recently)
    assert _has_personal_data(still_open) and _has_personal_data(forgotten)

    # A year without activity: the forgotten open referral loses its data, the active one
    # (last event on day 200) keeps it; both stay open.
    with time_machine.travel(START + timedelta(days=366), tick=False):
        assert services.erase_expired_personal_data() == 1
    assert not _has_personal_data(forgotten)
    assert _has_personal_data(still_open)
    forgotten.refresh_from_db()
    assert forgotten.status == Status.NEW

    # Running again erases nothing twice.
    events = ReferralEvent.objects.count()
    with time_machine.travel(START + timedelta(days=367), tick=False):
        assert services.erase_expired_personal_data() == 0
    assert ReferralEvent.objects.count() == events
    assert Referral.objects.count() == 4


@override_settings(REFERRAL_RETENTION_DAYS=10)
def test_retention_days_come_from_the_settings():
    library = OrganisationFactory()
    specialist = staff_user(library, Role.SPECIALIST)
    referral = _with_everything(library, specialist, close_at=START)
    with time_machine.travel(START + timedelta(days=9), tick=False):
        assert services.erase_expired_personal_data() == 0
    with time_machine.travel(START + timedelta(days=11), tick=False):
        assert services.erase_expired_personal_data() == 1
    assert not _has_personal_data(referral)


def test_management_command():
    library = OrganisationFactory()
    specialist = staff_user(library, Role.SPECIALIST)
    referral = _with_everything(library, specialist, close_at=START)
    out = StringIO()
    with time_machine.travel(START + timedelta(days=200), tick=False):
        call_command("erase_referral_personal_data", stdout=out)
    assert "1 doorverwijzing" in out.getvalue()
    assert not _has_personal_data(referral)


@override_settings(REFERRAL_RETENTION_DAYS=90, REFERRAL_STALE_DAYS=365)
def test_the_worker_runs_retention_once_per_slot():
    """The worker runs the registered task through its django-q2 schedule
    (notifications.jobs.run_scheduled_task): the same erasure, once per schedule slot."""
    from ontwikkelplein.notifications import jobs
    from ontwikkelplein.notifications.models import ScheduledRun

    library = OrganisationFactory()
    specialist = staff_user(library, Role.SPECIALIST)
    closed = _with_everything(library, specialist, close_at=START + timedelta(days=1))
    with time_machine.travel(START + timedelta(days=100), tick=False):
        slot = datetime.now(AMS).isoformat()
        assert jobs.run_scheduled_task("referral_retention", slot=slot) == (
            "referral_retention: 1 referrals erased"
        )
        assert "skipped" in jobs.run_scheduled_task("referral_retention", slot=slot)
    assert not _has_personal_data(closed)
    assert ScheduledRun.objects.get(task="referral_retention").succeeded
