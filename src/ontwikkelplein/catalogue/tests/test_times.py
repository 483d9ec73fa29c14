"""Times that never contradict (issue 14, item 3): an offer's times against its location's
opening hours, closed days and the offer's season, at save and at publish; what the offer page
says about today, closed days and skipped occurrences; one source of truth for "when"."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from ontwikkelplein.catalogue import services
from ontwikkelplein.catalogue.models import OfferStatus, Schedule, ScheduleKind, SignUp
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import Role, SpecialOpeningHours
from ontwikkelplein.organisations.tests.factories import (
    ClosurePeriodFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    staff_user,
)

T = datetime.time
D = datetime.date
# Monday 7 December 2026, 10:00 in Amsterdam.
NOW = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


@pytest.fixture(autouse=True)
def monday_morning():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def place(db, settings):
    """A library open Monday 13:00-17:00 and Tuesday-Friday 9:00-17:00, a specialist, and a
    walk-in draft offer there without times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    library = OrganisationFactory(name="Bibliotheek Eemland")
    location = LocationFactory(organisation=library, name="Bibliotheek Centrum")
    OpeningHoursFactory(location=location, weekday=0, opens_at=T(13), closes_at=T(17))
    for weekday in range(1, 5):
        OpeningHoursFactory(location=location, weekday=weekday, opens_at=T(9), closes_at=T(17))
    offer = OfferFactory(
        organisation=library,
        title="Digihulp",
        status=OfferStatus.DRAFT,
        location=location,
        indexed=False,
    )
    user = staff_user(library, Role.SPECIALIST)
    return {"location": location, "offer": offer, "user": user}


def offer_location(place):
    return place["offer"].offer_locations.get()


class TestAtSave:
    def test_a_time_outside_opening_hours_needs_the_explicit_choice(self, place):
        with pytest.raises(ValidationError) as error:
            services.add_schedule(
                place["user"],
                offer_location(place),
                kind=ScheduleKind.WEEKLY,
                weekday=0,
                opens_at=T(9, 30),
                closes_at=T(11),
            )
        assert "buiten de openingstijden van Bibliotheek Centrum op maandag (13:00–17:00)" in str(
            error.value.message_dict["opens_at"]
        )
        schedule = services.add_schedule(
            place["user"],
            offer_location(place),
            kind=ScheduleKind.WEEKLY,
            weekday=0,
            opens_at=T(19),
            closes_at=T(21),
            outside_opening_hours=True,
        )
        assert schedule.outside_opening_hours

    def test_a_dated_time_on_a_closed_day_is_refused(self, place):
        for day, reason in ((D(2026, 12, 25), "Eerste kerstdag"), (D(2026, 12, 30), "verbouwing")):
            ClosurePeriodFactory(
                location=place["location"],
                start_date=D(2026, 12, 28),
                end_date=D(2026, 12, 31),
                reason="verbouwing",
            )
            with pytest.raises(ValidationError) as error:
                services.add_schedule(
                    place["user"],
                    offer_location(place),
                    kind=ScheduleKind.DATED,
                    date=day,
                    opens_at=T(10),
                    closes_at=T(11),
                    outside_opening_hours=True,
                )
            assert f"({reason}). Kies een andere dag." in error.value.message_dict["date"][0]
        assert not Schedule.objects.exists()

    def test_a_dated_time_out_of_season_is_refused(self, place):
        offer = place["offer"]
        offer.season_start_month, offer.season_end_month = 3, 4
        offer.save()
        with pytest.raises(ValidationError) as error:
            services.add_schedule(
                place["user"],
                offer_location(place),
                kind=ScheduleKind.DATED,
                date=D(2027, 5, 4),
                opens_at=T(10),
                closes_at=T(11),
            )
        assert "buiten het seizoen" in error.value.message_dict["date"][0]
        services.add_schedule(
            place["user"],
            offer_location(place),
            kind=ScheduleKind.DATED,
            date=D(2027, 3, 9),
            opens_at=T(10),
            closes_at=T(11),
        )

    def test_the_staff_form_shows_the_message_and_the_choice(self, client, place):
        client.force_login(place["user"])
        url = reverse("catalogue:staff-offer-schedules", args=[place["offer"].pk])
        response = client.post(
            url,
            {
                "action": "add-weekly",
                "offer_location": str(offer_location(place).pk),
                "weekly-0-weekday": "0",
                "weekly-0-opens_at": "19:00",
                "weekly-0-closes_at": "21:00",
            },
        )
        page = response.content.decode()
        if response.status_code == 302:  # the prefix differs: find it in the page
            pytest.fail("a time outside the opening hours was accepted")
        assert "Ook buiten openingstijden" in page
        assert not Schedule.objects.exists()


class TestAtPublish:
    def test_a_walk_in_offer_needs_a_time(self, place):
        with pytest.raises(services.OfferIncomplete) as error:
            services.publish_offer(place["user"], place["offer"])
        assert any("Bij vrije inloop" in m for m in error.value.messages)

    def test_a_time_that_became_contradictory_is_named(self, place):
        # Stored before the location's hours changed (or imported): publish names it.
        Schedule.objects.create(
            offer_location=offer_location(place),
            kind=ScheduleKind.WEEKLY,
            weekday=0,
            opens_at=T(19),
            closes_at=T(21),
        )
        with pytest.raises(services.OfferIncomplete) as error:
            services.publish_offer(place["user"], place["offer"])
        assert error.value.messages[0].startswith(
            "De tijd elke maandag 19:00–21:00 bij Bibliotheek Centrum:"
        )
        Schedule.objects.update(outside_opening_hours=True)
        assert services.publish_offer(place["user"], place["offer"]).is_published

    def test_a_dated_time_on_a_closed_day_blocks_publishing(self, place):
        Schedule.objects.create(
            offer_location=offer_location(place),
            kind=ScheduleKind.DATED,
            date=D(2026, 12, 25),
            weekday=4,
            opens_at=T(10),
            closes_at=T(11),
        )
        with pytest.raises(services.OfferIncomplete) as error:
            services.publish_offer(place["user"], place["offer"])
        assert "gesloten op 25 december 2026 (Eerste kerstdag)" in error.value.messages[0]

    def test_an_appointment_offer_says_how(self, place):
        offer = place["offer"]
        offer.sign_up = SignUp.APPOINTMENT
        offer.save()
        with pytest.raises(services.OfferIncomplete) as error:
            services.publish_offer(place["user"], offer)
        assert error.value.messages == [
            "Schrijf op hoe iemand een afspraak maakt: telefoon, website of balie."
        ]
        offer.sign_up_instructions = "Bel 033 123 45 67."
        offer.save()
        assert services.publish_offer(place["user"], offer).is_published


class TestOfferPage:
    def publish_with(self, place, **schedule):
        Schedule.objects.create(offer_location=offer_location(place), **schedule)
        return services.publish_offer(place["user"], place["offer"])

    def page(self, client, place):
        response = client.get(reverse("catalogue:offer-detail", args=[place["offer"].pk]))
        assert response.status_code == 200
        return response.content.decode()

    def test_today_closed_days_and_skipped_occurrences(self, client, place):
        ClosurePeriodFactory(
            location=place["location"],
            start_date=D(2026, 12, 24),
            end_date=D(2026, 12, 24),
            reason="kerstavond",
        )
        self.publish_with(
            place, kind=ScheduleKind.WEEKLY, weekday=3, opens_at=T(10), closes_at=T(12)
        )
        page = self.page(client, place)
        assert "Vandaag open van 13:00 tot 17:00" in page
        assert "Gesloten op 24 december (kerstavond)" in page
        assert "Gesloten op 25 december (Eerste kerstdag)" in page
        assert (
            "Niet op donderdag 24 december: Bibliotheek Centrum is dan gesloten (kerstavond)."
            in page
        )
        assert "Elke donderdag, 10:00 tot 12:00 uur" in page

    def test_a_dated_time_on_a_day_closed_later_is_left_out_and_said(self, client, place):
        self.publish_with(
            place,
            kind=ScheduleKind.DATED,
            date=D(2026, 12, 22),
            weekday=1,
            opens_at=T(10),
            closes_at=T(12),
        )
        ClosurePeriodFactory(
            location=place["location"],
            start_date=D(2026, 12, 21),
            end_date=D(2026, 12, 23),
            reason="lekkage",
        )
        page = self.page(client, place)
        assert "dinsdag 22 december, 10:00 tot 12:00 uur" not in page
        assert "Niet op dinsdag 22 december: Bibliotheek Centrum is dan gesloten (lekkage)." in page
        assert "Gesloten van 21 december tot en met 23 december (lekkage)" in page

    def test_a_day_of_exceptional_hours_without_room_for_the_time_is_said(self, client, place):
        # Thursday 10 December the library opens only 13:00-20:00: the 10:00 time cannot be
        # there; on Thursday 17 December its hours (9:00-12:00) cover it.
        SpecialOpeningHours.objects.create(
            location=place["location"], date=D(2026, 12, 10), opens_at=T(13), closes_at=T(20)
        )
        SpecialOpeningHours.objects.create(
            location=place["location"], date=D(2026, 12, 17), opens_at=T(9), closes_at=T(12)
        )
        self.publish_with(
            place, kind=ScheduleKind.WEEKLY, weekday=3, opens_at=T(10), closes_at=T(12)
        )
        page = self.page(client, place)
        assert (
            "Niet op donderdag 10 december: Bibliotheek Centrum is dan gesloten "
            "(afwijkende openingstijden: 13:00–20:00)." in page
        )
        assert "Niet op donderdag 17 december" not in page

    def test_a_time_marked_outside_opening_hours_still_takes_place(self, client, place):
        SpecialOpeningHours.objects.create(
            location=place["location"], date=D(2026, 12, 10), opens_at=T(13), closes_at=T(20)
        )
        self.publish_with(
            place,
            kind=ScheduleKind.WEEKLY,
            weekday=3,
            opens_at=T(10),
            closes_at=T(12),
            outside_opening_hours=True,
        )
        assert "Niet op donderdag 10 december" not in self.page(client, place)

    def test_a_result_card_leaves_out_a_dated_time_on_a_day_closed_later(self, place):
        from types import SimpleNamespace

        from ontwikkelplein.catalogue.views.public import _result_cards

        self.publish_with(
            place,
            kind=ScheduleKind.DATED,
            date=D(2026, 12, 22),
            weekday=1,
            opens_at=T(10),
            closes_at=T(12),
        )
        Schedule.objects.create(
            offer_location=offer_location(place),
            kind=ScheduleKind.DATED,
            date=D(2026, 12, 29),
            weekday=1,
            opens_at=T(10),
            closes_at=T(12),
        )
        ClosurePeriodFactory(
            location=place["location"], start_date=D(2026, 12, 22), reason="lekkage"
        )
        hit = SimpleNamespace(offer=place["offer"], nearest_location=None, distance_km=None)
        (card,) = _result_cards(SimpleNamespace(hits=[hit]), D(2026, 12, 7))
        assert [s.date for s in card.times] == [D(2026, 12, 29)]
        assert not card.more_times

    def test_a_walk_in_page_never_says_aanmelden(self, client, place):
        self.publish_with(
            place, kind=ScheduleKind.WEEKLY, weekday=1, opens_at=T(10), closes_at=T(12)
        )
        page = self.page(client, place)
        assert "Aanmelden" not in page
        assert "Zonder afspraak" in page

    def test_an_appointment_page_says_how(self, client, place):
        offer = place["offer"]
        offer.sign_up, offer.sign_up_instructions = SignUp.APPOINTMENT, "Bel 033 123 45 67."
        offer.save()
        services.publish_offer(place["user"], offer)
        page = self.page(client, place)
        assert "Maak eerst een afspraak. Zo doe je dat:" in page
        assert "Bel 033 123 45 67." in page
        assert "Op afspraak" in page
