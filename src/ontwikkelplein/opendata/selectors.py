"""Reads behind the HSDS API and the exports: what is public, and how to load it in a fixed
number of queries whatever the number of objects.

Public means: offers with status "published" that have not expired (no end date, or an end date
today or later; offers that start later are included, so partners see coming courses). Only
the organisations and locations of such offers are published. A text search goes through the
public site's engine (catalogue.search), which shows only offers that have already started."""

import dataclasses
import datetime
from collections.abc import Iterable

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Cos, Power, Radians, Sqrt
from django.utils import timezone

from ontwikkelplein.catalogue import search as catalogue_search
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Schedule,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, OpeningHours, Organisation
from ontwikkelplein.places.geo import KM_PER_DEGREE

# A text search collects at most this many ranked offers before other filters apply.
MAX_SEARCH_HITS = 2000


@dataclasses.dataclass(frozen=True)
class Filters:
    """The HSDS list filters, already checked (see opendata.api.params)."""

    search: str = ""
    taxonomy_term_id: object = None
    taxonomy_id: object = None
    organization_id: object = None
    modified_after: datetime.datetime | None = None


def published_offers() -> QuerySet[Offer]:
    today = timezone.localdate()
    return Offer.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today), status=OfferStatus.PUBLISHED
    )


# --- What a full object needs, prefetched --------------------------------------------------------


def _terms():
    return TaxonomyTerm.objects.select_related("taxonomy")


def _opening_hours(prefix: str = "") -> Prefetch:
    return Prefetch(
        f"{prefix}opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens_at")
    )


def _locations():
    return Location.objects.select_related("municipality__province").prefetch_related(
        _opening_hours()
    )


def offer_locations_prefetch(prefix: str = "") -> list:
    return [
        Prefetch(
            f"{prefix}offer_locations",
            queryset=OfferLocation.objects.select_related("location__municipality__province")
            .prefetch_related(
                _opening_hours("location__"),
                Prefetch(
                    "schedules", queryset=Schedule.objects.order_by("date", "weekday", "opens_at")
                ),
            )
            .order_by("location__name", "pk"),
        )
    ]


def service_queryset(*, full: bool) -> QuerySet[Offer]:
    queryset = published_offers().select_related("organisation")
    if not full:
        return queryset
    return queryset.select_related("programme", "offer_type__taxonomy").prefetch_related(
        Prefetch("themes", queryset=_terms()),
        Prefetch("target_groups", queryset=_terms()),
        Prefetch("levels", queryset=_terms()),
        *offer_locations_prefetch(),
    )


def service_at_location_queryset() -> QuerySet[OfferLocation]:
    return (
        OfferLocation.objects.filter(offer__in=published_offers().values("pk"))
        .select_related("location__municipality__province")
        .prefetch_related(
            _opening_hours("location__"),
            Prefetch(
                "schedules", queryset=Schedule.objects.order_by("date", "weekday", "opens_at")
            ),
        )
    )


def organisation_queryset(*, full: bool) -> QuerySet[Organisation]:
    """Organisations with at least one public offer."""
    queryset = Organisation.objects.filter(
        Exists(published_offers().filter(organisation=OuterRef("pk")))
    )
    if full:
        queryset = queryset.prefetch_related(
            Prefetch("locations", queryset=_locations().order_by("name", "pk"))
        )
    return queryset


# --- Filters ------------------------------------------------------------------------------------


def _term_filter(prefix: str, term_ids: QuerySet | list) -> Q:
    return (
        Q(**{f"{prefix}offer_type__in": term_ids})
        | Q(**{f"{prefix}themes__in": term_ids})
        | Q(**{f"{prefix}target_groups__in": term_ids})
        | Q(**{f"{prefix}levels__in": term_ids})
    )


def filter_offers(queryset: QuerySet[Offer], filters: Filters) -> QuerySet[Offer]:
    """The structured filters on a queryset of offers (no text search)."""
    if filters.organization_id:
        queryset = queryset.filter(organisation_id=filters.organization_id)
    if filters.modified_after:
        queryset = queryset.filter(updated_at__gte=filters.modified_after)
    term_ids = None
    if filters.taxonomy_term_id:
        term_ids = [filters.taxonomy_term_id]
    elif filters.taxonomy_id:
        term_ids = TaxonomyTerm.objects.filter(taxonomy_id=filters.taxonomy_id).values("pk")
    if term_ids is not None:
        matching = Offer.objects.filter(_term_filter("", term_ids)).values("pk")
        queryset = queryset.filter(pk__in=matching)
    return queryset


def ranked_offer_ids(text: str) -> list:
    """The ids of the offers the public site finds for `text`, best first (its own ranking)."""
    ids, page = [], 1
    per_page = catalogue_search.MAX_PER_PAGE
    while len(ids) < MAX_SEARCH_HITS:
        results = catalogue_search.search(
            catalogue_search.SearchParams(text=text, page=page, per_page=per_page)
        )
        ids += [hit.offer.pk for hit in results.hits]
        if page >= results.pages:
            break
        page += 1
    return ids[:MAX_SEARCH_HITS]


@dataclasses.dataclass
class Page:
    items: list
    total: int


def service_page(filters: Filters, *, page: int, per_page: int, full: bool) -> Page:
    queryset = filter_offers(service_queryset(full=full), filters)
    if filters.search and filters == Filters(search=filters.search):
        # Text only: the engine pages itself, in one statement.
        results = catalogue_search.search(
            catalogue_search.SearchParams(text=filters.search, page=page, per_page=per_page)
        )
        wanted = [hit.offer.pk for hit in results.hits]
        loaded = queryset.in_bulk(wanted)
        return Page(items=[loaded[pk] for pk in wanted if pk in loaded], total=results.total)
    if filters.search:
        return _ranked_page(queryset, ranked_offer_ids(filters.search), page, per_page)
    queryset = queryset.order_by("title", "pk")
    start = (page - 1) * per_page
    return Page(items=list(queryset[start : start + per_page]), total=queryset.count())


def _ranked_page(queryset, ranked_ids: list, page: int, per_page: int) -> Page:
    """Keep the engine's order; the other filters only drop ids."""
    allowed = set(queryset.filter(pk__in=ranked_ids).values_list("pk", flat=True))
    kept = [pk for pk in ranked_ids if pk in allowed]
    start = (page - 1) * per_page
    wanted = kept[start : start + per_page]
    loaded = queryset.in_bulk(wanted)
    return Page(items=[loaded[pk] for pk in wanted if pk in loaded], total=len(kept))


def iter_services(filters: Filters, *, full: bool, chunk: int = 200) -> Iterable[Offer]:
    """Every matching offer, in chunks of fixed query cost (for ndjson)."""
    queryset = filter_offers(service_queryset(full=full), filters)
    if filters.search:
        ids = ranked_offer_ids(filters.search)
        allowed = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in allowed]
    else:
        ids = list(queryset.order_by("title", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        loaded = queryset.in_bulk(part)
        yield from (loaded[pk] for pk in part if pk in loaded)


# --- Service at location ------------------------------------------------------------------------


def _distance(lat: float, lon: float):
    """places.geo.distance_km as a database expression (the same equirectangular formula)."""
    return KM_PER_DEGREE * Sqrt(
        Power(
            (F("location__longitude") - lon) * Cos(Radians((F("location__latitude") + lat) / 2)), 2
        )
        + Power(F("location__latitude") - lat, 2)
    )


def service_at_location_list(
    filters: Filters,
    *,
    origin: tuple[float, float] | None = None,
    proximity_km: float | None = None,
) -> QuerySet[OfferLocation]:
    """Matching offer-locations: nearest first with an origin (places without coordinates
    last), else by offer title and place name."""
    offers = filter_offers(published_offers(), filters)
    queryset = service_at_location_queryset().filter(offer__in=offers.values("pk"))
    if filters.search:
        ranked = ranked_offer_ids(filters.search)
        queryset = queryset.filter(offer_id__in=ranked)
    if origin is not None:
        queryset = queryset.annotate(distance_km=_distance(*origin))
        if proximity_km is not None:
            queryset = queryset.filter(distance_km__lte=proximity_km)
        return queryset.order_by(F("distance_km").asc(nulls_last=True), "offer__title", "pk")
    return queryset.order_by("offer__title", "location__name", "pk")


# --- Taxonomies ---------------------------------------------------------------------------------


def taxonomy_list(search: str = "") -> QuerySet[Taxonomy]:
    queryset = Taxonomy.objects.order_by("name", "pk")
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(description__icontains=search))
    return queryset


def taxonomy_term_list(
    search: str = "", taxonomy_id=None, parent_id=None, top_only: bool = False
) -> QuerySet[TaxonomyTerm]:
    queryset = TaxonomyTerm.objects.select_related("taxonomy").order_by(
        "taxonomy__name", "position", "name", "pk"
    )
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(code__icontains=search) | Q(description__icontains=search)
        )
    if taxonomy_id:
        queryset = queryset.filter(taxonomy_id=taxonomy_id)
    if parent_id:
        queryset = queryset.filter(parent_id=parent_id)
    if top_only:
        queryset = queryset.filter(parent__isnull=True)
    return queryset


def organisation_list(filters: Filters, *, full: bool) -> QuerySet[Organisation]:
    queryset = organisation_queryset(full=full)
    if filters.search:
        queryset = queryset.filter(
            Q(name__icontains=filters.search) | Q(description__icontains=filters.search)
        )
    if filters.taxonomy_term_id or filters.taxonomy_id:
        offers = filter_offers(published_offers(), filters)
        queryset = queryset.filter(Exists(offers.filter(organisation=OuterRef("pk"))))
    return queryset.order_by("name", "pk")


def services_by_organisation(organisation_ids: list) -> dict:
    """Full public services of these organisations, grouped by organisation id."""
    grouped: dict = {pk: [] for pk in organisation_ids}
    for offer in (
        service_queryset(full=True)
        .filter(organisation_id__in=organisation_ids)
        .order_by("title", "pk")
    ):
        grouped[offer.organisation_id].append(offer)
    return grouped


# --- The whole catalogue (exports) --------------------------------------------------------------


def _organisation_ids(organisations) -> list:
    return [o.pk if isinstance(o, Organisation) else o for o in organisations]


def catalogue_of(organisations=None) -> list[tuple[Organisation, list[Offer]]]:
    """As catalogue(), for several organisations (a queryset, or a list of them or their ids);
    None means every organisation with a public offer."""
    if organisations is None:
        queryset = organisation_queryset(full=True)
    else:
        queryset = Organisation.objects.filter(
            pk__in=_organisation_ids(organisations)
        ).prefetch_related(Prefetch("locations", queryset=_locations().order_by("name", "pk")))
    found = list(queryset.order_by("name", "pk"))
    services = services_by_organisation([o.pk for o in found])
    return [(o, services[o.pk]) for o in found]


def catalogue_offer_locations(organisations=None) -> list[OfferLocation]:
    """Every public offer-location (one spreadsheet row each) with all a row shows; an offer
    without a place gives one unsaved OfferLocation without location."""
    offers = service_queryset(full=True).prefetch_related("partners")
    if organisations is not None:
        offers = offers.filter(organisation_id__in=_organisation_ids(organisations))
    rows = []
    for offer in offers.order_by("organisation__name", "title", "pk"):
        for offer_location in list(offer.offer_locations.all()) or [OfferLocation(offer=offer)]:
            offer_location.offer = offer
            rows.append(offer_location)
    return rows


# --- Who may export what ------------------------------------------------------------------------

ALL = "alles"
REGION = "regio"


@dataclasses.dataclass
class ExportScope:
    """What a user may export: the whole catalogue (KB), their region (POI) and single
    organisations (their own; for KB and POI each organisation they may read)."""

    everything: bool
    region: bool
    organisations: list[Organisation]

    def resolve(self, choice: str, user):
        """(organisations to export or None for everything, the one organisation or None)."""
        if choice == ALL and self.everything:
            return None, None
        if choice == REGION and self.region:
            region = scoping.region_organisations(user).values("pk")
            return list(organisation_queryset(full=False).filter(pk__in=region)), None
        for organisation in self.organisations:
            if str(organisation.pk) == choice:
                return [organisation], organisation
        raise LookupError(choice)


def export_scope(user) -> ExportScope:
    everything = scoping.is_kb_admin(user)
    region_ids = set(scoping.region_organisations(user).values_list("pk", flat=True))
    own_ids = set(scoping.own_organisations(user).values_list("pk", flat=True))
    if everything:
        organisations = organisation_queryset(full=False) | Organisation.objects.filter(
            pk__in=own_ids
        )
    else:
        organisations = Organisation.objects.filter(pk__in=region_ids | own_ids)
    return ExportScope(
        everything=everything,
        region=bool(region_ids),
        organisations=list(organisations.distinct().order_by("name")),
    )
