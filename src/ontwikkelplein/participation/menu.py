"""The programme register's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role

# Those who keep the register (KB, POI) and those who account for their library's part in it.
REGISTER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER, Role.POI_ADVISER, Role.KB_ADMIN)


def reads_register(user) -> bool:
    return scoping.has_role(user, *REGISTER_ROLES)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "programme-register",
            _("Programmaregister"),
            "participation:overview",
            reads_register,
            80,
            description=_("Welke bibliotheek meedoet aan welk programma, convenant of subsidie"),
        )
    )
