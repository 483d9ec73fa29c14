"""The staff shell in a real browser: every demo role (manage.py load_demo) logs in and follows
every link of its menus on a phone (390x844) and a desktop (1366x900); no link answers 403 or
404 and axe-core finds nothing. On a phone the menu is folded and opens by keyboard, without
JavaScript too; the attendance registers fit a 320 px wide phone."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, past_session
from ontwikkelplein.learning.tests.factories import ParticipantFactory, group_with_meetings
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests.browser.helpers import assert_no_axe_violations, login

DEMO_PASSWORD = "ontwikkelplein-demo"
WIDE = {"width": 1366, "height": 900}
SUB_MENUS = "nav.op-referral-nav a, nav.op-learning-nav a"
# The Django admin has its own layout (and its own accessibility); the crawl only checks that
# its link answers.
OUTSIDE_THE_SITE = ("/beheer/django/",)


def _hrefs(page, selector) -> list[str]:
    return page.eval_on_selector_all(selector, "links => links.map(a => a.getAttribute('href'))")


def _crawl(page, role: str, viewport: str, checked: set) -> set[str]:
    """Follows every link of the main menu and of the sub-menus met on the way. Every page
    must answer; axe runs once per page and viewport (the first role to reach it): the pages
    differ per role mostly in their numbers, and each role's landing page is checked apart."""
    main = ".op-staff-menu--narrow a" if viewport == "phone" else ".op-staff-menu--wide a"
    queue = _hrefs(page, main)
    assert queue, f"{role}: no menu"
    seen = set()
    while queue:
        href = queue.pop(0)
        if href in seen:
            continue
        seen.add(href)
        response = page.goto(href)
        assert response.status < 400, f"{role} ({viewport}): {href} answers {response.status}"
        if href.startswith(OUTSIDE_THE_SITE):
            continue
        if (href, viewport) not in checked:
            checked.add((href, viewport))
            assert_no_axe_violations(page, what=f"{href} as {role} ({viewport})")
        queue += [h for h in _hrefs(page, SUB_MENUS) if h not in seen]
    return seen


def test_every_demo_role_follows_every_link_of_its_menus(new_page):
    from ontwikkelplein.demo.services import demo_logins

    call_command("load_demo", stdout=io.StringIO())
    users = get_user_model().objects
    checked = set()
    for row in demo_logins():
        user = users.get(username=row["username"])
        for viewport in ("phone", "desktop"):
            page = new_page(viewport)
            if viewport == "desktop":
                page.set_viewport_size(WIDE)
            login(page, user, DEMO_PASSWORD)
            assert_no_axe_violations(page, what=f"landing page of {user.username} ({viewport})")
            seen = _crawl(page, user.username, viewport, checked)
            assert reverse("core:staff-home") in seen
            page.context.close()


def test_the_menu_is_folded_on_a_phone_and_opens_by_keyboard(new_page):
    user = staff_user(role=Role.SPECIALIST)
    page = new_page("phone")
    login(page, user)
    page.goto(reverse("core:staff-home"))
    summary = page.locator(".op-staff-menu__summary")
    first_link = page.locator(".op-staff-menu--narrow a").first
    expect(summary).to_be_visible()
    assert not first_link.is_visible()
    assert not page.locator(".op-staff-menu--wide").is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    expect(first_link).to_be_visible()
    assert_no_axe_violations(page, what="phone menu opened")
    page.set_viewport_size(WIDE)
    assert not summary.is_visible()
    expect(page.locator(".op-staff-menu--wide a").first).to_be_visible()


def test_the_phone_menu_opens_without_javascript(new_page):
    user = staff_user(role=Role.FRONT_DESK)
    page = new_page("phone", javascript=False)
    login(page, user)
    page.goto(reverse("core:staff-home"))
    desk_link = page.locator(".op-staff-menu--narrow").get_by_role("link", name="Balie")
    assert not desk_link.is_visible()
    page.locator(".op-staff-menu__summary").click()
    expect(desk_link).to_be_visible()
    desk_link.click()
    page.wait_for_url("**/balie/")


def _fits(page, width: int, what: str) -> None:
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"{what}: the page is {overflow}px wide on a {width}px screen"
    for label in page.locator(".op-register__choice").all():
        box = label.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{what}: a choice sticks out"
        assert box["height"] >= 44, f"{what}: a choice is too small to hit"


def test_the_attendance_registers_fit_a_narrow_phone(new_page):
    run = RunFactory(capacity=5)
    enrol_person(run, name="Wilhelmina van Oldenbarnevelt-Zuylestein")
    session = past_session(run, days_ago=0)
    group = group_with_meetings()
    ParticipantFactory(group=group, name="Zonder Script")
    page = new_page("phone")
    login(page, staff_user(run.organisation, Role.SPECIALIST))
    leader = staff_user(group.library, Role.TEAM_LEADER)
    for width in (320, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(reverse("courses:staff-register", args=[session.pk]))
        _fits(page, width, f"course register at {width}px")
        assert_no_axe_violations(page, what=f"course register at {width}px")
    page.context.clear_cookies()
    login(page, leader)
    meeting = group.meetings.first()
    for width in (320, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(reverse("learning:attendance", args=[meeting.pk]))
        _fits(page, width, f"learning attendance at {width}px")
        assert_no_axe_violations(page, what=f"learning attendance at {width}px")
