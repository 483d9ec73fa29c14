import pytest

from ontwikkelplein.catalogue import reference_data as ref
from ontwikkelplein.catalogue.models import (
    Programme,
    SynonymGroup,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
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


def test_unmatched_searches_are_counted_normalised():
    record_unmatched_search("  Hulp  bij VISSEN ")
    record_unmatched_search("hulp bij vissen")
    record_unmatched_search("   ")
    entry = UnmatchedSearch.objects.get()
    assert (entry.phrase, entry.count) == ("hulp bij vissen", 2)
