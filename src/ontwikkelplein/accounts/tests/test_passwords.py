"""Changing and resetting passwords: at least 12 characters with Django's validators in Dutch, the
reset mail through the outbox, the same answer for an unknown address, a link that works once and
expires, a rate limit, and the security log."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.notifications.services import send_due_messages
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password-reset")
CHANGE = reverse("accounts:password-change")
OLD = "geheim-wachtwoord-123"
NEW = "lange zin over de bibliotheek"
Kind = SecurityEvent.Kind


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://bieb.example"


# --- Change ----------------------------------------------------------------------------------


def test_a_short_password_is_refused_in_dutch(client):
    user = staff_user(role=Role.SPECIALIST)
    client.force_login(user)
    response = client.post(
        CHANGE,
        {"old_password": OLD, "new_password1": "kort-wacht1", "new_password2": "kort-wacht1"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit wachtwoord is te kort. Het moet minstens 12 tekens hebben." in page
    user.refresh_from_db()
    assert user.check_password(OLD)


def test_common_and_numeric_passwords_are_refused_in_dutch(client):
    client.force_login(staff_user(role=Role.SPECIALIST))
    common = client.post(
        CHANGE,
        {"old_password": OLD, "new_password1": "1qaz2wsx3edc", "new_password2": "1qaz2wsx3edc"},
    )
    numeric = client.post(
        CHANGE,
        {"old_password": OLD, "new_password1": "948372615048", "new_password2": "948372615048"},
    )
    page = common.content.decode() + numeric.content.decode()
    assert "Dit wachtwoord wordt te vaak gebruikt." in page
    assert "Dit wachtwoord bestaat alleen uit cijfers." in page
    assert "This password" not in page


def test_changing_the_password_keeps_the_session_and_is_logged(client):
    user = staff_user(role=Role.SPECIALIST)
    client.force_login(user)
    response = client.post(
        CHANGE, {"old_password": OLD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response["Location"] == reverse("accounts:security")
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.get(reverse("core:staff-home")).status_code == 200
    assert SecurityEvent.objects.filter(kind=Kind.PASSWORD_CHANGED, actor=user).exists()


def test_the_help_texts_are_in_informal_dutch(client):
    client.force_login(staff_user(role=Role.SPECIALIST))
    page = client.get(CHANGE).content.decode()
    assert "Je wachtwoord moet minstens 12 tekens hebben." in page
    assert "Uw wachtwoord" not in page


def test_the_change_page_needs_a_login(client):
    assert client.get(CHANGE)["Location"].startswith(reverse("accounts:login"))


# --- Reset ----------------------------------------------------------------------------------


def request_reset(client, email, address="192.0.2.30"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def reset_link(message: OutboxMessage) -> str:
    return re.search(
        r"https://bieb\.example(/account/wachtwoord/nieuw/[^\s]+/)", message.body
    ).group(1)


def test_the_reset_mail_goes_through_the_outbox(client):
    user = UserFactory(email="linde@bieb.example")
    response = request_reset(client, "LINDE@bieb.example")
    assert response["Location"] == reverse("accounts:password-reset-sent")
    message = OutboxMessage.objects.get()
    assert message.to == ["linde@bieb.example"]
    assert message.reference == f"password-reset:{user.pk}"
    assert message.subject == "Nieuw wachtwoord voor Ontwikkelplein"
    assert "60 minuten" in message.body and user.username in message.body
    # The outbox sends it (here by hand; on a site right after the commit or by the worker).
    assert send_due_messages() == (1, 0)
    assert mail.outbox[0].to == ["linde@bieb.example"]
    assert reset_link(message) in mail.outbox[0].body
    event = SecurityEvent.objects.get(kind=Kind.PASSWORD_RESET_REQUESTED)
    assert event.subject_id == user.pk and "linde" not in str(event.detail)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    UserFactory(email="linde@bieb.example")
    known = request_reset(client, "linde@bieb.example", address="192.0.2.31")
    unknown = request_reset(client, "niemand@bieb.example", address="192.0.2.32")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert OutboxMessage.objects.count() == 1
    page = client.get(unknown["Location"]).content.decode()
    assert "Als er een account bij dit e-mailadres hoort" in page
    assert SecurityEvent.objects.filter(
        kind=Kind.PASSWORD_RESET_REQUESTED, actor=None, detail={"known_account": False}
    ).exists()


def test_the_link_sets_a_new_password_once(client):
    user = UserFactory(email="linde@bieb.example")
    request_reset(client, "linde@bieb.example")
    link = reset_link(OutboxMessage.objects.get())
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "Nieuw wachtwoord kiezen" in form.content.decode()
    set_url = form.redirect_chain[-1][0]
    short = client.post(set_url, {"new_password1": "kort", "new_password2": "kort"})
    assert short.status_code == 400 and "Dit wachtwoord is te kort" in short.content.decode()
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password-reset-complete")
    user.refresh_from_db()
    assert user.check_password(NEW)
    # The spent link is gone from the outbox, and does not work again.
    assert not OutboxMessage.objects.exists()
    again = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()
    assert SecurityEvent.objects.filter(kind=Kind.PASSWORD_RESET_DONE, actor=user).exists()


def test_the_link_expires(client, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    UserFactory(email="linde@bieb.example")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        request_reset(client, "linde@bieb.example")
    link = reset_link(OutboxMessage.objects.get())
    with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False):
        page = client.get(link, follow=True).content.decode()
    assert "Deze link werkt niet meer" in page


def test_a_reset_lifts_a_lockout(client):
    user = UserFactory(email="linde@bieb.example")
    login = reverse("accounts:login")
    for _ in range(5):
        client.post(login, {"username": user.username, "password": "fout"}, REMOTE_ADDR="192.0.2.9")
    request_reset(client, "linde@bieb.example")
    link = reset_link(OutboxMessage.objects.get())
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    response = client.post(
        login, {"username": user.username, "password": NEW}, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 302


def test_the_reset_form_is_rate_limited(client, settings):
    settings.PASSWORD_RESET_RATE = "3/h"
    for n in range(3):
        assert (
            request_reset(client, f"iemand{n}@bieb.example", address="192.0.2.99").status_code
            == 302
        )
    response = request_reset(client, "nog-iemand@bieb.example", address="192.0.2.99")
    assert response.status_code == 429
    assert "te veel aanvragen" in response.content.decode()


def test_a_bad_address_gets_a_dutch_message(client):
    response = request_reset(client, "geen-adres")
    assert response.status_code == 400
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert not OutboxMessage.objects.exists()
