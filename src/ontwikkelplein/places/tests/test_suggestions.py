"""Place names with typing errors: suggest_place and find_place (places/geo.py) on the real PC4
data that the migrations load."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.places.geo import find_place, resolve_place, suggest_place
from ontwikkelplein.places.tests.factories import PostcodeAreaFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Amersfort", "Amersfoort"),
        ("amersfoortt", "Amersfoort"),
        ("Utrect", "Utrecht"),
        ("Den Hag", "Den Haag"),
        ("den-bosch", "Den Bosch"),
        ("Groningn", "Groningen"),
        ("Rotterdan", "Rotterdam"),
        ("Amesrfoort", "Amersfoort"),  # two letters swapped: one typing error
        ("Maastrict", "Maastricht"),
    ],
)
def test_a_misspelt_town_gets_the_town_meant(typed, meant):
    assert suggest_place(typed) == meant


def test_nothing_is_suggested_for_what_is_no_place():
    assert suggest_place("Atlantis") is None
    assert suggest_place("ik wil hulp met mijn computer") is None
    assert suggest_place("xy") is None  # too short to guess at
    assert suggest_place("") is None
    assert suggest_place("3811") is None  # a postcode is not a name


def test_aliases_resolve_to_their_town_under_the_name_typed():
    den_haag = resolve_place("den haag")
    assert den_haag.label == "Den Haag"
    assert den_haag == resolve_place("Den Haag")
    gravenhage = resolve_place("'s-Gravenhage")
    assert (den_haag.latitude, den_haag.longitude) == (gravenhage.latitude, gravenhage.longitude)


def test_one_typing_error_with_no_rival_is_used_directly():
    match = find_place("Amersfort")
    assert match.corrected and match.suggestion == "Amersfoort"
    assert match.place == resolve_place("Amersfoort")
    assert find_place("Den Hag").place.label == "Den Haag"


@pytest.mark.parametrize("typed", ["3811 AB Amersfoort", "3811AB, Amersfoort", "Amersfoort 3811"])
def test_an_address_line_is_read_by_its_postcode(typed):
    match = find_place(typed)
    assert match.corrected
    assert match.place.label in {"3811 AB", "3811"}
    assert match.place.latitude == resolve_place("3811").latitude


def test_a_known_place_is_not_a_correction():
    match = find_place("amersfoort")
    assert match.place.label == "Amersfoort" and not match.corrected and not match.suggestion


def test_two_typing_errors_are_only_suggested():
    match = find_place("Amrsfort")
    assert match.place is None and not match.corrected
    assert match.suggestion == "Amersfoort"


def test_a_close_rival_makes_it_a_suggestion_not_a_choice():
    # Two made-up places of the same size, each one typing error away: do not choose for them.
    PostcodeAreaFactory(pc4="1001", town="Qwerdam", latitude=52.0, longitude=5.6)
    PostcodeAreaFactory(pc4="1002", town="Qwerdim", latitude=52.1, longitude=5.7)
    match = find_place("Qwerdom")
    assert match.place is None
    assert match.suggestion in {"Qwerdam", "Qwerdim"}
    PostcodeAreaFactory(pc4="1003", town="Qwerdom", latitude=52.1, longitude=5.7)
    assert find_place("Qwerdom").place.label == "Qwerdom"


def test_the_larger_place_wins_a_tie():
    PostcodeAreaFactory(pc4="1004", town="Utrechz", latitude=52.0, longitude=5.1)
    assert suggest_place("Utrecjt") == "Utrecht"  # 42 postcode areas against 1


def test_short_names_are_not_corrected_directly():
    match = find_place("Gos")  # Goes, but also Gors, Oss ...
    assert match.place is None


def test_an_unknown_place_without_a_suggestion():
    match = find_place("Atlantis")
    assert match.place is None and match.suggestion == "" and not match.corrected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120))
def test_any_text_gives_an_answer_never_an_exception(text):
    suggestion = suggest_place(text)
    match = find_place(text)
    assert suggestion is None or isinstance(suggestion, str)
    assert match.place is None or match.place.label
    if match.corrected:
        assert match.place is not None and match.suggestion


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["Amersfoort", "Utrecht", "Groningen", "Rotterdam"]), st.integers(0, 20))
def test_one_deleted_letter_in_a_large_town_finds_it(town, position):
    position %= len(town)
    typed = town[:position] + town[position + 1 :]
    assert suggest_place(typed) == town
