"""Lockout after repeated failures (django-axes): per account and per address, the same Dutch
answer for an unknown account, logged in the security log; the cool-off ends it."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "geheim-wachtwoord-123"
LOCKED = "Inloggen tijdelijk geblokkeerd"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


def attempt(client, username, password="fout-wachtwoord", address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_with_a_dutch_message(client):
    user = UserFactory()
    for _ in range(4):
        response = attempt(client, user.username)
        assert response.status_code == 200
        assert "Inloggen is niet gelukt" in response.content.decode()
    response = attempt(client, user.username)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page and "15 minuten" in page
    assert user.username not in page
    # Now even the right password is refused, from any address (per account).
    response = attempt(client, user.username, PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_unknown_account_gets_the_same_answers(client):
    known, unknown = UserFactory(), "niemand-bekend"
    answers = {}
    for username in (known.username, unknown):
        pages = []
        for n in range(6):
            response = attempt(client, username, address=f"192.0.2.{len(answers) * 10 + n}")
            page = response.content.decode().replace(username, "X")
            pages.append((response.status_code, CSRF.sub("", page)))
        answers[username] = pages
    assert answers[known.username] == answers[unknown]
    assert answers[unknown][-1][0] == 429


def test_one_address_trying_many_accounts_is_locked(client):
    users = UserFactory.create_batch(5)
    for user in users:
        attempt(client, user.username, address="203.0.113.5")
    fresh = UserFactory()
    assert attempt(client, fresh.username, PASSWORD, address="203.0.113.5").status_code == 429
    # Another address still signs in.
    response = attempt(client, fresh.username, PASSWORD, address="203.0.113.99")
    assert response.status_code == 302


def test_the_lockout_ends_after_the_cool_off(client):
    user = UserFactory()
    with time_machine.travel(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC), tick=False):
        for _ in range(5):
            attempt(client, user.username)
        assert attempt(client, user.username, PASSWORD).status_code == 429
    with time_machine.travel(
        datetime.datetime(2026, 12, 7, 9, 16, tzinfo=datetime.UTC), tick=False
    ):
        assert attempt(client, user.username, PASSWORD).status_code == 302


def test_failures_and_the_lockout_are_in_the_security_log(client):
    user = UserFactory()
    for _ in range(6):
        attempt(client, user.username, address="192.0.2.77")
    attempt(client, "niemand-bekend", address="198.51.100.1")
    failures = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.SIGN_IN_FAILED)
    lockouts = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.LOCKED_OUT)
    # The attempt that reaches the limit is logged as the lockout, as is every refused one.
    assert failures.filter(actor=user).count() == 4
    assert lockouts.filter(actor=user).count() == 2
    event = lockouts.filter(actor=user).first()
    assert event.ip_network == "192.0.2.0"  # truncated, never the whole address
    assert event.detail == {"known_account": True}
    unknown = failures.get(actor=None)
    assert unknown.detail == {"known_account": False}
    # Nothing typed is stored.
    assert "niemand" not in str(list(SecurityEvent.objects.values()))


def test_a_successful_sign_in_is_logged_and_resets_the_count(client):
    user = UserFactory()
    for _ in range(4):
        attempt(client, user.username)
    assert attempt(client, user.username, PASSWORD).status_code == 302
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.SIGN_IN, actor=user).exists()
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        attempt(client, user.username)
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_behind_a_proxy_the_rate_limit_header_is_the_address(client, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    users = UserFactory.create_batch(5)
    for user in users:
        client.post(
            LOGIN,
            {"username": user.username, "password": "fout"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP="192.0.2.200",
        )
    fresh = UserFactory()
    other_visitor = client.post(
        LOGIN,
        {"username": fresh.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP="192.0.2.201",
    )
    assert other_visitor.status_code == 302  # the proxy's own address is not what counts
    assert SecurityEvent.objects.filter(ip_network="192.0.2.0").exists()
