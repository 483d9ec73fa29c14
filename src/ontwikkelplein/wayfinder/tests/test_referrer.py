"""The referrer's wegwijzer: logged in, the questions phrased for the helper, the end page with
a way to refer, counted as a referrer path."""

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.urls import reverse

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import PartnerFactory, staff_user
from ontwikkelplein.wayfinder.models import PathCount
from ontwikkelplein.wayfinder.tests.factories import offers
from tests import test_translations

pytestmark = pytest.mark.django_db

compiled_catalogue = test_translations.compiled_catalogue
english = test_translations.english


def test_anonymous_visitors_go_to_the_login_page(client):
    for name in ("wayfinder:referrer", "wayfinder:referrer-result"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "inloggen" in response["Location"]
    assert client.post(reverse("wayfinder:referrer-finish")).status_code == 302
    assert PathCount.objects.count() == 0


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.PARTNER_STAFF])
def test_desk_staff_and_partners_walk_it_and_can_refer(client, role):
    catalogue = offers()
    organisation = PartnerFactory() if role == Role.PARTNER_STAFF else None
    client.force_login(staff_user(organisation, role=role))
    html = client.get(reverse("wayfinder:referrer")).content.decode()
    assert "Waar heeft de bezoeker hulp bij nodig?" in html
    assert "Vraag 1 van 4" in html
    # Signals and soft questions are one click away, and the page answers for this role.
    assert f'href="{reverse("desk:recognise")}"' in html
    assert client.get(reverse("desk:recognise")).status_code == 200
    html = client.get(
        reverse("wayfinder:referrer") + "?versie=1&nodig=lezen&stap=2"
    ).content.decode()
    assert "Voor wie zoekt de bezoeker hulp?" in html
    response = client.post(
        reverse("wayfinder:referrer-finish"),
        {"versie": 1, "nodig": "lezen", "voor": "iemand", "hoe": "samen", "waar": "3811"},
    )
    assert response.status_code == 303
    assert response["Location"].startswith(reverse("wayfinder:referrer-result"))
    row = PathCount.objects.get()
    assert row.channel == "referrer" and row.found_nearby
    html = client.get(response["Location"]).content.decode()
    assert "Taalmaatje voor lezen" in html
    refer = reverse("referrals:staff-create") + f"?offer={catalogue['buddy'].pk}&amp;vraag="
    assert refer in html
    # The referral form opens with the offer and the question filled in.
    start = html.index(refer)
    href = html[start : html.index('"', start)].replace("&amp;", "&")
    form = client.get(href)
    assert form.status_code == 200
    assert "Iemand die naast me zit en helpt" in form.content.decode()


def test_tampered_referrer_addresses_do_not_fail(client):
    client.force_login(staff_user(role=Role.FRONT_DESK))
    for params in (
        {"versie": "x", "nodig": "lezen"},
        {"versie": 1, "nodig": "\x00", "stap": "99999999999999999999"},
        {"versie": 1, "nodig": "lezen", "voor": "ik", "hoe": "cursus", "waar": "x" * 5000},
    ):
        response = client.get(reverse("wayfinder:referrer-result") + "?" + urlencode(params))
        assert response.status_code in (200, 302, 400)


@pytest.mark.parametrize("role", [Role.POI_ADVISER, Role.KB_ADMIN])
def test_poi_and_kb_have_no_referrers_version(client, role):
    from ontwikkelplein.organisations.models import OrganisationKind
    from ontwikkelplein.organisations.tests.factories import OrganisationFactory

    kind = OrganisationKind.POI if role == Role.POI_ADVISER else OrganisationKind.KB
    client.force_login(staff_user(OrganisationFactory(kind=kind), role=role))
    assert client.get(reverse("wayfinder:referrer")).status_code == 403


def test_the_referrers_question_follows_the_language_of_the_staff_member(client, english):
    catalogue = offers()
    english.force_login(staff_user(None, role=Role.FRONT_DESK))
    query = urlencode({"versie": 1, "nodig": "lezen", "voor": "iemand", "hoe": "samen"})
    html = english.get(
        reverse("wayfinder:referrer-result") + "?" + query + "&waar=3811"
    ).content.decode()
    refer = reverse("referrals:staff-create") + f"?offer={catalogue['buddy'].pk}&amp;vraag="
    start = html.index(refer)
    href = html[start : html.index('"', start)].replace("&amp;", "&")
    question = parse_qs(urlparse(href).query)["vraag"][0]
    assert question.startswith("What does the visitor need help with? Reading and writing.")
    assert "Waar heeft" not in question
