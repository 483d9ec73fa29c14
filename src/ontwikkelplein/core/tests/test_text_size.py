"""The text size form for visitors without JavaScript (core.views.set_text_size): it sets a cookie
and goes back; the server draws every resident page at that size (a class on <html>). Bad input
changes nothing and never gives a 500."""

import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.core import text_size
from ontwikkelplein.organisations.tests.factories import staff_user

URL = "/tekstgrootte/"


def pressed(html: str) -> list[str]:
    """The values of the text size buttons drawn as chosen (aria-pressed)."""
    return re.findall(r'<button[^>]*name="grootte" value="(\w+)"[^>]*aria-pressed="true"', html)


@pytest.mark.django_db
def test_every_resident_page_has_the_text_size_buttons_and_a_hidden_read_aloud_button(client):
    html = client.get("/").content.decode()
    assert 'action="/tekstgrootte/"' in html
    for value in ("normaal", "groter", "grootst"):
        assert f'name="grootte" value="{value}"' in html
    assert pressed(html) == ["normaal"]
    # Shown only by reading.js, once a voice for the page's language is found.
    assert "data-read-aloud hidden" in html
    assert "reading.js" in html and "reading.css" in html
    assert '<html lang="nl" dir="ltr" class="utrecht-html">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "css_class"), [("groter", "op-text-larger"), ("grootst", "op-text-largest")]
)
def test_a_chosen_size_is_remembered_in_a_cookie_and_drawn_by_the_server(client, value, css_class):
    response = client.post(URL, {"grootte": value, "next": "/zoeken/?q=taal"})
    assert response.status_code == 302
    assert response["Location"] == "/zoeken/?q=taal"
    cookie = response.cookies[text_size.COOKIE_NAME]
    assert cookie.value == value
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"

    html = client.get("/").content.decode()
    assert f'<html lang="nl" dir="ltr" class="utrecht-html {css_class}">' in html
    assert pressed(html) == [value]
    assert f'data-text-size-class="{css_class}"' in html

    client.post(URL, {"grootte": "normaal", "next": "/"})
    assert '<html lang="nl" dir="ltr" class="utrecht-html">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_unknown_size_changes_nothing_and_says_so_in_dutch(client):
    client.post(URL, {"grootte": "groter", "next": "/"})
    response = client.post(URL, {"grootte": "reusachtig", "next": "/"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze tekstgrootte bestaat niet. Kies normaal, groter of grootst." in html
    assert client.cookies[text_size.COOKIE_NAME].value == "groter"
    assert "utrecht-html op-text-larger" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url",
    [
        "https://example.com/",
        "//example.com/",
        "javascript:alert(1)",
        "",
        "/\\example.com",
        "http:///x",
    ],
)
def test_next_outside_this_site_goes_to_the_home_page(client, next_url):
    response = client.post(URL, {"grootte": "groter", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_get_changes_nothing_and_goes_back(client):
    response = client.get(URL, {"grootte": "grootst", "next": "/zoeken/"})
    assert response.status_code == 302
    assert response["Location"] == "/zoeken/"
    assert text_size.COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_the_form_needs_the_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, {"grootte": "groter", "next": "/"})
    assert response.status_code == 403
    assert text_size.COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_a_tampered_cookie_is_ignored(client):
    client.cookies[text_size.COOKIE_NAME] = '"><script>alert(1)</script>'
    html = client.get("/").content.decode()
    assert '<html lang="nl" dir="ltr" class="utrecht-html">' in html
    assert "<script>alert(1)" not in html


@pytest.mark.django_db
def test_staff_pages_have_no_reading_tools_and_keep_their_size(client):
    user = staff_user()
    client.force_login(user)
    client.cookies[text_size.COOKIE_NAME] = "grootst"
    html = client.get("/beheer/").content.decode()
    assert "data-read-aloud" not in html and "/tekstgrootte/" not in html
    assert "reading.css" not in html and "reading.js" not in html
    assert "op-text-largest" not in html


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=40), next_url=st.text(max_size=80))
def test_no_input_gives_a_server_error(client, value, next_url):
    response = client.post(URL, {"grootte": value, "next": next_url})
    assert response.status_code == 302
