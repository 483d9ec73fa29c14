"""Ranking of catalogue.search: fit blended with distance, "dichtstbij eerst", partial matches,
term weights and themes from the plan, and seasons. Runs on SQLite and PostgreSQL alike."""

import datetime
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.catalogue.search import Plan, SearchParams, Term, query
from ontwikkelplein.catalogue.search.engines import current_engine
from ontwikkelplein.catalogue.tests.factories import offer_type, theme
from ontwikkelplein.catalogue.tests.test_search import neutral
from ontwikkelplein.organisations.tests.factories import LocationFactory
from ontwikkelplein.places.geo import KM_PER_DEGREE

pytestmark = pytest.mark.django_db

HOME = (52.1557, 5.3881)  # Amersfoort


def at_km(km: float, name: str = ""):
    """A location `km` kilometres north of HOME."""
    return LocationFactory(
        name=name or f"Plek op {km} km",
        city="Ergens",
        latitude=HOME[0] + km / KM_PER_DEGREE,
        longitude=HOME[1],
    )


def strong(title="Cursus: computer leren", km=0.0, **kwargs):
    """Both words of "computer cursus" in the title."""
    return neutral(title, location=at_km(km), **kwargs)


def weak(km=0.0, **kwargs):
    """Only "computer", and only in the description."""
    return neutral("Spreekuur", description="Ook vragen over je computer.", location=at_km(km))


def order(text, **kwargs):
    return [hit.offer for hit in search.search(SearchParams(text=text, **kwargs)).hits]


# --- Fit and distance -------------------------------------------------------------------------


def test_a_strong_match_near_by_comes_first():
    good = strong(km=0.5)
    poor = weak(km=0.2)
    assert order("computer cursus", origin=HOME) == [good, poor]


def test_a_strong_match_a_little_further_beats_a_weak_one_next_door():
    good = strong(km=3)
    poor = weak(km=0)
    assert order("computer cursus", origin=HOME) == [good, poor]
    # Also when both match every word and only the engine's relevance tells them apart.
    title = neutral("Computer spreekuur", location=at_km(3))
    mention = neutral("Inloop", description="Ook vragen over je computer.", location=at_km(0))
    assert order("computer", origin=HOME)[:2] == [title, good]
    assert order("computer", origin=HOME).index(title) < order("computer", origin=HOME).index(
        mention
    )


def test_a_strong_match_very_far_away_does_not_beat_a_good_one_near_by():
    far = neutral("Computer cursus", summary="Een computer cursus.", location=at_km(60))
    near = neutral("Cursus", description="Werken met de computer.", location=at_km(1))
    assert order("computer cursus", origin=HOME) == [near, far]


def test_a_full_match_ranks_above_a_partial_one_at_a_similar_distance():
    partial = neutral("Computer computer computer", location=at_km(1.0))
    full = neutral("Taalcafé", description="Ook de computer en een cursus.", location=at_km(1.2))
    assert order("computer cursus", origin=HOME) == [full, partial]
    assert order("computer cursus") == [full, partial]


def test_dichtstbij_eerst_orders_by_distance_then_fit():
    poor = weak(km=0.2)
    good = strong(km=3)
    same_place_poor = neutral("Inloop", description="Ook je computer.", location=at_km(3))
    nowhere = neutral("Computer cursus thuis")  # no location: last
    assert order("computer cursus", origin=HOME, order="distance") == [
        poor,
        good,
        same_place_poor,
        nowhere,
    ]
    assert order("computer cursus", origin=HOME)[0] == good


def test_unknown_order_is_best_fit_and_order_without_origin_is_best_fit():
    poor = weak(km=0.2)
    good = strong(km=3)
    assert order("computer cursus", origin=HOME, order="nonsense") == [good, poor]
    assert order("computer cursus", order="distance") == [good, poor]


def test_without_words_distance_order_stays():
    far = neutral("Aaa ver weg", location=at_km(30))
    near = neutral("Zzz dichtbij", location=at_km(1))
    assert order("", origin=HOME) == [near, far]
    assert order("", origin=HOME, order="distance") == [near, far]
    assert order("") == [far, near]


def test_paging_follows_the_blended_order():
    for n in range(7):
        strong(f"Cursus {n}: computer leren", km=n)
    for n in range(5):
        weak(km=0.1 * n)
    pages = [order("computer cursus", origin=HOME, per_page=4, page=page) for page in (1, 2, 3, 4)]
    everything = order("computer cursus", origin=HOME, per_page=50)
    assert list(itertools.chain(*pages)) == everything
    assert search.search(SearchParams(text="computer cursus", origin=HOME, per_page=4)).total == 12
    assert all(offer.title.startswith("Cursus") for offer in everything[:7])


# --- What the plan says: weights, themes, offer types -----------------------------------------


def planned(monkeypatch, *terms: tuple[str, float], themes=(), offer_types=()):
    """search() with a hand-made plan (the planning lane fills weights and themes)."""
    engine = current_engine()
    stems = {}
    for word, _ in terms:
        [analysed] = search.analyse(word)
        stems[word] = engine.stems({analysed})[analysed][0]
    made = Plan(
        terms=tuple(Term(((stems[word],),), weight) for word, weight in terms),
        corrections={},
        themes=themes,
        offer_types=offer_types,
    )
    monkeypatch.setattr(query, "plan", lambda text: made)


def test_a_word_that_carries_little_weighs_little_and_does_not_decide_the_match(monkeypatch):
    need = neutral("Belasting aangifte")
    neutral("Hulp bij alles")
    both = neutral("Hulp bij belasting")
    planned(monkeypatch, ("hulp", 0.2), ("belasting", 1.0))
    assert order("hulp belasting") == [both, need]
    # Weights within half of the heaviest all decide: a partial match is found, ranked lower.
    planned(monkeypatch, ("hulp", 0.6), ("belasting", 1.0))
    assert order("hulp belasting")[:2] == [both, need]
    assert len(order("hulp belasting")) == 3


def test_offers_with_the_plans_theme_or_offer_type_rank_higher_and_are_not_filtered(monkeypatch):
    plain = neutral("Spreekuur brieven", themes=[theme("persoonlijke-ontwikkeling")])
    money = neutral("Spreekuur brieven", themes=[theme("geldzaken")])
    planned(monkeypatch, ("brieven", 1.0), themes=("geldzaken",))
    assert order("brieven") == [money, plain]
    course = neutral("Spreekuur brieven", offer_type=offer_type("cursus"))
    planned(monkeypatch, ("brieven", 1.0), offer_types=("cursus",))
    assert order("brieven")[0] == course


def test_an_offer_only_about_the_plans_theme_ranks_above_one_that_also_touches_it(monkeypatch):
    # Both match only through a theme's name; the job offer is also about work.
    jobs = neutral("Spreekuur", themes=[theme("digitale-vaardigheden"), theme("werk")])
    # A longer text, so bm25 alone would put it below the job offer.
    basics = neutral(
        "Spreekuur",
        description="Een vrijwilliger helpt je verder met al je vragen, in je eigen tempo.",
        themes=[theme("digitale-vaardigheden")],
    )
    planned(monkeypatch, ("telefoon", 1.0), themes=("digitale-vaardigheden",))
    assert order("telefoon") == [basics, jobs]
    unrelated = neutral("Spreekuur", themes=[theme("werk")])
    planned(monkeypatch, ("spreekuur", 1.0), themes=("digitale-vaardigheden",))
    assert order("spreekuur") == [basics, jobs, unrelated]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weights=st.lists(
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just(0.0)),
        min_size=1,
        max_size=4,
    ),
    origin=st.one_of(
        st.none(),
        st.just(HOME),
        st.tuples(st.floats(-89, 89), st.floats(-180, 180)),
    ),
    nearest=st.booleans(),
)
def test_any_weights_never_fail_and_never_lose_a_match(monkeypatch, weights, origin, nearest):
    if not Offer.objects.exists():
        neutral("Taal computer", location=at_km(1))
        neutral("Geld", location=at_km(5))
        neutral("Fiets")
    words = ["taal", "computer", "geld", "lezen"][: len(weights)]
    planned(monkeypatch, *zip(words, weights, strict=True))
    results = search.search(
        SearchParams(text="x", origin=origin, order="distance" if nearest else "fit")
    )
    # Which terms decide is query._deciding's rule (tested above); here: the SQL follows it.
    weighted = query._weighted(query.plan("x").terms)
    chosen = query._deciding(weighted)
    deciding = {word for word, term in zip(words, weighted, strict=True) if term in chosen}
    expected = set()
    if deciding & {"taal", "computer"}:
        expected.add("Taal computer")
    if "geld" in deciding:
        expected.add("Geld")
    assert {hit.offer.title for hit in results.hits} == expected
    assert results.total == len(expected)


# --- Seasons and later starts -----------------------------------------------------------------


def test_an_offer_out_of_season_is_found_labelled_and_ranked_below_an_equal_one_in_season(
    time_machine,
):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    tax = neutral("Belasting spreekuur", season_start_month=3, season_end_month=4)
    same = neutral("Belasting spreekuur", description="Het hele jaar.")
    mention = neutral(
        "Spreekuur",
        description="Vragen over post, formulieren, DigiD, zorg, wonen en werk; soms ook over je"
        " belasting en toeslagen.",
    )
    for title in ("Taalcafe", "Klik en Tik", "Voorlezen", "Digisterker", "Geldfit", "Leesclub"):
        neutral(title)  # a word in every offer would weigh nothing (bm25's idf)
    hits = search.search(SearchParams(text="belasting")).hits
    # In December: an equal offer open now first; the tax help itself (out of season, labelled)
    # still above an open offer that mentions taxes in passing.
    assert [hit.offer for hit in hits] == [same, tax, mention]
    assert [hit.available for hit in hits] == [True, False, True]
    assert tax.availability_note() == "Weer vanaf maart"
    assert tax.available_from() == datetime.date(2027, 3, 1)
    time_machine.move_to(datetime.datetime(2027, 3, 15, 12))
    assert tax.availability_note() == ""
    hits = search.search(SearchParams(text="belasting")).hits
    assert [hit.offer for hit in hits][-1] == mention
    assert all(hit.available for hit in hits)


def test_a_season_may_run_over_the_new_year(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    winter = neutral("Schaatsen", season_start_month=11, season_end_month=2)
    [hit] = search.search(SearchParams(text="schaatsen")).hits
    assert hit.available and winter.availability_note() == ""
    time_machine.move_to(datetime.datetime(2027, 6, 1, 12))
    [hit] = search.search(SearchParams(text="schaatsen")).hits
    assert not hit.available and winter.availability_note() == "Weer vanaf november"


def test_the_next_season_after_the_end_date_is_no_promise(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    last = neutral(
        "Belasting", season_start_month=3, season_end_month=4, valid_to=datetime.date(2026, 12, 31)
    )
    assert last.available_from() is None
    assert last.availability_note() == "Nu niet beschikbaar"


def test_a_later_start_inside_a_season_says_the_date(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    offer = neutral(
        "Belasting", season_start_month=3, season_end_month=4, valid_from=datetime.date(2027, 3, 9)
    )
    assert offer.availability_note() == "Vanaf 9 maart 2027"
    late = neutral(
        "Belasting", season_start_month=3, season_end_month=4, valid_from=datetime.date(2027, 5, 9)
    )
    assert late.availability_note() == "Weer vanaf maart"
    assert late.available_from() == datetime.date(2028, 3, 1)


def test_the_sql_season_rule_is_the_models_rule(time_machine):
    """Every pair of months, on a day in every month: search()'s flag agrees with the model."""
    offers = [
        neutral("Seizoen", season_start_month=start, season_end_month=end)
        for start in range(1, 13)
        for end in range(1, 13)
    ]
    for month in range(1, 13):
        day = datetime.date(2027, month, 15)
        time_machine.move_to(datetime.datetime.combine(day, datetime.time(12)))
        hits = search.search(SearchParams(text="seizoen", per_page=100)).hits
        hits += search.search(SearchParams(text="seizoen", per_page=100, page=2)).hits
        assert len(hits) == len(offers)
        for hit in hits:
            assert hit.available == hit.offer.in_season(day), (month, hit.offer.season_start_month)


@pytest.mark.parametrize(
    ("weights", "normalised", "deciding"),
    [
        ([1.0, 1.0], [0.5, 0.5], [0, 1]),
        ([1.0, 0.2], [0.833333, 0.166667], [0]),
        ([0.0, 0.0], [0.5, 0.5], [0, 1]),
        ([float("nan"), -3.0, 2.0], [0.0, 0.0, 1.0], [2]),
        ([float("inf"), 1.0], [0.0, 1.0], [1]),
        ([1e308, 1e308, 1e-300], [0.5, 0.5, 0.0], [0, 1]),
    ],
)
def test_weights_are_normalised_and_light_words_do_not_decide(weights, normalised, deciding):
    terms = tuple(Term(((f"w{i}",),), w) for i, w in enumerate(weights))
    weighted = query._weighted(terms)
    assert [t.weight for t in weighted] == pytest.approx(normalised)
    assert [weighted.index(t) for t in query._deciding(weighted)] == deciding


# --- Near hits first (query.NEAR_KM) ------------------------------------------------------------


def near_world():
    """Strong, weak, partial and out-of-season matches from next door to 120 km, and one without
    coordinates: enough for a near page to be exact, or not, depending on NEAR_KM."""
    offers = []
    for i, km in enumerate([0.3, 0.8, 1.5, 2, 4, 6, 9, 12, 15, 19, 25, 33, 41, 55, 70, 90, 120]):
        offers.append(strong(title=f"Computer cursus {i}", km=km))
        offers.append(weak(km=km + 0.1))
        offers.append(neutral(f"Computer spreekuur {i}", location=at_km(km + 0.2)))
    offers.append(
        neutral("Computer cursus in de winter", location=at_km(3), **{"season_start_month": 1})
    )
    offers.append(
        neutral(
            "Computer cursus zonder plek",
            location=LocationFactory(name="Zonder coördinaten", latitude=None, longitude=None),
        )
    )
    return offers


def ranking(text, **kwargs):
    results = search.search(SearchParams(text=text, **kwargs))
    return results.total, [(hit.offer.pk, hit.distance_km, hit.available) for hit in results.hits]


@pytest.mark.parametrize("text", ["computer cursus", "computer", ""])
@pytest.mark.parametrize("order_by", [query.ORDER_FIT, query.ORDER_DISTANCE])
def test_a_page_ranked_from_the_near_hits_is_the_page_of_all_hits(monkeypatch, text, order_by):
    near_world()
    cases = [(per_page, page) for per_page in (3, 7, 20) for page in (1, 2, 4)]
    monkeypatch.setattr(query, "NEAR_KM", None)
    expected = {
        case: ranking(text, origin=HOME, order=order_by, per_page=case[0], page=case[1])
        for case in cases
    }
    for near_km in (1.0, 5.0, 20.0, 30.0, 1000.0):
        monkeypatch.setattr(query, "NEAR_KM", near_km)
        monkeypatch.setattr(query, "NEAR_BOUND", 0.5 ** (near_km / query.HALF_DISTANCE_KM))
        for per_page, page in cases:
            got = ranking(text, origin=HOME, order=order_by, per_page=per_page, page=page)
            assert got == expected[per_page, page], (near_km, per_page, page)


def test_a_dense_neighbourhood_needs_one_statement_and_a_thin_one_looks_further():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(6):
        strong(title=f"Computer cursus dichtbij {i}", km=0.5 + i)
    far_only = [neutral(f"Taalcafé ver weg {i}", location=at_km(200 + i)) for i in range(3)]

    def statements(text):
        with CaptureQueriesContext(connection) as captured:
            results = search.search(SearchParams(text=text, origin=HOME, per_page=5))
        return results, [q["sql"] for q in captured if "hits AS MATERIALIZED" in q["sql"]]

    results, ranked = statements("computer cursus")
    assert len(ranked) == 1 and "in_range" in ranked[0]
    assert results.total == 6 and len(results.hits) == 5
    # Nothing near by: the near page is not full, so the whole catalogue is ranked.
    results, ranked = statements("taalcafé")
    assert len(ranked) == 2 and "in_range" not in ranked[1]
    assert [hit.offer for hit in results.hits] == far_only
