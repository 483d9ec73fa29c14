"""Offer templates (sjablonen) in the staff back office, over HTTP."""

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue import services
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferStatus,
    OfferTemplate,
    OfferTemplateAdoption,
)
from ontwikkelplein.catalogue.tests.factories import offer_type, target_group, theme
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.catalogue.tests.test_offer_templates import poi_of, template_fields
from ontwikkelplein.organisations.models import Organisation, OrganisationKind


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def national(world):
    kb = Organisation.objects.get(kind=OrganisationKind.KB)
    return services.create_template(world.kb_admin, owner=kb, **template_fields())


def url(name, *args):
    return reverse(f"catalogue:{name}", args=args)


def adopt_data(world, **overrides):
    data = {
        "organisation": str(world.library_b.pk),
        "locations": [str(world.location_b.pk)],
        "weekday": "3",
        "date": "",
        "opens_at": "10:00",
        "closes_at": "11:30",
        "contact_name": "Fatima",
        "contact_phone": "033 123 45 67",
        "contact_email": "",
        "actie": "concept",
    }
    data.update(overrides)
    return data


class TestListAndDetail:
    def test_anonymous_goes_to_login(self, client, world):
        response = client.get(url("staff-template-list"))
        assert response.status_code == 302
        assert "/account/inloggen/" in response["Location"]

    def test_library_sees_national_templates_with_adopt_link(self, client, world, national):
        client.force_login(world.specialist_b)
        response = client.get(url("staff-template-list"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Taalcafé" in html
        assert url("staff-template-adopt", national.pk) in html
        assert url("staff-template-edit", national.pk) not in html
        assert url("staff-template-create") not in html

    def test_kb_admin_may_create_and_edit_but_not_adopt(self, client, world, national):
        client.force_login(world.kb_admin)
        html = client.get(url("staff-template-list")).content.decode()
        assert url("staff-template-create") in html
        assert url("staff-template-edit", national.pk) in html
        assert url("staff-template-adopt", national.pk) not in html

    def test_regional_template_of_another_poi_is_not_found(self, client, world):
        template = services.create_template(
            world.poi_gelderland, owner=poi_of(world.poi_gelderland), **template_fields()
        )
        client.force_login(world.specialist_b)
        assert client.get(url("staff-template-detail", template.pk)).status_code == 404
        assert client.get(url("staff-template-adopt", template.pk)).status_code == 404

    def test_detail_shows_content_and_adopted_offers(self, client, world, national):
        offer = services.adopt_template(
            world.specialist_b,
            national,
            organisation=world.library_b,
            locations=[world.location_b],
        )
        client.force_login(world.specialist_b)
        response = client.get(url("staff-template-detail", national.pk))
        html = response.content.decode()
        assert "In het taalcafé praat je Nederlands" in html
        assert url("staff-offer-preview", offer.pk) in html
        client.force_login(world.specialist_a)  # another library does not see that offer
        html = client.get(url("staff-template-detail", national.pk)).content.decode()
        assert url("staff-offer-preview", offer.pk) not in html


class TestCreateAndEdit:
    def form_data(self, **overrides):
        data = {
            "title": "Digicafé",
            "summary": "Samen oefenen met je telefoon.",
            "description": "Neem je telefoon mee.",
            "offer_type": str(offer_type("cafe").pk),
            "themes": [str(theme("digitale-vaardigheden").pk)],
            "target_groups": [str(target_group("65-plussers").pk)],
            "sign_up": "walk_in",
            "is_free": "on",
            "languages": ["nl"],
        }
        data.update(overrides)
        return data

    def test_library_staff_get_403(self, client, world):
        client.force_login(world.specialist_b)
        assert client.get(url("staff-template-create")).status_code == 403
        assert client.post(url("staff-template-create"), self.form_data()).status_code == 403
        assert not OfferTemplate.objects.exists()

    def test_poi_adviser_creates_one_for_its_poi(self, client, world):
        client.force_login(world.poi_utrecht)
        form = client.get(url("staff-template-create")).context["form"]
        assert list(form.fields["owner"].queryset) == [poi_of(world.poi_utrecht)]
        response = client.post(
            url("staff-template-create"),
            self.form_data(owner=str(poi_of(world.poi_utrecht).pk)),
        )
        template = OfferTemplate.objects.get()
        assert response.status_code == 302
        assert response["Location"] == url("staff-template-detail", template.pk)
        assert template.owner == poi_of(world.poi_utrecht)

    def test_poi_adviser_cannot_pick_another_owner(self, client, world):
        client.force_login(world.poi_utrecht)
        response = client.post(
            url("staff-template-create"),
            self.form_data(owner=str(poi_of(world.poi_gelderland).pk)),
        )
        assert response.status_code == 200
        assert "owner" in response.context["form"].errors
        assert not OfferTemplate.objects.exists()

    def test_errors_are_dutch_and_store_nothing(self, client, world):
        client.force_login(world.kb_admin)
        response = client.post(
            url("staff-template-create"),
            self.form_data(title="", themes=[], sign_up="registration", is_free=""),
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert errors["title"] == ["Vul dit in."]
        assert errors["themes"] == ["Kies minstens één."]
        assert "Schrijf op hoe iemand zich aanmeldt" in errors["sign_up_instructions"][0]
        assert "Vul in wat het kost" in errors["cost_amount"][0]
        assert "Controleer wat je hebt ingevuld" in response.content.decode()
        assert not OfferTemplate.objects.exists()

    def test_edit_makes_a_new_version(self, client, world, national):
        client.force_login(world.kb_admin)
        form = client.get(url("staff-template-edit", national.pk)).context["form"]
        assert "owner" not in form.fields
        data = self.form_data(
            title=national.title,
            summary="Een nieuwe zin.",
            description=national.description,
            offer_type=str(national.offer_type_id),
            themes=[str(t.pk) for t in national.themes.all()],
            target_groups=[str(t.pk) for t in national.target_groups.all()],
            levels=[str(t.pk) for t in national.levels.all()],
            programme=str(national.programme_id),
            guidance=["volunteer"],
        )
        response = client.post(url("staff-template-edit", national.pk), data, follow=True)
        national.refresh_from_db()
        assert national.version == 2
        assert "versie 2" in response.content.decode()

    def test_others_may_not_edit(self, client, world, national):
        for user in (world.poi_utrecht, world.specialist_b):
            client.force_login(user)
            assert client.get(url("staff-template-edit", national.pk)).status_code == 403


class TestAdopt:
    def test_form_asks_only_place_time_and_contact(self, client, world, national):
        client.force_login(world.specialist_b)
        response = client.get(url("staff-template-adopt", national.pk))
        assert response.status_code == 200
        assert set(response.context["form"].fields) == {
            "organisation",
            "locations",
            "weekday",
            "date",
            "opens_at",
            "closes_at",
            "outside_opening_hours",
            "contact_name",
            "contact_phone",
            "contact_email",
        }
        assert list(response.context["form"].fields["locations"].queryset) == [world.location_b]

    def test_draft_is_created_and_linked(self, client, world, national):
        client.force_login(world.specialist_b)
        response = client.post(url("staff-template-adopt", national.pk), adopt_data(world))
        offer = Offer.objects.get(template_adoption__template=national)
        assert response.status_code == 302
        assert response["Location"] == url("staff-offer-preview", offer.pk)
        assert offer.status == OfferStatus.DRAFT
        assert offer.title == "Taalcafé"
        assert offer.offer_locations.get().schedules.get().weekday == 3

    def test_save_and_publish(self, client, world, national):
        client.force_login(world.specialist_b)
        client.post(url("staff-template-adopt", national.pk), adopt_data(world, actie="publiceren"))
        offer = Offer.objects.get(template_adoption__template=national)
        assert offer.status == OfferStatus.PUBLISHED

    @pytest.mark.parametrize(
        "overrides, field, message",
        [
            ({"locations": []}, "locations", "Kies minstens één."),
            ({"weekday": ""}, "weekday", "Kies een dag, of vul een datum in."),
            ({"date": "2099-01-01"}, "date", "Kies een dag óf een datum, niet allebei."),
            ({"closes_at": "09:00"}, "closes_at", "De eindtijd moet na de begintijd liggen."),
            ({"contact_phone": ""}, "contact_phone", "Vul een telefoonnummer of e-mailadres in"),
            ({"contact_email": "geen-mail"}, "contact_email", "Voer een geldig e-mailadres in."),
        ],
    )
    def test_errors_store_nothing(self, client, world, national, overrides, field, message):
        client.force_login(world.specialist_b)
        response = client.post(
            url("staff-template-adopt", national.pk), adopt_data(world, **overrides)
        )
        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors[field])
        assert response.context["error_summary"]
        assert not OfferTemplateAdoption.objects.exists()
        assert not Offer.objects.filter(title="Taalcafé").exists()

    def test_another_librarys_location_is_refused(self, client, world, national):
        client.force_login(world.specialist_b)
        response = client.post(
            url("staff-template-adopt", national.pk),
            adopt_data(world, locations=[str(world.location_a.pk)]),
        )
        assert response.status_code == 200
        assert "locations" in response.context["form"].errors
        assert not OfferTemplateAdoption.objects.exists()

    def test_read_only_users_get_403(self, client, world, national):
        for user in (world.poi_utrecht, world.front_desk_b, world.kb_admin):
            client.force_login(user)
            assert client.get(url("staff-template-adopt", national.pk)).status_code == 403


@pytest.fixture
def changed(world, national):
    offer = services.adopt_template(
        world.specialist_b,
        national,
        organisation=world.library_b,
        locations=[world.location_b],
    )
    services.update_offer(world.specialist_b, offer, description="Onze eigen tekst.")
    services.update_template(world.kb_admin, national, summary="Een nieuwe zin.")
    return offer


class TestSuggestions:
    def test_offer_pages_show_the_suggestion(self, client, world, changed):
        client.force_login(world.specialist_b)
        link = url("staff-template-suggestion", changed.pk)
        for page in (
            url("staff-offer-list"),
            url("staff-offer-preview", changed.pk),
            url("staff-offer-edit", changed.pk),
            url("staff-template-suggestions"),
        ):
            html = client.get(page).content.decode()
            assert link in html, page
        assert (
            "Er is een nieuwe versie van het sjabloon"
            in client.get(url("staff-offer-list")).content.decode()
        )

    def test_comparison_marks_own_edits(self, client, world, changed):
        client.force_login(world.specialist_b)
        response = client.get(url("staff-template-suggestion", changed.pk))
        html = response.content.decode()
        assert "Een nieuwe zin." in html
        assert "Onze eigen tekst." in html
        assert "Door jou aangepast" in html
        assert 'value="summary" id="veld-summary" checked' in html
        assert 'value="description" id="veld-description">' in html

    def test_accept(self, client, world, changed):
        client.force_login(world.specialist_b)
        response = client.post(
            url("staff-template-suggestion", changed.pk),
            {"actie": "overnemen", "versie": "2", "velden": ["summary"]},
        )
        assert response.status_code == 302
        changed.refresh_from_db()
        assert changed.summary == "Een nieuwe zin."
        assert changed.description == "Onze eigen tekst."
        assert changed.template_adoption.version == 2

    def test_accept_of_an_old_version_shows_an_error(self, client, world, changed):
        client.force_login(world.specialist_b)
        response = client.post(
            url("staff-template-suggestion", changed.pk),
            {"actie": "overnemen", "versie": "1", "velden": ["summary"]},
        )
        assert response.status_code == 200
        assert "Het sjabloon is net weer veranderd" in response.content.decode()
        changed.refresh_from_db()
        assert changed.template_adoption.version == 1

    def test_dismiss(self, client, world, changed):
        client.force_login(world.specialist_b)
        response = client.post(url("staff-template-suggestion", changed.pk), {"actie": "negeren"})
        assert response.status_code == 302
        changed.refresh_from_db()
        assert changed.template_adoption.dismissed_version == 2
        html = client.get(url("staff-offer-list")).content.decode()
        assert url("staff-template-suggestion", changed.pk) not in html

    def test_other_library_gets_404_and_read_only_users_403(self, client, world, changed):
        client.force_login(world.specialist_a)
        assert client.get(url("staff-template-suggestion", changed.pk)).status_code == 404
        client.force_login(world.poi_utrecht)
        assert client.get(url("staff-template-suggestion", changed.pk)).status_code == 403
        assert (
            client.post(url("staff-template-suggestion", changed.pk), {"actie": "negeren"})
        ).status_code == 403
