"""The desk screen over HTTP: who may use it, registering by favourite and by form (with and
without JavaScript's JSON endpoint), errors in Dutch that store nothing, undo and correct for 24
hours by the author only, and the tenancy wall between libraries."""

import datetime
import re
import uuid

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.desk.models import Contact, ContactChange, DailyCount
from ontwikkelplein.desk.tests.factories import ContactFactory, desk_user, question, topic
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

SCREEN = "/balie/"
SUBMIT = "/balie/verzenden/"
NOON = timezone.make_aware(datetime.datetime(2025, 3, 12, 12, 0))


@pytest.fixture(autouse=True)
def clock(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


@pytest.fixture
def library_a():
    return OrganisationFactory(name="Bibliotheek Alfa")


@pytest.fixture
def library_b():
    return OrganisationFactory(name="Bibliotheek Bravo")


@pytest.fixture
def alfa(library_a):
    return LocationFactory(organisation=library_a, name="Vestiging Alfa")


@pytest.fixture
def alfa_noord(library_a):
    return LocationFactory(organisation=library_a, name="Alfa Noord")


@pytest.fixture
def bravo(library_b):
    return LocationFactory(organisation=library_b, name="Vestiging Bravo")


@pytest.fixture
def staff_a(library_a, alfa):
    return desk_user(library_a)


@pytest.fixture
def staff_b(library_b, bravo):
    return desk_user(library_b)


def logged_in(client, user):
    client.force_login(user)
    return client


def favourite(location, key="digid-aanvragen", **extra):
    return {"location": str(location.pk), "channel": "desk", "favoriet": key, **extra}


def block(index, category="digital_government", help_types=("digital_contact",), **fields):
    data = {f"vraag-{index}-category": category, f"vraag-{index}-help_types": list(help_types)}
    data.update({f"vraag-{index}-{name}": value for name, value in fields.items()})
    return data


def form(location, *blocks, channel="desk", note="", action="registreren"):
    data = {
        "location": str(location.pk),
        "channel": channel,
        "note": note,
        "vragen": str(len(blocks) or 1),
        "actie": action,
    }
    for item in blocks:
        data.update(item)
    return data


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


class TestWhoMayUseTheScreen:
    def test_anonymous_users_log_in_first(self, client, alfa):
        contact = ContactFactory(location=alfa)
        for response in [
            client.get(SCREEN),
            client.post(SCREEN, favourite(alfa)),
            client.get(reverse("desk:screen-edit", args=[contact.pk])),
            client.post(reverse("desk:screen-remove", args=[contact.pk])),
        ]:
            assert response.status_code == 302
            assert response.url.startswith(reverse("accounts:login"))
        response = client.post(SUBMIT, favourite(alfa))
        assert response.status_code == 401
        assert response.json()["message"] == "Je bent niet meer ingelogd. Log opnieuw in."
        assert Contact.objects.count() == 1

    @pytest.mark.parametrize(
        "make_user",
        [
            lambda: staff_user(PoiFactory(), Role.POI_ADVISER),
            lambda: staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN),
        ],
        ids=["POI adviser", "KB-beheerder"],
    )
    def test_poi_and_kb_have_no_desk_screen(self, client, alfa, make_user):
        logged_in(client, make_user())
        assert client.get(SCREEN).status_code == 403
        assert client.post(SCREEN, favourite(alfa)).status_code == 403
        assert client.post(SUBMIT, favourite(alfa)).status_code == 403
        assert Contact.objects.count() == 0

    @pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER])
    def test_desk_roles_have_it_and_see_it_in_the_menu(self, client, library_a, alfa, role):
        logged_in(client, staff_user(library_a, role))
        response = client.get(SCREEN)
        assert response.status_code == 200
        assert 'href="/balie/" aria-current="page"' in text_of(response)

    def test_the_menu_has_no_desk_link_for_a_poi_adviser(self, client):
        logged_in(client, staff_user(PoiFactory(), Role.POI_ADVISER))
        assert 'href="/balie/"' not in text_of(client.get(reverse("core:staff-home")))


class TestRegistering:
    def test_the_common_case_is_one_post(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        assert 'name="favoriet" value="digid-aanvragen"' in page

        response = client.post(SCREEN, favourite(alfa))

        contact = Contact.objects.get()
        assert response.status_code == 302
        assert response.url == f"/balie/?geregistreerd={contact.pk}"
        assert (contact.location, contact.channel, contact.registered_by) == (
            alfa,
            "desk",
            staff_a,
        )
        [q] = contact.questions.all()
        assert (q.category, q.topic, q.help_types) == (
            "digital_government",
            topic("digid-aanvragen"),
            ["digital_contact"],
        )
        assert DailyCount.objects.get().questions == 1
        page = text_of(client.get(response.url))
        assert "Geregistreerd:</strong> DigiD aanvragen · Balie of inloop · Vestiging Alfa" in page
        assert "Ongedaan maken" in page
        assert reverse("desk:screen-edit", args=[contact.pk]) in page

    def test_a_page_posted_twice_is_stored_once(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        reference = re.search(r'name="client_reference" value="([0-9a-f-]{36})"', page).group(1)
        first = client.post(SCREEN, favourite(alfa, client_reference=reference))
        again = client.post(SCREEN, favourite(alfa, client_reference=reference))
        assert first.url == again.url
        assert Contact.objects.get().client_reference == uuid.UUID(reference)
        assert reference not in text_of(client.get(first.url))  # the next page has a new one

    def test_a_three_question_form(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(
            alfa,
            block(0, topic=topic("toeslagen").pk, agency="2"),
            block(1, category="library", help_types=["provider_info"]),
            block(
                2,
                category="other",
                help_types=["digital_society", "referral"],
                referral_target="colleague",
                referred_role="taalhuis",
                duration="medium",
                low_literacy_signal="on",
            ),
            channel="appointment",
            note="Kwam met een brief.",
        )
        response = client.post(SCREEN, data)
        assert response.status_code == 302
        contact = Contact.objects.get()
        questions = list(contact.questions.order_by("position"))
        assert [q.category for q in questions] == ["digital_government", "library", "other"]
        assert questions[0].topic == topic("toeslagen")
        assert questions[2].referred_role == "taalhuis"
        assert questions[2].duration == "medium"
        assert questions[2].low_literacy_signal is True
        assert contact.channel == "appointment"
        assert contact.note == "Kwam met een brief."

    def test_an_empty_extra_block_is_ignored(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(alfa, block(1))
        data["vragen"] = "3"  # blocks 0 and 2 were added and left empty
        response = client.post(SCREEN, data)
        assert response.status_code == 302
        assert Contact.objects.get().questions.count() == 1

    def test_the_referral_kind_follows_from_the_one_filled_in(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(alfa, block(0, help_types=["referral"], referred_role="ido"))
        assert client.post(SCREEN, data).status_code == 302
        assert Contact.objects.get().questions.get().referral_target == "colleague"

    def test_a_note_with_personal_data_is_refused_and_nothing_stored(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        response = client.post(SCREEN, form(alfa, block(0), note="BSN 111222333"))
        assert response.status_code == 200
        page = text_of(response)
        assert "Er is 1 ding niet goed. Er is niets opgeslagen." in page
        assert "De notitie lijkt een burgerservicenummer (BSN) te bevatten." in page
        assert 'href="#id_note"' in page
        assert 'aria-describedby="id_note_helptext id_note_error"' in page
        assert Contact.objects.count() == 0

    def test_every_problem_is_shown_at_once(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(alfa, block(0, help_types=[]), note="mail a@example.nl")
        data["vragen"] = "2"
        data["vraag-1-topic"] = str(topic("zorg").pk)
        page = text_of(client.post(SCREEN, data))
        summary = page.split('class="op-error-summary"')[1].split("</div>")[0]
        assert "Er zijn 4 dingen niet goed." in summary
        # In the order of the page.
        assert re.findall(r'href="#([^"]+)"', summary) == [
            "id_vraag-0-help_types_0",
            "id_vraag-1-category_0",
            "id_vraag-1-help_types_0",
            "id_note",
        ]
        assert "Vraag 1 – Geboden hulp: Kies minstens één soort geboden hulp." in summary
        assert "Vraag 2 – Soort vraag: Kies de soort vraag." in summary
        assert "De notitie lijkt een e-mailadres te bevatten." in summary
        assert Contact.objects.count() == 0

    def test_service_errors_land_on_the_right_block(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(alfa, block(0), block(1, help_types=["referral"], referral_target="offer"))
        page = text_of(client.post(SCREEN, data))
        assert "Vraag 2 – Welk aanbod?: Kies het aanbod waar je naar hebt doorverwezen." in page
        assert 'href="#id_vraag-1-referred_offer"' in page
        assert Contact.objects.count() == 0

    def test_a_location_of_another_library_is_refused(self, client, staff_a, alfa, bravo):
        logged_in(client, staff_a)
        for data in [favourite(bravo), form(bravo, block(0))]:
            response = client.post(SCREEN, data)
            assert response.status_code == 200
            assert "Selecteer een geldige keuze" in text_of(response)
        response = client.post(SUBMIT, favourite(bravo, client_reference=str(uuid.uuid4())))
        assert response.status_code == 400
        assert Contact.objects.count() == 0

    def test_the_screen_offers_only_own_locations(self, client, staff_a, alfa, alfa_noord, bravo):
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        assert "Vestiging Alfa" in page
        assert "Alfa Noord" in page
        assert "Vestiging Bravo" not in page

    def test_one_location_needs_no_choice(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        assert "Locatie: <strong>Vestiging Alfa</strong>" in page
        assert f'<input type="hidden" name="location" value="{alfa.pk}"' in page
        assert client.post(SCREEN, favourite(alfa)).status_code == 302

    def test_an_organisation_without_locations(self, client, library_b):
        logged_in(client, desk_user(library_b))
        page = text_of(client.get(SCREEN))
        assert "Je organisatie heeft nog geen locatie." in page
        assert 'name="favoriet"' not in page

    def test_a_favourite_using_a_retired_topic_is_not_offered(self, client, staff_a, alfa):
        retired = topic("toeslagen")
        retired.is_active = False
        retired.save()
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        assert 'value="digid-aanvragen"' in page
        assert 'value="toeslagen"' not in page
        response = client.post(SCREEN, favourite(alfa, key="toeslagen"))
        assert "Deze snelknop bestaat niet (meer)." in text_of(response)
        assert Contact.objects.count() == 0

    def test_an_unknown_favourite(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        response = client.post(SCREEN, favourite(alfa, key="bestaat-niet"))
        assert "Deze snelknop bestaat niet (meer)." in text_of(response)
        assert Contact.objects.count() == 0

    def test_same_as_last_repeats_the_questions(self, client, staff_a, alfa, alfa_noord):
        logged_in(client, staff_a)
        client.post(
            SCREEN, form(alfa, block(0), block(1, category="library", help_types=["course"]))
        )
        page = text_of(client.get(SCREEN))
        assert "Zelfde als vorige" in page
        # No topic or organisation: the kind of question names it.
        assert "2 vragen: Digitale overheid …" in page
        response = client.post(SCREEN, favourite(alfa_noord, key="zelfde", channel="phone"))
        assert response.status_code == 302
        second = Contact.objects.get(location=alfa_noord)
        assert second.channel == "phone"
        assert [(q.category, q.help_types) for q in second.questions.order_by("position")] == [
            ("digital_government", ["digital_contact"]),
            ("library", ["course"]),
        ]

    def test_a_frequent_combination_becomes_a_favourite(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        zorg = form(alfa, block(0, topic=str(topic("zorg").pk), agency="6"))
        for _ in range(3):
            client.post(SCREEN, zorg)
        page = text_of(client.get(SCREEN))
        match = re.search(r'name="favoriet" value="(eigen:[^"]+)"', page)
        assert match, "the user's own favourite is offered"
        assert "Zorg</span>" in page
        client.post(SCREEN, favourite(alfa, key=match.group(1)))
        assert Contact.objects.filter(questions__topic=topic("zorg")).count() == 4

    def test_adding_and_removing_blocks_without_javascript(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(alfa, block(0, topic=str(topic("zorg").pk)), action="vraag-erbij")
        response = client.post(SCREEN, data)
        page = text_of(response)
        assert 'name="vragen" value="2"' in page
        assert 'id="id_vraag-1-category_0"' in page
        assert "Controleer wat je hebt ingevuld" not in page  # nothing is validated yet
        assert Contact.objects.count() == 0

        data = form(alfa, block(0), block(1, category="library"), action="weghalen-0")
        page = text_of(client.post(SCREEN, data))
        assert 'name="vragen" value="1"' in page
        assert re.search(r'value="library"[^>]*id="id_vraag-0-category_1" checked', page)
        assert "id_vraag-1-category" not in page.split("balie-vraag-sjabloon")[0]


class TestRemembering:
    def test_a_registration_remembers_location_and_channel_in_this_browser(
        self, client, staff_a, alfa, alfa_noord
    ):
        logged_in(client, staff_a)
        response = client.post(SCREEN, favourite(alfa_noord, channel="phone"))
        cookie = response.cookies[f"op_balie_{staff_a.pk}"]
        assert cookie.value == f"{alfa_noord.pk}|phone"
        assert cookie["max-age"] > 300 * 24 * 3600
        page = text_of(client.get(SCREEN))
        assert f'<option value="{alfa_noord.pk}" selected>' in page
        assert 'value="phone" class="op-choice-list" id="id_channel_2" checked' in page

    def test_on_another_device_the_last_registration_is_the_default(
        self, client, staff_a, alfa, alfa_noord
    ):
        ContactFactory(location=alfa_noord, user=staff_a, channel="outreach")
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        assert f'<option value="{alfa_noord.pk}" selected>' in page
        assert 'value="outreach" class="op-choice-list" id="id_channel_4" checked' in page

    def test_without_history_the_main_branch_is_the_default_not_the_first_school(
        self, client, library_a
    ):
        from ontwikkelplein.organisations.models import LocationKind

        LocationFactory(organisation=library_a, name="Aa-basisschool", kind=LocationKind.SCHOOL)
        LocationFactory(organisation=library_a, name="Buurthuis Anker", kind="community_centre")
        LocationFactory(organisation=library_a, name="Servicepunt Oost", kind="service_point")
        quiet = LocationFactory(organisation=library_a, name="Bibliotheek Dorp")
        main = LocationFactory(organisation=library_a, name="Centrale Bibliotheek")
        ContactFactory(location=main, user=desk_user(library_a))  # a colleague's, not own
        staff = desk_user(library_a)
        logged_in(client, staff)

        page = text_of(client.get(SCREEN))

        assert f'<option value="{main.pk}" selected>' in page
        assert f'<option value="{quiet.pk}" selected>' not in page
        top = page.split('id="snel-titel"')[0]
        assert "Je registreert op: <strong data-current-location-name>Centrale Bibliotheek" in top
        assert 'href="#id_location">Andere locatie kiezen</a>' in top

    def test_the_location_the_user_registers_at_most_wins_over_the_main_branch(
        self, client, library_a, alfa, alfa_noord
    ):
        from ontwikkelplein.desk.screen_selectors import registering_locations, usual_location

        staff = desk_user(library_a)
        ContactFactory(location=alfa, user=desk_user(library_a))
        ContactFactory(location=alfa_noord, user=staff)
        ContactFactory(location=alfa_noord, user=staff)

        assert usual_location(staff, registering_locations(staff)) == alfa_noord

    def test_a_library_branch_comes_before_a_partner_location(self, library_a):
        from ontwikkelplein.desk.screen_selectors import registering_locations, usual_location
        from ontwikkelplein.organisations.models import Membership

        partner = OrganisationFactory(name="AA Partner", kind=OrganisationKind.PARTNER)
        LocationFactory(organisation=partner, name="AA Kantoor")
        branch = LocationFactory(organisation=library_a, name="Zuid")
        staff = desk_user(library_a)
        Membership.objects.create(user=staff, organisation=partner, role=Role.FRONT_DESK)

        assert usual_location(staff, registering_locations(staff)) == branch

    def test_a_cookie_for_a_location_of_another_library_is_ignored(
        self, client, staff_a, alfa, bravo
    ):
        logged_in(client, staff_a)
        client.cookies[f"op_balie_{staff_a.pk}"] = f"{bravo.pk}|phone"
        page = text_of(client.get(SCREEN))
        assert str(bravo.pk) not in page
        assert 'value="phone" class="op-choice-list" id="id_channel_2" checked' in page


class TestJsonEndpoint:
    def test_registered_once_per_reference(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        reference = str(uuid.uuid4())
        first = client.post(SUBMIT, favourite(alfa, client_reference=reference))
        again = client.post(SUBMIT, favourite(alfa, client_reference=reference))

        assert first.status_code == 201
        assert again.status_code == 200
        assert first.json()["id"] == again.json()["id"]
        assert first.json()["created"] is True
        assert again.json()["created"] is False
        assert "Ongedaan maken" in first.json()["confirmation_html"]
        assert "DigiD aanvragen" in first.json()["today_html"]
        assert "Zelfde als vorige" in first.json()["favourites_html"]
        assert Contact.objects.get().client_reference == uuid.UUID(reference)
        assert DailyCount.objects.get().questions == 1

    def test_the_form_too(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = form(alfa, block(0), block(1, category="other"))
        data["client_reference"] = str(uuid.uuid4())
        response = client.post(SUBMIT, data)
        assert response.status_code == 201
        assert Contact.objects.get().questions.count() == 2

    def test_errors_are_listed_in_dutch(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        response = client.post(SUBMIT, form(alfa, block(0), note="bel 06-12345678"))
        assert response.status_code == 400
        assert response.json()["errors"] == [
            "Notitie (niet verplicht): De notitie lijkt een telefoonnummer te bevatten. Haal "
            "dat weg: registraties zijn anoniem, dus we bewaren niets waarmee iemand te "
            "herkennen is."
        ]
        assert Contact.objects.count() == 0

    def test_the_time_waited_offline_is_kept_whatever_the_device_clock(self, client, staff_a, alfa):
        """The device's clock is two hours fast; the registration waited 30 minutes."""
        logged_in(client, staff_a)
        device_now = NOON + datetime.timedelta(hours=2)
        data = favourite(
            alfa,
            client_reference=str(uuid.uuid4()),
            registered_at=(device_now - datetime.timedelta(minutes=30)).isoformat(),
            sent_at=device_now.isoformat(),
        )
        assert client.post(SUBMIT, data).status_code == 201
        assert Contact.objects.get().registered_at == NOON - datetime.timedelta(minutes=30)

    def test_a_registration_older_than_a_week_is_refused(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        data = favourite(
            alfa,
            client_reference=str(uuid.uuid4()),
            registered_at="2025-03-01T09:00:00Z",
            sent_at="2025-03-12T11:00:00Z",
        )
        response = client.post(SUBMIT, data)
        assert response.status_code == 400
        assert response.json()["errors"] == [
            "Deze registratie is ouder dan 7 dagen en wordt niet meer aangenomen."
        ]

    def test_an_unreadable_time_is_refused(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        response = client.post(SUBMIT, favourite(alfa, registered_at="gisteren"))
        assert response.status_code == 400
        assert response.json()["errors"] == ["Het tijdstip van registreren is niet leesbaar."]

    def test_csrf_is_required(self, staff_a, alfa):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(staff_a)
        assert client.post(SUBMIT, favourite(alfa)).status_code == 403
        assert Contact.objects.count() == 0


class TestCorrectAndRemove:
    def test_the_author_removes_with_undo(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        client.post(SCREEN, favourite(alfa))
        contact = Contact.objects.get()
        response = client.post(reverse("desk:screen-remove", args=[contact.pk]))
        assert response.status_code == 302
        contact.refresh_from_db()
        assert contact.is_removed
        assert DailyCount.objects.count() == 0
        page = text_of(client.get(SCREEN))
        assert "De registratie is verwijderd. Ze telt niet meer mee." in page
        assert "Je hebt vandaag nog niets geregistreerd." in page

    def test_the_author_corrects(self, client, staff_a, alfa, alfa_noord):
        logged_in(client, staff_a)
        contact = ContactFactory(location=alfa, user=staff_a, questions=[question()])
        url = reverse("desk:screen-edit", args=[contact.pk])
        page = text_of(client.get(url))
        assert "Registratie aanpassen" in page
        assert (
            'value="digital_government" class="op-choice-list" id="id_vraag-0-category_0" checked'
            in page
        )
        assert "Je kunt dit aanpassen tot 13 maart 12:00" in page

        data = form(alfa_noord, block(0, category="other", topic=str(topic("apparaat").pk)))
        data["actie"] = "opslaan"
        response = client.post(url, data)
        assert response.status_code == 302
        contact.refresh_from_db()
        assert contact.location == alfa_noord
        assert contact.questions.get().topic == topic("apparaat")
        assert ContactChange.objects.filter(contact=contact, action="changed").count() == 1
        assert "De registratie is aangepast." in text_of(client.get(SCREEN))

    def test_a_correction_with_errors_changes_nothing(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        contact = ContactFactory(location=alfa, user=staff_a)
        url = reverse("desk:screen-edit", args=[contact.pk])
        response = client.post(url, form(alfa, block(0), note="3811 AB 12"))
        assert response.status_code == 200
        assert "een adres (postcode met huisnummer)" in text_of(response)
        assert Contact.objects.get().note == ""
        assert ContactChange.objects.count() == 1

    def test_a_colleague_may_not_change_it(self, client, staff_a, library_a, alfa):
        contact = ContactFactory(location=alfa, user=staff_a)
        logged_in(client, desk_user(library_a))
        edit = reverse("desk:screen-edit", args=[contact.pk])
        assert client.get(edit).status_code == 302
        assert client.post(edit, form(alfa, block(0), channel="phone")).status_code == 302
        response = client.post(reverse("desk:screen-remove", args=[contact.pk]), follow=True)
        assert "Alleen wie de registratie heeft gemaakt" in text_of(response)
        contact.refresh_from_db()
        assert (contact.channel, contact.is_removed) == ("desk", False)

    def test_after_24_hours_the_buttons_are_gone_and_the_server_refuses(
        self, client, staff_a, alfa, clock
    ):
        logged_in(client, staff_a)
        client.post(SCREEN, favourite(alfa))
        contact = Contact.objects.get()
        confirmation = f"/balie/?geregistreerd={contact.pk}"
        assert "Ongedaan maken" in text_of(client.get(confirmation))

        clock.shift(datetime.timedelta(hours=24))
        # The session ended after its idle time (core/headers.py): sign in again the next day.
        logged_in(client, staff_a)
        assert "Ongedaan maken" not in text_of(client.get(confirmation))
        response = client.post(reverse("desk:screen-remove", args=[contact.pk]), follow=True)
        assert "Die tijd is voorbij." in text_of(response)
        response = client.get(reverse("desk:screen-edit", args=[contact.pk]), follow=True)
        assert "Die tijd is voorbij." in text_of(response)
        contact.refresh_from_db()
        assert not contact.is_removed
        assert DailyCount.objects.get().questions == 1


class TestTenancy:
    def test_another_librarys_registrations_are_not_found(
        self, client, staff_a, staff_b, alfa, bravo
    ):
        contact_b = ContactFactory(location=bravo, user=staff_b)
        logged_in(client, staff_a)
        edit = reverse("desk:screen-edit", args=[contact_b.pk])
        remove = reverse("desk:screen-remove", args=[contact_b.pk])
        assert client.get(edit).status_code == 404
        assert client.post(edit, form(bravo, block(0), channel="phone")).status_code == 404
        assert client.post(remove).status_code == 404
        contact_b.refresh_from_db()
        assert (contact_b.channel, contact_b.is_removed) == ("desk", False)
        assert ContactChange.objects.filter(contact=contact_b).count() == 1

    def test_another_librarys_registrations_are_not_shown(
        self, client, staff_a, staff_b, alfa, bravo
    ):
        contact_b = ContactFactory(location=bravo, user=staff_b)
        logged_in(client, staff_a)
        page = text_of(client.get(f"/balie/?geregistreerd={contact_b.pk}"))
        confirmation = page.split('id="balie-bevestiging"')[1].split("</div>")[0]
        assert "Geregistreerd" not in confirmation
        assert f"/balie/{contact_b.pk}/" not in page
        assert "Vestiging Bravo" not in page
        assert "Je hebt vandaag nog niets geregistreerd." in page

    def test_a_reference_of_another_library_does_not_reveal_its_contact(
        self, client, staff_a, alfa, bravo
    ):
        reference = uuid.uuid4()
        contact_b = ContactFactory(location=bravo, client_reference=reference)
        logged_in(client, staff_a)
        response = client.post(SUBMIT, favourite(alfa, client_reference=str(reference)))
        assert response.status_code == 201
        assert response.json()["id"] != str(contact_b.pk)
        assert Contact.objects.count() == 2

    def test_todays_list_holds_only_the_users_own(self, client, staff_a, library_a, alfa):
        ContactFactory(
            location=alfa,
            user=desk_user(library_a),
            questions=[question("library", topic_code=None, help_types=["provider_info"])],
        )
        ContactFactory(location=alfa, user=staff_a, questions=[question(topic_code="zorg")])
        logged_in(client, staff_a)
        today = text_of(client.get(SCREEN)).split('id="balie-vandaag"')[1]
        assert "Zorg" in today
        assert "Bibliotheekdienstverlening" not in today

    def test_todays_list_shows_to_whom_a_question_was_referred(
        self, client, staff_a, library_a, alfa
    ):
        from ontwikkelplein.catalogue.tests.factories import OfferFactory

        partner = OrganisationFactory(name="Schuldhulp Eemland", kind=OrganisationKind.PARTNER)
        offer = OfferFactory(title="Taalcafé Alfa", organisation=library_a)
        referred = ["digital_contact", "referral"]
        ContactFactory(
            location=alfa,
            user=staff_a,
            questions=[
                question(
                    topic_code="zorg",
                    help_types=referred,
                    referral_target="colleague",
                    referred_role="taalhuis",
                ),
                question(
                    help_types=referred,
                    referral_target="organisation",
                    referred_organisation=partner,
                ),
                question(help_types=referred, referral_target="offer", referred_offer=offer),
                question(topic_code="zorg"),
            ],
        )
        logged_in(client, staff_a)
        today = text_of(client.get(SCREEN)).split('id="balie-vandaag"')[1]
        assert "<strong>Doorverwezen:</strong> Zorg naar Taalhuis" in today
        assert "naar Schuldhulp Eemland" in today
        assert "naar Taalcafé Alfa" in today
        assert today.count("<strong>Doorverwezen:</strong>") == 3


class TestReferralPickers:
    def test_only_the_chosen_kind_of_recipient_shows_with_javascript(self, client, staff_a, alfa):
        logged_in(client, staff_a)
        page = text_of(client.get(SCREEN))
        assert 'data-disclose-by="vraag-0-referral_target"' in page
        for kind in ("colleague", "organisation", "offer"):
            assert f'data-disclose-when="{kind}"' in page
        assert "disclosure.js" in page
        # The offer select gets a search box, hidden until JavaScript shows it.
        assert 'data-picker-for="id_vraag-0-referred_offer"' in page
        assert re.search(r"data-picker-filter hidden", page)

    def test_offers_nearest_to_the_chosen_desk_location_come_first(
        self, client, staff_a, library_a, alfa
    ):
        from ontwikkelplein.catalogue.tests.factories import OfferFactory

        north = LocationFactory(organisation=library_a, name="Noord", latitude=53.2, longitude=6.56)
        south = LocationFactory(organisation=library_a, name="Zuid", latitude=50.85, longitude=5.69)
        OfferFactory(title="Aa cursus in het zuiden", organisation=library_a, location=south)
        OfferFactory(title="Zz cursus in het noorden", organisation=library_a, location=north)
        logged_in(client, staff_a)

        client.cookies[f"op_balie_{staff_a.pk}"] = f"{north.pk}|desk"
        page = text_of(client.get(SCREEN)).split("balie-vraag-sjabloon")[0]
        assert page.index("Zz cursus in het noorden") < page.index("Aa cursus in het zuiden")
        assert "Zz cursus in het noorden (Bibliotheek Alfa, 0,0 km)" in page

        client.cookies[f"op_balie_{staff_a.pk}"] = f"{south.pk}|desk"
        page = text_of(client.get(SCREEN)).split("balie-vraag-sjabloon")[0]
        assert page.index("Aa cursus in het zuiden") < page.index("Zz cursus in het noorden")

    def test_an_offer_outside_the_list_is_still_refused(self, client, staff_a, alfa):
        from ontwikkelplein.catalogue.tests.factories import OfferFactory

        elsewhere = OfferFactory(title="Elders")  # another organisation, another municipality
        logged_in(client, staff_a)
        data = {
            "location": str(alfa.pk),
            "channel": "desk",
            "vragen": "1",
            "vraag-0-category": "digital_government",
            "vraag-0-help_types": ["digital_contact", "referral"],
            "vraag-0-referral_target": "offer",
            "vraag-0-referred_offer": str(elsewhere.pk),
        }
        response = client.post(SCREEN, data)
        assert response.status_code == 200
        assert Contact.objects.count() == 0


class TestAdmin:
    """KB-beheerders keep the lists of the screen in the Django admin; registrations are not
    there at all."""

    @pytest.fixture
    def kb_client(self, client):
        kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
        return logged_in(client, staff_user(kb, Role.KB_ADMIN, is_staff=True))

    def test_the_kb_edits_agencies_and_topics(self, kb_client):
        response = kb_client.get(reverse("admin:desk_agency_changelist"))
        assert response.status_code == 200
        assert "Belastingdienst" in text_of(response)
        zorg = topic("zorg")
        response = kb_client.post(
            reverse("admin:desk_topic_change", args=[zorg.pk]),
            {"code": "zorg", "name": "Zorg en PGB", "group": "", "position": 9, "is_active": ""},
        )
        assert response.status_code == 302
        zorg.refresh_from_db()
        assert (zorg.name, zorg.is_active) == ("Zorg en PGB", False)
        response = kb_client.post(
            reverse("admin:desk_agency_add"),
            {"code": "ind", "name": "IND", "position": 20, "is_active": "on"},
        )
        assert response.status_code == 302

    def test_a_retired_topic_is_no_longer_offered(self, client, kb_client, staff_a, alfa):
        zorg = topic("zorg")
        kb_client.post(
            reverse("admin:desk_topic_change", args=[zorg.pk]),
            {"code": "zorg", "name": "Zorg", "group": "", "position": 9, "is_active": ""},
        )
        kb_client.logout()
        page = text_of(logged_in(client, staff_a).get(SCREEN))
        topics = page.split('name="vraag-0-topic"')[1].split("</select>")[0]
        assert "Toeslagen" in topics
        assert "Zorg" not in topics

    def test_rows_in_use_are_not_deleted_and_contacts_are_absent(self, kb_client):
        agency_pk = (
            ContactFactory(questions=[question(agency_code="uwv")]).questions.get().agency_id
        )
        assert (
            kb_client.get(reverse("admin:desk_agency_delete", args=[agency_pk])).status_code == 403
        )
        assert "desk/contact" not in text_of(kb_client.get(reverse("admin:index")))

    def test_library_staff_do_not_see_the_lists(self, client, library_a):
        logged_in(client, staff_user(library_a, Role.TEAM_LEADER, is_staff=True))
        assert client.get(reverse("admin:desk_topic_changelist")).status_code == 403
