from pathlib import Path

from django.core.management.base import BaseCommand

from ontwikkelplein.places.services import (
    MUNICIPALITIES_FILE,
    PC4_FILE,
    load_municipalities,
    load_postcode_areas,
)


class Command(BaseCommand):
    help = (
        "Reload the PC4 postcode centroids (and the municipalities) from the open data files in "
        "places/data/. Safe to run again: existing rows are updated, none are duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=PC4_FILE, help="PC4 CSV file to load.")
        parser.add_argument(
            "--municipalities",
            type=Path,
            default=MUNICIPALITIES_FILE,
            help="Municipalities CSV file to load.",
        )

    def handle(self, *args, **options):
        areas = load_postcode_areas(path=options["file"])
        municipalities = load_municipalities(path=options["municipalities"])
        self.stdout.write(
            self.style.SUCCESS(
                f"{areas} postcode areas and {municipalities} municipalities loaded."
            )
        )
