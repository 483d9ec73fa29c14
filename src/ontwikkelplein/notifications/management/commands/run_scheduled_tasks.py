"""Every scheduled task of the site, in one command for cron or a systemd timer (every 5 minutes
is fine; each task is cheap when there is nothing to do, and safe to repeat).

The tasks come from `notifications/scheduled.py`, where each app registers its own in
`AppConfig.ready()`: this app sends the outbox first and deletes old sent mail last; the referrals
app erases expired personal data, and so on. One failing task does not stop the others; the
command then exits with an error so the scheduler reports it.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.notifications import scheduled

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the scheduled tasks of every app (send the outbox, erase expired personal data ...)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            choices=[task.name for task in scheduled.tasks()],
            action="append",
            help="Run only this task (may be given more than once).",
        )

    def handle(self, *args, only=None, **options):
        failed = []
        for task in scheduled.tasks():
            if only and task.name not in only:
                continue
            try:
                result = task.func()
            except Exception as error:
                logger.exception("Scheduled task %s failed", task.name)
                self.stderr.write(f"{task.name}: FAILED ({type(error).__name__}: {error})")
                failed.append(task.name)
            else:
                self.stdout.write(f"{task.name}: {result}")
        if failed:
            raise CommandError("failed: " + ", ".join(failed))
