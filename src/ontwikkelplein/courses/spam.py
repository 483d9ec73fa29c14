"""Spam protection for the public sign-up form, without a CAPTCHA (that would shut out exactly the
people these courses are for): a honeypot field, a minimum time between showing and sending the
form, and a rate limit per IP address (django-ratelimit on the default cache).

The same ideas as the referral form (docs/referrals.md); courses may not import referrals, so this
is a short module of its own. A library's public computers share one address: the limits stop a
flood, not a family.
"""

import time

from django.conf import settings
from django.core import signing
from django_ratelimit.core import is_ratelimited

# Bots fill in every field; people never see this one (hidden by CSS and from assistive tech).
HONEYPOT_FIELD = "website"
# A signed timestamp of when the form was shown.
STARTED_FIELD = "gestart"
_SALT = "ontwikkelplein.courses.form-started"

SIGN_UP = "courses:sign-up"
RESIDENT_LINK = "courses:resident-link"

DEFAULT_RATES = {
    # Sent sign-up forms per address (every POST counts, also refused ones).
    SIGN_UP: "10/h",
    # Requests to the resident's link per address: stops trying tokens (unguessable anyway).
    RESIDENT_LINK: "120/h",
}


def min_fill_seconds() -> float:
    return float(getattr(settings, "COURSE_FORM_MIN_SECONDS", 3))


def rate_for(group: str) -> str:
    return getattr(settings, "COURSE_RATES", {}).get(group, DEFAULT_RATES[group])


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
    return (now if now is not None else time.time()) - started < min_fill_seconds()


def honeypot_filled(data) -> bool:
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


def too_many(request, group: str) -> bool:
    """Counts this request for `group` and says whether the address went over the limit."""
    return is_ratelimited(request, group=group, key="ip", rate=rate_for(group), increment=True)
