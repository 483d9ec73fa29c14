"""Searching the learning materials with the catalogue's analysis and planning
(catalogue.search.Corpus). Runs on SQLite and PostgreSQL alike:
`bash scripts/with-postgres.sh .venv/bin/python -m pytest src/ontwikkelplein/materials`."""

import pytest

from ontwikkelplein.catalogue.models import SynonymGroup
from ontwikkelplein.catalogue.search import Corpus, corpus
from ontwikkelplein.catalogue.tests.factories import OfferFactory, target_group, theme
from ontwikkelplein.materials import selectors
from ontwikkelplein.materials.models import Cost, Form
from ontwikkelplein.materials.tests.factories import MaterialFactory, level
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return staff_user(OrganisationFactory(), Role.FRONT_DESK)


def names(user, **params):
    return [m.name for m in selectors.search(user, selectors.read_filters(params)).materials]


def test_words_find_materials_by_name_summary_and_description(user):
    MaterialFactory(name="Klik & Tik", summary="Leren werken met de computer.")
    MaterialFactory(name="Taalklas", summary="Nederlands leren.", description="Met video's.")
    assert names(user, q="computer") == ["Klik & Tik"]
    assert names(user, q="video") == ["Taalklas"]
    assert names(user, q="fietsen") == []


def test_a_match_in_the_name_ranks_above_one_in_the_description(user):
    MaterialFactory(name="Werkboek", description="Voor wie wil rekenen.")
    MaterialFactory(name="Rekenen in de winkel")
    assert names(user, q="rekenen") == ["Rekenen in de winkel", "Werkboek"]


def test_full_match_ranks_above_partial(user):
    MaterialFactory(name="Oefenen met lezen")
    MaterialFactory(name="Lezen en schrijven oefenen")
    assert names(user, q="lezen schrijven") == ["Lezen en schrijven oefenen", "Oefenen met lezen"]


def test_typing_error_is_corrected_against_the_materials_words(user):
    MaterialFactory(name="Digisterker")
    result = selectors.search(user, selectors.read_filters({"q": "digisterkr"}))
    assert [m.name for m in result.materials] == ["Digisterker"]
    assert result.corrections == {"digisterkr": "digisterker"}


def test_plural_and_stem_meet(user):
    MaterialFactory(name="Cursus voor beginners")
    assert names(user, q="cursussen") == ["Cursus voor beginners"]


def test_compound_parts_are_found(user):
    MaterialFactory(name="Computercursus voor senioren")
    MaterialFactory(name="Taal cafe kaarten")
    assert names(user, q="cursus") == ["Computercursus voor senioren"]
    assert names(user, q="taalcafe") == ["Taal cafe kaarten"]


def test_synonyms_of_the_catalogue_apply(user):
    SynonymGroup.objects.create(terms="digid, inloggen overheid")
    MaterialFactory(name="Steffie", summary="Uitleg over DigiD.")
    assert names(user, q="inloggen overheid") == ["Steffie"]


def test_no_words_lists_everything_by_name(user):
    MaterialFactory(name="B")
    MaterialFactory(name="A")
    assert names(user) == ["A", "B"]
    assert names(user, q="   ") == ["A", "B"]


def test_filters(user):
    digital = theme("digitale-vaardigheden")
    match = MaterialFactory(
        name="Past",
        themes=[digital],
        target_groups=[target_group("65-plussers")],
        levels=[level("nt2-a1")],
        form=Form.BLENDED,
        cost=Cost.NATIONAL,
    )
    MaterialFactory(name="Niet", cost=Cost.PAID)
    assert names(user, thema="digitale-vaardigheden") == [match.name]
    assert names(user, doelgroep="65-plussers") == [match.name]
    assert names(user, niveau="nt2-a1") == [match.name]
    assert names(user, niveau="nt2") == [match.name]  # a level finds its sub-levels
    assert names(user, vorm="blended") == [match.name]
    assert names(user, kosten="gratis") == [match.name]
    assert names(user, kosten="landelijk") == [match.name]
    # Unknown values are ignored, never an error.
    assert names(user, thema="bestaat-niet", vorm="x", kosten="y") == ["Niet", "Past"]
    assert names(user, thema="a\x00b", niveau="x" * 5000, q="a\x00b") == ["Niet", "Past"]


def test_another_librarys_own_material_is_not_found(user):
    own = user.memberships.first().organisation
    MaterialFactory(name="Eigen map", organisation=own)
    MaterialFactory(name="Andere map", organisation=OrganisationFactory())
    MaterialFactory(name="Landelijke map")
    assert sorted(names(user, q="map")) == ["Eigen map", "Landelijke map"]
    assert "Andere map" not in names(user)


def test_inactive_materials_are_not_found(user):
    MaterialFactory(name="Oud", is_active=False)
    assert names(user) == []


def test_the_offer_index_does_not_decide_what_a_material_matches():
    """A word only the materials know is not corrected away to an offer's word, and a word
    only offers know does not match a material."""
    OfferFactory(title="Belastingspreekuur")
    docs = {1: corpus.document("Klik & Tik", "computer"), 2: corpus.document("Taalklas")}
    found = Corpus(docs).search("klik")
    assert [h.key for h in found.hits] == [1]
    assert Corpus(docs).search("belasting").hits == []


def test_corpus_scores_are_between_zero_and_one_and_ties_keep_the_given_order():
    docs = {2: corpus.document("Lezen"), 1: corpus.document("Lezen"), 3: corpus.document("Boek")}
    result = Corpus(docs).search("lezen")
    assert [h.key for h in result.hits] == [2, 1]
    assert all(0 < h.score <= 1 for h in result.hits)


def test_empty_corpus_answers_nothing():
    assert Corpus({}).search("lezen").hits == []
    assert Corpus({}).search("").everything
