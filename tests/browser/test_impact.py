"""Impact questionnaires in the browser: a participant fills in the "voor" and the "na"
questionnaire on a phone (and once without JavaScript), a code cannot be used twice, and the
run's result shows the paired change. axe-core on every page of the flow."""

from playwright.sync_api import expect

from ontwikkelplein.impact import services
from ontwikkelplein.impact.models import Response
from ontwikkelplein.impact.tests.factories import RunFactory, measure, pairs
from ontwikkelplein.organisations.tests.factories import staff_user
from tests.browser.helpers import assert_no_axe_violations, login, path_of


def answer_all(page, choice: str, satisfaction: str = "Ja") -> None:
    """Ticks `choice` in every question (skill items) and "Ja" for the others."""
    for group in page.locator("fieldset.op-impact-question").all():
        labels = group.locator("label")
        target = labels.filter(has_text=choice)
        if target.count() == 0:
            target = labels.filter(has_text=satisfaction)
        target.first.check()


def test_participant_before_and_after_and_the_paired_change(new_page):
    run = RunFactory()
    measure(run, "e-overheid", "e-overheid")
    # Five other participants did both; this one makes six pairs.
    pairs(run, 5, before_yes=False, after_yes=True)
    (card,) = services.make_cards(run, 1)

    phone = new_page("phone")
    phone.goto("/vragenlijst/")
    assert_no_axe_violations(phone, what="code entry")
    phone.get_by_label("Code van je kaart").fill(services.format_code(card.before).lower())
    phone.get_by_role("button", name="Naar de vragen").click()
    assert phone.get_by_role("heading", level=1).inner_text().startswith("E-overheid")
    assert_no_axe_violations(phone, what="questionnaire before")

    # Sent without answers: an error summary linked to the first question; nothing stored.
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.locator("#foutmeldingen")).to_be_visible()
    assert_no_axe_violations(phone, what="questionnaire with errors")
    assert Response.objects.count() == 10

    answer_all(phone, "Nog niet", satisfaction="Nee")
    phone.get_by_role("button", name="Versturen").click()
    assert path_of(phone) == "/vragenlijst/bedankt/"
    expect(phone.get_by_text("Bewaar je kaart")).to_be_visible()
    assert_no_axe_violations(phone, what="thanks")

    # The same link again: a clear answer, nothing changes.
    phone.goto(f"/vragenlijst/{card.before}/")
    expect(phone.get_by_role("heading", name="Deze code is al gebruikt")).to_be_visible()
    assert_no_axe_violations(phone, what="code used")
    assert Response.objects.count() == 11

    # After the course: the "na" code, on a computer without JavaScript.
    nojs = new_page("desktop", javascript=False)
    nojs.goto(f"/vragenlijst/{card.after}/")
    expect(nojs.get_by_text("Wat vond je van de cursus?")).to_be_visible()
    answer_all(nojs, "Ik kan dit zelf")
    nojs.get_by_role("button", name="Versturen").click()
    assert path_of(nojs) == "/vragenlijst/bedankt/"
    assert Response.objects.count() == 12

    # The teacher sees the paired change for the run (six pairs, all went from "nog niet"
    # to "ik kan dit zelf").
    desk = new_page("desktop")
    login(desk, staff_user(run.organisation))
    desk.goto(f"/beheer/impact/uitvoering/{run.pk}/")
    table = desk.get_by_role(
        "table", name="E-overheid: deel dat 'ja' of 'ik kan dit zelf' antwoordt"
    )
    row = table.get_by_role("row", name="Ik kan inloggen met DigiD.")
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells == ["0%", "100%", "0%", "100%", "+100 %-punt", "100%"]
    expect(desk.get_by_text("Paren (voor én na, met dezelfde kaart): 6.")).to_be_visible()
    assert_no_axe_violations(desk, what="run results")

    desk.goto("/beheer/impact/")
    assert_no_axe_violations(desk, what="impact overview")
    desk.goto("/beheer/impact/vragenlijst/e-overheid/na/afdrukken/")
    assert_no_axe_violations(desk, what="printable questionnaire")


def test_staff_make_cards_and_a_story(page):
    run = RunFactory()
    measure(run)
    login(page, staff_user(run.organisation))
    page.goto(f"/beheer/impact/uitvoering/{run.pk}/")
    assert_no_axe_violations(page, what="run page")

    page.locator("#id_text").fill("Bel mevrouw De Vries op 06-12345678.")
    page.get_by_label("De deelnemer vindt het goed").check()
    page.get_by_role("button", name="Verhaal opslaan").click()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    assert_no_axe_violations(page, what="story refused")
    page.locator("#id_text").fill("Na de cursus belde ze zelf de gemeente.")
    page.get_by_label("De deelnemer vindt het goed").check()
    page.get_by_role("button", name="Verhaal opslaan").click()
    expect(page.get_by_text("Het verhaal is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Na de cursus belde ze zelf de gemeente.")).to_be_visible()

    page.locator("#id_count").fill("2")
    page.get_by_role("button", name="Kaarten maken").click()
    assert page.locator(".op-impact-card").count() == 2
    assert_no_axe_violations(page, what="cards")

    # The same cards as a PDF download, from the same form (works without JavaScript too).
    page.goto(f"/beheer/impact/uitvoering/{run.pk}/")
    page.locator("#id_count").fill("3")
    with page.expect_download() as download:
        page.get_by_role("button", name="Kaarten als PDF").click()
    assert download.value.suggested_filename.startswith("kaarten-")
    assert download.value.path().read_bytes()[:5] == b"%PDF-"


def test_kb_admin_edits_a_standard_questionnaire(page):
    from ontwikkelplein.organisations.models import Role
    from ontwikkelplein.organisations.tests.factories import OrganisationFactory

    login(page, staff_user(OrganisationFactory(kind="kb"), Role.KB_ADMIN))
    page.goto("/beheer/impact/")
    page.get_by_role("link", name="Standaardvragenlijsten aanpassen").click()
    assert_no_axe_violations(page, what="question sets")
    page.get_by_role("link", name="E-overheid").click()
    assert_no_axe_violations(page, what="question set edit")
    page.locator("#id_vraag-0-text").fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    assert_no_axe_violations(page, what="question set with errors")
    page.locator("#id_vraag-0-text").fill("Ik kan zelf inloggen met DigiD.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De vragenlijst is opgeslagen.")).to_be_visible()
