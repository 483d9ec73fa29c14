"""The embed on a library's own website (catalogue/views/embed.py, docs/embedding.md): results in
the organisation's scope, no cookies, framable by other sites, the strict policy kept, its
language from the address only, and no bad address ever a 500."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory, theme
from ontwikkelplein.organisations.models import BrandingScope
from ontwikkelplein.organisations.tests.factories import (
    BrandingFactory,
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"


def directives(header: str) -> dict[str, str]:
    parts = (p.strip() for p in header.split(";") if p.strip())
    return {p.split(" ", 1)[0]: p.split(" ", 1)[1] if " " in p else "" for p in parts}


@pytest.fixture
def world():
    here, elsewhere = MunicipalityFactory(), MunicipalityFactory()
    library = OrganisationFactory(name="Bibliotheek Hier", municipalities=[here])
    partner = PartnerFactory(name="Welzijn Partner")
    near = LocationFactory(organisation=partner, municipality=here, name="Buurthuis De Kern")
    far = LocationFactory(organisation=partner, municipality=elsewhere)
    OfferFactory(title="Taalcafé in de buurt", organisation=partner, location=near)
    OfferFactory(title="Taalcafé ver weg", organisation=partner, location=far)
    OfferFactory(title="Online taalles van de bibliotheek", organisation=library)
    OfferFactory(
        title="Taalcafé concept", organisation=partner, location=near, status=OfferStatus.DRAFT
    )
    branding = BrandingFactory(
        organisation=library, slug="bibliotheek-hier", display_name="Bibliotheek Hier"
    )
    return branding


def titles(response) -> list[str]:
    return re.findall(r'target="_top">([^<]+)</a></h3>', response.content.decode())


def test_the_embed_shows_the_offers_in_its_municipalities_and_its_own(client, world):
    response = client.get("/inbedden/bibliotheek-hier/")
    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Online taalles van de bibliotheek",
        "Taalcafé in de buurt",
    ]
    html = response.content.decode()
    assert "Hulp zoeken bij Bibliotheek Hier" in html
    assert "Buurthuis De Kern" in html
    assert '<form method="get" action="/inbedden/bibliotheek-hier/" role="search"' in html
    # The organisation's colours, from its versioned stylesheet.
    assert re.search(r'href="/huisstijl/bibliotheek-hier/kleuren-\w+\.css"', html)


def test_own_scope_shows_only_the_organisations_offers(client, world):
    world.scope = BrandingScope.OWN
    world.save()
    response = client.get("/inbedden/bibliotheek-hier/")
    assert titles(response) == ["Online taalles van de bibliotheek"]


def test_words_search_within_the_scope(client, world):
    response = client.get("/inbedden/bibliotheek-hier/", {"q": "taalcafé"})
    assert titles(response) == ["Taalcafé in de buurt"]
    assert 'value="taalcafé"' in response.content.decode()


def test_results_link_to_the_offer_page_in_the_same_window_and_keep_the_language(client, world):
    response = client.get("/inbedden/bibliotheek-hier/?taal=ar&q=taalcafé")
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    links = re.findall(r'href="(/aanbod/[^"]+)" target="_top"', html)
    assert links and all(link.endswith("?taal=ar") for link in links)
    # The language stays when the resident searches again.
    assert '<input type="hidden" name="taal" value="ar">' in html


def test_paging_keeps_words_presets_and_language(client, world):
    library = world.organisation
    money = theme("geldzaken")
    for number in range(12):
        OfferFactory(title=f"Geldhulp {number:02}", organisation=library, themes=[money])
    response = client.get("/inbedden/bibliotheek-hier/?thema=geldzaken&taal=en")
    html = response.content.decode()
    assert len(titles(response)) == 10
    assert "Page 1 of 2" in html
    next_url = re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "thema=geldzaken" in next_url and "pagina=2" in next_url and "taal=en" in next_url
    second = client.get(next_url)
    assert len(titles(second)) == 2
    # The preset theme is kept by the search form.
    assert '<input type="hidden" name="thema" value="geldzaken">' in html
    # Past the last page: the last page, not an empty one.
    assert len(titles(client.get("/inbedden/bibliotheek-hier/?thema=geldzaken&pagina=99"))) == 2


def test_an_unknown_organisation_is_a_404(client, world):
    assert client.get("/inbedden/bestaat-niet/").status_code == 404


def test_only_get(client, world):
    assert client.post("/inbedden/bibliotheek-hier/").status_code == 405


@pytest.mark.parametrize("query", ["", "?q=taal", "?taal=ar", "?taal=pl&q=taal&pagina=2"])
def test_the_embed_sets_no_cookie(world, query):
    client = Client()
    response = client.get(f"/inbedden/bibliotheek-hier/{query}")
    assert response.status_code == 200
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_a_language_cookie_does_not_choose_the_embeds_language(world):
    client = Client()
    client.cookies["django_language"] = "ar"
    response = client.get("/inbedden/bibliotheek-hier/")
    assert '<html lang="nl" dir="ltr"' in response.content.decode()
    assert not response.cookies
    # The site itself still follows the cookie.
    assert '<html lang="ar"' in client.get("/").content.decode()


def test_other_sites_may_frame_the_embed_and_the_policy_stays_strict(client, world):
    response = client.get("/inbedden/bibliotheek-hier/")
    policy = directives(response[CSP])
    assert policy["frame-ancestors"] == "'self' https:"
    assert "X-Frame-Options" not in response
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    html = response.content.decode()
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)  # no inline script


def test_installation_may_name_the_sites(client, world, settings):
    settings.ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS = ["https://www.bibliotheekhier.nl"]
    response = client.get("/inbedden/bibliotheek-hier/")
    assert directives(response[CSP])["frame-ancestors"] == "'self' https://www.bibliotheekhier.nl"


def test_the_rest_of_the_site_still_refuses_frames(client, world):
    response = client.get("/zoeken/")
    assert directives(response[CSP])["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_embed_script_has_a_stable_address_and_a_short_cache(client):
    response = client.get(reverse("catalogue:embed-script"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "public, max-age=3600"
    body = response.content
    assert b"data-organisatie" in body and len(body) < 3000
    again = client.get("/inbedden.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert not response.cookies


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "q",
                "thema",
                "doelgroep",
                "soort",
                "gratis",
                "inloop",
                "dag",
                "pagina",
                "taal",
                "waar",
                "afstand",
                "x",
            ]
        ),
        st.text(max_size=300),
        max_size=6,
    )
)
def test_no_address_is_ever_a_500(world, query):
    response = Client().get("/inbedden/bibliotheek-hier/", query)
    assert response.status_code == 200
    assert not response.cookies
