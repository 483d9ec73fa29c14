"""BoekStart at the desk: one tap registers, bad input is refused in Dutch and changes nothing,
only a library's own desk staff register, and only for their own locations."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.boekstart import services
from ontwikkelplein.boekstart.models import Kind, Registration, Via
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def location():
    return LocationFactory(organisation=OrganisationFactory())


@pytest.fixture
def desk(client, location):
    client.force_login(staff_user(location.organisation, Role.FRONT_DESK))
    return client


def post(client, place, **changes):
    data = {
        "location": str(place.pk),
        "wat": Kind.CASE,
        "via": Via.UNKNOWN,
        "postcode": "3811",
        "datum": timezone.localdate().isoformat(),
        **changes,
    }
    return client.post(reverse("boekstart:register"), data)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3811", "3811"), (" 3811 ", "3811"), ("3811 AB", "3811"), ("3811ab", "3811"), ("", "")],
)
def test_the_postcode_area_keeps_four_digits(value, expected):
    assert services.clean_postcode_area(value) == expected


@pytest.mark.parametrize("value", ["0999", "123", "12345", "abcd", "3811 A", "٣٨١١", "99999"])
def test_anything_else_is_refused(value):
    with pytest.raises(ValidationError):
        services.clean_postcode_area(value)


def test_one_tap_registers_a_case_and_returns_to_the_desk_screen(desk, location):
    response = post(desk, location, terug="balie")
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:screen")
    registration = Registration.objects.get()
    assert registration.kind == Kind.CASE
    assert registration.postcode_area == "3811"
    assert registration.location == location
    assert registration.organisation == location.organisation


def test_a_voucher_keeps_where_it_came_from_other_kinds_do_not(desk, location):
    post(desk, location, wat=Kind.VOUCHER, via=Via.CLINIC)
    post(desk, location, wat=Kind.MEMBERSHIP, via=Via.CLINIC)
    assert dict(Registration.objects.values_list("kind", "via")) == {
        Kind.VOUCHER: Via.CLINIC,
        Kind.MEMBERSHIP: Via.UNKNOWN,
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"postcode": "0123"}, "Vul alleen de vier cijfers van de postcode in"),
        ({"postcode": "Jan Jansen"}, "Vul alleen de vier cijfers van de postcode in"),
        ({"datum": "2999-01-01"}, "De datum ligt in de toekomst"),
        ({"datum": "2001-01-01"}, "De datum ligt meer dan een jaar terug"),
        ({"datum": "gisteren"}, "Vul een datum in"),
        ({"wat": "fiets"}, "Kies wat je registreert"),
        ({"location": "999999"}, "Kies een locatie van je eigen bibliotheek"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_changes_nothing(desk, location, changes, message):
    response = post(desk, location, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_another_librarys_location_cannot_be_used(desk, location):
    other = LocationFactory(organisation=OrganisationFactory())
    response = post(desk, other)
    assert response.status_code == 200
    assert not Registration.objects.exists()
    with pytest.raises(PermissionDenied):
        services.register(
            user=staff_user(location.organisation, Role.FRONT_DESK), location=other, kind=Kind.CASE
        )


@pytest.mark.parametrize("kind", [OrganisationKind.POI, OrganisationKind.KB])
def test_poi_and_kb_do_not_register(client, kind):
    organisation = OrganisationFactory(kind=kind)
    role = Role.POI_ADVISER if kind == OrganisationKind.POI else Role.KB_ADMIN
    client.force_login(staff_user(organisation, role))
    assert client.get(reverse("boekstart:register")).status_code == 403


def test_partner_staff_do_not_register(client):
    partner = PartnerFactory()
    client.force_login(staff_user(partner, Role.PARTNER_STAFF))
    assert client.get(reverse("boekstart:register")).status_code == 403


def test_the_desk_screen_shows_the_boekstart_panel(desk, location):
    html = desk.get(reverse("desk:screen")).content.decode()
    assert "BoekStart registreren" in html
    assert 'name="terug" value="balie"' in html


def test_one_s_own_registration_can_be_taken_back_for_a_day(desk, location):
    post(desk, location)
    registration = Registration.objects.get()
    colleague = staff_user(location.organisation, Role.FRONT_DESK)
    assert not services.can_remove(registration, colleague)
    assert desk.post(reverse("boekstart:remove", args=[registration.pk])).status_code == 302
    assert not Registration.objects.exists()
    post(desk, location)
    registration = Registration.objects.get()
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    desk.post(reverse("boekstart:remove", args=[registration.pk]))
    assert Registration.objects.count() == 1


def test_another_organisations_registration_is_not_found(desk, location):
    other = LocationFactory(organisation=OrganisationFactory())
    registration = services.register(
        user=staff_user(other.organisation, Role.FRONT_DESK), location=other, kind=Kind.CASE
    )
    assert desk.post(reverse("boekstart:remove", args=[registration.pk])).status_code == 404


text = st.text(max_size=40).map(lambda s: s.replace("\x00", ""))


@given(
    wat=st.one_of(st.sampled_from(Kind.values), text),
    via=st.one_of(st.sampled_from(Via.values), text),
    postcode=st.one_of(st.from_regex(r"\A[0-9]{4}\Z"), text),
    datum=st.one_of(st.dates().map(str), text),
    location_value=st.one_of(st.just("own"), text, st.integers().map(str)),
)
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_no_input_gives_an_error_page(desk, location, wat, via, postcode, datum, location_value):
    before = Registration.objects.count()
    response = post(
        desk,
        location,
        wat=wat,
        via=via,
        postcode=postcode,
        datum=datum,
        location=str(location.pk) if location_value == "own" else location_value,
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Registration.objects.count() == before
