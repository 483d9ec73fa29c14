"""Searching: filters, distance, ranking and paging in one SQL statement per search, around
the engine's match of the planned terms; a result page then loads its offers in a fixed handful
of queries. Design and figures: docs/performance.md.

Ranking (docs/architecture.md, "Search"): an offer is found when it matches at least one term
that decides (weighing at least half the heaviest: words that carry little need do not).
  coverage  = weight of the terms it matches / weight of all terms (Term.weight, see _weighted)
  relevance = the engine's score (bm25 / ts_rank) / the best score in the result set
  boost     = 0-1, how much it is about the plan's themes and offer types (_boost_sql)
  fit       = coverage² * (0.45 + 0.4 * relevance + 0.15 * boost)
so a full match (fit >= 0.45) always ranks above one matching half the weight (fit <= 0.25).
Offers not available today (out of season, or starting later) count OUT_OF_SEASON of their fit.
With an origin, fit is multiplied by 0.5 ** (distance / HALF_DISTANCE_KM): every 10 km halves
it, so a strong match 3 km away (x 0.81) beats a weak one next door, and a match 60 km away
(x 0.016) never beats a good one near by. `order="distance"` ("dichtstbij eerst") sorts by
distance, then by fit. Without words: nearest first, else by title.

With an origin and no radius, the hits within NEAR_KM are ranked first; the whole ranking runs
only when they cannot fill the page for certain (near_page_is_exact). docs/performance.md,
"Reading the figures", says why each part of the statement has the shape it has."""

import dataclasses
import math
from dataclasses import dataclass, field

from django.db import connection, transaction
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
HALF_DISTANCE_KM = 10.0  # every this many km halve an offer's fit
FAR_KM = 500.0  # farther counts as this far
DECIDING_SHARE = 0.5  # a term weighing less than this share of the heaviest does not decide
OUT_OF_SEASON = 0.8  # share of its fit an offer keeps when it is not available today
FIT_BASE, FIT_RELEVANCE, FIT_BOOST = 0.45, 0.4, 0.15  # fit = coverage² * (these parts)
ORDER_FIT, ORDER_DISTANCE = "fit", "distance"
# With an origin, the hits within this distance are ranked first (search(), near_page_is_exact):
# a hit farther away can at best reach NEAR_BOUND, a full match at 18 km.
NEAR_KM = 30.0
NEAR_BOUND = 0.5 ** (NEAR_KM / HALF_DISTANCE_KM)


@dataclass(frozen=True)
class SearchScope:
    """Which offers a search may find at all (an organisation's embed, docs/embedding.md): those
    at a location in one of `municipality_ids`, or offered by `organisation_id` (also without a
    location: online or by appointment). Empty, it finds nothing."""

    municipality_ids: tuple = ()  # places.Municipality primary keys
    organisation_id: object = None  # an Organisation primary key


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    themes: tuple[str, ...] = ()  # TaxonomyTerm codes
    target_groups: tuple[str, ...] = ()
    offer_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1: help is given in one of these (Offer.languages)
    free_only: bool = False
    walk_in_only: bool = False
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    origin: tuple[float, float] | None = None  # (latitude, longitude)
    radius_km: float | None = None
    page: int = 1
    per_page: int = 20
    order: str = ORDER_FIT  # or ORDER_DISTANCE: nearest first ("dichtstbij eerst")
    scope: SearchScope | None = None  # None: the whole catalogue


@dataclass
class SearchHit:
    offer: Offer
    distance_km: float | None = None
    nearest_location: Location | None = None
    # False for an offer found that is not available today: out of season or starting later
    # (Offer.available_from tells when it is).
    available: bool = True


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
    """The WHERE clause (on catalogue_offer only, no joins) for publication and the filters.
    Offers that start later or are out of season are found (and ranked lower); ended ones not."""
    qs = Offer.objects.filter(
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
    if params.languages:
        # Offer.languages is a JSON list such as ["nl", "ar"]; its text holds "ar" with the
        # quotes on both engines (SQLite has no JSON containment lookup).
        # A code that is not one (only letters) matches nothing; an empty Q would match all.
        wanted = Q(pk__isnull=True)
        for code in sorted(set(params.languages)):
            if code.isalpha():
                wanted |= Q(languages__icontains=f'"{code}"')
        qs = qs.filter(wanted)
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
    if params.scope is not None:
        qs = qs.filter(_scope_q(params.scope))
    query = qs.query
    # The clause is placed after "FROM ... JOIN catalogue_offer": it must not need joins.
    joined = [alias for alias, count in query.alias_refcount.items() if count]
    if joined != [Offer._meta.db_table]:
        raise RuntimeError(f"search filters must not join other tables: {joined}")
    compiler = query.get_compiler(connection=connection)
    sql, sql_params = compiler.compile(query.where)
    return sql, list(sql_params)


def _scope_q(scope: SearchScope) -> Q:
    """An offer in the scope, as a condition on catalogue_offer alone (Exists, no join)."""
    found = Q(pk__isnull=True)  # never true: an empty scope finds nothing
    if scope.municipality_ids:
        found |= Exists(
            OfferLocation.objects.filter(
                offer_id=OuterRef("pk"),
                location__municipality_id__in=list(scope.municipality_ids),
            )
        )
    if scope.organisation_id is not None:
        found |= Q(organisation_id=scope.organisation_id)
    return found


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


def _available_sql(today) -> tuple[str, list]:
    """1 when the offer (catalogue_offer) is available today: it has started and today lies in
    its season (a season may run across the year end, November to February), else 0."""
    day, month = connection.ops.adapt_datefield_value(today), today.month
    start, end = "catalogue_offer.season_start_month", "catalogue_offer.season_end_month"
    return (
        "CASE WHEN (catalogue_offer.valid_from IS NULL OR catalogue_offer.valid_from <= %s)"
        f" AND ({start} IS NULL OR {end} IS NULL"
        f" OR ({start} <= {end} AND %s BETWEEN {start} AND {end})"
        f" OR ({start} > {end} AND (%s >= {start} OR %s <= {end})))"
        " THEN 1 ELSE 0 END",
        [day, month, month, month],
    )


def _boost_sql(themes, offer_types) -> tuple[str, list]:
    """0-1: how much the offer (catalogue_offer) is about what the plan points to. For themes,
    the share of the offer's themes that are among the plan's (an offer only about phones fits
    "telefoon" better than a job-application offer that also touches computers); for offer
    types, 1 when its type is one of the plan's. With both, the mean of the two. The codes are
    looked up first, so per offer only the index of its theme links is read (no join)."""
    parts, args = [], []
    ids = dict.fromkeys((Taxonomy.THEME, Taxonomy.OFFER_TYPE), ())
    if themes or offer_types:
        for slug, pk in TaxonomyTerm.objects.filter(
            Q(taxonomy__slug=Taxonomy.THEME, code__in=list(themes))
            | Q(taxonomy__slug=Taxonomy.OFFER_TYPE, code__in=list(offer_types))
        ).values_list("taxonomy__slug", "pk"):
            # As the database stores it (a UUID is text on SQLite).
            ids[slug] = (*ids[slug], TaxonomyTerm._meta.pk.get_db_prep_value(pk, connection))
    if themes:
        through = Offer.themes.through._meta.db_table
        marks = ", ".join(["%s"] * len(ids[Taxonomy.THEME])) or "NULL"
        parts.append(
            "COALESCE((SELECT CAST(SUM(CASE WHEN ot.taxonomyterm_id IN "  # noqa: S608 - fixed fragments, values are parameters
            f"({marks}) THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / COUNT(*)"
            f" FROM {through} ot WHERE ot.offer_id = catalogue_offer.id), 0.0)"
        )
        args += list(ids[Taxonomy.THEME])
    if offer_types:
        marks = ", ".join(["%s"] * len(ids[Taxonomy.OFFER_TYPE])) or "NULL"
        parts.append(
            f"CASE WHEN catalogue_offer.offer_type_id IN ({marks}) THEN 1.0 ELSE 0.0 END"  # noqa: S608 - fixed fragments, values are parameters
        )
        args += list(ids[Taxonomy.OFFER_TYPE])
    if not parts:
        return "0.0", []
    return f"(({' + '.join(parts)}) / {float(len(parts))})", args


def _weighted(terms):
    """The terms with weights that sum to 1: none below 0 (nor NaN), all equal when none
    carries weight, rounded so that no product in the ranking can underflow."""
    weights = [max(0.0, float(t.weight)) if math.isfinite(t.weight) else 0.0 for t in terms]
    largest = max(weights, default=0.0)
    weights = [w / largest for w in weights] if largest > 0 else [1.0] * len(terms)
    total = sum(weights)
    weights = [round(w / total, 6) for w in weights]
    return tuple(dataclasses.replace(t, weight=w) for t, w in zip(terms, weights, strict=True))


def _deciding(terms):
    """The terms that can make an offer a match: those weighing at least DECIDING_SHARE of the
    heaviest. A word that carries little need ("hulp") adds to an offer's fit but does not make
    it a match by itself."""
    heaviest = max(t.weight for t in terms)
    return tuple(t for t in terms if t.weight >= DECIDING_SHARE * heaviest)


def _statement(
    engine, search_plan, where, params, today, limit, offset, near_km=None
) -> tuple[str, list]:
    """One statement: matching offers, their nearest location, rank, page and total.
    It is assembled from fixed fragments; every value, including what the user typed, is a
    query parameter.

    Shape (docs/performance.md, "Reading the figures"): the engine's match once (`matches`);
    then each hit once (`hits`, materialised) with what ranking needs: its filters, boost,
    availability and, with an origin, the distance to its nearest place, looked up per hit
    through the offer's own places; the best score and the total once (`best`); then the page,
    which the engine picks with a top-N sort rather than ordering every hit.

    `near_km` (an origin without a radius): rank only the hits within that distance, while the
    best score and the total still come from every hit, so a page from the near hits is the
    page of the whole ranking whenever near_page_is_exact() says so."""
    where_sql, where_params = where
    ctes, args = [], []
    terms = _weighted(search_plan.terms)
    available, available_args = _available_sql(today)
    origin = params.origin
    radius = params.radius_km if params.radius_km is not None else near_km
    if origin:
        distance, distance_args = _distance_sql(*origin)
    if origin and radius is not None:
        # Within a radius: start from the few places in range (a bounding box on the location
        # index), then keep the offers there.
        boxed = engine.among(
            "ol.location_id",
            "SELECT l.id FROM organisations_location l"
            " WHERE l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s",
        )
        ctes.append(
            "in_range AS MATERIALIZED (SELECT ol.offer_id AS offer_id,"  # noqa: S608 - fixed fragments, values are parameters
            f" MIN({distance}) AS distance FROM catalogue_offerlocation ol"
            f" JOIN organisations_location l ON l.id = ol.location_id WHERE {boxed}"
            f" AND {distance} <= %s GROUP BY ol.offer_id)"
        )
        args += distance_args + _bounding_box(*origin, radius) + distance_args + [radius]
        distance_column, distance_column_args = "in_range.distance", []
        in_range = True
    elif origin:
        # Everywhere: per hit, its nearest place with coordinates (NULL when it has none).
        distance_column = (
            f"(SELECT MIN({distance}) FROM catalogue_offerlocation ol"  # noqa: S608 - fixed fragments, values are parameters
            " JOIN organisations_location l ON l.id = ol.location_id"
            " WHERE ol.offer_id = catalogue_offer.id"
            " AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL)"
        )
        distance_column_args, in_range = distance_args, False
    else:
        distance_column, distance_column_args, in_range = "NULL", [], False

    if terms:
        match_sql, match_args = engine.term_match_sql(terms, _deciding(terms))
        # MATERIALIZED: match once, then look the offers up. Otherwise a planner may walk the
        # published offers and run the full-text match once per offer.
        ctes.append(f"matches AS MATERIALIZED ({match_sql})")
        args += match_args
        boost, boost_args = _boost_sql(search_plan.themes, search_plan.offer_types)
        found = "matches"
        if in_range:
            # The matches in range first, on their own: otherwise SQLite reads every match's
            # offer before it looks at the distance.
            ctes.append(
                "matches_in_range AS MATERIALIZED (SELECT matches.offer_id AS offer_id,"
                " matches.score AS score, matches.matched AS matched,"
                " in_range.distance AS distance"
                " FROM in_range JOIN matches ON matches.offer_id = in_range.offer_id)"
            )
            found = "matches_in_range matches"
            distance_column = "matches.distance"
            few = engine.among("catalogue_offer.id", "SELECT offer_id FROM matches_in_range")
        hits = (
            "SELECT catalogue_offer.id AS offer_id, matches.score AS score,"  # noqa: S608 - fixed fragments, values are parameters
            " matches.matched AS matched, catalogue_offer.title AS title,"
            f" {boost} AS boost, {available} AS available, {distance_column} AS distance"
            f" FROM {found} CROSS JOIN catalogue_offer"
        )
        joined = "catalogue_offer.id = matches.offer_id"
        if in_range:
            joined += f" AND {few}"
        args += boost_args + available_args + distance_column_args
    else:
        hits = (
            "SELECT catalogue_offer.id AS offer_id, 0.0 AS score, 0.0 AS matched,"  # noqa: S608 - fixed fragments, values are parameters
            f" catalogue_offer.title AS title, 0.0 AS boost, {available} AS available,"
            f" {distance_column} AS distance"
        )
        if in_range:
            hits += " FROM in_range CROSS JOIN catalogue_offer"
            few = engine.among("catalogue_offer.id", "SELECT offer_id FROM in_range")
            joined = f"catalogue_offer.id = in_range.offer_id AND {few}"
        else:
            hits += " FROM catalogue_offer"
            joined = "1 = 1"
        args += available_args + distance_column_args
    # CROSS JOIN: SQLite then reads the (few) matches first and looks each offer up, instead of
    # walking every published offer; PostgreSQL plans it as the inner join it is.
    ctes.append(f"hits AS MATERIALIZED ({hits} WHERE {joined} AND ({where_sql}))")
    args += where_params
    # The best score (relevance: the best match scores 1) and the total, once.
    if near_km is not None and params.radius_km is None:
        # Of every hit, not only the near ones: only the filters, no boost or distance.
        found = (
            "matches CROSS JOIN catalogue_offer WHERE catalogue_offer.id = matches.offer_id AND"
            if terms
            else "catalogue_offer WHERE"
        )
        top = "MAX(matches.score)" if terms else "0.0"
        ctes.append(
            f"best AS MATERIALIZED (SELECT {top} AS top, COUNT(*) AS total"  # noqa: S608 - fixed fragments, values are parameters
            f" FROM {found} ({where_sql}))"
        )
        args += where_params
    else:
        ctes.append("best AS MATERIALIZED (SELECT MAX(score) AS top, COUNT(*) AS total FROM hits)")

    order = []
    if origin:
        order.append("CASE WHEN distance IS NULL THEN 1 ELSE 0 END")
    if terms:
        blend = (
            "matched * matched * (%s + %s * CASE WHEN best.top > 0 THEN score / best.top"
            " ELSE 0.0 END + %s * boost) * CASE WHEN available = 1 THEN 1.0 ELSE %s END"
        )
        blend_args = [FIT_BASE, FIT_RELEVANCE, FIT_BOOST, OUT_OF_SEASON]
        if origin:
            # Beyond FAR_KM every offer counts as that far (0.5 ** 50), so power() cannot
            # underflow, which PostgreSQL reports as an error.
            blend += (
                " * power(0.5, CASE WHEN distance > %s THEN %s ELSE COALESCE(distance, 0.0) END"
                " / %s)"
            )
            blend_args += [FAR_KM, FAR_KM, HALF_DISTANCE_KM]
        nearest_first = origin and params.order == ORDER_DISTANCE
        order += ["distance", "blend DESC"] if nearest_first else ["blend DESC"]
    else:
        if origin:
            order.append("distance")
        blend, blend_args = "0.0", []
    order += ["lower(title)", "offer_id"]
    sql = (
        f"WITH {', '.join(ctes)} SELECT offer_id, score, distance, best.total AS total,"  # noqa: S608 - fixed fragments, values are parameters
        f" available, {blend} AS blend FROM hits CROSS JOIN best"
        f" ORDER BY {', '.join(order)} LIMIT %s OFFSET %s"
    )
    return sql, args + blend_args + [limit, offset]


def near_page_is_exact(rows, per_page: int, ranked: bool, order: str) -> bool:
    """Whether a page ranked from the hits within NEAR_KM is the page of all hits. Every hit
    farther away has a blend below 0.5 ** (NEAR_KM / HALF_DISTANCE_KM) (a fit is at most 1),
    and with "dichtstbij eerst" (or without words) it comes after every near one; so a full
    page whose last hit beats that bound cannot change by looking farther."""
    if len(rows) < per_page:
        return False
    if not ranked or order == ORDER_DISTANCE:
        return True
    # A margin for rounding: the weights sum to 1 within 1e-6 (_weighted).
    return rows[-1][5] > NEAR_BOUND * 1.001


def _fetch(sql: str, args: list) -> list:
    settings = current_engine().statement_settings
    if not settings:
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            return cursor.fetchall()
    # SET LOCAL lasts until the transaction ends: this one, or the caller's if there is one.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(setting)
        cursor.execute(sql, args)
        return cursor.fetchall()


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


def search(params: SearchParams, *, load=None) -> SearchResults:
    """Published offers that have not ended, matching at least one of the words, and the
    filters; ranked by fit, blended with distance when there is an origin (see the module
    docstring), or nearest first with order="distance". Without words: nearest first, else by
    title.
    `load(ids) -> {id: Offer}` loads the hits' offers (the public page passes what its cards
    need, so they are read once); with an origin they need offer_locations with their location
    prefetched. By default: the offer with its provider, type, themes and target groups."""
    engine = current_engine()
    page = max(1, int(params.page or 1))
    per_page = min(MAX_PER_PAGE, max(1, int(params.per_page or 20)))
    if params.radius_km is not None and not params.radius_km > 0:
        params = dataclasses.replace(params, radius_km=None)
    if params.order not in (ORDER_FIT, ORDER_DISTANCE):
        params = dataclasses.replace(params, order=ORDER_FIT)
    search_plan = plan(params.text)
    today = timezone.localdate()
    where = _filter_where(params, today)
    offset = (page - 1) * per_page
    rows = None
    if params.origin and params.radius_km is None and NEAR_KM:
        # Most of a broad word's hits are far away and cannot reach the page: rank the near
        # ones first, and everything only when they do not fill the page for certain.
        sql, args = _statement(
            engine, search_plan, where, params, today, per_page, offset, near_km=NEAR_KM
        )
        rows = _fetch(sql, args)
        if not near_page_is_exact(rows, per_page, bool(search_plan.terms), params.order):
            rows = None
    if rows is None:
        sql, args = _statement(engine, search_plan, where, params, today, per_page, offset)
        rows = _fetch(sql, args)
    total = rows[0][3] if rows else (_count(sql, args) if page > 1 else 0)
    return SearchResults(
        hits=_hits(rows, params.origin, load),
        total=total,
        page=page,
        per_page=per_page,
        corrections=search_plan.corrections,
    )


def _hits(rows, origin, load=None) -> list[SearchHit]:
    ids = [as_uuid(r[0]) for r in rows]
    if load is not None:
        offers = load(ids) if ids else {}
    else:
        queryset = _card_queryset()
        if origin:
            queryset = queryset.prefetch_related(
                Prefetch(
                    "offer_locations", queryset=OfferLocation.objects.select_related("location")
                )
            )
        offers = queryset.in_bulk(ids)
    hits = []
    for offer_id, _, distance, _, available, _ in rows:
        offer = offers.get(as_uuid(offer_id))
        if offer is None:  # deleted between the two queries
            continue
        location = _nearest_location(offer, origin) if distance is not None else None
        hits.append(
            SearchHit(
                offer=offer,
                distance_km=distance,
                nearest_location=location,
                available=bool(available),
            )
        )
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
    """The bare ranked engine query for `text`: offers matching any of its terms, as search()
    finds them, without filters, distance, per-term weights or blending. The benchmark times it
    as the floor a search page is compared with."""
    engine = current_engine()
    terms = plan(text).terms
    if not terms:
        raise ValueError(f"nothing to search for in {text!r}")
    match_sql, args = engine.match_sql(engine.expression(terms, "or"))
    return f"{match_sql} ORDER BY score DESC LIMIT %s", [*args, limit]
