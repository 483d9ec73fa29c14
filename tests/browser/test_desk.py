"""The desk screen in a real browser: the common case in at most three actions by mouse, touch and
keyboard; a three-question contact by keyboard only; registrations made while the server cannot
be reached arrive once it can, exactly once; axe-core finds nothing on the screen (phone and
desktop, also with errors); and the screen works without JavaScript."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from ontwikkelplein.desk.models import Contact, DailyCount, Topic
from ontwikkelplein.desk.tests.factories import ContactFactory, desk_user, question
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from tests.browser.helpers import active_element, assert_no_axe_violations, login, tab_until

SCREEN = "/balie/"
FAVOURITE = "button[name=favoriet]"


class Actions:
    """Counts what a person does: each navigation, click, tap and key press is one action."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def goto(self, url):
        self.count += 1
        return self.page.goto(url)

    def click(self, locator):
        self.count += 1
        locator.click()

    def tap(self, locator):
        self.count += 1
        locator.tap()

    def press(self, key):
        self.count += 1
        self.page.keyboard.press(key)


@pytest.fixture
def desk():
    library = OrganisationFactory(name="Bibliotheek Eemland (balie)")
    eemhuis = LocationFactory(organisation=library, name="Bibliotheek Eemhuis")
    LocationFactory(organisation=library, name="Bibliotheek Vathorst")
    return {"user": desk_user(library), "eemhuis": eemhuis}


def favourite(page, label):
    return page.locator(FAVOURITE).filter(
        has=page.locator(".op-desk__favourite-label", has_text=re.compile(f"^{label}$"))
    )


def expect_registered(page, text="DigiD aanvragen"):
    confirmation = page.locator("#balie-bevestiging")
    expect(confirmation).to_contain_text("Geregistreerd:")
    expect(confirmation).to_contain_text(text)
    expect(confirmation.get_by_role("button", name="Ongedaan maken")).to_be_visible()
    expect(confirmation.get_by_role("link", name="Aanpassen")).to_be_visible()


def digid_contacts():
    return Contact.objects.filter(questions__topic__code="digid-aanvragen", is_removed=False)


# --- The common case: one DigiD question at the desk, helped on the spot ---


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no javascript"])
def test_the_common_case_by_mouse_takes_two_actions(new_page, desk, javascript):
    page = new_page("desktop", javascript=javascript)
    login(page, desk["user"])
    actions = Actions(page)

    actions.goto(SCREEN)
    actions.click(favourite(page, "DigiD aanvragen"))

    expect_registered(page)
    assert actions.count <= 3
    contact = digid_contacts().get()
    assert (contact.location, contact.channel) == (desk["eemhuis"], "desk")
    assert contact.questions.get().help_types == ["digital_contact"]


def test_the_common_case_by_touch_takes_two_taps(phone_page, desk):
    login(phone_page, desk["user"])
    actions = Actions(phone_page)

    actions.goto(SCREEN)
    actions.tap(favourite(phone_page, "DigiD aanvragen"))

    expect_registered(phone_page)
    assert actions.count <= 3
    assert digid_contacts().count() == 1


def test_the_common_case_by_keyboard_takes_two_actions(page, desk):
    login(page, desk["user"])
    actions = Actions(page)

    actions.goto(SCREEN)
    # The screen opens with the focus on the first favourite (autofocus, applied after load).
    page.wait_for_function("() => document.activeElement?.value === 'digid-aanvragen'")
    actions.press("Enter")

    expect_registered(page)
    assert actions.count <= 3
    assert digid_contacts().count() == 1
    # The focus stays there: the next visitor with the same question is one Enter away.
    assert active_element(page)["value"] == "digid-aanvragen"
    page.wait_for_timeout(1100)  # a second press within a second is taken for a double click
    actions.press("Enter")
    expect(page.locator("#balie-vandaag li")).to_have_count(2)
    assert digid_contacts().count() == 2


def test_a_double_click_registers_once(page, desk):
    login(page, desk["user"])
    page.goto(SCREEN)
    favourite(page, "DigiD aanvragen").dblclick()
    expect_registered(page)
    page.wait_for_timeout(300)
    assert digid_contacts().count() == 1


def test_undo_removes_what_was_just_registered(page, desk):
    login(page, desk["user"])
    page.goto(SCREEN)
    favourite(page, "Toeslagen").click()
    expect_registered(page, "Toeslagen")
    page.locator("#balie-bevestiging").get_by_role("button", name="Ongedaan maken").click()
    expect(page.get_by_text("De registratie is verwijderd.")).to_be_visible()
    assert Contact.objects.get().is_removed
    assert DailyCount.objects.count() == 0


# --- A visitor with three questions, by keyboard only ---


def focus_name(name):
    return lambda element: element["name"] == name


def test_three_questions_by_keyboard_only(page, desk):
    login(page, desk["user"])
    page.goto(SCREEN)
    keyboard = page.keyboard

    # Question 1: digital government, UWV, uitkering en werk, helped on the spot.
    tab_until(page, focus_name("vraag-0-category"))
    keyboard.press("Space")
    tab_until(page, focus_name("vraag-0-agency"))
    keyboard.type("UWV")
    tab_until(page, focus_name("vraag-0-topic"))
    keyboard.type("Uitkering")
    element = tab_until(page, focus_name("vraag-0-help_types"))
    assert element["value"] == "digital_contact"
    keyboard.press("Space")
    add = tab_until(page, lambda e: e["text"] == "Nog een vraag toevoegen")
    assert add["tag"] == "button"
    keyboard.press("Enter")

    # Question 2: the library; the new block has the focus.
    element = active_element(page)
    assert element["name"] == "vraag-1-category"
    keyboard.press("ArrowRight")  # Bibliotheekdienstverlening
    element = tab_until(page, focus_name("vraag-1-help_types"))
    for _ in range(3):  # to "Algemene informatie over een dienstverlener"
        keyboard.press("Tab")
    assert active_element(page)["value"] == "provider_info"
    keyboard.press("Space")
    tab_until(page, lambda e: e["text"] == "Nog een vraag toevoegen")
    keyboard.press("Enter")

    # Question 3: other, a device, referred to the Taalhuis, with the low-literacy signal.
    assert active_element(page)["name"] == "vraag-2-category"
    keyboard.press("ArrowLeft")  # wraps round to Overig
    tab_until(page, focus_name("vraag-2-topic"))
    keyboard.type("Apparaat")
    element = tab_until(
        page, lambda e: e["name"] == "vraag-2-help_types" and e["value"] == "referral"
    )
    keyboard.press("Space")
    # The referral fields appear once "Doorverwijzing" is ticked.
    tab_until(page, focus_name("vraag-2-referral_target"))
    assert active_element(page)["value"] == "colleague"
    keyboard.press("Space")
    tab_until(page, focus_name("vraag-2-referred_role"))
    keyboard.type("Taalhuis")
    tab_until(page, focus_name("vraag-2-low_literacy_signal"))
    keyboard.press("Space")
    tab_until(page, focus_name("note"))
    keyboard.type("Kwam met drie brieven.")
    element = tab_until(page, lambda e: e["tag"] == "button" and e["text"] == "Registreren")
    keyboard.press("Enter")

    expect(page.locator("#balie-bevestiging")).to_contain_text("Uitkering en werk")
    contact = Contact.objects.get()
    questions = list(contact.questions.order_by("position").select_related("agency", "topic"))
    assert [(q.category, q.help_types) for q in questions] == [
        ("digital_government", ["digital_contact"]),
        ("library", ["provider_info"]),
        ("other", ["referral"]),
    ]
    assert (questions[0].agency.code, questions[0].topic.code) == ("uwv", "uitkering-werk")
    assert questions[2].topic.code == "apparaat"
    assert (questions[2].referral_target, questions[2].referred_role) == ("colleague", "taalhuis")
    assert questions[2].low_literacy_signal
    assert contact.note == "Kwam met drie brieven."
    # The form is empty again for the next visitor.
    expect(page.locator("[data-block]")).to_have_count(1)
    expect(page.locator("input[name=vragen]")).to_have_value("1")


# --- Offline ---


def queue_status(page):
    return page.locator("#balie-wachtrij")


def test_registrations_made_offline_arrive_once_the_server_is_back(page, desk):
    login(page, desk["user"])
    page.goto(SCREEN)
    page.context.set_offline(True)

    favourite(page, "DigiD aanvragen").click()
    expect(queue_status(page)).to_have_text(
        "Nog niet verzonden: 1 — wordt verstuurd zodra er weer verbinding is."
    )
    expect(page.locator("#balie-bevestiging")).to_contain_text(
        "Bewaard op dit apparaat: DigiD aanvragen."
    )
    page.locator("input[name='vraag-0-category'][value=other]").check()
    page.locator("select[name='vraag-0-topic']").select_option(label="Apparaat gebruiken")
    page.locator("input[name='vraag-0-help_types'][value=digital_society]").check()
    page.get_by_role("button", name="Registreren", exact=True).click()
    expect(queue_status(page)).to_contain_text("Nog niet verzonden: 2")
    expect(page.locator("input[name='vraag-0-category']:checked")).to_have_count(0)
    assert Contact.objects.count() == 0

    page.context.set_offline(False)  # the browser fires `online`

    expect(queue_status(page)).to_have_text("Alles is verstuurd.")
    topics = sorted(Contact.objects.values_list("questions__topic__code", flat=True))
    assert topics == ["apparaat", "digid-aanvragen"]
    # Nothing is sent twice, not after another retry and not after a reload.
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    page.reload()
    expect(page.locator("#balie-vandaag li")).to_have_count(2)
    assert Contact.objects.count() == 2
    assert sum(DailyCount.objects.values_list("contacts", flat=True)) == 2


def test_a_lost_answer_is_retried_and_stored_once(page, desk):
    """The server stores the registration but its answer never arrives: the browser keeps it
    and sends it again; the server knows the reference and stores nothing new."""
    login(page, desk["user"])
    page.goto(SCREEN)
    lost = []

    def lose_the_answer(route):
        if lost:
            route.fallback()  # from now on the answers arrive
            return
        route.fetch()  # the server gets the request and stores the contact
        lost.append(route.request.url)
        route.abort()  # ... but the browser never hears back

    page.route("**/balie/verzenden/", lose_the_answer)
    favourite(page, "Belastingaangifte").click()
    expect(queue_status(page)).to_contain_text("Nog niet verzonden: 1")
    assert len(lost) == 1
    assert Contact.objects.count() == 1

    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(queue_status(page)).to_have_text("Alles is verstuurd.")
    assert Contact.objects.count() == 1
    assert DailyCount.objects.get().contacts == 1


def test_the_queue_belongs_to_its_user(new_page, desk):
    """What one colleague registered offline is not sent in another's name on this device."""
    page = new_page("desktop")
    login(page, desk["user"])
    page.goto(SCREEN)
    page.context.set_offline(True)
    favourite(page, "DigiD aanvragen").click()
    expect(queue_status(page)).to_contain_text("Nog niet verzonden: 1")
    unreachable = {"now": True}

    def maybe_unreachable(route):
        if unreachable["now"]:
            route.abort()
        else:
            route.fallback()

    page.route("**/balie/verzenden/", maybe_unreachable)
    page.context.set_offline(False)
    expect(queue_status(page)).to_contain_text("Nog niet verzonden: 1")

    colleague = desk_user(desk["eemhuis"].organisation)
    unreachable["now"] = False
    page.context.clear_cookies()
    login(page, colleague)
    page.goto(SCREEN)
    page.wait_for_timeout(500)
    assert Contact.objects.count() == 0
    assert queue_status(page).text_content() == ""
    stored = page.evaluate(
        "() => JSON.parse(localStorage.getItem('ontwikkelplein.balie.wachtrij'))"
    )
    assert [item["user"] for item in stored] == [str(desk["user"].pk)]


# --- Without JavaScript ---


def test_the_form_works_without_javascript(nojs_page, desk):
    page = nojs_page
    login(page, desk["user"])
    page.goto(SCREEN)
    page.locator("input[name='vraag-0-category'][value=digital_government]").check()
    page.locator("input[name='vraag-0-help_types'][value=digital_contact]").check()
    page.get_by_role("button", name="Nog een vraag toevoegen").click()
    expect(page.locator("[data-block]")).to_have_count(2)
    # The page that comes back starts in the new block (the browser applies autofocus).
    expect(page.locator("#id_vraag-1-category_0")).to_have_attribute("autofocus", "")
    page.locator("input[name='vraag-1-category'][value=library]").check()
    page.locator("input[name='vraag-1-help_types'][value=provider_info]").check()
    page.get_by_role("button", name="Registreren", exact=True).click()
    expect_registered(page, "Bibliotheekdienstverlening")
    assert Contact.objects.get().questions.count() == 2


# --- Accessibility ---


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_desk_screen_has_no_axe_violations(new_page, desk, viewport):
    ContactFactory(location=desk["eemhuis"], user=desk["user"], questions=[question()])
    page = new_page(viewport)
    login(page, desk["user"])
    response = page.goto(SCREEN)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_no_axe_violations(page, what=f"desk screen ({viewport})")

    # After a registration (confirmation, today's list and favourites replaced in place), with
    # a second question block and the referral fields open.
    favourite(page, "Zelfde als vorige").click()
    expect_registered(page)
    page.get_by_role("button", name="Nog een vraag toevoegen").click()
    page.locator("input[name='vraag-1-help_types'][value=referral]").check()
    page.locator("details.op-desk__signals").first.locator("summary").click()
    assert_no_axe_violations(page, what=f"desk screen after registering ({viewport})")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_form_with_errors_has_no_axe_violations(new_page, desk, viewport):
    page = new_page(viewport)
    login(page, desk["user"])
    page.goto(SCREEN)
    page.locator("input[name='vraag-0-category'][value=digital_government]").check()
    page.locator("textarea[name=note]").fill("Mail naar jan@example.nl, BSN 111222333")
    page.get_by_role("button", name="Registreren", exact=True).click()

    summary = page.locator(".op-error-summary")
    expect(summary).to_contain_text("Er zijn 2 dingen niet goed. Er is niets opgeslagen.")
    expect(summary).to_contain_text("Kies minstens één soort geboden hulp.")
    expect(summary).to_contain_text(
        "De notitie lijkt een burgerservicenummer (BSN) en een e-mailadres te bevatten."
    )
    expect(page.locator("#id_note")).to_have_attribute("aria-invalid", "true")
    assert Contact.objects.count() == 0
    assert_no_axe_violations(page, what=f"desk form with errors ({viewport})")

    # The link in the summary takes the keyboard to the field.
    summary.get_by_role("link", name=re.compile("Notitie")).click()
    assert active_element(page)["name"] == "note"


def test_the_correction_page_has_no_axe_violations(page, desk):
    contact = ContactFactory(
        location=desk["eemhuis"],
        user=desk["user"],
        questions=[
            question(),
            question(
                topic_code="toeslagen",
                help_types=["referral"],
                referral_target="colleague",
                referred_role="ido",
            ),
        ],
    )
    login(page, desk["user"])
    page.goto(f"/balie/{contact.pk}/aanpassen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Registratie aanpassen")
    assert_no_axe_violations(page, what="correction page")
    page.locator("input[name=channel][value=phone]").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De registratie is aangepast.")).to_be_visible()
    assert Contact.objects.get().channel == "phone"
    assert urlsplit(page.url).path == SCREEN


def test_targets_are_at_least_48_pixels_high(phone_page, desk):
    login(phone_page, desk["user"])
    phone_page.goto(SCREEN)
    small = phone_page.evaluate(
        """() => [...document.querySelectorAll(
                '.op-desk button:not([hidden]), .op-desk select, .op-desk label:has(input)')]
            .filter(el => el.offsetParent !== null)
            .map(el => ({text: (el.innerText || el.name || '').trim().slice(0, 40),
                         height: el.getBoundingClientRect().height}))
            .filter(item => item.height < 48)"""
    )
    assert small == []


def test_registered_at_is_the_browsers_moment(page, desk):
    """A registration queued offline keeps the moment the button was pressed."""
    login(page, desk["user"])
    page.goto(SCREEN)
    page.context.set_offline(True)
    favourite(page, "DigiD aanvragen").click()
    expect(queue_status(page)).to_contain_text("Nog niet verzonden: 1")
    # Pretend the registration has waited ten minutes.
    page.evaluate(
        """() => {
            const key = 'ontwikkelplein.balie.wachtrij';
            const items = JSON.parse(localStorage.getItem(key));
            items[0].registered_at = new Date(Date.now() - 10 * 60 * 1000).toISOString();
            localStorage.setItem(key, JSON.stringify(items));
        }"""
    )
    page.context.set_offline(False)
    expect(queue_status(page)).to_have_text("Alles is verstuurd.")
    contact = Contact.objects.get()
    waited = contact.created_at - contact.registered_at
    assert datetime.timedelta(minutes=9) < waited < datetime.timedelta(minutes=11)
    assert Topic.objects.filter(questions__contact=contact).get().code == "digid-aanvragen"
