"""One way to write dates, numbers and amounts, through Django's localisation (the formats in
core/formats/): "6 december 2026" in running text, "06-12-2026" in tables, "€ 14.400,00" for an
amount and "1.234" for a count. Templates use the same functions as filters ({% load formatting %}:
date_text, date_table, amount, number)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def date_text(value: datetime.date | None) -> str:
    """A date in running text: "6 december 2026"."""
    if value in (None, ""):
        return ""
    return formats.date_format(_local(value), "DATE_FORMAT")


def date_table(value: datetime.date | None) -> str:
    """A date in a table or a file: "06-12-2026"."""
    if value in (None, ""):
        return ""
    return formats.date_format(_local(value), "SHORT_DATE_FORMAT")


def number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """A number with thousands separators: "14.400", or with `decimals` places: "66,7"."""
    if value is None:
        return ""
    if decimals is not None:
        # Django's number format cuts off; round half up first (66.66 → "66,7").
        exponent = Decimal(1).scaleb(-decimals)
        value = Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)
    return formats.number_format(value, decimal_pos=decimals, force_grouping=True)


def amount(value: int | float | Decimal | None) -> str:
    """An amount of money: "€ 14.400,00"."""
    if value is None:
        return ""
    return "€ " + number(value, 2)


def percent(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """A percentage: "67%" or, with decimals, "66,7%"."""
    if value is None:
        return ""
    return number(value, decimals) + "%"
