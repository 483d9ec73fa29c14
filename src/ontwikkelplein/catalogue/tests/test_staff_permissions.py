"""The tenancy matrix of the back office, over HTTP: who may read and who may change which offer
and location. Another organisation's object answers 404; a readable one that may not be changed
answers 403; anonymous users are sent to the login page."""

import pytest
from django.test import Client
from django.urls import reverse

from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.catalogue.tests.factories import add_weekly_time
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.organisations.tests.factories import MembershipFactory, staff_user

OFFER_READ = ["catalogue:staff-offer-preview"]
OFFER_CHANGE_GET = [
    "catalogue:staff-offer-edit",
    "catalogue:staff-offer-schedules",
    "catalogue:staff-offer-translations",
]
OFFER_CHANGE_POST = [
    "catalogue:staff-offer-edit",
    "catalogue:staff-offer-schedules",
    "catalogue:staff-offer-translations",
    "catalogue:staff-offer-publish",
    "catalogue:staff-offer-archive",
    "catalogue:staff-offer-verify",
]
LIST_PAGES = [
    "core:staff-home",
    "catalogue:staff-offer-list",
    "catalogue:staff-to-verify",
    "catalogue:staff-unmatched-searches",
    "organisations:location-list",
]


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed
    return build_world()


def url(name, obj=None):
    return reverse(name, kwargs={"pk": obj.pk}) if obj is not None else reverse(name)


def snapshot(offer):
    offer = Offer.objects.get(pk=offer.pk)
    return (
        offer.title,
        offer.status,
        offer.published_at,
        offer.last_verified_on,
        offer.offer_locations.count(),
    )


def edit_payload(offer, **overrides):
    """A complete, valid edit form for `offer`, so only the permission decides the outcome."""
    data = {
        "organisation": str(offer.organisation_id),
        "title": "Overgenomen titel",
        "summary": offer.summary,
        "description": offer.description,
        "offer_type": str(offer.offer_type_id),
        "themes": [str(t.pk) for t in offer.themes.all()],
        "target_groups": [str(t.pk) for t in offer.target_groups.all()],
        "sign_up": "walk_in",
        "is_free": "on",
        "computers": "0",
        "locations": [str(ol.location_id) for ol in offer.offer_locations.all()],
        "action": "add-weekly",
    }
    data.update(overrides)
    return data


class TestAnonymous:
    @pytest.mark.parametrize("name", LIST_PAGES + ["catalogue:staff-offer-create"])
    def test_pages_redirect_to_login(self, client, world, name):
        response = client.get(url(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))

    @pytest.mark.parametrize("name", OFFER_READ + OFFER_CHANGE_GET)
    def test_offer_pages_redirect_to_login(self, client, world, name):
        response = client.get(url(name, world.draft_b))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))

    @pytest.mark.parametrize("name", OFFER_CHANGE_POST)
    def test_posts_redirect_to_login_and_change_nothing(self, client, world, name):
        before = snapshot(world.draft_b)
        response = client.post(url(name, world.draft_b), edit_payload(world.draft_b))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
        assert snapshot(world.draft_b) == before

    def test_location_edit_redirects_to_login(self, client, world):
        response = client.get(url("organisations:location-edit", world.location_b))
        assert response.status_code == 302


class TestUserWithoutMembership:
    @pytest.mark.parametrize("name", LIST_PAGES)
    def test_is_refused(self, client, world, name):
        client.force_login(UserFactory())
        assert client.get(url(name)).status_code == 403


class TestOtherLibrary:
    """Library A's specialist and library B's draft: nothing reveals that it exists."""

    @pytest.mark.parametrize("name", OFFER_READ + OFFER_CHANGE_GET)
    def test_reading_answers_404(self, client, world, name):
        client.force_login(world.specialist_a)
        assert client.get(url(name, world.draft_b)).status_code == 404

    @pytest.mark.parametrize("name", OFFER_CHANGE_POST)
    def test_changing_answers_404_and_changes_nothing(self, client, world, name):
        client.force_login(world.specialist_a)
        before = snapshot(world.draft_b)
        response = client.post(url(name, world.draft_b), edit_payload(world.draft_b))
        assert response.status_code == 404
        assert snapshot(world.draft_b) == before

    def test_published_offer_of_other_library_is_not_editable_either(self, client, world):
        client.force_login(world.specialist_a)
        response = client.post(url("catalogue:staff-offer-archive", world.published_b))
        assert response.status_code == 404
        assert Offer.objects.get(pk=world.published_b.pk).status == OfferStatus.PUBLISHED

    def test_list_does_not_show_other_library(self, client, world):
        client.force_login(world.specialist_a)
        response = client.get(url("catalogue:staff-offer-list"))
        assert response.status_code == 200
        assert "Concept van Bravo" not in response.content.decode()
        assert "Spreekuur van Bravo" not in response.content.decode()

    def test_filtering_on_other_library_shows_nothing(self, client, world):
        client.force_login(world.specialist_a)
        response = client.get(
            url("catalogue:staff-offer-list"), {"organisatie": str(world.library_b.pk)}
        )
        assert response.status_code == 200
        assert "Concept van Bravo" not in response.content.decode()

    def test_other_library_location_answers_404(self, client, world):
        client.force_login(world.specialist_a)
        response = client.get(url("organisations:location-edit", world.location_b))
        assert response.status_code == 404
        response = client.post(
            url("organisations:location-edit", world.location_b), {"name": "Overgenomen"}
        )
        assert response.status_code == 404
        world.location_b.refresh_from_db()
        assert world.location_b.name == "Vestiging Bravo"

    def test_location_list_does_not_show_other_library(self, client, world):
        client.force_login(world.specialist_a)
        content = client.get(url("organisations:location-list")).content.decode()
        assert "Vestiging Alfa" in content
        assert "Vestiging Bravo" not in content

    def test_cannot_place_own_offer_at_other_library_location(self, client, world):
        client.force_login(world.specialist_a)
        response = client.post(
            url("catalogue:staff-offer-create"),
            edit_payload(
                world.draft_b,
                organisation=str(world.library_a.pk),
                locations=[str(world.location_b.pk)],
            ),
        )
        assert response.status_code == 200  # the form again, with an error
        assert not Offer.objects.filter(title="Overgenomen titel").exists()


class TestOwnLibrary:
    @pytest.mark.parametrize("name", OFFER_READ + OFFER_CHANGE_GET)
    def test_specialist_reads_and_opens_forms(self, client, world, name):
        client.force_login(world.specialist_b)
        assert client.get(url(name, world.draft_b)).status_code == 200

    def test_team_leader_edits(self, client, world):
        client.force_login(world.team_leader_b)
        response = client.post(
            url("catalogue:staff-offer-edit", world.draft_b), edit_payload(world.draft_b)
        )
        assert response.status_code == 302
        assert Offer.objects.get(pk=world.draft_b.pk).title == "Overgenomen titel"

    def test_preview_shows_action_buttons(self, client, world):
        client.force_login(world.specialist_b)
        content = client.get(url("catalogue:staff-offer-preview", world.draft_b)).content.decode()
        assert reverse("catalogue:staff-offer-edit", kwargs={"pk": world.draft_b.pk}) in content
        assert reverse("catalogue:staff-offer-publish", kwargs={"pk": world.draft_b.pk}) in content


class TestFrontDesk:
    def test_reads_own_drafts(self, client, world):
        client.force_login(world.front_desk_b)
        assert client.get(url("catalogue:staff-offer-preview", world.draft_b)).status_code == 200
        content = client.get(url("catalogue:staff-offer-list")).content.decode()
        assert "Concept van Bravo" in content

    @pytest.mark.parametrize("name", OFFER_CHANGE_GET)
    def test_cannot_open_forms(self, client, world, name):
        client.force_login(world.front_desk_b)
        response = client.get(url(name, world.draft_b))
        assert response.status_code == 403
        assert "Deze pagina mag je niet zien" in response.content.decode()  # the Dutch 403 page

    @pytest.mark.parametrize("name", OFFER_CHANGE_POST)
    def test_cannot_change(self, client, world, name):
        client.force_login(world.front_desk_b)
        before = snapshot(world.draft_b)
        response = client.post(url(name, world.draft_b), edit_payload(world.draft_b))
        assert response.status_code == 403
        assert snapshot(world.draft_b) == before

    def test_cannot_create(self, client, world):
        client.force_login(world.front_desk_b)
        assert client.get(url("catalogue:staff-offer-create")).status_code == 403
        assert client.get(url("organisations:location-create")).status_code == 403

    def test_cannot_edit_location(self, client, world):
        client.force_login(world.front_desk_b)
        assert client.get(url("organisations:location-edit", world.location_b)).status_code == 403

    def test_preview_has_no_action_buttons(self, client, world):
        client.force_login(world.front_desk_b)
        content = client.get(url("catalogue:staff-offer-preview", world.draft_b)).content.decode()
        assert reverse("catalogue:staff-offer-edit", kwargs={"pk": world.draft_b.pk}) not in content
        assert "bekijken, maar niet wijzigen" in content


class TestPoiAdviser:
    def test_reads_region_list_and_preview(self, client, world):
        client.force_login(world.poi_utrecht)
        content = client.get(url("catalogue:staff-offer-list")).content.decode()
        assert "Concept van Bravo" in content
        assert "Koffie-uurtje Charlie" in content
        response = client.get(url("catalogue:staff-offer-preview", world.draft_b))
        assert response.status_code == 200
        assert "Concept van Bravo" in response.content.decode()

    def test_list_and_preview_have_no_edit_links(self, client, world):
        client.force_login(world.poi_utrecht)
        for page in (
            client.get(url("catalogue:staff-offer-list")),
            client.get(url("catalogue:staff-offer-preview", world.draft_b)),
        ):
            content = page.content.decode()
            assert "/bewerken/" not in content
            assert reverse("catalogue:staff-offer-create") not in content

    @pytest.mark.parametrize("name", OFFER_CHANGE_GET)
    def test_cannot_open_forms(self, client, world, name):
        client.force_login(world.poi_utrecht)
        assert client.get(url(name, world.draft_b)).status_code == 403

    @pytest.mark.parametrize("name", OFFER_CHANGE_POST)
    def test_posts_are_refused(self, client, world, name):
        client.force_login(world.poi_utrecht)
        before = snapshot(world.draft_b)
        response = client.post(url(name, world.draft_b), edit_payload(world.draft_b))
        assert response.status_code == 403
        assert snapshot(world.draft_b) == before

    def test_cannot_create(self, client, world):
        client.force_login(world.poi_utrecht)
        assert client.get(url("catalogue:staff-offer-create")).status_code == 403
        response = client.post(url("catalogue:staff-offer-create"), edit_payload(world.draft_b))
        assert response.status_code == 403
        assert not Offer.objects.filter(title="Overgenomen titel").exists()

    def test_reads_region_locations_but_cannot_edit(self, client, world):
        client.force_login(world.poi_utrecht)
        content = client.get(url("organisations:location-list")).content.decode()
        assert "Vestiging Bravo" in content
        assert "/bewerken/" not in content
        assert client.get(url("organisations:location-edit", world.location_b)).status_code == 403

    def test_other_province_answers_404(self, client, world):
        client.force_login(world.poi_gelderland)
        assert client.get(url("catalogue:staff-offer-preview", world.draft_b)).status_code == 404
        response = client.post(url("catalogue:staff-offer-publish", world.draft_b))
        assert response.status_code == 404
        content = client.get(url("catalogue:staff-offer-list")).content.decode()
        assert "Concept van Bravo" not in content
        assert client.get(url("organisations:location-edit", world.location_b)).status_code == 404


class TestKbAdmin:
    def test_reads_everything_but_changes_nothing(self, client, world):
        client.force_login(world.kb_admin)
        assert client.get(url("catalogue:staff-offer-preview", world.draft_b)).status_code == 200
        assert client.get(url("catalogue:staff-offer-edit", world.draft_b)).status_code == 403
        before = snapshot(world.draft_b)
        assert client.post(url("catalogue:staff-offer-publish", world.draft_b)).status_code == 403
        assert snapshot(world.draft_b) == before


class TestPartnerStaff:
    def test_edits_own_partner_offer(self, client, world):
        client.force_login(world.partner_staff)
        offer = world.partner_offer
        assert client.get(url("catalogue:staff-offer-edit", offer)).status_code == 200
        response = client.post(url("catalogue:staff-offer-edit", offer), edit_payload(offer))
        assert response.status_code == 302
        assert Offer.objects.get(pk=offer.pk).title == "Overgenomen titel"
        add_weekly_time(offer)  # walk-in: published only with a time
        response = client.post(url("catalogue:staff-offer-publish", offer))
        assert response.status_code == 302
        assert Offer.objects.get(pk=offer.pk).status == OfferStatus.PUBLISHED

    def test_does_not_see_library_drafts(self, client, world):
        client.force_login(world.partner_staff)
        assert client.get(url("catalogue:staff-offer-preview", world.draft_b)).status_code == 404

    def test_may_work_for_two_organisations(self, client, world):
        # One person, specialist at A and partner staff at the partner: both are editable.
        user = staff_user(world.library_a)
        MembershipFactory(user=user, organisation=world.partner, role="partner_staff")
        client.force_login(user)
        assert client.get(url("catalogue:staff-offer-edit", world.partner_offer)).status_code == 200
        assert client.get(url("catalogue:staff-offer-edit", world.draft_b)).status_code == 404


class TestStateChangesArePostOnly:
    @pytest.mark.parametrize(
        "name",
        [
            "catalogue:staff-offer-publish",
            "catalogue:staff-offer-archive",
            "catalogue:staff-offer-verify",
        ],
    )
    def test_get_is_not_allowed(self, client, world, name):
        client.force_login(world.specialist_b)
        before = snapshot(world.draft_b)
        assert client.get(url(name, world.draft_b)).status_code == 405
        assert snapshot(world.draft_b) == before

    def test_csrf_is_enforced(self, world):
        client = Client(enforce_csrf_checks=True)
        client.force_login(world.specialist_b)
        response = client.post(url("catalogue:staff-offer-archive", world.published_b))
        assert response.status_code == 403
        assert Offer.objects.get(pk=world.published_b.pk).status == OfferStatus.PUBLISHED
