"""The notifications app's public face: queue e-mail, notify staff, erase by reference."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from ontwikkelplein.notifications.models import Notification, OutboxMessage


@transaction.atomic
def queue_email(
    to: str | Iterable[str], subject: str, body: str, *, html_body: str = "", reference: str = ""
) -> OutboxMessage:
    """Store a message in the outbox; `send_outbox` delivers it (and retries on failure)."""
    recipients = [to] if isinstance(to, str) else list(to)
    return OutboxMessage.objects.create(
        to=recipients,
        subject=subject[:200],
        body=body,
        html_body=html_body,
        reference=reference,
        next_attempt_at=timezone.now(),
    )


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


@transaction.atomic
def erase_reference(reference: str) -> int:
    """Delete every outbox message and notification about one record (AVG erasure)."""
    messages, _ = OutboxMessage.objects.filter(reference=reference).delete()
    notes, _ = Notification.objects.filter(reference=reference).delete()
    return messages + notes
