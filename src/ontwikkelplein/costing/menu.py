"""The calculators' part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role

# Those who plan budgets and account for them; the rule of every calculator page.
CALCULATOR_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER, Role.POI_ADVISER, Role.KB_ADMIN)


def uses_calculators(user) -> bool:
    return scoping.has_role(user, *CALCULATOR_ROLES)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "calculators",
            _("Rekenhulpen"),
            "costing:index",
            uses_calculators,
            90,
            description=_("Kostprijs van een sociaal-educatieve kaart en van een IDO"),
        )
    )
