"""Herkennen en doorverwijzen on the demo: the desk worker and the partner see routes that lead
somewhere (partners of the route's kind near them, offers near their location, a referral to
start), and every such link of the page answers."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def local_links(html):
    return {
        part.split('"', 1)[0].replace("&amp;", "&")
        for part in html.split('href="')[1:]
        if part.startswith(("/zoeken/", "/beheer/doorverwijzingen/nieuw/"))
    }


@pytest.mark.parametrize("username", ["balie", "partner"])
def test_the_demo_routes_lead_somewhere(client, username):
    call_command("load_demo", stdout=io.StringIO())
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    html = client.get(reverse("desk:recognise")).content.decode()
    assert "Partners in je werkgebied" in html
    assert "waar=" in html
    links = local_links(html)
    assert any(link.startswith("/beheer/doorverwijzingen/nieuw/") for link in links)
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        if link.startswith("/zoeken/"):
            assert response.context["results"].total > 0, link  # every route finds offers
