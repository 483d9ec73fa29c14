"""The offer's printable poster and sheet of cards: a QR code to the offer page (in the page's
language), the place and times, nothing for an offer that is not published."""

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    place = LocationFactory(organisation=library, name="Eemhuis", city="Amersfoort")
    return OfferFactory(
        organisation=library, title="Taalcafé", location=place, location__weekday=2, indexed=False
    )


@pytest.mark.parametrize("name", ["catalogue:offer-poster", "catalogue:offer-cards"])
def test_a_sheet_with_the_offer_and_a_qr_code(client, offer, name):
    response = client.get(reverse(name, args=[offer.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Taalcafé" in page and "Eemhuis" in page
    assert "<svg" in page and 'aria-label="QR-code naar dit aanbod op de website"' in page
    assert "Elke woensdag, 10:00 tot 12:00 uur" in page
    assert 'name="robots" content="noindex"' in page


def test_the_poster_shows_the_address_of_the_offer_page(client, offer):
    page = client.get(reverse("catalogue:offer-poster", args=[offer.pk])).content.decode()
    assert f"http://testserver/aanbod/{offer.pk}/" in page
    assert page.count('class="op-card"') == 0


def test_eight_cards_on_a_sheet(client, offer):
    page = client.get(reverse("catalogue:offer-cards", args=[offer.pk])).content.decode()
    assert page.count('class="op-card"') == 8


def test_in_another_language_the_code_leads_to_the_page_in_that_language(client, offer):
    page = client.get(reverse("catalogue:offer-poster", args=[offer.pk]), {"taal": "tr"})
    assert f"/aanbod/{offer.pk}/?taal=tr" in page.content.decode()
    assert '<html lang="tr"' in page.content.decode()


@pytest.mark.parametrize("name", ["catalogue:offer-poster", "catalogue:offer-cards"])
def test_no_sheet_of_a_draft(client, offer, name):
    offer.status = OfferStatus.DRAFT
    offer.save()
    assert client.get(reverse(name, args=[offer.pk])).status_code == 404


def test_the_offer_page_links_to_both(client, offer):
    page = client.get(reverse("catalogue:offer-detail", args=[offer.pk])).content.decode()
    assert reverse("catalogue:offer-poster", args=[offer.pk]) in page
    assert reverse("catalogue:offer-cards", args=[offer.pk]) in page
