"""Every scheduled task of the site, in one command for cron or a systemd timer (every 5 minutes
is fine; each task is cheap when there is nothing to do, and safe to repeat):

1. send the due e-mail of the outbox (retried with back-off);
2. erase the personal data of referrals past their retention period;
3. delete sent e-mail older than 30 days (it holds addresses).

It lives in the referrals app because that app may import both notifications and referrals
(docs/architecture.md); notifications itself knows nothing of referrals. One failing task does
not stop the others; the command then exits with an error so the scheduler reports it.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.referrals import services as referrals

logger = logging.getLogger(__name__)


def _send_outbox() -> str:
    sent, failed = notifications.send_due_messages()
    return f"{sent} sent, {failed} failed"


def _erase_expired() -> str:
    return f"{referrals.erase_expired_personal_data()} referrals erased"


def _purge_outbox() -> str:
    return f"{notifications.purge_old_messages()} old messages deleted"


TASKS = [
    ("send_outbox", _send_outbox),
    ("erase_expired_personal_data", _erase_expired),
    ("purge_outbox", _purge_outbox),
]


class Command(BaseCommand):
    help = "Run the scheduled tasks: send the outbox, erase expired personal data, purge old mail."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            choices=[name for name, _task in TASKS],
            action="append",
            help="Run only this task (may be given more than once).",
        )

    def handle(self, *args, only=None, **options):
        failed = []
        for name, task in TASKS:
            if only and name not in only:
                continue
            try:
                result = task()
            except Exception as error:
                logger.exception("Scheduled task %s failed", name)
                self.stderr.write(f"{name}: FAILED ({type(error).__name__}: {error})")
                failed.append(name)
            else:
                self.stdout.write(f"{name}: {result}")
        if failed:
            raise CommandError("failed: " + ", ".join(failed))
