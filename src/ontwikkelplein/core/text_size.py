"""The resident's text size (three steps), kept in a cookie so the server can draw the page at that
size, with or without JavaScript. reading.js keeps the same cookie and localStorage in step when
JavaScript runs; the view in core/views.py sets it for the form without JavaScript.

The cookie is a functional preference (no tracking, nothing personal), allowed without consent."""

from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "op_tekstgrootte"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
NORMAL = "normaal"
# value -> (class on <html>, label). The classes set the root font size in site.css; every size in
# the stylesheets is in rem, so the whole layout grows with it.
SIZES = {
    NORMAL: ("", _("Normale tekst")),
    "groter": ("op-text-larger", _("Grotere tekst")),
    "grootst": ("op-text-largest", _("Grootste tekst")),
}


def chosen(request) -> str:
    """The size this visitor chose, or NORMAL for no cookie or one with a value we do not know."""
    value = request.COOKIES.get(COOKIE_NAME, "") if request is not None else ""
    return value if value in SIZES else NORMAL


def html_class(value: str) -> str:
    return SIZES.get(value, SIZES[NORMAL])[0]
