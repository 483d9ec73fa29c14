"""Reporting periods: ISO weeks, months, quarters and years, their neighbours and their steps."""

import datetime

import pytest
from django.utils import translation

from ontwikkelplein.core.figures.periods import Period, PeriodKind

D = datetime.date


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        (PeriodKind.DAY, D(2024, 6, 5), D(2024, 6, 5), D(2024, 6, 5)),
        # ISO weeks run Monday to Sunday, also across the turn of the year.
        (PeriodKind.WEEK, D(2024, 6, 5), D(2024, 6, 3), D(2024, 6, 9)),
        (PeriodKind.WEEK, D(2024, 6, 3), D(2024, 6, 3), D(2024, 6, 9)),
        (PeriodKind.WEEK, D(2024, 6, 9), D(2024, 6, 3), D(2024, 6, 9)),
        (PeriodKind.WEEK, D(2021, 1, 3), D(2020, 12, 28), D(2021, 1, 3)),
        (PeriodKind.WEEK, D(2025, 1, 1), D(2024, 12, 30), D(2025, 1, 5)),
        (PeriodKind.MONTH, D(2024, 2, 10), D(2024, 2, 1), D(2024, 2, 29)),
        (PeriodKind.MONTH, D(2023, 2, 28), D(2023, 2, 1), D(2023, 2, 28)),
        (PeriodKind.MONTH, D(2024, 12, 31), D(2024, 12, 1), D(2024, 12, 31)),
        (PeriodKind.QUARTER, D(2024, 1, 1), D(2024, 1, 1), D(2024, 3, 31)),
        (PeriodKind.QUARTER, D(2024, 5, 15), D(2024, 4, 1), D(2024, 6, 30)),
        (PeriodKind.QUARTER, D(2024, 9, 30), D(2024, 7, 1), D(2024, 9, 30)),
        (PeriodKind.QUARTER, D(2024, 11, 2), D(2024, 10, 1), D(2024, 12, 31)),
        (PeriodKind.YEAR, D(2024, 7, 1), D(2024, 1, 1), D(2024, 12, 31)),
    ],
)
def test_the_period_containing_a_day(kind, day, start, end):
    period = Period.containing(kind, day)
    assert (period.start, period.end) == (start, end)
    assert day in period


@pytest.mark.parametrize(
    ("kind", "day", "previous", "following"),
    [
        (PeriodKind.DAY, D(2024, 3, 1), (D(2024, 2, 29),) * 2, (D(2024, 3, 2),) * 2),
        (
            PeriodKind.WEEK,
            D(2021, 1, 6),
            (D(2020, 12, 28), D(2021, 1, 3)),
            (D(2021, 1, 11), D(2021, 1, 17)),
        ),
        (
            PeriodKind.MONTH,
            D(2024, 3, 31),
            (D(2024, 2, 1), D(2024, 2, 29)),
            (D(2024, 4, 1), D(2024, 4, 30)),
        ),
        (
            PeriodKind.MONTH,
            D(2024, 1, 15),
            (D(2023, 12, 1), D(2023, 12, 31)),
            (D(2024, 2, 1), D(2024, 2, 29)),
        ),
        (
            PeriodKind.QUARTER,
            D(2024, 2, 1),
            (D(2023, 10, 1), D(2023, 12, 31)),
            (D(2024, 4, 1), D(2024, 6, 30)),
        ),
        (
            PeriodKind.QUARTER,
            D(2024, 12, 1),
            (D(2024, 7, 1), D(2024, 9, 30)),
            (D(2025, 1, 1), D(2025, 3, 31)),
        ),
        (
            PeriodKind.YEAR,
            D(2024, 6, 1),
            (D(2023, 1, 1), D(2023, 12, 31)),
            (D(2025, 1, 1), D(2025, 12, 31)),
        ),
    ],
)
def test_the_previous_and_next_period(kind, day, previous, following):
    period = Period.containing(kind, day)
    assert (period.previous().start, period.previous().end) == previous
    assert (period.next().start, period.next().end) == following
    # Neighbours touch: no day is counted twice or skipped.
    assert period.previous().end + datetime.timedelta(days=1) == period.start
    assert period.next().start - datetime.timedelta(days=1) == period.end


def test_labels_name_the_period_in_dutch():
    assert Period.containing(PeriodKind.DAY, D(2024, 6, 3)).label == "maandag 3 juni 2024"
    week = Period.containing(PeriodKind.WEEK, D(2021, 1, 3)).label
    assert week.startswith("week 53 van 2020")
    assert Period.containing(PeriodKind.WEEK, D(2024, 12, 31)).label.startswith("week 1 van 2025")
    assert Period.containing(PeriodKind.MONTH, D(2024, 6, 3)).label == "juni 2024"
    assert Period.containing(PeriodKind.QUARTER, D(2024, 6, 3)).label == "kwartaal 2 van 2024"
    assert Period.containing(PeriodKind.YEAR, D(2024, 6, 3)).label == "2024"


def test_a_week_and_a_month_step_by_day():
    week = Period.containing(PeriodKind.WEEK, D(2024, 6, 5))
    assert [b.start for b in week.buckets()] == [D(2024, 6, d) for d in range(3, 10)]
    month = Period.containing(PeriodKind.MONTH, D(2024, 2, 5))
    assert len(month.buckets()) == 29
    assert all(b.start == b.end for b in month.buckets())


def test_a_quarter_steps_by_iso_week_cut_at_its_edges():
    # 1 January 2025 is a Wednesday, 31 March 2025 a Monday.
    buckets = Period.containing(PeriodKind.QUARTER, D(2025, 2, 1)).buckets()
    assert len(buckets) == 14
    assert (buckets[0].start, buckets[0].end) == (D(2025, 1, 1), D(2025, 1, 5))
    assert buckets[0].label.startswith("week 1 ")
    assert (buckets[1].start, buckets[1].end) == (D(2025, 1, 6), D(2025, 1, 12))
    assert (buckets[-1].start, buckets[-1].end) == (D(2025, 3, 31), D(2025, 3, 31))
    assert buckets[-1].label.startswith("week 14 ")
    days = sum((b.end - b.start).days + 1 for b in buckets)
    assert days == 90


def test_a_year_steps_by_month_and_a_day_not_at_all():
    buckets = Period.containing(PeriodKind.YEAR, D(2024, 6, 1)).buckets()
    assert [b.start.month for b in buckets] == list(range(1, 13))
    assert buckets[1].end == D(2024, 2, 29)
    assert buckets[0].label == "januari"
    assert Period.containing(PeriodKind.DAY, D(2024, 6, 1)).buckets() == []


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Period.containing("decennium", D(2024, 1, 1))
