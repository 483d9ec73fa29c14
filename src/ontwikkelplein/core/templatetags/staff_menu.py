"""Template tags of the staff shell: the menus apps registered in core.menu, per user."""

from django import template

from ontwikkelplein.core import menu

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_entries(context, name: str = menu.STAFF_MENU) -> list[dict]:
    """The entries of menu `name` the current user may use, ready to render:
    `{% menu_entries "referrals" as entries %}`. Each has key, label, url, description and
    badge (the count held by the entry's badge context variable, or None)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return [
        {
            "key": entry.key,
            "label": entry.label,
            "url": entry.url,
            "description": entry.description,
            "badge": context.get(entry.badge) if entry.badge else None,
        }
        for entry in menu.entries_for(user, name)
    ]


@register.simple_tag(takes_context=True)
def panels(context, page: str, obj=None):
    """The rendered panels of `page` for the current user: `{% panels "desk" as desk_panels %}`;
    on a page about one object, `{% panels "offer-staff" offer as offer_panels %}`."""
    request = context.get("request")
    if request is None:
        return []
    return menu.render_panels(request, page, obj)
