"""Learning's part of the staff shell (core.menu): the main menu entry, the section's own menu,
the overviews in the figures menu and the POI adviser's panel of groups to plan."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.learning import selectors
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.menu import is_staff_member
from ontwikkelplein.organisations.models import Role

MENU = "learning"
PANEL_ROWS = 8


def sees_overviews(user) -> bool:
    """The rule of views/overview.py: any figures level, with the own level for team leaders."""
    return bool(figure_scopes(user, own_organisations=selectors.team_leader_libraries(user)))


def sees_groups(user) -> bool:
    """Those with groups in selectors.visible_groups: the library's team leaders and
    specialists, and POI advisers. The page is open to all staff, but empty for the others."""
    return scoping.has_role(user, Role.TEAM_LEADER, Role.SPECIALIST, Role.POI_ADVISER)


def plans_groups(user) -> bool:
    return scoping.has_role(user, Role.POI_ADVISER)


def groups_panel(request) -> dict:
    groups = selectors.groups_to_plan(request.user)
    return {"groups": groups[:PANEL_ROWS], "count": groups.count()}


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "learning",
            _("Leren"),
            "learning:trajectory-list",
            is_staff_member,
            order=50,
        )
    )
    for entry in (
        menu.MenuEntry(
            MENU,
            "trajectories",
            _("Leertrajecten"),
            "learning:trajectory-list",
            is_staff_member,
            10,
        ),
        menu.MenuEntry(MENU, "groups", _("Groepen"), "learning:group-list", sees_groups, 20),
        menu.MenuEntry(
            MENU, "mine", _("Mijn voortgang"), "learning:my-progress", is_staff_member, 30
        ),
        menu.MenuEntry(
            MENU, "events", _("Kennisdelen"), "learning:event-list", is_staff_member, 40
        ),
        menu.MenuEntry(MENU, "overview", _("Overzichten"), "learning:overview", sees_overviews, 50),
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "learning",
            _("Leren en ontwikkelen"),
            "learning:overview",
            sees_overviews,
            50,
            description=_("Groepen, deelnemers, certificaten en kosten"),
        ),
    ):
        menu.register_entry(entry)
    menu.register_panel(
        menu.HomePanel(
            "learning-groups", "learning/_home_panel.html", groups_panel, plans_groups, 30
        )
    )
