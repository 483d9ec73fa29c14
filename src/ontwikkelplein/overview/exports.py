"""The overview as a spreadsheet (CSV: one sheet; XLSX: the figures and the libraries). Hidden
counts stay hidden: a cell holds "<5" or "afgeschermd" as the page shows it."""

from django.utils.translation import gettext as _

from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.overview.selectors import COLUMNS, NAME_COLUMN, Overview


def figure_rows(result: Overview) -> list[list]:
    comparison = result.comparison
    rows = [
        [_("Onderdeel"), _("Cijfer"), comparison.current_label, comparison.previous_label or ""]
    ]
    for section in result.sections:
        for figure in section.figures:
            rows.append(
                [
                    section.title,
                    figure.label,
                    figure.export_value,
                    figure.previous_export_value if section.compared else "",
                ]
            )
    for label, cell in result.certified_by_role:
        rows.append([_("Gecertificeerde medewerkers per rol"), label, cell.export_value, ""])
    return rows


def library_rows(result: Overview) -> list[list]:
    header = [_("Bibliotheek"), *[str(label) for _key, label in COLUMNS]]
    rows = [header]
    for row in result.table:
        values = []
        for key, _label in COLUMNS:
            cell = row.cells[key]
            values.append(cell if isinstance(cell, str) else cell.export_value)
        rows.append([row.name, *values])
    return rows


def sheets(result: Overview) -> list[Sheet]:
    out = [Sheet(_("Overzicht"), figure_rows(result))]
    if result.table:
        out.append(Sheet(_("Bibliotheken"), library_rows(result), auto_filter=True))
    return out


__all__ = ["NAME_COLUMN", "sheets"]
