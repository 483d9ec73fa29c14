"""Rebuild the search index of published offers, e.g. after restoring a backup or a bulk import
that bypassed the services (which keep the index current one offer at a time)."""

from django.core.management.base import BaseCommand

from ontwikkelplein.catalogue.search import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index of published offers."

    def handle(self, *args, **options):
        indexed = rebuild_index()
        self.stdout.write(f"{indexed} offers indexed.")
