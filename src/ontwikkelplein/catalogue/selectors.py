"""Non-trivial reads of the catalogue."""

import datetime

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Schedule,
    TaxonomyTerm,
    UnmatchedSearch,
)
from ontwikkelplein.organisations import scoping


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


# --- Public ---


def active_terms(*taxonomy_slugs: str) -> dict[str, list]:
    """Active terms of the given vocabularies in display order, keyed by taxonomy slug (one query).
    Used for the theme tiles and the filter choices of the public site."""
    grouped: dict[str, list] = {slug: [] for slug in taxonomy_slugs}
    terms = TaxonomyTerm.objects.filter(
        taxonomy__slug__in=taxonomy_slugs, is_active=True
    ).select_related("taxonomy")
    for term in terms.order_by("position", "name"):
        grouped[term.taxonomy.slug].append(term)
    return grouped


def offers_for_cards(offer_ids) -> dict:
    """Offers by id with what a result card shows, in a fixed number of queries whatever the
    number of hits. The ids come from the search engine, which returns published offers only; a
    second status filter here made SQLite scan every published offer (see docs/performance.md)."""
    queryset = (
        Offer.objects.filter(pk__in=list(offer_ids))
        .select_related("organisation", "offer_type")
        .prefetch_related(
            "themes",
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location").prefetch_related(
                    Prefetch(
                        "schedules",
                        queryset=Schedule.objects.order_by("date", "weekday", "opens_at"),
                    )
                ),
            ),
        )
    )
    return {offer.pk: offer for offer in queryset}


def offers_for_staff(user, status=None, organisation=None, text: str = "") -> QuerySet[Offer]:
    """Offers of every status in the organisations the user may read (scoping), newest change
    first. `organisation` narrows to one of those; another organisation gives nothing."""
    offers = Offer.objects.filter(
        organisation__in=scoping.readable_organisations(user)
    ).select_related("organisation", "offer_type")
    if status:
        offers = offers.filter(status=status)
    if organisation is not None:
        offers = offers.filter(organisation=organisation)
    text = " ".join((text or "").split())
    if text:
        offers = offers.filter(title__icontains=text)
    return offers.order_by("-updated_at", "title")


def staff_offer(user, pk) -> Offer | None:
    """One offer with everything the preview shows, or None when the user may not read it."""
    return (
        offer_detail_queryset()
        .select_related("last_verified_by")
        .filter(pk=pk, organisation__in=scoping.readable_organisations(user))
        .first()
    )


def verify_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Offers last verified before this date are due for a check."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.ONTWIKKELPLEIN_VERIFY_AFTER_DAYS)


def offers_to_verify(user) -> QuerySet[Offer]:
    """ "Te controleren": published offers of the user's own (editable) organisations not
    verified for ONTWIKKELPLEIN_VERIFY_AFTER_DAYS days; never verified first, then oldest."""
    return (
        Offer.objects.filter(
            organisation__in=scoping.editable_organisations(user),
            status=OfferStatus.PUBLISHED,
        )
        .filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=verify_cutoff()))
        .select_related("organisation", "last_verified_by")
        .order_by(F("last_verified_on").asc(nulls_first=True), "title")
    )


def staff_offer_counts(user) -> dict[str, int]:
    """Numbers for the dashboard: offers per status in the readable organisations, and the
    number to verify."""
    rows = (
        Offer.objects.filter(organisation__in=scoping.readable_organisations(user))
        .values("status")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(OfferStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    counts["to_verify"] = offers_to_verify(user).count()
    return counts


def unmatched_searches() -> QuerySet[UnmatchedSearch]:
    """Search phrases that found nothing, most frequent first (anonymous and national)."""
    return UnmatchedSearch.objects.order_by("-count", "-last_seen", "phrase")
