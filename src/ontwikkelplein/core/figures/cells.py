"""Numbers as every figures page shows them, and the small-count rule.

A Cell is one count: exact, or hidden because it is small (1 to 4, shown as "<5") or because it
would give away a small one (complementary suppression, shown as "afgeschermd"). A Measure is a
count in this period and, when compared, in the previous one. A Breakdown is one table (and its
chart): rows of a dimension with one or more measures, optionally adding up to a total."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.vocabulary import SMALL_COUNT_LIMIT, SMALL_TEXT, derived_text


@dataclass
class Cell:
    value: int
    hidden: str = ""  # "", SMALL or DERIVED

    SMALL = "small"
    DERIVED = "derived"

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden)

    @property
    def display(self) -> str:
        if self.hidden == Cell.SMALL:
            return SMALL_TEXT
        if self.hidden == Cell.DERIVED:
            return derived_text()
        return formats.number_format(self.value, force_grouping=True)

    @property
    def export_value(self) -> int | str:
        """The number for a spreadsheet, or the text that stands in for it."""
        return self.display if self.hidden else self.value

    @property
    def chart_value(self) -> int:
        return 0 if self.hidden else self.value


def is_small(value: int | None) -> bool:
    return value is not None and 0 < value < SMALL_COUNT_LIMIT


def small_display(value: int | None) -> str:
    """A count as shown above the own organisation: "<5" for 1 to 4."""
    if value is None:
        return ""
    return SMALL_TEXT if is_small(value) else formats.number_format(value, force_grouping=True)


def hide_small(cell: Cell) -> Cell:
    """The primary rule: 1 to 4 is shown as "<5" (0 stays 0, it gives nothing away)."""
    if is_small(cell.value):
        cell.hidden = Cell.SMALL
    return cell


def protect_group(cells: Iterable[Cell]) -> None:
    """The complementary rule, for cells that add up to a total shown elsewhere: when exactly
    one cell is hidden, the total minus the others would give it away, so the smallest other
    non-zero cell is hidden as well."""
    cells = list(cells)
    hidden = [c for c in cells if c.hidden]
    if len(hidden) != 1:
        return
    others = [c for c in cells if not c.hidden and c.value > 0]
    if others:
        min(others, key=lambda c: c.value).hidden = Cell.DERIVED


@dataclass
class Measure:
    """A number in this period and, when compared, in the previous one."""

    current: Cell
    previous: Cell | None = None

    @property
    def difference(self) -> int | None:
        if self.previous is None or self.current.hidden or self.previous.hidden:
            return None
        return self.current.value - self.previous.value

    @property
    def difference_display(self) -> str:
        diff = self.difference
        if diff is None:
            return "" if self.previous is None else _("verborgen")
        number = formats.number_format(abs(diff), force_grouping=True)
        return f"+{number}" if diff > 0 else (f"−{number}" if diff < 0 else "0")

    @property
    def change_display(self) -> str:
        """The difference as a percentage of the previous period ("+25%"), if there was one."""
        diff = self.difference
        if diff is None or not self.previous.value:
            return ""
        percent = round(100 * diff / self.previous.value)
        return f"+{percent}%" if percent > 0 else f"{percent}%".replace("-", "−")


@dataclass
class Row:
    key: str
    label: str
    values: dict[str, Measure]
    drill: dict | None = None  # address parameters of the area one level down
    url: str = ""  # filled in by the view


@dataclass
class Breakdown:
    """One table (and chart) of a figures page: rows of a dimension with one or more measures."""

    key: str
    title: str
    dimension: str  # the heading of the first column: "Kanaal", "Onderwerp" ...
    measures: list[str]
    rows: list[Row]
    chart_measure: str = ""  # the measure drawn as bars; the first one when empty
    note: str = ""
    compared: bool = True
    # The rows add up to the totals (every item counts in exactly one row).
    has_total: bool = True
    total: list[Measure] | None = None  # the totals in the order of `measures`, if has_total
    chart: object = None  # a charts.Chart, added by the view
    labels: dict = field(default_factory=dict)  # measure → column heading

    @property
    def chart_key(self) -> str:
        return self.chart_measure or self.measures[0]

    @property
    def table(self) -> list[tuple[Row, list[Measure]]]:
        """Rows with their measures in the order of `measures`, for the template."""
        return [(row, [row.values[m] for m in self.measures]) for row in self.rows]

    @property
    def measure_labels(self) -> list[tuple[str, str]]:
        return [(m, str(self.labels.get(m, m))) for m in self.measures]

    @property
    def has_data(self) -> bool:
        return any(
            measure.current.value or (measure.previous and measure.previous.value)
            for row in self.rows
            for measure in row.values.values()
        )


def suppress_tables(tables: Iterable[Breakdown], totals: Iterable[Measure] = ()) -> None:
    """The small-count rule over a page: every total and every table cell 1 to 4 is hidden, and
    in every column that adds up to a total one more cell when a single one is hidden."""
    for measure in totals:
        hide_small(measure.current)
        if measure.previous is not None:
            hide_small(measure.previous)
    for breakdown in tables:
        for name in breakdown.measures:
            for which in ("current", "previous"):
                cells = [getattr(r.values[name], which) for r in breakdown.rows]
                cells = [c for c in cells if c is not None]
                for cell in cells:
                    hide_small(cell)
                protect_group(cells)
