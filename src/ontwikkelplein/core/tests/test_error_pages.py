"""The 404, 403, 400, 500 and CSRF failure pages: in the site layout, in B1 Dutch (English with
the switch), each with a way on (search, home, the help request status, how to reach the library),
and with DEBUG off as in production. The 500 page renders without a database or context."""

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.urls("ontwikkelplein.core.tests.error_urls")

LAYOUT = ('class="op-header"', 'class="op-footer"', 'id="inhoud"', "utrecht.css")
WAYS_ON = ('role="search"', 'action="/zoeken/"', 'href="/"', 'href="/hulp/status/"')


def assert_site_page(response, status: int, *texts: str) -> str:
    assert response.status_code == status
    html = response.content.decode()
    for marker in LAYOUT + WAYS_ON + texts:
        assert marker in html, marker
    assert "Not Found" not in html and "Server Error" not in html
    return html


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


@pytest.mark.django_db
def test_an_unknown_address_shows_the_404_page_in_the_site_layout(client):
    html = assert_site_page(
        client.get("/bestaat-niet/"), 404, "Deze pagina bestaat niet (meer)", "Bel of loop binnen"
    )
    assert '<html lang="nl"' in html


@pytest.mark.django_db
def test_the_404_page_is_english_after_the_language_switch(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = assert_site_page(client.get("/bestaat-niet/"), 404, "This page does not exist")
    assert '<html lang="en"' in html
    assert "Deze pagina bestaat niet" not in html


@pytest.mark.django_db
def test_a_forbidden_page_shows_the_403_page_with_a_login_link_for_residents(client):
    assert_site_page(
        client.get("/test-fout/403/"), 403, "Deze pagina mag je niet zien", "/account/inloggen/"
    )


@pytest.mark.django_db
def test_a_forbidden_page_tells_staff_to_ask_their_administrator(client):
    from ontwikkelplein.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert_site_page(client.get("/test-fout/403/"), 403, "Vraag het aan de beheerder")


@pytest.mark.django_db
def test_a_bad_request_shows_the_400_page(client):
    assert_site_page(client.get("/test-fout/400/"), 400, "Dit kunnen we niet lezen")


@pytest.mark.django_db
def test_an_unexpected_error_shows_the_500_page_in_the_site_layout():
    client = Client(raise_request_exception=False)
    html = assert_site_page(client.get("/test-fout/500/"), 500, "Er ging bij ons iets mis")
    assert "deliberate failure" not in html


def test_the_500_page_needs_no_database_and_no_context():
    """No django_db mark: any query would fail the test. server_error renders with an empty
    Context, as when the database itself is down."""
    response = server_error(RequestFactory().get("/kapot/"))
    assert_site_page(response, 500, "Er ging bij ons iets mis")
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html  # no forms that would fail without a token


@pytest.mark.django_db
def test_a_form_without_a_valid_csrf_token_shows_the_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"})
    assert_site_page(response, 403, "Je formulier is niet verstuurd", "Er is niets opgeslagen")
