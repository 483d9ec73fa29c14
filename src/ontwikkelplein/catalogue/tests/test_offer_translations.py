"""A library's own translation of an offer's title and summary (docs/public-site.md, "Talen"):
the staff page, the service's rules and the resident page in that language, which says plainly
what is only in Dutch."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ontwikkelplein.catalogue import services
from ontwikkelplein.catalogue.models import OfferTranslation
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue


@pytest.fixture
def offer():
    return OfferFactory(title="Spreekuur digitale overheid", summary="Hulp bij DigiD.")


def url(offer):
    return reverse("catalogue:staff-offer-translations", args=[offer.pk])


def test_staff_translate_the_title_and_summary(client, offer):
    client.force_login(staff_user(offer.organisation, Role.SPECIALIST))
    html = client.get(url(offer)).content.decode()
    assert 'lang="ar"' in html and 'dir="auto"' in html and 'name="title_ar"' in html
    assert 'name="title_nl"' not in html  # offers are written in Dutch
    response = client.post(
        url(offer),
        {
            "title_ar": "ساعة استشارة للحكومة الرقمية",
            "summary_ar": "مساعدة في DigiD.",
            "title_tr": "Dijital devlet danışma saati",
            "summary_tr": "",
        },
    )
    assert response.status_code == 302
    stored = {t.language: (t.title, t.summary) for t in offer.translations.all()}
    assert stored == {
        "ar": ("ساعة استشارة للحكومة الرقمية", "مساعدة في DigiD."),
        "tr": ("Dijital devlet danışma saati", ""),
    }
    # An empty title removes that language's translation.
    client.post(url(offer), {"title_ar": "", "summary_ar": "", "title_tr": "Danışma saati"})
    assert {t.language for t in offer.translations.all()} == {"tr"}


def test_a_summary_without_a_title_is_refused_and_nothing_changes(client, offer):
    client.force_login(staff_user(offer.organisation, Role.SPECIALIST))
    response = client.post(url(offer), {"title_pl": "", "summary_pl": "Pomoc z DigiD."})
    assert response.status_code == 200
    assert "Vul ook de titel in deze taal in." in response.content.decode()
    assert not OfferTranslation.objects.exists()


def test_the_service_refuses_an_unknown_language(offer):
    with pytest.raises(ValidationError):
        services.save_offer_translations(offer, {"nl": ("Titel", "")})
    with pytest.raises(ValidationError):
        services.save_offer_translations(offer, {"xx": ("Titel", "")})
    assert not OfferTranslation.objects.exists()


def test_a_title_that_is_too_long_is_refused(client, offer):
    client.force_login(staff_user(offer.organisation, Role.SPECIALIST))
    response = client.post(url(offer), {"title_uk": "я" * 151})
    assert response.status_code == 200
    assert not OfferTranslation.objects.exists()


def test_the_resident_page_shows_the_translation_and_says_the_rest_is_dutch(
    client, offer, compiled_catalogue
):
    OfferTranslation.objects.create(offer=offer, language="ar", title="ساعة استشارة", summary="")
    html = client.get(reverse("catalogue:offer-detail", args=[offer.pk]), {"taal": "ar"})
    html = html.content.decode()
    assert '<h1 class="utrecht-heading-1" id="aanbod-titel">ساعة استشارة</h1>' in html
    assert "<title>ساعة استشارة – Ontwikkelplein</title>" in html
    # No translated summary: the Dutch one, marked Dutch.
    assert 'lang="nl">Hulp bij DigiD.</p>' in html
    assert "ترجمت المكتبة العنوان والجملة القصيرة فقط." in html


def test_the_resident_page_says_plainly_when_the_offer_is_only_in_dutch(
    client, offer, compiled_catalogue
):
    html = client.get(reverse("catalogue:offer-detail", args=[offer.pk]), {"taal": "tr"})
    html = html.content.decode()
    assert 'id="aanbod-titel" lang="nl">Spreekuur digitale overheid</h1>' in html
    assert "Kütüphane bu teklifi sadece Hollandaca anlattı." in html
    # In Dutch there is nothing to say.
    dutch = client.get(reverse("catalogue:offer-detail", args=[offer.pk]), {"taal": "nl"})
    assert "alleen in het Nederlands" not in dutch.content.decode()
