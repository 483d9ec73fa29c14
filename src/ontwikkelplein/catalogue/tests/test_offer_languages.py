"""The languages help is given in (Offer.languages) for residents: the filter "Hulp in een andere
taal" and finding an offer by a language's name in any resident language, or by the library's
translation of its title. Runs on both engines (SQLite FTS5, PostgreSQL)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue import search, selectors, services
from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.search import SearchParams
from ontwikkelplein.catalogue.search.indexing import _names_of_language, language_words
from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type, target_group, theme
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue


def offer(title, languages, **kwargs):
    return OfferFactory(
        title=title,
        summary="Kom gerust langs.",
        description="Samen aan de slag.",
        languages=languages,
        themes=[theme("persoonlijke-ontwikkeling")],
        target_groups=[target_group("iedereen")],
        offer_type=offer_type("activiteit"),
        **kwargs,
    )


def titles(text="", **kwargs):
    return sorted(hit.offer.title for hit in search.search(SearchParams(text=text, **kwargs)).hits)


@pytest.fixture
def offers():
    return {
        "arabic": offer("Spreekuur met tolk", ["nl", "ar"]),
        "turkish": offer("Koffie en computer", ["tr", "nl"]),
        "dutch": offer("Samen lezen", ["nl"]),
        "english": offer("Walk-in hour", ["en"]),
    }


def test_the_filter_keeps_offers_given_in_one_of_the_languages(offers):
    assert titles(languages=("ar",)) == ["Spreekuur met tolk"]
    assert titles(languages=("ar", "tr")) == ["Koffie en computer", "Spreekuur met tolk"]
    assert titles(languages=("pl",)) == []
    # Together with words.
    assert titles("koffie", languages=("tr",)) == ["Koffie en computer"]
    assert titles("koffie", languages=("ar",)) == []


def test_a_code_is_matched_whole_not_as_part_of_the_list_text(offers):
    # "n" is inside "nl" and "en"; only a whole element counts. Junk never matches.
    assert titles(languages=("n",)) == []
    assert titles(languages=('"]',)) == []


@pytest.mark.parametrize(
    "name", ["Arabisch", "arabisch", "Arabic", "Arapça", "арабська", "arabski", "العربيّة"]
)
def test_a_language_name_in_any_resident_language_finds_the_offers_given_in_it(
    offers, compiled_catalogue, name
):
    assert "Spreekuur met tolk" in titles(name)
    assert "Samen lezen" not in titles(name)


def test_every_name_of_a_language_is_indexed(compiled_catalogue):
    names = _names_of_language("tr")
    assert {"Turks", "Turkish", "Türkçe"} <= set(names)
    # ar, tr, uk and pl translate "Turks" themselves: more than the three above.
    assert len(names) >= 5


def test_dutch_is_not_indexed_so_learning_dutch_finds_what_is_about_it(offers):
    assert language_words(["nl"]) == []
    learn = offer("Nederlands leren in het Taalhuis", ["nl"])
    assert titles("Nederlands") == [learn.title]


def test_a_translated_title_is_found_in_its_language(offers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.save_offer_translations(offers["dutch"], {"uk": ("Читаємо разом", "")})
    assert titles("Читаємо") == ["Samen lezen"]
    with django_capture_on_commit_callbacks(execute=True):
        services.save_offer_translations(offers["dutch"], {"uk": ("", "")})
    assert titles("Читаємо") == []


def test_the_filter_offers_only_languages_that_published_offers_have(offers):
    offer("Concept", ["pl"], status=OfferStatus.DRAFT)
    assert selectors.offer_languages() == ["ar", "en", "tr"]


def test_search_page_filters_by_language_and_names_it_in_the_page_language(
    client, offers, compiled_catalogue
):
    url = reverse("catalogue:search")
    html = client.get(url, {"hulptaal": "ar"}).content.decode()
    assert "Spreekuur met tolk" in html
    assert "Koffie en computer" not in html
    assert "Hulp in een andere taal" in html
    assert 'name="hulptaal" value="ar" id="id_hulptaal_0" checked' in html
    # In English the group and its languages are named in English.
    html = client.get(url, {"hulptaal": "tr", "taal": "en"}).content.decode()
    assert ">Turkish</label>" in html
    assert "Koffie en computer" in html and "Spreekuur met tolk" not in html
    # The chosen language stays in the paging and "back to results" links.
    assert "hulptaal=tr" in html


def test_without_offers_in_other_languages_there_is_no_empty_group(client, compiled_catalogue):
    offer("Samen lezen", ["nl"])
    html = client.get(reverse("catalogue:search")).content.decode()
    assert "Hulp in een andere taal" not in html


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(st.text(max_size=12), max_size=4))
def test_any_value_of_the_filter_is_answered_without_error(client, values):
    response = client.get(reverse("catalogue:search"), {"hulptaal": values, "q": "hulp"})
    assert response.status_code == 200


def test_result_cards_show_the_translation_in_the_page_language(client, offers, compiled_catalogue):
    services.save_offer_translations(
        offers["dutch"], {"ar": ("نقرأ معاً", "تعال إلينا."), "tr": ("Birlikte okuyalım", "")}
    )
    url = reverse("catalogue:search")
    html = client.get(url, {"q": "lezen", "taal": "ar"}).content.decode()
    assert '">نقرأ معاً</a>' in html
    assert '<p class="op-card__summary">تعال إلينا.</p>' in html
    # Turkish: the title translated, the summary still Dutch and marked so.
    html = client.get(url, {"q": "lezen", "taal": "tr"}).content.decode()
    assert '">Birlikte okuyalım</a>' in html
    assert '<p class="op-card__summary" lang="nl">Kom gerust langs.</p>' in html
    # Dutch shows the offer as written; Polish has no translation: Dutch, marked so.
    assert '">Samen lezen</a>' in client.get(url, {"q": "lezen", "taal": "nl"}).content.decode()
    html = client.get(url, {"q": "lezen", "taal": "pl"}).content.decode()
    assert 'lang="nl">\n    <a class="utrecht-link op-card__link"' in html
