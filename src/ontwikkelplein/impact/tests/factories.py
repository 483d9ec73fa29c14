"""Helpers for impact tests.

run = RunFactory()                                  # courses' factory
measure(run, "e-overheid", "e-overheid")            # choose the lists
codes = make_cards(run, 6)
fill(codes[0].before, yes=True)                     # every question answered "ja"
pairs(run, 5, before_yes=False, after_yes=True)     # five cards, both filled in
"""

from ontwikkelplein.courses.tests.factories import RunFactory  # noqa: F401 (re-exported)
from ontwikkelplein.impact import services
from ontwikkelplein.impact.models import Moment, QuestionSet, Value


def measure(run, before="e-overheid", after="e-overheid"):
    return services.set_questionnaires(
        run,
        before_set=QuestionSet.objects.get(slug=before) if before else None,
        after_set=QuestionSet.objects.get(slug=after) if after else None,
    )


def make_cards(run, count=1):
    return services.make_cards(run, count)


def answers_for(code: str, value: int) -> dict[int, int]:
    lookup = services.lookup_code(code)
    return {q.pk: value for q in lookup.question_set.questions_for(lookup.moment)}


def fill(code: str, *, yes: bool = True, value: int | None = None, **kwargs):
    if value is None:
        value = Value.YES if yes else Value.NO
    return services.submit_answers(code, answers_for(code, value), **kwargs)


def pairs(run, count, *, before_yes=False, after_yes=True):
    """`count` participants who filled in both lists."""
    codes = make_cards(run, count)
    for c in codes:
        fill(c.before, yes=before_yes)
        fill(c.after, yes=after_yes)
    return codes


__all__ = ["Moment", "RunFactory", "fill", "make_cards", "measure", "pairs"]
