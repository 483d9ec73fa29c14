"""Helpers for the tests of the resident's course pages (C2's tests)."""

import re
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from ontwikkelplein.courses import spam
from ontwikkelplein.courses.models import Enrolment, Person
from ontwikkelplein.notifications.models import Notification, OutboxMessage


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limits count in the (process-wide) cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


def sign_up_data(**extra) -> dict:
    """A complete sign-up form, shown a minute ago."""
    data = {
        "name": "Fatima El Amrani",
        "phone": "06 12345678",
        "email": "fatima@example.org",
        "consent": "on",
        spam.HONEYPOT_FIELD: "",
        spam.STARTED_FIELD: spam.guard.started_token(time.time() - 60),
    }
    data.update(extra)
    return data


def sign_up_url(run) -> str:
    return reverse("courses:sign-up", args=[run.offer_id, run.pk])


def post_sign_up(client, run, ip="192.0.2.10", **extra):
    return client.post(sign_up_url(run), sign_up_data(**extra), REMOTE_ADDR=ip)


def link_url(token: str) -> str:
    return reverse("courses:resident-link", args=[token])


def stored_counts() -> dict:
    """Everything a sign-up can leave behind; compared before and after a refused request."""
    return {
        "enrolments": Enrolment.objects.count(),
        "people": Person.objects.count(),
        "outbox": OutboxMessage.objects.count(),
        "notifications": Notification.objects.count(),
    }


LINK = re.compile(r"https?://[^\s]+/cursus/([A-Za-z0-9_\-]+)/")


def token_in(message: OutboxMessage) -> str:
    """The token of the resident's link in an e-mail."""
    match = LINK.search(message.body)
    assert match, f"no resident link in: {message.body}"
    return match.group(1)
