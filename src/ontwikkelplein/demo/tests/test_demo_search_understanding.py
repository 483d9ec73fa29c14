"""The demo catalogue with the national needs vocabulary: what residents type finds the offer
they need (issue 13). On the suite's engine (SQLite, or PostgreSQL with DATABASE_URL)."""

import pytest

from ontwikkelplein.catalogue.models import NeedPhrase
from ontwikkelplein.catalogue.reference_data import NEED_PHRASES
from ontwikkelplein.catalogue.search import SearchParams, search
from ontwikkelplein.demo.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo()


def found(text) -> list[str]:
    return [hit.offer.title for hit in search(SearchParams(text=text, per_page=100)).hits]


# (what a resident types, words of which one should be in a title among the first results).
# Tax help is left out: it is only current in spring (the season is the rank lane's work).
CASES = [
    ("ik snap de brief niet", ["formulier", "brieven", "papieren"]),
    ("ik kom niet rond", ["geld", "rondkomen"]),
    ("geldzorgen", ["geld"]),
    ("mijn oma kan niet met de computer", ["computer", "digicafé", "klik & tik"]),
    ("ik kan niet goed lezen", ["lezen", "taalhuis"]),
    ("nederlands leren", ["nederlands"]),
    ("voorlezen aan mijn kind", ["voorlees", "boekstart"]),
    ("hulp bij mijn telefoon", ["telefoon", "smartphone", "tablet", "digicafé"]),
    ("taal cafe", ["taalcafé"]),
    ("help with reading", ["lezen", "taalhuis"]),
    ("learn dutch", ["nederlands"]),
    ("my phone", ["smartphone", "telefoon", "tablet", "digicafé"]),
    ("telefon", ["smartphone", "telefoon", "tablet", "digicafé"]),
    ("computr", ["computer", "klik & tik", "windows"]),
]


def test_resident_words_find_a_fitting_demo_offer(demo):
    missed = {}
    for text, words in CASES:
        titles = found(text)
        if not any(word in title.lower() for title in titles[:20] for word in words):
            missed[text] = titles[:5]
    assert missed == {}


def test_load_demo_keeps_the_kbs_changes_to_the_vocabulary(demo):
    phrase = NeedPhrase.objects.get(language="nl", key="geldzorgen")
    phrase.words = "schuldhulpmaatje"
    phrase.save()
    NeedPhrase.objects.filter(language="en", key="debts").delete()
    load_demo()
    phrase.refresh_from_db()
    assert phrase.words == "schuldhulpmaatje"
    # A phrase the KB deleted comes back only through load_demo (demo data), not in production.
    assert NeedPhrase.objects.count() == len(NEED_PHRASES)
