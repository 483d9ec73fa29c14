"""The verification app's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes


def decides_suggestions(user) -> bool:
    """The rule of the suggestions page: it lists the organisations the user may edit."""
    return scoping.editable_organisations(user).exists()


def sees_figures(user) -> bool:
    return bool(figure_scopes(user))


def register() -> None:
    for entry in (
        menu.MenuEntry(
            menu.STAFF_MENU,
            "offer-suggestions",
            _("Voorstellen van partners"),
            "verification:suggestions",
            decides_suggestions,
            order=75,
        ),
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "offer-verification-figures",
            _("Actueel aanbod"),
            "verification:figures",
            sees_figures,
            70,
            description=_("Deel van het aanbod dat in het laatste half jaar is gecontroleerd"),
        ),
    ):
        menu.register_entry(entry)
