"""Who may use activity plans (organisations.scoping decides membership). A plan belongs to its
library: its specialists and team leaders write it, its front desk reads it. Nobody outside the
library opens a plan (another library's plan answers 404); the region's POI advisers and the KB
see only figures over plans (selectors.aggregates). National example templates (no
organisation) are read and copied by every library's staff."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role

WRITER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)
READER_ROLES = (*WRITER_ROLES, Role.FRONT_DESK)
AGGREGATE_ROLES = (Role.POI_ADVISER, Role.KB_ADMIN)


def uses_plans(user) -> bool:
    return bool(plan_libraries(user))


def sees_aggregates(user) -> bool:
    return scoping.has_role(user, *AGGREGATE_ROLES)


def plan_libraries(user):
    """The libraries whose plans the user reads."""
    return Organisation.objects.filter(
        pk__in=scoping.organisation_ids_with_role(
            user, *READER_ROLES, kinds={OrganisationKind.LIBRARY}
        )
    ).order_by("name")


def writable_libraries(user):
    return Organisation.objects.filter(
        pk__in=scoping.organisation_ids_with_role(
            user, *WRITER_ROLES, kinds={OrganisationKind.LIBRARY}
        )
    ).order_by("name")


def can_read(user, plan) -> bool:
    if plan.organisation_id is None:
        return uses_plans(user)
    return scoping.has_role_in(user, plan.organisation_id, *READER_ROLES)


def can_write(user, plan) -> bool:
    return plan.organisation_id is not None and scoping.has_role_in(
        user, plan.organisation_id, *WRITER_ROLES
    )


def require_read(user, plan):
    if plan is None or not can_read(user, plan):
        raise Http404
    return plan


def require_write(user, plan):
    require_read(user, plan)
    if not can_write(user, plan):
        if plan.organisation_id is None:
            raise PermissionDenied(_("Een landelijk voorbeeld kopieer je; wijzigen doet de KB."))
        raise PermissionDenied(_("Je mag dit draaiboek alleen bekijken, niet wijzigen."))
    return plan


def require_writer_of(user, organisation):
    if organisation is None or not scoping.has_role_in(user, organisation, *WRITER_ROLES):
        raise PermissionDenied(_("Alleen specialisten en teamleiders maken draaiboeken."))
    return organisation
