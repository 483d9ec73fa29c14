"""Theme, target group, offer type and level names in every resident language
(core/translations.py; docs/public-site.md, "Talen"): the seeded names are all translated, a
missing one falls back to Dutch, the KB edits them in the admin, and the search and offer pages
in Arabic, Turkish and Polish show them."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ontwikkelplein.catalogue import reference_data
from ontwikkelplein.catalogue.models import TaxonomyTerm
from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type, theme
from ontwikkelplein.core.translations import TRANSLATED_LANGUAGES, missing
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue


def test_every_seeded_term_has_a_name_in_every_resident_language():
    terms = TaxonomyTerm.objects.all()
    assert terms.count() == len(list(reference_data.seeded_terms()))
    gaps = {f"{t.taxonomy.slug}/{t.code}": missing(t, ["name"]) for t in terms}
    assert {code: columns for code, columns in gaps.items() if columns} == {}
    assert set(TRANSLATED_LANGUAGES) == {code for code, _name in settings.LANGUAGES} - {"nl"}


def test_the_shipped_translations_are_complete_and_not_dutch():
    seeded = {code: name for _slug, code, name, _en in reference_data.seeded_terms()}
    assert set(reference_data.TERM_TRANSLATIONS) == set(seeded)
    for code, names in reference_data.TERM_TRANSLATIONS.items():
        assert len(names) == len(reference_data.TERM_TRANSLATION_LANGUAGES)
        assert all(name.strip() == name and name for name in names), code
        # Only the European level codes (NT2 A1 ...) read the same in every language.
        if not code.startswith("nt2-") or code == "nt2-a0":
            assert seeded[code] not in names, code


def test_the_name_follows_the_language_and_falls_back_to_dutch():
    term = theme("lezen-en-schrijven")
    expected = {
        "nl": "Lezen en schrijven",
        "en": "Reading and writing",
        "ar": "القراءة والكتابة",
        "tr": "Okuma ve yazma",
        "uk": "Читання і письмо",
        "pl": "Czytanie i pisanie",
        "en-gb": "Reading and writing",
        "de": "Lezen en schrijven",  # not a language of the site
    }
    for code, name in expected.items():
        with translation.override(code):
            assert term.display_name == str(term) == name, code
    term.name_tr = "  "
    with translation.override("tr"):
        assert term.display_name == "Lezen en schrijven"


def test_seeding_fills_only_empty_names_of_unchanged_terms():
    own = theme("werk")
    own.name_ar = "عمل"  # the KB's own wording stays
    own.name_pl = ""
    own.save()
    renamed = theme("gezondheid")
    renamed.name = "Gezond leven"  # renamed by the KB: the seeded words no longer fit
    renamed.name_tr = ""
    renamed.save()
    assert reference_data.seed_term_translations(TaxonomyTerm) == 1
    own.refresh_from_db()
    renamed.refresh_from_db()
    assert (own.name_ar, own.name_pl) == ("عمل", "Praca")
    assert renamed.name_tr == ""
    assert reference_data.seed_term_translations(TaxonomyTerm) == 0


@pytest.fixture
def offer():
    return OfferFactory(
        title="Cursus Beter lezen",
        themes=[theme("lezen-en-schrijven")],
        offer_type=offer_type("cursus"),
    )


@pytest.mark.parametrize(
    ("code", "theme_name", "type_name"),
    [
        ("ar", "القراءة والكتابة", "دورة تعليمية"),
        ("tr", "Okuma ve yazma", "Kurs"),
        ("pl", "Czytanie i pisanie", "Kurs"),
    ],
)
def test_search_and_offer_page_show_the_names_in_the_language(
    client, offer, compiled_catalogue, code, theme_name, type_name
):
    html = client.get(reverse("catalogue:search") + f"?taal={code}").content.decode()
    # The theme filter and the result card.
    assert f">{theme_name}<" in html or f"{theme_name}</" in html
    assert "Lezen en schrijven" not in html
    assert theme_name in client.get(reverse("catalogue:home")).content.decode()
    detail = client.get(reverse("catalogue:offer-detail", args=[offer.pk])).content.decode()
    assert theme_name in detail and type_name in detail


def test_a_term_without_a_translation_shows_dutch(client, offer, compiled_catalogue):
    term = theme("lezen-en-schrijven")
    term.name_ar = ""
    term.save()
    html = client.get(reverse("catalogue:search") + "?taal=ar").content.decode()
    assert "Lezen en schrijven" in html


def test_the_kb_edits_the_translations_in_the_admin(client):
    kb = staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN)
    kb.is_staff = True
    kb.save()
    client.force_login(kb)
    term = theme("werk")
    url = reverse("admin:catalogue_taxonomyterm_change", args=[term.pk])
    html = client.get(url).content.decode()
    assert 'name="name_ar"' in html and 'lang="ar"' in html and 'dir="auto"' in html
    assert 'name="name_uk"' in html and 'lang="uk"' in html
    data = {
        "taxonomy": term.taxonomy_id,
        "code": term.code,
        "name": term.name,
        "name_en": term.name_en,
        "name_ar": "العمل والوظائف",
        "name_tr": term.name_tr,
        "name_uk": "",
        "name_pl": term.name_pl,
        "description": "",
        "icon": term.icon,
        "position": term.position,
        "is_active": "on",
        "keywords": term.keywords,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    term.refresh_from_db()
    assert term.name_ar == "العمل والوظائف" and term.name_uk == ""
    with translation.override("uk"):
        assert term.display_name == "Werk"
    # The taxonomy's page lists the terms with every language's column.
    html = client.get(
        reverse("admin:catalogue_taxonomy_change", args=[term.taxonomy_id])
    ).content.decode()
    assert "terms-0-name_pl" in html
