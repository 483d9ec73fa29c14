"""Tenancy: the one policy through which every view, service and API decides which
organisations' data a user may see or change. Nothing else in the code base looks at
memberships or roles to decide access; it asks here.

The policy
- Staff of a library or partner (front desk, specialist, team leader, partner staff) see their
  own organisation's data. Specialists, team leaders and partner staff also change it; the front
  desk does not edit the catalogue.
- A POI adviser (a membership with that role of an organisation of kind POI) reads, never
  changes, the data of the organisations in the POI's region: those serving a municipality in a
  province the POI covers, or with a location there.
- A KB-beheerder (that role at the KB) reads the whole network and edits reference data in the
  Django admin.

Two verbs for every question
- `can_read(user, target)` / `can_edit(user, target)` answer with a bool;
- `require_read(user, target)` / `require_edit(user, target)` raise: Http404 for a target of an
  organisation the user may not read (so its existence is not revealed), PermissionDenied (403)
  for one the user may read but not change.
A target is an organisation, its primary key, or any object with an `organisation_id` (or whose
owning organisation is named with `field=`).

Querysets: `visible_for(user, queryset)` and `editable_for(user, queryset)` filter any queryset
whose model has an `organisation` foreign key (or the one named with `field=`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ontwikkelplein.organisations.models import Membership, Organisation, OrganisationKind, Role

EDITOR_ROLES = {Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF}
MEMBER_ROLES = EDITOR_ROLES | {Role.FRONT_DESK}
# Roles that work at the desk screen of their own library.
DESK_ROLES = {Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER}


# --- Memberships and roles ------------------------------------------------------------------


def memberships(user) -> list[Membership]:
    """The user's memberships, read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ontwikkelplein_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("organisation"))
        user._ontwikkelplein_memberships = cached
    return cached


def _valid(m: Membership) -> bool:
    """A membership counts only when its role fits its organisation's kind: a POI adviser of a
    POI, a KB-beheerder of the KB, staff roles of a library or partner."""
    kind = m.organisation.kind
    if m.role == Role.POI_ADVISER:
        return kind == OrganisationKind.POI
    if m.role == Role.KB_ADMIN:
        return kind == OrganisationKind.KB
    return True


def has_role(user, *roles: str) -> bool:
    """The user has one of `roles` at any organisation."""
    return any(m.role in roles and _valid(m) for m in memberships(user))


def roles_in(user, organisation) -> set[str]:
    """The user's roles at one organisation."""
    organisation_id = _organisation_id(organisation)
    return {m.role for m in memberships(user) if m.organisation_id == organisation_id and _valid(m)}


def has_role_in(user, organisation, *roles: str) -> bool:
    return bool(roles_in(user, organisation) & set(roles))


def organisation_ids_with_role(user, *roles: str, kinds=None) -> set:
    """Primary keys of the organisations where the user has one of `roles` (and, when given,
    whose kind is one of `kinds`)."""
    return {
        m.organisation_id
        for m in memberships(user)
        if m.role in roles and _valid(m) and (kinds is None or m.organisation.kind in kinds)
    }


def is_kb_admin(user) -> bool:
    return has_role(user, Role.KB_ADMIN)


def is_staff_member(user) -> bool:
    """Anyone with a role in the network may use the back office."""
    return bool(memberships(user))


def is_team_leader(user, organisation=None) -> bool:
    """Team leader of `organisation`, or of any organisation when none is given."""
    if organisation is None:
        return has_role(user, Role.TEAM_LEADER)
    return has_role_in(user, organisation, Role.TEAM_LEADER)


def team_led_organisations(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, Role.TEAM_LEADER))


def team_led_choice(user, wanted) -> tuple[Organisation, list[Organisation]]:
    """For a settings page a team leader keeps per organisation they lead: the one asked for
    (`wanted`, an id from ?org=, else the first by name) and all of them. Anyone who leads none
    gets PermissionDenied."""
    organisations = list(team_led_organisations(user).order_by("name"))
    if not organisations:
        raise PermissionDenied(_("Alleen een teamleider past de instellingen aan."))
    chosen = next((o for o in organisations if str(o.pk) == wanted), organisations[0])
    return chosen, organisations


def poi_ids(user) -> set:
    """The POIs the user advises for (POI adviser memberships of organisations of kind POI)."""
    return organisation_ids_with_role(user, Role.POI_ADVISER)


def is_poi_adviser(user, poi=None) -> bool:
    if poi is None:
        return bool(poi_ids(user))
    return _organisation_id(poi) in poi_ids(user)


def primary_organisation(user) -> Organisation | None:
    """The organisation of the user's first membership (for a page's default)."""
    found = memberships(user)
    return found[0].organisation if found else None


# --- Organisations ----------------------------------------------------------------------------


def own_organisation_ids(user) -> set:
    """Primary keys of the organisations the user works for (not the read-only POI/KB roles)."""
    return organisation_ids_with_role(user, *MEMBER_ROLES)


def own_organisations(user) -> QuerySet[Organisation]:
    """Organisations the user works for (any role but the read-only POI/KB ones)."""
    return Organisation.objects.filter(pk__in=own_organisation_ids(user))


def editable_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose offers and locations the user may create and change."""
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, *EDITOR_ROLES))


def organisations_in_region(poi_pks) -> QuerySet[Organisation]:
    """The organisations in the region of the given POIs: those serving a municipality in a
    province a POI covers, or with a location there. This is the one definition of a region."""
    poi_pks = list(poi_pks)
    if not poi_pks:
        return Organisation.objects.none()
    pois = Organisation.objects.filter(pk__in=poi_pks, kind=OrganisationKind.POI)
    return Organisation.objects.filter(
        Q(municipalities__province__support_organisations__in=pois)
        | Q(locations__municipality__province__support_organisations__in=pois)
    ).distinct()


def covering_poi_ids(organisation_ids) -> set:
    """The inverse of a region: the POIs in whose region the given organisations are (a
    province of the POI holds a municipality they serve or one of their locations)."""
    organisation_ids = list(organisation_ids)
    if not organisation_ids:
        return set()
    return set(
        Organisation.objects.filter(kind=OrganisationKind.POI)
        .filter(
            Q(provinces__municipalities__organisations__in=organisation_ids)
            | Q(provinces__municipalities__locations__organisation__in=organisation_ids)
        )
        .values_list("pk", flat=True)
    )


def region_organisations(user) -> QuerySet[Organisation]:
    """Organisations a POI adviser may read: the region of the POIs they advise for. Empty for
    everyone else."""
    return organisations_in_region(poi_ids(user))


def readable_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose non-public data (drafts, archived offers) the user may read."""
    if is_kb_admin(user):
        return Organisation.objects.all()
    own = own_organisation_ids(user)
    region = set(region_organisations(user).values_list("pk", flat=True))
    return Organisation.objects.filter(pk__in=own | region)


# --- The two verbs ----------------------------------------------------------------------------


def _organisation_id(target, field: str = "organisation"):
    """The owning organisation's primary key of an organisation, a primary key or an object."""
    if target is None:
        return None
    if isinstance(target, Organisation):
        return target.pk
    if hasattr(target, f"{field}_id"):
        return getattr(target, f"{field}_id")
    return target


def can_read(user, target, *, field: str = "organisation") -> bool:
    """May the user read the non-public data of `target` (an organisation, its key or an object)?"""
    organisation_id = _organisation_id(target, field)
    if organisation_id is None or not getattr(user, "is_authenticated", False):
        return False
    if is_kb_admin(user) or organisation_id in own_organisation_ids(user):
        return True
    return region_organisations(user).filter(pk=organisation_id).exists()


def can_edit(user, target, *, field: str = "organisation") -> bool:
    """May the user change `target` (an organisation, its key or an object)?"""
    organisation_id = _organisation_id(target, field)
    return organisation_id is not None and organisation_id in organisation_ids_with_role(
        user, *EDITOR_ROLES
    )


def require_read(user, target, *, field: str = "organisation"):
    """Http404 unless the user may read `target`; returns `target`."""
    if target is None or not can_read(user, target, field=field):
        raise Http404
    return target


def require_edit(user, target, *, field: str = "organisation"):
    """Http404 for a target the user may not read, 403 for one they may read but not change;
    returns `target`."""
    require_read(user, target, field=field)
    if not can_edit(user, target, field=field):
        raise PermissionDenied(_("Je mag dit alleen bekijken, niet wijzigen."))
    return target


def keeps_register(user, target, *, field: str = "organisation") -> bool:
    """May the user keep the programme register of `target`'s organisation: the KB for every
    library, a POI adviser for the libraries of their region (reports.md)."""
    organisation_id = _organisation_id(target, field)
    if organisation_id is None or not getattr(user, "is_authenticated", False):
        return False
    if is_kb_admin(user):
        return True
    return region_organisations(user).filter(pk=organisation_id).exists()


def require_register_keeper(user, target, *, field: str = "organisation"):
    """Http404 for a register the user may not read, 403 for one they may read but not keep
    (the library's own staff, who propose changes instead); returns `target`."""
    require_read(user, target, field=field)
    if not keeps_register(user, target, field=field):
        raise PermissionDenied(
            _("Alleen de KB en de POI houden het register bij. Stel een wijziging voor.")
        )
    return target


def require_member(user, target, *roles: str, field: str = "organisation"):
    """For work done inside one organisation (a referral's handling, a course's register):
    Http404 unless the user works for the owning organisation (or, for read-only viewers, may
    read it), 403 unless they have one of `roles` there (any member role when none given)."""
    require_read(user, target, field=field)
    organisation_id = _organisation_id(target, field)
    allowed = set(roles) or MEMBER_ROLES
    if not has_role_in(user, organisation_id, *allowed):
        raise PermissionDenied(_("Je mag dit niet doen met je rol."))
    return target


def require_role(user, *roles: str) -> None:
    """403 unless the user has one of `roles` somewhere (for pages that are not about one
    organisation's object)."""
    if not has_role(user, *roles):
        raise PermissionDenied(_("Je mag dit niet doen met je rol."))


# --- Querysets --------------------------------------------------------------------------------


def visible_for(user, queryset: QuerySet, *, field: str = "organisation") -> QuerySet:
    """The rows of `queryset` whose organisation the user may read."""
    return queryset.filter(**{f"{field}__in": readable_organisations(user)})


def editable_for(user, queryset: QuerySet, *, field: str = "organisation") -> QuerySet:
    """The rows of `queryset` whose organisation the user may change."""
    return queryset.filter(**{f"{field}__in": editable_organisations(user)})


def own_for(user, queryset: QuerySet, *, field: str = "organisation") -> QuerySet:
    """The rows of `queryset` of the organisations the user works for (personal data: never
    shown to the read-only POI and KB roles)."""
    return queryset.filter(**{f"{field}__in": own_organisations(user)})
