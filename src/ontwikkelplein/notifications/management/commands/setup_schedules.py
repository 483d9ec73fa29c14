"""Create or update the worker's django-q2 schedules from the registry of scheduled tasks
(notifications/scheduled.py). `migrate` does this too (a post_migrate handler); safe to repeat."""

from django.core.management.base import BaseCommand

from ontwikkelplein.notifications import services


class Command(BaseCommand):
    help = "Create or update the schedules of the background worker (django-q2)."

    def handle(self, *args, **options):
        counts = services.setup_schedules()
        self.stdout.write(
            "schedules: {created} created, {updated} updated, {unchanged} unchanged, "
            "{deleted} deleted".format(**counts)
        )
