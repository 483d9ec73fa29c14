"""The needs page's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role

# The library's own staff see exact counts; the front desk reads, specialists and team leaders
# also write the notes.
READER_ROLES = (Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER)
WRITER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)


def own_library_ids(user) -> set:
    """The libraries whose page the user sees with exact counts (their own)."""
    return scoping.organisation_ids_with_role(user, *READER_ROLES, kinds={OrganisationKind.LIBRARY})


def library_ids(user) -> set:
    """Every library whose page the user may open: their own, and for the region's POI adviser
    and the KB (in aggregate) the libraries of their area (organisations.scoping)."""
    ids = set(own_library_ids(user))
    if scoping.is_kb_admin(user):
        ids |= set(
            Organisation.objects.filter(kind=OrganisationKind.LIBRARY).values_list("pk", flat=True)
        )
    elif scoping.has_role(user, Role.POI_ADVISER):
        ids |= set(
            scoping.region_organisations(user)
            .filter(kind=OrganisationKind.LIBRARY)
            .values_list("pk", flat=True)
        )
    return ids


def sees_needs(user) -> bool:
    return bool(library_ids(user))


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "needs",
            _("Behoeften in de buurt"),
            "needs:index",
            sees_needs,
            order=57,
        )
    )
