"""Non-trivial reads of the catalogue."""

from django.db.models import Prefetch, QuerySet

from ontwikkelplein.catalogue.models import Offer, OfferLocation, OfferStatus, Schedule


def offer_detail_queryset() -> QuerySet[Offer]:
    """Everything an offer page shows, in a fixed handful of queries."""
    return Offer.objects.select_related("organisation", "offer_type", "programme").prefetch_related(
        "themes",
        "target_groups",
        "levels",
        "partners",
        Prefetch(
            "offer_locations",
            queryset=OfferLocation.objects.select_related("location").prefetch_related(
                Prefetch(
                    "schedules", queryset=Schedule.objects.order_by("date", "weekday", "opens_at")
                ),
                "location__opening_hours",
            ),
        ),
    )


def published_offer(pk) -> Offer | None:
    """A published offer for the public site, or None (drafts and archived offers are hidden)."""
    return offer_detail_queryset().filter(pk=pk, status=OfferStatus.PUBLISHED).first()


# --- Staff selectors (back office) below this line ---
