"""The learning materials' pages end to end: search, read, add and change (national and own),
choose an offer's and a run's materials, and see them on the offer's and the run's pages and on
the public offer page."""

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue.tests.factories import OfferFactory, theme
from ontwikkelplein.courses.tests.factories import RunFactory
from ontwikkelplein.materials.models import Cost, Material
from ontwikkelplein.materials.tests.factories import MaterialFactory, level
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return OrganisationFactory(kind=OrganisationKind.LIBRARY)


def login(client, user):
    client.force_login(user)
    return client


def valid(**extra):
    data = {
        "name": "Klik & Tik",
        "summary": "Computerles voor beginners.",
        "provider": "Oefenen.nl",
        "kind": "programme",
        "form": "blended",
        "cost": "free",
        "themes": [str(theme("digitale-vaardigheden").pk)],
        "levels": [str(level("digitaal-starter").pk)],
        "website": "oefenen.nl",
        "is_active": "on",
    }
    data.update(extra)
    return data


def test_front_desk_searches_and_reads_but_cannot_add(client, library):
    material = MaterialFactory(name="Klik & Tik", summary="Computerles.")
    login(client, staff_user(library, Role.FRONT_DESK))
    page = client.get(reverse("materials:search"), {"q": "computerles"})
    assert page.status_code == 200
    assert "Klik &amp; Tik" in page.content.decode()
    assert "1 leermiddel gevonden" in page.content.decode()
    assert reverse("materials:create") not in page.content.decode()
    detail = client.get(reverse("materials:detail", args=[material.pk]))
    assert detail.status_code == 200
    assert reverse("materials:edit", args=[material.pk]) not in detail.content.decode()
    assert client.get(reverse("materials:create")).status_code == 403
    assert client.post(reverse("materials:create"), valid()).status_code == 403
    assert not Material.objects.filter(name="Klik & Tik").exclude(pk=material.pk).exists()


def test_specialist_adds_own_material_visible_to_own_staff_only(client, library):
    specialist = staff_user(library, Role.SPECIALIST)
    login(client, specialist)
    form = client.get(reverse("materials:create"))
    assert "Landelijke lijst" not in form.content.decode()
    response = client.post(reverse("materials:create"), valid(owner=str(library.pk)))
    assert response.status_code == 302
    material = Material.objects.get(name="Klik & Tik")
    assert material.organisation == library
    assert material.website == "https://oefenen.nl"
    other = OrganisationFactory(kind=OrganisationKind.LIBRARY)
    login(client, staff_user(other, Role.SPECIALIST))
    assert client.get(reverse("materials:detail", args=[material.pk])).status_code == 404
    assert client.get(reverse("materials:edit", args=[material.pk])).status_code == 404
    assert "Klik" not in client.get(reverse("materials:search")).content.decode()


def test_specialist_cannot_add_to_the_national_list_or_another_library(client, library):
    login(client, staff_user(library, Role.SPECIALIST))
    other = OrganisationFactory()
    for owner in ("landelijk", str(other.pk), "x" * 40):
        response = client.post(reverse("materials:create"), valid(owner=owner))
        assert response.status_code == 400
        assert "Maak een" in response.content.decode() or "geldige" in response.content.decode()
    assert not Material.objects.exists()


def test_kb_and_poi_keep_the_national_list(client):
    kb = staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN)
    login(client, kb)
    response = client.post(reverse("materials:create"), valid(owner="landelijk"))
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.is_national
    poi = staff_user(PoiFactory(), Role.POI_ADVISER)
    login(client, poi)
    response = client.post(
        reverse("materials:edit", args=[material.pk]),
        valid(name="Klik & Tik: de start", owner="anything"),
    )
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.name == "Klik & Tik: de start"
    assert material.is_national  # the owner does not change


def test_specialist_cannot_change_the_national_list(client, library):
    material = MaterialFactory(name="Landelijk")
    login(client, staff_user(library, Role.SPECIALIST))
    assert client.get(reverse("materials:edit", args=[material.pk])).status_code == 403
    assert client.post(reverse("materials:edit", args=[material.pk]), valid()).status_code == 403
    material.refresh_from_db()
    assert material.name == "Landelijk"


def test_bad_input_gets_dutch_errors_and_changes_nothing(client, library):
    login(client, staff_user(library, Role.SPECIALIST))
    response = client.post(
        reverse("materials:create"),
        valid(owner=str(library.pk), name="", cost="gratis!", website="ja", themes=["x"]),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Vul dit in." in text
    assert "Fout:" in text
    assert not Material.objects.exists()


def test_offer_editor_chooses_materials_and_the_pages_show_them(client, library):
    offer = OfferFactory(organisation=library)
    klik = MaterialFactory(name="Klik & Tik", website="https://oefenen.nl", cost=Cost.FREE)
    hidden = MaterialFactory(name="Andermans map", organisation=OrganisationFactory())
    hidden.offers.add(offer)  # linked by someone the specialist cannot see: kept
    specialist = staff_user(library, Role.SPECIALIST)
    login(client, specialist)
    preview = client.get(reverse("catalogue:staff-offer-preview", args=[offer.pk])).content
    assert reverse("materials:offer", args=[offer.pk]) in preview.decode()
    assert "Andermans map" not in preview.decode()
    url = reverse("materials:offer", args=[offer.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"materials": [str(klik.pk)]})
    assert response.status_code == 302
    assert set(offer.materials.all()) == {klik, hidden}
    preview = client.get(reverse("catalogue:staff-offer-preview", args=[offer.pk])).content
    assert "Klik &amp; Tik" in preview.decode()
    client.logout()
    public = client.get(reverse("catalogue:offer-detail", args=[offer.pk])).content.decode()
    assert "Hierbij werken we met:" in public
    assert 'href="https://oefenen.nl"' in public
    assert "Andermans map" not in public


def test_choosing_a_material_the_user_cannot_see_is_refused(client, library):
    offer = OfferFactory(organisation=library)
    hidden = MaterialFactory(organisation=OrganisationFactory())
    login(client, staff_user(library, Role.SPECIALIST))
    response = client.post(reverse("materials:offer", args=[offer.pk]), {"materials": [hidden.pk]})
    assert response.status_code == 400
    assert not offer.materials.exists()


def test_front_desk_sees_but_does_not_choose_an_offers_materials(client, library):
    offer = OfferFactory(organisation=library)
    MaterialFactory(name="Taalklas").offers.add(offer)
    login(client, staff_user(library, Role.FRONT_DESK))
    preview = client.get(reverse("catalogue:staff-offer-preview", args=[offer.pk])).content
    assert "Taalklas" in preview.decode()
    assert reverse("materials:offer", args=[offer.pk]) not in preview.decode()
    assert client.post(reverse("materials:offer", args=[offer.pk]), {}).status_code == 403


def test_run_materials(client, library):
    run = RunFactory(organisation=library, offer=OfferFactory(organisation=library))
    digisterker = MaterialFactory(name="Digisterker")
    login(client, staff_user(library, Role.TEAM_LEADER))
    url = reverse("materials:run", args=[run.pk])
    assert client.post(url, {"materials": [str(digisterker.pk)]}).status_code == 302
    assert list(run.materials.all()) == [digisterker]
    page = client.get(reverse("courses:staff-run-detail", args=[run.pk])).content.decode()
    assert "Digisterker" in page
    detail = client.get(reverse("materials:detail", args=[digisterker.pk])).content.decode()
    assert reverse("courses:staff-run-detail", args=[run.pk]) in detail


def test_public_offer_page_without_materials_has_no_line(client, library):
    offer = OfferFactory(organisation=library)
    page = client.get(reverse("catalogue:offer-detail", args=[offer.pk])).content.decode()
    assert "Hierbij werken we met" not in page


def test_menu_entry_for_every_staff_member(client, library):
    login(client, staff_user(library, Role.FRONT_DESK))
    home = client.get(reverse("core:staff-home")).content.decode()
    assert reverse("materials:search") in home


def test_one_tap_from_the_desk_screen_and_back_with_the_question_filled_in(client, library):
    LocationFactory(organisation=library)
    MaterialFactory(name="Klik & Tik", summary="Computerles.")
    login(client, staff_user(library, Role.FRONT_DESK))
    screen = client.get(reverse("desk:screen")).content.decode()
    assert reverse("materials:search") in screen
    # Before a search there is nothing to register yet; after one, the button goes back.
    assert "?vraag=leermiddel" not in client.get(reverse("materials:search")).content.decode()
    found = client.get(reverse("materials:search"), {"q": "computerles"}).content.decode()
    assert reverse("desk:screen") + "?vraag=leermiddel" in found
    back = client.get(reverse("desk:screen"), {"vraag": "leermiddel"}).content.decode()
    assert "Vooraf ingevuld: Leermiddel gezocht en uitgelegd" in back


def test_no_register_button_for_those_without_a_desk(client, library):
    login(client, staff_user(PoiFactory(), Role.POI_ADVISER))
    found = client.get(reverse("materials:search"), {"q": "computerles"}).content.decode()
    assert "?vraag=leermiddel" not in found
