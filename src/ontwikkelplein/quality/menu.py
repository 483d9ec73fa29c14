"""The quality framework's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role

# Library staff write their Taalhuis's self-evaluation; the region's POI and the KB read it.
WRITER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)
QUALITY_ROLES = (*WRITER_ROLES, Role.POI_ADVISER, Role.KB_ADMIN)


def reads_quality(user) -> bool:
    return scoping.has_role(user, *QUALITY_ROLES)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "quality",
            _("Kwaliteitskader Taalhuis"),
            "quality:index",
            reads_quality,
            85,
            description=_("Zelfevaluatie per norm met de cijfers van het platform, voor de audit"),
        )
    )
