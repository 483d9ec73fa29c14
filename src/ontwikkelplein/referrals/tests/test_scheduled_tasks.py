"""run_scheduled_tasks: sends the outbox, erases expired referral data, purges old mail; one
failing task does not stop the others."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.referrals.models import (
    Outcome,
    ReceiverKind,
    Referral,
    ReferralPerson,
    Source,
    Status,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 3, 0, tzinfo=datetime.UTC)


def closed_referral(reference, closed_at):
    referral = Referral.objects.create(
        reference=reference,
        source=Source.STAFF,
        receiver_organisation=OrganisationFactory(),
        receiver_kind=ReceiverKind.COLLEAGUE,
        question="Hulp bij de belastingaangifte",
        first_contact_due=closed_at.date(),
        status=Status.CLOSED,
        outcome=Outcome.HELPED,
        closed_at=closed_at,
    )
    ReferralPerson.objects.create(
        referral=referral,
        name="Fatima de Vries",
        phone="0612345678",
        contact_preference="phone",
        consent_text="Ik geef toestemming.",
        consent_recorded_at=closed_at,
    )
    return referral


def test_all_tasks_run(settings, capsys):
    settings.REFERRAL_RETENTION_DAYS = 90
    expired = closed_referral("AAAABBBB", NOW - datetime.timedelta(days=91))
    kept = closed_referral("CCCCDDDD", NOW - datetime.timedelta(days=89))
    with time_machine.travel(NOW - datetime.timedelta(days=40), tick=False):
        old = notifications.queue_email("a@bieb.example", "Oud", "Tekst")
        notifications.send_due_messages()
    with time_machine.travel(NOW, tick=False):
        due = notifications.queue_email("b@bieb.example", "Nieuw", "Tekst")
        call_command("run_scheduled_tasks")
    out = capsys.readouterr().out
    assert "send_outbox: 1 sent" in out
    assert "referral_retention: 1 referrals erased" in out
    assert "purge_outbox: 1 old messages deleted" in out

    assert [m.subject for m in mail.outbox] == ["Oud", "Nieuw"]
    assert not OutboxMessage.objects.filter(pk=old.pk).exists()
    assert OutboxMessage.objects.get(pk=due.pk).state == OutboxMessage.State.SENT
    expired.refresh_from_db()
    kept.refresh_from_db()
    assert expired.personal_data_erased_at is not None
    assert not ReferralPerson.objects.filter(referral=expired).exists()
    assert kept.personal_data_erased_at is None
    assert ReferralPerson.objects.filter(referral=kept).exists()


def test_a_failing_task_does_not_stop_the_others(monkeypatch, settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    expired = closed_referral("EEEEFFFF", timezone.now() - datetime.timedelta(days=400))

    def broken(**kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(notifications, "send_due_messages", broken)
    with pytest.raises(CommandError, match="send_outbox"):
        call_command("run_scheduled_tasks")
    assert "send_outbox: FAILED" in capsys.readouterr().err
    expired.refresh_from_db()
    assert expired.personal_data_erased_at is not None


def test_only_one_task(capsys):
    expired = closed_referral("GGGGHHHH", timezone.now() - datetime.timedelta(days=400))
    call_command("run_scheduled_tasks", "--only", "send_outbox")
    assert "referral_retention" not in capsys.readouterr().out
    expired.refresh_from_db()
    assert expired.personal_data_erased_at is None
