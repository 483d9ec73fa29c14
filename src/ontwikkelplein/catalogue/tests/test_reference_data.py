import pytest

from ontwikkelplein.catalogue import reference_data as ref
from ontwikkelplein.catalogue.models import (
    Programme,
    SynonymGroup,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
    UnmatchedSearchVisitor,
)
from ontwikkelplein.catalogue.services import record_unmatched_search

pytestmark = pytest.mark.django_db


def test_every_seeded_vocabulary_is_present():
    counts = {
        Taxonomy.THEME: len(ref.THEMES),
        Taxonomy.TARGET_GROUP: len(ref.TARGET_GROUPS),
        Taxonomy.OFFER_TYPE: len(ref.OFFER_TYPES),
        Taxonomy.LEVEL: len(ref.LEVELS),
    }
    for slug, expected in counts.items():
        assert TaxonomyTerm.objects.filter(taxonomy__slug=slug).count() == expected
    assert Programme.objects.filter(code="ido").exists()
    assert SynonymGroup.objects.filter(terms__contains="digid").exists()


def test_level_hierarchy_is_kept():
    assert TaxonomyTerm.objects.get(code="nt2-a1").parent.code == "nt2"


@pytest.fixture
def word_list(tmp_path, settings):
    path = tmp_path / "dutch"
    path.write_text("bij\nhulp\nvissen\nJansen\nAmsterdam\n", encoding="utf-8")
    settings.ONTWIKKELPLEIN_WORD_LIST = str(path)
    return path


def test_unmatched_searches_are_counted_normalised_from_the_third_visitor(word_list):
    record_unmatched_search("  Hulp  bij VISSEN ", visitor="a")
    record_unmatched_search("hulp bij vissen", visitor="b")
    record_unmatched_search("hulp bij vissen", visitor="b")  # the same visitor: once
    record_unmatched_search("   ", visitor="c")
    assert not UnmatchedSearch.objects.exists()  # two visitors: not yet on the list
    record_unmatched_search("hulp bij vissen", visitor="c")
    entry = UnmatchedSearch.objects.get()
    assert (entry.phrase, entry.count) == ("hulp bij vissen", 3)
    record_unmatched_search("hulp bij vissen", visitor="d")
    assert UnmatchedSearch.objects.get().count == 4


def test_only_known_words_are_kept_no_names(word_list):
    # "Jansen" and "Amsterdam" are capitalised in the word list: names, not words.
    for visitor in "abc":
        record_unmatched_search("hulp Fatima Jansen vissen Amsterdam", visitor=visitor)
        record_unmatched_search("Fatima Jansen", visitor=visitor)
    assert list(UnmatchedSearch.objects.values_list("phrase", flat=True)) == ["hulp vissen"]


def test_words_of_the_catalogue_count_without_a_word_list(settings, tmp_path):
    settings.ONTWIKKELPLEIN_WORD_LIST = str(tmp_path / "missing")
    for visitor in "abc":
        # Taxonomy terms and synonyms are the catalogue's vocabulary (reference data).
        record_unmatched_search("digid fatima", visitor=visitor)
    assert list(UnmatchedSearch.objects.values_list("phrase", flat=True)) == ["digid"]


def test_visitors_are_counted_only_for_the_window(word_list, settings):
    import datetime

    import time_machine

    settings.UNMATCHED_SEARCH_WINDOW_DAYS = 30
    with time_machine.travel(datetime.date(2026, 1, 1)):
        record_unmatched_search("vissen", visitor="a")
        record_unmatched_search("vissen", visitor="b")
    with time_machine.travel(datetime.date(2026, 3, 1)):
        record_unmatched_search("vissen", visitor="c")  # the first two are forgotten
    assert not UnmatchedSearch.objects.exists()
    assert UnmatchedSearchVisitor.objects.count() == 1
