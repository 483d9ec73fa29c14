"""In-app notifications and the referral figures in a real browser: axe-core finds zero
violations on the notifications page and on the figures page (library and POI view); marking a
notification read works without JavaScript and updates the count in the staff menu."""

import datetime

import pytest
from playwright.sync_api import expect

from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.referrals.models import Outcome, ReceiverKind, Source, Status
from ontwikkelplein.referrals.tests.test_figures import Net, at, many, referral
from tests.browser.helpers import assert_no_axe_violations, login

VIEWPORTS = ["phone", "desktop"]
JUNE = "periode=maand&datum=2026-06-10"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_notifications_page_has_no_axe_violations(new_page, viewport):
    net = Net()
    notifications.notify([net.eemland_staff], "Oude melding zonder link")
    notifications.notify(
        [net.eemland_staff], "Nieuwe doorverwijzing ABCD-EFGH", url="/beheer/doorverwijzingen/"
    )
    page = new_page(viewport)
    login(page, net.eemland_staff)
    response = page.goto("/beheer/meldingen/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    if viewport == "phone":  # the staff menu is folded on a phone
        page.locator(".op-staff-menu__summary").click()
    expect(page.get_by_role("link", name="Meldingen 2 ongelezen")).to_have_attribute(
        "aria-current", "page"
    )
    assert_no_axe_violations(page, what=f"notifications page ({viewport})")


def test_marking_read_works_without_javascript(nojs_page):
    net = Net()
    notifications.notify([net.eemland_staff], "Eerste melding")
    notifications.notify([net.eemland_staff], "Tweede melding")
    page = nojs_page
    login(page, net.eemland_staff)
    page.goto("/beheer/meldingen/")
    second = page.locator("li.op-notification", has_text="Tweede melding")
    with page.expect_navigation():
        second.get_by_role("button", name="Markeer als gelezen").click()
    expect(page.get_by_text("De melding is gemarkeerd als gelezen.")).to_be_visible()
    expect(page.get_by_role("link", name="Meldingen 1 ongelezen")).to_be_visible()
    expect(second.get_by_role("button")).to_have_count(0)
    expect(page.locator("li", has_text="Eerste melding").get_by_role("button")).to_have_count(1)
    with page.expect_navigation():
        page.get_by_role("button", name="Markeer alles als gelezen").click()
    expect(page.get_by_role("link", name="Meldingen", exact=True)).to_be_visible()
    expect(page.get_by_text("Je hebt 0 ongelezen meldingen.")).to_be_visible()


def build_referrals(net):
    """June 2026: Eemland received 7 (some closed, one contacted), Utrecht 2; Eemland sent 3."""
    day = datetime.date(2026, 6, 1)
    many(4, net.eemland, day, source=Source.DESK, kind=ReceiverKind.COLLEAGUE, role="taalhuis")
    many(
        2,
        net.eemland,
        day,
        source=Source.RESIDENT,
        kind=ReceiverKind.OFFER,
        status=Status.CLOSED,
        outcome=Outcome.HELPED,
        closed_at=at(day, 15),
    )
    referral(net.eemland, day, status=Status.CONTACTED, first_contact_at=at(day, 14))
    many(2, net.utrecht, day, sender=net.welzijn, source=Source.PARTNER_SYSTEM)
    many(3, net.welzijn, day, sender=net.eemland)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_library_figures_have_no_axe_violations(new_page, viewport):
    net = Net()
    build_referrals(net)
    page = new_page(viewport)
    login(page, net.eemland_staff)
    response = page.goto(f"/beheer/doorverwijzingen/cijfers/?{JUNE}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers van de doorverwijzingen")
    sources = page.locator("table", has=page.locator("caption", has_text="Per bron"))
    expect(sources.locator("tbody tr", has_text="Balie").locator("td").first).to_have_text("4")
    assert_no_axe_violations(page, what=f"referral figures, library, received ({viewport})")

    page.get_by_role("link", name="Verstuurde doorverwijzingen").click()
    expect(page.get_by_role("link", name="Verstuurde doorverwijzingen")).to_have_attribute(
        "aria-current", "page"
    )
    assert_no_axe_violations(page, what=f"referral figures, library, sent ({viewport})")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_poi_figures_have_no_axe_violations(new_page, viewport):
    net = Net()
    build_referrals(net)
    page = new_page(viewport)
    login(page, net.adviser)
    response = page.goto(f"/beheer/doorverwijzingen/cijfers/?{JUNE}")
    assert response.status == 200
    expect(page.get_by_text("nooit losse gegevens van mensen")).to_be_visible()
    receivers = page.locator(
        "table", has=page.locator("caption", has_text="Per ontvangende organisatie")
    )
    expect(receivers.locator("tbody tr", has_text="Bieb Utrecht").locator("td").first).to_have_text(
        "<5"
    )
    assert_no_axe_violations(page, what=f"referral figures, POI ({viewport})")


def test_the_period_form_works_without_javascript(nojs_page):
    net = Net()
    build_referrals(net)
    page = nojs_page
    login(page, net.eemland_staff)
    page.goto(f"/beheer/doorverwijzingen/cijfers/?{JUNE}")
    page.get_by_label("Periode", exact=True).select_option("jaar")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon cijfers").click()
    assert "periode=jaar" in page.url
    expect(page.locator(".op-lead")).to_contain_text("2026")
