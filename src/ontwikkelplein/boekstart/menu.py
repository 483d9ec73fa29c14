"""BoekStart's part of the staff shell (core.menu): the registration page, its panel on the desk
screen (one tap from there), and the figures page."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.boekstart.permissions import may_register
from ontwikkelplein.core import menu
from ontwikkelplein.organisations.figures import figure_scopes


def sees_figures(user) -> bool:
    return bool(figure_scopes(user))


def _panel_context(request):
    from ontwikkelplein.boekstart.views.desk import form_context

    return form_context(request)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "boekstart",
            _("BoekStart"),
            "boekstart:register",
            may_register,
            order=24,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            "desk-tools",
            "boekstart",
            _("BoekStart registreren"),
            "boekstart:register",
            may_register,
            order=30,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "boekstart",
            _("BoekStart"),
            "boekstart:figures",
            sees_figures,
            order=60,
            description=_("Waardebonnen, koffertjes en bereik onder pasgeborenen"),
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "boekstart",
            "boekstart/_desk_panel.html",
            _panel_context,
            may_register,
            order=10,
            page="desk",
        )
    )
