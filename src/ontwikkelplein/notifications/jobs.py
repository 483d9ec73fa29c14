"""What the worker runs for the notifications app (docs/background-work.md): the first attempt
to send a queued e-mail, and every scheduled task of the registry (scheduled.py), once per slot."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ontwikkelplein.notifications import scheduled, services
from ontwikkelplein.notifications.models import ScheduledRun

logger = logging.getLogger(__name__)

KEEP_RUNS = datetime.timedelta(days=30)


def send_message(message_id: str) -> str:
    """The first attempt, queued right after the commit that stored the message. A failure is
    the outbox's own business (back-off, then `send_outbox` every minute), not the queue's."""
    result = services.send_message(message_id)
    return {None: "not due or already sent", True: "sent", False: "failed, will be retried"}[result]


def run_scheduled_task(name: str, slot: str | None = None) -> str:
    """Run the registered task `name` for the schedule slot `slot` (an ISO date-time, passed by
    django-q2's scheduler as the intended date), unless that slot has run already."""
    task = scheduled.get(name)
    if task is None:
        raise LookupError(f"No scheduled task {name!r} (run manage.py setup_schedules)")
    slot_time = (parse_datetime(slot) if slot else None) or timezone.now()
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(task=name, slot=slot_time)
    except IntegrityError:
        logger.info("Scheduled task %s for %s has run already; skipped", name, slot_time)
        return f"{name}: skipped, slot {slot_time.isoformat()} has run already"
    try:
        result = task.func()
    except Exception as error:
        ScheduledRun.objects.filter(pk=run.pk).update(
            finished_at=timezone.now(),
            succeeded=False,
            result=f"{type(error).__name__}: {error}"[:500],
        )
        raise
    ScheduledRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(), succeeded=True, result=str(result)[:500]
    )
    ScheduledRun.objects.filter(task=name, slot__lt=timezone.now() - KEEP_RUNS).delete()
    return f"{name}: {result}"
