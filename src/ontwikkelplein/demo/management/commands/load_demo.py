from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.demo.services import DemoDataError, load_demo
from ontwikkelplein.demo.verification import partner_links


class Command(BaseCommand):
    help = (
        "Load the demo data: KB, POIs, six libraries with locations, partners, offers and one "
        "login per role (see docs/demo-data.md). Safe to run again; never use it in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo data outside development too (a demonstration server).",
        )

    def handle(self, *args, **options):
        environment = getattr(settings, "ONTWIKKELPLEIN_ENVIRONMENT", "")
        if environment not in {"development", "test"} and not options["force"]:
            raise CommandError(
                "The demo data creates logins with a published password and loads only in "
                f"development (these settings: {environment or 'unknown'}). On a demonstration "
                "server, run it again with --force."
            )
        try:
            counts = load_demo()
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data loaded: {organisations} organisations, {locations} locations, "
                "{offers} offers ({published} published), {templates} offer templates, "
                "{users} demo logins, {contacts} new desk registrations, "
                "{referrals} new referrals.".format(**counts)
            )
        )
        # The partner pages have no login: their demo links (see demo/verification.py).
        for title, path in partner_links():
            self.stdout.write(f"Offer check link for '{title}': {settings.SITE_URL}{path}")
