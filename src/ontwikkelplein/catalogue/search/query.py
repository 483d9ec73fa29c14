"""Searching: filters, distance, ordering and paging in one SQL statement per search, around
the engine's match of the planned terms; a result page then loads its offers in a fixed handful
of queries. Design and figures: docs/performance.md."""

import dataclasses
import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.catalogue.search.engines import as_uuid, current_engine
from ontwikkelplein.catalogue.search.planning import plan
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.places.geo import KM_PER_DEGREE, distance_km

MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    themes: tuple[str, ...] = ()  # TaxonomyTerm codes
    target_groups: tuple[str, ...] = ()
    offer_types: tuple[str, ...] = ()
    free_only: bool = False
    walk_in_only: bool = False
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    origin: tuple[float, float] | None = None  # (latitude, longitude)
    radius_km: float | None = None
    page: int = 1
    per_page: int = 20


@dataclass
class SearchHit:
    offer: Offer
    distance_km: float | None = None
    nearest_location: Location | None = None


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    # A typed word the index did not know (lowercase, without accents) -> the word searched.
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _filter_where(params: SearchParams, today) -> tuple[str, list]:
    """The WHERE clause (on catalogue_offer only, no joins) for publication and the filters."""
    qs = Offer.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
        status=OfferStatus.PUBLISHED,
    )
    through_filters = (
        (Offer.themes.through, params.themes),
        (Offer.target_groups.through, params.target_groups),
    )
    for through, codes in through_filters:
        if codes:
            qs = qs.filter(
                Exists(
                    through.objects.filter(
                        offer_id=OuterRef("pk"), taxonomyterm__code__in=list(codes)
                    )
                )
            )
    if params.offer_types:
        qs = qs.filter(
            offer_type_id__in=TaxonomyTerm.objects.filter(
                taxonomy__slug=Taxonomy.OFFER_TYPE, code__in=list(params.offer_types)
            ).values("pk")
        )
    if params.free_only:
        qs = qs.filter(is_free=True)
    if params.walk_in_only:
        qs = qs.filter(sign_up=SignUp.WALK_IN)
    if params.weekdays:
        days = sorted({int(d) for d in params.weekdays})
        weekly = Q(kind=ScheduleKind.WEEKLY, weekday__in=days) & (
            Q(valid_to__isnull=True) | Q(valid_to__gte=today)
        )
        dated = Q(kind=ScheduleKind.DATED, weekday__in=days, date__gte=today)
        qs = qs.filter(
            Exists(Schedule.objects.filter(weekly | dated, offer_location__offer=OuterRef("pk")))
        )
    query = qs.query
    # The clause is placed after "FROM ... JOIN catalogue_offer": it must not need joins.
    joined = [alias for alias, count in query.alias_refcount.items() if count]
    if joined != [Offer._meta.db_table]:
        raise RuntimeError(f"search filters must not join other tables: {joined}")
    compiler = query.get_compiler(connection=connection)
    sql, sql_params = compiler.compile(query.where)
    return sql, list(sql_params)


def _distance_sql(lat: float, lon: float) -> tuple[str, list]:
    """places.geo.distance_km in SQL (equirectangular), from the origin to location `l`."""
    return (
        "(%s * sqrt(power((l.longitude - %s) * cos(radians((l.latitude + %s) / 2.0)), 2)"
        " + power(l.latitude - %s, 2)))",
        [KM_PER_DEGREE, lon, lat, lat],
    )


def _bounding_box(lat: float, lon: float, radius: float) -> list[float]:
    """A box that surely holds every point within `radius` km, for the location index."""
    dlat = radius / KM_PER_DEGREE
    widest = min(89.0, abs(lat) + dlat)
    dlon = radius / (KM_PER_DEGREE * math.cos(math.radians(widest)))
    return [lat - dlat, lat + dlat, lon - dlon, lon + dlon]


def _statement(engine, expression, where, params, limit, offset) -> tuple[str, list]:
    """One statement: matching offers, their nearest location, order, page and total.
    It is assembled from fixed fragments; every value, including what the user typed, is a
    query parameter."""
    where_sql, where_params = where
    ctes, args = [], []
    if expression is not None:
        match_sql, match_args = engine.match_sql(expression)
        # MATERIALIZED: match once, then look the offers up. Otherwise a planner may walk the
        # published offers and run the full-text match once per offer.
        ctes.append(f"matches AS MATERIALIZED ({match_sql})")
        args += match_args
        hits = (
            "SELECT catalogue_offer.id AS offer_id, matches.score AS score,"
            " catalogue_offer.title AS title"
            " FROM matches JOIN catalogue_offer ON catalogue_offer.id = matches.offer_id"
        )
    else:
        hits = (
            "SELECT catalogue_offer.id AS offer_id, 0.0 AS score, catalogue_offer.title AS title"
            " FROM catalogue_offer"
        )
    ctes.append(f"hits AS ({hits} WHERE {where_sql})")
    args += where_params

    if params.origin:
        lat, lon = params.origin
        radius = params.radius_km
        distance, distance_args = _distance_sql(lat, lon)
        # Distances are computed once per location (a few thousand at most), not per offer.
        in_range = ""
        if radius is not None:
            in_range = (
                " AND l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s"
                f" AND {distance} <= %s"
            )
        ctes.append(
            "places AS MATERIALIZED (SELECT l.id AS location_id, "  # noqa: S608 - see above
            f"{distance} AS distance FROM organisations_location l"
            f" WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL{in_range})"
        )
        args += distance_args
        if radius is not None:
            args += _bounding_box(lat, lon, radius) + distance_args + [radius]
            # Within a radius: start from the few places in range, then keep the hits.
            ctes.append(
                "in_range AS (SELECT ol.offer_id AS offer_id, MIN(p.distance) AS distance"
                " FROM places p"
                " JOIN catalogue_offerlocation ol ON ol.location_id = p.location_id"
                " GROUP BY ol.offer_id)"
            )
            ctes.append(
                "nearest AS (SELECT h.offer_id AS offer_id, h.score AS score, h.title AS title,"
                " n.distance AS distance FROM in_range n JOIN hits h ON h.offer_id = n.offer_id)"
            )
        else:
            # Everywhere: every hit, nearest place first; no place with coordinates: NULL.
            ctes.append(
                "nearest AS (SELECT h.offer_id AS offer_id, h.score AS score, h.title AS title,"
                " MIN(p.distance) AS distance FROM hits h"
                " LEFT JOIN catalogue_offerlocation ol ON ol.offer_id = h.offer_id"
                " LEFT JOIN places p ON p.location_id = ol.location_id"
                " GROUP BY h.offer_id, h.score, h.title)"
            )
        select = "SELECT offer_id, score, distance, COUNT(*) OVER () AS total FROM nearest"
        order = "CASE WHEN distance IS NULL THEN 1 ELSE 0 END, distance, "
    else:
        select = "SELECT offer_id, score, NULL, COUNT(*) OVER () AS total FROM hits"
        order = ""
    if expression is not None:
        order += "score DESC, "
    order += "lower(title), offer_id"
    sql = f"WITH {', '.join(ctes)} {select} ORDER BY {order} LIMIT %s OFFSET %s"
    return sql, args + [limit, offset]


def _count(sql: str, args: list) -> int:
    """The total when the page lies past the last result (so no row carried it)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", args[:-2] + [10**9, 0])  # noqa: S608
        return cursor.fetchone()[0]


def _card_queryset():
    """What a result card shows, and no more."""
    return Offer.objects.select_related("organisation", "offer_type").prefetch_related(
        "themes", "target_groups"
    )


def search(params: SearchParams) -> SearchResults:
    """Published, current offers matching the words and filters. All words must match (each
    through any of its synonyms or its correction); when that finds nothing, any word may.
    With an origin: nearest first, then most relevant; else most relevant, else by title."""
    engine = current_engine()
    page = max(1, int(params.page or 1))
    per_page = min(MAX_PER_PAGE, max(1, int(params.per_page or 20)))
    if params.radius_km is not None and not params.radius_km > 0:
        params = dataclasses.replace(params, radius_km=None)
    search_plan = plan(params.text)
    where = _filter_where(params, timezone.localdate())
    modes = ["and", "or"] if len(search_plan.terms) > 1 else ["and"]
    rows, total = [], 0
    for mode in modes if search_plan.terms else [None]:
        expression = engine.expression(search_plan.terms, mode) if mode else None
        sql, args = _statement(engine, expression, where, params, per_page, (page - 1) * per_page)
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        total = rows[0][3] if rows else (_count(sql, args) if page > 1 else 0)
        if total:
            break
    return SearchResults(
        hits=_hits(rows, params.origin),
        total=total,
        page=page,
        per_page=per_page,
        corrections=search_plan.corrections,
    )


def _hits(rows, origin) -> list[SearchHit]:
    queryset = _card_queryset()
    if origin:
        queryset = queryset.prefetch_related(
            Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location"))
        )
    offers = queryset.in_bulk([as_uuid(r[0]) for r in rows])
    hits = []
    for offer_id, _, distance, _ in rows:
        offer = offers.get(as_uuid(offer_id))
        if offer is None:  # deleted between the two queries
            continue
        location = _nearest_location(offer, origin) if distance is not None else None
        hits.append(SearchHit(offer=offer, distance_km=distance, nearest_location=location))
    return hits


def _nearest_location(offer: Offer, origin) -> Location | None:
    """The place the SQL distance was measured to: the nearest, ties to the lowest id."""
    located = [
        ol.location
        for ol in offer.offer_locations.all()
        if ol.location.latitude is not None and ol.location.longitude is not None
    ]
    return min(
        located,
        key=lambda loc: (distance_km(*origin, loc.latitude, loc.longitude), str(loc.pk)),
        default=None,
    )


def raw_statement(text: str, limit: int = 20) -> tuple[str, list]:
    """The bare ranked engine query for `text` (all terms, no filters, no distance), as used
    inside search(). The benchmark times it as the floor a search page is compared with."""
    engine = current_engine()
    terms = plan(text).terms
    if not terms:
        raise ValueError(f"nothing to search for in {text!r}")
    match_sql, args = engine.match_sql(engine.expression(terms, "and"))
    return f"{match_sql} ORDER BY score DESC LIMIT %s", [*args, limit]
