"""The HSDS 3.1 API (docs/hsds-api.md): public, read-only, no key. Thin: parameters are
checked in params.py, reads are opendata.selectors, objects are opendata.hsds."""

import json
import math
import uuid

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.opendata import hsds, selectors
from ontwikkelplein.opendata.api import params
from ontwikkelplein.opendata.api import schemas as s

PROFILE_URL = "https://docs.openreferral.org/en/v3.1/hsds/"
NDJSON = "application/x-ndjson"
TAG = "hsds"


class JsonOnly(BaseContentNegotiation):
    """Always JSON. HSDS gives `format` its own meaning (json or ndjson), so DRF's use of
    ?format= to pick a renderer is switched off here."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class UTF8JSONRenderer(JSONRenderer):
    charset = "utf-8"


class HsdsView(APIView):
    authentication_classes: list = []
    permission_classes: list = []
    renderer_classes = [UTF8JSONRenderer]
    content_negotiation_class = JsonOnly
    http_method_names = ["get", "head", "options"]


def _page(items: list[dict], total: int, page: int, per_page: int) -> dict:
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "contents": items,
    }


def _ndjson(objects) -> StreamingHttpResponse:
    lines = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n" for obj in objects)
    return StreamingHttpResponse(lines, content_type=f"{NDJSON}; charset=utf-8")


def _listed(request, queryset, to_hsds) -> Response | StreamingHttpResponse:
    """A plain queryset as an HSDS page or as ndjson."""
    if params.output_format(request.query_params) == "ndjson":
        return _ndjson(to_hsds(obj) for obj in queryset.iterator(chunk_size=500))
    page, per_page = params.paging(request.query_params)
    total = queryset.count()
    start = (page - 1) * per_page
    items = [to_hsds(obj) for obj in queryset[start : start + per_page]]
    return Response(_page(items, total, page, per_page))


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(_("Dit id bestaat niet of is niet openbaar.")) from None


def _not_found():
    return NotFound(_("Dit id bestaat niet of is niet openbaar."))


class RootView(HsdsView):
    @extend_schema(
        operation_id="hsds_root",
        summary="About this API and its relationship with HSDS",
        responses={200: s.META},
        tags=[TAG],
    )
    def get(self, request):
        return Response(
            {
                "version": hsds.HSDS_VERSION,
                "profile": PROFILE_URL,
                "openapi_url": request.build_absolute_uri(reverse("api-schema")) + "?format=json",
            }
        )


class ServiceListView(HsdsView):
    @extend_schema(
        operation_id="hsds_services_list",
        summary="Published services (offers), one page",
        description="Without `full`: the one-to-one fields of each service. With `search`: "
        "in the order of the public site's ranking; otherwise by name.",
        parameters=[
            *s.LIST_PARAMS,
            s.P_TERM,
            s.P_TAXONOMY,
            s.P_ORGANISATION,
            s.P_MODIFIED,
            s.P_FULL,
        ],
        responses=s.list_responses(s.SERVICE),
        tags=[TAG],
    )
    def get(self, request):
        query = request.query_params
        filters = params.filters(query)
        full = params.boolean(query, "full")
        if params.output_format(query) == "ndjson":
            offers = selectors.iter_services(filters, full=full)
            return _ndjson(hsds.service_to_hsds(o, full=full) for o in offers)
        page, per_page = params.paging(query)
        result = selectors.service_page(filters, page=page, per_page=per_page, full=full)
        items = [hsds.service_to_hsds(o, full=full) for o in result.items]
        return Response(_page(items, result.total, page, per_page))


class ServiceDetailView(HsdsView):
    @extend_schema(
        operation_id="hsds_services_retrieve",
        summary="One published service, fully nested",
        responses=s.detail_responses(s.SERVICE),
        tags=[TAG],
    )
    def get(self, request, id):
        offer = selectors.service_queryset(full=True).filter(pk=_uuid_or_404(id)).first()
        if offer is None:
            raise _not_found()
        return Response(hsds.service_to_hsds(offer, full=True))


class OrganizationListView(HsdsView):
    @extend_schema(
        operation_id="hsds_organizations_list",
        summary="Organizations with at least one published service",
        parameters=[*s.LIST_PARAMS, s.P_TERM, s.P_TAXONOMY, s.P_FULL, s.P_FULL_SERVICE],
        responses=s.list_responses(s.ORGANIZATION),
        tags=[TAG],
    )
    def get(self, request):
        query = request.query_params
        filters = params.filters(query, organisation=False, modified=False)
        full_service = params.boolean(query, "full_service")
        full = params.boolean(query, "full") or full_service
        queryset = selectors.organisation_list(filters, full=full)
        if params.output_format(query) == "ndjson":
            return _ndjson(
                obj
                for chunk in _chunks(queryset)
                for obj in _organisations(chunk, full, full_service)
            )
        page, per_page = params.paging(query)
        start = (page - 1) * per_page
        organisations = list(queryset[start : start + per_page])
        items = _organisations(organisations, full, full_service)
        return Response(_page(items, queryset.count(), page, per_page))


def _chunks(queryset, size: int = 200):
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        part = ids[start : start + size]
        loaded = queryset.in_bulk(part)
        yield [loaded[pk] for pk in part if pk in loaded]


def _organisations(organisations: list, full: bool, full_service: bool) -> list[dict]:
    services = (
        selectors.services_by_organisation([o.pk for o in organisations]) if full_service else {}
    )
    return [
        hsds.organization_to_hsds(
            o, full=full, services=services.get(o.pk) if full_service else None
        )
        for o in organisations
    ]


class OrganizationDetailView(HsdsView):
    @extend_schema(
        operation_id="hsds_organizations_retrieve",
        summary="One organization with its locations; full_service=true adds its services",
        parameters=[s.P_FULL_SERVICE],
        responses=s.detail_responses(s.ORGANIZATION),
        tags=[TAG],
    )
    def get(self, request, id):
        full_service = params.boolean(request.query_params, "full_service")
        organisation = (
            selectors.organisation_queryset(full=True).filter(pk=_uuid_or_404(id)).first()
        )
        if organisation is None:
            raise _not_found()
        return Response(_organisations([organisation], True, full_service)[0])


def _service_at_location(offer_location, full: bool = True) -> dict:
    obj = hsds.service_at_location_to_hsds(offer_location, full=full)
    distance = getattr(offer_location, "distance_km", None)
    if distance is not None:
        obj["distance_km"] = round(distance, 2)
    return obj


class ServiceAtLocationListView(HsdsView):
    @extend_schema(
        operation_id="hsds_service_at_locations_list",
        summary="Published services at their locations; with postcode nearest first",
        description="`postcode` orders by distance from the centre of its four-digit area "
        "(places without coordinates last) and adds `distance_km`; `proximity` (metres, as "
        "HSDS says) keeps only what lies within that distance.",
        parameters=[
            *s.LIST_PARAMS,
            s.P_TERM,
            s.P_TAXONOMY,
            s.P_ORGANISATION,
            s.P_MODIFIED,
            s.P_FULL,
            s.P_POSTCODE,
            s.P_PROXIMITY,
        ],
        responses=s.list_responses(s.SERVICE_AT_LOCATION),
        tags=[TAG],
    )
    def get(self, request):
        query = request.query_params
        filters = params.filters(query)
        full = params.boolean(query, "full")
        origin, proximity = params.origin(query)
        queryset = selectors.service_at_location_list(
            filters, origin=origin, proximity_km=proximity
        )
        return _listed(request, queryset, lambda ol: _service_at_location(ol, full))


class ServiceAtLocationDetailView(HsdsView):
    @extend_schema(
        operation_id="hsds_service_at_locations_retrieve",
        summary="One published service at one location, fully nested",
        responses=s.detail_responses(s.SERVICE_AT_LOCATION),
        tags=[TAG],
    )
    def get(self, request, id):
        offer_location = (
            selectors.service_at_location_queryset().filter(pk=_uuid_or_404(id)).first()
        )
        if offer_location is None:
            raise _not_found()
        return Response(_service_at_location(offer_location))


class TaxonomyListView(HsdsView):
    @extend_schema(
        operation_id="hsds_taxonomies_list",
        summary="Our taxonomies: themes, target groups, offer types, levels",
        parameters=s.LIST_PARAMS,
        responses=s.list_responses(s.TAXONOMY),
        tags=[TAG],
    )
    def get(self, request):
        queryset = selectors.taxonomy_list(params.text(request.query_params, "search"))
        return _listed(request, queryset, hsds.taxonomy_to_hsds)


class TaxonomyDetailView(HsdsView):
    @extend_schema(
        operation_id="hsds_taxonomies_retrieve",
        summary="One taxonomy",
        responses=s.detail_responses(s.TAXONOMY),
        tags=[TAG],
    )
    def get(self, request, id):
        pk = _uuid_or_404(id)
        if str(pk) == hsds.HELP_POINT_TAXONOMY["id"]:
            # The fixed taxonomy of the help points' location attributes (hsds-mapping.md).
            return Response(hsds.HELP_POINT_TAXONOMY)
        taxonomy = Taxonomy.objects.filter(pk=pk).first()
        if taxonomy is None:
            raise _not_found()
        return Response(hsds.taxonomy_to_hsds(taxonomy))


class TaxonomyTermListView(HsdsView):
    @extend_schema(
        operation_id="hsds_taxonomy_terms_list",
        summary="The terms of our taxonomies",
        parameters=[*s.LIST_PARAMS, s.P_TAXONOMY, s.P_TOP_ONLY, s.P_PARENT],
        responses=s.list_responses(s.TAXONOMY_TERM),
        tags=[TAG],
    )
    def get(self, request):
        query = request.query_params
        queryset = selectors.taxonomy_term_list(
            search=params.text(query, "search"),
            taxonomy_id=params.identifier(query, "taxonomy_id"),
            parent_id=params.identifier(query, "parent_id"),
            top_only=params.boolean(query, "top_only"),
        )
        return _listed(request, queryset, hsds.taxonomy_term_to_hsds)


class TaxonomyTermDetailView(HsdsView):
    @extend_schema(
        operation_id="hsds_taxonomy_terms_retrieve",
        summary="One taxonomy term",
        responses=s.detail_responses(s.TAXONOMY_TERM),
        tags=[TAG],
    )
    def get(self, request, id):
        pk = _uuid_or_404(id)
        if str(pk) in hsds.HELP_POINT_TERM_IDS:
            return Response(hsds.help_point_term(hsds.HELP_POINT_TERM_IDS[str(pk)]))
        term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first()
        if term is None:
            raise _not_found()
        return Response(hsds.taxonomy_term_to_hsds(term))
