"""The public site at HTTP level: home, search (form contract, htmx, bad input, unmatched
searches) and the offer page. The search engine is replaced by a fake that records the
SearchParams it gets, so these tests are about the pages; test_public_engine.py runs the same
pages on the real engine."""

import datetime
import re
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue import search as search_module
from ontwikkelplein.catalogue.models import (
    OfferLocation,
    OfferStatus,
    Programme,
    Requirement,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
    UnmatchedSearchVisitor,
)
from ontwikkelplein.catalogue.reference_data import THEMES
from ontwikkelplein.catalogue.search import SearchHit, SearchParams, SearchResults
from ontwikkelplein.catalogue.tests.factories import (
    OfferFactory,
    offer_type,
    target_group,
    term,
    theme,
)
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OpeningHoursFactory,
    PartnerFactory,
)
from ontwikkelplein.places.models import PostcodeArea

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("catalogue:search")
HTMX = {"HX-Request": "true"}


class FakeEngine:
    """Stands in for catalogue.search.search: records every SearchParams and answers with the
    offers in `offers` (as hits with `distance_km`), or none when the text is in `unknown`."""

    def __init__(self):
        self.calls: list[SearchParams] = []
        self.offers = []
        self.distance_km = None
        self.unknown_words: set[str] = set()
        self.corrections: dict[str, str] = {}

    def __call__(self, params: SearchParams, *, load=None) -> SearchResults:
        self.calls.append(params)
        offers = [] if params.text.lower() in self.unknown_words else list(self.offers)
        if params.themes:  # enough filtering to tell filtered and unfiltered searches apart
            offers = [o for o in offers if set(params.themes) & {t.code for t in o.themes.all()}]
        start = (params.page - 1) * params.per_page
        hits = [
            SearchHit(offer=o, distance_km=self.distance_km, nearest_location=None)
            for o in offers[start : start + params.per_page]
        ]
        return SearchResults(
            hits=hits,
            total=len(offers),
            page=params.page,
            per_page=params.per_page,
            corrections=dict(self.corrections),
        )

    @property
    def last(self) -> SearchParams:
        return self.calls[-1]


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine()
    monkeypatch.setattr(search_module, "search", fake)
    return fake


def content(response) -> str:
    return response.content.decode()


# --- Home ---


def test_home_shows_every_active_theme_as_a_tile_linking_to_the_search(client):
    response = client.get(reverse("catalogue:home"))

    assert response.status_code == 200
    html = content(response)
    assert html.count('class="op-tile"') == len(THEMES)
    for code, name, _name_en, icon in THEMES:
        assert f'href="{SEARCH_URL}?thema={code}"' in html
        assert name in html
        assert f"ontwikkelplein/icons/{icon}.svg" in html
    assert html.count("<h1") == 1
    assert 'name="q"' in html and 'name="waar"' in html


def test_home_hides_inactive_themes_and_gives_unknown_icons_the_generic_one(client):
    TaxonomyTerm.objects.filter(code="rekenen").update(is_active=False)
    TaxonomyTerm.objects.create(
        taxonomy=Taxonomy.objects.get(slug=Taxonomy.THEME),
        code="sport",
        name="Sport en bewegen",
        icon="football-that-nobody-drew",
    )

    html = content(client.get(reverse("catalogue:home")))

    assert "?thema=rekenen" not in html
    assert "?thema=sport" in html
    assert "icons/football-that-nobody-drew.svg" not in html
    assert "icons/circle.svg" in html


def test_every_theme_icon_of_the_reference_data_is_drawn():
    from django.contrib.staticfiles import finders

    for _code, _name, _name_en, icon in THEMES:
        assert finders.find(f"ontwikkelplein/icons/{icon}.svg"), icon
    assert finders.find("ontwikkelplein/icons/circle.svg")


# --- Search: the GET contract ---


def test_search_without_parameters_asks_for_everything(client, engine):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert engine.last == SearchParams(per_page=20)


def test_search_passes_words_filters_and_page_to_the_engine(client, engine):
    engine.offers = [OfferFactory(themes=[theme("geldzaken")]) for _ in range(25)]

    response = client.get(
        SEARCH_URL,
        {
            "q": "  hulp   met DigiD ",
            "thema": ["geldzaken", "werk"],
            "doelgroep": "65-plussers",
            "soort": ["spreekuur", "cursus"],
            "gratis": "1",
            "inloop": "1",
            "dag": ["di", "ma"],
            "pagina": "2",
        },
    )

    assert response.status_code == 200
    params = engine.last
    assert params.text == "hulp met DigiD"
    assert params.themes == ("geldzaken", "werk")
    assert params.target_groups == ("65-plussers",)
    assert params.offer_types == ("spreekuur", "cursus")
    assert params.free_only is True
    assert params.walk_in_only is True
    assert params.weekdays == (1, 0)
    assert params.page == 2
    assert params.origin is None and params.radius_km is None


@pytest.mark.parametrize(
    ("name", "value", "attribute", "expected"),
    [
        ("q", "taalcafé", "text", "taalcafé"),
        ("thema", "geldzaken", "themes", ("geldzaken",)),
        ("doelgroep", "anderstaligen", "target_groups", ("anderstaligen",)),
        ("soort", "cafe", "offer_types", ("cafe",)),
        ("gratis", "1", "free_only", True),
        ("inloop", "1", "walk_in_only", True),
        ("dag", "zo", "weekdays", (6,)),
        ("pagina", "1", "page", 1),
    ],
)
def test_each_filter_parameter_reaches_the_engine(client, engine, name, value, attribute, expected):
    response = client.get(SEARCH_URL, {name: value})

    assert response.status_code == 200
    assert getattr(engine.last, attribute) == expected


def test_each_filter_shows_as_a_ticked_checkbox(client, engine):
    html = content(
        client.get(SEARCH_URL, {"thema": "werk", "dag": "vr", "gratis": "1", "soort": "cursus"})
    )

    assert 'name="thema" value="werk" id="id_thema_7" checked' in html
    assert 'name="dag" value="vr" id="id_dag_4" checked' in html
    assert 'name="gratis" value="1" id="id_gratis" checked' in html
    assert 'name="soort" value="cursus" id="id_soort_0" checked' in html
    assert 'name="inloop" value="1" id="id_inloop">' in html


def test_a_postcode_orders_by_distance_and_afstand_limits(client, engine):
    PostcodeArea.objects.update_or_create(
        pc4="3811", defaults={"town": "Amersfoort", "latitude": 52.156, "longitude": 5.387}
    )

    client.get(SEARCH_URL, {"waar": "3811 AB", "afstand": "5"})

    assert engine.last.origin == pytest.approx((52.156, 5.387))
    assert engine.last.radius_km == 5.0


def test_a_town_name_is_a_place_too(client, engine):
    PostcodeArea.objects.update_or_create(
        pc4="4811", defaults={"town": "Breda", "latitude": 51.59, "longitude": 4.78}
    )

    client.get(SEARCH_URL, {"waar": "breda"})

    assert engine.last.origin is not None
    assert engine.last.radius_km is None  # no afstand: ordered, not limited


def test_afstand_without_a_place_limits_nothing(client, engine):
    client.get(SEARCH_URL, {"afstand": "5"})

    assert engine.last.origin is None and engine.last.radius_km is None


def test_an_unknown_postcode_gets_a_friendly_message_and_results_without_distance(client, engine):
    PostcodeArea.objects.filter(pc4="9999").delete()
    engine.offers = [OfferFactory(title="Digi-spreekuur")]

    response = client.get(SEARCH_URL, {"q": "digid", "waar": "9999", "afstand": "5"})

    assert response.status_code == 200
    html = content(response)
    assert "We kennen de plaats of postcode “9999” niet." in html
    assert "Probeer een andere schrijfwijze of laat het veld leeg." in html
    # The message is tied to the field and the field keeps what was typed.
    assert 'id="id_waar_error"' in html
    assert 'aria-describedby="id_waar_error id_waar_helptext" aria-invalid="true"' in html
    assert 'value="9999"' in html
    assert engine.last.origin is None and engine.last.radius_km is None
    assert "Digi-spreekuur" in html


def test_an_unknown_town_gets_the_same_message(client, engine):
    html = content(client.get(SEARCH_URL, {"waar": "Nergenshuizen aan Zee"}))

    assert "We kennen de plaats of postcode “Nergenshuizen aan Zee” niet." in html


@pytest.mark.parametrize(
    "query",
    [
        {"pagina": "abc"},
        {"pagina": "-4"},
        {"pagina": "99999999999999999999"},
        {"afstand": "9999"},
        {"afstand": "<b>"},
        {"dag": "xx"},
        {"thema": "nonexistent"},
        {"doelgroep": "'; DROP TABLE catalogue_offer; --"},
        {"soort": ""},
        {"gratis": "ja"},
        {"q": "a" * 5000},
        {"q": "nul\x00teken", "waar": "38\x0011"},
        {"onbekend": "1"},
    ],
)
def test_invalid_parameters_are_ignored_without_a_crash(client, engine, query):
    response = client.get(SEARCH_URL, query)

    assert response.status_code == 200
    params = engine.last
    assert 1 <= params.page <= 500
    assert params.radius_km is None
    assert params.themes == () and params.target_groups == ()
    assert params.weekdays == ()
    assert "\x00" not in params.text and len(params.text) <= 200


def test_invalid_values_are_dropped_and_valid_ones_kept(client, engine):
    client.get(SEARCH_URL, {"thema": ["nonexistent", "werk", "werk"], "dag": ["xx", "wo"]})

    assert engine.last.themes == ("werk",)
    assert engine.last.weekdays == (2,)


def test_an_inactive_term_is_not_a_filter(client, engine):
    TaxonomyTerm.objects.filter(code="werk").update(is_active=False)

    client.get(SEARCH_URL, {"thema": "werk"})

    assert engine.last.themes == ()


def test_a_page_past_the_end_shows_the_last_page(client, engine):
    engine.offers = [OfferFactory() for _ in range(3)]

    response = client.get(SEARCH_URL, {"pagina": "7"})

    assert response.status_code == 200
    assert engine.last.page == 1
    assert content(response).count('class="op-card"') == 3


@pytest.mark.parametrize(
    "hostile",
    ["\"quotes\" and 'single'", "<script>alert(1)</script>", "' OR 1=1 --"],
)
def test_hostile_input_answers_normally_and_escaped(client, engine, hostile):
    response = client.get(SEARCH_URL, {"q": hostile, "waar": hostile})

    assert response.status_code == 200
    html = content(response)
    assert "<script>alert(1)</script>" not in html
    escaped = (
        hostile.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
    assert f'value="{escaped}"' in html
    assert engine.last.text == hostile


def test_hostile_input_in_the_htmx_answer_is_escaped_too(client, engine):
    response = client.get(SEARCH_URL, {"q": "<script>alert(1)</script>"}, headers=HTMX)

    html = content(response)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Results ---


def test_result_card_in_plain_words(client, engine):
    location = LocationFactory(name="Bibliotheek Centrum", city="Amersfoort")
    offer = OfferFactory(
        title="Spreekuur DigiD",
        summary="Hulp bij inloggen met DigiD.",
        organisation=location.organisation,
        location=location,
        location__weekday=1,
        sign_up=SignUp.WALK_IN,
        themes=[theme("digitale-overheid")],
    )
    engine.offers = [offer]
    engine.distance_km = 1.234

    html = content(client.get(SEARCH_URL, {"q": "digid"}))

    assert f'href="{reverse("catalogue:offer-detail", args=[offer.pk])}?van=q%3Ddigid"' in html
    assert "Spreekuur DigiD" in html
    assert "Hulp bij inloggen met DigiD." in html
    assert location.organisation.name in html
    assert "Bibliotheek Centrum, Amersfoort" in html
    assert "(1,2 km)" in html
    assert "Elke dinsdag, 10:00 tot 12:00 uur" in html
    assert "Gratis" in html
    assert "Je kunt zonder afspraak langskomen." in html
    assert "Spreekuur of advies" in html  # offer type
    assert "Digitale overheid en DigiD" in html  # theme
    assert "1 plek gevonden" in html


def test_result_card_of_a_paid_course_with_registration_and_dated_sessions(client, engine):
    location = LocationFactory()
    offer = OfferFactory(
        title="Cursus Klik en Tik",
        offer_type=offer_type("cursus"),
        is_free=False,
        cost_amount=Decimal("12.50"),
        sign_up=SignUp.REGISTRATION,
        location=location,
    )
    offer_location = offer.offer_locations.get()
    soon = datetime.date.today() + datetime.timedelta(days=3)
    past = datetime.date.today() - datetime.timedelta(days=3)
    for day in (soon, past):
        Schedule.objects.create(
            offer_location=offer_location,
            kind=ScheduleKind.DATED,
            weekday=0,
            date=day,
            opens_at=datetime.time(13, 30),
            closes_at=datetime.time(15, 0),
        )
    engine.offers = [offer]

    html = content(client.get(SEARCH_URL))

    assert "€ 12,50" in html
    assert "Meld je eerst aan." in html
    assert "13:30 tot 15:00 uur" in html
    assert html.count("13:30 tot 15:00 uur") == 1  # the past session is not shown


def test_the_result_count_is_in_a_live_region(client, engine):
    engine.offers = [OfferFactory() for _ in range(12)]

    html = content(client.get(SEARCH_URL))

    start = html.index('id="resultaten-status"')
    region = html[html.rindex("<div", 0, start) : html.index("</div>", start)]
    assert 'aria-live="polite"' in region
    assert "12 plekken gevonden" in region


def test_typo_corrections_are_shown(client, engine):
    engine.offers = [OfferFactory()]
    engine.corrections = {"digd": "digid"}

    html = content(client.get(SEARCH_URL, {"q": "hulp digd"}))

    assert "Gezocht op:" in html
    assert "<strong>hulp digid</strong>" in html


def test_paging_links_keep_the_filters(client, engine):
    engine.offers = [OfferFactory(themes=[theme("werk")]) for _ in range(45)]

    html = content(client.get(SEARCH_URL, {"q": "werk", "thema": "werk", "pagina": "2"}))

    assert "Pagina 2 van 3" in html
    assert 'href="/zoeken/?q=werk&amp;thema=werk"' in html  # back to page 1
    assert 'href="/zoeken/?q=werk&amp;thema=werk&amp;pagina=3"' in html
    assert 'start="21"' in html


def test_no_results_gives_tips(client, engine):
    engine.unknown_words = {"xyzzy"}

    html = content(client.get(SEARCH_URL, {"q": "xyzzy"}))

    assert "We hebben geen plekken gevonden." in html
    assert "Kijk of de woorden goed geschreven zijn." in html


def test_no_results_with_filters_offers_the_search_without_filters(client, engine):
    engine.offers = [OfferFactory(themes=[theme("werk")]) for _ in range(2)]

    html = content(client.get(SEARCH_URL, {"q": "werk", "thema": "geldzaken", "gratis": "1"}))

    assert "Zonder filters vind je wel 2 plekken." in html
    assert 'href="/zoeken/?q=werk"' in html


# --- htmx ---


def test_htmx_request_gets_only_the_results_fragment(client, engine):
    engine.offers = [OfferFactory(title="Taalcafé")]

    response = client.get(SEARCH_URL, {"q": "taal"}, headers=HTMX)

    assert response.status_code == 200
    html = content(response)
    assert "<html" not in html and "<form" not in html and "<h1" not in html
    assert "Taalcafé" in html
    assert '<div id="resultaten-status" hx-swap-oob="innerHTML">' in html
    assert 'id="veld-waar" hx-swap-oob="true"' in html
    assert "<title>Zoeken naar “taal”: 1 plek gevonden – Ontwikkelplein</title>" in html
    assert "HX-Request" in response["Vary"]


def test_full_page_has_the_htmx_form_contract(client, engine):
    response = client.get(SEARCH_URL)

    html = content(response)
    assert 'method="get" action="/zoeken/"' in html
    assert 'hx-get="/zoeken/"' in html
    assert 'hx-target="#resultaten"' in html
    assert 'hx-push-url="true"' in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, engine):
    response = client.get(SEARCH_URL, headers={**HTMX, "HX-History-Restore-Request": "true"})

    assert "<html" in content(response)


# --- Unmatched searches ---


@pytest.fixture
def known_words(settings, tmp_path):
    """Made-up words in the word list; every visitor on the list at once (the threshold of
    three visitors has its own test)."""
    path = tmp_path / "dutch"
    path.write_text("xyzzy\nplugh\nvissen\n", encoding="utf-8")
    settings.ONTWIKKELPLEIN_WORD_LIST = str(path)
    settings.UNMATCHED_SEARCH_MIN_VISITORS = 1


def test_words_reach_the_list_after_three_different_visitors(client, engine, known_words, settings):
    settings.UNMATCHED_SEARCH_MIN_VISITORS = 3
    engine.unknown_words = {"xyzzy"}
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.2"):
        client.get(SEARCH_URL, {"q": "Xyzzy Pietersen"}, REMOTE_ADDR=address)
    assert not UnmatchedSearch.objects.exists()
    client.get(SEARCH_URL, {"q": "xyzzy"}, REMOTE_ADDR="10.0.0.3")
    entry = UnmatchedSearch.objects.get()
    assert (entry.phrase, entry.count) == ("xyzzy", 3)
    stored = str(list(UnmatchedSearchVisitor.objects.values_list("phrase", "visitor")))
    assert "10.0.0" not in stored and "pietersen" not in stored


def test_an_unknown_term_is_counted_once(client, engine, known_words):
    engine.unknown_words = {"xyzzy"}

    client.get(SEARCH_URL, {"q": "Xyzzy"})

    entry = UnmatchedSearch.objects.get()
    assert entry.phrase == "xyzzy"
    assert entry.count == 1


def test_htmx_filtering_after_a_failed_search_does_not_count_again(client, engine, known_words):
    engine.unknown_words = {"xyzzy"}
    client.get(SEARCH_URL, {"q": "xyzzy"})

    client.get(
        SEARCH_URL,
        {"q": "xyzzy", "gratis": "1"},
        headers={**HTMX, "HX-Current-URL": "http://testserver/zoeken/?q=xyzzy"},
    )
    client.get(
        SEARCH_URL,
        {"q": "xyzzy"},
        headers={
            **HTMX,
            "HX-History-Restore-Request": "true",
            "HX-Current-URL": "http://testserver/zoeken/?q=xyzzy",
        },
    )

    assert UnmatchedSearch.objects.get(phrase="xyzzy").count == 1


def test_new_words_through_htmx_are_counted(client, engine, known_words):
    engine.unknown_words = {"plugh"}

    client.get(
        SEARCH_URL,
        {"q": "plugh"},
        headers={**HTMX, "HX-Current-URL": "http://testserver/zoeken/?q=xyzzy"},
    )

    assert UnmatchedSearch.objects.get(phrase="plugh").count == 1


def test_searches_that_find_something_or_have_no_words_are_not_counted(client, engine):
    engine.offers = [OfferFactory(themes=[theme("werk")])]

    client.get(SEARCH_URL, {"q": "werk"})  # found something
    client.get(SEARCH_URL, {"thema": "geldzaken"})  # nothing, but no words
    client.get(SEARCH_URL, {"q": "werk", "thema": "geldzaken"})  # the words alone do find it

    assert not UnmatchedSearch.objects.exists()


# --- Offer page ---


@pytest.fixture
def full_offer():
    partner = PartnerFactory(name="Welzijn Eemland")
    location = LocationFactory(
        name="Bibliotheek Eemhuis",
        street="Eemplein",
        house_number="77",
        postcode="3812 EA",
        city="Amersfoort",
        accessibility="Rolstoeltoegankelijk, met lift.",
    )
    OpeningHoursFactory(location=location, weekday=0)
    offer = OfferFactory(
        title="Informatiepunt Digitale Overheid",
        summary="Hulp bij DigiD, toeslagen en formulieren van de overheid.",
        description="Je krijgt hulp van een medewerker.\nWe kijken samen naar je vraag.",
        organisation=location.organisation,
        location=location,
        location__weekday=2,
        sign_up=SignUp.REGISTRATION,
        sign_up_instructions="Bel 033 - 123 45 67 of kom langs bij de balie.",
        is_free=False,
        cost_amount=Decimal("5"),
        cost_description="Met een bibliotheekpas is het gratis.",
        requirements=[Requirement.DIGID, Requirement.ID],
        requirements_other="Je bankpas",
        computers=4,
        printer=True,
        privacy_room=True,
        languages=["nl", "ar", "ti", "xx"],
        contact_name="Fatima",
        contact_phone="033 - 123 45 67",
        contact_email="ido@bibliotheek.example",
        website="https://bibliotheek.example/ido",
        target_groups=[target_group("65-plussers")],
        capacity=6,
        programme=Programme.objects.get(code="ido"),
    )
    offer.partners.set([partner])
    offer.levels.set([term(Taxonomy.LEVEL, "digitaal-starter")])
    return offer


def test_offer_page_shows_every_section(client, full_offer):
    response = client.get(reverse("catalogue:offer-detail", args=[full_offer.pk]))

    assert response.status_code == 200
    html = content(response)
    for heading in (
        "Wat is het?",
        "Voor wie?",
        "Waar en wanneer?",
        "Wat neem je mee?",
        "Wat kost het?",
        "Hoe doe je mee?",
        "Wie kun je bellen of mailen?",
        "Wat is er op de plek?",
        "Wie organiseert het?",
    ):
        assert heading in html, heading
    assert html.count("<h1") == 1
    assert "<title>Informatiepunt Digitale Overheid – Ontwikkelplein</title>" in html
    assert (
        '<meta name="description" content="Hulp bij DigiD, toeslagen en formulieren van de '
        'overheid.">' in html
    )
    assert "Je krijgt hulp van een medewerker.<br>We kijken samen naar je vraag." in html
    assert "65-plussers" in html
    assert "Eemplein 77" in html and "3812 EA Amersfoort" in html
    assert "Elke woensdag, 10:00 tot 12:00 uur" in html
    assert "Openingstijden van Bibliotheek Eemhuis" in html and "09:00 – 17:00" in html
    assert "Rolstoeltoegankelijk, met lift." in html
    assert "DigiD (inlognaam en wachtwoord of de app)" in html and "Je bankpas" in html
    assert "Het kost € 5,00." in html and "Met een bibliotheekpas is het gratis." in html
    assert "Meld je eerst aan." in html and "Bel 033 - 123 45 67 of kom langs" in html
    assert "Er is plaats voor 6 mensen." in html
    assert 'href="tel:0331234567"' in html
    assert 'href="mailto:ido@bibliotheek.example"' in html
    assert 'href="https://bibliotheek.example/ido"' in html
    assert "Vraag naar" in html and "Fatima" in html
    assert "Er zijn 4 computers die je kunt gebruiken." in html
    assert "Je kunt er printen." in html
    assert "aparte ruimte" in html
    assert "Nederlands, Arabisch, Tigrinya, XX" in html
    assert "Digitaal: starter" in html
    assert "Welzijn Eemland" in html
    assert "Informatiepunt Digitale Overheid (IDO)" in html  # programme
    assert full_offer.organisation.name in html
    assert "?print=1" in html


def test_offer_page_of_a_walk_in_offer_without_contact_details(client):
    offer = OfferFactory(sign_up=SignUp.WALK_IN)

    html = content(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))

    assert "Je hoeft je niet aan te melden." in html
    assert "Het is gratis." in html
    assert f"Vraag het bij {offer.organisation.name}." in html
    assert "Dit aanbod is niet op één vaste plek." in html
    assert "Wat is er op de plek?" not in html


def test_offer_page_uses_the_organisation_contact_when_the_offer_has_none(client):
    offer = OfferFactory()
    offer.organisation.phone = "+31 (0)33 7654321"
    offer.organisation.save()

    html = content(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))

    assert 'href="tel:+310337654321"' in html


@pytest.mark.parametrize("status", [OfferStatus.DRAFT, OfferStatus.ARCHIVED])
def test_drafts_and_archived_offers_are_not_found(client, status):
    offer = OfferFactory(status=status)

    response = client.get(reverse("catalogue:offer-detail", args=[offer.pk]))

    assert response.status_code == 404


def test_an_unknown_offer_is_not_found(client):
    response = client.get(reverse("catalogue:offer-detail", args=[uuid.uuid4()]))

    assert response.status_code == 404


def test_the_back_link_returns_to_the_search_with_only_search_parameters(client):
    offer = OfferFactory()
    van = "q=digid&thema=werk&pagina=2&evil=javascript:alert(1)"

    html = content(client.get(reverse("catalogue:offer-detail", args=[offer.pk]), {"van": van}))

    assert 'href="/zoeken/?pagina=2&amp;q=digid&amp;thema=werk"' in html
    assert not re.search(r'href="[^"]*evil', html)
    assert "Terug naar de zoekresultaten" in html


def test_without_a_search_the_back_link_goes_to_the_search_page(client):
    offer = OfferFactory()

    html = content(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))

    assert 'href="/zoeken/">Zoek ander aanbod' in html


def test_print_version_uses_the_print_stylesheet_on_screen(client):
    offer = OfferFactory(title="Taalcafé")

    url = reverse("catalogue:offer-detail", args=[offer.pk])
    normal = content(client.get(url))
    printable = content(client.get(url, {"print": "1"}))

    assert 'href="/static/ontwikkelplein/print.css" media="print"' in normal
    assert '<link rel="stylesheet" href="/static/ontwikkelplein/print.css">' in printable
    assert "Dit is de printversie van deze pagina." in printable
    assert "Terug naar de gewone pagina" in printable
    assert "Dit is de printversie" not in normal


def test_offer_page_escapes_what_staff_typed(client):
    offer = OfferFactory(
        title="<script>alert(1)</script>",
        summary='Een "samenvatting" met <b>html</b>',
        description="<img src=x onerror=alert(1)>",
    )

    html = content(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))

    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'content="Een &quot;samenvatting&quot; met &lt;b&gt;html&lt;/b&gt;"' in html


def test_offer_page_shows_upcoming_dated_sessions_only(client):
    location = LocationFactory()
    offer = OfferFactory(location=location)
    offer_location = OfferLocation.objects.get(offer=offer)
    today = datetime.date.today()
    for delta, hour in ((-7, 9), (7, 14)):
        Schedule.objects.create(
            offer_location=offer_location,
            kind=ScheduleKind.DATED,
            weekday=0,
            date=today + datetime.timedelta(days=delta),
            opens_at=datetime.time(hour, 0),
            closes_at=datetime.time(hour + 1, 0),
        )

    html = content(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))

    assert "14:00 tot 15:00 uur" in html
    assert "09:00 tot 10:00 uur" not in html
