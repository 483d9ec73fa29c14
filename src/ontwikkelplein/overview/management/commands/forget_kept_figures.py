"""Deletes kept overview figures: those of older versions (never read again), or with --all every
row (they are computed again when asked for)."""

from django.core.management.base import BaseCommand

from ontwikkelplein.overview import selectors
from ontwikkelplein.overview.models import KeptFigures


class Command(BaseCommand):
    help = "Delete kept overview figures of older versions (or all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="delete every kept row")

    def handle(self, *args, **options):
        rows = KeptFigures.objects.all()
        if not options["all"]:
            rows = rows.exclude(
                figure_set=selectors.FIGURE_SET, version=selectors.FIGURE_SET_VERSION
            )
        deleted, _by_model = rows.delete()
        self.stdout.write(f"{deleted} kept rows deleted")
