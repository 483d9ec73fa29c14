"""The wegwijzer's result when nothing fits: never a dead end. The nearest IDO, Taalhuis and
library (the search page's "Hier kun je altijd terecht" panel), "Ik wil hulp" carrying the
answers, and the ways back to change them; in Dutch and in English, over HTTP."""

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.urls import reverse

from ontwikkelplein.wayfinder.tests.factories import offers_with_help_point
from tests import test_translations

pytestmark = pytest.mark.django_db

compiled_catalogue = test_translations.compiled_catalogue
english = test_translations.english

RESULT = reverse("wayfinder:result")
# "Geld en rekeningen": the small catalogue of factories.offers() has nothing on money.
NOTHING_FITS = {"versie": 1, "nodig": "geld", "voor": "ik", "hoe": "samen", "waar": "3811"}


@pytest.fixture
def network():
    return offers_with_help_point()


def result(client, **params):
    response = client.get(RESULT + "?" + urlencode(params))
    assert response.status_code == 200
    return response.content.decode()


def help_link(html: str, offer) -> str:
    url = reverse("referrals:help", args=[offer.pk])
    start = html.index(url + "?vraag=")
    return html[start : html.index('"', start)].replace("&amp;", "&")


def test_nothing_fits_anywhere_shows_the_help_points_and_ik_wil_hulp(client, network):
    html = result(client, **NOTHING_FITS)
    assert "We vonden geen passende hulp dichtbij" in html
    assert "We vonden nergens hulp die precies bij je antwoorden past." in html
    # The search page's panel, with the nearest help point, its kinds and today's facts.
    assert 'id="hier-terecht"' in html and "Hier kun je altijd terecht" in html
    panel = html[html.index('id="hier-terecht"') :]
    assert "Bibliotheek Eemhuis" in panel
    assert "Informatiepunt Digitale Overheid (IDO), Taalhuis, Bibliotheek" in panel
    # It fits the page's outline: h1, then the panel as h2 and each place as h3.
    assert '<h2 class="utrecht-heading-3" id="hier-terecht-kop">' in html
    assert '<h3 class="utrecht-heading-4 op-help-place__name">' in html
    # "Ik wil hulp" goes to the IDO's form, carrying the answers.
    href = help_link(html, network["ido"])
    question = parse_qs(urlparse(href).query)["vraag"][0]
    assert question.startswith("Waar wil je hulp bij? Geld en rekeningen.")
    assert question.endswith("Waar woon je? 3811")
    form = client.get(href).content.decode()
    assert "Geld en rekeningen." in form
    # The panel's own ways (a bare "Ik wil hulp", "Ik weet niet precies wat ik zoek") are left
    # out: this page has them with the answers.
    assert "Ik weet niet precies wat ik zoek" not in html
    assert 'href="' + reverse("referrals:help", args=[network["ido"].pk]) + '"' not in html
    # Ways back: the previous question, changing each answer, starting again.
    assert "Vorige vraag" in html and "Opnieuw beginnen" in html
    assert html.count(">Veranderen<") == 4
    assert "nodig=geld" in html and "stap=1" in html


def test_nothing_fits_anywhere_in_english(english, network):
    html = result(english, **NOTHING_FITS)
    assert "You can always go here" in html and "Hier kun je altijd terecht" not in html
    assert "We vonden nergens" not in html
    assert "Digital Government Information Point (IDO)" in html
    question = parse_qs(urlparse(help_link(html, network["ido"])).query)["vraag"][0]
    assert question.startswith("What do you need help with? Money and bills.")
    assert "I want help" in html or "I need help" in html


def test_without_any_help_offer_the_panel_still_says_where_to_go(client, network):
    network["ido"].delete()
    html = result(client, **NOTHING_FITS)
    assert "Hier kun je altijd terecht" in html
    assert "Bibliotheek Eemhuis" in html
    # No offer to send the answers to: no button, and no sentence promising one.
    assert "?vraag=" not in html
    assert "Vraag om hulp. Dan zoekt iemand met je mee" not in html
    assert "Loop binnen of bel." in html


def test_nothing_near_but_something_far_keeps_its_own_help_offer_and_shows_the_panel(
    client, network
):
    html = result(client, **{**NOTHING_FITS, "nodig": "lezen", "waar": "9711"})
    assert "Binnen 10 km van 9711 vonden we niets dat past." in html
    assert "Hier kun je altijd terecht" in html
    # "Ik wil hulp" goes to the nearest fitting offer, even far away (a reading offer).
    assert reverse("referrals:help", args=[network["course"].pk]) + "?vraag=" in html or (
        reverse("referrals:help", args=[network["buddy"].pk]) + "?vraag=" in html
    )


def test_results_near_by_show_no_panel(client, network):
    html = result(client, **{**NOTHING_FITS, "nodig": "lezen", "hoe": "cursus"})
    assert "Cursus Beter lezen en schrijven" in html
    assert "Hier kun je altijd terecht" not in html
