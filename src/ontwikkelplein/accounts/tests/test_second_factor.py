"""The second factor over HTTP: enrolment with a QR code and recovery codes, the verification step,
recovery codes used once, the gate per role and setting, a KB-beheerder's reset (403 for others),
and one's own management."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontwikkelplein.accounts import services
from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

ENROL = reverse("accounts:second-factor-enrol")
VERIFY = reverse("accounts:second-factor-verify")
HOME = reverse("core:staff-home")
Kind = SecurityEvent.Kind


def code_for(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def required(settings):
    settings.ONTWIKKELPLEIN_REQUIRE_2FA = True
    return settings


@pytest.fixture
def library():
    return OrganisationFactory()


@pytest.fixture
def kb():
    return OrganisationFactory(kind=OrganisationKind.KB, name="KB")


def enrolled(user) -> list[str]:
    device = services.start_enrolment(user)
    codes = services.confirm_enrolment(user, device, code_for(device))
    # The app's code of this half minute is spent; let the test use it again to sign in.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return codes


# --- The gate -------------------------------------------------------------------------------------


def test_a_required_role_without_a_factor_is_sent_to_set_one_up(client, required, library):
    user = staff_user(library, Role.FRONT_DESK)
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fbeheer%2F"


@pytest.mark.parametrize(
    "path",
    ["/i18n/setlang/", "/account/uitloggen/", "/account/tweestapsverificatie/instellen/"],
)
def test_the_gate_leaves_sign_out_language_and_the_factor_pages_open(
    client, required, library, path
):
    client.force_login(staff_user(library, Role.SPECIALIST))
    response = client.post(path, {"language": "en"})
    assert not response.get("Location", "").startswith(ENROL)


def test_a_poi_adviser_needs_no_factor_by_default(client, required):
    poi = PoiFactory()
    client.force_login(staff_user(poi, Role.POI_ADVISER))
    assert client.get(HOME).status_code == 200


def test_the_roles_are_a_setting(client, required, library):
    required.ONTWIKKELPLEIN_2FA_ROLES = ["kb_admin"]
    client.force_login(staff_user(library, Role.SPECIALIST))
    assert client.get(HOME).status_code == 200


def test_who_may_open_the_django_admin_always_needs_a_factor(client, required):
    required.ONTWIKKELPLEIN_2FA_ROLES = []
    client.force_login(staff_user(PoiFactory(), Role.POI_ADVISER, is_staff=True))
    assert client.get(HOME)["Location"].startswith(ENROL)


def test_without_the_setting_the_demo_logins_need_no_factor(client, library):
    client.force_login(staff_user(library, Role.SPECIALIST))
    assert client.get(HOME).status_code == 200


def test_who_has_a_factor_always_passes_it_even_when_not_required(client, library):
    user = staff_user(library, Role.SPECIALIST)
    enrolled(user)
    client.force_login(user)
    assert client.get(HOME)["Location"] == f"{VERIFY}?next=%2Fbeheer%2F"


def test_an_htmx_request_is_redirected_by_header(client, required, library):
    client.force_login(staff_user(library, Role.SPECIALIST))
    response = client.get(HOME, HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"].startswith(ENROL)


def test_the_production_settings_require_it_and_development_does_not():
    from ontwikkelplein.conf import base

    assert base.ONTWIKKELPLEIN_REQUIRE_2FA is True
    source = __import__("pathlib").Path(base.__file__).with_name("development.py").read_text()
    assert (
        'ONTWIKKELPLEIN_REQUIRE_2FA = env.bool("ONTWIKKELPLEIN_REQUIRE_2FA", default=False)'
        in source
    )


# --- Enrolment ----------------------------------------------------------------------------------


def test_enrolment_shows_a_qr_code_and_the_key_without_script_or_style(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    client.force_login(user)
    response = client.get(ENROL)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="op-qr op-qr--enrol" role="img"' in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "otpauth://" not in page or device.config_url  # the QR holds it, the page need not
    secret_groups = re.search(r'<code class="op-secret">([^<]+)</code>', page).group(1)
    import base64

    assert secret_groups.replace(" ", "") == base64.b32encode(device.bin_key).decode().rstrip("=")
    assert "<script>" not in page.replace("<script src=", "") and "style=" not in page
    # Reloading keeps the same secret.
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_wrong_code_is_refused_in_dutch(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    client.force_login(user)
    client.get(ENROL)
    response = client.post(ENROL, {"token": "000000"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert not services.has_factor(user)


def test_enrolment_confirms_the_app_and_shows_recovery_codes_once(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    client.force_login(user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"token": code_for(device), "next": "/beheer/cursussen/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:recovery-codes"))
    assert services.has_factor(user)
    assert SecurityEvent.objects.filter(kind=Kind.FACTOR_ENROLLED, actor=user).exists()
    page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z0-9 ]+)</code></li>", page)
    assert len(codes) == 10
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert {c.replace(" ", "") for c in codes} == stored
    download = client.get(reverse("accounts:recovery-codes-download"))
    assert download["Content-Disposition"].startswith("attachment")
    assert codes[0] in download.content.decode()
    done = client.post(reverse("accounts:recovery-codes-done"), {"next": "/beheer/cursussen/"})
    assert done["Location"] == "/beheer/cursussen/"
    # Shown once: gone from the page afterwards.
    assert codes[0] not in client.get(reverse("accounts:recovery-codes")).content.decode()
    # Verified in this session: the staff pages open.
    assert client.get(HOME).status_code == 200


# --- Verification -------------------------------------------------------------------------------


def sign_in(client, user):
    response = client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": "geheim-wachtwoord-123"},
        REMOTE_ADDR="192.0.2.5",
    )
    assert response.status_code == 302
    return response


def test_signing_in_asks_for_the_code_and_then_goes_on(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    enrolled(user)
    sign_in(client, user)
    response = client.get(HOME)
    assert response["Location"] == f"{VERIFY}?next=%2Fbeheer%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Code invullen" in page.content.decode()
    wrong = client.post(VERIFY, {"token": "123456", "next": "/beheer/"})
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    assert client.get(HOME).status_code == 302
    device = TOTPDevice.objects.get(user=user)
    device.throttle_reset()
    ok = client.post(VERIFY, {"token": code_for(device), "next": "/beheer/"})
    assert ok["Location"] == "/beheer/"
    assert client.get(HOME).status_code == 200
    kinds = list(SecurityEvent.objects.filter(actor=user).values_list("kind", flat=True))
    assert Kind.FACTOR_FAILED in kinds and Kind.FACTOR_VERIFIED in kinds


def test_next_must_stay_on_the_site(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    enrolled(user)
    sign_in(client, user)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(VERIFY, {"token": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("desk:start")


def test_a_recovery_code_works_once(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    codes = enrolled(user)
    sign_in(client, user)
    typed = f"{codes[0][:5].upper()}-{codes[0][5:]}"  # as printed, in capitals
    response = client.post(VERIFY, {"token": typed, "next": "/beheer/"})
    assert response["Location"] == "/beheer/"
    assert SecurityEvent.objects.get(kind=Kind.RECOVERY_CODE_USED).detail == {"codes_left": 9}
    client.post(reverse("accounts:logout"))
    sign_in(client, user)
    again = client.post(VERIFY, {"token": codes[0], "next": "/beheer/"})
    assert again.status_code == 400
    StaticDevice.objects.get(user=user).throttle_reset()  # a wrong code makes one wait a moment
    assert client.post(VERIFY, {"token": codes[1]})["Location"] == reverse("desk:start")


def test_the_verify_page_sends_someone_without_a_factor_to_set_one_up(client, required, library):
    client.force_login(staff_user(library, Role.SPECIALIST))
    assert client.get(VERIFY)["Location"].startswith(ENROL)


# --- Own management -----------------------------------------------------------------------------


def verified_client(client, user):
    sign_in(client, user)
    device = TOTPDevice.objects.get(user=user)
    client.post(VERIFY, {"token": code_for(device)})
    assert client.get(HOME).status_code == 200
    return client


def test_the_security_page_shows_the_state_and_renews_codes(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    old = enrolled(user)
    verified_client(client, user)
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Staat aan sinds" in page and "nog 10 herstelcodes" in page
    response = client.post(reverse("accounts:recovery-codes-renew"))
    assert response["Location"] == reverse("accounts:recovery-codes")
    new = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new) == 10 and not new & set(old)
    assert SecurityEvent.objects.filter(kind=Kind.RECOVERY_CODES_RENEWED, actor=user).exists()


def test_removing_ones_own_factor_leads_to_a_new_one_when_required(client, required, library):
    user = staff_user(library, Role.SPECIALIST)
    enrolled(user)
    verified_client(client, user)
    remove = reverse("accounts:second-factor-remove")
    assert client.get(remove).status_code == 200
    response = client.post(remove)
    assert response["Location"] == ENROL
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    event = SecurityEvent.objects.get(kind=Kind.FACTOR_REMOVED)
    assert event.actor_id == user.pk and event.subject_id == user.pk
    assert client.get(HOME)["Location"].startswith(ENROL)


# --- Reset by a KB-beheerder --------------------------------------------------------------------


def test_a_kb_beheerder_resets_a_colleagues_factor(client, library, kb):
    colleague = staff_user(library, Role.SPECIALIST)
    enrolled(colleague)
    admin = staff_user(kb, Role.KB_ADMIN)
    client.force_login(admin)
    listing = client.get(reverse("accounts:factor-list"), {"zoek": colleague.username})
    assert listing.status_code == 200
    url = reverse("accounts:factor-reset", kwargs={"pk": colleague.pk})
    assert url in listing.content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response["Location"] == reverse("accounts:factor-list")
    assert not services.has_factor(colleague)
    assert services.recovery_codes_left(colleague) == 0
    event = SecurityEvent.objects.get(kind=Kind.FACTOR_RESET)
    assert event.actor_id == admin.pk and event.subject_id == colleague.pk


@pytest.mark.parametrize(
    "role", [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF]
)
def test_nobody_else_may_reset_a_factor(client, library, role):
    colleague = staff_user(library, Role.SPECIALIST)
    enrolled(colleague)
    client.force_login(staff_user(library, role))
    url = reverse("accounts:factor-reset", kwargs={"pk": colleague.pk})
    assert client.post(url).status_code == 403
    assert client.get(reverse("accounts:factor-list")).status_code == 403
    assert services.has_factor(colleague)


def test_the_poi_adviser_and_anonymous_may_not_reset_either(client, library):
    colleague = staff_user(library, Role.SPECIALIST)
    enrolled(colleague)
    url = reverse("accounts:factor-reset", kwargs={"pk": colleague.pk})
    assert client.post(url)["Location"].startswith(reverse("accounts:login"))
    client.force_login(staff_user(PoiFactory(), Role.POI_ADVISER))
    assert client.post(url).status_code == 403
    assert services.has_factor(colleague)


def test_a_reset_of_an_unknown_user_is_404(client, kb):
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    assert client.post(reverse("accounts:factor-reset", kwargs={"pk": 999999})).status_code == 404


def test_a_user_without_a_membership_gets_403(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:factor-list")).status_code == 403
