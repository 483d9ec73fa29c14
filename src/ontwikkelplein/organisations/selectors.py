"""Reads of organisations and locations for the back office, always scoped through scoping."""

from django.db.models import Count, QuerySet

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location


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
        .prefetch_related("opening_hours")
        .first()
    )
