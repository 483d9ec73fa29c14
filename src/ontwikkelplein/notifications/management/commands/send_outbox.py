"""Send the due messages of the e-mail outbox (run it every minute or so, or through
run_scheduled_tasks). Safe to run in several processes at once."""

from django.core.management.base import BaseCommand

from ontwikkelplein.notifications import services


class Command(BaseCommand):
    help = "Send due e-mail from the outbox, retrying failed messages with back-off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="Send at most this many messages."
        )

    def handle(self, *args, limit=None, **options):
        sent, failed = services.send_due_messages(limit=limit)
        self.stdout.write(f"outbox: {sent} sent, {failed} failed (will be retried or given up)")
