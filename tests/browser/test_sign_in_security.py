"""Two-step verification in a real browser: setting it up from the QR code page, keeping the
recovery codes and signing in again with one, on a phone and a desktop with axe-core finding no
violations, and the same flow without JavaScript."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from tests.browser.helpers import assert_no_axe_violations, login


@pytest.fixture
def required(browser_settings):
    browser_settings.ONTWIKKELPLEIN_REQUIRE_2FA = True
    return browser_settings


def app_code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def set_up_and_keep_codes(page, user, *, check_axe: str = "") -> list[str]:
    login(page, user)
    assert "/account/tweestapsverificatie/instellen/" in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(
        page.get_by_role(
            "img", name="QR-code om Ontwikkelplein aan je authenticator-app toe te voegen"
        )
    ).to_be_visible()
    if check_axe:
        assert_no_axe_violations(page, what=f"set-up page ({check_axe})")
    # A wrong code first: the error summary names the field.
    page.get_by_label("Code uit de app").fill("000000")
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code klopt niet")
    if check_axe:
        assert_no_axe_violations(page, what=f"set-up page with an error ({check_axe})")
    page.wait_for_timeout(1100)  # after a wrong code django-otp makes one wait a second
    page.get_by_label("Code uit de app").fill(app_code(user))
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Herstelcodes")
    codes = page.locator(".op-recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z0-9]{5} [a-z0-9]{5}", c) for c in codes)
    if check_axe:
        assert_no_axe_violations(page, what=f"recovery codes ({check_axe})")
    with page.expect_navigation():
        page.get_by_role("button", name="Ik heb de codes bewaard").click()
    return codes


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen", exact=True).click()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_setting_up_and_using_two_step_verification(new_page, required, viewport):
    user = staff_user(OrganisationFactory(), Role.SPECIALIST)
    page = new_page(viewport)
    codes = set_up_and_keep_codes(page, user, check_axe=viewport)
    assert "/account/tweestapsverificatie/" not in page.url
    sign_out(page)

    login(page, user)
    assert "/account/tweestapsverificatie/controleren/" in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    assert_no_axe_violations(page, what=f"verify page ({viewport})")
    page.get_by_label("Code").fill(codes[0].upper())
    with page.expect_navigation():
        page.get_by_role("button", name="Doorgaan").click()
    expect(page.get_by_text("Je hebt een herstelcode gebruikt; je hebt er nog 9.")).to_be_visible()
    assert "/account/" not in page.url

    page.goto("/account/beveiliging/")
    expect(page.get_by_text("Je hebt nog 9 herstelcodes.")).to_be_visible()
    assert_no_axe_violations(page, what=f"own security page ({viewport})")


def test_the_flow_works_without_javascript(nojs_page, required):
    user = staff_user(OrganisationFactory(), Role.FRONT_DESK)
    page = nojs_page
    codes = set_up_and_keep_codes(page, user)
    sign_out(page)
    login(page, user)
    page.get_by_label("Code").fill(codes[3])
    with page.expect_navigation():
        page.get_by_role("button", name="Doorgaan").click()
    assert "/account/" not in page.url
