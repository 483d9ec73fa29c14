"""The rate limit of the questionnaire codes, like the referral status codes' (referrals/spam.py):
django-ratelimit on the default cache, per address. A code has about 59 random bits, so the
limit does not protect the codes; it keeps scripted guessing slow and noisy.

Only codes that find nothing count: a course group that fills in its questionnaires on the
library's computers (one address) is never stopped, a script that tries codes is. Once an
address is over the limit, every code it tries (also a good one) gets the 429 page until the
hour is over. IMPACT_RATES in the settings overrides the rate."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited

UNKNOWN_CODE = "impact:unknown-code"
DEFAULT_RATES = {UNKNOWN_CODE: "30/h"}


def rate_for(group: str) -> str:
    return getattr(settings, "IMPACT_RATES", {}).get(group, DEFAULT_RATES[group])


def over_limit(request) -> bool:
    """Whether this address already tried too many unknown codes (counts nothing)."""
    return is_ratelimited(
        request, group=UNKNOWN_CODE, key="ip", rate=rate_for(UNKNOWN_CODE), increment=False
    )


def count_unknown(request) -> bool:
    """Counts an unknown code; says whether the address is now over the limit."""
    return is_ratelimited(
        request, group=UNKNOWN_CODE, key="ip", rate=rate_for(UNKNOWN_CODE), increment=True
    )
