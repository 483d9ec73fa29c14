"""EMB in verbinding (docs/community.md): the programmes and connections computed from the
other apps' data, the planned actions, the picture, the PDF and who sees what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import Programme as CatalogueProgramme
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.connections import selectors
from ontwikkelplein.connections.models import ConnectionAction, Programme
from ontwikkelplein.connections.tests.factories import ConnectionActionFactory
from ontwikkelplein.core.tests.pdf import assert_tagged, flat, read_pdf
from ontwikkelplein.desk.models import ColleagueRole, HelpType, ReferralTarget
from ontwikkelplein.desk.tests.factories import ContactFactory, question
from ontwikkelplein.organisations.models import LocationKind, OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation.tests.factories import ParticipationFactory, scheme
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.referrals.models import ReceiverKind, Source
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("connections:index")


def _link(links, a, b):
    return next((item for item in links if {item.a, item.b} == {a, b}), None)


def _catalogue_programme(code):
    return CatalogueProgramme.objects.get(code=code)


# --- Programmes ---------------------------------------------------------------------------------


def test_programmes_come_from_the_register_the_desk_and_outreach_locations():
    library = OrganisationFactory()
    rows = {row.code: row for row in selectors.programmes(library)}
    assert not any(row.runs for row in rows.values())

    ParticipationFactory(organisation=library, scheme=scheme("taalhuis"))
    location = LocationFactory(organisation=library)
    ContactFactory(location=location, questions=[question(), question()])
    LocationFactory(organisation=library, kind=LocationKind.COMMUNITY_CENTRE)
    rows = {row.code: row for row in selectors.programmes(library)}
    assert rows[Programme.TAALHUIS].runs
    assert rows[Programme.IDO].runs
    assert dict(rows[Programme.IDO].figures)["vragen over de digitale overheid"] == 2
    assert rows[Programme.OUTREACH].runs
    assert not rows[Programme.BOEKSTART].runs
    # Another library's data does not count.
    other = OrganisationFactory()
    assert not selectors.programmes(other)[0].runs


# --- Connections --------------------------------------------------------------------------------


def test_desk_referrals_connect_the_ido_to_the_programme_referred_to():
    library = OrganisationFactory()
    location = LocationFactory(organisation=library)
    referred = question(
        help_types=(HelpType.REFERRAL,),
        referral_target=ReferralTarget.COLLEAGUE,
        referred_role=ColleagueRole.LANGUAGE_HOUSE,
    )
    ContactFactory(location=location, questions=[referred, question()])
    links = selectors.connections(library)
    link = _link(links, Programme.IDO, Programme.TAALHUIS)
    assert link is not None and link.desk == 1 and link.exists
    assert _link(links, Programme.IDO, Programme.COURSES) is None


def test_closed_loop_referrals_from_the_desk_to_a_course_count_with_their_enrolments():
    library = OrganisationFactory()
    course = OfferFactory(organisation=library)  # no programme: a course
    for _i in range(3):
        ReferralFactory(
            sender_organisation=library,
            source=Source.DESK,
            receiver_kind=ReceiverKind.OFFER,
            offer=course,
            receiver_role="",
        )
    ReferralFactory(sender_organisation=library, source=Source.STAFF)  # not from the desk
    link = _link(selectors.connections(library), Programme.IDO, Programme.COURSES)
    assert link.referrals == 3
    assert link.level == 1
    # Another library sees none of it.
    assert selectors.connections(OrganisationFactory()) == []


def test_a_partner_in_offers_of_two_programmes_connects_them():
    library = OrganisationFactory()
    partner = PartnerFactory()
    taalhuis = OfferFactory(organisation=library, programme=_catalogue_programme("taalhuis"))
    ido = OfferFactory(organisation=library, programme=_catalogue_programme("ido"))
    taalhuis.partners.add(partner)
    assert _link(selectors.connections(library), Programme.IDO, Programme.TAALHUIS) is None
    ido.partners.add(partner)
    link = _link(selectors.connections(library), Programme.IDO, Programme.TAALHUIS)
    assert link.partners == 1
    assert link.points == selectors.POINTS_PARTNER
    assert link.level == 1
    second = PartnerFactory()
    taalhuis.partners.add(second)
    ido.partners.add(second)
    assert _link(selectors.connections(library), Programme.IDO, Programme.TAALHUIS).level == 2


def test_planned_actions_make_a_planned_connection_and_overdue_ones_count():
    library = OrganisationFactory()
    today = timezone.localdate()
    ConnectionActionFactory(organisation=library, due_on=today - datetime.timedelta(days=1))
    ConnectionActionFactory(organisation=library, done=True)
    link = _link(selectors.connections(library), Programme.IDO, Programme.DBOS)
    assert (link.actions_open, link.actions_done, link.overdue) == (1, 1, 1)
    assert link.planned and not link.exists and link.level == 0
    picture = selectors.layout(selectors.programmes(library), [link])
    assert picture.lines[0]["dash"] == selectors.PLANNED_DASH


def test_counts_per_library_hold_no_texts():
    library = OrganisationFactory()
    ParticipationFactory(organisation=library, scheme=scheme("boekstart"))
    ConnectionActionFactory(organisation=library)
    ConnectionActionFactory(organisation=library, done=True)
    (row,) = selectors.counts([library])
    assert row.programmes == {Programme.BOEKSTART}
    assert (row.actions_open, row.actions_done) == (1, 1)
    totals = {code: n for code, _label, n in selectors.programme_totals([row])}
    assert totals[Programme.BOEKSTART] == 1 and totals[Programme.IDO] == 0


# --- Pages and roles ----------------------------------------------------------------------------


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland")


def test_the_page_draws_the_picture_and_its_table(client, library):
    ParticipationFactory(organisation=library, scheme=scheme("ido"))
    ConnectionActionFactory(organisation=library, description="IDO presenteren op school")
    client.force_login(staff_user(library, Role.FRONT_DESK))
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and "De verbindingen als tabel" in html
    assert "IDO presenteren op school" in html
    assert "Actie plannen" not in html  # the front desk reads


@pytest.mark.parametrize(
    "role,status", [(Role.SPECIALIST, 200), (Role.TEAM_LEADER, 200), (Role.FRONT_DESK, 403)]
)
def test_who_plans_actions(client, library, role, status):
    client.force_login(staff_user(library, role))
    assert client.get(reverse("connections:action-new")).status_code == status


def test_specialists_add_tick_off_change_and_delete_actions(client, library):
    client.force_login(staff_user(library, Role.SPECIALIST))
    due = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(
        reverse("connections:action-new"),
        {
            "from_programme": "ido",
            "to_programme": "dbos",
            "description": "  Het IDO   presenteren aan de teams ",
            "owner": "Team jeugd",
            "due_on": due,
        },
    )
    assert response.status_code == 302
    action = ConnectionAction.objects.get(organisation=library)
    assert action.description == "Het IDO presenteren aan de teams"
    client.post(reverse("connections:action-toggle", args=[action.pk]))
    action.refresh_from_db()
    assert action.done
    response = client.post(
        reverse("connections:action-edit", args=[action.pk]),
        {
            "from_programme": "ido",
            "to_programme": "ido",
            "description": "x",
            "owner": "y",
            "due_on": due,
        },
    )
    assert response.status_code == 200
    assert "twee verschillende programma" in response.content.decode()
    assert client.get(reverse("connections:action-delete", args=[action.pk])).status_code == 200
    client.post(reverse("connections:action-delete", args=[action.pk]))
    assert not ConnectionAction.objects.exists()


def test_another_library_gets_404_and_partners_and_the_poi_403(client, library):
    action = ConnectionActionFactory(organisation=library)
    other = staff_user(OrganisationFactory(), Role.SPECIALIST)
    client.force_login(other)
    for name in ("connections:action-edit", "connections:action-delete"):
        assert client.get(reverse(name, args=[action.pk])).status_code == 404
    assert client.post(reverse("connections:action-toggle", args=[action.pk])).status_code == 404
    assert client.get(INDEX, {"org": str(library.pk)}).status_code == 404
    client.force_login(staff_user(PartnerFactory(), Role.PARTNER_STAFF))
    assert client.get(INDEX).status_code == 403
    assert client.get(reverse("connections:document")).status_code == 403
    assert client.get(reverse("connections:overview")).status_code == 403


@pytest.mark.parametrize("who", ["poi", "kb"])
def test_the_poi_and_the_kb_see_counts_without_texts(client, library, who):
    utrecht = province("Utrecht")
    poi = PoiFactory(provinces=[utrecht])
    library.municipalities.add(MunicipalityFactory(province=utrecht))
    far = OrganisationFactory(
        name="Bibliotheek Ver weg",
        municipalities=[MunicipalityFactory(province=province("Groningen"))],
    )
    ConnectionActionFactory(organisation=library, description="Geheime actietekst", owner="Anna")
    ParticipationFactory(organisation=library, scheme=scheme("ido"))
    if who == "poi":
        user = staff_user(poi, Role.POI_ADVISER)
    else:
        user = staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN)
    client.force_login(user)
    assert client.get(INDEX).status_code == 403
    response = client.get(reverse("connections:overview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bibliotheek Eemland" in html
    assert (far.name in html) is (who == "kb")
    assert "Geheime actietekst" not in html and "Anna" not in html


def test_the_pdf_holds_the_picture_programmes_connections_and_actions(client, library):
    ConnectionActionFactory(
        organisation=library,
        description="Mamacafé rondleiden langs het IDO",
        owner="Team jeugd",
    )
    client.force_login(staff_user(library, Role.TEAM_LEADER))
    response = client.get(reverse("connections:document"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader, pages = read_pdf(response.content)
    assert_tagged(reader)
    text = flat(" ".join(pages))
    assert "Bibliotheek Eemland" in text
    assert "Mamacafé rondleiden langs het IDO" in text
    assert "Team jeugd" in text
    assert "De verbindingen als tabel" in text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(
            ["from_programme", "to_programme", "description", "owner", "due_on", "done"]
        ),
        st.one_of(
            st.text(max_size=400),
            st.sampled_from(["ido", "dbos", "2026-13-40", "99999-01-01", "0001-01-01", "on"]),
        ),
    ),
    query=st.dictionaries(
        st.sampled_from(["org", "van", "naar"]), st.text(max_size=60), max_size=3
    ),
)
def test_no_input_gives_a_500(client, library, data, query):
    client.force_login(staff_user(library, Role.SPECIALIST))
    before = ConnectionAction.objects.count()
    response = client.post(reverse("connections:action-new"), data, QUERY_STRING="")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert ConnectionAction.objects.count() == before
    for url in (INDEX, reverse("connections:action-new")):
        assert client.get(url, query).status_code in (200, 404)


def test_an_offer_at_an_outreach_location_connects_its_programme_to_outreach():
    library = OrganisationFactory()
    buurthuis = LocationFactory(organisation=library, kind=LocationKind.COMMUNITY_CENTRE)
    OfferFactory(
        organisation=library, programme=_catalogue_programme("taalhuis"), location=buurthuis
    )
    link = _link(selectors.connections(library), Programme.TAALHUIS, Programme.OUTREACH)
    assert link.outreach == 1 and link.points == selectors.POINTS_OUTREACH


def test_the_queries_do_not_grow_with_the_data():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    library = OrganisationFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            selectors.programmes(library)
            selectors.connections(library)
        return len(captured)

    before = queries()
    for _i in range(3):
        partner = PartnerFactory()
        for code in ("taalhuis", "ido", "boekstart"):
            OfferFactory(organisation=library, programme=_catalogue_programme(code)).partners.add(
                partner
            )
        ConnectionActionFactory(organisation=library)
    assert queries() == before
    assert _link(selectors.connections(library), Programme.IDO, Programme.BOEKSTART).partners == 3
