"""E-mails and the printable confirmation in the language the resident signed up in
(docs/public-site.md, "Talen"): stored with the enrolment from the sign-up page, and used by every
later e-mail, whoever sends it (staff, the waiting list, the scheduled reminders)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ontwikkelplein.core.tests.pdf import read_pdf
from ontwikkelplein.courses import documents, services
from ontwikkelplein.courses.models import Enrolment
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, person_data
from ontwikkelplein.courses.tests.public_helpers import (  # noqa: F401 - autouse fixture
    _fresh_rate_limits,
    link_url,
    post_sign_up,
    sign_up_url,
    token_in,
)
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue


def in_language(code: str, msgid: str) -> str:
    with translation.override(code):
        text = gettext(msgid)
    assert text != msgid, f"{msgid!r} is not translated into {code}"
    return text


def sign_up_in(client, run, code: str, **extra) -> Enrolment:
    client.get(sign_up_url(run) + f"?taal={code}")  # the resident opens the page in their language
    response = post_sign_up(client, run, **extra)
    assert response.status_code == 302
    return Enrolment.objects.get(person__email=extra.get("email", "fatima@example.org"))


def mails_to(address: str):
    return list(OutboxMessage.objects.filter(to=[address]).order_by("created_at"))


def test_the_language_of_the_sign_up_page_is_stored_and_the_confirmation_uses_it(
    client, compiled_catalogue
):
    run = RunFactory(offer__title="Taalcafé")
    enrolment = sign_up_in(client, run, "ar")
    assert enrolment.language == "ar"
    (mail,) = mails_to("fatima@example.org")
    assert mail.subject == in_language("ar", "Aanmelding %(offer)s") % {"offer": "Taalcafé"}
    assert in_language("ar", "Hallo,") in mail.body


def test_a_place_offered_from_the_waiting_list_is_written_in_arabic(client, compiled_catalogue):
    run = RunFactory(capacity=1, offer__title="Beter lezen")
    _holder, holder_token = enrol_person(run)
    waiting = sign_up_in(client, run, "ar", email="amal@example.org")
    assert waiting.status == "waiting"
    # The place comes free when the holder (in Dutch) cancels through their own link.
    client.cookies.clear()
    assert (
        client.post(link_url(holder_token) + "?taal=nl", {"actie": "afmelden"}).status_code == 302
    )
    mail = mails_to("amal@example.org")[-1]
    subject = in_language("ar", "Er is een plaats vrij: %(offer)s") % {"offer": "Beter lezen"}
    assert mail.subject == subject
    assert in_language("ar", "Goed nieuws: er is een plaats vrij voor je.") in mail.body
    assert "Goed nieuws" not in mail.body
    assert token_in(mail)  # the link still works


def test_staff_cancelling_a_run_and_the_reminder_write_to_each_in_their_own_language(
    client, compiled_catalogue
):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    run = RunFactory(offer__title="Digisterker", sessions=1, sessions__start=tomorrow)
    sign_up_in(client, run, "tr", email="ayse@example.org")
    enrol_person(run, email="henk@example.org")  # through the service: no page, so Dutch
    OutboxMessage.objects.all().delete()

    with translation.override("nl"):  # the scheduled task runs in the default language
        assert services.send_reminders() == 2
    turkish, dutch = mails_to("ayse@example.org")[0], mails_to("henk@example.org")[0]
    assert turkish.subject == in_language("tr", "Morgen: %(offer)s") % {"offer": "Digisterker"}
    assert dutch.subject == "Morgen: Digisterker"

    editor = staff_user(run.organisation, Role.SPECIALIST)
    with translation.override("en"):  # a colleague working in English
        services.cancel_run(run, user=editor)
    turkish, dutch = mails_to("ayse@example.org")[-1], mails_to("henk@example.org")[-1]
    assert turkish.subject == in_language("tr", "%(offer)s gaat niet door") % {
        "offer": "Digisterker"
    }
    assert dutch.subject == "Digisterker gaat niet door"
    assert "Hallo," in dutch.body and "Hallo," not in turkish.body


def test_intake_decisions_by_staff_use_the_residents_language(client, compiled_catalogue):
    run = RunFactory(offer__title="Rekenen", intake_required=True)
    enrolment = sign_up_in(client, run, "pl", email="ola@example.org")
    editor = staff_user(run.organisation, Role.SPECIALIST)
    services.complete_intake(enrolment, accepted=True, user=editor)
    mail = mails_to("ola@example.org")[-1]
    assert mail.subject == in_language("pl", "Je hebt een plaats: %(offer)s") % {"offer": "Rekenen"}


def test_staff_enrolments_and_unknown_languages_stay_dutch():
    run = RunFactory()
    enrolment, _token = services.enrol(
        run,
        person_data(name="Henk", email="henk@example.org"),
        source="staff",
        user=staff_user(run.organisation),
    )
    assert enrolment.language == "nl"
    other, _token = services.enrol(
        run, person_data(name="Jan", email="jan@example.org"), source="resident", language="de"
    )
    assert other.language == "nl"
    british, _token = services.enrol(
        run, person_data(name="Ann", email="ann@example.org"), source="resident", language="en-gb"
    )
    assert british.language == "en"


def test_the_printed_confirmation_is_in_the_residents_language(client, compiled_catalogue):
    run = RunFactory(offer__title="Taalmaatje")
    enrolment = sign_up_in(client, run, "uk")
    with translation.override("nl"):  # printed by a colleague later
        _reader, pages = read_pdf(documents.confirmation_pdf(enrolment))
    title = in_language("uk", "Bevestiging van je aanmelding: %(course)s") % {
        "course": "Taalmaatje"
    }
    assert "Bevestiging" not in " ".join(pages)
    assert _reader.metadata.title == title


def test_the_staff_print_page_shows_the_confirmation_in_the_residents_language(
    client, compiled_catalogue
):
    run = RunFactory(offer__title="Taalcafé")
    enrolment = sign_up_in(client, run, "ar")
    client.cookies.clear()
    client.force_login(staff_user(run.organisation, Role.SPECIALIST))
    html = client.get(
        reverse("courses:staff-enrolment-print", args=[enrolment.pk]) + "?taal=nl"
    ).content.decode()
    assert '<div lang="ar" dir="rtl">' in html
    assert in_language("ar", "Bevestiging van je aanmelding") in html
    assert "Terug naar de uitvoering" in html  # the page around it stays the colleague's


def test_the_desk_chooses_the_language_when_enrolling_someone(client, compiled_catalogue):
    run = RunFactory(offer__title="Klik & Tik")
    client.force_login(staff_user(run.organisation, Role.FRONT_DESK))
    url = reverse("courses:staff-enrol", args=[run.pk])
    page = client.get(url).content.decode()
    assert 'name="language"' in page and '<option value="nl" selected>' in page
    data = {"name": "Olena", "email": "olena@example.org", "consent": "on", "language": "uk"}
    assert client.post(url, data).status_code == 302
    enrolment = Enrolment.objects.get(person__name="Olena")
    assert enrolment.language == "uk"
    (mail,) = mails_to("olena@example.org")
    assert mail.subject == in_language("uk", "Aanmelding %(offer)s") % {"offer": "Klik & Tik"}
    # An unknown language is refused with a message and stores nothing.
    response = client.post(
        url, {**data, "name": "Iemand", "email": "x@example.org", "language": "xx"}
    )
    assert response.status_code == 200
    assert Enrolment.objects.filter(person__name="Iemand").count() == 0
