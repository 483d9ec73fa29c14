"""Spam protection for the public site's forms, without a CAPTCHA (that would shut out exactly
the people these pages are for): a honeypot field, a minimum time between showing and sending
the form, and a rate limit per IP address. The referral and course forms each make a FormGuard
with their own salt, settings names and limits (referrals/spam.py, courses/spam.py); anything
later that puts a form on the public site makes its own FormGuard the same way.

The rate limit uses django-ratelimit on the default cache, which CACHE_URL chooses (a database
table by default, Redis with several nodes) so that every worker process counts together; behind
a reverse proxy set RATELIMIT_IP_META_KEY so the visitor's address is counted and not the
proxy's (core/net.py reads it the same way for the lockout and the security log). A library's
public computers share one address, so the limits are generous: they stop a flood, not a
family.
"""

import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

# The honeypot: a text field hidden from people (CSS and the accessibility tree) that bots fill in.
HONEYPOT_FIELD = "website"
# A signed timestamp of when the form was shown.
STARTED_FIELD = "gestart"


def honeypot_filled(data) -> bool:
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


class FormGuard:
    """The timing and rate-limit checks of one family of forms. Settings are read at each call,
    so a site (or a test) can change them without a restart."""

    def __init__(self, *, salt: str, min_seconds_setting: str, rates_setting: str, default_rates):
        self.salt = salt
        self.min_seconds_setting = min_seconds_setting
        self.rates_setting = rates_setting
        self.default_rates = default_rates

    @classmethod
    def of(cls, app: str, *, settings_prefix: str, default_rates) -> "FormGuard":
        """The guard of an app's public forms, with the usual names: salt
        "ontwikkelplein.<app>.form-started", settings <PREFIX>_FORM_MIN_SECONDS and
        <PREFIX>_RATES."""
        return cls(
            salt=f"ontwikkelplein.{app}.form-started",
            min_seconds_setting=f"{settings_prefix}_FORM_MIN_SECONDS",
            rates_setting=f"{settings_prefix}_RATES",
            default_rates=default_rates,
        )

    def min_fill_seconds(self) -> float:
        return float(getattr(settings, self.min_seconds_setting, 3))

    def rate_for(self, group: str) -> str:
        return getattr(settings, self.rates_setting, {}).get(group, self.default_rates[group])

    def started_token(self, now: float | None = None) -> str:
        """The value for the hidden STARTED_FIELD: when the form was shown, signed."""
        return signing.dumps(now if now is not None else time.time(), salt=self.salt)

    def filled_too_fast(self, token: str, now: float | None = None) -> bool:
        """True when the form came back sooner than a person can fill it in, or without a
        valid timestamp (a bot that posts without loading the form)."""
        try:
            started = float(signing.loads(token or "", salt=self.salt))
        except (signing.BadSignature, TypeError, ValueError):
            return True
        elapsed = (now if now is not None else time.time()) - started
        return elapsed < self.min_fill_seconds()

    def accepts(self, form) -> bool:
        """Whether a sent public form may be saved: valid, and not sent sooner than a person can
        fill it in. A valid form sent too fast gets an error at the top asking to check it and
        send it again (a person who was quick just sends it again; a bot does not)."""
        too_fast = self.filled_too_fast(form.data.get(STARTED_FIELD, ""))
        if not form.is_valid():
            return False
        if too_fast:
            form.add_error(
                None,
                _(
                    "Dat ging heel snel. Kijk nog even of alles klopt. "
                    "Verstuur het formulier daarna opnieuw."
                ),
            )
            return False
        return True

    def too_many(self, request, group: str) -> bool:
        """Counts this request for `group`; says whether the address went over the limit."""
        return is_ratelimited(
            request, group=group, key="ip", rate=self.rate_for(group), increment=True
        )
