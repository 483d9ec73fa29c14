"""Demo data of the impact measurement: the four standard questionnaires (normally already there
through impact migration 0002; this puts them back after they were deleted). Idempotent: sets
that exist are left as they are."""

from ontwikkelplein.impact.models import Question, QuestionSet
from ontwikkelplein.impact.reference_data import ensure_standard_sets


def load_impact() -> int:
    """Returns the number of questionnaires created (0 when they were all there)."""
    return ensure_standard_sets(QuestionSet, Question)
