"""Reading a file of open public figures (manage.py load_public_figures, docs/community.md,
"Openbare cijfers"). Every line is checked first; when one is wrong nothing is stored and every
wrong line is reported in Dutch.

The file: UTF-8 CSV with a header and the columns `gemeente` (CBS code GM0307, or 307),
`cijfer` (an Indicator value, e.g. laaggeletterdheid), `jaar` and `waarde` (a percentage from
0 to 100, with a decimal comma or point); `;` or `,` between fields."""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from ontwikkelplein.needs.models import Indicator, PublicFigure
from ontwikkelplein.places.models import Municipality

COLUMNS = ("gemeente", "cijfer", "jaar", "waarde")
MAX_LINES = 20_000


class LoadError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Line:
    municipality: Municipality
    indicator: str
    year: int
    value: Decimal


def municipality_code(value: str) -> str:
    text = (value or "").strip().upper()
    match = re.fullmatch(r"(?:GM)?(\d{1,4})", text)
    return f"GM{int(match.group(1)):04d}" if match else ""


def parse(content: bytes) -> list[Line]:
    """The lines of the file, or LoadError with every problem (in Dutch)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LoadError(["Het bestand is geen UTF-8-tekst."]) from None
    if not text.strip():
        raise LoadError(["Het bestand is leeg."])
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise LoadError([f"Het bestand is geen geldig CSV-bestand ({error})."]) from None
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise LoadError(
            [
                "Regel 1: de kolommen "
                + ", ".join(missing)
                + " ontbreken. De eerste regel is: gemeente;cijfer;jaar;waarde."
            ]
        )
    if len(rows) - 1 > MAX_LINES:
        raise LoadError([f"Het bestand heeft meer dan {MAX_LINES} regels."])
    index = {name: header.index(name) for name in COLUMNS}
    municipalities = {m.code: m for m in Municipality.objects.all()}
    problems, lines, seen = [], [], set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            problems.append(f"Regel {number}: er ontbreken velden.")
            continue
        cells = {name: row[i].strip() for name, i in index.items()}
        line_problems = []
        code = municipality_code(cells["gemeente"])
        municipality = municipalities.get(code)
        if municipality is None:
            line_problems.append(f"gemeente ‘{cells['gemeente'][:20]}’ kennen we niet")
        indicator = cells["cijfer"].lower()
        if indicator not in Indicator.values:
            line_problems.append(
                f"cijfer ‘{cells['cijfer'][:40]}’ kennen we niet (kies uit "
                + ", ".join(Indicator.values)
                + ")"
            )
        year = int(cells["jaar"]) if cells["jaar"].isdigit() else None
        if year is None or not 1990 <= year <= 2100:
            line_problems.append("jaar is geen jaartal tussen 1990 en 2100")
        try:
            value = Decimal(cells["waarde"].replace(",", "."))
            if not value.is_finite() or not 0 <= value <= 100:
                raise InvalidOperation
            value = value.quantize(Decimal("0.1"))
        except (InvalidOperation, ValueError):
            value = None
            line_problems.append("waarde is geen percentage van 0 tot 100")
        key = (code, indicator, year)
        if not line_problems and key in seen:
            line_problems.append("deze gemeente, dit cijfer en dit jaar staan er al eerder in")
        seen.add(key)
        if line_problems:
            problems.append(f"Regel {number}: " + "; ".join(line_problems) + ".")
            continue
        lines.append(Line(municipality, indicator, year, value))
    if problems:
        raise LoadError(problems)
    if not lines:
        raise LoadError(["Het bestand heeft geen regels met cijfers."])
    return lines


def load(content: bytes, *, source: str, licence: str) -> int:
    """Stores every line (a municipality, figure and year already loaded is replaced) in one
    transaction; LoadError and nothing changed when anything is wrong."""
    source, licence = (source or "").strip(), (licence or "").strip()
    problems = []
    if not source:
        problems.append("Geef de bron op (--source), die staat naast elk cijfer.")
    if not licence:
        problems.append("Geef de licentie op (--licence), bijvoorbeeld CC BY 4.0.")
    if len(source) > 300 or len(licence) > 100:
        problems.append("De bron is hoogstens 300 en de licentie hoogstens 100 tekens lang.")
    if problems:
        raise LoadError(problems)
    lines = parse(content)
    with transaction.atomic():
        for line in lines:
            PublicFigure.objects.update_or_create(
                municipality=line.municipality,
                indicator=line.indicator,
                year=line.year,
                defaults={"value": line.value, "source": source, "licence": licence},
            )
    return len(lines)
