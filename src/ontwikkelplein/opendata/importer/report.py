"""What an import run is given (ImportOptions) and what it gives back (ImportReport): per
record its outcome, and the problems found, each naming the record, field and reason in Dutch."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ontwikkelplein.opendata.importer.rules import Problem
from ontwikkelplein.organisations.models import Organisation

Progress = Callable[[str, int, int], None]
CHUNK = 500  # records per progress report, and services per write batch
MAX_RECORDS_LISTED = 1000  # the report lists the first ones; the counters count them all


@dataclass
class ImportOptions:
    user: object = None  # None: the command line, run by an operator of the installation
    organisation: Organisation | None = None  # import everything for this organisation
    publish: bool = False
    dry_run: bool = False
    progress: Progress | None = None


@dataclass
class ImportReport:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)  # type, id, name, outcome
    counts: Counter = field(default_factory=Counter)
    total: int = 0
    dry_run: bool = False
    # Likely duplicates (importer.duplicates): ours, imported_id, imported_title, score
    duplicates: list[dict] = field(default_factory=list)
    raw_ids: dict = field(default_factory=dict)  # our uuid -> the id in the file (importer.ids)

    @property
    def ok(self) -> bool:
        return not self.errors


def conflict_message(kind: str) -> str:
    """An id in the file that belongs to a record of another organisation: a conflict, reported
    without saying whose record it is (that would tell an importer who owns an id)."""
    messages = {
        "service": _(
            "Conflict: deze id hoort bij aanbod van een andere organisatie. Er is niets "
            "veranderd. Geef het aanbod een eigen id."
        ),
        "location": _(
            "Conflict: deze id hoort bij een locatie van een andere organisatie. Er is niets "
            "veranderd. Geef de locatie een eigen id."
        ),
        "organization": _(
            "Conflict: deze id hoort bij een organisatie waarvoor je niet mag importeren. Er is "
            "niets veranderd."
        ),
    }
    return messages[kind]
