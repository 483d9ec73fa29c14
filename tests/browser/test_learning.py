"""A learning group in a real browser, from the team leader's sign-up to the certificate, and the
public verification page accepting the real code and rejecting a made-up one. axe-core runs on
every page of the flow."""

import re

from playwright.sync_api import expect

from ontwikkelplein.learning.models import Certificate
from ontwikkelplein.learning.tests.factories import trajectory_with
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from tests.browser.helpers import assert_no_axe_violations, login, path_of


def checked(page, what):
    assert_no_axe_violations(page, what=what)


def test_group_from_sign_up_to_certificate_and_verification(new_page):
    municipality = MunicipalityFactory(province=province("Utrecht"))
    library = OrganisationFactory(name="Bibliotheek Leerstad", municipalities=[municipality])
    poi = PoiFactory(name="POI Leerland", provinces=[province("Utrecht")])
    trajectory = trajectory_with(
        modules=2,
        meetings=4,
        name="De publieksservice en de educatief maatschappelijke Bibliotheek",
    )
    leader = staff_user(library, Role.TEAM_LEADER, username="teamleider-leer")
    adviser = staff_user(poi, Role.POI_ADVISER, username="adviseur-leer")
    employee = staff_user(library, Role.FRONT_DESK, username="balie-leer", first_name="Ada")

    # The team leader signs the library up.
    page = new_page("desktop")
    login(page, leader)
    page.goto("/beheer/leren/")
    checked(page, "trajectory list")
    page.get_by_role("link", name=trajectory.name).click()
    checked(page, "trajectory detail with sign-up form")
    page.get_by_label("Gewenste startdatum").fill("2026-02-02")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("De aanmelding is verstuurd")).to_be_visible()
    group_url = path_of(page)
    assert re.fullmatch(r"/beheer/leren/groepen/[0-9a-f-]{36}/", group_url)
    checked(page, "group page, requested")

    # The POI adviser accepts and plans it (and first forgets the date).
    poi_page = new_page("desktop")
    login(poi_page, adviser)
    poi_page.goto("/beheer/leren/groepen/")
    checked(poi_page, "group list with sign-up to accept")
    poi_page.get_by_role("link", name=re.compile("accepteren en plannen")).click()
    checked(poi_page, "accept form")
    poi_page.get_by_label("Datum van de eerste bijeenkomst").fill("")
    poi_page.get_by_role("button", name="Accepteren en plannen").click()
    expect(poi_page.locator("#foutmeldingen")).to_be_visible()
    checked(poi_page, "accept form with an error")
    poi_page.get_by_label("Datum van de eerste bijeenkomst").fill("2026-02-02")
    poi_page.get_by_role("button", name="Accepteren en plannen").click()
    expect(poi_page.get_by_text("De groep is geaccepteerd")).to_be_visible()
    checked(poi_page, "group page, planned (POI)")
    poi_page.goto("/beheer/leren/overzicht/")
    checked(poi_page, "overview of the POI region")

    # The team leader adds a participant with an account.
    page.goto(group_url)
    page.get_by_role("link", name="Deelnemer toevoegen").click()
    checked(page, "add participant")
    page.get_by_label("Naam").fill("Ada Balie")
    page.get_by_label("Doet mee vanaf").fill("2026-01-15")
    page.get_by_label("Account van de collega").select_option(
        label=f"{employee.get_full_name()} ({employee.username})"
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("De deelnemer is toegevoegd")).to_be_visible()
    checked(page, "group page with a participant")

    # Learning questions at the kick-off.
    page.get_by_role("link", name=re.compile("leervragen? bekijken")).click()
    page.get_by_label("Leervraag").fill("Hoe verwijs ik iemand door naar het digiTaalhuis?")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("De leervraag is opgeslagen")).to_be_visible()
    checked(page, "learning questions")

    # The employee records the e-learnings herself.
    own = new_page("phone")
    login(own, employee)
    own.goto("/beheer/leren/mijn-voortgang/")
    checked(own, "my progress (phone)")
    own.get_by_role("link", name=trajectory.name).click()
    checked(own, "own participant page (phone)")
    for module in ("E-learning 1", "E-learning 2"):
        own.get_by_role("combobox", name=re.compile("^Onderdeel")).select_option(label=module)
        own.get_by_label("Afgerond op").fill("2026-02-10")
        own.get_by_role("button", name="Opslaan", exact=True).click()
        expect(own.get_by_text("Het onderdeel is afgerond")).to_be_visible()
    own.get_by_label("Leervraag").fill("Wat doet het IDO precies?")
    own.get_by_role("button", name="Leervraag opslaan").click()
    expect(own.get_by_text("Je leervraag is opgeslagen")).to_be_visible()
    checked(own, "own participant page after a learning question (phone)")

    # The team leader registers three of the four meetings: the third meets 75%.
    page.goto(group_url)
    for index in range(3):
        page.get_by_role("link", name=f"Aanwezigheid van Bijeenkomst {index + 1}").click()
        if index == 0:
            checked(page, "attendance register")
        page.get_by_role("group", name="Ada Balie").get_by_label("Aanwezig", exact=True).check()
        page.get_by_role("button", name="Aanwezigheid opslaan").click()
        expect(page.get_by_text("De aanwezigheid is opgeslagen")).to_be_visible()
    expect(page.get_by_text("Ada Balie heeft het certificaat gehaald")).to_be_visible()
    checked(page, "group page after the certificate")
    page.goto("/beheer/leren/groepen/" + group_url.split("/")[-2] + "/import/")
    checked(page, "CSV import")
    page.goto("/beheer/leren/overzicht/")
    checked(page, "overview of the library")

    certificate = Certificate.objects.get(participant__name="Ada Balie")
    own.goto("/beheer/leren/mijn-voortgang/")
    checked(own, "my progress with certificate (phone)")
    own.get_by_role("link", name=trajectory.name, exact=True).click()
    expect(own.get_by_text(certificate.code)).to_be_visible()
    checked(own, "own participant page with certificate (phone)")
    pdf = own.request.get(f"/beheer/leren/certificaten/{certificate.pk}/pdf/")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # Anyone verifies the code; a made-up code is not found. Without JavaScript too.
    public = new_page("phone")
    public.goto("/certificaat/")
    checked(public, "verification page")
    public.get_by_label("Code van het certificaat").fill(certificate.code.lower().replace("-", " "))
    public.get_by_role("button", name="Controleren").click()
    expect(public.get_by_role("heading", name="Dit certificaat is geldig")).to_be_visible()
    expect(public.get_by_text(trajectory.name)).to_be_visible()
    assert "Ada" not in public.locator("main").inner_text()
    checked(public, "verification: valid")
    public.get_by_label("Code van het certificaat").fill("ABCD-EFGH-JKMN")
    public.get_by_role("button", name="Controleren").click()
    expect(public.get_by_role("heading", name="Niet gevonden")).to_be_visible()
    checked(public, "verification: not found")

    nojs = new_page("desktop", javascript=False)
    nojs.goto(f"/certificaat/?code={certificate.code}")
    expect(nojs.get_by_role("heading", name="Dit certificaat is geldig")).to_be_visible()


def test_attendance_register_works_without_javascript(new_page):
    from ontwikkelplein.learning.tests.factories import ParticipantFactory, group_with_meetings

    group = group_with_meetings()
    participant = ParticipantFactory(group=group, name="Zonder Script")
    leader = staff_user(group.library, Role.TEAM_LEADER, username="teamleider-nojs")
    page = new_page("desktop", javascript=False)
    login(page, leader)
    meeting = group.meetings.first()
    page.goto(f"/beheer/leren/bijeenkomsten/{meeting.pk}/aanwezigheid/")
    page.get_by_role("group", name="Zonder Script").get_by_label("Afwezig met bericht").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("De aanwezigheid is opgeslagen")).to_be_visible()
    assert participant.attendances.get().status == "excused"


def test_knowledge_events_and_theme_group_pages(new_page):
    import datetime

    from django.utils import timezone

    from ontwikkelplein.learning.models import EventKind, KnowledgeEvent, ThemeGroup

    poi = PoiFactory(name="POI Kennisland")
    group = ThemeGroup.objects.create(name="Themagroep Taal", organiser=poi)
    KnowledgeEvent.objects.create(
        title="Themagroep Taal: voorjaar",
        kind=EventKind.THEME_GROUP,
        organiser=poi,
        theme_group=group,
        starts_at=timezone.now() - datetime.timedelta(days=60),
    )
    KnowledgeEvent.objects.create(
        title="Webinar digitale inclusie",
        kind=EventKind.WEBINAR,
        organiser=poi,
        starts_at=timezone.now() + datetime.timedelta(days=14),
        capacity=1,
    )
    specialist = staff_user(OrganisationFactory(), Role.SPECIALIST, username="specialist-kennis")
    page = new_page("phone")
    login(page, specialist)
    page.goto("/beheer/leren/kennisdelen/")
    checked(page, "knowledge calendar (phone)")
    page.get_by_role("link", name="Webinar digitale inclusie").click()
    checked(page, "event detail")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Je bent aangemeld.", exact=True).first).to_be_visible()
    checked(page, "event detail, signed up")
    page.goto("/beheer/leren/kennisdelen/")
    page.get_by_role("link", name="Themagroep Taal", exact=True).click()
    page.get_by_role("button", name="Lid worden").click()
    expect(page.get_by_text("Themagroep Taal: voorjaar")).to_be_visible()
    checked(page, "theme group with members and history")

    adviser = staff_user(poi, Role.POI_ADVISER, username="adviseur-kennis")
    organiser = new_page("desktop")
    login(organiser, adviser)
    organiser.goto("/beheer/leren/kennisdelen/nieuw/")
    organiser.get_by_role("button", name="Opslaan").click()
    expect(organiser.locator("#foutmeldingen")).to_be_visible()
    checked(organiser, "event form with errors")
