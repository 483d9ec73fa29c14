"""The search page's order choice (`volgorde`) and the "Weer vanaf maart" labels, over HTTP on
the real engine (SQLite or PostgreSQL, whichever the suite runs on)."""

import datetime
import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.catalogue.search import ORDER_DISTANCE, ORDER_FIT
from ontwikkelplein.catalogue.tests.test_public import (
    FakeEngine,  # noqa: F401 - fixture type
    engine,  # noqa: F401 - fixture
)
from ontwikkelplein.catalogue.tests.test_search import neutral
from ontwikkelplein.organisations.tests.factories import LocationFactory
from ontwikkelplein.places.geo import KM_PER_DEGREE
from ontwikkelplein.places.models import PostcodeArea

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("catalogue:search")
HOME = (52.1557, 5.3881)


@pytest.fixture
def postcode():
    PostcodeArea.objects.update_or_create(
        pc4="3811", defaults={"town": "Amersfoort", "latitude": HOME[0], "longitude": HOME[1]}
    )


def at_km(km):
    return LocationFactory(
        name=f"Plek {km}",
        city="Amersfoort",
        latitude=HOME[0] + km / KM_PER_DEGREE,
        longitude=HOME[1],
    )


def card_titles(response) -> list[str]:
    return re.findall(
        r'class="utrecht-link op-card__link"[^>]*>([^<]+)</a>', response.content.decode()
    )


def test_best_fit_is_the_default_and_dichtstbij_orders_by_distance(client, postcode):
    neutral("Spreekuur", description="Ook vragen over je computer.", location=at_km(0.2))
    neutral("Cursus computer leren", location=at_km(3))
    best = client.get(SEARCH_URL, {"q": "computer cursus", "waar": "3811"})
    assert card_titles(best) == ["Cursus computer leren", "Spreekuur"]
    assert "Wat goed past en dichtbij" in best.content.decode()
    nearest = client.get(
        SEARCH_URL, {"q": "computer cursus", "waar": "3811", "volgorde": "dichtstbij"}
    )
    assert card_titles(nearest) == ["Spreekuur", "Cursus computer leren"]
    page = nearest.content.decode()
    assert '<option value="dichtstbij" selected>' in page
    assert "Wat dichtbij" in page and "Wat goed past" not in page
    # The choice is kept in the way back from an offer page.
    assert "volgorde%3Ddichtstbij" in page


def test_the_choice_reaches_the_engine_and_bad_values_mean_best_fit(client, engine):  # noqa: F811
    client.get(SEARCH_URL, {"q": "taal", "volgorde": "dichtstbij"})
    assert engine.last.order == ORDER_DISTANCE
    for value in ["", "afstand", "DICHTSTBIJ", "dichtstbij\x00", "x" * 500]:
        response = client.get(SEARCH_URL, {"q": "taal", "volgorde": value})
        assert response.status_code == 200
        assert engine.last.order == ORDER_FIT
    response = client.get(SEARCH_URL + "?q=taal&volgorde=dichtstbij&volgorde=zzz")
    assert response.status_code == 200


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=40))
def test_any_volgorde_answers_without_error(client, value):
    response = client.get(SEARCH_URL, {"q": "taal", "volgorde": value})
    assert response.status_code == 200


def test_card_and_offer_page_say_when_an_out_of_season_offer_returns(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    tax = neutral(
        "Belasting spreekuur", season_start_month=3, season_end_month=4, location=at_km(1)
    )
    later = neutral("Belasting cursus", valid_from=datetime.date(2027, 1, 12), location=at_km(1))
    page = client.get(SEARCH_URL, {"q": "belasting"}).content.decode()
    assert "Weer vanaf maart" in page
    assert "Vanaf 12 januari 2027" in page
    detail = client.get(reverse("catalogue:offer-detail", args=[tax.pk])).content.decode()
    assert "Weer vanaf maart." in detail
    assert "Elk jaar van maart tot en met april." in detail
    detail = client.get(reverse("catalogue:offer-detail", args=[later.pk])).content.decode()
    assert "Vanaf 12 januari 2027." in detail


def test_the_labels_in_english(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 12))
    neutral("Belasting spreekuur", season_start_month=3, season_end_month=4)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(SEARCH_URL, {"q": "belasting"}).content.decode()
    assert "Back from March" in page
    assert "Most suitable first" in page
    tax = Offer.objects.get(title="Belasting spreekuur")
    detail = client.get(reverse("catalogue:offer-detail", args=[tax.pk])).content.decode()
    assert "Back from March." in detail
    assert "You cannot go there yet." in detail
    assert "Every year from March until April." in detail


def test_an_offer_in_season_has_no_label(client, time_machine):
    time_machine.move_to(datetime.datetime(2027, 3, 10, 12))
    neutral("Belasting spreekuur", season_start_month=3, season_end_month=4)
    page = client.get(SEARCH_URL, {"q": "belasting"}).content.decode()
    assert "Belasting spreekuur" in page and "vanaf" not in page.lower().split("resultaten")[-1]
