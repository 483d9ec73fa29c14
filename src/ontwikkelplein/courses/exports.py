"""Downloads of the reach figures as CSV (UTF-8 with BOM, semicolons: Dutch Excel) and XLSX.
Only aggregates: no names, no codes, nothing per participant. Hidden groups are written as the
text the screen shows, never as numbers."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ontwikkelplein.courses.selectors import Reach, ReachRow

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell that starts with one of these as a formula (names are typed by people).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _value(value, hidden: bool):
    if hidden and value in (None, 0):
        return _("minder dan 5")
    return "" if value is None else value


def _row(level: str, row: ReachRow) -> list:
    return [
        level,
        row.label,
        _value(row.participants, row.hidden),
        _value(row.unique_people, row.hidden),
        row.sessions_held,
        row.visitors,
        _value(row.attendance_rate, row.hidden),
        _value(row.drop_out_rate, row.hidden),
    ]


def reach_rows(reach: Reach) -> list[list]:
    rows = [
        [
            _("Niveau"),
            _("Naam"),
            _("Deelnemers"),
            _("Unieke personen"),
            _("Bijeenkomsten gehouden"),
            _("Bezoekers vrije inloop"),
            _("Opkomst (%)"),
            _("Uitval (%)"),
        ]
    ]
    rows.append(_row(_("Totaal"), reach.total))
    rows.extend(_row(_("Organisatie"), row) for row in reach.per_organisation)
    rows.extend(_row(_("Uitvoering"), row) for row in reach.per_run)
    return rows


def reach_csv(reach: Reach) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in reach_rows(reach):
        writer.writerow([safe_text(v) for v in row])
    return buffer.getvalue()


def reach_xlsx(reach: Reach) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Bereik")[:31]
    for row in reach_rows(reach):
        sheet.append([safe_text(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
