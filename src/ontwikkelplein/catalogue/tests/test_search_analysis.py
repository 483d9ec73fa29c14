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


def python_stem(word: str) -> str:
    return search.stem(search.rewrite(search.fold(word)))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("cursussen", "cursus"),
        ("formulieren", "formulier"),
        ("toeslagen", "toeslag"),
        ("spreekuren", "spreekuur"),
        ("lessen", "les"),
        ("klassen", "klas"),
        ("taalmaatjes", "taalmaatje"),
        ("kinderen", "kind"),
        ("computers", "computer"),
        ("belastingen", "belasting"),
        ("aanvragen", "aanvraag"),
        ("bijeenkomsten", "bijeenkomst"),
        ("apps", "app"),
        ("grills", "grill"),
    ],
)
def test_plurals_meet_their_singular(a, b):
    assert python_stem(a) == python_stem(b)


@pytest.mark.parametrize(
    ("word", "rewritten"),
    [
        ("cursussen", "cursusen"),  # Snowball alone: cursuss, not cursus
        ("lessen", "lesen"),
        ("wassen", "wasen"),  # not "was", a stop word PostgreSQL would drop
        ("willen", "wilen"),  # not "wil", idem
        ("taalmaatjes", "taalmaatje"),
        ("kinderen", "kind"),
        ("steden", "stad"),
        ("cursus", "cursus"),
        ("taalcafe", "taalcafe"),
        ("nt2", "nt2"),
    ],
)
def test_rewrite_happens_before_stemming(word, rewritten):
    assert search.rewrite(word) == rewritten


def test_rewrites_are_never_stop_words():
    plurals = ["wassen", "willen", "kannen", "dannen", "mannen", "hebben", "alle"]
    assert not {search.rewrite(w) for w in plurals} & search.STOP_WORDS


def test_stem_keeps_words_with_digits():
    assert [search.stem(w) for w in ["nt2", "3811", "65plussers"]] == ["nt2", "3811", "65plussers"]


def test_analyse_drops_stop_words_and_keeps_the_typed_word():
    assert [(w.folded, w.python_stem) for w in search.analyse("Ik wil hulp bij de cursussen")] == [
        ("hulp", "hulp"),
        ("cursussen", "cursus"),
    ]
    assert search.analyse("de het een wat waar") == []


def test_postgresql_gets_the_typed_word_or_its_rewrite():
    # Accents go to PostgreSQL as typed, for unaccent to remove; rewritten words go rewritten.
    assert [w.source for w in search.analyse("Taalcafé NAÏEF cursussen Straße")] == [
        "taalcafé",
        "naïef",
        "cursusen",
        "strasse",
    ]
    # Letters outside the ranges tested against unaccent go folded.
    assert [w.source for w in search.analyse("ǣble nt2")] == ["aeble", "nt2"]
    assert [w.folded for w in search.analyse("Taalcafé NAÏEF")] == ["taalcafe", "naief"]


def test_combining_accents_stay_in_the_word():
    decomposed = "cafe\u0301 na\u0131\u0308ef"  # e + acute accent; dotless i + diaeresis
    assert search.words(decomposed) == ["cafe", "naief"]


def test_stop_words_include_postgresql_dutch_list():
    assert search.DUTCH_STOP_WORDS < search.STOP_WORDS
    assert len(search.DUTCH_STOP_WORDS) == 101


def test_max_edits_grows_with_word_length():
    assert [search.max_edits(w) for w in ["taa", "digid", "belastingaangift"]] == [0, 1, 2]
