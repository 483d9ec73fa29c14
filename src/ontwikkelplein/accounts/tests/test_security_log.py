"""The security log: append-only, deleted only by its retention task (registered with the
scheduled tasks), written by API keys and exports of personal data, and readable on a paginated,
filtered page by KB-beheerders only."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ontwikkelplein.accounts import services
from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.apikeys.services import create_api_key, revoke_api_key
from ontwikkelplein.core.net import truncated_ip
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.notifications import scheduled
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

Kind = SecurityEvent.Kind
LOG = reverse("accounts:security-log")


@pytest.fixture
def kb_admin():
    return staff_user(OrganisationFactory(kind=OrganisationKind.KB, name="KB"), Role.KB_ADMIN)


# --- Append-only and retention ------------------------------------------------------------------


def test_a_stored_event_cannot_be_changed_or_deleted():
    event = services.record_event(Kind.SIGN_IN, actor=UserFactory())
    event.kind = Kind.SIGN_OUT
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        SecurityEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        SecurityEvent.objects.update(kind=Kind.SIGN_OUT)
    assert SecurityEvent.objects.get().kind == Kind.SIGN_IN


def test_a_deleted_account_keeps_its_history():
    user = UserFactory()
    services.record_event(Kind.SIGN_IN, actor=user)
    user_id = user.pk
    user.delete()
    assert SecurityEvent.objects.get().actor_id == user_id


def test_retention_deletes_only_old_events(settings):
    settings.SECURITY_LOG_RETENTION_DAYS = 365
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=366)):
        services.record_event(Kind.SIGN_IN)
    with time_machine.travel(now - datetime.timedelta(days=364)):
        services.record_event(Kind.SIGN_OUT)
    assert services.purge_security_log(now=now) == 1
    assert list(SecurityEvent.objects.values_list("kind", flat=True)) == [Kind.SIGN_OUT]


def test_retention_runs_with_the_scheduled_tasks(settings):
    settings.SECURITY_LOG_RETENTION_DAYS = 30
    with time_machine.travel(timezone.now() - datetime.timedelta(days=31)):
        services.record_event(Kind.SIGN_IN)
    assert "security_log_retention" in [task.name for task in scheduled.tasks()]
    call_command("run_scheduled_tasks", "--only", "security_log_retention")
    assert not SecurityEvent.objects.exists()


def test_the_address_is_truncated():
    assert truncated_ip("192.0.2.123") == "192.0.2.0"
    assert truncated_ip("2001:db8:abcd:12:1:2:3:4") == "2001:db8:abcd::"
    assert truncated_ip("geen adres") == "" and truncated_ip(None) == ""


def test_the_admin_is_read_only(client, kb_admin):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    event = services.record_event(Kind.SIGN_IN, actor=superuser)
    client.force_login(superuser)
    assert client.get(reverse("admin:accounts_securityevent_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_securityevent_add")).status_code == 403
    response = client.post(reverse("admin:accounts_securityevent_delete", args=[event.pk]))
    assert response.status_code == 403
    assert SecurityEvent.objects.filter(pk=event.pk).exists()


# --- What writes to it --------------------------------------------------------------------------


def test_api_keys_made_and_revoked_are_logged(kb_admin):
    organisation = OrganisationFactory()
    api_key, plain = create_api_key(
        organisation=organisation, scopes=["contacts:write"], created_by=kb_admin
    )
    revoke_api_key(api_key, revoked_by=kb_admin)
    revoke_api_key(api_key, revoked_by=kb_admin)  # idempotent: logged once
    made = SecurityEvent.objects.get(kind=Kind.API_KEY_CREATED)
    assert made.actor == kb_admin and made.organisation == organisation
    assert made.detail["prefix"] == api_key.prefix and plain not in str(made.detail)
    revoked = SecurityEvent.objects.get(kind=Kind.API_KEY_REVOKED)
    assert revoked.detail == {"api_key": str(api_key.pk), "prefix": api_key.prefix}


def test_the_referral_export_of_a_person_is_logged(client):
    library = OrganisationFactory()
    specialist = staff_user(library, Role.SPECIALIST)
    referral = ReferralFactory(sender_organisation=library)
    client.force_login(specialist)
    url = reverse("referrals:staff-person-export", kwargs={"pk": referral.pk})
    client.post(url, {"confirm": "on"}, REMOTE_ADDR="192.0.2.44")
    event = SecurityEvent.objects.get(kind=Kind.PERSONAL_DATA_EXPORTED)
    assert event.actor == specialist and event.organisation == library
    assert event.ip_network == "192.0.2.0"
    assert event.detail == {"export": "referral-person", "referral": str(referral.pk)}


def test_the_enrolment_pdf_is_logged(client):
    run = RunFactory()
    enrolment, _token = enrol_person(run, name="Fatima Jansen")
    user = staff_user(run.organisation, Role.FRONT_DESK)
    client.force_login(user)
    client.get(reverse("courses:staff-enrolment-pdf", args=[enrolment.pk]))
    event = SecurityEvent.objects.get(kind=Kind.PERSONAL_DATA_EXPORTED)
    assert event.actor == user and "Fatima" not in str(event.detail)


# --- The page -------------------------------------------------------------------------------------


def test_the_log_page_filters_and_pages(client, kb_admin):
    user = staff_user(role=Role.SPECIALIST, username="sanne")
    for _ in range(55):
        services.record_event(Kind.SIGN_IN_FAILED, actor=user)
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        services.record_event(Kind.FACTOR_RESET, actor=kb_admin, subject=user)
    client.force_login(kb_admin)  # itself a sign-in in the log
    page = client.get(LOG)
    assert page.status_code == 200
    html = page.content.decode()
    assert "57 gebeurtenissen" in html and "Pagina 1 van 2" in html
    assert "Beveiligingslogboek" in html
    second = client.get(LOG, {"pagina": 2}).content.decode()
    assert "Pagina 2 van 2" in second
    by_kind = client.get(LOG, {"soort": Kind.FACTOR_RESET}).content.decode()
    assert "1 gebeurtenis" in by_kind and "sanne" in by_kind
    by_user = client.get(LOG, {"gebruiker": "SANNE"}).content.decode()
    assert "56 gebeurtenissen" in by_user and "soort=" not in by_user.split("pagina=2")[0][-5:]
    by_date = client.get(LOG, {"van": "2026-01-05", "tot": "2026-01-05"}).content.decode()
    assert "1 gebeurtenis" in by_date


@pytest.mark.parametrize(
    "params",
    [
        {"soort": "onzin"},
        {"van": "2026-13-45"},
        {"van": "2026-02-01", "tot": "2026-01-01"},
        {"pagina": "999"},
        {"gebruiker": "x" * 500},
    ],
)
def test_bad_filters_never_break_the_page(client, kb_admin, params):
    client.force_login(kb_admin)
    response = client.get(LOG, params)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "role", [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF]
)
def test_only_kb_beheerders_read_the_log(client, role):
    client.force_login(staff_user(role=role))
    assert client.get(LOG).status_code == 403


def test_the_poi_adviser_and_anonymous_do_not_read_the_log(client):
    assert client.get(LOG)["Location"].startswith(reverse("accounts:login"))
    client.force_login(staff_user(PoiFactory(), Role.POI_ADVISER))
    assert client.get(LOG).status_code == 403


def test_the_menu_shows_the_security_pages_to_kb_beheerders_only(client, kb_admin):
    client.force_login(kb_admin)
    html = client.get(reverse("core:staff-home")).content.decode()
    assert LOG in html and reverse("accounts:factor-list") in html
    client.force_login(staff_user(role=Role.TEAM_LEADER))
    html = client.get(reverse("core:staff-home")).content.decode()
    assert LOG not in html and reverse("accounts:factor-list") not in html
    assert reverse("accounts:security") in html  # everyone's own page, in the header


@hypothesis_settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["soort", "gebruiker", "van", "tot", "pagina", "zoek"]),
        st.text(max_size=40),
        max_size=4,
    )
)
def test_any_filter_gives_a_page_never_an_error(client, kb_admin, params):
    client.force_login(kb_admin)
    for url in (LOG, reverse("accounts:factor-list")):
        assert client.get(url, params).status_code == 200
