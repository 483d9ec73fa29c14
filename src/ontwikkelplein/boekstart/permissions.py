"""Who may register BoekStart at a desk: front desk, specialists and team leaders of a library
(scoping.DESK_ROLES at an organisation of kind library), for its own locations."""

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, OrganisationKind


def registering_organisation_ids(user) -> set:
    return scoping.organisation_ids_with_role(
        user, *scoping.DESK_ROLES, kinds={OrganisationKind.LIBRARY}
    )


def may_register(user) -> bool:
    return bool(registering_organisation_ids(user))


def registering_locations(user):
    return (
        Location.objects.filter(organisation_id__in=registering_organisation_ids(user))
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
