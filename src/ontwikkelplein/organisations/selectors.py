"""Reads of organisations and locations for the back office, always scoped through scoping."""

import datetime
import time
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    Branding,
    Location,
    LocationKind,
    OpeningHours,
    Organisation,
    OrganisationKind,
)
from ontwikkelplein.places.geo import distance_km


def locations_for_staff(user, organisation=None) -> QuerySet[Location]:
    """Locations of the organisations the user may read, with their number of offers."""
    locations = (
        scoping.visible_for(user, Location.objects.all())
        .select_related("organisation", "municipality")
        .annotate(offer_count=Count("offer_locations", distinct=True))
        .order_by("organisation__name", "name")
    )
    if organisation is not None:
        locations = locations.filter(organisation=organisation)
    return locations


def location_for_staff(user, pk) -> Location | None:
    """A location the user may read, or None (another organisation's location is not revealed)."""
    return (
        scoping.visible_for(user, Location.objects.filter(pk=pk))
        .select_related("organisation", "municipality__province")
        .prefetch_related("opening_hours", "closures", "special_hours")
        .first()
    )


# --- Help points for the public site ("Hier kun je altijd terecht") ---


class HelpKind:
    """What a resident can walk into: the IDO, the Taalhuis, the library itself."""

    IDO = "ido"
    TAALHUIS = "taalhuis"
    LIBRARY = "library"
    ALL = (IDO, TAALHUIS, LIBRARY)


# Library locations that count as "the library" (not an outreach place or an office).
LIBRARY_LOCATION_KINDS = (LocationKind.BRANCH, LocationKind.SERVICE_POINT)


@dataclass
class HelpPoint:
    """One place near the resident, with every kind of help (HelpKind) it is the nearest for."""

    location: Location
    distance_km: float
    kinds: list[str] = field(default_factory=list)
    hours_today: list[OpeningHours] = field(default_factory=list)  # empty: closed today
    # Whether the place has opening hours at all: without any, we cannot say it is closed.
    has_hours: bool = False


def nearest_help_points(origin: tuple[float, float], today: datetime.date) -> list[HelpPoint]:
    """The nearest IDO, Taalhuis and library location to `origin` (latitude, longitude), as
    distinct places nearest first: one place that is all three comes once, with three kinds.
    Public data only (every organisation's places). Three queries, whatever the number of
    places: the candidates' coordinates and flags, the chosen places, their opening hours."""
    lat, lon = origin
    candidates = (
        Location.objects.filter(latitude__isnull=False, longitude__isnull=False)
        .filter(
            Q(has_ido=True)
            | Q(has_taalhuis=True)
            | Q(organisation__kind=OrganisationKind.LIBRARY, kind__in=LIBRARY_LOCATION_KINDS)
        )
        .values_list(
            "pk",
            "latitude",
            "longitude",
            "has_ido",
            "has_taalhuis",
            "kind",
            "organisation__kind",
            "name",
        )
    )
    best: dict[str, tuple[float, str, object]] = {}
    for pk, lat2, lon2, has_ido, has_taalhuis, kind, org_kind, name in candidates:
        distance = distance_km(lat, lon, lat2, lon2)
        is_library = org_kind == OrganisationKind.LIBRARY and kind in LIBRARY_LOCATION_KINDS
        for help_kind, applies in (
            (HelpKind.IDO, has_ido),
            (HelpKind.TAALHUIS, has_taalhuis),
            (HelpKind.LIBRARY, is_library),
        ):
            # Ties go to the name, so the answer does not depend on the database's row order.
            if applies and (help_kind not in best or (distance, name) < best[help_kind][:2]):
                best[help_kind] = (distance, name, pk)
    if not best:
        return []
    chosen = {pk for _distance, _name, pk in best.values()}
    locations = {
        location.pk: location
        for location in Location.objects.filter(pk__in=chosen)
        .select_related("organisation")
        .prefetch_related("opening_hours")
    }
    points: dict[object, HelpPoint] = {}
    for help_kind in HelpKind.ALL:
        if help_kind not in best:
            continue
        distance, _name, pk = best[help_kind]
        if pk not in points:
            location = locations[pk]
            hours = list(location.opening_hours.all())
            points[pk] = HelpPoint(
                location=location,
                distance_km=distance,
                has_hours=bool(hours),
                hours_today=sorted(
                    (h for h in hours if h.weekday == today.weekday()), key=lambda h: h.opens_at
                ),
            )
        points[pk].kinds.append(help_kind)
    return sorted(points.values(), key=lambda point: (point.distance_km, point.location.name))


# --- Branding ------------------------------------------------------------------------------------


def brandable_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose branding the user may set (the editors of their organisation,
    as for its locations), by name."""
    return scoping.editable_organisations(user).select_related("branding").order_by("name")


def branding_of(organisation) -> Branding | None:
    return Branding.objects.filter(organisation=organisation).first()


def branding_by_slug(slug: str) -> Branding | None:
    return Branding.objects.filter(slug=slug).first()


def branding_by_host(host: str) -> Branding | None:
    """The branding whose own address is `host` (without a port), if any."""
    if not host:
        return None
    return Branding.objects.filter(host=host.lower()).first()


# The host names of the brandings, kept per process for a minute (a request on every other host
# then costs no query); saving or deleting a branding clears it (OrganisationsConfig.ready).
_HOSTS_SECONDS = 60
_hosts_cache: dict = {}


def mapped_hosts() -> frozenset[str]:
    now = time.monotonic()
    if _hosts_cache.get("until", 0) < now:
        hosts = Branding.objects.exclude(host="").values_list("host", flat=True)
        _hosts_cache.update(hosts=frozenset(hosts), until=now + _HOSTS_SECONDS)
    return _hosts_cache["hosts"]


def forget_mapped_hosts(**kwargs) -> None:
    _hosts_cache.clear()


def remember_no_mapped_hosts() -> None:
    """For code that runs without a database (the tests that need none): no host is mapped."""
    _hosts_cache.update(hosts=frozenset(), until=float("inf"))
