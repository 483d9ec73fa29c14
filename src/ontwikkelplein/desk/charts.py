"""Bar charts of the figures, drawn with plain HTML and CSS (figures.css): no JavaScript, and
they reflow on a phone. A chart is hidden from screen readers because the table right after it
holds the same numbers. Hidden counts ("<5") get no bar."""

from dataclasses import dataclass

from ontwikkelplein.desk.selectors import Breakdown

# The longest bar leaves room for its number on the same line.
LONGEST_BAR = 80.0


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the number as shown, or "<5"
    width: float  # per cent of the chart's width
    previous_text: str = ""
    previous_width: float | None = None

    # As text, so the template never writes a decimal comma into CSS.
    @property
    def width_css(self) -> str:
        return f"{self.width:.2f}%"

    @property
    def previous_width_css(self) -> str:
        return f"{self.previous_width or 0:.2f}%"


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    measure: str
    compared: bool


def bar_chart(breakdown: Breakdown, measure: str | None = None) -> Chart:
    measure = measure or breakdown.chart_measure
    values = [row.values[measure] for row in breakdown.rows]
    largest = max(
        [v.current.chart_value for v in values]
        + [v.previous.chart_value for v in values if v.previous is not None]
        + [0]
    )

    def width(cell) -> float:
        if not largest or cell.chart_value <= 0:
            return 0.0
        # A bar is never thinner than a hair, so a small count stays visible next to a big one.
        return round(max(0.5, LONGEST_BAR * cell.chart_value / largest), 2)

    bars = []
    for row, value in zip(breakdown.rows, values, strict=True):
        previous = value.previous
        bars.append(
            Bar(
                label=row.label,
                text=value.current.display,
                width=width(value.current),
                previous_text=previous.display if previous is not None else "",
                previous_width=width(previous) if previous is not None else None,
            )
        )
    return Chart(bars=bars, measure=measure, compared=breakdown.compared)
