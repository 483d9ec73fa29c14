"""The organisations app's part of the staff shell (core.menu), and the role predicates the
other apps' menu modules share. Every predicate asks organisations.scoping."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role

BACK_OFFICE_ROLES = (*scoping.EDITOR_ROLES, Role.POI_ADVISER, Role.KB_ADMIN)


def is_staff_member(user) -> bool:
    """The staff_required rule (organisations.views.access): any role in the network."""
    return scoping.is_staff_member(user)


def works_beyond_desk(user) -> bool:
    """Every role but front desk alone: the catalogue's upkeep, locations, templates and
    downloads are no front-desk work (their views are open to them, read-only)."""
    return scoping.has_role(user, *BACK_OFFICE_ROLES)


def oversees_region_or_country(user) -> bool:
    """POI advisers (their region) and the KB (the country) read figures, not single records."""
    return scoping.has_role(user, Role.POI_ADVISER, Role.KB_ADMIN)


def edits_an_organisation(user) -> bool:
    """The branding page's rule (views.branding_staff, access.require_editor)."""
    return scoping.editable_organisations(user).exists()


def figures_panel(request) -> dict:
    entries = menu.entries_for(request.user, menu.FIGURES_MENU)
    return {"entries": entries, "national": scoping.is_kb_admin(request.user)}


def roles_panel(request) -> dict:
    return {"memberships": scoping.memberships(request.user)}


def register() -> None:
    menu.register_panel(
        menu.HomePanel(
            "roles", "organisations/_home_roles.html", roles_panel, is_staff_member, order=0
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "figures",
            "core/staff/_figures_panel.html",
            figures_panel,
            oversees_region_or_country,
            order=5,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU, "home", _("Mijn werk"), "core:staff-home", is_staff_member, order=10
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "locations",
            _("Locaties"),
            "organisations:location-list",
            works_beyond_desk,
            order=80,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "branding",
            _("Huisstijl"),
            "branding:staff",
            edits_an_organisation,
            order=85,
            description=_(
                "De naam, kleuren en het logo van je organisatie op de pagina's voor inwoners."
            ),
        )
    )
