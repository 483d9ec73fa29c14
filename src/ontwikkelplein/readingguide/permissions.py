"""Who may do what in the leeswijzer, through organisations.scoping only.

Reading the guide: every staff member (and residents on the public page). Changing a library's
own table: its specialists and team leaders (scoping.can_edit on a library). Changing the national
table: the KB-beheerder."""

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import OrganisationKind


def guide_organisation(user):
    """The library whose table the user reads: the first own library, else None (national)."""
    libraries = scoping.own_organisations(user).filter(kind=OrganisationKind.LIBRARY)
    return libraries.order_by("name").first()


def may_edit_library_table(user, organisation) -> bool:
    return (
        organisation is not None
        and organisation.kind == OrganisationKind.LIBRARY
        and scoping.can_edit(user, organisation)
    )


def may_edit_table(user, table) -> bool:
    if table.national:
        return scoping.is_kb_admin(user)
    return may_edit_library_table(user, table.organisation)


def may_manage(user) -> bool:
    """Sees the page that lists a table with its change links."""
    return scoping.is_kb_admin(user) or may_edit_library_table(user, guide_organisation(user))
