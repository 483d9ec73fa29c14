"""The offer services: rights are checked in the service itself, writes are atomic, and the
search index is updated after the commit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ontwikkelplein.catalogue import services
from ontwikkelplein.catalogue.models import Offer, OfferStatus, Schedule, ScheduleKind
from ontwikkelplein.catalogue.tests.factories import (
    OfferFactory,
    add_weekly_time,
    offer_type,
    target_group,
    theme,
)
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.organisations.tests.factories import LocationFactory


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed
    return build_world()


def offer_fields(**overrides):
    fields = {
        "title": "Digicafé",
        "summary": "Samen oefenen met je telefoon.",
        "description": "Neem je telefoon mee. Vrijwilligers helpen je.",
        "offer_type": offer_type("cafe"),
        "themes": [theme("digitale-vaardigheden")],
        "target_groups": [target_group("65-plussers")],
        "guidance": ["volunteer"],
        "languages": ["nl"],
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def index_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(services.search, "index_offer", calls.append)
    return calls


class TestCreateAndUpdate:
    def test_create_offer(self, world, index_calls, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            offer = services.create_offer(
                world.specialist_b,
                organisation=world.library_b,
                locations=[world.location_b],
                **offer_fields(),
            )
        assert offer.status == OfferStatus.DRAFT
        assert offer.created_by == world.specialist_b
        assert list(offer.themes.all()) == [theme("digitale-vaardigheden")]
        assert offer.offer_locations.get().location == world.location_b
        assert index_calls == [offer.pk]

    def test_create_for_another_organisation_is_denied(self, world):
        with pytest.raises(PermissionDenied):
            services.create_offer(
                world.specialist_a, organisation=world.library_b, **offer_fields()
            )
        assert not Offer.objects.filter(title="Digicafé").exists()

    @pytest.mark.parametrize("role", ["front_desk_b", "poi_utrecht", "kb_admin"])
    def test_read_only_roles_cannot_create(self, world, role):
        with pytest.raises(PermissionDenied):
            services.create_offer(
                getattr(world, role), organisation=world.library_b, **offer_fields()
            )

    def test_inactive_offer_type_is_refused(self, world):
        cafe = offer_type("cafe")
        cafe.is_active = False
        cafe.save()
        with pytest.raises(ValidationError):
            services.create_offer(
                world.specialist_b, organisation=world.library_b, **offer_fields()
            )

    def test_unknown_field_is_a_programming_error(self, world):
        with pytest.raises(TypeError):
            services.create_offer(
                world.specialist_b,
                organisation=world.library_b,
                status="published",
                **offer_fields(),
            )

    def test_update_keeps_status(self, world):
        offer = services.update_offer(world.specialist_b, world.published_b, title="Nieuw")
        assert offer.title == "Nieuw"
        assert Offer.objects.get(pk=offer.pk).status == OfferStatus.PUBLISHED

    def test_update_checks_the_stored_organisation(self, world):
        # A form may already have changed the instance in memory; the service rereads it.
        offer = Offer.objects.get(pk=world.draft_b.pk)
        offer.organisation = world.library_a
        with pytest.raises(PermissionDenied):
            services.update_offer(world.specialist_a, offer, title="Overgenomen")
        assert Offer.objects.get(pk=offer.pk).title == "Concept van Bravo"

    def test_moving_to_an_organisation_without_rights_is_denied(self, world):
        with pytest.raises(PermissionDenied):
            services.update_offer(world.specialist_b, world.draft_b, organisation=world.library_a)
        assert Offer.objects.get(pk=world.draft_b.pk).organisation == world.library_b

    def test_published_offer_cannot_lose_its_last_location(self, world):
        with pytest.raises(services.OfferIncomplete):
            services.update_offer(world.specialist_b, world.published_b, locations=[], title="X")
        offer = Offer.objects.get(pk=world.published_b.pk)
        assert offer.title == "Spreekuur van Bravo"  # rolled back as a whole
        assert offer.offer_locations.count() == 1


class TestLocations:
    def test_other_organisations_location_is_refused(self, world):
        with pytest.raises(ValidationError):
            services.set_offer_locations(world.specialist_b, world.draft_b, [world.location_a])
        assert world.draft_b.offer_locations.get().location == world.location_b

    def test_partner_location_needs_the_partner_on_the_offer(self, world):
        with pytest.raises(ValidationError):
            services.set_offer_locations(
                world.specialist_b, world.draft_b, [world.partner_location]
            )
        world.draft_b.partners.set([world.partner])
        services.set_offer_locations(world.specialist_b, world.draft_b, [world.partner_location])
        assert world.draft_b.offer_locations.get().location == world.partner_location

    def test_kept_location_keeps_its_schedules(self, world):
        extra = LocationFactory(organisation=world.library_b)
        services.set_offer_locations(
            world.specialist_b, world.published_b, [world.location_b, extra]
        )
        assert world.published_b.offer_locations.count() == 2
        assert Schedule.objects.filter(offer_location__offer=world.published_b).count() == 1
        services.set_offer_locations(world.specialist_b, world.published_b, [extra])
        assert not Schedule.objects.filter(offer_location__offer=world.published_b).exists()

    def test_denied_for_other_organisation(self, world):
        with pytest.raises(PermissionDenied):
            services.set_offer_locations(world.specialist_a, world.draft_b, [])
        assert world.draft_b.offer_locations.count() == 1


class TestPublishArchiveVerify:
    def test_publish(self, world, index_calls, django_capture_on_commit_callbacks):
        add_weekly_time(world.draft_b)  # walk-in: it needs a time
        with django_capture_on_commit_callbacks(execute=True):
            offer = services.publish_offer(world.specialist_b, world.draft_b)
        offer.refresh_from_db()
        assert offer.status == OfferStatus.PUBLISHED
        assert offer.published_at is not None
        assert offer.last_verified_on == timezone.localdate()
        assert offer.last_verified_by == world.specialist_b
        assert index_calls == [offer.pk]

    def test_publishing_again_keeps_the_first_date(self, world):
        add_weekly_time(world.draft_b)
        first = services.publish_offer(world.specialist_b, world.draft_b).published_at
        again = services.publish_offer(world.specialist_b, world.draft_b).published_at
        assert first is not None
        assert again == first

    def test_publish_without_location_is_refused(self, world, index_calls):
        offer = OfferFactory(organisation=world.library_b, status=OfferStatus.DRAFT)
        index_calls.clear()  # the factory indexes what it makes
        with pytest.raises(services.OfferIncomplete) as error:
            services.publish_offer(world.specialist_b, offer)
        assert "Kies minstens één plek waar het aanbod is." in error.value.messages
        offer.refresh_from_db()
        assert offer.status == OfferStatus.DRAFT
        assert offer.published_at is None
        assert index_calls == []

    def test_publish_without_theme_is_refused(self, world):
        offer = OfferFactory(
            organisation=world.library_b,
            status=OfferStatus.DRAFT,
            location=world.location_b,
            location__weekday=1,
            themes=[],
        )
        with pytest.raises(services.OfferIncomplete) as error:
            services.publish_offer(world.specialist_b, offer)
        assert error.value.messages == ["Kies minstens één thema."]

    @pytest.mark.parametrize("action", ["publish_offer", "archive_offer", "verify_offer"])
    def test_state_changes_are_denied_to_others(self, world, action):
        for user in (world.specialist_a, world.poi_utrecht, world.front_desk_b, world.kb_admin):
            with pytest.raises(PermissionDenied):
                getattr(services, action)(user, world.draft_b)
        offer = Offer.objects.get(pk=world.draft_b.pk)
        assert (offer.status, offer.last_verified_on) == (OfferStatus.DRAFT, None)

    def test_archive(self, world, index_calls, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            services.archive_offer(world.specialist_b, world.published_b)
        assert Offer.objects.get(pk=world.published_b.pk).status == OfferStatus.ARCHIVED
        assert index_calls == [world.published_b.pk]

    def test_verify(self, world):
        services.verify_offer(world.team_leader_b, world.draft_b)
        offer = Offer.objects.get(pk=world.draft_b.pk)
        assert offer.last_verified_on == timezone.localdate()
        assert offer.last_verified_by == world.team_leader_b

    def test_partner_staff_publishes_own_offer(self, world):
        add_weekly_time(world.partner_offer)
        services.publish_offer(world.partner_staff, world.partner_offer)
        assert Offer.objects.get(pk=world.partner_offer.pk).is_published


class TestSchedules:
    def place(self, world):
        return world.draft_b.offer_locations.get()

    def test_weekly(self, world, index_calls, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            schedule = services.add_schedule(
                world.specialist_b,
                self.place(world),
                kind=ScheduleKind.WEEKLY,
                weekday=4,
                opens_at=datetime.time(9),
                closes_at=datetime.time(11),
            )
        assert (schedule.weekday, schedule.date) == (4, None)
        assert index_calls == [world.draft_b.pk]

    def test_dated_sets_weekday(self, world):
        day = datetime.date.today() + datetime.timedelta(days=3)
        schedule = services.add_schedule(
            world.specialist_b,
            self.place(world),
            kind=ScheduleKind.DATED,
            date=day,
            opens_at=datetime.time(19),
            closes_at=datetime.time(21),
        )
        assert schedule.weekday == day.weekday()

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            (
                {
                    "kind": "weekly",
                    "weekday": 1,
                    "opens_at": datetime.time(12),
                    "closes_at": datetime.time(11),
                },
                "closes_at",
            ),
            (
                {
                    "kind": "weekly",
                    "weekday": 1,
                    "opens_at": datetime.time(12),
                    "closes_at": datetime.time(12),
                },
                "closes_at",
            ),
            (
                {
                    "kind": "dated",
                    "date": datetime.date(2000, 1, 1),
                    "opens_at": datetime.time(10),
                    "closes_at": datetime.time(11),
                },
                "date",
            ),
            (
                {"kind": "dated", "opens_at": datetime.time(10), "closes_at": datetime.time(11)},
                "date",
            ),
            (
                {"kind": "weekly", "opens_at": datetime.time(10), "closes_at": datetime.time(11)},
                "weekday",
            ),
        ],
    )
    def test_bad_times_are_refused(self, world, kwargs, field):
        with pytest.raises(ValidationError) as error:
            services.add_schedule(world.specialist_b, self.place(world), **kwargs)
        assert field in error.value.message_dict
        assert not Schedule.objects.filter(offer_location__offer=world.draft_b).exists()

    def test_add_and_delete_are_denied_to_others(self, world):
        place = world.published_b.offer_locations.get()
        schedule = place.schedules.get()
        for user in (world.specialist_a, world.poi_utrecht, world.front_desk_b):
            with pytest.raises(PermissionDenied):
                services.add_schedule(
                    user,
                    place,
                    kind="weekly",
                    weekday=0,
                    opens_at=datetime.time(9),
                    closes_at=datetime.time(10),
                )
            with pytest.raises(PermissionDenied):
                services.delete_schedule(user, schedule)
        assert list(place.schedules.all()) == [schedule]

    def test_delete(self, world):
        schedule = Schedule.objects.get(offer_location__offer=world.published_b)
        services.delete_schedule(world.specialist_b, schedule)
        assert not Schedule.objects.filter(pk=schedule.pk).exists()
