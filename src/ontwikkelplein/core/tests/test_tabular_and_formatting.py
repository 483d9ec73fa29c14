"""Tabular downloads (core/tabular.py) read back as Dutch Excel would, and the formatting of
dates and amounts (core/formatting.py)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ontwikkelplein.core import formatting, tabular
from ontwikkelplein.core.tabular import FORMULA_STARTS, Sheet, csv_value, safe_text, to_csv, to_xlsx

ROWS = [
    ["Naam", "Aantal", "Deel", "Bedrag", "Datum", "Moment", "Klopt"],
    [
        "=SUM(A1)",
        1234,
        66.7,
        Decimal("14400.00"),
        datetime.date(2026, 12, 6),
        datetime.datetime(2026, 12, 6, 9, 30),
        True,
    ],
    ["-5 graden", -5, None, Decimal("0.5"), None, None, False],
]


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def test_csv_has_a_bom_semicolons_and_decimal_commas():
    text = to_csv(ROWS)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[1] == [
        "'=SUM(A1)",
        "1234",
        "66,7",
        "14400,00",
        "06-12-2026",
        "06-12-2026 09:30",
        "ja",
    ]
    assert rows[2] == ["'-5 graden", "-5", "", "0,5", "", "", "nee"]
    # Dutch Excel reads "66,7" as a number: the decimal comma, nothing else in it.
    assert float(rows[1][2].replace(",", ".")) == 66.7


def test_xlsx_keeps_numbers_and_dates_as_numbers_and_dates():
    workbook = load_workbook(
        io.BytesIO(to_xlsx([Sheet("Cijfers", ROWS), Sheet("Uitleg", [["a"]])]))
    )
    sheet = workbook["Cijfers"]
    assert workbook.sheetnames == ["Cijfers", "Uitleg"]
    assert sheet["A2"].value == "'=SUM(A1)"
    assert sheet["B2"].value == 1234 and sheet["B2"].data_type == "n"
    assert sheet["C2"].value == 66.7
    assert sheet["D2"].value == 14400 and sheet["D2"].number_format == "#,##0.00"
    assert sheet["E2"].value == datetime.datetime(2026, 12, 6)
    assert sheet["E2"].number_format == "dd-mm-yyyy" and sheet["E2"].is_date
    assert sheet["F2"].value == datetime.datetime(2026, 12, 6, 9, 30)
    assert sheet["B3"].value == -5  # a negative number is a number, not a formula
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_a_sheet_title_is_cut_to_what_excel_allows():
    workbook = load_workbook(io.BytesIO(to_xlsx([Sheet("x" * 40, [["a"]])])))
    assert workbook.sheetnames == ["x" * 31]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1))
def test_the_formula_guard_leaves_no_text_that_a_spreadsheet_would_run(text):
    guarded = safe_text(text)
    assert not guarded.startswith(FORMULA_STARTS)
    assert guarded in (text, "'" + text)
    assert not csv_value(text).startswith(FORMULA_STARTS)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_are_never_guarded(number):
    assert safe_text(number) == number


def test_download_answers_with_the_right_type_and_name():
    response = tabular.download("xlsx", "cijfers-2026", [Sheet("Cijfers", ROWS)])
    assert response["Content-Type"] == tabular.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="cijfers-2026.xlsx"'
    response = tabular.download("iets", "cijfers-2026", [Sheet("Cijfers", ROWS)])
    assert response["Content-Type"] == tabular.CSV_CONTENT_TYPE


def test_dates_and_amounts_in_dutch():
    day = datetime.date(2026, 12, 6)
    assert formatting.date_text(day) == "6 december 2026"
    assert formatting.date_table(day) == "06-12-2026"
    assert formatting.amount(Decimal("14400")) == "€ 14.400,00"
    assert formatting.amount(5.5) == "€ 5,50"
    assert formatting.number(1234567) == "1.234.567"
    assert formatting.percent(66.66, 1) == "66,7%"
    assert formatting.date_text(None) == "" and formatting.amount(None) == ""


def test_dates_and_amounts_in_english():
    with translation.override("en"):
        assert formatting.date_text(datetime.date(2026, 12, 6)) == "6 December 2026"
        assert formatting.date_table(datetime.date(2026, 12, 6)) == "06-12-2026"
        assert formatting.amount(Decimal("14400")) == "€ 14,400.00"


def test_the_template_filters_use_the_same_formats():
    template = Template("{% load formatting %}{{ d|date_text }}|{{ d|date_table }}|{{ a|amount }}")
    html = template.render(Context({"d": datetime.date(2026, 12, 6), "a": Decimal("14400")}))
    assert html == "6 december 2026|06-12-2026|€ 14.400,00"


def test_an_aware_moment_is_shown_on_its_local_day():
    moment = datetime.datetime(2026, 12, 5, 23, 30, tzinfo=datetime.UTC)  # 00:30 in Amsterdam
    assert formatting.date_table(moment) == "06-12-2026"
