"""CSV and XLSX downloads of impact results: the same aggregates as the screen, one row per item.
There is no column for a card, a code, a response or a date: nothing per respondent. Hidden
shares are written as "<5", never as numbers."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ontwikkelplein.impact.selectors import SetResult

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value):
    """A spreadsheet would run a cell starting with = + - @ as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def result_rows(label: str, set_results: list[SetResult]) -> list[list]:
    rows = [
        [
            _("Groep"),
            _("Vragenlijst"),
            _("Soort vraag"),
            _("Vraag"),
            _("Ingevuld voor"),
            _("Ingevuld na"),
            _("Paren voor en na"),
            _("Ja voor"),
            _("Ja na"),
            _("Ja voor (paren)"),
            _("Ja na (paren)"),
            _("Vooruitgegaan (paren)"),
        ]
    ]
    for result in set_results:
        for item in result.items:
            rows.append(
                [
                    label,
                    result.question_set.name,
                    item.kind_label,
                    item.question.text,
                    result.count_display("before"),
                    result.count_display("after"),
                    result.count_display("pairs"),
                    item.before.display,
                    item.after.display,
                    item.pair_before.display,
                    item.pair_after.display,
                    item.improved.display,
                ]
            )
    return rows


def as_csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_text(v) for v in row])
    return buffer.getvalue()


def as_xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Impact")[:31]
    for row in rows:
        sheet.append([safe_text(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["D"].width = 50
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
