from datetime import date

import pytest

from ontwikkelplein.referrals.workdays import (
    add_working_days,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    "start, n, expected",
    [
        (date(2026, 11, 16), 3, date(2026, 11, 19)),  # Monday → Thursday
        (date(2026, 11, 20), 3, date(2026, 11, 25)),  # Friday → over the weekend → Wednesday
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # Saturday → Monday
        (date(2026, 12, 24), 3, date(2026, 12, 30)),  # Christmas days do not count
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Goede Vrijdag, weekend, Tweede Paasdag
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # Koningsdag on Monday 27 April
        (date(2026, 11, 16), 0, date(2026, 11, 16)),
        (date(2026, 11, 21), 0, date(2026, 11, 23)),  # 0 days from a Saturday: the next Monday
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


def test_liberation_day_counts_only_in_lustrum_years():
    assert not is_working_day(date(2025, 5, 5))  # a Monday in a lustrum year
    assert is_working_day(date(2026, 5, 5))  # a Tuesday, not a lustrum year
    assert add_working_days(date(2025, 5, 2), 1) == date(2025, 5, 6)


def test_working_days_between_is_the_inverse_of_adding():
    start = date(2026, 12, 18)
    for n in range(0, 15):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_working_days_between_backwards_is_zero():
    assert working_days_between(date(2026, 11, 20), date(2026, 11, 10)) == 0


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 20), -1)
