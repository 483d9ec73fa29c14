"""The notifications app's public face: queue e-mail, deliver the outbox, notify staff, mark
notifications read, erase by reference.

Delivery is at least once and, in practice, exactly once: a message is claimed with a row lock
(skipped by other workers on PostgreSQL), sent, and marked sent in the same transaction. Only a
crash between the mail server's "accepted" and the commit would send it twice.
"""

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from ontwikkelplein.notifications.models import Notification, OutboxMessage

logger = logging.getLogger(__name__)

# Minutes to wait after the 1st, 2nd, 3rd ... failed attempt; the last step repeats.
BACKOFF_MINUTES = (1, 5, 15, 60, 240, 720)
# After this many failed attempts (about 30 hours with the steps above) a message is given up
# ("failed") and waits for someone to resend it from the admin.
DEFAULT_MAX_ATTEMPTS = 8
# Sent (and given-up) messages hold e-mail addresses: they are deleted after this many days.
DEFAULT_KEEP_DAYS = 30


def max_attempts() -> int:
    return int(getattr(settings, "OUTBOX_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))


def backoff(attempts: int) -> datetime.timedelta:
    """The wait after the `attempts`-th failed attempt (1-based)."""
    step = BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1]
    return datetime.timedelta(minutes=step)


def secret_placeholder(name: str) -> str:
    return "{{secret:" + name + "}}"


@transaction.atomic
def queue_email(
    to: str | Iterable[str],
    subject: str,
    body: str,
    *,
    html_body: str = "",
    reference: str = "",
    secrets: dict[str, str] | None = None,
) -> OutboxMessage:
    """Store a message in the outbox; right after the surrounding transaction commits, a worker
    job makes the first attempt, and else (mail server down) `send_outbox` retries with
    back-off.

    `secrets` ({name: value}, e.g. a link's token) are values the mail carries but the stored
    message should not keep readable: every occurrence in the subject and bodies is stored as a
    placeholder, the value is kept beside it only until the mail is sent, and filled in then."""
    recipients = [to] if isinstance(to, str) else list(to)
    secrets = {name: value for name, value in (secrets or {}).items() if value}
    for name, value in secrets.items():
        placeholder = secret_placeholder(name)
        subject = subject.replace(value, placeholder)
        body = body.replace(value, placeholder)
        html_body = html_body.replace(value, placeholder)
    message = OutboxMessage.objects.create(
        to=recipients,
        subject=subject[:200],
        body=body,
        html_body=html_body,
        reference=reference,
        secrets=secrets,
        next_attempt_at=timezone.now(),
    )
    if getattr(settings, "OUTBOX_SEND_ON_COMMIT", True):
        message_id = message.pk
        transaction.on_commit(lambda: _send_after_commit(message_id))
    return message


def _send_after_commit(message_id) -> None:
    # Runs after the caller's commit: the first attempt is a job for the worker, so no mail
    # server round trip happens inside a request. Whatever goes wrong here must not turn a
    # stored change into an error page: the message simply stays queued for `send_outbox`.
    from ontwikkelplein.core import jobs

    try:
        jobs.enqueue(
            "ontwikkelplein.notifications.jobs.send_message", str(message_id), max_attempts=1
        )
    except Exception:
        logger.exception("Queueing outbox message %s failed; it stays in the outbox", message_id)


def _claim(queryset, now) -> OutboxMessage | None:
    """The next due pending message, locked for this transaction. On PostgreSQL another worker
    skips it; SQLite has one writer at a time and ignores the lock."""
    return (
        queryset.select_for_update(skip_locked=True)
        .filter(state=OutboxMessage.State.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "created_at")
        .first()
    )


def _with_secrets(text: str, secrets: dict) -> str:
    for name, value in (secrets or {}).items():
        text = text.replace(secret_placeholder(name), value)
    return text


def compose(message: OutboxMessage) -> EmailMultiAlternatives:
    """The e-mail as it is sent: the stored message with its secrets filled in."""
    email = EmailMultiAlternatives(
        subject=_with_secrets(message.subject, message.secrets),
        body=_with_secrets(message.body, message.secrets),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
    )
    if message.html_body:
        email.attach_alternative(_with_secrets(message.html_body, message.secrets), "text/html")
    return email


def _deliver(message: OutboxMessage, now) -> bool:
    """Try to send one claimed message and record the result on it. True when sent."""
    email = compose(message)
    message.attempts += 1
    try:
        email.send(fail_silently=False)
    except Exception as error:  # SMTPException, ConnectionRefusedError, timeouts ...
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        if message.attempts >= max_attempts():
            message.state = OutboxMessage.State.FAILED
            logger.error(
                "Outbox message %s given up after %s attempts", message.pk, message.attempts
            )
        else:
            message.next_attempt_at = now + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])
        return False
    message.state = OutboxMessage.State.SENT
    message.sent_at = now
    message.secrets = {}  # sent: the stored message keeps only the placeholders
    message.save(update_fields=["attempts", "state", "sent_at", "secrets"])
    return True


def send_message(message_id, *, now=None) -> bool | None:
    """Send one message if it is pending and due. None when it was not (already sent, not due,
    or another worker has it), else whether it was sent."""
    now = now or timezone.now()
    with transaction.atomic():
        message = _claim(OutboxMessage.objects.filter(pk=message_id), now)
        if message is None:
            return None
        return _deliver(message, now)


def send_due_messages(*, now=None, limit: int | None = None) -> tuple[int, int]:
    """Send the due pending messages one by one, each in its own transaction, so one bad
    message or a crash half-way loses nothing. Returns (sent, failed attempts)."""
    now = now or timezone.now()
    sent = failed = 0
    while limit is None or sent + failed < limit:
        with transaction.atomic():
            message = _claim(OutboxMessage.objects.all(), now)
            if message is None:
                break
            if _deliver(message, now):
                sent += 1
            else:
                failed += 1
    return sent, failed


@transaction.atomic
def resend(messages: Iterable[OutboxMessage]) -> int:
    """Queue given-up (or any unsent) messages again, with a fresh count of attempts."""
    ids = [m.pk for m in messages]
    return (
        OutboxMessage.objects.filter(pk__in=ids)
        .exclude(state=OutboxMessage.State.SENT)
        .update(
            state=OutboxMessage.State.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
            last_error="",
        )
    )


@transaction.atomic
def purge_old_messages(*, now=None, days: int | None = None) -> int:
    """Delete sent messages, and given-up ones, older than `days` (default 30): they hold
    e-mail addresses and have done their work. Pending messages are never purged."""
    now = now or timezone.now()
    days = (
        days if days is not None else int(getattr(settings, "OUTBOX_KEEP_DAYS", DEFAULT_KEEP_DAYS))
    )
    cutoff = now - datetime.timedelta(days=days)
    sent, _ = OutboxMessage.objects.filter(
        state=OutboxMessage.State.SENT, sent_at__lt=cutoff
    ).delete()
    failed, _ = OutboxMessage.objects.filter(
        state=OutboxMessage.State.FAILED, created_at__lt=cutoff
    ).delete()
    return sent + failed


@transaction.atomic
def notify(users: Iterable, text: str, *, url: str = "", reference: str = "") -> list[Notification]:
    """An in-application notification for each user (deduplicated)."""
    seen = set()
    created = []
    for user in users:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        created.append(
            Notification.objects.create(user=user, text=text[:300], url=url, reference=reference)
        )
    return created


def mark_read(user, notification_id) -> bool:
    """Mark one of the user's own notifications read. False when it is not theirs (or gone)."""
    own = Notification.objects.filter(pk=notification_id, user=user)
    if not own.exists():
        return False
    own.filter(read_at__isnull=True).update(read_at=timezone.now())
    return True


def mark_all_read(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def erase_reference(reference: str) -> int:
    """Delete every outbox message and notification about one record (AVG erasure)."""
    messages, _ = OutboxMessage.objects.filter(reference=reference).delete()
    notes, _ = Notification.objects.filter(reference=reference).delete()
    return messages + notes


# --- The worker's schedules (docs/background-work.md) ---------------------------------------------

SCHEDULE_PREFIX = "ontwikkelplein:"
SCHEDULED_JOB = "ontwikkelplein.notifications.jobs.run_scheduled_task"
# A stable number for PostgreSQL's advisory lock around setup_schedules ("ONTW").
_SETUP_LOCK = 0x4F4E5457


@transaction.atomic
def setup_schedules(*, now=None) -> dict[str, int]:
    """Make the django-q2 schedules match the registry (scheduled.py): one schedule per task,
    every `every_minutes`, named "ontwikkelplein:<task>". Idempotent, run after every migrate
    (a post_migrate handler) and by `manage.py setup_schedules`; schedules of tasks no longer
    registered are deleted, others' schedules are left alone. A changed interval is taken over
    without moving the next run. Two nodes migrating at once: on PostgreSQL an advisory lock
    makes the second wait, on SQLite the write transaction does."""
    from django.db import connection
    from django_q.models import Schedule

    from ontwikkelplein.notifications import scheduled

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SETUP_LOCK])
    now = now or timezone.now()
    counts = {"created": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    wanted = {SCHEDULE_PREFIX + task.name: task for task in scheduled.tasks()}
    existing: dict[str, Schedule] = {}
    for schedule in Schedule.objects.filter(name__startswith=SCHEDULE_PREFIX).order_by("pk"):
        if schedule.name in wanted and schedule.name not in existing:
            existing[schedule.name] = schedule
        else:  # a task no longer registered, or a duplicate
            schedule.delete()
            counts["deleted"] += 1
    for name, task in wanted.items():
        fields = {
            "func": SCHEDULED_JOB,
            "args": repr(task.name),
            "kwargs": None,
            "schedule_type": Schedule.MINUTES,
            "minutes": task.every_minutes,
            "repeats": -1,
            "intended_date_kwarg": "slot",
            "cluster": None,
        }
        schedule = existing.get(name)
        if schedule is None:
            Schedule.objects.create(name=name, next_run=now, **fields)
            counts["created"] += 1
            continue
        changed = [key for key, value in fields.items() if getattr(schedule, key) != value]
        if changed:
            for key in changed:
                setattr(schedule, key, fields[key])
            schedule.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts
