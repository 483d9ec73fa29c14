"""Reading an age, AVI level or code from what someone typed, and the answer from the table."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.readingguide import query, selectors
from ontwikkelplein.readingguide.services import ensure_national_table

CODES = ["AB", "AP", "AK", "E", "A", "B", "C", "D", "AJ", "J"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("boek voor een kind van 4", 4),
        ("4 jaar", 4),
        ("4", 4),
        ("  Kind van 10 jr ", 10),
        ("18 maanden", 1),
        ("peuter", 2),
        ("een baby", 0),
        ("groep 5", 8),
        ("kleuter", 4),
    ],
)
def test_an_age(text, age):
    question = query.parse(text, CODES)
    assert question.kind == query.AGE
    assert question.age == age


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("M3", "M3"),
        ("avi e3", "E3"),
        ("AVI-M4", "M4"),
        ("e 5", "E5"),
        ("avi start", "Start"),
        ("AVI S", "Start"),
        ("Plus", "Plus"),
        ("welk boek bij avi m7", "M7"),
    ],
)
def test_an_avi_level(text, level):
    question = query.parse(text, CODES)
    assert question.kind == query.AVI
    assert question.avi == level


@pytest.mark.parametrize(
    ("text", "code"), [("AP", "AP"), ("ak", "AK"), ("e", "E"), ("wat is AJ", "AJ")]
)
def test_a_code(text, code):
    question = query.parse(text, CODES)
    assert question.kind == query.CODE
    assert question.code == code


@pytest.mark.parametrize("text", ["", "   ", "boekstart", "hallo", "999999999999"])
def test_nothing_understood(text):
    assert query.parse(text, CODES).kind in (query.NOTHING,)


def test_long_and_odd_text_is_cut_and_cleaned():
    question = query.parse("4\x00" + "x" * 5000, CODES)
    assert question.kind == query.AGE
    assert len(question.text) <= query.MAX_LENGTH
    assert "\x00" not in question.text


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None, derandomize=True)
def test_any_text_parses(text):
    question = query.parse(text, CODES)
    assert question.kind in (query.AGE, query.AVI, query.CODE, query.NOTHING)
    if question.kind == query.AGE:
        assert 0 <= question.age <= query.MAX_AGE


@pytest.mark.django_db
def test_the_national_table_answers_by_age_avi_and_code():
    table = ensure_national_table()
    four = selectors.answer(table, "boek voor een kind van 4")
    assert {label.code for label in four.labels} == {"AK", "AJ"}
    baby = selectors.answer(table, "baby")
    assert [label.code for label in baby.labels] == ["AB"]
    m4 = selectors.answer(table, "M4")
    assert [label.code for label in m4.labels] == ["E"]
    plus = selectors.answer(table, "avi plus")
    assert [label.code for label in plus.labels] == ["C", "D"]
    code = selectors.answer(table, "ap")
    assert [label.name for label in code.labels] == ["Prentenboeken voor peuters"]
    adult = selectors.answer(table, "40 jaar")
    assert adult.understood and not adult.labels


@pytest.mark.django_db
def test_every_avi_level_has_a_label_in_the_national_table():
    from ontwikkelplein.readingguide.models import AVI_LEVELS

    table = ensure_national_table()
    for level in AVI_LEVELS:
        assert selectors.answer(table, f"AVI {level}").labels, level
