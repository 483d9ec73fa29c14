"""Downloads of the reach figures, written by core/tabular.py (CSV for Dutch Excel, XLSX with
real numbers). Only aggregates: no names, no codes, nothing per participant. Hidden groups are
written as the text the screen shows ("<5"), never as numbers. Also the participants chart."""

from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.charts import Chart, simple_chart
from ontwikkelplein.core.figures.vocabulary import SMALL_TEXT
from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.courses.selectors import Reach, ReachRow


def _value(value, hidden: bool):
    if hidden and value in (None, 0):
        return SMALL_TEXT
    return value


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


def reach_sheets(reach: Reach) -> list[Sheet]:
    return [Sheet(_("Bereik"), reach_rows(reach))]


def participants_chart(rows) -> Chart:
    """One bar per row (ReachRow) for its participants; a hidden group gets "<5" and no bar."""
    return simple_chart(
        [
            (row.label, 0 if row.hidden else (row.participants or 0), row.display_participants)
            for row in rows
        ],
        _("Deelnemers"),
    )
