"""`{{ offer|availability_note }}`: "Weer vanaf maart" or "Vanaf 3 maart" for an offer that
search finds but that is not available today (Offer.availability_note); "" otherwise."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def availability_note(offer) -> str:
    return offer.availability_note(timezone.localdate())
