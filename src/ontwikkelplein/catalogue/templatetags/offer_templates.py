"""Template tags that show template suggestions ("Er is een nieuwe versie van het sjabloon")
on the staff offer pages, which belong to other views: the offer list, preview and edit."""

from django import template

from ontwikkelplein.catalogue import selectors
from ontwikkelplein.organisations import scoping

register = template.Library()


def _pending_offer_ids(request) -> set:
    """Offers with a pending suggestion that the user may change, worked out once a request."""
    cached = getattr(request, "_ontwikkelplein_template_suggestions", None)
    if cached is None:
        user = request.user
        if scoping.editable_organisations(user).exists():
            cached = {s.offer.pk for s in selectors.template_suggestions(user)}
        else:
            cached = set()
        request._ontwikkelplein_template_suggestions = cached
    return cached


@register.inclusion_tag("catalogue/staff/template_suggestions_banner.html", takes_context=True)
def template_suggestions_banner(context):
    """On the offer list: how many offers have a new template version, with a link."""
    return {"count": len(_pending_offer_ids(context["request"]))}


@register.simple_tag(takes_context=True)
def has_template_suggestion(context, offer) -> bool:
    """In a row of the offer list: does this offer have a new template version?"""
    return offer.pk in _pending_offer_ids(context["request"])


@register.inclusion_tag("catalogue/staff/template_suggestion_notice.html", takes_context=True)
def template_suggestion_notice(context, offer):
    """On an offer's preview and edit page: the suggestion, if there is one and the user may
    act on it."""
    request = context["request"]
    suggestion = None
    if offer is not None and scoping.can_edit(request.user, offer.organisation_id):
        suggestion = selectors.template_suggestion(offer)
    return {"suggestion": suggestion, "offer": offer}
