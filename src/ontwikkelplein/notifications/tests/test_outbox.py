"""The outbox: a mail server that refuses and later accepts loses nothing and sends each
message exactly once; attempts and back-off are recorded; given-up messages can be resent;
old sent messages are purged."""

import datetime
import smtplib

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.utils import timezone

from ontwikkelplein.notifications import services
from ontwikkelplein.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
FLAKY = "ontwikkelplein.notifications.tests.test_outbox.FlakyBackend"


class FlakyBackend(LocmemBackend):
    """Refuses while `down` is true (like an unreachable or refusing SMTP server)."""

    down = True
    error: type[Exception] = smtplib.SMTPException

    def send_messages(self, messages):
        if FlakyBackend.down:
            raise FlakyBackend.error("451 try again later")
        return super().send_messages(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = FLAKY
    FlakyBackend.down = True
    FlakyBackend.error = smtplib.SMTPException
    yield FlakyBackend
    FlakyBackend.down = True


def queue(n=1, **kwargs):
    return [
        services.queue_email(
            [f"inbox{i}@bieb.example"], f"Nieuwe doorverwijzing {i}", "Kijk in je inbox.", **kwargs
        )
        for i in range(n)
    ]


def test_a_queued_message_is_sent_with_the_configured_sender(settings):
    settings.DEFAULT_FROM_EMAIL = "Ontwikkelplein <noreply@bieb.example>"
    [message] = queue(html_body="<p>Kijk in je inbox.</p>")
    assert services.send_due_messages() == (1, 0)
    [sent] = mail.outbox
    assert sent.to == ["inbox0@bieb.example"]
    assert sent.from_email == "Ontwikkelplein <noreply@bieb.example>"
    assert sent.subject == "Nieuwe doorverwijzing 0"
    assert sent.alternatives[0][1] == "text/html"
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    # Nothing left to do: a second run sends nothing again.
    assert services.send_due_messages() == (0, 0)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("error", [smtplib.SMTPException, ConnectionRefusedError])
def test_a_refusing_server_loses_nothing_and_each_message_goes_once(flaky, error):
    flaky.error = error
    with time_machine.travel(START, tick=False) as clock:
        messages = queue(3)
        assert services.send_due_messages() == (0, 3)
        for message in messages:
            message.refresh_from_db()
            assert message.state == OutboxMessage.State.PENDING
            assert message.attempts == 1
            assert message.next_attempt_at == START + datetime.timedelta(minutes=1)
            assert error.__name__ in message.last_error
        assert mail.outbox == []

        # Not due yet: nothing is tried.
        clock.shift(datetime.timedelta(seconds=30))
        assert services.send_due_messages() == (0, 0)

        # Due, still down: the second failure waits 5 minutes.
        clock.shift(datetime.timedelta(seconds=30))
        assert services.send_due_messages() == (0, 3)
        messages[0].refresh_from_db()
        assert messages[0].attempts == 2
        assert messages[0].next_attempt_at == timezone.now() + datetime.timedelta(minutes=5)

        # The server is back.
        flaky.down = False
        clock.shift(datetime.timedelta(minutes=5))
        assert services.send_due_messages() == (3, 0)
        assert services.send_due_messages() == (0, 0)
        clock.shift(datetime.timedelta(hours=2))
        call_command("send_outbox")

    assert sorted(m.to[0] for m in mail.outbox) == [
        "inbox0@bieb.example",
        "inbox1@bieb.example",
        "inbox2@bieb.example",
    ]
    assert OutboxMessage.objects.filter(state=OutboxMessage.State.SENT, attempts=3).count() == 3


def test_back_off_grows_and_a_message_is_given_up_after_the_last_attempt(flaky, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 5
    waits = []
    with time_machine.travel(START, tick=False) as clock:
        [message] = queue()
        for _attempt in range(5):
            before = timezone.now()
            assert services.send_due_messages() == (0, 1)
            message.refresh_from_db()
            if message.state == OutboxMessage.State.PENDING:
                waits.append(message.next_attempt_at - before)
                clock.move_to(message.next_attempt_at)
    assert [w.total_seconds() / 60 for w in waits] == [1, 5, 15, 60]
    assert message.state == OutboxMessage.State.FAILED
    assert message.attempts == 5
    # Given up: later runs leave it alone, even when the server is back.
    flaky.down = False
    assert services.send_due_messages() == (0, 0)

    # The admin's resend action queues it again.
    assert services.resend(OutboxMessage.objects.filter(pk=message.pk)) == 1
    assert services.send_due_messages() == (1, 0)
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert len(mail.outbox) == 1


def test_backoff_is_capped():
    assert services.backoff(1) == datetime.timedelta(minutes=1)
    assert services.backoff(6) == services.backoff(60) == datetime.timedelta(hours=12)


def test_a_message_is_sent_right_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [message] = queue()
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT


def test_a_failure_right_after_commit_leaves_it_queued(flaky, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [message] = queue()  # no exception reaches the caller
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.PENDING
    assert message.attempts == 1
    flaky.down = False
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert services.send_due_messages() == (1, 0)
    assert len(mail.outbox) == 1


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError
    assert callbacks == []
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_limit_sends_at_most_that_many():
    queue(3)
    assert services.send_due_messages(limit=2) == (2, 0)
    assert OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING).count() == 1


def test_sent_and_given_up_messages_are_purged_after_30_days():
    with time_machine.travel(START, tick=False):
        old_sent, old_failed, old_pending = queue(3)
        services.send_message(old_sent.pk)
        OutboxMessage.objects.filter(pk=old_failed.pk).update(state=OutboxMessage.State.FAILED)
        OutboxMessage.objects.filter(pk=old_pending.pk).update(
            next_attempt_at=START + datetime.timedelta(days=60)
        )
    with time_machine.travel(START + datetime.timedelta(days=29), tick=False):
        [recent] = queue()
        services.send_message(recent.pk)
        assert services.purge_old_messages() == 0
    with time_machine.travel(START + datetime.timedelta(days=31), tick=False):
        assert services.purge_old_messages() == 2
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {old_pending.pk, recent.pk}


def test_erasing_a_reference_deletes_its_messages_only():
    queue(reference="referral:1")
    queue(reference="referral:2")
    assert services.erase_reference("referral:1") == 1
    assert list(OutboxMessage.objects.values_list("reference", flat=True)) == ["referral:2"]


class SlowBackend(LocmemBackend):
    """Takes a moment per message, so concurrent workers overlap."""

    def send_messages(self, messages):
        import time

        time.sleep(0.02)
        return super().send_messages(messages)


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="row locks with SKIP LOCKED need PostgreSQL; SQLite has one writer",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_send_each_message_once(settings):
    import threading

    from django.db import connections

    settings.OUTBOX_SEND_ON_COMMIT = False
    settings.EMAIL_BACKEND = "ontwikkelplein.notifications.tests.test_outbox.SlowBackend"
    queue(20)
    results = []

    def worker():
        try:
            results.append(services.send_due_messages())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(sent for sent, _failed in results) == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"inbox{i}@bieb.example" for i in range(20)
    )
    assert OutboxMessage.objects.filter(state=OutboxMessage.State.SENT, attempts=1).count() == 20
