from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.demo.services import DemoDataError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data: KB, POIs, six libraries with locations, partners, offers and one "
        "login per role (see docs/demo-data.md). Safe to run again; never use it in production."
    )

    def handle(self, *args, **options):
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
