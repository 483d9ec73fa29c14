"""The learning pages over HTTP: the group's way from sign-up to certificate, who sees whose
progress, the CSV import and the public verification page."""

import datetime
import io

import pytest
from django.urls import reverse

from ontwikkelplein.learning.models import (
    Attendance,
    Certificate,
    ComponentKind,
    Group,
    GroupState,
    ModuleCompletion,
    Participant,
)
from ontwikkelplein.learning.tests.factories import (
    ParticipantFactory,
    group_with_meetings,
    trajectory_with,
)
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def net():
    """Two libraries in Utrecht (POI BiSC-like) and one in Zeeland (another POI)."""
    utrecht = MunicipalityFactory(province=province("Utrecht"))
    zeeland = MunicipalityFactory(province=province("Zeeland"))
    poi = PoiFactory(provinces=[province("Utrecht")])
    other_poi = PoiFactory(provinces=[province("Zeeland")])
    library = OrganisationFactory(municipalities=[utrecht])
    neighbour = OrganisationFactory(municipalities=[utrecht])
    far = OrganisationFactory(municipalities=[zeeland])
    trajectory = trajectory_with(modules=2, meetings=4)
    group = group_with_meetings(trajectory, library=library, poi=poi)
    neighbour_group = group_with_meetings(trajectory, library=neighbour, poi=poi)
    far_group = group_with_meetings(trajectory, library=far, poi=other_poi)
    member = staff_user(library, Role.FRONT_DESK)
    colleague = staff_user(library, Role.FRONT_DESK)
    return {
        "poi": poi,
        "library": library,
        "trajectory": trajectory,
        "group": group,
        "neighbour_group": neighbour_group,
        "far_group": far_group,
        "leader": staff_user(library, Role.TEAM_LEADER),
        "neighbour_leader": staff_user(neighbour, Role.TEAM_LEADER),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "far_adviser": staff_user(other_poi, Role.POI_ADVISER),
        "member": member,
        "colleague": colleague,
        "me": ParticipantFactory(group=group, user=member, name="Mila Balie"),
        "other": ParticipantFactory(group=group, user=colleague, name="Olaf Collega"),
        "neighbour_p": ParticipantFactory(group=neighbour_group, name="Nina Buur"),
        "far_p": ParticipantFactory(group=far_group, name="Fenna Ver"),
    }


def get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(f"learning:{name}", args=args))


# --- Who sees whose progress ----------------------------------------------------------------


def test_staff_member_sees_own_progress_only(client, net):
    response = get(client, net["member"], "my-progress")
    assert response.status_code == 200
    assert net["trajectory"].name in response.content.decode()
    assert get(client, net["member"], "participant-detail", net["me"].pk).status_code == 200
    # Their own library's groups and colleagues: not for their role (403, not hidden).
    assert get(client, net["member"], "participant-detail", net["other"].pk).status_code == 403
    assert get(client, net["member"], "group-detail", net["group"].pk).status_code == 403
    # Another library's: not found.
    assert get(client, net["member"], "group-detail", net["far_group"].pk).status_code == 404
    assert "Olaf" not in get(client, net["member"], "group-list").content.decode()


def test_team_leader_sees_own_library_only(client, net):
    page = get(client, net["leader"], "group-detail", net["group"].pk).content.decode()
    assert "Mila Balie" in page and "Olaf Collega" in page
    assert get(client, net["leader"], "participant-detail", net["other"].pk).status_code == 200
    for name in ("neighbour_p", "far_p"):
        assert get(client, net["leader"], "participant-detail", net[name].pk).status_code == 404
    assert get(client, net["leader"], "group-detail", net["neighbour_group"].pk).status_code == 404
    listing = get(client, net["leader"], "group-list").content.decode()
    assert net["group"].name in listing and net["neighbour_group"].name not in listing


def test_poi_adviser_sees_region_only(client, net):
    adviser = net["adviser"]
    assert get(client, adviser, "participant-detail", net["me"].pk).status_code == 200
    assert get(client, adviser, "participant-detail", net["neighbour_p"].pk).status_code == 200
    assert get(client, adviser, "participant-detail", net["far_p"].pk).status_code == 404
    assert get(client, adviser, "group-detail", net["far_group"].pk).status_code == 404
    far = net["far_adviser"]
    assert get(client, far, "participant-detail", net["me"].pk).status_code == 404
    assert get(client, far, "participant-detail", net["far_p"].pk).status_code == 200


def test_certificate_pdf_only_for_those_who_may_see_the_participant(client, net):
    certificate = Certificate.objects.create(
        participant=net["me"],
        trajectory=net["trajectory"],
        holder_name="Mila Balie",
        trajectory_name=net["trajectory"].name,
        issuer_name="KB",
        issued_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
    )
    response = get(client, net["member"], "certificate-pdf", certificate.pk)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert get(client, net["leader"], "certificate-pdf", certificate.pk).status_code == 200
    assert get(client, net["colleague"], "certificate-pdf", certificate.pk).status_code == 403
    assert (
        get(client, net["neighbour_leader"], "certificate-pdf", certificate.pk).status_code == 404
    )


def test_front_desk_member_cannot_register_attendance(client, net):
    meeting = net["group"].meetings.first()
    client.force_login(net["member"])
    response = client.post(
        reverse("learning:attendance", args=[meeting.pk]), {f"status-{net['me'].pk}": "present"}
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_neighbour_leader_cannot_register_attendance(client, net):
    meeting = net["group"].meetings.first()
    client.force_login(net["neighbour_leader"])
    response = client.post(
        reverse("learning:attendance", args=[meeting.pk]), {f"status-{net['me'].pk}": "present"}
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_anonymous_goes_to_login(client, net):
    response = client.get(reverse("learning:group-detail", args=[net["group"].pk]))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


# --- From sign-up to certificate ------------------------------------------------------------


def test_sign_up_accept_and_run_to_certificate(client, net):
    leader, adviser = net["leader"], net["adviser"]
    trajectory = net["trajectory"]
    client.force_login(leader)
    response = client.post(
        reverse("learning:trajectory-detail", args=[trajectory.pk]),
        {"library": net["library"].pk, "poi": net["poi"].pk, "preferred_start": "2026-02-02"},
    )
    group = Group.objects.exclude(pk__in=[net["group"].pk]).get(library=net["library"])
    assert response.status_code == 302
    assert group.state == GroupState.REQUESTED and group.price == trajectory.price_per_group
    # The leader cannot accept their own sign-up.
    assert client.get(reverse("learning:group-accept", args=[group.pk])).status_code == 403

    client.force_login(adviser)
    response = client.post(
        reverse("learning:group-accept", args=[group.pk]),
        {"first_date": "2026-02-02", "first_time": "19:00"},
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.state == GroupState.PLANNED
    assert group.meetings.count() == 4

    client.force_login(leader)
    response = client.post(
        reverse("learning:participant-add", args=[group.pk]),
        {"name": "Ada Nieuw", "role": "baliemedewerker", "joined_on": "2026-01-15"},
    )
    assert response.status_code == 302
    participant = Participant.objects.get(group=group, name="Ada Nieuw")
    for module in trajectory.components.filter(kind=ComponentKind.MODULE):
        response = client.post(
            reverse("learning:participant-detail", args=[participant.pk]),
            {"component": module.pk, "completed_on": "2026-02-10"},
        )
        assert response.status_code == 302
    for meeting in list(group.meetings.all())[:3]:
        response = client.post(
            reverse("learning:attendance", args=[meeting.pk]),
            {f"status-{participant.pk}": "present"},
        )
        assert response.status_code == 302
    group.refresh_from_db()
    assert group.state == GroupState.RUNNING
    certificate = Certificate.objects.get(participant=participant)
    page = client.get(reverse("learning:participant-detail", args=[participant.pk]))
    assert certificate.code in page.content.decode()


def test_attendance_register_shows_only_counted_participants(client, net):
    group = net["group"]
    second = list(group.meetings.all())[1]
    late = ParticipantFactory(group=group, name="Laura Laat", joined_on=second.starts_at.date())
    client.force_login(net["leader"])
    first_page = client.get(reverse("learning:attendance", args=[group.meetings.first().pk]))
    assert "Laura Laat" not in first_page.content.decode()
    second_page = client.get(reverse("learning:attendance", args=[second.pk]))
    assert "Laura Laat" in second_page.content.decode()
    assert f'name="status-{late.pk}"' in second_page.content.decode()


def test_attendance_rejects_unknown_status(client, net):
    meeting = net["group"].meetings.first()
    client.force_login(net["leader"])
    response = client.post(
        reverse("learning:attendance", args=[meeting.pk]), {f"status-{net['me'].pk}": "weg"}
    )
    assert response.status_code == 200
    assert "Controleer wat je hebt ingevuld" in response.content.decode()
    assert not Attendance.objects.exists()


def test_participant_records_own_module(client, net):
    module = net["trajectory"].components.filter(kind=ComponentKind.MODULE).first()
    client.force_login(net["member"])
    response = client.post(
        reverse("learning:participant-detail", args=[net["me"].pk]),
        {"component": module.pk, "completed_on": "2026-02-10"},
    )
    assert response.status_code == 302
    completion = ModuleCompletion.objects.get(participant=net["me"])
    assert completion.source == "self"


def test_future_completion_date_is_refused(client, net):
    module = net["trajectory"].components.filter(kind=ComponentKind.MODULE).first()
    client.force_login(net["member"])
    response = client.post(
        reverse("learning:participant-detail", args=[net["me"].pk]),
        {"component": module.pk, "completed_on": "2999-01-01"},
    )
    assert response.status_code == 200
    assert "toekomst" in response.content.decode()
    assert not ModuleCompletion.objects.exists()


# --- CSV import -----------------------------------------------------------------------------


def upload(client, user, group, text: str, encoding="utf-8"):
    client.force_login(user)
    file = io.BytesIO(text.encode(encoding))
    file.name = "export.csv"
    return client.post(reverse("learning:import", args=[group.pk]), {"file": file})


def test_import_stores_all_rows(client, net):
    text = (
        "naam;module;datum\n"
        "Mila Balie;E-learning 1;2026-02-10\n"
        "olaf collega;E-learning 2;11-02-2026\n"
    )
    response = upload(client, net["leader"], net["group"], text)
    assert response.status_code == 302
    assert ModuleCompletion.objects.filter(source="import").count() == 2


def test_import_with_unknown_names_or_bad_dates_reports_each_row_and_stores_nothing(client, net):
    text = (
        "naam,module,datum\n"
        "Mila Balie,E-learning 1,2026-02-10\n"
        "Onbekende Persoon,E-learning 1,2026-02-10\n"
        "Olaf Collega,E-learning 2,31-02-2026\n"
        "Nina Buur,E-learning 2,2026-02-10\n"
    )
    response = upload(client, net["leader"], net["group"], text)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Regel 3: de naam “Onbekende Persoon” kennen we niet in deze groep." in page
    assert "Regel 4: de datum “31-02-2026” klopt niet." in page
    # Another library's participant is unknown in this group, too.
    assert "Regel 5: de naam “Nina Buur”" in page
    assert "Er is niets opgeslagen" in page
    assert not ModuleCompletion.objects.exists()


def test_import_without_needed_columns(client, net):
    response = upload(client, net["leader"], net["group"], "wie;wat\nx;y\n")
    assert "De kolom “naam” ontbreekt" in response.content.decode()
    assert not ModuleCompletion.objects.exists()


def test_import_by_other_library_is_refused(client, net):
    response = upload(client, net["neighbour_leader"], net["group"], "naam;module;datum\n")
    assert response.status_code == 404


# --- Verification ---------------------------------------------------------------------------


def test_verify_confirms_real_code_and_rejects_made_up(client, net):
    certificate = Certificate.objects.create(
        participant=net["me"],
        trajectory=net["trajectory"],
        holder_name="Mila Balie",
        trajectory_name=net["trajectory"].name,
        issuer_name="Koninklijke Bibliotheek",
        issued_at=datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC),
    )
    response = client.get(reverse("learning:verify"), {"code": certificate.code.lower()})
    page = response.content.decode()
    assert "Dit certificaat is geldig" in page
    assert net["trajectory"].name in page and "Koninklijke Bibliotheek" in page
    assert "Mila" not in page  # the holder's name is never shown
    response = client.get(reverse("learning:verify"), {"code": "ABCD-EFGH-JKMN"})
    page = response.content.decode()
    assert "Niet gevonden" in page and "geldig" not in page.lower().split("niet gevonden")[1][:50]
    # A verifier with the paper can check the name without the page revealing it.
    response = client.get(
        reverse("learning:verify"), {"code": certificate.code, "name": "mila  balie"}
    )
    assert "De naam klopt." in response.content.decode()
    response = client.get(reverse("learning:verify"), {"code": certificate.code, "name": "Iemand"})
    assert "De naam klopt niet" in response.content.decode()


def test_verify_page_without_code(client):
    response = client.get(reverse("learning:verify"))
    assert response.status_code == 200
    assert "Certificaat controleren" in response.content.decode()


# --- Overviews ------------------------------------------------------------------------------


def test_overviews_hide_small_counts_above_a_library(client, net):
    client.force_login(net["adviser"])
    page = client.get(reverse("learning:overview")).content.decode()
    assert "&lt;5" in page  # two participants in the group: hidden
    client.force_login(net["leader"])
    page = client.get(reverse("learning:overview")).content.decode()
    assert "Jouw bibliotheek" in page
    assert "Regio van de POI" not in page


def test_overview_refused_for_front_desk(client, net):
    assert get(client, net["member"], "overview").status_code == 403


def test_overview_cost_per_participant(net):
    from ontwikkelplein.learning import selectors

    for index in range(3):
        ParticipantFactory(group=net["group"], name=f"Extra {index}")
    rows = selectors.group_figures(Group.objects.filter(pk=net["group"].pk), "library")
    assert rows[0].n_participants == 5
    assert str(rows[0].cost_per_participant) == "1125.00"  # 5625 / 5


def test_verify_with_empty_code_explains(client):
    response = client.get(reverse("learning:verify"), {"code": ""})
    page = response.content.decode()
    assert "Controleer wat je hebt ingevuld" in page
    assert 'href="#id_code"' in page
    assert "opgeslagen" not in page


def test_group_page_shows_unreachable_right_after_the_second_absence(client, net):
    group, me = net["group"], net["me"]
    client.force_login(net["leader"])
    first, second = list(group.meetings.all())[:2]
    client.post(reverse("learning:attendance", args=[first.pk]), {f"status-{me.pk}": "absent"})
    page = client.get(reverse("learning:group-detail", args=[group.pk])).content.decode()
    assert "Loopt risico" in page and "Haalt de aanwezigheidseis niet meer" not in page
    client.post(reverse("learning:attendance", args=[second.pk]), {f"status-{me.pk}": "excused"})
    page = client.get(reverse("learning:group-detail", args=[group.pk])).content.decode()
    assert "Haalt de aanwezigheidseis niet meer" in page


def test_kb_admin_sees_national_aggregates_but_no_participants(client, net):
    from ontwikkelplein.organisations.models import OrganisationKind

    kb_admin = staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN)
    page = get(client, kb_admin, "overview").content.decode()
    assert "Heel Nederland" in page and net["poi"].name in page
    assert "Mila Balie" not in page
    # The KB reads the whole network, so it is told "not for you" (403) rather than "not found".
    assert get(client, kb_admin, "participant-detail", net["me"].pk).status_code == 403
    assert get(client, kb_admin, "group-detail", net["group"].pk).status_code == 403
    assert (
        "Mila Balie" not in get(client, kb_admin, "group-detail", net["group"].pk).content.decode()
    )


def test_participant_writes_own_learning_question(client, net):
    client.force_login(net["member"])
    url = reverse("learning:own-question", args=[net["me"].pk])
    response = client.post(url, {"text": "Hoe help ik iemand met DigiD?"})
    assert response.status_code == 302
    question = net["group"].questions.get()
    assert question.participant == net["me"]
    page = get(client, net["member"], "participant-detail", net["me"].pk).content.decode()
    assert "Hoe help ik iemand met DigiD?" in page
    response = client.post(url, {"text": ""})
    assert "Controleer wat je hebt ingevuld" in response.content.decode()
    # Not for someone else's participant record, not even the team leader's.
    client.force_login(net["leader"])
    assert client.post(url, {"text": "X"}).status_code == 403
    client.force_login(net["far_adviser"])
    assert client.post(url, {"text": "X"}).status_code == 404
    assert net["group"].questions.count() == 1
