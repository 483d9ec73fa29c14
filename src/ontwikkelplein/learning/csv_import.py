"""Reading the CSV export of the e-learning platform into rows for services.import_completions.
Only the file format is checked here (encoding, columns); the content is checked there."""

import csv
import io

from django.utils.translation import gettext as _

MAX_BYTES = 1_000_000
# Column names as exports write them, lower-cased; the first of each list is the canonical one.
COLUMNS = {
    "naam": ["naam", "deelnemer", "name", "e-mailadres", "e-mail", "email"],
    "module": ["module", "e-learning", "cursus", "onderdeel", "course"],
    "datum": ["datum", "afgerond op", "afgerond", "datum afgerond", "completed", "date"],
}


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError


def read_rows(uploaded) -> tuple[list[dict], list[str]]:
    """(rows, errors). Each row is {"line", "naam", "module", "datum"}; `line` is the line
    number in the file as a spreadsheet shows it (the header is line 1)."""
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return [], [_("Het bestand is te groot. Het mag hoogstens 1 MB zijn.")]
    try:
        text = _decode(data)
    except ValueError:
        return [], [_("Dit bestand kunnen we niet lezen. Sla het op als CSV (UTF-8).")]
    if not text.strip():
        return [], [_("Het bestand is leeg.")]
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().casefold() for cell in next(reader)]
    positions = {}
    for key, names in COLUMNS.items():
        for index, cell in enumerate(header):
            if cell in names:
                positions[key] = index
                break
    missing = [key for key in COLUMNS if key not in positions]
    if missing:
        return [], [
            _("De kolom “%(column)s” ontbreekt in de eerste regel.") % {"column": key}
            for key in missing
        ]
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = {"line": line}
        for key, index in positions.items():
            row[key] = cells[index].strip() if index < len(cells) else ""
        rows.append(row)
    if not rows:
        return [], [_("Het bestand heeft geen regels onder de kolomnamen.")]
    return rows, []
