"""Load open public figures per municipality from a CSV file (docs/community.md, "Openbare
cijfers"; the format in needs/loader.py and needs/data/README.md):
`manage.py load_public_figures FILE --source "…" --licence "…"`. Every line is checked first;
when one is wrong nothing is stored and every wrong line is reported."""

from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.needs.loader import LoadError, load


class Command(BaseCommand):
    help = "Load open public figures per municipality (CSV: gemeente;cijfer;jaar;waarde)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--source",
            required=True,
            help='Where the figures come from, shown beside them, e.g. "Stichting Lezen & '
            'Schrijven, laaggeletterdheid per gemeente, gedownload op 2026-01-15".',
        )
        parser.add_argument("--licence", required=True, help='The licence, e.g. "CC BY 4.0".')

    def handle(self, *args, file, source, licence, **options):
        try:
            with open(file, "rb") as handle:
                content = handle.read()
        except OSError as error:
            raise CommandError(f"Het bestand {file} is niet te lezen: {error}") from error
        try:
            count = load(content, source=source, licence=licence)
        except LoadError as error:
            raise CommandError(
                "Niets geladen. Verbeter het bestand:\n" + "\n".join(error.problems)
            ) from error
        self.stdout.write(f"{count} cijfers geladen.")
