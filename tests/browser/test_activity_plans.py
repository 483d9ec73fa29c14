"""Draaiboeken in a real browser: a specialist works a plan by keyboard only on a phone and a
wide screen (open it, add a task '1 week voor', tick one off, see the overdue one), axe-core
clean on every page including a form with errors; without JavaScript a national template is
copied into a new plan; the POI adviser's figures page is axe-clean."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontwikkelplein.activityplans.tests.factories import ActivityPlanFactory, PlanTaskFactory
from ontwikkelplein.catalogue.tests.factories import theme
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    municipality = MunicipalityFactory(province=utrecht)
    library = OrganisationFactory(name="Bibliotheek Taalstad", municipalities=[municipality])
    LocationFactory(organisation=library, municipality=municipality, name="Centrale bibliotheek")
    specialist = staff_user(library, Role.SPECIALIST, first_name="Sanne", last_name="de Vries")
    plan = ActivityPlanFactory(
        organisation=library,
        title="Voorleesmiddag in de wijk",
        starts_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    plan.themes.set([theme("kinderen-lezen-en-cultuur")])
    PlanTaskFactory(plan=plan, title="Poster maken", offset_days=-21, owner=specialist)
    PlanTaskFactory(plan=plan, title="Boeken klaarzetten", offset_days=-2)
    return {
        "library": library,
        "plan": plan,
        "specialist": specialist,
        "adviser": staff_user(PoiFactory(provinces=[utrecht]), Role.POI_ADVISER),
    }


def fits(page, width):
    assert_fits(page, width)


def press_on(page, locator):
    locator.focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_a_plan_by_keyboard(new_page, world, viewport, width):
    page = new_page(viewport)
    login(page, world["specialist"])
    page.goto("/beheer/draaiboeken/")
    expect(page.get_by_text("1 taak te laat")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the list of plans")

    press_on(page, page.get_by_role("link", name="Voorleesmiddag in de wijk"))
    expect(page.get_by_role("heading", level=1, name="Voorleesmiddag in de wijk")).to_be_visible()
    overdue = page.locator(".op-task--overdue")
    expect(overdue).to_contain_text("Poster maken")
    expect(overdue).to_contain_text("te laat")
    fits(page, width)
    assert_no_axe_violations(page, what="a plan")

    # Add a task one week before, by keyboard: open the disclosure, fill in, press Enter.
    press_on(page, page.get_by_text("Taak toevoegen", exact=True))
    page.locator("#taak_title").focus()
    page.keyboard.type("Bericht voor de wijkkrant")
    page.locator("#taak_amount").fill("")
    page.locator("#taak_amount").focus()
    page.keyboard.type("1")
    page.locator("#taak_unit").select_option("weeks")
    page.locator("#taak_direction").select_option("before")
    page.locator("#taak_is_promotion").focus()
    page.keyboard.press("Space")
    page.locator("#taak_amount").focus()
    page.keyboard.press("Enter")
    task = page.locator(".op-task", has_text="Bericht voor de wijkkrant")
    expect(task).to_contain_text("1 week voor")
    expect(task).to_contain_text("promotie")

    # Tick off the overdue task: it no longer stands out.
    poster = page.locator(".op-task", has_text="Poster maken")
    press_on(page, poster.get_by_role("button", name="Afvinken"))
    expect(page.locator(".op-task--overdue")).to_have_count(0)
    expect(poster.get_by_role("button", name="Weer openzetten")).to_be_visible()
    assert_no_axe_violations(page, what="a plan after ticking off")

    # A form with an error: the summary links to the field.
    page.goto(f"/beheer/draaiboeken/{world['plan'].pk}/taken/")
    page.locator("#id_title").fill("Iets")
    page.locator("#id_amount").fill("60")  # weeks: 420 days
    page.locator("#id_amount").press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("hoogstens een jaar")
    fits(page, width)
    assert_no_axe_violations(page, what="the task form with an error")


def test_a_national_template_becomes_a_plan_without_javascript(new_page, world):
    page = new_page("desktop", javascript=False)
    login(page, world["specialist"])
    page.goto("/beheer/draaiboeken/")
    page.get_by_role("link", name="Klik & Tik-reeks").click()
    expect(page.get_by_text("Landelijk voorbeeld")).to_be_visible()
    page.get_by_role("link", name="Gebruik dit sjabloon").click()
    page.locator("#id_starts_on").fill("2027-03-02")
    page.get_by_role("button", name="Kopie maken").click()
    expect(page.get_by_role("heading", level=1, name="Klik & Tik-reeks")).to_be_visible()
    expect(page.get_by_text("Reeks of programma · Bibliotheek Taalstad")).to_be_visible()
    # "4 weken voor" 2 March 2027 is 2 February 2027.
    expect(page.locator(".op-task", has_text="Computers of tablets reserveren")).to_contain_text(
        "2 februari 2027"
    )
    page.get_by_role("link", name="Bewerken").click()
    page.locator("#id_title").fill("Klik & Tik in de Kruiskamp")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1, name="Klik & Tik in de Kruiskamp")).to_be_visible()


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_the_poi_figures(new_page, world, viewport, width):
    page = new_page(viewport)
    login(page, world["adviser"])
    page.goto("/beheer/draaiboeken/cijfers/")
    table = page.get_by_role("table", name="Per bibliotheek")
    expect(table.get_by_role("rowheader", name="Bibliotheek Taalstad")).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the figures of plans")
