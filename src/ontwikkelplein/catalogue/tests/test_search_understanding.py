"""How the search reads what residents type (issue 13): the needs vocabulary, words that carry
no need, compounds, typing errors and other languages. Runs on the suite's engine: SQLite by
default, PostgreSQL with DATABASE_URL (both are run for search work)."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue import reference_data, search
from ontwikkelplein.catalogue.models import NeedLanguage, NeedPhrase
from ontwikkelplein.catalogue.search import SearchParams, compounds, planning
from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type, target_group, theme

pytestmark = pytest.mark.django_db


def neutral(title, **kwargs):
    kwargs.setdefault("summary", "Kom gerust langs.")
    kwargs.setdefault("description", "Samen aan de slag.")
    kwargs.setdefault("themes", [theme("persoonlijke-ontwikkeling")])
    kwargs.setdefault("target_groups", [target_group("iedereen")])
    kwargs.setdefault("offer_type", offer_type("activiteit"))
    return OfferFactory(title=title, **kwargs)


def results(text):
    return search.search(SearchParams(text=text, per_page=50))


def titles(text):
    return {hit.offer.title for hit in results(text).hits}


@pytest.fixture
def catalogue():
    """A small catalogue in the words offers use, none of them in the words residents type."""
    return {
        "taalhuis": neutral(
            "Spreekuur Taalhuis",
            summary="Beter lezen, schrijven en rekenen.",
            themes=[theme("lezen-en-schrijven")],
        ),
        "formulieren": neutral(
            "Formulierenbrigade",
            summary="Hulp bij het invullen van formulieren en het lezen van moeilijke brieven.",
            themes=[theme("digitale-overheid")],
            offer_type=offer_type("formulierenhulp"),
        ),
        "geld": neutral(
            "Geldfit: rondkomen met je inkomen",
            summary="Overzicht in je geldzaken.",
            themes=[theme("geldzaken")],
        ),
        "computer": neutral("Starten met de computer", themes=[theme("digitale-vaardigheden")]),
        "telefoon": neutral(
            "Telefooncafé",
            summary="Vragen over je smartphone of tablet?",
            offer_type=offer_type("cafe"),
        ),
        "sollicitatie": neutral("Hulp bij solliciteren", themes=[theme("werk")]),
        "belasting": neutral("Hulp bij je belastingaangifte", themes=[theme("geldzaken")]),
        "nederlands": neutral(
            "Nederlands leren voor volwassenen", themes=[theme("nederlands-leren")]
        ),
        "taalcafe": neutral("Taalcafé", summary="Praat mee in het Nederlands."),
        "baby": neutral(
            "BoekStart: voorlezen voor baby's", themes=[theme("kinderen-lezen-en-cultuur")]
        ),
    }


# --- The needs vocabulary -----------------------------------------------------------------------


def test_the_national_set_is_installed_by_the_migration():
    assert NeedPhrase.objects.count() == len(reference_data.NEED_PHRASES)
    languages = set(NeedPhrase.objects.values_list("language", flat=True))
    assert languages == {choice.value for choice in NeedLanguage}
    phrase = NeedPhrase.objects.get(language="nl", key="ik snap de brief niet")
    assert {t.code for t in phrase.offer_types.all()} == {"formulierenhulp"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik snap de brief niet", "formulieren"),
        ("Ik kom niet rond", "geld"),
        ("geldzorgen", "geld"),
        ("mijn oma kan niet met de computer", "computer"),
        ("ik kan niet goed lezen", "taalhuis"),
        ("brief van de gemeente", "formulieren"),
    ],
)
def test_sentences_residents_type_find_the_offer(catalogue, text, expected):
    assert catalogue[expected].title in titles(text)


def test_a_phrase_gives_themes_and_offer_types_and_its_words_as_alternatives(catalogue):
    plan = search.plan("ik snap de brief van de gemeente niet")
    assert "formulierenhulp" in plan.offer_types
    assert "digitale-overheid" in plan.themes
    # "snap" is in no offer: it does not decide the match.
    assert all(any(g != ("snap",) for g in term.alternatives) for term in plan.terms)
    assert catalogue["formulieren"].title in titles("ik snap de brief van de gemeente niet")


def test_negation_belongs_to_the_phrase():
    reading = search.plan("ik kan niet goed lezen")
    assert "lezen-en-schrijven" in reading.themes
    # Without "niet" it is another sentence: "goed lezen" matches no phrase of its own.
    assert search.plan("ik kan goed lezen").themes == ()


def test_words_order_does_not_matter_for_a_phrase():
    assert search.plan("brief gemeente").themes == search.plan("gemeente brief").themes != ()


def test_the_kb_edits_the_vocabulary_and_the_search_follows_at_once():
    offer = neutral("Fietsles voor nieuwkomers")
    assert results("ik wil leren fietsen").total == 0
    phrase = NeedPhrase.objects.create(phrase="Ik wil leren fietsen", words="fietsles")
    phrase.themes.add(theme("persoonlijke-ontwikkeling"))
    assert [hit.offer for hit in results("ik wil leren fietsen").hits] == [offer]
    assert search.plan("leren fietsen").themes == ("persoonlijke-ontwikkeling",)
    phrase.is_active = False
    phrase.save()
    assert results("ik wil leren fietsen").total == 0


def test_a_phrase_key_ignores_capitals_accents_and_punctuation():
    phrase = NeedPhrase.objects.create(phrase="  Mijn Opa's CAFÉ! ", words="cafe")
    assert phrase.key == "mijn opa cafe"


# --- Words that carry no need -------------------------------------------------------------------


def test_words_that_carry_no_need_do_not_decide_the_match(catalogue):
    found = titles("ik wil graag hulp met mijn telefoon")
    assert catalogue["telefoon"].title in found
    plan = search.plan("hulp bij mijn telefoon")
    assert all(("hulp",) not in term.alternatives for term in plan.terms)


def test_only_words_that_carry_no_need_still_find_general_help(catalogue):
    plan = search.plan("ik zoek hulp")
    assert plan.terms and all(term.weight < 1 for term in plan.terms)
    assert catalogue["sollicitatie"].title in titles("ik zoek hulp")
    # Nothing in any offer: everything rather than nothing.
    assert results("ik weet het niet").total == len(catalogue)
    assert search.plan("hoe kan ik").terms == ()


def test_a_word_in_no_offer_does_not_empty_the_result(catalogue):
    assert titles("computer knutselen") == {catalogue["computer"].title}


# --- Compounds ----------------------------------------------------------------------------------


def test_compounds_meet_their_parts_both_ways(catalogue):
    assert catalogue["taalcafe"].title in titles("taal cafe")
    assert catalogue["belasting"].title in titles("aangifte belasting")
    computer = neutral("Cursus werken met de computer")
    assert computer.title in titles("computercursus")
    assert catalogue["belasting"].title in titles("belastingsaangifte")  # linking -s-


def test_two_typed_words_also_match_the_word_they_form(monkeypatch):
    # Even where the word list cannot split the offer's compound, the query joins its words.
    monkeypatch.setattr(compounds, "split_known", lambda word: ())
    offer = neutral("Klikcafe")
    search.index_offer(offer.pk)
    assert [hit.offer for hit in results("klik cafe").hits] == [offer]


def test_a_phrase_met_inside_a_compound_keeps_the_rest_of_the_compound():
    course = neutral("Cursus werken met de computer")
    consultation = neutral("Computer spreekuur")
    plan = search.plan("ik zoek een computercursus")
    assert "digitale-vaardigheden" in plan.themes  # the phrase "computer" (en) inside it
    # "cursus" still counts: the course matches all, the consultation only "computer".
    hits = [hit.offer for hit in results("ik zoek een computercursus").hits]
    assert hits == [course, consultation]


def test_phrases_asking_the_same_make_one_term():
    # "help with reading" and "reading" both need only "reading".
    assert len(search.plan("help with reading").terms) == 1


def test_documents_index_the_parts_of_their_compounds():
    document = search.document(neutral("Taalcafé en belastingaangifte"))
    body = {word.folded for word in document.body}
    assert {"taal", "cafe", "belasting", "aangifte"} <= body


# --- Typing errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "intended", "offer"),
    [
        ("computr", "computer", "computer"),
        ("belsting", "belasting", "belasting"),
        ("nederlnds", "nederlands", "nederlands"),
        ("taalhuiz", "taalhuis", "taalhuis"),
        ("solicitere", "solliciteren", "sollicitatie"),
        ("telfoon", "telefoon", "telefoon"),
    ],
)
def test_realistic_typing_errors_are_corrected(catalogue, typed, intended, offer):
    found = results(typed)
    assert found.corrections == {typed: intended}
    assert catalogue[offer].title in {hit.offer.title for hit in found.hits}


def test_a_word_of_another_language_in_the_vocabulary_is_not_a_typing_error(catalogue):
    # "telefon" is Polish and Turkish for telefoon: no correction, the vocabulary maps it.
    found = results("telefon")
    assert found.corrections == {}
    assert catalogue["telefoon"].title in {hit.offer.title for hit in found.hits}


def test_the_vocabulary_weighs_more_than_frequency():
    for n in range(3):
        neutral(f"Leen een laptop {n}")
    reading = neutral("Beter lezen")
    # "lezn" is one edit from both; "leen" is in more offers, "lezen" in the needs vocabulary.
    found = results("lezn")
    assert found.corrections == {"lezn": "lezen"}
    assert [hit.offer for hit in found.hits] == [reading]


def test_a_typing_error_inside_a_phrase(catalogue):
    assert "lezen-en-schrijven" in search.plan("ik kan niet goed lezn").themes


# --- Other languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help with reading", "taalhuis"),
        ("I need help with my tax return", "belasting"),
        ("learn dutch", "nederlands"),
        ("my phone", "telefoon"),
        ("money problems", "geld"),
        ("find a job", "sollicitatie"),
        ("hollandaca öğrenmek", "nederlands"),
        ("podatki", "belasting"),
        ("телефон", "telefoon"),
        ("تعلم اللغة الهولندية", "nederlands"),
    ],
)
def test_other_languages_map_to_the_dutch_vocabulary(catalogue, text, expected):
    assert catalogue[expected].title in titles(text)


def test_the_kb_adds_a_word_in_another_language():
    offer = neutral("Hulp bij de huurtoeslag")
    assert results("czynsz").total == 0
    NeedPhrase.objects.create(phrase="czynsz", language="pl", words="huurtoeslag")
    assert [hit.offer for hit in results("czynsz").hits] == [offer]


# --- Free-form input ----------------------------------------------------------------------------


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_any_text_gets_a_plan_never_an_error(text):
    plan = planning.plan(text)
    assert all(term.alternatives for term in plan.terms)
    assert all(0 < term.weight <= 1 for term in plan.terms)


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.sampled_from(
            """ik kan niet goed lezen brief gemeente taal cafe hulp help tax belsting computr
            geldzorgen 'OR" * telefoon mijn oma the my телефон""".split()  # noqa: SIM905
        ),
        max_size=14,
    )
)
def test_any_mix_of_vocabulary_words_gets_a_plan(words):
    plan = planning.plan(" ".join(words))
    assert len(plan.terms) <= planning.MAX_QUERY_WORDS


def test_the_command_adds_missing_national_phrases_and_keeps_the_kbs_changes():
    import io

    from django.core.management import call_command

    changed = NeedPhrase.objects.get(language="nl", key="geldzorgen")
    changed.words = "schuldhulpmaatje"
    changed.save()
    NeedPhrase.objects.filter(language="en", key="debts").delete()
    out = io.StringIO()
    call_command("add_national_need_phrases", stdout=out)
    assert out.getvalue().strip() == "1 phrases added to the needs vocabulary."
    changed.refresh_from_db()
    assert changed.words == "schuldhulpmaatje"
    assert NeedPhrase.objects.filter(language="en", key="debts").exists()
