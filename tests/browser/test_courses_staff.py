"""Courses, staff side: enrolling a visitor without e-mail at the desk (with a printable
confirmation), and a teacher registering attendance for 15 people on a phone. axe-core must
report zero violations on every page of these flows."""

import re

from playwright.sync_api import expect

from ontwikkelplein.courses.models import Attendance, Enrolment, EnrolmentStatus
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, past_session
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests.browser.helpers import assert_no_axe_violations, login


def test_staff_enrol_visitor_without_email_and_print_confirmation(page):
    run = RunFactory(capacity=8)
    desk = staff_user(run.organisation, Role.FRONT_DESK)
    login(page, desk)

    page.goto(f"/beheer/cursussen/{run.pk}/")
    assert_no_axe_violations(page, what="run page")
    page.get_by_role("link", name="Iemand aanmelden aan de balie").click()
    assert_no_axe_violations(page, what="desk enrolment form")

    # Without the consent tick: a clear answer, nothing stored.
    page.get_by_label("Naam").fill("Henk de Boer")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert "toestemming" in page.get_by_role("alert").inner_text().lower()
    assert_no_axe_violations(page, what="desk enrolment form with errors")
    assert Enrolment.objects.count() == 0

    page.get_by_label("Telefoonnummer").fill("06 1234 5678")
    page.get_by_label(re.compile("geeft toestemming")).check()
    page.get_by_role("button", name="Aanmelden").click()

    enrolment = Enrolment.objects.get()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    assert enrolment.person.email == ""
    page.wait_for_url(f"**/beheer/cursussen/inschrijving/{enrolment.pk}/bevestiging/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bevestiging van je aanmelding"
    assert enrolment.reference in page.content()
    assert_no_axe_violations(page, what="printable confirmation")

    # On paper: the menus, the print button and the back link are not printed.
    page.emulate_media(media="print")
    assert not page.locator(".op-header").is_visible()
    assert not page.get_by_role("button", name="Printen").is_visible()
    expect(page.get_by_text(enrolment.reference)).to_be_visible()
    page.emulate_media(media="screen")

    page.goto(f"/beheer/cursussen/{run.pk}/")
    assert "Henk de Boer" in page.content()


def test_teacher_registers_attendance_for_fifteen_on_a_phone(new_page):
    run = RunFactory(capacity=20)
    people = [enrol_person(run, name=f"Deelnemer {i:02d}")[0] for i in range(15)]
    session = past_session(run, days_ago=0)
    teacher = staff_user(run.organisation, Role.FRONT_DESK)

    page = new_page("phone")
    login(page, teacher)
    page.goto(f"/beheer/cursussen/bijeenkomst/{session.pk}/presentielijst/")
    assert_no_axe_violations(page, what="attendance register (phone)")

    # Targets are large enough to hit with a thumb.
    for label in page.get_by_role("group", name="Deelnemer 00").locator("label").all():
        box = label.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44

    for i in range(15):
        group = page.get_by_role("group", name=f"Deelnemer {i:02d}")
        choice = "Afwezig" if i == 3 else ("Afgemeld" if i == 7 else "Aanwezig")
        group.get_by_text(choice, exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert "Aanwezigheid opgeslagen voor 15 deelnemers" in page.content()
    assert_no_axe_violations(page, what="attendance register after saving")

    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "status"))
    assert len(marks) == 15
    assert marks[people[3].pk] == "absent"
    assert marks[people[7].pk] == "excused"
    assert sum(1 for status in marks.values() if status == "present") == 13


def test_register_works_without_javascript(new_page):
    run = RunFactory(capacity=5)
    people = [enrol_person(run, name=f"Lid {i}")[0] for i in range(3)]
    session = past_session(run, days_ago=1)
    page = new_page("phone", javascript=False)
    login(page, staff_user(run.organisation))
    page.goto(f"/beheer/cursussen/bijeenkomst/{session.pk}/presentielijst/")
    for person in people:
        page.locator(f'input[name="mark-{person.pk}"][value="present"]').check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert Attendance.objects.filter(session=session, status="present").count() == 3


def test_planning_pages_have_no_axe_violations(page):
    run = RunFactory(capacity=8)
    enrol_person(run, name="Anna de Vries")
    past = past_session(run, days_ago=3)
    specialist = staff_user(run.organisation, Role.SPECIALIST)
    login(page, specialist)

    page.goto("/beheer/cursussen/")
    assert_no_axe_violations(page, what="run list")
    page.get_by_role("link", name="Nieuwe uitvoering").click()
    assert_no_axe_violations(page, what="new run form")
    page.get_by_label("Aantal plaatsen").fill("0")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page, what="new run form with errors")

    page.goto(f"/beheer/cursussen/{run.pk}/bijeenkomsten/")
    assert_no_axe_violations(page, what="sessions page")
    page.locator("#id_los-date").fill(past.date.isoformat())
    page.locator("#id_los-start_time").fill("10:00")
    page.locator("#id_los-end_time").fill("12:00")
    page.get_by_role("button", name="Bijeenkomst toevoegen").click()
    assert "al voorbij" in page.get_by_role("alert").inner_text()
    assert_no_axe_violations(page, what="sessions page with errors")

    for path, what in [
        (f"/beheer/cursussen/{run.pk}/", "run page (specialist)"),
        (f"/beheer/cursussen/{run.pk}/bewerken/", "edit run"),
        (f"/beheer/cursussen/{run.pk}/begeleiders/", "helpers"),
        (f"/beheer/cursussen/{run.pk}/annuleren/", "cancel run"),
        ("/beheer/cursussen/bereik/", "reach figures"),
    ]:
        page.goto(path)
        assert_no_axe_violations(page, what=what)
