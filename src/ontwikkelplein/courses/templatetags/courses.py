"""Run information on the catalogue's public pages. The catalogue may not import courses
(tests/test_architecture.py), so its templates `{% load courses %}` instead:

- `{% offer_runs offer %}` renders the "Aanmelden" section of the offer page: each run that is open
  for sign-up (or walk-in) with its place, dates, places left and the sign-up button;
- `{% offer_next_start offer as start %}` gives the next start date (selectors.next_start);
- `{% next_starts cards as starts %}` gives {offer id: next start} for a page of search results,
  and `starts|start_of:offer.pk` reads one.
"""

from django import template
from django.utils import timezone

from ontwikkelplein.courses import selectors
from ontwikkelplein.courses.models import RunStatus, Session

register = template.Library()

# The offer page lists this many dates of a run, then "En daarna nog N keer".
SESSIONS_SHOWN = 4


def _public_runs(offer):
    # The offer page asks twice (next start in the header, the runs further down): ask once.
    if not hasattr(offer, "_courses_public_runs"):
        offer._courses_public_runs = selectors.public_runs(offer)
    return offer._courses_public_runs


@register.inclusion_tag("courses/public/_offer_runs.html")
def offer_runs(offer):
    cards = []
    for run in _public_runs(offer):
        sessions = list(run.upcoming)
        cards.append(
            {
                "run": run,
                "sessions": sessions[:SESSIONS_SHOWN],
                "more": max(0, len(sessions) - SESSIONS_SHOWN),
                "session_count": len(sessions),
                "places_left": run.places_left,
            }
        )
    return {"offer": offer, "cards": cards}


@register.simple_tag
def offer_next_start(offer):
    """As selectors.next_start: the first session ahead of the runs the offer page shows."""
    runs = _public_runs(offer)
    return min((run.upcoming[0].date for run in runs), default=None)


@register.simple_tag
def next_starts(cards) -> dict:
    """Next start dates for the offers of a result page. One query finds the offers that have a
    published run with a session ahead (most have none); only those ask the selector."""
    offers = {card.offer.pk: card.offer for card in cards}
    if not offers:
        return {}
    with_runs = set(
        Session.objects.filter(
            run__offer_id__in=list(offers),
            run__status=RunStatus.PUBLISHED,
            cancelled=False,
            date__gte=timezone.localdate(),
        )
        .values_list("run__offer_id", flat=True)
        .distinct()
    )
    starts = {}
    for pk in with_runs:
        start = selectors.next_start(offers[pk])
        if start is not None:
            starts[pk] = start
    return starts


@register.filter
def start_of(starts, pk):
    return (starts or {}).get(pk)
