"""The overview's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role

# Those who steer: a library's specialists and team leaders, POI advisers, the KB.
OVERVIEW_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER, Role.POI_ADVISER, Role.KB_ADMIN)
LIBRARY_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)


def uses_overview(user) -> bool:
    return scoping.has_role(user, *OVERVIEW_ROLES)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "overview",
            _("Overzicht"),
            "overview:index",
            uses_overview,
            5,
            description=_(
                "Balie, doorverwijzingen, cursussen, impact, leren en aanbod in één overzicht, "
                "van locatie tot heel Nederland"
            ),
        )
    )
