"""The library's network (docs/community.md): stakeholders, the list and its filters, the
network map with the strength computed from real activity, agreements with documents and
alerts, contact people with their access log and retention, roles, and bad input."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses.tests.factories import RunFactory
from ontwikkelplein.network import selectors, services
from ontwikkelplein.network.models import (
    Agreement,
    AgreementDocument,
    ContactAccess,
    ContactPerson,
    Stage,
    Stakeholder,
)
from ontwikkelplein.network.selectors import add_months
from ontwikkelplein.network.tests.factories import (
    AgreementFactory,
    ContactPersonFactory,
    StakeholderFactory,
)
from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.referrals.models import ReceiverKind, Referral
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(provinces=[utrecht])
    municipality = MunicipalityFactory(province=utrecht)
    library = OrganisationFactory(name="Bibliotheek Buurtstad", municipalities=[municipality])
    neighbour = OrganisationFactory(name="Bibliotheek Naburig", municipalities=[municipality])
    far = OrganisationFactory(municipalities=[MunicipalityFactory(province=province("Groningen"))])
    return {
        "poi": poi,
        "library": library,
        "neighbour": neighbour,
        "far": far,
        "specialist": staff_user(library, Role.SPECIALIST),
        "leader": staff_user(library, Role.TEAM_LEADER),
        "desk": staff_user(library, Role.FRONT_DESK),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "neighbour_specialist": staff_user(neighbour, Role.SPECIALIST),
        "far_specialist": staff_user(far, Role.SPECIALIST),
    }


def _client(client, user):
    client.force_login(user)
    return client


# --- Dates and the list ---------------------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_short_month():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)
    assert add_months(datetime.date(2026, 3, 31), -3) == datetime.date(2025, 12, 31)
    assert add_months(datetime.date(2024, 5, 31), -3) == datetime.date(2024, 2, 29)


def test_the_list_puts_the_next_steps_due_first_and_filters(world, client):
    library = world["library"]
    today = timezone.localdate()
    later = StakeholderFactory(
        organisation=library, name="B later", next_step_on=today + datetime.timedelta(days=20)
    )
    overdue = StakeholderFactory(
        organisation=library,
        name="C te laat",
        next_step_on=today - datetime.timedelta(days=2),
        stage=Stage.AGREEMENT,
        refers=True,
    )
    undated = StakeholderFactory(organisation=library, name="A zonder datum")
    StakeholderFactory(organisation=world["far"], name="Van een ander")
    rows = selectors.filtered(library, selectors.Filters(), today)
    assert rows == [overdue, later, undated]
    assert selectors.filtered(library, selectors.Filters(stage=Stage.AGREEMENT), today) == [overdue]
    assert selectors.filtered(library, selectors.Filters(role="referring"), today) == [overdue]

    response = _client(client, world["desk"]).get(reverse("network:index"))
    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("C te laat") < text.index("B later") < text.index("A zonder datum")
    assert "Van een ander" not in text
    assert "te laat" in text
    # Bad filter values are ignored, never an error.
    for query in ("?fase=x", "?rol=%00", "?thema=niet-een-id", "?thema=" + "9" * 500, "?org=x"):
        assert client.get(reverse("network:index") + query).status_code == 200


# --- Strength from real activity ------------------------------------------------------------------


def test_tie_activity_counts_referrals_both_ways_runs_and_offers(world):
    library = world["library"]
    partner = PartnerFactory(name="Welzijn Buurtstad")
    quiet = PartnerFactory(name="Stil")
    for _ in range(2):
        ReferralFactory(
            sender_organisation=library,
            receiver_kind=ReceiverKind.PARTNER,
            receiver_organisation=partner,
        )
    Referral.objects.filter(receiver_organisation=partner).order_by("pk").filter(
        pk__in=Referral.objects.filter(receiver_organisation=partner).values("pk")[:1]
    ).update(received_at=timezone.now())
    back = ReferralFactory(
        sender_organisation=partner,
        sender_user=staff_user(partner, Role.PARTNER_STAFF),
        receiver_kind=ReceiverKind.LIBRARY,
        receiver_organisation=library,
    )
    Referral.objects.filter(pk=back.pk).update(received_at=timezone.now())
    shared = OfferFactory(organisation=library, indexed=False)
    shared.partners.add(partner)
    RunFactory(offer=shared, organisation=library, sessions=0)
    their_offer = OfferFactory(organisation=partner, indexed=False)
    their_offer.partners.add(library)
    # Other libraries' activity with the partner does not count.
    ReferralFactory(
        sender_organisation=world["far"],
        receiver_kind=ReceiverKind.PARTNER,
        receiver_organisation=partner,
    )

    activity = selectors.tie_activity(library, {partner.pk, quiet.pk})
    got = activity[partner.pk]
    assert (got.referrals_sent, got.referrals_sent_accepted) == (2, 1)
    assert (got.referrals_received, got.referrals_received_accepted) == (1, 1)
    assert got.runs == 1
    assert got.offers == 2
    assert got.points == 2 + 1 + 1 + 1 + 3 + 4
    assert got.level == 3
    assert activity[quiet.pk].level == 0 and activity[quiet.pk].is_empty


def test_tie_activity_takes_the_same_number_of_queries_for_many_partners(world):
    library = world["library"]
    few = [PartnerFactory() for _ in range(2)]
    many = few + [PartnerFactory() for _ in range(12)]
    with CaptureQueriesContext(connection) as small:
        selectors.tie_activity(library, {p.pk for p in few})
    with CaptureQueriesContext(connection) as large:
        selectors.tie_activity(library, {p.pk for p in many})
    assert len(small) == len(large) <= 6


def test_the_map_draws_every_partner_with_a_table_and_no_inline_style(world, client):
    library = world["library"]
    partner = PartnerFactory(name="Welzijn Kaart")
    StakeholderFactory(organisation=library, partner=partner, name="Welzijn Kaart", strength=3)
    StakeholderFactory(organisation=library, name="Basisschool Zonder Platform" + "x" * 40)
    response = _client(client, world["specialist"]).get(reverse("network:diagram"))
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count('<line x1="750.0"') == 2
    assert 'role="img"' in text and '<title id="kaart-titel">' in text
    assert "De netwerkkaart als tabel" in text
    assert "Niet op het platform" in text
    assert "style=" not in text.split("<svg", 1)[1].split("</svg>")[0]
    # Coordinates are written with a dot, whatever the language.
    assert 'x2="750.0"' in text


# --- Roles ----------------------------------------------------------------------------------------


def test_roles_on_a_stakeholder(world, client):
    stakeholder = StakeholderFactory(organisation=world["library"], name="Buurthuis De Brug")
    ContactPersonFactory(stakeholder=stakeholder, name="Anna de Wit")
    detail = reverse("network:detail", args=[stakeholder.pk])
    edit = reverse("network:edit", args=[stakeholder.pk])
    expectations = [
        ("specialist", 200, 200),
        ("leader", 200, 200),
        ("desk", 200, 403),
        ("adviser", 403, 403),  # the region's POI: counts only
        ("neighbour_specialist", 404, 404),
        ("far_specialist", 404, 404),
    ]
    for who, read, write in expectations:
        client.force_login(world[who])
        assert client.get(detail).status_code == read, who
        assert client.get(edit).status_code == write, who
    client.force_login(world["desk"])
    assert "Anna de Wit" in client.get(detail).content.decode()


def test_the_poi_and_the_kb_see_counts_without_contact_people(world, client):
    library = world["library"]
    stakeholder = StakeholderFactory(organisation=library, stage=Stage.AGREEMENT, hosts=True)
    ContactPersonFactory(stakeholder=stakeholder, name="Geheime Naam")
    StakeholderFactory(organisation=world["far"], stage=Stage.EXPLORING)
    response = _client(client, world["adviser"]).get(reverse("network:overview"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Bibliotheek Buurtstad" in text and world["far"].name not in text
    assert "Geheime Naam" not in text and stakeholder.name not in text
    rows = {row.library.pk: row for row in selectors.stage_role_counts([library, world["far"]])}
    assert rows[library.pk].by_stage == {Stage.AGREEMENT: 1}
    assert rows[library.pk].by_role["hosting"] == 1
    # Library staff never use the overview.
    client.force_login(world["specialist"])
    assert client.get(reverse("network:overview")).status_code == 403
    # The POI has no network of its own.
    client.force_login(world["adviser"])
    assert client.get(reverse("network:index")).status_code == 403


# --- Creating and changing ------------------------------------------------------------------------


def test_a_specialist_adds_a_partner_on_the_platform(world, client):
    partner = PartnerFactory(name="GGD Buurtstad")
    response = _client(client, world["specialist"]).post(
        reverse("network:new"),
        {
            "partner": partner.pk,
            "name": "",
            "kind": "health",
            "roles": ["referring", "finding"],
            "stage": Stage.FIRST_TALK,
            "next_step": "Kennismaken met het consultatiebureau",
            "next_step_on": "2026-12-20",
            "fit": "3",
            "their_gain": "Ouders bereiken",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    stakeholder = Stakeholder.objects.get(organisation=world["library"])
    assert stakeholder.name == "GGD Buurtstad"
    assert stakeholder.refers and stakeholder.finds_people and not stakeholder.funds
    # The same organisation twice is refused in words.
    again = client.post(
        reverse("network:new"), {"partner": partner.pk, "kind": "health", "stage": "exploring"}
    )
    assert again.status_code == 200
    assert "staat al in jullie netwerk" in again.content.decode()
    assert Stakeholder.objects.count() == 1


def test_a_name_or_a_platform_organisation_is_needed(world, client):
    response = _client(client, world["specialist"]).post(
        reverse("network:new"), {"kind": "school", "stage": "exploring"}
    )
    assert response.status_code == 200
    assert "Vul een naam in" in response.content.decode()
    assert not Stakeholder.objects.exists()


# --- Contact people: access log and retention -----------------------------------------------------


def test_viewing_and_changing_contact_people_is_logged(world, client):
    stakeholder = StakeholderFactory(organisation=world["library"])
    contact = ContactPersonFactory(stakeholder=stakeholder)
    _client(client, world["desk"]).get(reverse("network:detail", args=[stakeholder.pk]))
    log = ContactAccess.objects.get()
    assert (log.action, log.user, log.organisation) == ("view", world["desk"], world["library"])
    client.force_login(world["specialist"])
    response = client.post(
        reverse("network:contact-edit", args=[contact.pk]),
        {"name": "Hasan Yilmaz", "role": "beheerder", "email": "", "phone": "033-4720011"},
    )
    assert response.status_code == 302
    assert ContactAccess.objects.filter(action="change").count() == 1
    client.post(reverse("network:contact-delete", args=[contact.pk]))
    assert not ContactPerson.objects.exists()
    assert ContactAccess.objects.filter(action="erase", user=world["specialist"]).count() == 1
    # Nothing to see, nothing logged.
    before = ContactAccess.objects.count()
    client.get(reverse("network:detail", args=[stakeholder.pk]))
    assert ContactAccess.objects.count() == before


def test_a_bad_phone_number_is_refused_in_words(world, client):
    stakeholder = StakeholderFactory(organisation=world["library"])
    response = _client(client, world["specialist"]).post(
        reverse("network:contact-new", args=[stakeholder.pk]),
        {"name": "Iemand", "phone": "bel mij"},
    )
    assert response.status_code == 200
    assert "telefoonnummer" in response.content.decode()
    assert not ContactPerson.objects.exists()


def test_retention_erases_contact_people_after_the_relation_ended_or_went_quiet(world, settings):
    settings.NETWORK_CONTACT_RETENTION_MONTHS = 12
    today = timezone.localdate()
    library = world["library"]
    ended = StakeholderFactory(organisation=library, ended_on=today - datetime.timedelta(days=400))
    ContactPersonFactory(stakeholder=ended)
    recently_ended = StakeholderFactory(
        organisation=library, ended_on=today - datetime.timedelta(days=100)
    )
    ContactPersonFactory(stakeholder=recently_ended)
    quiet = StakeholderFactory(organisation=library)
    ContactPersonFactory(stakeholder=quiet)
    long_ago = timezone.now() - datetime.timedelta(days=500)
    Stakeholder.objects.filter(pk=quiet.pk).update(updated_at=long_ago)
    ContactPerson.objects.filter(stakeholder=quiet).update(updated_at=long_ago)
    # Quiet, but with an agreement without an end: the relation runs, the contact stays.
    running = StakeholderFactory(organisation=library)
    ContactPersonFactory(stakeholder=running)
    AgreementFactory(stakeholder=running)
    Stakeholder.objects.filter(pk=running.pk).update(updated_at=long_ago)
    ContactPerson.objects.filter(stakeholder=running).update(updated_at=long_ago)

    assert services.erase_expired_contacts(today) == 2
    left = set(ContactPerson.objects.values_list("stakeholder_id", flat=True))
    assert left == {recently_ended.pk, running.pk}
    assert Stakeholder.objects.count() == 4  # the organisations stay
    erased = ContactAccess.objects.filter(action="erase", actor_label=services.RETENTION_ACTOR)
    assert {a.stakeholder_id for a in erased} == {ended.pk, quiet.pk}
    assert services.erase_expired_contacts(today) == 0


# --- Agreements: alerts and documents -------------------------------------------------------------


def test_alerts_three_months_before_the_end_once_and_again_for_a_new_date(world):
    today = datetime.date(2026, 12, 7)
    stakeholder = StakeholderFactory(organisation=world["library"], name="Humanitas")
    agreement = AgreementFactory(
        stakeholder=stakeholder,
        title="Taalhuis",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 3, 7),
    )
    AgreementFactory(
        stakeholder=stakeholder,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 3, 8),
    )
    assert services.alert_agreements(today=today) == 1
    texts = list(Notification.objects.values_list("user__username", "text"))
    assert {user for user, _t in texts} == {
        world["specialist"].username,
        world["leader"].username,
    }
    assert "loopt af op 7 maart 2027" in texts[0][1]
    assert services.alert_agreements(today=today) == 0
    agreement.ends_on = datetime.date(2027, 2, 1)
    agreement.save()
    assert services.alert_agreements(today=today) == 1
    assert Notification.objects.count() == 4


def test_alert_on_the_evaluation_date(world):
    today = timezone.localdate()
    AgreementFactory(
        stakeholder=StakeholderFactory(organisation=world["library"]),
        evaluation_on=today,
    )
    AgreementFactory(
        stakeholder=StakeholderFactory(organisation=world["library"]),
        evaluation_on=today + datetime.timedelta(days=1),
    )
    assert services.alert_agreements(today=today) == 1
    assert "Evalueer de afspraak" in Notification.objects.first().text
    assert services.alert_agreements(today=today) == 0


def test_an_agreement_with_a_document_checked_by_content_and_downloaded_by_its_library(
    world, client
):
    stakeholder = StakeholderFactory(organisation=world["library"])
    response = _client(client, world["specialist"]).post(
        reverse("network:agreement-new", args=[stakeholder.pk]),
        {
            "kind": "cooperation",
            "title": "Samenwerkingsovereenkomst Taalhuis",
            "starts_on": "2026-01-01",
            "ends_on": "2027-12-31",
            "library_gives": ["space", "recruitment"],
            "partner_gives": ["staff"],
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.library_gives == ["space", "recruitment"]
    upload = reverse("network:upload", args=[agreement.pk])
    fake = SimpleUploadedFile("overeenkomst.pdf", b"MZ not a pdf", content_type="application/pdf")
    client.post(upload, {"title": "Nep", "file": fake})
    assert not AgreementDocument.objects.exists()
    real = SimpleUploadedFile("overeenkomst.pdf", PDF, content_type="text/plain")
    client.post(upload, {"title": "Getekend", "file": real})
    document = AgreementDocument.objects.get()
    assert document.content_type == "application/pdf"
    assert default_storage.exists(document.stored_name)

    download = reverse("network:download", args=[document.pk])
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF
    client.force_login(world["desk"])
    assert client.get(download).status_code == 200
    for who, status in (("adviser", 403), ("neighbour_specialist", 404), ("far_specialist", 404)):
        client.force_login(world[who])
        assert client.get(download).status_code == status, who

    client.force_login(world["specialist"])
    client.post(reverse("network:document-delete", args=[document.pk]))
    assert not AgreementDocument.objects.exists()


def test_an_end_before_the_start_is_refused(world, client):
    stakeholder = StakeholderFactory(organisation=world["library"])
    response = _client(client, world["specialist"]).post(
        reverse("network:agreement-new", args=[stakeholder.pk]),
        {"kind": "intent", "title": "X", "starts_on": "2026-05-01", "ends_on": "2026-04-01"},
    )
    assert response.status_code == 200
    assert "voor de ingangsdatum" in response.content.decode()
    assert not Agreement.objects.exists()


# --- No input gives a 500 -------------------------------------------------------------------------

TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "\x00", "\ud800", "9" * 5000, "2026-02-30", "-1", "1e999", "<script>"]),
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.fixed_dictionaries(
        {
            "partner": TEXT,
            "name": TEXT,
            "kind": TEXT,
            "roles": TEXT,
            "themes": TEXT,
            "stage": TEXT,
            "next_step_on": TEXT,
            "strength": TEXT,
            "fit": TEXT,
            "ended_on": TEXT,
            "their_gain": TEXT,
        }
    ),
    contact=st.fixed_dictionaries({"name": TEXT, "email": TEXT, "phone": TEXT, "role": TEXT}),
    agreement=st.fixed_dictionaries(
        {
            "kind": TEXT,
            "title": TEXT,
            "starts_on": TEXT,
            "ends_on": TEXT,
            "evaluation_on": TEXT,
            "library_gives": TEXT,
        }
    ),
)
def test_no_input_gives_a_500(world, client, data, contact, agreement):
    client.force_login(world["specialist"])
    stakeholder = Stakeholder.objects.filter(organisation=world["library"]).first()
    if stakeholder is None:
        stakeholder = StakeholderFactory(organisation=world["library"], name="Vast")

    def clean(body):
        return {k: "" if any("\ud800" <= c <= "\udfff" for c in v) else v for k, v in body.items()}

    for url, body in (
        (reverse("network:new"), data),
        (reverse("network:edit", args=[stakeholder.pk]), data),
        (reverse("network:contact-new", args=[stakeholder.pk]), contact),
        (reverse("network:agreement-new", args=[stakeholder.pk]), agreement),
    ):
        response = client.post(url, clean(body))
        assert response.status_code in (200, 302), (url, body)
    for query in ({"fase": data["stage"], "rol": data["kind"], "thema": data["partner"]},):
        assert client.get(reverse("network:index"), clean(query)).status_code == 200


# --- The download ---------------------------------------------------------------------------------


def test_the_download_lists_the_network_with_its_computed_activity_and_no_contact_people(
    client, world
):
    import io

    from openpyxl import load_workbook

    library = world["library"]
    partner = PartnerFactory(name="Welzijn Buurtstad")
    welfare = StakeholderFactory(
        organisation=library, partner=partner, name="Welzijn Buurtstad", refers=True
    )
    StakeholderFactory(organisation=library, name="Basisschool De Regenboog", kind="school")
    StakeholderFactory(organisation=world["neighbour"], name="Buurthuis van de buren")
    ContactPersonFactory(stakeholder=welfare, name="Fatima Bakker")
    today = timezone.localdate()
    AgreementFactory(
        stakeholder=welfare,
        title="Spreekuur in de bibliotheek",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=300),
    )
    for _ in range(3):
        ReferralFactory(
            sender_organisation=library,
            receiver_kind=ReceiverKind.PARTNER,
            receiver_organisation=partner,
        )

    client.force_login(world["desk"])  # the front desk reads the network, so also its download
    response = client.get(reverse("network:export") + "?formaat=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="netwerk-')
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Naam;Op het platform;Soort;Rollen")
    welfare_line = next(line for line in lines if line.startswith("Welzijn Buurtstad;"))
    cells = welfare_line.split(";")
    header = lines[0].split(";")
    assert cells[header.index("Verwijzingen naar hen")] == "3"
    assert cells[header.index("Lopende afspraken")] == "1"
    assert cells[header.index("Rollen")] == "Doorverwijzen"
    assert any(line.startswith("Basisschool De Regenboog;nee;") for line in lines)
    assert "Buurthuis van de buren" not in text  # another library's network
    assert "Fatima Bakker" not in text  # contact people stay on the platform

    response = client.get(reverse("network:export") + "?formaat=xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Netwerk", "Afspraken"]
    agreements = [[c.value for c in row] for row in workbook["Afspraken"].iter_rows()]
    assert agreements[1][:2] == ["Welzijn Buurtstad", "Spreekuur in de bibliotheek"]


@pytest.mark.parametrize("who", ["adviser", None])
def test_the_download_is_for_the_library_only(client, world, who):
    if who:
        client.force_login(world[who])
        assert client.get(reverse("network:export")).status_code == 403
    else:
        response = client.get(reverse("network:export"))
        assert response.status_code == 302  # to the sign-in page


def test_an_unknown_format_or_library_falls_back_to_the_own_csv(client, world):
    client.force_login(world["specialist"])
    response = client.get(
        reverse("network:export") + f"?formaat=pdf%00&org={world['neighbour'].pk}"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
