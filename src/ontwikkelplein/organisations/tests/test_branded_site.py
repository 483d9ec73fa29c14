"""The public site in an organisation's branding at /b/<slug>/ and at its own host name
(organisations/middleware.py): its name, logo and colours; links, forms, redirects, the language
switch, the text size and the poster's QR code stay inside; staff pages do not run inside."""

import io
import re
from urllib.parse import quote

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import (
    BrandingFactory,
    LocationFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

HOST = "hulp.eemland.nl"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), "#6b2c91").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def branding():
    library = OrganisationFactory(name="Bibliotheek Eemland")
    return BrandingFactory(
        organisation=library,
        slug="eemland",
        display_name="Bibliotheek Eemland",
        logo=png(),
        logo_type="image/png",
        logo_alt="Logo van Bibliotheek Eemland",
        host=HOST,
    )


@pytest.fixture
def offer(branding):
    place = LocationFactory(organisation=branding.organisation, name="Eemhuis")
    return OfferFactory(organisation=branding.organisation, title="Taalcafé", location=place)


def links(html: str) -> list[str]:
    return re.findall(r'(?:href|action)="(/[^"]*)"', html)


def test_the_home_page_in_the_branding(client, branding):
    response = client.get("/b/eemland/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "– Bibliotheek Eemland</title>" in html
    assert 'alt="Logo van Bibliotheek Eemland"' in html
    assert "/huisstijl/eemland/kleuren-" in html and "/huisstijl/eemland/logo-" in html
    assert "Deze pagina's worden aangeboden door Bibliotheek Eemland." in html
    # Every link of the site stays inside the branded site, but the static files.
    own = [url for url in links(html) if not url.startswith("/static/")]
    assert own and all(url.startswith("/b/eemland/") for url in own), own
    # The stylesheet and logo it links answer (inside the prefix, too).
    for url in re.findall(r'"(/b/eemland/huisstijl/[^"]+)"', html):
        assert client.get(url).status_code == 200
    # Afterwards, addresses are the site's own again.
    assert reverse("catalogue:home") == "/"
    plain = client.get("/").content.decode()
    assert "huisstijl" not in plain and "aangeboden door" not in plain


def test_search_and_offer_pages_and_the_poster(client, offer):
    html = client.get("/b/eemland/zoeken/", {"q": "taalcafe"}).content.decode()
    assert f'href="/b/eemland/aanbod/{offer.pk}/' in html
    page = client.get(f"/b/eemland/aanbod/{offer.pk}/")
    assert page.status_code == 200 and "Taalcafé" in page.content.decode()
    poster = client.get(f"/b/eemland/aanbod/{offer.pk}/poster/").content.decode()
    assert f"http://testserver/b/eemland/aanbod/{offer.pk}/" in poster


def test_without_slash_and_unknown_slug(client, branding):
    response = client.get("/b/eemland", {"taal": "en"})
    assert response.status_code == 301 and response["Location"] == "/b/eemland/?taal=en"
    assert client.get("/b/onbekend/").status_code == 404
    missing = client.get("/b/eemland/bestaat-niet/")
    assert missing.status_code == 404
    assert "Bibliotheek Eemland" in missing.content.decode()


def test_staff_pages_leave_the_branded_site(client, branding):
    response = client.get("/b/eemland/beheer/huisstijl/?x=1")
    assert response.status_code == 302 and response["Location"] == "/beheer/huisstijl/?x=1"
    assert client.get("/b/eemland/account/inloggen/")["Location"] == "/account/inloggen/"
    assert client.post("/b/eemland/account/inloggen/", {}).status_code == 404
    assert client.get("/b/eemland/api/hsds/services")["Location"] == "/api/hsds/services"


def test_language_from_the_address_right_to_left(client, branding):
    html = client.get("/b/eemland/", {"taal": "ar"}).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "Bibliotheek Eemland" in html


def test_language_switch_and_text_size_post_with_csrf_and_stay_inside(branding):
    client = Client(enforce_csrf_checks=True)
    html = client.get("/b/eemland/zoeken/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    assert 'action="/b/eemland/i18n/setlang/"' in html
    response = client.post(
        "/b/eemland/i18n/setlang/",
        {"csrfmiddlewaretoken": token, "language": "en", "next": "/b/eemland/zoeken/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/b/eemland/zoeken/?taal=en"
    assert 'action="/b/eemland/tekstgrootte/"' in html
    response = client.post(
        "/b/eemland/tekstgrootte/", {"csrfmiddlewaretoken": token, "grootte": "groter"}
    )
    assert response.status_code == 302 and response["Location"] == "/b/eemland/"
    # Without the token: refused, as everywhere.
    refused = Client(enforce_csrf_checks=True).post("/b/eemland/tekstgrootte/", {})
    assert refused.status_code == 403


@override_settings(ALLOWED_HOSTS=["testserver", HOST])
def test_a_mapped_host_shows_the_branding_without_prefix(client, branding):
    html = client.get("/", HTTP_HOST=HOST).content.decode()
    assert "Deze pagina's worden aangeboden door Bibliotheek Eemland." in html
    assert 'href="/zoeken/' in html
    # Staff pages on that host are the site's own, unbranded.
    login = client.get("/account/inloggen/", HTTP_HOST=HOST).content.decode()
    assert "aangeboden door" not in login
    # Another allowed host is not branded.
    assert "aangeboden door" not in client.get("/").content.decode()


def test_a_host_that_is_not_allowed_is_refused(client, branding):
    assert client.get("/", HTTP_HOST=HOST).status_code == 400


def test_a_changed_host_counts_at_once(client, branding):
    with override_settings(ALLOWED_HOSTS=["testserver", HOST, "nieuw.eemland.nl"]):
        assert "aangeboden door" in client.get("/", HTTP_HOST=HOST).content.decode()
        branding.host = "nieuw.eemland.nl"
        branding.save()
        assert "aangeboden door" not in client.get("/", HTTP_HOST=HOST).content.decode()
        page = client.get("/", HTTP_HOST="nieuw.eemland.nl").content.decode()
        assert "aangeboden door" in page


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rest=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00#?"),
        max_size=40,
    ),
    slug=st.sampled_from(["eemland", "onbekend", "EEMLAND", "eemland-"]),
    method=st.sampled_from(["get", "post", "head"]),
)
def test_no_address_under_the_prefix_gives_a_500(client, branding, rest, slug, method):
    response = getattr(client, method)(f"/b/{slug}/{quote(rest)}")
    assert response.status_code < 500
    assert reverse("catalogue:home") == "/"
