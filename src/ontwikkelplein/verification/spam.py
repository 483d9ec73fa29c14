"""Spam protection of the partner's verification page: the public site's FormGuard
(core/spam.py) with this app's salt, settings and limits."""

from ontwikkelplein.core.spam import (  # noqa: F401 (re-exported for the views)
    HONEYPOT_FIELD,
    FormGuard,
    honeypot_filled,
)

PARTNER_PAGE = "verification:partner"
PARTNER_ANSWER = "verification:partner-answer"

DEFAULT_RATES = {
    # Page views per address: stops trying tokens (they are unguessable anyway).
    PARTNER_PAGE: "120/h",
    # Sent answers per address: a partner with many offers answers a few dozen at most.
    PARTNER_ANSWER: "60/h",
}

# Salt "ontwikkelplein.verification.form-started"; settings OFFER_VERIFICATION_FORM_MIN_SECONDS
# and OFFER_VERIFICATION_RATES.
guard = FormGuard.of(
    "verification", settings_prefix="OFFER_VERIFICATION", default_rates=DEFAULT_RATES
)
