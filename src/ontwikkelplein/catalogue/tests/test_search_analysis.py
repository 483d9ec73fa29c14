"""The shared front half of search: folding, words, stop words, stemming. No database."""

import pytest

from ontwikkelplein.catalogue import search


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Taalcafé", "taalcafe"),
        ("ÉÉN Cursus", "een cursus"),
        ("Straße", "strasse"),
        ("Øresund Łódź", "oresund lodz"),
        ("naïef", "naief"),
    ],
)
def test_fold_lowercases_and_strips_accents(text, folded):
    assert search.fold(text) == folded


def test_words_splits_on_punctuation_and_query_operators():
    text = 'DigiD-hulp "inloggen" OR NEAR(x) a* ^b :c -d <script>alert(1)</script>'
    assert search.words(text) == [
        "digid",
        "hulp",
        "inloggen",
        "or",
        "near",
        "script",
        "alert",
        "script",
    ]


def test_words_drops_single_letters_and_absurdly_long_words():
    assert search.words("a b cd " + "x" * 61) == ["cd"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("cursussen", "cursus"),
        ("formulieren", "formulier"),
        ("toeslagen", "toeslag"),
        ("spreekuren", "spreekuur"),
        ("lessen", "les"),
        ("taalmaatjes", "taalmaatje"),
        ("kinderen", "kind"),
        ("computers", "computer"),
        ("belastingen", "belasting"),
        ("aanvragen", "aanvraag"),
        ("bijeenkomsten", "bijeenkomst"),
    ],
)
def test_stem_brings_plurals_to_the_singular(a, b):
    assert search.stem(a) == search.stem(b)


def test_stem_keeps_words_with_digits():
    assert [search.stem(w) for w in ["nt2", "3811", "65plussers"]] == ["nt2", "3811", "65plussers"]


def test_analyse_drops_stop_words_and_keeps_the_typed_word():
    assert search.analyse("Ik wil hulp bij de cursussen") == [
        ("hulp", "hulp"),
        ("cursussen", "cursus"),
    ]
    assert search.analyse("de het een wat waar") == []


def test_max_edits_grows_with_word_length():
    assert [search.max_edits(w) for w in ["taa", "digid", "belastingaangift"]] == [0, 1, 2]
