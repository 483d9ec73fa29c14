"""Bar charts of the reach figures in plain HTML and CSS (figures.css), like the desk's: no
JavaScript, hidden from screen readers because the table after each chart has the same numbers.
Hidden counts ("<5") get no bar."""

from dataclasses import dataclass

# The longest bar leaves room for its number on the same line.
LONGEST_BAR = 80.0


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    width: float  # per cent of the chart's width

    @property
    def width_css(self) -> str:
        # As text, so the template never writes a decimal comma into CSS.
        return f"{self.width:.2f}%"


def participants_chart(rows) -> list[Bar]:
    """One bar per row (ReachRow) for its participants."""
    values = [0 if row.hidden else (row.participants or 0) for row in rows]
    largest = max(values + [0])
    bars = []
    for row, value in zip(rows, values, strict=True):
        width = round(max(0.5, LONGEST_BAR * value / largest), 2) if largest and value else 0.0
        bars.append(Bar(row.label, "<5" if row.hidden else str(value), width))
    return bars
