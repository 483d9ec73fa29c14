"""Offer templates (sjablonen), at the service level: who may write them, versions, adopting
one, and the suggestions a library gets when a template changes."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ontwikkelplein.catalogue import selectors, services
from ontwikkelplein.catalogue.models import (
    OfferStatus,
    OfferTemplateAdoption,
    OfferTemplateVersion,
    Programme,
    ScheduleKind,
)
from ontwikkelplein.catalogue.tests.factories import offer_type, target_group, term, theme
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def kb(world):
    return Organisation.objects.get(kind=OrganisationKind.KB)


def poi_of(user):
    return user.memberships.get().organisation


@pytest.fixture
def index_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(services.search, "index_offer", calls.append)
    return calls


def template_fields(**overrides):
    fields = {
        "title": "Taalcafé",
        "summary": "Oefen Nederlands praten in een kleine groep.",
        "description": "In het taalcafé praat je Nederlands met andere mensen.",
        "offer_type": offer_type("cafe"),
        "themes": [theme("nederlands-leren")],
        "target_groups": [target_group("anderstaligen")],
        "levels": [term("niveau", "nt2-a2")],
        "programme": Programme.objects.get(code="taalhuis"),
        "guidance": ["volunteer"],
        "requirements": [],
        "languages": ["nl"],
    }
    fields.update(overrides)
    return fields


def weekly_schedule():
    return {
        "kind": ScheduleKind.WEEKLY,
        "weekday": 2,
        "opens_at": datetime.time(10, 0),
        "closes_at": datetime.time(11, 30),
    }


def adopt(world, template, **overrides):
    kwargs = {
        "organisation": world.library_b,
        "locations": [world.location_b],
        "schedule": weekly_schedule(),
        "contact_name": "Fatima",
        "contact_phone": "033 123 45 67",
    }
    kwargs.update(overrides)
    return services.adopt_template(world.specialist_b, template, **kwargs)


class TestWhoMayWriteTemplates:
    def test_kb_admin_creates_a_national_template(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        assert template.version == 1
        assert template.is_national
        assert template.created_by == world.kb_admin
        assert list(template.themes.all()) == [theme("nederlands-leren")]
        version = OfferTemplateVersion.objects.get(template=template)
        assert version.number == 1
        assert version.content == selectors.template_content(template)

    @pytest.mark.parametrize(
        "who", ["specialist_b", "team_leader_b", "front_desk_b", "partner_staff"]
    )
    def test_library_and_partner_staff_cannot_create_templates(self, world, kb, who):
        user = getattr(world, who)
        for owner in (kb, user.memberships.get().organisation):
            with pytest.raises(PermissionDenied):
                services.create_template(user, owner=owner, **template_fields())
        assert not OfferTemplateVersion.objects.exists()

    def test_poi_adviser_creates_templates_for_its_own_poi_only(self, world, kb):
        own = poi_of(world.poi_utrecht)
        template = services.create_template(world.poi_utrecht, owner=own, **template_fields())
        assert template.owner == own and not template.is_national
        with pytest.raises(PermissionDenied):
            services.create_template(
                world.poi_utrecht, owner=poi_of(world.poi_gelderland), **template_fields()
            )
        with pytest.raises(PermissionDenied):
            services.create_template(world.poi_utrecht, owner=kb, **template_fields())

    def test_poi_adviser_cannot_change_another_pois_or_the_kbs_template(self, world, kb):
        national = services.create_template(world.kb_admin, owner=kb, **template_fields())
        regional = services.create_template(
            world.poi_gelderland, owner=poi_of(world.poi_gelderland), **template_fields()
        )
        for template in (national, regional):
            with pytest.raises(PermissionDenied):
                services.update_template(world.poi_utrecht, template, title="Anders")
            template.refresh_from_db()
            assert template.title == "Taalcafé" and template.version == 1

    def test_poi_adviser_still_cannot_edit_offers(self, world):
        with pytest.raises(PermissionDenied):
            services.update_offer(world.poi_utrecht, world.published_b, title="Anders")

    def test_template_needs_a_theme_and_a_target_group(self, world, kb):
        with pytest.raises(ValidationError):
            services.create_template(world.kb_admin, owner=kb, **template_fields(themes=[]))
        assert not OfferTemplateVersion.objects.exists()


class TestVersions:
    def test_a_change_of_content_makes_a_new_version(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        services.update_template(world.kb_admin, template, summary="Praat mee in het Nederlands.")
        template.refresh_from_db()
        assert template.version == 2
        assert list(template.versions.values_list("number", flat=True)) == [2, 1]
        first = selectors.template_version_content(template, 1)
        assert first["summary"] == "Oefen Nederlands praten in een kleine groep."

    def test_saving_the_same_content_keeps_the_version(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        services.update_template(world.kb_admin, template, **template_fields())
        template.refresh_from_db()
        assert template.version == 1
        assert template.versions.count() == 1

    def test_a_change_of_terms_is_a_change_of_content(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        services.update_template(
            world.kb_admin,
            template,
            target_groups=[target_group("anderstaligen"), target_group("nieuwkomers")],
        )
        template.refresh_from_db()
        assert template.version == 2

    def test_unknown_fields_are_refused(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        with pytest.raises(TypeError):
            services.update_template(world.kb_admin, template, contact_phone="010")


class TestVisibility:
    def test_library_sees_national_and_its_own_pois_templates(self, world, kb):
        national = services.create_template(world.kb_admin, owner=kb, **template_fields())
        utrecht = services.create_template(
            world.poi_utrecht, owner=poi_of(world.poi_utrecht), **template_fields(title="Utrecht")
        )
        gelderland = services.create_template(
            world.poi_gelderland,
            owner=poi_of(world.poi_gelderland),
            **template_fields(title="Gelderland"),
        )
        seen = set(selectors.templates_for_staff(world.specialist_b))
        assert seen == {national, utrecht}
        assert selectors.template_available_to(utrecht, world.library_b)
        assert not selectors.template_available_to(gelderland, world.library_b)
        assert set(selectors.templates_for_staff(world.poi_gelderland)) == {national, gelderland}
        assert set(selectors.templates_for_staff(world.kb_admin)) == {
            national,
            utrecht,
            gelderland,
        }

    def test_library_outside_the_region_cannot_adopt_a_regional_template(self, world):
        gelderland = services.create_template(
            world.poi_gelderland, owner=poi_of(world.poi_gelderland), **template_fields()
        )
        with pytest.raises(PermissionDenied):
            adopt(world, gelderland)
        assert not OfferTemplateAdoption.objects.exists()

    def test_region_counts_a_library_with_a_location_there(self, world):
        gelderland = services.create_template(
            world.poi_gelderland, owner=poi_of(world.poi_gelderland), **template_fields()
        )
        library = OrganisationFactory(name="Bibliotheek Grens")
        LocationFactory(
            organisation=library, municipality=MunicipalityFactory(province=province("Gelderland"))
        )
        assert selectors.template_available_to(gelderland, library)
        user = staff_user(library, Role.SPECIALIST, username="grens")
        assert gelderland in selectors.templates_for_staff(user)


class TestAdopt:
    def test_adoption_copies_the_content_and_links_the_template(
        self, world, kb, index_calls, django_capture_on_commit_callbacks
    ):
        template = services.create_template(
            world.kb_admin,
            owner=kb,
            **template_fields(
                is_free=False, cost_amount=Decimal("2.50"), requirements=["library_card"]
            ),
        )
        with django_capture_on_commit_callbacks(execute=True):
            offer = adopt(world, template, contact_email="taal@bravo.example")
        assert offer.status == OfferStatus.DRAFT
        assert offer.organisation == world.library_b
        assert selectors.template_content(offer) == selectors.template_content(template)
        assert offer.contact_name == "Fatima"
        assert offer.contact_phone == "033 123 45 67"
        assert offer.contact_email == "taal@bravo.example"
        offer_location = offer.offer_locations.get()
        assert offer_location.location == world.location_b
        schedule = offer_location.schedules.get()
        assert (schedule.weekday, schedule.opens_at) == (2, datetime.time(10, 0))
        adoption = offer.template_adoption
        assert (adoption.template, adoption.version) == (template, 1)
        assert offer.pk in index_calls

    def test_adopt_and_publish(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        offer = adopt(world, template, publish=True)
        assert offer.status == OfferStatus.PUBLISHED
        assert offer.published_at is not None

    def test_adoption_needs_a_place(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        with pytest.raises(ValidationError):
            adopt(world, template, locations=[])
        assert not OfferTemplateAdoption.objects.exists()

    def test_cannot_adopt_for_another_library(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        with pytest.raises(PermissionDenied):
            services.adopt_template(
                world.specialist_b,
                template,
                organisation=world.library_a,
                locations=[world.location_a],
            )

    def test_poi_adviser_and_front_desk_cannot_adopt(self, world, kb):
        template = services.create_template(world.kb_admin, owner=kb, **template_fields())
        for user in (world.poi_utrecht, world.front_desk_b):
            with pytest.raises(PermissionDenied):
                services.adopt_template(
                    user, template, organisation=world.library_b, locations=[world.location_b]
                )
        assert selectors.adopting_organisations(world.poi_utrecht, template) == []
        assert selectors.adopting_organisations(world.specialist_b, template) == [world.library_b]


@pytest.fixture
def adopted(world, kb):
    template = services.create_template(world.kb_admin, owner=kb, **template_fields())
    offer = adopt(world, template, publish=True)
    return template, offer


class TestSuggestions:
    def test_no_suggestion_without_a_new_version(self, world, adopted):
        _template, offer = adopted
        assert selectors.template_suggestion(offer) is None
        assert selectors.template_suggestions(world.specialist_b) == []

    def test_a_new_version_is_suggested_field_by_field(self, world, adopted):
        template, offer = adopted
        services.update_template(
            world.kb_admin,
            template,
            summary="Praat elke week Nederlands.",
            levels=[term("niveau", "nt2-a1"), term("niveau", "nt2-a2")],
        )
        suggestion = selectors.template_suggestion(offer)
        assert suggestion is not None
        assert suggestion.new_version == 2
        changes = {c.name: c for c in suggestion.changes}
        assert set(changes) == {"summary", "levels"}
        assert changes["summary"].new_value == "Praat elke week Nederlands."
        assert changes["summary"].offer_value == "Oefen Nederlands praten in een kleine groep."
        assert changes["levels"].new_value == "NT2 A1, NT2 A2"
        assert all(c.changed_in_template and not c.edited_by_library for c in changes.values())
        assert [s.offer for s in selectors.template_suggestions(world.specialist_b)] == [offer]
        # Other libraries and read-only users get no suggestion for it.
        assert selectors.template_suggestions(world.specialist_a) == []
        assert selectors.template_suggestions(world.poi_utrecht) == []

    def test_fields_the_library_edited_are_marked(self, world, adopted):
        template, offer = adopted
        services.update_offer(world.specialist_b, offer, description="Onze eigen tekst.")
        services.update_template(world.kb_admin, template, summary="Nieuwe zin.")
        changes = {c.name: c for c in selectors.template_suggestion(offer).changes}
        assert changes["description"].edited_by_library
        assert not changes["description"].changed_in_template
        assert not changes["description"].suggested
        assert changes["summary"].suggested

    def test_a_library_edit_alone_is_no_suggestion(self, world, adopted):
        _template, offer = adopted
        services.update_offer(world.specialist_b, offer, description="Onze eigen tekst.")
        assert selectors.template_suggestion(offer) is None

    def test_accept_copies_the_changed_fields_and_keeps_own_edits(
        self, world, adopted, index_calls, django_capture_on_commit_callbacks
    ):
        template, offer = adopted
        services.update_offer(world.specialist_b, offer, description="Onze eigen tekst.")
        services.update_template(
            world.kb_admin,
            template,
            summary="Nieuwe zin.",
            themes=[theme("nederlands-leren"), theme("werk")],
        )
        index_calls.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.accept_template_version(world.specialist_b, offer, version=2)
        offer.refresh_from_db()
        assert offer.summary == "Nieuwe zin."
        assert set(offer.themes.all()) == {theme("nederlands-leren"), theme("werk")}
        assert offer.description == "Onze eigen tekst."
        assert offer.status == OfferStatus.PUBLISHED
        assert offer.template_adoption.version == 2
        assert offer.pk in index_calls
        assert selectors.template_suggestion(offer) is None

    def test_accept_chosen_fields_only(self, world, adopted):
        template, offer = adopted
        services.update_offer(world.specialist_b, offer, description="Onze eigen tekst.")
        services.update_template(world.kb_admin, template, summary="Nieuwe zin.")
        services.accept_template_version(
            world.specialist_b, offer, version=2, fields=["description"]
        )
        offer.refresh_from_db()
        assert offer.description == template.description
        assert offer.summary == "Oefen Nederlands praten in een kleine groep."
        assert offer.template_adoption.version == 2

    def test_accept_of_an_outdated_comparison_changes_nothing(self, world, adopted):
        template, offer = adopted
        services.update_template(world.kb_admin, template, summary="Versie twee.")
        services.update_template(world.kb_admin, template, summary="Versie drie.")
        with pytest.raises(services.TemplateChanged):
            services.accept_template_version(world.specialist_b, offer, version=2)
        offer.refresh_from_db()
        assert offer.summary == "Oefen Nederlands praten in een kleine groep."
        assert offer.template_adoption.version == 1

    def test_dismiss_until_the_next_version(self, world, adopted):
        template, offer = adopted
        services.update_template(world.kb_admin, template, summary="Versie twee.")
        services.dismiss_template_version(world.specialist_b, offer)
        assert selectors.template_suggestion(offer) is None
        offer.refresh_from_db()
        assert offer.summary == "Oefen Nederlands praten in een kleine groep."
        services.update_template(world.kb_admin, template, summary="Versie drie.")
        suggestion = selectors.template_suggestion(offer)
        assert suggestion is not None and suggestion.new_version == 3

    def test_only_editors_of_the_offer_accept_or_dismiss(self, world, adopted):
        template, offer = adopted
        services.update_template(world.kb_admin, template, summary="Versie twee.")
        for user in (world.specialist_a, world.poi_utrecht, world.kb_admin, world.front_desk_b):
            with pytest.raises(PermissionDenied):
                services.accept_template_version(user, offer, version=2)
            with pytest.raises(PermissionDenied):
                services.dismiss_template_version(user, offer)
        assert selectors.template_suggestion(offer) is not None

    def test_accepting_on_an_offer_without_template_is_refused(self, world):
        with pytest.raises(ValidationError):
            services.dismiss_template_version(world.specialist_b, world.published_b)
