"""Add the phrases of the national needs vocabulary (catalogue/reference_data.py) that this
install does not have yet, e.g. after an upgrade that brought new ones. A phrase the KB already
has (by language and words), changed or switched off, is left as it is; a phrase the KB deleted
comes back, so run it on purpose. A fresh install has the set from a data migration."""

from django.core.management.base import BaseCommand

from ontwikkelplein.catalogue.services import seed_national_need_phrases


class Command(BaseCommand):
    help = "Add the national needs vocabulary phrases that are missing; changes nothing else."

    def handle(self, *args, **options):
        added = seed_national_need_phrases()
        self.stdout.write(f"{added} phrases added to the needs vocabulary.")
