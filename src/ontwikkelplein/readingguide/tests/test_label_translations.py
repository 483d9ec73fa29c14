"""The leeswijzer's label texts in every resident language (core/translations.py): the national
table comes translated, the resident page shows the page's language and the Dutch where a
translation is empty, the desk stays Dutch, a library types its own translations in the staff form,
copying the national table keeps them, and the data migration leaves a typed text alone."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from ontwikkelplein.core.translations import TRANSLATED_LANGUAGES, missing
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.readingguide import reference_data, selectors, services
from ontwikkelplein.readingguide.models import Label, LabelTable
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue

PUBLIC = reverse("readingguide:public")
FILL = importlib.import_module(
    "ontwikkelplein.readingguide.migrations.0004_national_label_texts_in_resident_languages"
).fill


@pytest.fixture
def library():
    organisation = OrganisationFactory()
    LocationFactory(organisation=organisation)
    return organisation


def national(code) -> Label:
    return selectors.national_table().labels.get(code=code)


def test_the_national_table_is_translated_into_every_resident_language():
    labels = list(selectors.national_table().labels.all())
    assert len(labels) == len(reference_data.LABELS)
    assert {label.code: missing(label, Label.TRANSLATED_FIELDS) for label in labels} == {
        label.code: [] for label in labels
    }
    ap = national("AP")
    assert ap.meaning_tr == reference_data.TRANSLATIONS["AP"]["tr"]["meaning"]
    # Codes and the name BoekStart stay as they are.
    assert "BoekStart" in national("AB").name_ar and "AVI" in national("E").meaning_uk


@pytest.mark.parametrize(
    ("code", "meaning", "name"),
    [
        ("en", "Picture books with short sentences", "Picture books for toddlers"),
        ("tr", "Kısa cümleli ve bol resimli kitaplar", "Küçük çocuklar için resimli kitaplar"),
        ("ar", "كتب مصوّرة فيها جمل قصيرة", "كتب مصوّرة للأطفال الصغار"),
    ],
)
def test_the_resident_page_shows_the_label_in_its_language(
    client, compiled_catalogue, code, meaning, name
):
    html = client.get(PUBLIC, {"taal": code, "q": "AP"}).content.decode()
    assert meaning in html and name in html
    assert "Prentenboeken met korte zinnen" not in html
    assert f'lang="{code}"' in html
    if code == "ar":
        assert 'dir="rtl"' in html


def test_an_empty_translation_shows_the_dutch_marked_as_dutch(client, compiled_catalogue):
    ap = national("AP")
    ap.meaning_tr = "  "
    ap.save()
    html = client.get(PUBLIC, {"taal": "tr", "q": "AP"}).content.decode()
    assert '<p class="utrecht-paragraph" lang="nl" dir="ltr">Prentenboeken met korte zinnen' in html
    # The other texts of the label are still Turkish, and not marked as Dutch.
    assert "Küçük çocuklar için resimli kitaplar" in html
    assert ap.texts("tr").dutch == frozenset({"meaning"})
    assert ap.texts("nl").dutch == frozenset()


def test_the_desk_keeps_the_dutch_texts(client, library):
    client.force_login(staff_user(library, Role.FRONT_DESK))
    html = client.get(reverse("readingguide:desk"), {"q": "AP"}).content.decode()
    assert "Prentenboeken met korte zinnen" in html
    assert "Picture books with short sentences" not in html


def test_a_library_types_a_translation_in_the_form_and_the_page_shows_it(client, library):
    specialist = staff_user(library, Role.SPECIALIST)
    client.force_login(specialist)
    services.copy_national_table(library, user=specialist)
    label = LabelTable.objects.get(organisation=library).labels.get(code="AK")
    form_page = client.get(reverse("readingguide:label-edit", args=[label.pk])).content.decode()
    assert "<legend" in form_page and "Turks" in form_page
    assert 'name="meaning_ar"' in form_page and 'lang="ar"' in form_page
    data = {
        field: getattr(label, field) if getattr(label, field) is not None else ""
        for field in services.LABEL_FIELDS
    }
    data.update(meaning_tr="Bizim kütüphanede 3 yaşından itibaren.", place_pl="")
    response = client.post(reverse("readingguide:label-edit", args=[label.pk]), data)
    assert response.status_code == 302
    label.refresh_from_db()
    assert label.meaning_tr == "Bizim kütüphanede 3 yaşından itibaren."
    assert label.place_pl == ""
    # The national table is unchanged.
    assert national("AK").meaning_tr == reference_data.TRANSLATIONS["AK"]["tr"]["meaning"]
    assert national("AK").place_pl
    texts = selectors.labels(selectors.table_for(library), "pl")
    ak = next(item for item in texts if item.code == "AK")
    assert ak.shown.place == label.place and "place" in ak.shown.dutch


def test_a_translation_longer_than_its_column_is_refused(client, library):
    specialist = staff_user(library, Role.SPECIALIST)
    client.force_login(specialist)
    services.copy_national_table(library, user=specialist)
    label = LabelTable.objects.get(organisation=library).labels.get(code="AK")
    data = {field: getattr(label, field) or "" for field in services.LABEL_FIELDS}
    data.update(name_uk="x" * 101)
    response = client.post(reverse("readingguide:label-edit", args=[label.pk]), data)
    assert response.status_code == 200
    label.refresh_from_db()
    assert label.name_uk == reference_data.TRANSLATIONS["AK"]["uk"]["name"]


def test_copying_the_national_table_keeps_the_translations(library):
    ap = national("AP")
    ap.tips_pl = "Tekst wpisany przez KB."
    ap.save()
    table = services.copy_national_table(library, user=staff_user(library, Role.SPECIALIST))
    copy = table.labels.get(code="AP")
    for language in TRANSLATED_LANGUAGES:
        for field in Label.TRANSLATED_FIELDS:
            name = f"{field}_{language}"
            assert getattr(copy, name) == getattr(ap, name), name
    assert copy.tips_pl == "Tekst wpisany przez KB."


def test_a_new_national_table_comes_translated():
    LabelTable.objects.filter(national=True).delete()
    table = services.ensure_national_table()
    assert table.labels.get(code="J").name_en == "Information books from age 9"


def test_the_migration_fills_empty_columns_and_leaves_typed_texts_alone(library):
    ab = national("AB")
    empty = {f"{field}_{code}": "" for field in Label.TRANSLATED_FIELDS for code in ("en", "ar")}
    Label.objects.filter(pk=ab.pk).update(**empty, meaning_tr="Door de KB getypt.")
    # The KB changed the Dutch place: the old translation of the place no longer fits.
    Label.objects.filter(pk=ab.pk).update(place="Op de eerste verdieping.", place_uk="")
    own = services.copy_national_table(library, user=staff_user(library, Role.SPECIALIST))
    own.labels.filter(code="AB").update(name_en="")

    FILL(django_apps, None)

    ab.refresh_from_db()
    assert ab.name_en == "Baby books (BoekStart)"
    assert ab.tips_ar == reference_data.TRANSLATIONS["AB"]["ar"]["tips"]
    assert ab.meaning_tr == "Door de KB getypt."
    assert ab.place_uk == ""
    assert own.labels.get(code="AB").name_en == ""
