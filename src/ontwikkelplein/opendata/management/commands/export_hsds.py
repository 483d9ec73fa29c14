"""manage.py export_hsds --format json|datapackage|csv|xlsx [--organisation NAME] OUTPUT

Writes the public catalogue (published offers that have not expired) to OUTPUT: as HSDS 3.1
JSON, as the HSDS tabular datapackage (a zip), or as CSV or XLSX with one row per offer-location.
See docs/exports.md."""

import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.opendata import exports
from ontwikkelplein.organisations.models import Organisation


class Command(BaseCommand):
    help = "Export the published catalogue as HSDS JSON, an HSDS datapackage, CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("output", help="The file to write ('-' for standard output).")
        parser.add_argument("--format", choices=exports.FORMATS, default="json")
        parser.add_argument(
            "--organisation", help="Only this organisation (its exact name, or its id)."
        )

    def handle(self, *args, output, format, organisation, **options):
        organisations = None
        if organisation:
            organisations = [self._organisation(organisation)]
        data = exports.export(format, organisations)
        if output == "-":
            if format in ("datapackage", "xlsx"):
                raise CommandError("A zip or xlsx file cannot go to standard output.")
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        path.write_bytes(data)
        self.stderr.write(f"Wrote {len(data)} bytes to {path} ({format}).")

    def _organisation(self, name: str) -> Organisation:
        found = Organisation.objects.filter(name=name).first()
        if found is None:
            matches = list(Organisation.objects.filter(name__iexact=name)[:2])
            if len(matches) == 1:
                found = matches[0]
        if found is None:
            try:
                found = Organisation.objects.filter(pk=uuid.UUID(name)).first()
            except ValueError:
                found = None
        if found is None:
            raise CommandError(f"No organisation named {name!r}.")
        return found
