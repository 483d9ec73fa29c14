"""Tabular downloads (CSV and XLSX) for every app, with one formula guard and Dutch conventions.

- CSV: UTF-8 with a byte-order mark, `;` between fields and a decimal comma, so Dutch Excel opens
  the file as it is and reads numbers as numbers; dates as 06-12-2026.
- XLSX (openpyxl): numbers are numbers and dates are dates (shown as 06-12-2026), never text.
- The formula guard: a text cell that starts with = + - @ (or a tab or carriage return) would be
  run as a formula by a spreadsheet; it gets a leading apostrophe. Numbers are never touched.

Rows are lists of plain values: str, int, float, Decimal, date, datetime, bool or None."""

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}
FORMATS = tuple(CONTENT_TYPES)

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

DATE_PATTERN = "%d-%m-%Y"
DATETIME_PATTERN = "%d-%m-%Y %H:%M"
XLSX_DATE_FORMAT = "dd-mm-yyyy"
XLSX_DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
XLSX_DECIMAL_FORMAT = "#,##0.00"


def safe_text(value):
    """The formula guard: text that a spreadsheet would run as a formula starts with an
    apostrophe instead. Anything that is not text is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _local(value: datetime.datetime) -> datetime.datetime:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def csv_value(value) -> str:
    """One value as Dutch Excel reads it: 1234 → "1234", 66.7 → "66,7", a date → "06-12-2026"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        text = format(Decimal(str(value)) if isinstance(value, float) else value, "f")
        return text.replace(".", ",")
    if isinstance(value, datetime.datetime):
        return _local(value).strftime(DATETIME_PATTERN)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_PATTERN)
    return safe_text(str(value))


def to_csv(rows: list[list]) -> str:
    """The rows as CSV text (starting with the byte-order mark)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return buffer.getvalue()


@dataclass
class Sheet:
    """One sheet of a workbook: a title (at most 31 characters are kept) and rows, header first."""

    title: str
    rows: list[list]
    header: bool = True
    auto_filter: bool = False  # a filter button on every column of the header


def _xlsx_value(value):
    if isinstance(value, bool):
        return (_("ja") if value else _("nee")), None
    if isinstance(value, Decimal):
        return float(value), XLSX_DECIMAL_FORMAT
    if isinstance(value, datetime.datetime):
        return _local(value), XLSX_DATETIME_FORMAT
    if isinstance(value, datetime.date):
        return value, XLSX_DATE_FORMAT
    if isinstance(value, int | float) or value is None:
        return value, None
    return safe_text(str(value)), None


def to_xlsx(sheets: list[Sheet]) -> bytes:
    """A workbook with one sheet per Sheet: bold frozen header, columns wide enough to read."""
    workbook = Workbook()
    for index, spec in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = (spec.title or _("Blad"))[:31]
        widths: dict[int, int] = defaultdict(int)
        for row_number, row in enumerate(spec.rows, start=1):
            for column, raw in enumerate(row, start=1):
                value, number_format = _xlsx_value(raw)
                cell = sheet.cell(row=row_number, column=column, value=value)
                if number_format:
                    cell.number_format = number_format
                if row_number == 1 and spec.header:
                    cell.font = Font(bold=True)
                widths[column] = max(widths[column], len(csv_value(raw)))
        if spec.header and spec.rows:
            sheet.freeze_panes = "A2"
            if spec.auto_filter:
                sheet.auto_filter.ref = sheet.dimensions
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(fmt: str, file_name: str, sheets: list[Sheet]) -> HttpResponse:
    """A download response: the first sheet as CSV (one table per file), or every sheet as XLSX.
    `file_name` is without extension."""
    if fmt not in CONTENT_TYPES:
        fmt = "csv"
    content = to_csv(sheets[0].rows) if fmt == "csv" else to_xlsx(sheets)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name}.{fmt}"'
    return response
