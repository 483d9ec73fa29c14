"""Template context that every page's layout (templates/base.html) needs."""

from ontwikkelplein.core import text_size


def reading_preferences(request):
    """The text size the visitor chose: `text_size` (the value) and `text_size_class` (on <html>),
    and the choices for the buttons (core/_reading_tools.html)."""
    value = text_size.chosen(request)
    return {
        "text_size": value,
        "text_size_class": text_size.html_class(value),
        "text_size_choices": text_size.SIZES.items(),
    }
