"""Reporting periods of every figures page: a day, an ISO week (Monday to Sunday), a calendar
month, a quarter or a year, each with its neighbours, and the comparison with the previous
period that compares like with like: a period still in progress is compared with the same
stretch of the previous one (1 to 6 December against 1 to 6 November), never with all of it."""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.core.formatting import date_text

# Dates outside this range are refused as input (and so never overflow date arithmetic).
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)

ONE_DAY = datetime.timedelta(days=1)


class PeriodKind(models.TextChoices):
    # The values are the words in the address (?periode=week).
    DAY = "dag", gettext_lazy("Dag")
    WEEK = "week", gettext_lazy("Week")
    MONTH = "maand", gettext_lazy("Maand")
    QUARTER = "kwartaal", gettext_lazy("Kwartaal")
    YEAR = "jaar", gettext_lazy("Jaar")


MONTHS_IN = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}


@dataclass(frozen=True)
class Bucket:
    """One bar of the course over time: a day, a week (cut off at the period's edges) or a month."""

    start: datetime.date
    end: datetime.date
    label: str


@dataclass(frozen=True)
class Window:
    """The days actually counted: a whole period, or the part of it up to a day."""

    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """ "1 t/m 6 december 2026", "6 december 2026" for a single day."""
        if self.start == self.end:
            return date_text(self.start)
        if self.start.year == self.end.year and self.start.month == self.end.month:
            start = str(self.start.day)
        elif self.start.year == self.end.year:
            start = formats.date_format(self.start, "j F")
        else:
            start = date_text(self.start)
        return _("%(start)s t/m %(end)s") % {"start": start, "end": date_text(self.end)}


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def containing(cls, kind: str, day: datetime.date) -> "Period":
        if kind == PeriodKind.DAY:
            return cls(kind, day, day)
        if kind == PeriodKind.WEEK:
            start = day - datetime.timedelta(days=day.weekday())
            return cls(kind, start, start + datetime.timedelta(days=6))
        if kind == PeriodKind.MONTH:
            start = day.replace(day=1)
            return cls(kind, start, _next_month(start) - ONE_DAY)
        if kind == PeriodKind.QUARTER:
            start = datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
            return cls(kind, start, _next_month(_next_month(_next_month(start))) - ONE_DAY)
        if kind == PeriodKind.YEAR:
            return cls(kind, datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31))
        raise ValueError(f"unknown period kind {kind!r}")

    def previous(self) -> "Period":
        return Period.containing(self.kind, self.start - ONE_DAY)

    def next(self) -> "Period":
        return Period.containing(self.kind, self.end + ONE_DAY)

    @property
    def window(self) -> Window:
        return Window(self.start, self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def quarter(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def iso_week(self) -> tuple[int, int]:
        """(ISO year, ISO week) of a week period: the week of 29 December 2025 is week 1 of 2026."""
        year, week, _weekday = self.start.isocalendar()
        return year, week

    @property
    def label(self) -> str:
        """Dutch (or English) name of the period: "week 23 van 2024", "juni 2024"."""
        if self.kind == PeriodKind.DAY:
            return formats.date_format(self.start, "l j F Y")
        if self.kind == PeriodKind.WEEK:
            year, week = self.iso_week
            return _("week %(week)s van %(year)s (%(start)s t/m %(end)s)") % {
                "week": week,
                "year": year,
                "start": formats.date_format(self.start, "j M"),
                "end": formats.date_format(self.end, "j M"),
            }
        if self.kind == PeriodKind.MONTH:
            return formats.date_format(self.start, "F Y")
        if self.kind == PeriodKind.QUARTER:
            return _("kwartaal %(quarter)s van %(year)s") % {
                "quarter": self.quarter,
                "year": self.start.year,
            }
        return str(self.start.year)

    @property
    def file_label(self) -> str:
        """For file names: 2024-06-01_2024-06-30."""
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def buckets(self) -> list[Bucket]:
        """The steps of the course over time: days of a week or month, ISO weeks of a quarter,
        months of a year. A single day has none."""
        if self.kind in (PeriodKind.WEEK, PeriodKind.MONTH):
            days = [self.start + datetime.timedelta(days=i) for i in range(self.days)]
            return [Bucket(d, d, formats.date_format(d, "D j M")) for d in days]
        if self.kind == PeriodKind.QUARTER:
            buckets = []
            monday = self.start - datetime.timedelta(days=self.start.weekday())
            while monday <= self.end:
                sunday = monday + datetime.timedelta(days=6)
                start, end = max(monday, self.start), min(sunday, self.end)
                label = _("week %(week)s (%(start)s t/m %(end)s)") % {
                    "week": monday.isocalendar()[1],
                    "start": formats.date_format(start, "j M"),
                    "end": formats.date_format(end, "j M"),
                }
                buckets.append(Bucket(start, end, label))
                monday += datetime.timedelta(days=7)
            return buckets
        if self.kind == PeriodKind.YEAR:
            buckets, start = [], self.start
            while start <= self.end:
                end = _next_month(start) - ONE_DAY
                buckets.append(Bucket(start, end, formats.date_format(start, "F")))
                start = end + ONE_DAY
            return buckets
        return []


@dataclass(frozen=True)
class Comparison:
    """What a figures page counts: the period (up to today while it runs) and, when compared,
    the same stretch of the previous period."""

    period: Period
    current: Window
    previous: Window | None
    partial: bool  # the period is still running: only its first days are counted

    @property
    def previous_period(self) -> Period | None:
        return self.period.previous() if self.previous is not None else None

    @property
    def current_label(self) -> str:
        return self.period.label if not self.partial else self.current.label

    @property
    def previous_label(self) -> str:
        if self.previous is None:
            return ""
        previous = self.period.previous()
        return previous.label if not self.partial else self.previous.label


def shift_back(day: datetime.date, kind: str) -> datetime.date:
    """The same day one period earlier: a week, or the same day of the month one month, quarter
    or year earlier (31 March → 28 or 29 February, 29 February → 28 February)."""
    if kind == PeriodKind.DAY:
        return day - ONE_DAY
    if kind == PeriodKind.WEEK:
        return day - datetime.timedelta(days=7)
    months = day.year * 12 + day.month - 1 - MONTHS_IN[kind]
    year, month = divmod(months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def compare(period: Period, today: datetime.date, *, enabled: bool = True) -> Comparison:
    """The period against the previous one, like with like. A period that runs today counts up
    to and including today, and the previous period is cut off at the same point: the same
    weekday of last week, the same day of last month, quarter or year."""
    partial = period.start <= today < period.end and period.kind != PeriodKind.DAY
    current = Window(period.start, today) if partial else period.window
    previous = None
    if enabled:
        before = period.previous()
        if partial:
            end = max(before.start, min(shift_back(today, period.kind), before.end))
            previous = Window(before.start, end)
        else:
            previous = before.window
    return Comparison(period, current, previous, partial)


def parse(kind: str | None, given: str | None, today: datetime.date, default=PeriodKind.MONTH):
    """The period named by the address (?periode=week&datum=2024-06-30), with the notices to
    show when a part could not be read (the page then falls back, it never fails)."""
    notices = []
    kind = kind or default
    if kind not in PeriodKind.values:
        notices.append(
            _("Deze periode kennen we niet. Je ziet nu de cijfers per %(kind)s.")
            % {"kind": str(PeriodKind(default).label).lower()}
        )
        kind = default
    day = today
    if given:
        try:
            day = datetime.date.fromisoformat(given.strip())
        except ValueError:
            day = None
        if day is None or not EARLIEST <= day <= LATEST:
            notices.append(
                _(
                    "Deze datum kennen we niet. Schrijf een datum zoals 2024-06-30. "
                    "Je ziet nu de periode van vandaag."
                )
            )
            day = today
    return Period.containing(kind, day), notices


def _next_month(first: datetime.date) -> datetime.date:
    return datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
