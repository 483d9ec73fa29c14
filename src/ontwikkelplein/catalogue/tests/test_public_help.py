"""Never a dead end on /zoeken/: "Hier kun je altijd terecht" (the nearest IDO, Taalhuis and
library) when a search finds nothing or nothing near by, the postcode field without a place, and
misspelt place names ("Bedoel je Amersfoort?"). The engine is test_public.py's fake."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from ontwikkelplein.catalogue import search as search_module
from ontwikkelplein.catalogue.models import OfferStatus, Programme, UnmatchedSearch
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.catalogue.tests.test_public import HTMX, SEARCH_URL, FakeEngine, content
from ontwikkelplein.organisations.models import LocationKind
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    PartnerFactory,
)
from ontwikkelplein.places.geo import resolve_place
from tests import test_translations

pytestmark = pytest.mark.django_db

# The English client of tests/test_translations.py (it compiles the catalogue when needed).
compiled_catalogue = test_translations.compiled_catalogue
english = test_translations.english

AMSTERDAM_TZ = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine()
    monkeypatch.setattr(search_module, "search", fake)
    return fake


def centre() -> tuple[float, float]:
    place = resolve_place("3811")  # from the postcode data the migrations load
    return place.latitude, place.longitude


def north(km: float) -> float:
    return centre()[0] + km / 111.195


@pytest.fixture
def network():
    """Near 3811: a library branch 1 km away that is also the Taalhuis (open Monday 9-12 and
    13-17, closed on Sunday), a separate IDO 3 km away without opening hours, with its IDO
    offer; an outreach place and a partner office nearer that are none of these."""
    library = OrganisationFactory(
        name="Bibliotheek Eemland", phone="033 463 40 00", website="https://bieb.example/"
    )
    branch = LocationFactory(
        organisation=library,
        name="Bibliotheek Eemhuis",
        street="Eemplein",
        house_number="77",
        postcode="3812 EA",
        latitude=north(1),
        longitude=centre()[1],
        has_taalhuis=True,
    )
    OpeningHoursFactory(
        location=branch, weekday=0, opens_at=datetime.time(13), closes_at=datetime.time(17)
    )
    OpeningHoursFactory(
        location=branch, weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12)
    )
    ido_place = LocationFactory(
        organisation=library,
        name="Bibliotheek Vathorst",
        kind=LocationKind.SERVICE_POINT,
        latitude=north(3),
        longitude=centre()[1],
        has_ido=True,
    )
    LocationFactory(
        name="Buurthuis De Koppel",
        kind=LocationKind.COMMUNITY_CENTRE,
        latitude=north(0.2),
        longitude=centre()[1],
    )
    LocationFactory(
        name="Kantoor UWV",
        organisation=PartnerFactory(),
        latitude=north(0.1),
        longitude=centre()[1],
    )
    ido, _new = Programme.objects.get_or_create(code="ido", defaults={"name": "IDO"})
    ido_offer = OfferFactory(
        organisation=library,
        title="IDO-spreekuur Vathorst",
        programme=ido,
        location=ido_place,
        indexed=False,
    )
    return {"branch": branch, "ido_place": ido_place, "ido_offer": ido_offer}


def panel(html: str) -> str:
    match = re.search(r'<section class="op-help-panel".*?</section>', html, re.S)
    return match.group(0) if match else ""


# A Monday 10:00 in Amersfoort.
MONDAY_MORNING = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=AMSTERDAM_TZ)


@time_machine.travel(MONDAY_MORNING, tick=False)
def test_no_results_shows_the_nearest_ido_taalhuis_and_library(client, engine, network):
    engine.unknown_words = {"belasting"}

    html = content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"}))

    help_panel = panel(html)
    assert "Hier kun je altijd terecht" in help_panel
    names = re.findall(r'op-help-place__name">([^<]+)<', help_panel)
    assert names == ["Bibliotheek Eemhuis", "Bibliotheek Vathorst"]  # nearest first
    assert "Buurthuis" not in help_panel and "UWV" not in help_panel
    assert "Taalhuis, Bibliotheek" in help_panel
    assert 'kinds">Informatiepunt Digitale Overheid (IDO)</p>' in help_panel  # library: nearer
    assert "Eemplein 77, 3812 EA Amersfoort" in help_panel
    assert "Vandaag open 9:00–12:00 en 13:00–17:00" in help_panel
    assert "Bel even om te vragen wanneer ze open zijn." in help_panel  # the IDO has no hours
    assert 'href="tel:0334634000">033 463 40 00</a>' in help_panel
    offer = network["ido_offer"]
    assert f'href="{reverse("catalogue:offer-detail", args=[offer.pk])}"' in help_panel
    assert f'href="{reverse("referrals:help", args=[offer.pk])}">Ik wil hulp</a>' in help_panel
    assert 'href="https://bieb.example/"' in help_panel
    assert f'href="{reverse("wayfinder:start")}">Ik weet niet precies wat ik zoek</a>' in help_panel
    assert re.findall(r"op-distance\">\(([^)]*)\)", help_panel) == ["1,0 km", "3,0 km"]
    assert "Hieronder staat waar je altijd terecht kunt." in html


@time_machine.travel(datetime.datetime(2026, 12, 13, 10, 0, tzinfo=AMSTERDAM_TZ), tick=False)
def test_on_a_closed_day_the_panel_says_so(client, engine, network):
    engine.unknown_words = {"belasting"}

    html = panel(content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"})))

    assert "Vandaag gesloten" in html and "Vandaag open" not in html


# Sunday 23:30 UTC is already Monday 00:30 in Amersfoort: Monday's hours count.
@time_machine.travel(datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.UTC), tick=False)
def test_today_is_the_day_in_the_netherlands(client, engine, network):
    engine.unknown_words = {"belasting"}

    html = panel(content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"})))

    assert "Vandaag open 9:00–12:00 en 13:00–17:00" in html


def test_only_far_away_results_show_the_panel_below_them(client, engine, network):
    engine.offers = [OfferFactory(title="Belastinghulp Zwolle", indexed=False)]
    engine.distance_km = 61.5

    html = content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"}))

    assert "Belastinghulp Zwolle" in html
    assert "Wat we vonden is meer dan 10 km van 3811." in html
    assert 'href="#hier-terecht"' in html
    assert "Er is niets dichtbij." in html
    assert html.index("Belastinghulp Zwolle") < html.index('id="hier-terecht"')
    assert "Bibliotheek Eemhuis" in panel(html)


def test_results_near_by_show_no_panel(client, engine, network):
    engine.offers = [OfferFactory(title="Belastinghulp Eemhuis", indexed=False)]
    engine.distance_km = 1.2

    html = content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"}))

    assert not panel(html) and "Wat we vonden is meer dan" not in html


def test_results_without_a_place_show_no_panel(client, engine, network):
    engine.offers = [OfferFactory(title="Belastinghulp", indexed=False)]

    html = content(client.get(SEARCH_URL, {"q": "belasting"}))

    assert not panel(html)


def test_without_a_place_the_panel_asks_for_a_postcode_and_keeps_the_search(client, engine):
    engine.unknown_words = {"belasting"}

    html = panel(
        content(client.get(SEARCH_URL, {"q": "belasting", "thema": "geldzaken", "afstand": "5"}))
    )

    assert 'method="get" action="/zoeken/"' in html
    assert '<input type="hidden" name="q" value="belasting">' in html
    assert '<input type="hidden" name="thema" value="geldzaken">' in html
    assert 'name="afstand"' not in html
    assert (
        'label class="utrecht-form-label" for="hulp-waar">Jouw postcode of plaats</label>' in html
    )
    assert 'name="waar" id="hulp-waar"' in html
    assert "op-help-place" not in html


def test_a_place_with_no_help_point_near_still_points_to_the_library(client, engine):
    engine.unknown_words = {"belasting"}

    html = panel(content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"})))

    assert "Loop binnen bij de bibliotheek." in html
    assert "Ik wil hulp" not in html  # no offer to ask for help with


def test_the_htmx_answer_has_the_panel_too(client, engine, network):
    engine.unknown_words = {"belasting"}

    html = content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"}, headers=HTMX))

    assert "<h1" not in html
    assert "Bibliotheek Vathorst" in panel(html)
    assert "Hieronder staat waar je altijd terecht kunt." in html  # the status, out of band


def test_a_withdrawn_ido_offer_is_not_linked(client, engine, network):
    network["ido_offer"].status = OfferStatus.ARCHIVED
    network["ido_offer"].save()
    engine.unknown_words = {"belasting"}

    html = panel(content(client.get(SEARCH_URL, {"q": "belasting", "waar": "3811"})))

    assert "Bibliotheek Vathorst" in html and "Ik wil hulp" not in html


def test_what_residents_typed_and_staff_typed_is_escaped(client, engine, network):
    network["branch"].name = "<script>alert(1)</script>"
    network["branch"].save()
    engine.unknown_words = {"<b>x</b>"}

    html = content(client.get(SEARCH_URL, {"q": "<b>x</b>"}))
    assert "<b>x</b>" not in html
    html = content(client.get(SEARCH_URL, {"q": "<b>x</b>", "waar": "3811"}))
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_unmatched_searches_are_still_counted_once(client, engine, network, tmp_path, settings):
    path = tmp_path / "dutch"
    path.write_text("xyzzy\n", encoding="utf-8")
    settings.ONTWIKKELPLEIN_WORD_LIST = str(path)
    settings.UNMATCHED_SEARCH_MIN_VISITORS = 1
    engine.unknown_words = {"xyzzy"}

    client.get(SEARCH_URL, {"q": "xyzzy", "waar": "3811"})

    assert UnmatchedSearch.objects.get().count == 1


# --- Misspelt places ---


def test_a_misspelt_town_is_suggested_with_the_same_search(client, engine):
    html = content(client.get(SEARCH_URL, {"q": "digid", "waar": "Amrsfort", "thema": "geldzaken"}))

    assert "We kennen de plaats of postcode “Amrsfort” niet." in html
    link = (
        'href="/zoeken/?q=digid&amp;waar=Amersfoort&amp;thema=geldzaken">Bedoel je Amersfoort?</a>'
    )
    error = re.search(r'<p [^>]*id="id_waar_error">.*?</p>', html, re.S).group(0)
    assert link in error
    status = re.search(r'id="resultaten-status".*?</div>', html, re.S).group(0)
    assert link in status
    assert engine.last.origin is None


def test_a_very_close_town_is_used_and_said(client, engine):
    html = content(client.get(SEARCH_URL, {"q": "digid", "waar": "Amersfort", "afstand": "5"}))

    assert engine.calls[0].origin is not None and engine.calls[0].radius_km == 5.0
    assert "We zoeken bij Amersfoort. Je typte “Amersfort”." in html
    assert (
        'name="waar" id="id_waar"\n           value="Amersfoort"' in html
        or 'value="Amersfoort"' in html
    )
    assert 'id="id_waar_error"' not in html


def test_den_haag_is_known(client, engine):
    client.get(SEARCH_URL, {"waar": "Den Haag"})
    assert engine.last.origin is not None
    html = content(client.get(SEARCH_URL, {"waar": "Den Hag"}))
    assert "We zoeken bij Den Haag." in html


def test_the_htmx_answer_carries_the_suggestion_in_the_field(client, engine):
    html = content(client.get(SEARCH_URL, {"waar": "Amrsfort"}, headers=HTMX))

    field = re.search(r'<div [^>]*id="veld-waar" hx-swap-oob="true">.*?</div>\s*</div>', html, re.S)
    assert field and "Bedoel je Amersfoort?" in field.group(0)


# --- In English ---


@time_machine.travel(MONDAY_MORNING, tick=False)
def test_the_panel_and_the_suggestion_in_english(english, engine, network):
    engine.unknown_words = {"belasting"}

    html = content(english.get(SEARCH_URL, {"q": "belasting", "waar": "3811"}))
    assert "You can always go here" in html
    assert "Open today 9:00–12:00 and 13:00–17:00" in html
    assert "Digital Government Information Point (IDO)" in html
    assert "Hier kun je altijd terecht" not in html

    html = content(english.get(SEARCH_URL, {"waar": "Amrsfort"}))
    assert "Did you mean Amersfoort?" in html
    html = content(english.get(SEARCH_URL, {"waar": "Amersfort"}))
    assert "We search near Amersfoort. You typed “Amersfort”." in html
