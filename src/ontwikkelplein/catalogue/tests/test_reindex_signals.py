"""Changes to a location or organisation reach the search index of the offers they touch."""

import pytest

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def found(text: str) -> set:
    return {hit.offer.pk for hit in search.search(search.SearchParams(text=text)).hits}


def test_renaming_a_location_makes_its_offers_findable_by_the_new_name(
    django_capture_on_commit_callbacks,
):
    location = LocationFactory(name="Wijkcentrum Zonnebloem")
    offer = OfferFactory(organisation=location.organisation, location=location)
    search.index_offer(offer.pk)
    assert offer.pk in found("zonnebloem")

    location.name = "Buurthuis Klaproos"
    with django_capture_on_commit_callbacks(execute=True):
        location.save()

    assert offer.pk in found("klaproos")
    assert offer.pk not in found("zonnebloem")


def test_renaming_the_provider_reindexes_its_offers(django_capture_on_commit_callbacks):
    offer = OfferFactory()
    search.index_offer(offer.pk)
    organisation = offer.organisation
    organisation.name = "Bibliotheek Wadkust"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()

    assert offer.pk in found("wadkust")
