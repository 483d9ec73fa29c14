"""Template helpers of the front-desk figures."""

from django import template

from ontwikkelplein.organisations.figures import available_levels

register = template.Library()


@register.filter
def sees_figures(user) -> bool:
    """Whether the user may open the figures (for the staff menu)."""
    return bool(available_levels(user))
