"""The network's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import OrganisationKind, Role

# The library's own staff: the front desk reads, specialists and team leaders write.
READER_ROLES = (Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER)
WRITER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)
# The region's POI and the KB see counts only.
AGGREGATE_ROLES = (Role.POI_ADVISER, Role.KB_ADMIN)


def library_ids(user) -> set:
    """The library organisations whose network the user works with."""
    return scoping.organisation_ids_with_role(user, *READER_ROLES, kinds={OrganisationKind.LIBRARY})


def works_with_network(user) -> bool:
    return bool(library_ids(user))


def sees_aggregates(user) -> bool:
    return scoping.has_role(user, *AGGREGATE_ROLES)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "network",
            _("Netwerk"),
            "network:index",
            works_with_network,
            order=55,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "network",
            _("Netwerken van bibliotheken"),
            "network:overview",
            sees_aggregates,
            87,
            description=_("Partners per fase en per rol, en de lopende afspraken per bibliotheek"),
        )
    )
