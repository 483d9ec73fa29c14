"""Run information on the catalogue's public pages. The catalogue may not import courses
(tests/test_architecture.py), so its templates `{% load courses %}` instead:

- `{% offer_runs offer %}` renders the "Aanmelden" section of the offer page: each run that is open
  for sign-up (or walk-in) with its place, dates, places left and the sign-up button;
- `{% offer_next_start offer as start %}` gives the next start date (selectors.next_start);
- `{% next_starts cards as starts %}` gives {offer id: next start} for a page of search results,
  and `starts|start_of:offer.pk` reads one.
"""

from django import template
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue.models import SignUp
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
    """The runs section. A walk-in offer (or one whose runs are all walk-in) is headed
    "Wanneer?" and never "Aanmelden"."""
    cards = []
    for run in _public_runs(offer):
        sessions = list(run.upcoming)
        cards.append(
            {
                "run": run,
                "sessions": sessions[:SESSIONS_SHOWN],
                "more": max(0, len(sessions) - SESSIONS_SHOWN),
                "session_count": len(run.happening),
                "places_left": run.places_left,
                "full": run.can_sign_up and run.places_left == 0,
            }
        )
    # A full run points at where there is room: a later run of this offer, else the nearest run
    # of a similar offer (often another library's).
    with_room = [card["run"] for card in cards if selectors._has_room(card["run"])]
    similar = None
    for card in cards:
        if not card["full"]:
            continue
        card["other_runs"] = [run for run in with_room if run.pk != card["run"].pk][:2]
        if not card["other_runs"]:
            if similar is None:
                similar = selectors.similar_open_runs(offer, card["run"].location)
            card["similar_runs"] = similar
    walk_in = offer.sign_up == SignUp.WALK_IN or all(card["run"].walk_in for card in cards)
    return {"offer": offer, "cards": cards, "walk_in": walk_in}


@register.simple_tag
def offer_sign_up_url(offer) -> str:
    """Where the offer page's first button goes when the offer has a run open for sign-up: that
    run's form when there is one, the "Aanmelden" section when there are several; else empty."""
    open_runs = [run for run in _public_runs(offer) if run.can_sign_up]
    if len(open_runs) == 1:
        return reverse("courses:sign-up", args=[offer.pk, open_runs[0].pk])
    return "#aanmelden-kop" if open_runs else ""


@register.simple_tag
def offer_has_runs(offer) -> bool:
    """Whether the offer page shows runs (then their dates are the offer's "when")."""
    return bool(_public_runs(offer))


@register.simple_tag
def offer_next_start(offer):
    """As selectors.next_start: the first session ahead of the runs the offer page shows."""
    runs = _public_runs(offer)
    return min((run.happening[0].date for run in runs), default=None)


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
