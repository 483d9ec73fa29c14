"""Tenancy: the few helpers through which every view and API decides which organisations'
data a user may see or change. Everything that scopes by organisation goes through here.

- Staff of a library or partner see and change their own organisation's data.
- Front-desk staff see their own organisation's data but do not edit the catalogue.
- A POI adviser reads (never changes) the data of the organisations in the POI's provinces.
- A KB-beheerder reads the whole network and edits reference data in the Django admin.
"""

from django.db.models import Q, QuerySet

from ontwikkelplein.organisations.models import Membership, Organisation, OrganisationKind, Role

EDITOR_ROLES = {Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF}
MEMBER_ROLES = EDITOR_ROLES | {Role.FRONT_DESK}


def memberships(user) -> list[Membership]:
    """The user's memberships, read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ontwikkelplein_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("organisation"))
        user._ontwikkelplein_memberships = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return any(m.role in roles for m in memberships(user))


def is_kb_admin(user) -> bool:
    return any(
        m.role == Role.KB_ADMIN and m.organisation.kind == OrganisationKind.KB
        for m in memberships(user)
    )


def is_staff_member(user) -> bool:
    """Anyone with a role in the network may use the back office."""
    return bool(memberships(user))


def editable_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose offers and locations the user may create and change."""
    ids = {m.organisation_id for m in memberships(user) if m.role in EDITOR_ROLES}
    return Organisation.objects.filter(pk__in=ids)


def own_organisations(user) -> QuerySet[Organisation]:
    """Organisations the user works for (any role but the read-only POI/KB ones)."""
    ids = {m.organisation_id for m in memberships(user) if m.role in MEMBER_ROLES}
    return Organisation.objects.filter(pk__in=ids)


def region_organisations(user) -> QuerySet[Organisation]:
    """Organisations a POI adviser may read: those serving a municipality in a province the
    POI covers, or with a location there. Empty for everyone else."""
    poi_ids = [
        m.organisation_id
        for m in memberships(user)
        if m.role == Role.POI_ADVISER and m.organisation.kind == OrganisationKind.POI
    ]
    if not poi_ids:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Q(municipalities__province__support_organisations__in=poi_ids)
        | Q(locations__municipality__province__support_organisations__in=poi_ids)
    ).distinct()


def readable_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose non-public data (drafts, archived offers) the user may read."""
    if is_kb_admin(user):
        return Organisation.objects.all()
    own = {m.organisation_id for m in memberships(user) if m.role in MEMBER_ROLES}
    region = set(region_organisations(user).values_list("pk", flat=True))
    return Organisation.objects.filter(pk__in=own | region)


def can_edit(user, organisation_id) -> bool:
    return any(
        m.organisation_id == organisation_id and m.role in EDITOR_ROLES for m in memberships(user)
    )


def can_read(user, organisation_id) -> bool:
    return readable_organisations(user).filter(pk=organisation_id).exists()
