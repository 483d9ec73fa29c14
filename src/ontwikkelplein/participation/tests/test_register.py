"""The programme register: live counts per scheme, keeping it (KB and the region's POI), a
library's proposal, the subsidy reminders, and bad input."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation import selectors, services
from ontwikkelplein.participation.models import (
    Participation,
    ParticipationStatus,
    Proposal,
    ProposalStatus,
)
from ontwikkelplein.participation.tests.factories import ParticipationFactory, scheme
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    """A POI covering Utrecht with three libraries there, and one library elsewhere."""
    utrecht = province("Utrecht")
    poi = PoiFactory(provinces=[utrecht])
    libraries = [
        OrganisationFactory(municipalities=[MunicipalityFactory(province=utrecht)])
        for _ in range(3)
    ]
    elsewhere = OrganisationFactory(
        municipalities=[MunicipalityFactory(province=province("Groningen"))]
    )
    return poi, libraries, elsewhere


def test_counts_take_part_now_of_the_libraries_in_scope(region):
    poi, libraries, elsewhere = region
    ParticipationFactory(organisation=libraries[0])
    ParticipationFactory(organisation=libraries[1], status=ParticipationStatus.ENDED)
    ParticipationFactory(organisation=elsewhere)
    # Two subsidies for one library count it once.
    ParticipationFactory(organisation=libraries[2], scheme=scheme("spuk-ido"))
    ParticipationFactory(organisation=libraries[2], scheme=scheme("spuk-ido"))
    adviser = staff_user(poi, Role.POI_ADVISER)
    counts = {c.scheme.code: c for c in selectors.scheme_counts(selectors.libraries_for(adviser))}
    assert (counts["ido"].taking_part, counts["ido"].libraries, counts["ido"].percent) == (1, 3, 33)
    assert counts["spuk-ido"].taking_part == 1
    assert counts["boekstart"].taking_part == 0


def test_the_overview_says_x_of_y_libraries(client, region):
    poi, libraries, _ = region
    ParticipationFactory(organisation=libraries[0])
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    content = client.get(reverse("participation:overview")).content.decode()
    assert "1 van 3 bibliotheken (33%)" in content
    assert "De bibliotheken in je regio" in content


def test_poi_adds_an_ido_with_its_locations_and_spuk_municipality(client, region):
    poi, libraries, _ = region
    library = libraries[0]
    place = LocationFactory(organisation=library, municipality=library.municipalities.first())
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    response = client.post(
        reverse("participation:add", kwargs={"pk": library.pk}),
        {
            "scheme": scheme("ido").pk,
            "status": "active",
            "started_on": "2021-03-01",
            "locations": [place.pk],
            "municipality": library.municipalities.first().pk,
            "amount": "1000",  # not a subsidy: dropped
        },
    )
    assert response.status_code == 302
    participation = Participation.objects.get(organisation=library)
    assert list(participation.locations.all()) == [place]
    assert participation.amount is None
    assert participation.started_on == datetime.date(2021, 3, 1)


def test_a_location_of_another_library_is_refused(client, region):
    poi, libraries, _ = region
    other_place = LocationFactory(organisation=libraries[1])
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    response = client.post(
        reverse("participation:add", kwargs={"pk": libraries[0].pk}),
        {"scheme": scheme("ido").pk, "status": "active", "locations": [other_place.pk]},
    )
    assert response.status_code == 200
    assert "Controleer wat je hebt ingevuld" in response.content.decode()
    assert not Participation.objects.exists()


def test_end_before_start_is_refused_with_a_dutch_message(client, region):
    poi, libraries, _ = region
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    response = client.post(
        reverse("participation:add", kwargs={"pk": libraries[0].pk}),
        {
            "scheme": scheme("taalhuis").pk,
            "status": "active",
            "started_on": "2026-03-01",
            "ends_on": "2025-03-01",
        },
    )
    assert "Deze datum ligt voor de startdatum." in response.content.decode()
    assert not Participation.objects.exists()


def test_library_proposes_and_the_poi_is_told_and_decides(client, region):
    poi, libraries, _ = region
    library = libraries[0]
    adviser = staff_user(poi, Role.POI_ADVISER)
    leader = staff_user(library, Role.TEAM_LEADER)
    client.force_login(leader)
    page = client.get(reverse("participation:library", kwargs={"pk": library.pk}))
    assert "Voorstel versturen" in page.content.decode()
    assert "Deelname toevoegen" not in page.content.decode()
    client.post(
        reverse("participation:propose", kwargs={"pk": library.pk}),
        {"text": "Ons Taalhuis is op 3 maart 2026 gecertificeerd."},
    )
    proposal = Proposal.objects.get()
    assert Notification.objects.filter(user=adviser).count() == 1
    # The library cannot decide on its own proposal.
    url = reverse("participation:decide", kwargs={"pk": proposal.pk})
    assert client.post(url, {"status": "handled"}).status_code == 403
    client.force_login(adviser)
    client.post(url, {"status": "onzin"})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    client.post(url, {"status": "handled"})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (ProposalStatus.HANDLED, adviser)


def test_an_empty_proposal_changes_nothing(client, region):
    _, libraries, _ = region
    client.force_login(staff_user(libraries[0], Role.SPECIALIST))
    response = client.post(
        reverse("participation:propose", kwargs={"pk": libraries[0].pk}), {"text": " "}, follow=True
    )
    assert "Vul dit in." in response.content.decode()
    assert not Proposal.objects.exists()


def test_subsidy_reminder_once_to_team_leaders_and_poi(region):
    poi, libraries, _ = region
    library = libraries[0]
    adviser = staff_user(poi, Role.POI_ADVISER)
    leader = staff_user(library, Role.TEAM_LEADER)
    desk = staff_user(library, Role.FRONT_DESK)
    today = datetime.date(2026, 12, 7)
    ParticipationFactory(
        organisation=library,
        scheme=scheme("spuk-ido"),
        accounting_due_on=today + datetime.timedelta(days=20),
    )
    ParticipationFactory(
        organisation=libraries[1],
        scheme=scheme("spuk-ido"),
        accounting_due_on=today + datetime.timedelta(days=60),
    )
    assert services.remind_accounting(today=today) == 1
    assert services.remind_accounting(today=today) == 0
    told = set(Notification.objects.values_list("user", flat=True))
    assert told == {adviser.pk, leader.pk}
    assert desk.pk not in told
    assert "Verantwoord SPUK IDO" in Notification.objects.first().text


def test_a_new_deadline_gets_its_own_reminder(client, region):
    poi, libraries, _ = region
    participation = ParticipationFactory(
        organisation=libraries[0],
        scheme=scheme("spuk-ido"),
        accounting_due_on=datetime.date(2026, 12, 20),
        reminded_on=datetime.date(2026, 12, 1),
    )
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    client.post(
        reverse("participation:edit", kwargs={"pk": participation.pk}),
        {
            "scheme": participation.scheme_id,
            "status": "active",
            "amount": "12500,50",
            "accounting_due_on": "2027-06-30",
        },
    )
    participation.refresh_from_db()
    assert participation.reminded_on is None
    assert str(participation.amount) == "12500.50"


def test_an_organisation_that_is_no_library_has_no_register(client):
    partner = OrganisationFactory(kind=OrganisationKind.PARTNER)
    client.force_login(staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN))
    assert (
        client.get(reverse("participation:library", kwargs={"pk": partner.pk})).status_code == 404
    )


FIELDS = ["scheme", "status", "started_on", "ends_on", "amount", "accounting_due_on", "note"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=40), max_size=5))
def test_no_input_gives_a_server_error(client, region, data):
    poi, libraries, _ = region
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    before = Participation.objects.count()
    response = client.post(reverse("participation:add", kwargs={"pk": libraries[0].pk}), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Participation.objects.count() == before
