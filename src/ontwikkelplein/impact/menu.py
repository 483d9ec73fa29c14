"""Impact's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.menu import works_beyond_desk


def sees_overview(user) -> bool:
    """The rule of views/staff.overview (404 without a scope), for every role but front desk
    alone (organisations.menu.works_beyond_desk)."""
    return works_beyond_desk(user) and bool(figure_scopes(user))


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU, "impact", _("Impact"), "impact:staff-overview", sees_overview, order=60
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "impact",
            _("Impact"),
            "impact:staff-overview",
            sees_overview,
            order=40,
            description=_("Wat deelnemers zeggen dat een cursus hun bracht"),
        )
    )
