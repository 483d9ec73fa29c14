"""Helpers for the tests of the resident's pages, the partner link and the API (R2's tests)."""

import re
import time

import pytest
from django.core.cache import cache

from ontwikkelplein.notifications.models import Notification, OutboxMessage
from ontwikkelplein.referrals import spam
from ontwikkelplein.referrals.models import (
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralEvent,
    ReferralPerson,
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limits count in the (process-wide) cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


def help_data(**extra) -> dict:
    """A complete "Ik wil hulp" form, shown a minute ago."""
    data = {
        "name": "Fatima El Amrani",
        "contact_preference": "phone",
        "phone": "06 12345678",
        "email": "",
        "best_moment": "Dinsdagmiddag",
        "question": "Ik wil hulp bij het aanvragen van DigiD.",
        "consent": "on",
        spam.HONEYPOT_FIELD: "",
        spam.STARTED_FIELD: spam.guard.started_token(time.time() - 60),
    }
    data.update(extra)
    return data


def stored_counts() -> dict:
    """Everything a referral can leave behind; compared before and after a refused request."""
    return {
        "referrals": Referral.objects.count(),
        "people": ReferralPerson.objects.count(),
        "events": ReferralEvent.objects.count(),
        "links": PartnerLink.objects.count(),
        "accesses": PersonalDataAccess.objects.count(),
        "outbox": OutboxMessage.objects.count(),
        "notifications": Notification.objects.count(),
    }


NOTHING = {
    "referrals": 0,
    "people": 0,
    "events": 0,
    "links": 0,
    "accesses": 0,
    "outbox": 0,
    "notifications": 0,
}

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
STARTED = re.compile(rf'name="{spam.STARTED_FIELD}" value="[^"]*"')


def comparable(html: str) -> str:
    """A page without its per-request tokens, to compare two answers."""
    return STARTED.sub("", CSRF.sub("", html))
