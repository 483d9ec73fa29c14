"""The levels of every figures page for one user, as core.figures scopes: the own
organisation(s), the POI's region and the whole country. The one definition, through
organisations/scoping.py, so "region" means the same set of organisations on every page:
scoping.region_organisations(user)."""

from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import OrganisationKind, Role


def poi_names(user) -> list[str]:
    return sorted(
        m.organisation.name
        for m in scoping.memberships(user)
        if m.role == Role.POI_ADVISER and m.organisation.kind == OrganisationKind.POI
    )


def own_scope(user, organisations=None) -> Scope | None:
    """The own level: the user's own organisations (or the subset passed in)."""
    if organisations is None:
        organisations = scoping.own_organisations(user)
    organisations = list(organisations.order_by("name"))
    if not organisations:
        return None
    label = (
        organisations[0].name
        if len(organisations) == 1
        else _("Mijn organisaties (%(count)s)") % {"count": len(organisations)}
    )
    return Scope(Level.OWN, label, frozenset(o.pk for o in organisations))


def region_scope(user) -> Scope | None:
    ids = frozenset(scoping.region_organisations(user).values_list("pk", flat=True))
    if not ids:
        return None
    return Scope(Level.REGION, ", ".join(poi_names(user)), ids)


def country_scope(user) -> Scope | None:
    if not scoping.is_kb_admin(user):
        return None
    return Scope(Level.COUNTRY, str(Level.COUNTRY.label))


def figure_scopes(user, *, own_organisations=None) -> list[Scope]:
    """The levels the user may choose, the most local first. A page that shows the own level
    to fewer people (learning: team leaders) passes its own subset of organisations."""
    scopes = [own_scope(user, own_organisations), region_scope(user), country_scope(user)]
    return [s for s in scopes if s is not None]


def available_levels(user) -> list[str]:
    return [s.level for s in figure_scopes(user)]


def scope_for(user, level: str) -> Scope | None:
    """The user's scope at a level, or None when the user may not use that level."""
    return next((s for s in figure_scopes(user) if s.level == level), None)
