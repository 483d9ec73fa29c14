"""The public search pages on the real search engine (SQLite FTS5 or PostgreSQL, whichever the
suite runs on): what a resident types and sees, end to end below the browser."""

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue import search as search_module
from ontwikkelplein.catalogue.models import OfferStatus, SignUp, UnmatchedSearch
from ontwikkelplein.catalogue.search import SearchParams
from ontwikkelplein.catalogue.tests.factories import (
    OfferFactory,
    OfferLocationFactory,
    offer_type,
    theme,
)
from ontwikkelplein.organisations.tests.factories import LocationFactory
from ontwikkelplein.places.models import PostcodeArea

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("catalogue:search")


@pytest.fixture
def real_engine():
    """Skips while catalogue.search is still the interface stub, so these tests start to run
    by themselves once the engine exists."""
    try:
        search_module.search(SearchParams())
    except NotImplementedError:
        pytest.skip("catalogue.search.search is not implemented yet")


@pytest.fixture
def offers(real_engine):
    PostcodeArea.objects.update_or_create(
        pc4="3811", defaults={"town": "Amersfoort", "latitude": 52.1557, "longitude": 5.3881}
    )
    amersfoort = LocationFactory(
        name="Bibliotheek Eemhuis", city="Amersfoort", latitude=52.1565, longitude=5.3850
    )
    breda = LocationFactory(
        name="Bibliotheek Breda Centrum", city="Breda", latitude=51.5890, longitude=4.7760
    )
    near = OfferFactory(
        title="Spreekuur Digitale Overheid Amersfoort",
        summary="Hulp met DigiD en andere vragen over de overheid.",
        description="Wij helpen je met DigiD, toeslagen en formulieren.",
        organisation=amersfoort.organisation,
        location=amersfoort,
        location__weekday=1,
        themes=[theme("digitale-overheid")],
        sign_up=SignUp.WALK_IN,
    )
    far = OfferFactory(
        title="Spreekuur Digitale Overheid Breda",
        summary="Hulp met DigiD en andere vragen over de overheid.",
        description="Wij helpen je met DigiD, toeslagen en formulieren.",
        organisation=breda.organisation,
        location=breda,
        location__weekday=3,
        themes=[theme("digitale-overheid")],
        sign_up=SignUp.REGISTRATION,
    )
    taal = OfferFactory(
        title="Taalcafé",
        summary="Oefen Nederlands praten met anderen.",
        description="Elke week praten we met elkaar in het Nederlands.",
        organisation=amersfoort.organisation,
        location=amersfoort,
        location__weekday=4,
        themes=[theme("nederlands-leren")],
        offer_type=offer_type("cafe"),
    )
    draft = OfferFactory(
        title="Geheim DigiD concept",
        summary="Nog niet klaar.",
        status=OfferStatus.DRAFT,
        location=amersfoort,
    )
    search_module.rebuild_index()
    return {"near": near, "far": far, "taal": taal, "draft": draft}


def titles_in_order(html: str, offers) -> list[str]:
    found = [(html.index(o.title), o.title) for o in offers if o.title in html]
    return [title for _position, title in sorted(found)]


def test_words_and_postcode_put_the_nearest_spreekuur_first(client, offers):
    response = client.get(SEARCH_URL, {"q": "hulp met DigiD", "waar": "3811"})

    assert response.status_code == 200
    html = response.content.decode()
    assert titles_in_order(html, [offers["near"], offers["far"]]) == [
        offers["near"].title,
        offers["far"].title,
    ]
    assert "Taalcafé" not in html
    assert "Geheim DigiD concept" not in html
    assert "2 plekken gevonden" in html
    assert "Wat goed past en dichtbij 3811 is, staat bovenaan." in html


def test_afstand_leaves_out_what_is_far_away(client, offers):
    html = client.get(SEARCH_URL, {"q": "digid", "waar": "3811", "afstand": "5"}).content.decode()

    assert offers["near"].title in html
    assert offers["far"].title not in html
    assert "Je ziet alleen plekken binnen 5 km." in html


def test_theme_filter_narrows_the_results(client, offers):
    html = client.get(SEARCH_URL, {"thema": "nederlands-leren"}).content.decode()

    assert "Taalcafé" in html
    assert offers["near"].title not in html


def test_day_filter_on_the_real_engine(client, offers):
    html = client.get(SEARCH_URL, {"dag": "di"}).content.decode()

    assert offers["near"].title in html
    assert offers["far"].title not in html and "Taalcafé" not in html


def test_htmx_filtering_on_the_real_engine(client, offers):
    response = client.get(SEARCH_URL, {"q": "digid", "inloop": "1"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "<html" not in html
    assert offers["near"].title in html
    assert offers["far"].title not in html  # Breda needs signing up


def test_an_unknown_term_is_counted_once_on_the_real_engine(client, offers, settings):
    settings.UNMATCHED_SEARCH_MIN_VISITORS = 1
    client.get(SEARCH_URL, {"q": "ruimtevaart"})
    client.get(
        SEARCH_URL,
        {"q": "ruimtevaart", "gratis": "1"},
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/zoeken/?q=ruimtevaart"},
    )

    assert UnmatchedSearch.objects.get(phrase="ruimtevaart").count == 1


@pytest.mark.parametrize(
    "hostile",
    ['"quotes"', "<script>alert(1)</script>", "' OR 1=1 --", 'NEAR(digid) AND "x', "*:^-"],
)
def test_hostile_input_on_the_real_engine(client, offers, hostile):
    response = client.get(SEARCH_URL, {"q": hostile, "waar": hostile})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_offer_page_of_a_search_hit(client, offers):
    url = reverse("catalogue:offer-detail", args=[offers["near"].pk])

    response = client.get(url, {"van": "q=digid&waar=3811"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Elke dinsdag, 10:00 tot 12:00 uur" in html
    assert 'href="/zoeken/?q=digid&amp;waar=3811"' in html


def test_an_archived_offers_old_link_says_it_stopped_and_shows_similar_offers(client, offers):
    near, far = offers["near"], offers["far"]
    gone = OfferFactory(
        title="Oud spreekuur DigiD",
        organisation=near.organisation,
        location=LocationFactory(
            organisation=near.organisation, city="Amersfoort", latitude=52.156, longitude=5.385
        ),
        themes=[theme("digitale-overheid")],
    )
    gone.status = OfferStatus.ARCHIVED
    gone.save()
    search_module.rebuild_index()

    response = client.get(reverse("catalogue:offer-detail", args=[gone.pk]))

    assert response.status_code == 404
    html = response.content.decode()
    assert "Dit aanbod is er niet meer" in html
    assert "Oud spreekuur DigiD" in html  # which offer it was
    assert html.index(near.title) < html.index(far.title)  # similar offers, nearest first
    assert reverse("catalogue:offer-detail", args=[gone.pk]) not in html.split("<main")[1]
    assert 'class="op-footer"' in html and 'role="search"' in html


def test_nearest_first_orders_offers_by_their_nearest_place_and_puts_unplaced_ones_last():
    from ontwikkelplein.catalogue.models import Offer
    from ontwikkelplein.catalogue.selectors import nearest_first, offer_choices

    desk = LocationFactory(name="Balie Amersfoort", latitude=52.1565, longitude=5.3850)
    leusden = LocationFactory(city="Leusden", latitude=52.1326, longitude=5.4306)
    breda = LocationFactory(city="Breda", latitude=51.5890, longitude=4.7760)
    far = OfferFactory(title="Aa ver weg", location=breda, indexed=False)
    near = OfferFactory(title="Zz dichtbij", location=leusden, indexed=False)
    online = OfferFactory(title="Online cursus", indexed=False)
    both = OfferFactory(title="Mm twee plekken", location=breda, indexed=False)
    OfferLocationFactory(offer=both, location=desk)
    offers = Offer.objects.filter(pk__in=[far.pk, near.pk, online.pk, both.pk])

    ordered = nearest_first(offers, desk)

    assert [offer for offer, _km in ordered] == [both, near, far, online]
    assert ordered[0][1] == pytest.approx(0, abs=0.01)
    assert 3 < ordered[1][1] < 5 and ordered[3][1] is None
    # Without an origin: by title, no distances.
    assert [o.title for o, km in nearest_first(offers, None)] == [
        "Aa ver weg",
        "Mm twee plekken",
        "Online cursus",
        "Zz dichtbij",
    ]
    labels = [label for _pk, label in offer_choices(offers, desk, "Kies")]
    assert labels[0] == "Kies" and labels[2].startswith("Zz dichtbij (") and " km)" in labels[2]
