"""The figures engine (core/figures): like-with-like comparison, ISO weeks, the small-count
rule with complementary suppression, charts without style attributes, and reading the address."""

import datetime

import pytest
from django.http import Http404, QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import (
    Breakdown,
    Cell,
    Measure,
    Row,
    hide_small,
    protect_group,
    small_display,
    suppress_tables,
)
from ontwikkelplein.core.figures.charts import bar_chart, simple_chart
from ontwikkelplein.core.figures.page import figure_request, requested_level
from ontwikkelplein.core.figures.periods import Period, PeriodKind, Window, compare, shift_back
from ontwikkelplein.core.figures.scope import Scope, choose
from ontwikkelplein.core.figures.vocabulary import Level

D = datetime.date


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


# --- Comparison: like with like ---------------------------------------------------------------


def test_a_month_in_progress_is_compared_with_the_same_days_of_the_previous_month():
    result = compare(Period.containing(PeriodKind.MONTH, D(2026, 12, 6)), D(2026, 12, 6))
    assert result.partial
    assert result.current == Window(D(2026, 12, 1), D(2026, 12, 6))
    assert result.previous == Window(D(2026, 11, 1), D(2026, 11, 6))
    assert result.current_label == "1 t/m 6 december 2026"
    assert result.previous_label == "1 t/m 6 november 2026"


def test_a_finished_month_is_compared_with_the_whole_previous_month():
    result = compare(Period.containing(PeriodKind.MONTH, D(2026, 11, 1)), D(2026, 12, 6))
    assert not result.partial
    assert result.current == Window(D(2026, 11, 1), D(2026, 11, 30))
    assert result.previous == Window(D(2026, 10, 1), D(2026, 10, 31))
    assert result.current_label == "november 2026"


def test_the_last_day_of_a_long_month_stops_at_the_end_of_a_short_one():
    result = compare(Period.containing(PeriodKind.MONTH, D(2026, 3, 30)), D(2026, 3, 30))
    assert result.previous == Window(D(2026, 2, 1), D(2026, 2, 28))
    leap = compare(Period.containing(PeriodKind.MONTH, D(2024, 3, 30)), D(2024, 3, 30))
    assert leap.previous == Window(D(2024, 2, 1), D(2024, 2, 29))


@pytest.mark.parametrize(
    ("kind", "today", "current", "previous"),
    [
        # Across the year boundary: January against December.
        ("maand", D(2027, 1, 3), (D(2027, 1, 1), D(2027, 1, 3)), (D(2026, 12, 1), D(2026, 12, 3))),
        # A week in progress: Monday to Wednesday against Monday to Wednesday.
        (
            "week",
            D(2026, 12, 2),
            (D(2026, 11, 30), D(2026, 12, 2)),
            (D(2026, 11, 23), D(2026, 11, 25)),
        ),
        # An ISO week across the year boundary.
        (
            "week",
            D(2027, 1, 1),
            (D(2026, 12, 28), D(2027, 1, 1)),
            (D(2026, 12, 21), D(2026, 12, 25)),
        ),
        # A quarter: the same day of the month three months earlier.
        (
            "kwartaal",
            D(2026, 5, 31),
            (D(2026, 4, 1), D(2026, 5, 31)),
            (D(2026, 1, 1), D(2026, 2, 28)),
        ),
        # A year: the same date a year earlier; 29 February becomes 28 February.
        ("jaar", D(2024, 2, 29), (D(2024, 1, 1), D(2024, 2, 29)), (D(2023, 1, 1), D(2023, 2, 28))),
        # A quarter across the year boundary.
        (
            "kwartaal",
            D(2027, 1, 15),
            (D(2027, 1, 1), D(2027, 1, 15)),
            (D(2026, 10, 1), D(2026, 10, 15)),
        ),
    ],
)
def test_periods_in_progress_compare_like_with_like(kind, today, current, previous):
    result = compare(Period.containing(kind, today), today)
    assert result.partial
    assert (result.current.start, result.current.end) == current
    assert (result.previous.start, result.previous.end) == previous


def test_a_day_and_a_future_period_are_compared_whole():
    day = compare(Period.containing(PeriodKind.DAY, D(2026, 12, 6)), D(2026, 12, 6))
    assert not day.partial and day.previous == Window(D(2026, 12, 5), D(2026, 12, 5))
    future = compare(Period.containing(PeriodKind.MONTH, D(2027, 2, 1)), D(2026, 12, 6))
    assert not future.partial and future.current == Window(D(2027, 2, 1), D(2027, 2, 28))


def test_without_comparison_there_is_no_previous_window():
    result = compare(
        Period.containing(PeriodKind.YEAR, D(2026, 6, 1)), D(2026, 12, 6), enabled=False
    )
    assert result.previous is None and result.previous_label == ""


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dates(min_value=D(2001, 1, 1), max_value=D(2098, 12, 31)), st.sampled_from(PeriodKind.values)
)
def test_the_previous_window_is_never_longer_than_the_current_one_while_running(today, kind):
    result = compare(Period.containing(kind, today), today)
    assert result.current.end == (today if result.partial else result.period.end)
    before = result.period.previous()
    assert before.start <= result.previous.start <= result.previous.end <= before.end
    if result.partial and kind in ("dag", "week"):
        assert result.previous.days == result.current.days


def test_shift_back_keeps_the_day_of_the_month_where_it_can():
    assert shift_back(D(2026, 3, 31), PeriodKind.MONTH) == D(2026, 2, 28)
    assert shift_back(D(2026, 1, 15), PeriodKind.MONTH) == D(2025, 12, 15)
    assert shift_back(D(2026, 1, 15), PeriodKind.YEAR) == D(2025, 1, 15)


@pytest.mark.parametrize(
    ("day", "iso"),
    [(D(2025, 12, 31), (2026, 1)), (D(2020, 12, 31), (2020, 53)), (D(2027, 1, 3), (2026, 53))],
)
def test_iso_weeks(day, iso):
    assert Period.containing(PeriodKind.WEEK, day).iso_week == iso


def test_the_address_falls_back_with_a_notice_and_never_fails():
    period, notices = periods.parse("eeuw", "2026-13-45", D(2026, 12, 6))
    assert period == Period.containing(PeriodKind.MONTH, D(2026, 12, 6))
    assert len(notices) == 2
    period, notices = periods.parse("week", "1999-01-01", D(2026, 12, 6), PeriodKind.YEAR)
    assert period.kind == "week" and notices


# --- The small-count rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (1234, "1.234")]
)
def test_small_counts_are_shown_as_less_than_five(value, shown):
    assert hide_small(Cell(value)).display == shown
    assert small_display(value) == shown


def test_one_hidden_cell_takes_the_smallest_other_with_it():
    cells = [Cell(3), Cell(9), Cell(7), Cell(0)]
    for cell in cells:
        hide_small(cell)
    protect_group(cells)
    assert [c.display for c in cells] == ["<5", "9", "afgeschermd", "0"]
    assert cells[2].export_value == "afgeschermd" and cells[1].export_value == 9


def test_two_hidden_cells_need_no_third():
    cells = [hide_small(Cell(3)), hide_small(Cell(2)), Cell(9)]
    protect_group(cells)
    assert not cells[2].hidden


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8))
def test_a_hidden_cell_can_never_be_worked_out_from_the_total(values):
    rows = [Row(str(i), str(i), {"n": Measure(Cell(v))}) for i, v in enumerate(values)]
    total = Measure(Cell(sum(values)))
    breakdown = Breakdown("t", "T", "D", ["n"], rows, compared=False)
    suppress_tables([breakdown], [total])
    cells = [r.values["n"].current for r in rows]
    hidden = [c for c in cells if c.hidden]
    assert all(not (0 < c.value < 5) or c.hidden for c in cells)
    if not total.current.hidden:
        # Never exactly one hidden number that the total minus the shown ones would give.
        assert len(hidden) != 1


def test_a_difference_is_hidden_when_either_side_is():
    measure = Measure(hide_small(Cell(3)), Cell(8))
    assert measure.difference is None and measure.difference_display == "verborgen"
    assert Measure(Cell(12), Cell(8)).change_display == "+50%"


# --- Charts -------------------------------------------------------------------------------------


def test_bars_are_classes_and_hidden_counts_get_none():
    rows = [
        Row("a", "A", {"n": Measure(Cell(20), Cell(10))}),
        Row("b", "B", {"n": Measure(hide_small(Cell(3)), Cell(1))}),
    ]
    chart = bar_chart(Breakdown("t", "T", "D", ["n"], rows, labels={"n": "Aantal"}))
    assert [(b.text, b.width, b.css_class) for b in chart.bars] == [
        ("20", 80, "op-w-80"),
        ("<5", 0, "op-w-0"),
    ]
    assert chart.bars[0].previous_width == 40 and chart.measure_label == "Aantal"
    html = render_to_string(
        "core/figures/_chart.html",
        {"chart": chart, "current_label": "juni", "previous_label": "mei"},
    )
    assert "style=" not in html and "op-w-80" in html and 'aria-hidden="true"' in html


def test_a_small_value_keeps_a_visible_bar():
    chart = simple_chart([("A", 1000, "1.000"), ("B", 1, "1")])
    assert chart.bars[1].width == 1


# --- Levels and the address ---------------------------------------------------------------------

OWN = Scope(Level.OWN, "Bibliotheek Eemland", frozenset({1}))
COUNTRY = Scope(Level.COUNTRY, "Heel Nederland")


def test_levels_and_their_words():
    assert str(Level.COUNTRY.label) == "Heel Nederland"
    assert not OWN.suppress and COUNTRY.suppress
    assert COUNTRY.filter() == {} and OWN.filter("pk") == {"pk__in": frozenset({1})}
    assert choose([OWN, COUNTRY], "") == OWN and choose([OWN], "land") is None


def test_the_level_is_read_from_niveau_and_from_old_addresses():
    assert requested_level(QueryDict("niveau=land")) == "land"
    assert requested_level(QueryDict("weergave=regio")) == "regio"
    assert requested_level(QueryDict("niveau=landelijk")) == "land"


def test_a_level_the_user_may_not_use_answers_404():
    with pytest.raises(Http404):
        figure_request(QueryDict("niveau=land"), [OWN])
    with pytest.raises(Http404):
        figure_request(QueryDict(""), [])


def test_the_request_keeps_its_parameters_and_links_use_niveau():
    fr = figure_request(
        QueryDict("niveau=land&periode=week&datum=2026-12-02"),
        [OWN, COUNTRY],
        extra={"richting": "verstuurd"},
        today=D(2026, 12, 6),
    )
    assert fr.period == Period.containing(PeriodKind.WEEK, D(2026, 11, 30))
    assert fr.query() == "?niveau=land&periode=week&datum=2026-11-30&richting=verstuurd"
    context = fr.context()
    assert [url for _level, _label, url in context["levels"]] == [
        "?niveau=eigen&periode=week",
        "?niveau=land&periode=week",
    ]
    assert context["suppressed"] and context["is_running"] is False
    assert ("richting", "verstuurd") in context["hidden_params"]
    assert "datum=2026-11-23" in context["previous_url"]
