"""Locations in the back office: list, create and edit over HTTP, and the services with their
permission checks, postcode validation and PC4 coordinates."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ontwikkelplein.organisations import services
from ontwikkelplein.organisations.models import Location, OpeningHours, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.models import PostcodeArea
from ontwikkelplein.places.tests.factories import (
    MunicipalityFactory,
    PostcodeAreaFactory,
    province,
)


@pytest.fixture
def net(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed
    municipality = MunicipalityFactory(province=province("Utrecht"))
    library_a = OrganisationFactory(name="Bibliotheek Alfa", municipalities=[municipality])
    library_b = OrganisationFactory(name="Bibliotheek Bravo", municipalities=[municipality])
    return {
        "municipality": municipality,
        "library_a": library_a,
        "library_b": library_b,
        "location_a": LocationFactory(
            organisation=library_a, name="Vestiging Alfa", municipality=municipality
        ),
        "location_b": LocationFactory(
            organisation=library_b, name="Vestiging Bravo", municipality=municipality
        ),
        "specialist_a": staff_user(library_a, Role.SPECIALIST),
        "front_desk_a": staff_user(library_a, Role.FRONT_DESK),
        "poi": staff_user(PoiFactory(provinces=[province("Utrecht")]), Role.POI_ADVISER),
        "pc4": PostcodeAreaFactory(pc4="3811"),
    }


def form_data(net, **overrides):
    data = {
        "organisation": str(net["library_a"].pk),
        "name": "Buurthuis De Kring",
        "kind": "community_centre",
        "description": "",
        "street": "Kringweg",
        "house_number": "12a",
        "postcode": "3811ab",
        "city": "Amersfoort",
        "municipality": str(net["municipality"].pk),
        "latitude": "",
        "longitude": "",
        "accessibility": "Rolstoeltoegankelijk",
        "openingstijden-TOTAL_FORMS": "3",
        "openingstijden-INITIAL_FORMS": "0",
        "openingstijden-MIN_NUM_FORMS": "0",
        "openingstijden-MAX_NUM_FORMS": "1000",
        "openingstijden-0-weekday": "0",
        "openingstijden-0-opens_at": "09:00",
        "openingstijden-0-closes_at": "12:00",
        "openingstijden-1-weekday": "0",
        "openingstijden-1-opens_at": "13:00",
        "openingstijden-1-closes_at": "17:00",
    }
    data.update(overrides)
    return data


class TestCreateOverHttp:
    def test_form_page(self, client, net):
        client.force_login(net["specialist_a"])
        response = client.get(reverse("organisations:location-create"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Openingstijd 1" in content
        assert 'for="id_postcode"' in content

    def test_create(self, client, net):
        client.force_login(net["specialist_a"])
        response = client.post(reverse("organisations:location-create"), form_data(net))
        assert response.status_code == 302
        location = Location.objects.get(name="Buurthuis De Kring")
        assert location.organisation == net["library_a"]
        assert location.postcode == "3811 AB"  # normalised
        area = PostcodeArea.objects.get(pc4="3811")
        assert (location.latitude, location.longitude) == (area.latitude, area.longitude)
        hours = [(h.weekday, h.opens_at, h.closes_at) for h in location.opening_hours.all()]
        assert hours == [
            (0, datetime.time(9), datetime.time(12)),
            (0, datetime.time(13), datetime.time(17)),
        ]

    def test_staff_say_whether_residents_find_an_ido_or_taalhuis_here(self, client, net):
        client.force_login(net["specialist_a"])
        page = client.get(reverse("organisations:location-create")).content.decode()
        assert "Informatiepunt Digitale Overheid (IDO)" in page and "Taalhuis of Taalpunt" in page
        client.post(reverse("organisations:location-create"), form_data(net, has_ido="on"))
        location = Location.objects.get(name="Buurthuis De Kring")
        assert location.has_ido and not location.has_taalhuis

    @pytest.mark.parametrize("postcode", ["0811 AB", "3811", "ABCD 12", "38111AB", ""])
    def test_bad_postcode_gives_dutch_error_and_stores_nothing(self, client, net, postcode):
        client.force_login(net["specialist_a"])
        count = Location.objects.count()
        response = client.post(
            reverse("organisations:location-create"), form_data(net, postcode=postcode)
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert "Controleer wat je hebt ingevuld" in content
        assert 'href="#id_postcode"' in content
        if postcode:
            assert "Vul een geldige postcode in: vier cijfers en twee letters" in content
        assert Location.objects.count() == count
        assert not OpeningHours.objects.filter(location__name="Buurthuis De Kring").exists()

    def test_half_filled_opening_hours_row_is_explained(self, client, net):
        client.force_login(net["specialist_a"])
        response = client.post(
            reverse("organisations:location-create"),
            form_data(net, **{"openingstijden-2-weekday": "3"}),
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert "Openingstijd 3" in content
        assert "Vul de dag en beide tijden in" in content
        assert not Location.objects.filter(name="Buurthuis De Kring").exists()

    def test_closing_before_opening_is_explained(self, client, net):
        client.force_login(net["specialist_a"])
        response = client.post(
            reverse("organisations:location-create"),
            form_data(net, **{"openingstijden-0-closes_at": "08:00"}),
        )
        assert response.status_code == 200
        assert "De sluitingstijd moet na de openingstijd liggen." in response.content.decode()
        assert not Location.objects.filter(name="Buurthuis De Kring").exists()

    @pytest.mark.parametrize(
        ("latitude", "longitude", "message"),
        [
            ("52.1", "", "Vul beide coördinaten in"),
            ("40.0", "5.3", "Deze breedtegraad ligt niet in Nederland."),
            ("52.1", "12.0", "Deze lengtegraad ligt niet in Nederland."),
        ],
    )
    def test_bad_coordinates(self, client, net, latitude, longitude, message):
        client.force_login(net["specialist_a"])
        response = client.post(
            reverse("organisations:location-create"),
            form_data(net, latitude=latitude, longitude=longitude),
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Location.objects.filter(name="Buurthuis De Kring").exists()

    def test_given_coordinates_are_kept(self, client, net):
        client.force_login(net["specialist_a"])
        client.post(
            reverse("organisations:location-create"),
            form_data(net, latitude="52.2", longitude="5.4"),
        )
        location = Location.objects.get(name="Buurthuis De Kring")
        assert (location.latitude, location.longitude) == (52.2, 5.4)

    def test_cannot_create_for_another_organisation(self, client, net):
        client.force_login(net["specialist_a"])
        response = client.post(
            reverse("organisations:location-create"),
            form_data(net, organisation=str(net["library_b"].pk)),
        )
        assert response.status_code == 200  # not a choice
        assert not Location.objects.filter(name="Buurthuis De Kring").exists()


class TestEditOverHttp:
    def test_edit_keeps_and_replaces_opening_hours(self, client, net):
        location = net["location_a"]
        OpeningHoursFactory(location=location, weekday=2)
        client.force_login(net["specialist_a"])
        url = reverse("organisations:location-edit", kwargs={"pk": location.pk})
        formset = client.get(url).context["formset"]
        assert formset.forms[0].initial["weekday"] == 2
        data = form_data(
            net,
            name="Vestiging Alfa (centrum)",
            **{
                "openingstijden-TOTAL_FORMS": "4",
                "openingstijden-INITIAL_FORMS": "1",
                "openingstijden-0-weekday": "2",
                "openingstijden-0-opens_at": "09:00",
                "openingstijden-0-closes_at": "17:00",
                "openingstijden-0-DELETE": "on",
                "openingstijden-1-weekday": "4",
                "openingstijden-1-opens_at": "10:00",
                "openingstijden-1-closes_at": "14:00",
            },
        )
        response = client.post(url, data)
        assert response.status_code == 302
        location.refresh_from_db()
        assert location.name == "Vestiging Alfa (centrum)"
        assert [(h.weekday, h.opens_at) for h in location.opening_hours.all()] == [
            (4, datetime.time(10))
        ]

    def test_other_library_answers_404(self, client, net):
        client.force_login(net["specialist_a"])
        url = reverse("organisations:location-edit", kwargs={"pk": net["location_b"].pk})
        assert client.get(url).status_code == 404
        assert client.post(url, form_data(net, name="Overgenomen")).status_code == 404
        net["location_b"].refresh_from_db()
        assert net["location_b"].name == "Vestiging Bravo"

    @pytest.mark.parametrize("user", ["front_desk_a", "poi"])
    def test_read_only_roles_get_403(self, client, net, user):
        client.force_login(net[user])
        url = reverse("organisations:location-edit", kwargs={"pk": net["location_a"].pk})
        assert client.get(url).status_code == 403
        assert client.post(url, form_data(net, name="Overgenomen")).status_code == 403
        net["location_a"].refresh_from_db()
        assert net["location_a"].name == "Vestiging Alfa"

    def test_list(self, client, net):
        client.force_login(net["specialist_a"])
        content = client.get(reverse("organisations:location-list")).content.decode()
        assert "Vestiging Alfa" in content
        assert "Vestiging Bravo" not in content
        assert (
            reverse("organisations:location-edit", kwargs={"pk": net["location_a"].pk}) in content
        )

    def test_poi_list_shows_region_without_edit_links(self, client, net):
        client.force_login(net["poi"])
        response = client.get(reverse("organisations:location-list"))
        content = response.content.decode()
        assert "Vestiging Alfa" in content
        assert "Vestiging Bravo" in content
        assert "/bewerken/" not in content
        assert reverse("organisations:location-create") not in content
        response = client.get(
            reverse("organisations:location-list"), {"organisatie": str(net["library_b"].pk)}
        )
        assert "Vestiging Alfa" not in response.content.decode()

    def test_anonymous_goes_to_login(self, client, net):
        response = client.get(reverse("organisations:location-list"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


class TestServices:
    def fields(self, net, **overrides):
        fields = {
            "name": "Servicepunt Noord",
            "kind": "service_point",
            "street": "Noordweg",
            "house_number": "1",
            "postcode": "3811 AB",
            "city": "Amersfoort",
            "municipality": net["municipality"],
        }
        fields.update(overrides)
        return fields

    def test_create_checks_rights(self, net):
        for user in (net["front_desk_a"], net["poi"]):
            with pytest.raises(PermissionDenied):
                services.create_location(user, organisation=net["library_a"], **self.fields(net))
        with pytest.raises(PermissionDenied):
            services.create_location(
                net["specialist_a"], organisation=net["library_b"], **self.fields(net)
            )
        assert not Location.objects.filter(name="Servicepunt Noord").exists()

    def test_create_validates(self, net):
        with pytest.raises(ValidationError):
            services.create_location(
                net["specialist_a"],
                organisation=net["library_a"],
                **self.fields(net, postcode="12345"),
            )
        assert not Location.objects.filter(name="Servicepunt Noord").exists()

    def test_no_pc4_area_leaves_coordinates_empty(self, net):
        PostcodeArea.objects.filter(pc4="9999").delete()
        location = services.create_location(
            net["specialist_a"],
            organisation=net["library_a"],
            **self.fields(net, postcode="9999 ZZ"),
        )
        assert (location.latitude, location.longitude) == (None, None)

    def test_new_postcode_moves_the_point(self, net):
        other = PostcodeAreaFactory(pc4="3812")
        location = net["location_a"]
        services.update_location(net["specialist_a"], location, postcode="3812 CD")
        location.refresh_from_db()
        assert (location.latitude, location.longitude) == (other.latitude, other.longitude)

    def test_new_postcode_with_new_coordinates_keeps_them(self, net):
        location = net["location_a"]
        services.update_location(
            net["specialist_a"], location, postcode="3812 CD", latitude=52.3, longitude=5.5
        )
        location.refresh_from_db()
        assert (location.latitude, location.longitude) == (52.3, 5.5)

    def test_update_checks_stored_organisation(self, net):
        location = Location.objects.get(pk=net["location_b"].pk)
        location.organisation = net["library_a"]  # changed in memory only
        with pytest.raises(PermissionDenied):
            services.update_location(net["specialist_a"], location, name="Overgenomen")
        assert Location.objects.get(pk=location.pk).name == "Vestiging Bravo"

    def test_move_to_organisation_without_rights(self, net):
        with pytest.raises(PermissionDenied):
            services.update_location(
                net["specialist_a"], net["location_a"], organisation=net["library_b"]
            )

    def test_set_opening_hours(self, net):
        location = net["location_a"]
        OpeningHoursFactory(location=location)
        services.set_opening_hours(
            net["specialist_a"], location, [(5, datetime.time(10), datetime.time(13))]
        )
        assert [(h.weekday, h.opens_at) for h in location.opening_hours.all()] == [
            (5, datetime.time(10))
        ]
        with pytest.raises(ValidationError):
            services.set_opening_hours(
                net["specialist_a"], location, [(1, datetime.time(13), datetime.time(10))]
            )
        assert location.opening_hours.count() == 1  # unchanged
        with pytest.raises(PermissionDenied):
            services.set_opening_hours(net["front_desk_a"], location, [])
        assert location.opening_hours.count() == 1
