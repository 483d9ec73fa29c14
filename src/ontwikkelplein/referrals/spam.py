"""Spam protection of the public referral pages: the public site's FormGuard
(core/spam.py) with the referral forms' own salt, settings and limits."""

from ontwikkelplein.core.spam import (  # noqa: F401 (re-exported for the views and forms)
    HONEYPOT_FIELD,
    STARTED_FIELD,
    FormGuard,
    honeypot_filled,
)

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

# Salt "ontwikkelplein.referrals.form-started"; settings REFERRAL_FORM_MIN_SECONDS and
# REFERRAL_RATES.
guard = FormGuard.of("referrals", settings_prefix="REFERRAL", default_rates=DEFAULT_RATES)
