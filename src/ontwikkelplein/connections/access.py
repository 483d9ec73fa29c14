"""Who sees what of "EMB in verbinding" (docs/community.md), only through
organisations.scoping: the library's front desk reads, its specialists and team leaders write;
the region's POI advisers and the KB see counts only; another library's action answers 404."""

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ontwikkelplein.connections.models import ConnectionAction
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role

READER_ROLES = (Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER)
WRITER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)
AGGREGATE_ROLES = (Role.POI_ADVISER, Role.KB_ADMIN)


def library_ids(user) -> set:
    return scoping.organisation_ids_with_role(user, *READER_ROLES, kinds={OrganisationKind.LIBRARY})


def works_with_connections(user) -> bool:
    return bool(library_ids(user))


def sees_counts(user) -> bool:
    return scoping.has_role(user, *AGGREGATE_ROLES)


def own_library(user, wanted: str = "") -> tuple[Organisation, list[Organisation]]:
    """The library the page is about: `?org=` when the user works there, else the first by
    name. 403 for users without a library; 404 for a library that is not theirs."""
    libraries = list(Organisation.objects.filter(pk__in=library_ids(user)).order_by("name"))
    if not libraries:
        raise PermissionDenied(
            _("De verbindingen zijn van de bibliotheek: alleen haar medewerkers zien ze.")
        )
    if not wanted:
        return libraries[0], libraries
    try:
        wanted_id = uuid.UUID(str(wanted))
    except (ValueError, AttributeError, TypeError):
        return libraries[0], libraries
    chosen = next((lib for lib in libraries if lib.pk == wanted_id), None)
    if chosen is None:
        raise Http404
    return chosen, libraries


def writes(user, library) -> bool:
    return scoping.has_role_in(user, library, *WRITER_ROLES)


def action(user, pk, *, write: bool = False) -> ConnectionAction:
    found = ConnectionAction.objects.filter(pk=pk).select_related("organisation").first()
    if found is None:
        raise Http404
    return scoping.require_member(user, found, *(WRITER_ROLES if write else READER_ROLES))
