"""Spam protection for the public referral pages, without a CAPTCHA (that would shut out exactly
the people these pages are for): a honeypot field, a minimum time between showing and sending
the form, and a rate limit per IP address.

The rate limit uses django-ratelimit on the default cache. The default cache is Django's
in-process memory cache: right for `make run` and the tests (one process). A production site
with several worker processes needs a shared cache (memcached or Redis) in CACHES, or each
worker counts on its own; behind a reverse proxy set RATELIMIT_IP_META_KEY so the visitor's
address is counted and not the proxy's. A library's public computers share one address, so the
limits are generous: they stop a flood, not a family.
"""

import time

from django.conf import settings
from django.core import signing
from django_ratelimit.core import is_ratelimited

# The honeypot: a text field hidden from people (CSS and the accessibility tree) that bots fill in.
HONEYPOT_FIELD = "website"
# A signed timestamp of when the form was shown.
STARTED_FIELD = "gestart"
_SALT = "ontwikkelplein.referrals.form-started"

HELP_FORM = "referrals:help-form"
STATUS_LOOKUP = "referrals:status-lookup"
PARTNER_LINK = "referrals:partner-link"

DEFAULT_RATES = {
    # Sent "Ik wil hulp" forms (every POST counts, also refused ones) per address.
    HELP_FORM: "10/h",
    # Looked-up reference codes per address: enough for a person, far too few to guess codes.
    STATUS_LOOKUP: "30/h",
    # Partner link requests per address: stops trying tokens (they are unguessable anyway).
    PARTNER_LINK: "120/h",
}


def min_fill_seconds() -> float:
    return float(getattr(settings, "REFERRAL_FORM_MIN_SECONDS", 3))


def rate_for(group: str) -> str:
    return getattr(settings, "REFERRAL_RATES", {}).get(group, DEFAULT_RATES[group])


def started_token(now: float | None = None) -> str:
    """The value for the hidden STARTED_FIELD: when the form was shown, signed."""
    return signing.dumps(now if now is not None else time.time(), salt=_SALT)


def filled_too_fast(token: str, now: float | None = None) -> bool:
    """True when the form came back sooner than a person can fill it in, or without a valid
    timestamp (a bot that posts without loading the form)."""
    try:
        started = float(signing.loads(token or "", salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    elapsed = (now if now is not None else time.time()) - started
    return elapsed < min_fill_seconds()


def honeypot_filled(data) -> bool:
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


def too_many(request, group: str) -> bool:
    """Counts this request for `group` and says whether the address went over the limit."""
    return is_ratelimited(request, group=group, key="ip", rate=rate_for(group), increment=True)
