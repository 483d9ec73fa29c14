"""A location's calendar (organisations/calendar.py): weekly hours, national holidays, own
closed days and periods, exceptional hours; the checks offers and course sessions use, the texts
residents read, and the back-office form that edits closed days and exceptional hours."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.organisations import services
from ontwikkelplein.organisations.calendar import (
    LocationCalendar,
    SlotProblem,
    check_slot,
    closure_text,
    national_holiday,
    today_text,
)
from ontwikkelplein.organisations.models import ClosurePeriod, Role, SpecialOpeningHours
from ontwikkelplein.organisations.tests.factories import (
    ClosurePeriodFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    SpecialOpeningHoursFactory,
    staff_user,
)

T = datetime.time
D = datetime.date
MONDAY = D(2026, 12, 7)


@pytest.fixture
def library(db):
    """Open Monday 13:00-17:00 and Tuesday to Saturday 9:00-12:00 and 13:00-17:00."""
    location = LocationFactory(name="Bibliotheek Centrum")
    OpeningHoursFactory(location=location, weekday=0, opens_at=T(13), closes_at=T(17))
    for weekday in range(1, 6):
        OpeningHoursFactory(location=location, weekday=weekday, opens_at=T(9), closes_at=T(12))
        OpeningHoursFactory(location=location, weekday=weekday, opens_at=T(13), closes_at=T(17))
    return location


def calendar_of(location):
    return LocationCalendar.of(location)


class TestDays:
    def test_weekly_hours(self, library):
        day = calendar_of(library).day(MONDAY)
        assert day.slots == ((T(13), T(17)),)
        assert day.closes_at == T(17)
        assert calendar_of(library).day(D(2026, 12, 13)).slots == ()  # a Sunday

    def test_national_holidays_close_but_not_good_friday(self, library):
        calendar = calendar_of(library)
        assert calendar.closed_reason(D(2026, 12, 25)) == "Eerste kerstdag"
        assert calendar.closed_reason(D(2026, 4, 27)) == "Koningsdag"
        assert calendar.closed_reason(D(2026, 4, 3)) is None  # Goede Vrijdag: open
        assert national_holiday(D(2026, 12, 28)) == ""

    def test_own_closed_period_and_exceptional_hours(self, library):
        ClosurePeriodFactory(location=library, start_date=D(2026, 7, 20), end_date=D(2026, 8, 7))
        SpecialOpeningHoursFactory(location=library, date=D(2026, 7, 25), opens_at=T(10))
        SpecialOpeningHoursFactory(location=library, date=D(2026, 12, 26), opens_at=T(12))
        calendar = calendar_of(library)
        assert calendar.closed_reason(D(2026, 7, 20)) == "zomersluiting"
        assert calendar.closed_reason(D(2026, 8, 7)) == "zomersluiting"
        assert calendar.closed_reason(D(2026, 8, 8)) is None
        # Exceptional hours open the location on a closed day and on a holiday.
        assert calendar.day(D(2026, 7, 25)).slots == ((T(10), T(15)),)
        assert calendar.day(D(2026, 12, 26)).slots == ((T(12), T(15)),)
        assert calendar.day(D(2026, 12, 26)).exceptional

    def test_without_hours_only_closed_days_are_known(self, db):
        place = LocationFactory()
        calendar = calendar_of(place)
        assert not calendar.day(MONDAY).known
        assert calendar.weekly_covers(0, T(19), T(21))
        assert calendar.closed_reason(D(2026, 12, 25)) == "Eerste kerstdag"

    def test_upcoming_closures_merge_and_skip_days_closed_anyway(self, library):
        ClosurePeriodFactory(
            location=library,
            start_date=D(2026, 12, 24),
            end_date=D(2026, 12, 24),
            reason="kerstavond",
        )
        closures = calendar_of(library).upcoming_closures(D(2026, 12, 20))
        texts = [closure_text(c) for c in closures]
        assert texts[:2] == [
            "Gesloten op 24 december (kerstavond)",
            "Gesloten op 25 december (Eerste kerstdag)",
        ]
        # 26 December is a Saturday the library would have been open.
        assert "Gesloten op 26 december (Tweede kerstdag)" in texts
        # Sundays (closed anyway) are not news.
        assert all("27 december" not in text for text in texts)

    def test_a_period_reads_as_one_line(self, library):
        ClosurePeriodFactory(
            location=library,
            start_date=D(2026, 12, 28),
            end_date=D(2027, 1, 8),
            reason="verbouwing",
        )
        closures = calendar_of(library).upcoming_closures(D(2026, 12, 27))
        texts = [closure_text(c) for c in closures]
        assert "Gesloten van 28 december tot en met 8 januari (verbouwing)" in texts


class TestTodayText:
    def test_texts(self, library):
        calendar = calendar_of(library)
        monday = calendar.day(MONDAY)
        assert today_text(monday, T(10)) == "Vandaag open van 13:00 tot 17:00"
        assert today_text(monday, T(14)) == "Vandaag open tot 17:00"
        tuesday = calendar.day(MONDAY + datetime.timedelta(days=1))
        assert today_text(tuesday, T(8)) == "Vandaag open 9:00–12:00 en 13:00–17:00"
        assert today_text(calendar.day(D(2026, 12, 13)), T(10)) == "Vandaag gesloten"
        assert (
            today_text(calendar.day(D(2026, 12, 25)), T(10)) == "Vandaag gesloten (Eerste kerstdag)"
        )
        assert today_text(calendar_of(LocationFactory()).day(MONDAY), T(10)) == ""


class TestCheckSlot:
    def test_weekly_inside_and_outside(self, library):
        calendar = calendar_of(library)
        assert check_slot(calendar, weekday=1, start=T(10), end=T(11, 30)) is None
        kind, message = check_slot(calendar, weekday=0, start=T(19), end=T(21))
        assert kind == SlotProblem.OUTSIDE_HOURS
        assert (
            "buiten de openingstijden van Bibliotheek Centrum op maandag (13:00–17:00)" in message
        )
        # Over the lunch break is outside too.
        assert (
            check_slot(calendar, weekday=1, start=T(11), end=T(14))[0] == SlotProblem.OUTSIDE_HOURS
        )
        kind, message = check_slot(calendar, weekday=6, start=T(10), end=T(11))
        assert "is op zondag niet open" in message

    def test_dated_on_closed_day(self, library):
        kind, message = check_slot(
            calendar_of(library), date=D(2026, 12, 25), start=T(10), end=T(11)
        )
        assert kind == SlotProblem.CLOSED
        assert message == (
            "Bibliotheek Centrum is gesloten op 25 december 2026 (Eerste kerstdag). "
            "Kies een andere dag."
        )

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        day=st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
        start=st.times(),
        end=st.times(),
    )
    def test_any_date_and_time_answers(self, library, day, start, end):
        calendar = calendar_of(library)
        result = check_slot(calendar, date=day, start=start, end=end)
        assert result is None or result[0] in (SlotProblem.CLOSED, SlotProblem.OUTSIDE_HOURS)
        assert today_text(calendar.day(day), start) is not None
        calendar.upcoming_closures(min(day, D(9999, 11, 1)), days=3)


def calendar_post(location, **rows):
    data = {
        "organisation": str(location.organisation_id),
        "name": location.name,
        "kind": location.kind,
        "description": "",
        "street": location.street,
        "house_number": location.house_number,
        "postcode": location.postcode,
        "city": location.city,
        "municipality": str(location.municipality_id),
        "latitude": "52.156",
        "longitude": "5.387",
        "accessibility": "",
        "openingstijden-TOTAL_FORMS": "1",
        "openingstijden-INITIAL_FORMS": "0",
        "openingstijden-0-weekday": "0",
        "openingstijden-0-opens_at": "13:00",
        "openingstijden-0-closes_at": "17:00",
        "sluitingsdagen-TOTAL_FORMS": "2",
        "sluitingsdagen-INITIAL_FORMS": "0",
        "afwijkend-TOTAL_FORMS": "1",
        "afwijkend-INITIAL_FORMS": "0",
    }
    data.update(rows)
    return data


class TestBackOffice:
    @pytest.fixture
    def staff(self, db, settings):
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        library = OrganisationFactory()
        return staff_user(library, Role.SPECIALIST), LocationFactory(organisation=library)

    def test_staff_set_closed_days_and_exceptional_hours(self, client, staff):
        user, location = staff
        client.force_login(user)
        url = reverse("organisations:location-edit", args=[location.pk])
        page = client.get(url).content.decode()
        assert "Sluitingsdagen" in page and "Afwijkende openingstijden" in page
        response = client.post(
            url,
            calendar_post(
                location,
                **{
                    "sluitingsdagen-0-start_date": "2026-07-20",
                    "sluitingsdagen-0-end_date": "2026-08-07",
                    "sluitingsdagen-0-reason": "zomersluiting",
                    "sluitingsdagen-1-start_date": "2026-12-31",
                    "afwijkend-0-date": "2026-12-24",
                    "afwijkend-0-opens_at": "10:00",
                    "afwijkend-0-closes_at": "15:00",
                },
            ),
        )
        assert response.status_code == 302
        closures = list(location.closures.values_list("start_date", "end_date", "reason"))
        assert closures == [
            (D(2026, 7, 20), D(2026, 8, 7), "zomersluiting"),
            (D(2026, 12, 31), D(2026, 12, 31), ""),
        ]
        assert location.special_hours.get().opens_at == T(10)
        # The form shows them again, and an edit without the rows keeps them.
        page = client.get(url).content.decode()
        assert 'value="zomersluiting"' in page
        data = calendar_post(location)
        for key in list(data):
            if key.startswith(("sluitingsdagen-", "afwijkend-")):
                del data[key]
        assert client.post(url, data).status_code == 302
        assert location.closures.count() == 2

    @pytest.mark.parametrize(
        "rows, field",
        [
            (
                {
                    "sluitingsdagen-0-start_date": "2026-08-07",
                    "sluitingsdagen-0-end_date": "2026-07-20",
                },
                "end_date",
            ),
            ({"sluitingsdagen-0-start_date": "20026-01-01"}, "start_date"),
            ({"sluitingsdagen-0-start_date": "9999-01-01"}, "start_date"),
            ({"sluitingsdagen-0-reason": "zomer"}, "start_date"),
            (
                {
                    "afwijkend-0-date": "2026-12-24",
                    "afwijkend-0-opens_at": "15:00",
                    "afwijkend-0-closes_at": "10:00",
                },
                "closes_at",
            ),
            ({"afwijkend-0-date": "2026-12-24"}, "opens_at"),
            ({"afwijkend-0-date": "24-13-2026", "afwijkend-0-opens_at": "25:00"}, "date"),
        ],
    )
    def test_bad_rows_are_refused_in_dutch(self, client, staff, rows, field):
        user, location = staff
        client.force_login(user)
        response = client.post(
            reverse("organisations:location-edit", args=[location.pk]),
            calendar_post(location, **rows),
        )
        assert response.status_code == 200
        assert "Fout" in response.content.decode()
        assert not location.closures.exists() and not location.special_hours.exists()

    def test_services_check_rights(self, staff):
        _user, location = staff
        other = staff_user(OrganisationFactory(), Role.SPECIALIST)
        with pytest.raises(PermissionDenied):
            services.set_closures(other, location, [(D(2026, 1, 2), None, "")])
        user = staff[0]
        services.set_closures(user, location, [(D(2026, 1, 2), None, "")])
        services.set_special_hours(user, location, [(D(2026, 1, 3), T(10), T(12))])
        assert ClosurePeriod.objects.get().end_date == D(2026, 1, 2)
        assert SpecialOpeningHours.objects.count() == 1
