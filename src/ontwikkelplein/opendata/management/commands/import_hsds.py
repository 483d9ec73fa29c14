"""manage.py import_hsds PATH: import HSDS 3.1 JSON or a tabular datapackage (folder or zip).
See docs/hsds-import.md."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.importer import MAX_FILE_BYTES
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.organisations.models import Organisation

PHASES = {"check": "Controleren", "save": "Opslaan"}


class Command(BaseCommand):
    help = "Importeer HSDS 3.1 (JSON, of een datapakket met CSV-bestanden als map of zip)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Een JSON-bestand, een zip-bestand of een map.")
        parser.add_argument(
            "--organisation",
            help="Importeer alles voor deze organisatie (naam), "
            "niet voor de organisaties in het bestand.",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publiceer actief aanbod meteen."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren; er wordt niets opgeslagen."
        )
        parser.add_argument(
            "--max-mb",
            type=int,
            default=MAX_FILE_BYTES // 1024 // 1024,
            help="Grootste toegestane bestand in MB (standaard %(default)s).",
        )

    def handle(self, path, organisation=None, publish=False, dry_run=False, max_mb=20, **options):
        target = None
        if organisation:
            target = Organisation.objects.filter(name__iexact=organisation).first()
            if target is None:
                raise CommandError(f"Onbekende organisatie: {organisation}")
        bars = {}
        quiet = options.get("verbosity", 1) == 0

        def progress(phase, done, total):
            if quiet:
                return
            bar = bars.get(phase)
            if bar is None:
                bar = bars[phase] = tqdm(
                    total=total, desc=PHASES.get(phase, phase), unit="rec", file=self.stderr._out
                )
            bar.update(done - bar.n)

        try:
            run = services.import_path(
                path,
                organisation=target,
                publish=publish,
                dry_run=dry_run,
                progress=progress,
                max_bytes=max_mb * 1024 * 1024,
            )
        finally:
            for bar in bars.values():
                bar.close()
        for warning in run.warnings:
            self.stdout.write(self.style.WARNING(f"let op: {_line(warning)}"))
        if run.status != ImportStatus.DONE:
            for error in run.errors:
                self.stderr.write(f"fout: {_line(error)}")
            raise CommandError(f"Niets opgeslagen: {len(run.errors)} fout(en).")
        what = "Gecontroleerd (er is niets opgeslagen)" if dry_run else "Geïmporteerd"
        self.stdout.write(
            self.style.SUCCESS(
                f"{what}: {run.created} nieuw, {run.changed} gewijzigd, "
                f"{run.unchanged} ongewijzigd."
            )
        )


def _line(problem: dict) -> str:
    record = " ".join(
        part
        for part in (
            problem.get("type_label"),
            problem.get("record_id"),
            _quoted(problem.get("record_name")),
        )
        if part
    )
    return f"{record} – {problem.get('field')}: {problem.get('message')}"


def _quoted(name):
    return f"“{name}”" if name else ""
