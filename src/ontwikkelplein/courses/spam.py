"""Spam protection of the public course sign-up: the public site's FormGuard
(core/spam.py) with the course forms' own salt, settings and limits."""

from ontwikkelplein.core.spam import (  # noqa: F401 (re-exported for the views and forms)
    HONEYPOT_FIELD,
    STARTED_FIELD,
    FormGuard,
    honeypot_filled,
)

SIGN_UP = "courses:sign-up"
RESIDENT_LINK = "courses:resident-link"

DEFAULT_RATES = {
    # Sent sign-up forms per address (every POST counts, also refused ones).
    SIGN_UP: "10/h",
    # Requests to the resident's link per address: stops trying tokens (unguessable anyway).
    RESIDENT_LINK: "120/h",
}

# Salt "ontwikkelplein.courses.form-started"; settings COURSE_FORM_MIN_SECONDS and COURSE_RATES.
guard = FormGuard.of("courses", settings_prefix="COURSE", default_rates=DEFAULT_RATES)
