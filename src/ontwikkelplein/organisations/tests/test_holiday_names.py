"""National holiday names (why a location is closed) in every resident language: holidays.NL
has Dutch and English names; the other languages come from the catalogues
(calendar.HOLIDAY_NAMES)."""

import datetime

import holidays
import pytest
from django.utils import translation

from ontwikkelplein.organisations.calendar import HOLIDAY_NAMES, OPEN_HOLIDAYS, national_holiday
from tests import test_translations

compiled_catalogue = test_translations.compiled_catalogue


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("nl", "Eerste kerstdag"),
        ("en", "Christmas Day"),
        ("ar", "عيد الميلاد (اليوم الأول)"),
        ("tr", "Noel (birinci gün)"),
        ("uk", "Різдво (перший день)"),
        ("pl", "Boże Narodzenie (pierwszy dzień)"),
    ],
)
def test_the_holiday_is_named_in_the_page_language(compiled_catalogue, code, name):
    with translation.override(code):
        assert national_holiday(datetime.date(2026, 12, 25)) == name
        assert national_holiday(datetime.date(2026, 12, 28)) == ""


def test_two_holidays_on_one_day_are_both_translated(compiled_catalogue):
    with translation.override("pl"):
        assert national_holiday(datetime.date(2005, 5, 5)) == "Dzień Wyzwolenia; Wniebowstąpienie"


def test_every_dutch_name_holidays_knows_is_in_the_list():
    english = holidays.NL(years=range(1990, 2040), language="en_US")
    dutch = holidays.NL(years=range(1990, 2040), language="nl")
    names = {
        part.strip()
        for day, name in dutch.items()
        if not any(p.strip() in OPEN_HOLIDAYS for p in english[day].split(";"))
        for part in name.split(";")
    }
    assert names == set(HOLIDAY_NAMES)
