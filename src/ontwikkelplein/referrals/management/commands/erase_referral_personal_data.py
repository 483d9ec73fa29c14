"""Erase the personal data of referrals past their retention period (run daily from cron, or
through run_scheduled_tasks). See docs/referrals.md, "Bewaartermijn"."""

from django.core.management.base import BaseCommand

from ontwikkelplein.referrals.services import erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Wist persoonsgegevens van doorverwijzingen die langer dan REFERRAL_RETENTION_DAYS "
        "afgerond zijn, of REFERRAL_STALE_DAYS zonder activiteit open staan."
    )

    def handle(self, *args, **options):
        count = erase_expired_personal_data()
        self.stdout.write(f"Persoonsgegevens gewist van {count} doorverwijzing(en).")
