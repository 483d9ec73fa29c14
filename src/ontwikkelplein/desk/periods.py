"""Reporting periods of the front-desk figures: a day, an ISO week (Monday to Sunday), a calendar
month, a quarter or a year, each with its neighbours for "this period against the previous one"."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


@dataclass(frozen=True)
class Bucket:
    """One bar of the course over time: a day, a week (cut off at the period's edges) or a month."""

    start: datetime.date
    end: datetime.date
    label: str


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
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def quarter(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        """Dutch (or English) name of the period: "week 23 van 2024", "juni 2024"."""
        if self.kind == PeriodKind.DAY:
            return formats.date_format(self.start, "l j F Y")
        if self.kind == PeriodKind.WEEK:
            year, week, _weekday = self.start.isocalendar()
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


def _next_month(first: datetime.date) -> datetime.date:
    return datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
