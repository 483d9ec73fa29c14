"""Reads of BoekStart for the desk: the recent registrations of the user's library."""

from ontwikkelplein.boekstart.models import Registration
from ontwikkelplein.boekstart.permissions import registering_organisation_ids


def recent_registrations(user, limit: int = 10):
    return (
        Registration.objects.filter(organisation_id__in=registering_organisation_ids(user))
        .select_related("location", "registered_by")
        .order_by("-day", "-created_at")[:limit]
    )


def own_registration(user, pk):
    return (
        Registration.objects.filter(organisation_id__in=registering_organisation_ids(user), pk=pk)
        .select_related("location")
        .first()
    )
