"""Load live births per municipality and year from a CSV file (docs/desk-knowledge.md,
"Births"): `manage.py load_births FILE --source "…"`.

The file has a header and the columns `code` (the CBS municipality code, GM0307, or 307),
`year` and `births`; `;` or `,` between fields. This is the shape of a CSV download of CBS
StatLine table 37230ned ("Bevolkingsontwikkeling; regio per maand", the measure "Levend
geboren kinderen") or 37201 ("Geboorte; kerncijfers vruchtbaarheid, leeftijd moeder, regio")
after keeping those three columns. Rows of an unknown municipality are reported and skipped; a
municipality and year already loaded is replaced."""

import csv
import re

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ontwikkelplein.boekstart.models import Births
from ontwikkelplein.places.models import Municipality


def municipality_code(value: str) -> str:
    text = (value or "").strip().upper()
    match = re.fullmatch(r"(?:GM)?(\d{1,4})", text)
    return f"GM{int(match.group(1)):04d}" if match else ""


class Command(BaseCommand):
    help = "Load live births per municipality and year (CSV: code;year;births)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--source",
            required=True,
            help='Where the numbers come from, shown beside them, e.g. "CBS StatLine 37230ned, '
            'CC BY 4.0, gedownload op 2026-01-15".',
        )

    def handle(self, *args, file, source, **options):
        municipalities = {m.code: m for m in Municipality.objects.all()}
        try:
            with open(file, newline="", encoding="utf-8-sig") as handle:
                sample = handle.read(2048)
                handle.seek(0)
                dialect = csv.Sniffer().sniff(sample, delimiters=";,")
                rows = list(csv.DictReader(handle, dialect=dialect))
        except (OSError, csv.Error, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        loaded, skipped = 0, []
        with transaction.atomic():
            for number, row in enumerate(rows, start=2):
                code = municipality_code(row.get("code", ""))
                try:
                    year = int(row.get("year", ""))
                    births = int(str(row.get("births", "")).replace(".", "").strip())
                except ValueError:
                    skipped.append(f"line {number}: year or births is not a whole number")
                    continue
                if code not in municipalities or not (1900 <= year <= 2100) or births < 0:
                    skipped.append(f"line {number}: unknown municipality or bad year/number")
                    continue
                Births.objects.update_or_create(
                    municipality=municipalities[code],
                    year=year,
                    defaults={"count": births, "source": source[:300]},
                )
                loaded += 1
        for line in skipped:
            self.stderr.write(line)
        self.stdout.write(f"Loaded {loaded} rows of births; skipped {len(skipped)}.")
