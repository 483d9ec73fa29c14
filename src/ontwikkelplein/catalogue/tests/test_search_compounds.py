"""Compound splitting (search/compounds.py) against a word list, without a database."""

import pytest

from ontwikkelplein.catalogue.search import compounds

WORDS = frozenset(
    """taal cafe belasting aangifte computer cursus geld zorgen kinderen kind eren inloggen inlog
    gen aan vragen aanvragen voor lezen voorlezen huur toeslag kinderopvang werk zoekenden boeken
    club lijk vrolijk""".split()  # noqa: SIM905
)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("taalcafe", ("taal", "cafe")),
        ("belastingaangifte", ("belasting", "aangifte")),
        ("belastingsaangifte", ("belasting", "aangifte")),  # linking -s-
        ("computercursus", ("computer", "cursus")),
        ("boekenclub", ("boeken", "club")),
        ("kinderopvanghuurtoeslag", ("kinderopvang", "huur", "toeslag")),
        ("kinderen", ()),  # a word of its own, not kind + eren
        ("inloggen", ()),  # not inlog + gen
        ("aanvragen", ()),  # a prefix, not a compound
        ("voorlezen", ()),
        ("vrolijk", ()),  # a suffix
        ("taal", ()),
        ("cafe2go", ()),
    ],
)
def test_split(word, parts):
    assert compounds.split(word, WORDS) == parts


def test_without_a_word_list_nothing_splits(settings, tmp_path):
    settings.ONTWIKKELPLEIN_WORD_LIST = str(tmp_path / "missing")
    assert compounds.dutch_words() == frozenset()
    assert compounds.split_known("taalcafe") == ()


def test_the_word_list_keeps_lower_case_words_folded(settings, tmp_path):
    path = tmp_path / "words"
    path.write_text("Amersfoort\ncafé\ntaal\nde\n", encoding="utf-8")
    settings.ONTWIKKELPLEIN_WORD_LIST = str(path)
    assert compounds.dutch_words() == {"cafe", "taal", "de"}  # no names
    assert compounds.split_known("taalcafe") == ("taal", "cafe")
