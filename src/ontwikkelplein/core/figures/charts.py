"""Bar charts drawn with plain HTML and CSS (static/ontwikkelplein/figures.css): no JavaScript,
no style attributes (a bar's length is a class, op-w-0 … op-w-100, so a strict content security
policy holds), and they reflow on a phone. A chart is hidden from screen readers because the
table beside it holds the same numbers. Hidden counts ("<5") get no bar."""

from dataclasses import dataclass

# The longest bar leaves room for its number on the same line (per cent of the chart's width).
LONGEST_BAR = 80


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the number as shown, or "<5"
    width: int  # per cent of the chart's width, 0 to 100
    previous_text: str = ""
    previous_width: int | None = None

    @property
    def css_class(self) -> str:
        return f"op-w-{self.width}"

    @property
    def previous_css_class(self) -> str:
        return f"op-w-{self.previous_width or 0}"


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    measure: str
    measure_label: str
    compared: bool


def bar_width(value: float, largest: float) -> int:
    """A bar's length in whole per cent; never thinner than 1 for a number above 0, so a small
    count stays visible next to a big one."""
    if not largest or value <= 0:
        return 0
    return max(1, round(LONGEST_BAR * value / largest))


def bar_chart(breakdown, measure: str | None = None) -> Chart:
    """The chart of a cells.Breakdown: one bar per row (and one for the previous period)."""
    measure = measure or breakdown.chart_key
    values = [row.values[measure] for row in breakdown.rows]
    largest = max(
        [v.current.chart_value for v in values]
        + [v.previous.chart_value for v in values if v.previous is not None]
        + [0]
    )
    bars = []
    for row, value in zip(breakdown.rows, values, strict=True):
        previous = value.previous
        bars.append(
            Bar(
                label=row.label,
                text=value.current.display,
                width=bar_width(value.current.chart_value, largest),
                previous_text=previous.display if previous is not None else "",
                previous_width=(
                    bar_width(previous.chart_value, largest) if previous is not None else None
                ),
            )
        )
    label = str(breakdown.labels.get(measure, ""))
    return Chart(bars=bars, measure=measure, measure_label=label, compared=breakdown.compared)


def simple_chart(items: list[tuple[str, float, str]], measure_label: str = "") -> Chart:
    """A chart of (label, value, text) items, for pages whose tables are not Breakdowns. A
    hidden value is passed as 0 with its text ("<5")."""
    largest = max([value for _label, value, _text in items] + [0])
    bars = [Bar(label, text, bar_width(value, largest)) for label, value, text in items]
    return Chart(bars=bars, measure="", measure_label=measure_label, compared=False)
