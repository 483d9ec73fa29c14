"""catalogue.search on the database: the same tests run on SQLite (FTS5) and PostgreSQL."""

import ast
import datetime
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Programme,
    Schedule,
    ScheduleKind,
    SignUp,
    SynonymGroup,
)
from ontwikkelplein.catalogue.search import SearchParams, analysis, indexing
from ontwikkelplein.catalogue.search.engines import current_engine
from ontwikkelplein.catalogue.tests.factories import (
    OfferFactory,
    offer_type,
    target_group,
    theme,
)
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
)
from ontwikkelplein.places.geo import distance_km

pytestmark = pytest.mark.django_db

AMERSFOORT = (52.1557, 5.3881)
UTRECHT = (52.0907, 5.1214)
ZWOLLE = (52.5168, 6.0830)
MAASTRICHT = (50.8514, 5.6910)


def neutral(title, **kwargs):
    """An offer whose words are only the ones a test gives it (the factory defaults talk about
    DigiD and toeslagen, which would match the synonym tests)."""
    kwargs.setdefault("summary", "Kom gerust langs.")
    kwargs.setdefault("description", "Samen aan de slag.")
    kwargs.setdefault("themes", [theme("persoonlijke-ontwikkeling")])
    kwargs.setdefault("target_groups", [target_group("iedereen")])
    kwargs.setdefault("offer_type", offer_type("activiteit"))
    return OfferFactory(title=title, **kwargs)


def found(text="", **kwargs):
    return [hit.offer for hit in search.search(SearchParams(text=text, **kwargs)).hits]


def titles(text="", **kwargs):
    return [offer.title for offer in found(text, **kwargs)]


# --- Words, stemming, accents ------------------------------------------------------------------


def test_plural_finds_singular_and_back():
    course = neutral("Cursus omgaan met geld")
    form = neutral("Hulp bij je formulier")
    assert found("cursussen") == [course]
    assert found("formulieren") == [form]
    neutral("Drie cursussen voor beginners")
    assert titles("cursus") == ["Cursus omgaan met geld", "Drie cursussen voor beginners"]


def test_accents_do_not_matter_either_way():
    cafe = neutral("Taalcafé De Kroon")
    plain = neutral("Taalcafe Zuid")
    assert set(found("taalcafe")) == {cafe, plain}
    assert set(found("TAALCAFÉ")) == {cafe, plain}


def test_a_full_match_ranks_above_partial_ones_which_are_still_found():
    both = neutral("Cursus werken met de computer")
    money = neutral("Cursus omgaan met geld")
    computer = neutral("Computer spreekuur")
    results = found("cursus computer")
    assert results[0] == both
    assert set(results[1:]) == {money, computer}


def test_when_not_all_words_match_any_word_may_ranked_by_relevance():
    neutral("Computer spreekuur")
    neutral("Cursus omgaan met geld", description="Ook over computers.")
    # "knutselen" is in no offer and too far from every word to be a typing error.
    assert titles("computer knutselen") == ["Computer spreekuur", "Cursus omgaan met geld"]


def test_title_counts_more_than_description():
    neutral("Aanloop", description="Ook vragen over je computer.")
    neutral("Spreekuur", summary="Vragen over je computer.")
    neutral("Computer spreekuur")
    # Relevance, not the alphabet: title, then summary, then description.
    assert titles("computer") == ["Computer spreekuur", "Spreekuur", "Aanloop"]


def test_indexed_text_includes_names_of_terms_provider_partners_programme_and_places():
    partner = PartnerFactory(name="Stichting Humanitas Eemland")
    location = LocationFactory(name="Buurthuis De Kikker", city="Leusden")
    offer = neutral(
        "Inloop",
        organisation=OrganisationFactory(name="Bibliotheek Eemland"),
        themes=[theme("geldzaken")],
        target_groups=[target_group("65-plussers")],
        offer_type=offer_type("formulierenhulp"),
        location=location,
    )
    offer.partners.add(partner)
    offer.programme = Programme.objects.get(code="belastinghulp")
    offer.save()
    search.index_offer(offer.pk)
    for text in [
        "geldzaken",
        "65-plussers",
        "formulieren invullen",
        "Bibliotheek Eemland",
        "Humanitas",
        "Belastinghulp",
        "Kikker",
        "Leusden",
    ]:
        assert found(text) == [offer], text


# --- Synonyms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offer_text", "query"),
    [
        ("Hulp met je DigiD", "inloggen overheid"),
        ("Inloggen bij de overheid", "digid"),
        ("Hulp bij je aangifte", "belastingaangifte"),
        ("Hulp bij je aangifte", "inkomstenbelasting"),
        ("Belastingaangifte doen", "aangifte"),
        ("Inkomstenbelasting invullen", "belastingaangifte"),
        ("Vragen over je toeslag", "zorgtoeslag"),
        ("Vragen over je toeslag", "huurtoeslag"),
        ("Zorgtoeslag aanvragen", "toeslag"),
        ("Huurtoeslag aanvragen", "zorgtoeslag"),
    ],
)
def test_seeded_synonyms(offer_text, query):
    offer = neutral(offer_text)
    neutral("Voorlezen voor peuters")
    assert found(query) == [offer]


def test_a_phrase_synonym_needs_all_its_words():
    neutral("Inloggen op je computer")
    assert found("digid") == []


def test_synonyms_edited_by_staff_work_at_once():
    offer = neutral("Fietsles voor nieuwkomers")
    assert found("rijwielles") == []
    SynonymGroup.objects.create(terms="fietsles, rijwielles")
    assert found("rijwielles") == [offer]


# --- Typing errors ----------------------------------------------------------------------------


def test_typing_error_is_corrected_and_reported():
    offer = neutral("Hulp met je DigiD")
    results = search.search(SearchParams(text="digdi"))
    assert [h.offer for h in results.hits] == [offer]
    assert results.corrections == {"digdi": "digid"}


def test_long_word_may_have_two_errors():
    offer = neutral("Hulp bij de belastingaangifte")
    results = search.search(SearchParams(text="belastingaangfite"))
    assert [h.offer for h in results.hits] == [offer]
    assert results.corrections == {"belastingaangfite": "belastingaangifte"}


def test_typing_error_in_a_synonym_is_corrected_then_expanded():
    offer = neutral("Hulp bij je aangifte")
    results = search.search(SearchParams(text="inkomstenbelastnig"))
    assert [h.offer for h in results.hits] == [offer]
    assert results.corrections == {"inkomstenbelastnig": "inkomstenbelasting"}


def test_known_words_and_short_words_are_not_corrected():
    neutral("Taal en rekenen")
    neutral("Spreekuur")
    assert search.search(SearchParams(text="rekenen")).corrections == {}
    results = search.search(SearchParams(text="taa"))  # too short to guess ("taal"?)
    assert results.corrections == {} and results.total == 0


def test_correction_prefers_the_closest_then_the_most_common_word():
    neutral("Lezen voor peuters")
    neutral("Lezen en schrijven")
    neutral("Leven lang leren")
    # "lezn" is one letter away from lezen (two offers) and two from leven.
    assert search.search(SearchParams(text="lezn")).corrections == {"lezn": "lezen"}


# --- Publication -------------------------------------------------------------------------------


def test_published_offers_that_have_not_ended_are_found():
    today = timezone.localdate()
    live = neutral("Taalcafé live")
    neutral("Taalcafé concept", status=OfferStatus.DRAFT)
    neutral("Taalcafé gearchiveerd", status=OfferStatus.ARCHIVED)
    neutral("Taalcafé verlopen", valid_to=today - datetime.timedelta(days=1))
    later = neutral("Taalcafé straks", valid_from=today + datetime.timedelta(days=1))
    starts_today = neutral("Taalcafé vanaf vandaag", valid_from=today, valid_to=today)
    assert set(found("taalcafe")) == {live, starts_today, later}
    assert set(found()) == {live, starts_today, later}
    # Available today first; the offer that starts tomorrow last, and marked as such.
    hits = search.search(SearchParams(text="taalcafe")).hits
    assert hits[-1].offer == later and not hits[-1].available
    assert all(hit.available for hit in hits[:-1])


def test_an_offer_that_starts_later_is_found_with_its_start_date(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    offer = neutral("Taalcafé straks", valid_from=datetime.date(2027, 3, 3))
    [hit] = search.search(SearchParams(text="taalcafe")).hits
    assert hit.offer == offer and not hit.available
    assert offer.available_from() == datetime.date(2027, 3, 3)
    assert offer.availability_note() == "Vanaf 3 maart 2027"
    time_machine.move_to(datetime.datetime(2027, 2, 1, 12))
    assert offer.availability_note() == "Vanaf 3 maart"
    time_machine.move_to(datetime.datetime(2027, 3, 3, 12))
    [hit] = search.search(SearchParams(text="taalcafe")).hits
    assert hit.available and offer.availability_note() == ""


def test_reindex_after_change_and_unpublish():
    offer = neutral("Taalcafé")
    Offer.objects.filter(pk=offer.pk).update(title="Praatgroep Noord")
    assert found("noord") == []  # not reindexed yet
    search.index_offer(offer.pk)
    assert found("noord") == [offer]
    assert found("taalcafe") == [offer]  # through the synonym praatgroep, no longer the title
    Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.ARCHIVED)
    search.index_offer(offer.pk)
    assert found("noord") == []
    # The archived offer's words left the vocabulary: no "correction" towards them.
    assert search.search(SearchParams(text="noordd")).corrections == {}


def test_index_offer_of_a_deleted_offer_removes_it():
    offer = neutral("Fietsenmaker", indexed=True)
    assert search.search(SearchParams(text="fietsenmakr")).corrections == {
        "fietsenmakr": "fietsenmaker"
    }
    offer_id = offer.pk
    offer.delete()
    search.index_offer(offer_id)
    assert search.search(SearchParams(text="fietsenmaker")).total == 0
    assert search.search(SearchParams(text="fietsenmakr")).corrections == {}


def test_index_offer_is_needed_to_be_found():
    neutral("Taalcafé", indexed=False)
    assert found("taalcafe") == []
    assert len(found()) == 1  # browsing without words does not use the index


def test_rebuild_index_indexes_every_published_offer():
    neutral("Taalcafé", indexed=False)
    neutral("Computerles", indexed=False)
    neutral("Concept", status=OfferStatus.DRAFT, indexed=False)
    assert search.rebuild_index() == 2
    assert titles("taalcafe") == ["Taalcafé"]
    assert search.search(SearchParams(text="computerlse")).corrections == {
        "computerlse": "computerles"
    }
    assert search.rebuild_index() == 2  # again: nothing doubles
    assert search.search(SearchParams(text="computerles")).total == 1


def test_rebuild_search_index_command():
    neutral("Taalcafé", indexed=False)
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert out.getvalue().strip() == "1 offers indexed."
    assert titles("taalcafe") == ["Taalcafé"]


# --- Filters -----------------------------------------------------------------------------------


def test_theme_target_group_and_offer_type_filters():
    money = neutral("A", themes=[theme("geldzaken")], offer_type=offer_type("spreekuur"))
    health = neutral(
        "B",
        themes=[theme("gezondheid")],
        target_groups=[target_group("65-plussers")],
        offer_type=offer_type("cursus"),
    )
    both = neutral(
        "C",
        themes=[theme("geldzaken"), theme("gezondheid")],
        target_groups=[target_group("65-plussers"), target_group("nieuwkomers")],
        offer_type=offer_type("cursus"),
    )
    assert found(themes=("geldzaken",)) == [money, both]
    assert found(themes=("geldzaken", "gezondheid")) == [money, health, both]  # OR in a facet
    assert found(themes=("geldzaken",), target_groups=("65-plussers",)) == [both]  # AND across
    assert found(offer_types=("cursus",)) == [health, both]
    assert found(offer_types=("cursus", "spreekuur")) == [money, health, both]
    assert found(themes=("bestaat-niet",)) == []


def test_free_and_walk_in_filters():
    free_walk_in = neutral("A", is_free=True, sign_up=SignUp.WALK_IN)
    paid_walk_in = neutral("B", is_free=False, sign_up=SignUp.WALK_IN)
    free_sign_up = neutral("C", is_free=True, sign_up=SignUp.REGISTRATION)
    assert found(free_only=True) == [free_walk_in, free_sign_up]
    assert found(walk_in_only=True) == [free_walk_in, paid_walk_in]
    assert found(free_only=True, walk_in_only=True) == [free_walk_in]


def test_weekday_filter_weekly_and_dated():
    today = timezone.localdate()
    location = LocationFactory()
    monday = neutral("Maandag", location=location, location__weekday=0)
    tuesday = neutral("Dinsdag", location=location, location__weekday=1)

    def dated(title, date):
        offer = neutral(title)
        Schedule.objects.create(
            offer_location=OfferLocation.objects.create(offer=offer, location=location),
            kind=ScheduleKind.DATED,
            date=date,
            opens_at=datetime.time(10),
            closes_at=datetime.time(11),
        )
        return offer

    days_to_monday = (7 - today.weekday()) % 7
    next_monday = dated("Volgende maandag", today + datetime.timedelta(days=days_to_monday))
    dated("Vorige maandag", today - datetime.timedelta(days=today.weekday() or 7))
    ended = neutral("Gestopt op maandag", location=location, location__weekday=0)
    Schedule.objects.filter(offer_location__offer=ended).update(
        valid_to=today - datetime.timedelta(days=1)
    )
    assert found(weekdays=(0,)) == [monday, next_monday]
    assert set(found(weekdays=(0, 1))) == {monday, next_monday, tuesday}


def test_filters_combine_with_words():
    neutral("Taalcafé", is_free=False)
    free = neutral("Taalcafé gratis", is_free=True)
    assert found("taalcafe", free_only=True) == [free]


# --- Distance ---------------------------------------------------------------------------------


def place(city, point):
    return LocationFactory(
        name=f"Bibliotheek {city}", city=city, latitude=point[0], longitude=point[1]
    )


def test_origin_orders_by_distance_and_reports_the_nearest_location():
    zwolle = neutral("Taalcafé Zwolle", location=place("Zwolle", ZWOLLE))
    utrecht = neutral("Taalcafé Utrecht", location=place("Utrecht", UTRECHT))
    nowhere = neutral("Taalcafé zonder adres")  # no location at all
    two_places = neutral("Taalcafé op twee plekken", location=place("Maastricht", MAASTRICHT))
    near = place("Amersfoort", AMERSFOORT)
    OfferLocation.objects.create(offer=two_places, location=near)
    search.index_offer(two_places.pk)

    results = search.search(SearchParams(text="taalcafe", origin=AMERSFOORT))
    assert [h.offer for h in results.hits] == [two_places, utrecht, zwolle, nowhere]
    first = results.hits[0]
    assert first.nearest_location == near and first.distance_km == pytest.approx(0, abs=1e-6)
    assert results.hits[1].distance_km == pytest.approx(distance_km(*AMERSFOORT, *UTRECHT))
    assert results.hits[1].nearest_location.city == "Utrecht"
    assert results.hits[3].distance_km is None and results.hits[3].nearest_location is None


def test_radius_limits_and_drops_offers_without_coordinates():
    neutral("Zwolle", location=place("Zwolle", ZWOLLE))  # about 68 km
    utrecht = neutral("Utrecht", location=place("Utrecht", UTRECHT))  # about 20 km
    neutral("Zonder adres")
    unknown = LocationFactory(name="Ergens", latitude=None, longitude=None)
    neutral("Zonder coördinaten", location=unknown)
    assert found(origin=AMERSFOORT, radius_km=25) == [utrecht]
    assert found(origin=AMERSFOORT, radius_km=10) == []
    assert len(found(origin=AMERSFOORT, radius_km=100)) == 2
    results = search.search(SearchParams(origin=AMERSFOORT))
    assert [h.offer.title for h in results.hits][:2] == ["Utrecht", "Zwolle"]
    assert results.total == 4


def test_distance_then_relevance():
    location = place("Utrecht", UTRECHT)
    weak = neutral("Spreekuur", description="Ook over computers.", location=location)
    strong = neutral("Computer computer", location=location)
    far_strong = neutral("Computer", location=place("Zwolle", ZWOLLE))
    assert found("computer", origin=AMERSFOORT) == [strong, weak, far_strong]


def test_radius_without_origin_is_ignored_and_bad_radius_too():
    offer = neutral("Taalcafé")
    assert found(radius_km=5) == [offer]
    assert found(origin=AMERSFOORT, radius_km=0) == [offer]
    assert found(origin=AMERSFOORT, radius_km=-3) == [offer]


# --- Paging ----------------------------------------------------------------------------------


def test_paging_with_total():
    for n in range(25):
        neutral(f"Taalcafé {n:02d}")
    first = search.search(SearchParams(text="taalcafe", per_page=10))
    last = search.search(SearchParams(text="taalcafe", per_page=10, page=3))
    beyond = search.search(SearchParams(text="taalcafe", per_page=10, page=9))
    assert (first.total, first.pages, len(first.hits)) == (25, 3, 10)
    assert (last.total, len(last.hits)) == (25, 5)
    assert (beyond.total, beyond.hits, beyond.page) == (25, [], 9)
    seen = {
        h.offer.pk
        for p in (1, 2, 3)
        for h in search.search(SearchParams(text="taalcafe", per_page=10, page=p)).hits
    }
    assert len(seen) == 25
    assert search.search(SearchParams(page=0, per_page=0)).page == 1


def test_without_words_results_are_in_title_order():
    for title in ["Zwemmen", "appels", "Boeken"]:
        neutral(title)
    assert titles() == ["appels", "Boeken", "Zwemmen"]


def test_query_count_does_not_grow_with_the_number_of_hits(django_assert_max_num_queries):
    location = place("Utrecht", UTRECHT)
    for n in range(15):
        offer = neutral(f"Taalcafé {n}", location=location)
        offer.themes.add(theme("gezondheid"))
    search.search(SearchParams(text="taalcafe"))  # reads the vocabulary once per process
    # Utrecht is 20 km from Amersfoort: the near hits cannot settle the page for certain, so the
    # whole ranking runs after them (query.near_page_is_exact); PostgreSQL sets jit per statement.
    statements = 2 * (1 + len(current_engine().statement_settings))
    with django_assert_max_num_queries(6 + statements):
        results = search.search(SearchParams(text="taalcafe", origin=AMERSFOORT, per_page=15))
    with django_assert_max_num_queries(0):
        for hit in results.hits:
            assert hit.offer.organisation.name and hit.offer.offer_type.name
            assert len(hit.offer.themes.all()) == 2 and hit.offer.target_groups.all()
            assert hit.nearest_location.city == "Utrecht"


# --- Hostile and odd input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"taalcafé',
        "'",
        "<script>alert(1)</script>",
        "'; DROP TABLE catalogue_offer; --",
        "' OR 1=1 --",
        "taalcafé AND OR NOT NEAR(a b)",
        "taal* ^taal col:taal -taal +taal",
        "taal & | ! <-> :* ( )",
        "\\ \x00 \t\n",
        "%s %% ?",
        "x" * 5000,
        "taalcafé " * 2000,
        "de het een",
        "",
        "   ",
        "🙂 ☕",
        "نقطة",
    ],
)
def test_hostile_or_odd_input_answers_without_error(text):
    offer = neutral("Taalcafé")
    results = search.search(SearchParams(text=text))
    assert isinstance(results.total, int)
    assert Offer.objects.filter(pk=offer.pk).exists()
    assert found("taalcafe") == [offer]


def test_operators_are_words_not_syntax():
    neutral("Taalcafé")
    neutral("Computerles")
    # As syntax these would find both offers (OR) or every offer (1=1).
    assert found("taalcafe OR computerles") == found("taalcafe computerles")
    assert found("' OR 1=1 --") == []


def test_only_stop_words_is_like_no_words():
    neutral("Taalcafé")
    neutral("Computerles")
    assert found("de het een") == found("") and len(found("")) == 2


# --- Engine-specific promises -----------------------------------------------------------------


def test_raw_statement_runs_the_bare_engine_query():
    offer = neutral("Taalcafé")
    sql, params = search.raw_statement("taalcafe")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    assert [str(row[0]).replace("-", "") for row in rows] == [offer.pk.hex]


# --- PostgreSQL analyses with its own 'dutch' configuration, as SQLite does in Python -----------

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")

# Words worth checking beyond the demo: plurals the rewrites handle, accents, digits.
EXTRA_WORDS = (
    "cursussen lessen klassen bussen wassen willen mannen zwemmen spellen grills taalmaatjes "
    "kinderen steden eieren knuffeltjes hobbies apps appen alle Taalcafé café's ideeën "
    "coördinator reünie naïef één Curaçao Škoda Straße Ærø Ŀlobet Đorđević Łódź Dürer Ǆemal "
    "nt2 NT2-les 65plussers 3811 2e café2 vóór hé zóveel"
)


def lexemes(sources: list[str]) -> dict[str, list[str]]:
    """PostgreSQL's analysis of each word on its own, in the search configuration."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector('ontwikkelplein_dutch', w))"
            " ORDER BY positions[1]) FROM unnest(%s::text[]) AS w",
            [sources],
        )
        return dict(cursor.fetchall())


def demo_and_reference_texts() -> list[str]:
    """Every string in the demo data and the seeded reference data (terms, synonyms)."""
    from ontwikkelplein.catalogue import reference_data
    from ontwikkelplein.demo import data, offers

    texts = [EXTRA_WORDS]
    for module in (offers, data, reference_data):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        texts += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
    return texts


@postgresql_only
def test_configuration_is_dutch_with_unaccent():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.alias, array_agg(d.dictname::text ORDER BY m.mapseqno)"
            " FROM pg_ts_config_map m JOIN pg_ts_config c ON c.oid = m.mapcfg"
            " JOIN pg_ts_dict d ON d.oid = m.mapdict"
            " JOIN ts_token_type('default') t ON t.tokid = m.maptokentype"
            " WHERE c.cfgname = 'ontwikkelplein_dutch' GROUP BY t.alias"
        )
        mapping = dict(cursor.fetchall())
        cursor.execute("SELECT to_tsvector('ontwikkelplein_dutch', 'De cursussen in het Taalcafé')")
        analysed = cursor.fetchone()[0]
    assert mapping["asciiword"] == mapping["word"] == ["unaccent", "dutch_stem"]
    assert mapping["numword"] == ["unaccent", "simple"]
    assert mapping["int"] == ["simple"]  # as in pg_catalog.dutch
    # Stop words dropped, Snowball stems (without the rewrite: cursuss), accents gone.
    assert analysed == "'cursuss':2 'taalcaf':5"


@postgresql_only
def test_postgresql_stems_every_demo_and_reference_word_like_python():
    """Documents and queries are stemmed by PostgreSQL here and by Python on SQLite: for every
    word of the demo and seed data both must give the same lexeme. PostgreSQL gets the word as
    search.analysis sends it (as typed, or rewritten) and also the rewritten word itself."""
    found = {w for text in demo_and_reference_texts() for w in search.analyse(text)}
    assert len(found) > 1000
    postgres = lexemes(sorted({w.source for w in found} | {w.rewritten for w in found}))
    differences = {
        w.folded: (w.python_stem, postgres[w.source], postgres[w.rewritten])
        for w in found
        if not postgres[w.source] == postgres[w.rewritten] == [w.python_stem]
    }
    assert differences == {}


@postgresql_only
def test_postgresql_drops_the_dutch_stop_words_with_or_without_accents():
    dropped = lexemes(sorted(search.DUTCH_STOP_WORDS) + ["één", "ÉÉN", "Dé", "zó"])
    assert {w: ls for w, ls in dropped.items() if ls} == {}
    # The front half drops them first, with a few search-box words PostgreSQL keeps.
    kept = lexemes(sorted(search.STOP_WORDS - search.DUTCH_STOP_WORDS))
    assert all(kept.values())


@postgresql_only
def test_unaccent_and_fold_agree_on_every_letter_sent_as_typed():
    """Words of these letters reach PostgreSQL with their accents (unaccent removes them) and
    SQLite folded by Python: both must end with the same letters."""
    letters = [
        ch
        for code in range(0x20, 0x2000)
        if (ch := chr(code)).isalpha()
        and ch.casefold() == ch
        and analysis._UNACCENT_SAFE.fullmatch(ch)
    ]
    assert len(letters) > 250
    with connection.cursor() as cursor:
        cursor.execute("SELECT c, lower(unaccent(c)) FROM unnest(%s::text[]) AS c", [letters])
        postgres = dict(cursor.fetchall())
    assert {ch: postgres[ch] for ch in letters if postgres[ch] != search.fold(ch)} == {}


@postgresql_only
def test_postgresql_computes_the_weighted_document_from_the_words():
    offer = neutral(
        "Cursussen in het Taalcafé",
        summary="Oefen je Nederlands.",
        description="Met koffie.",
        organisation=OrganisationFactory(name="Bibliotheek Eemland"),
    )
    indexed = indexing._index_queryset().get(pk=offer.pk)
    title, summary, body = [
        " ".join(w.source for w in part) for part in search.document(indexed).fields
    ]
    # What PostgreSQL gets: stop words gone, plurals rewritten, accents left for unaccent.
    assert (title, summary) == ("cursusen taalcafé", "oefen nederlands")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document = setweight(to_tsvector('ontwikkelplein_dutch', %s), 'A')"
            " || setweight(to_tsvector('ontwikkelplein_dutch', %s), 'B')"
            " || setweight(to_tsvector('ontwikkelplein_dutch', %s), 'C'),"
            " document @@ 'cursus:A & taalcaf:A'::tsquery,"
            " document @@ 'nederland:B'::tsquery, document @@ 'koffie:C & eemland:C'::tsquery,"
            " document @@ 'cursus:B'::tsquery"
            " FROM catalogue_search_entry WHERE offer_id = %s",
            [title, summary, body, offer.pk],
        )
        assert cursor.fetchone() == (True, True, True, True, False)


@postgresql_only
def test_demo_documents_hold_the_same_lexemes_on_both_engines():
    """The whole demo, indexed by PostgreSQL: each stored tsvector holds exactly the stems
    Python (so SQLite) gives the offer's words, and the vocabulary counts them."""
    from ontwikkelplein.demo.services import load_demo

    load_demo()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT offer_id, tsvector_to_array(document), words FROM catalogue_search_entry"
        )
        stored = {offer_id: (set(array), set(words.split())) for offer_id, array, words in cursor}
        cursor.execute("SELECT word, ndocs FROM catalogue_search_word")
        vocabulary = dict(cursor.fetchall())
    offers = indexing._index_queryset().in_bulk(list(stored))
    assert len(stored) > 30
    counts = Counter()
    for offer_id, (document, words) in stored.items():
        doc = search.document(offers[offer_id])
        python = {w.python_stem for part in doc.fields for w in part}
        assert document == words == python, offers[offer_id].title
        counts.update(python)
    assert vocabulary == dict(counts)
