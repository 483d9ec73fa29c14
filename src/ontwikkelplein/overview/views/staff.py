"""The overview (/beheer/overzicht/) and its downloads. Thin: the numbers come from
overview.selectors, the level, period and drill-down from the figures engine (core/figures),
organisations/figures.py and the desk's areas. A drill-down parameter outside the user's scope
answers 404, so another library's numbers are never read."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.page import FigureRequest, figure_request
from ontwikkelplein.core.figures.periods import PeriodKind
from ontwikkelplein.core.tabular import FORMATS, download
from ontwikkelplein.desk import selectors as desk_selectors
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.overview import exports, selectors
from ontwikkelplein.overview.menu import LIBRARY_ROLES, uses_overview
from ontwikkelplein.places.models import Municipality, Province

SORT_PARAM = "sorteer"
ORDER_PARAM = "volgorde"
DESCENDING = "aflopend"
PART_PARAM = "deel"
LIBRARIES_PART = "bibliotheken"


def _scopes(user):
    if not uses_overview(user):
        raise PermissionDenied(_("Het overzicht is voor specialisten, teamleiders, POI en KB."))
    own = Organisation.objects.filter(
        pk__in=scoping.organisation_ids_with_role(
            user, *LIBRARY_ROLES, kinds=(OrganisationKind.LIBRARY,)
        )
    )
    scopes = figure_scopes(user, own_organisations=own)
    if not scopes:
        raise PermissionDenied(_("Het overzicht is voor specialisten, teamleiders, POI en KB."))
    return scopes


def _request(request) -> tuple[FigureRequest, desk_selectors.Area, str, bool]:
    fr = figure_request(request.GET, _scopes(request.user), default_kind=PeriodKind.YEAR)
    try:
        area = desk_selectors.resolve_area(fr.scope, request.GET)
    except desk_selectors.AreaNotFound as error:
        raise Http404 from error
    if area.organisation is not None and area.organisation.kind != OrganisationKind.LIBRARY:
        raise Http404  # the overview is of libraries; a partner or POI has none
    sort = (request.GET.get(SORT_PARAM) or "").strip()
    order = (request.GET.get(ORDER_PARAM) or "").strip()
    extra = dict(area.params)
    if sort and sort != selectors.NAME_COLUMN and sort not in selectors.COLUMN_KEYS:
        fr.notices.append(_("Op deze kolom kunnen we niet sorteren. De tabel staat op naam."))
        sort = ""
    if order and order not in (DESCENDING, "oplopend"):
        fr.notices.append(_("Deze volgorde kennen we niet. De tabel staat oplopend."))
        order = ""
    if sort:
        extra[SORT_PARAM] = sort
    if order:
        extra[ORDER_PARAM] = order
    fr.extra = extra
    return fr, area, sort, order == DESCENDING


def _query(fr: FigureRequest, **changes) -> str:
    params = fr.params()
    for name in desk_selectors.LEVEL_PARAMS.values():
        params.pop(name, None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return "?" + urlencode(params)


def _area_query(fr: FigureRequest, area_params: dict) -> str:
    params = fr.params()
    for name in (*desk_selectors.LEVEL_PARAMS.values(), SORT_PARAM, ORDER_PARAM):
        params.pop(name, None)
    return "?" + urlencode({**params, **area_params})


def _children(fr: FigureRequest, area: desk_selectors.Area) -> list[tuple[str, str]]:
    """Links one level down (as on the desk's figures page): provinces, municipalities,
    libraries or locations inside the area, each with its address."""
    level = area.child_level
    if level is None:
        return []
    locations = area.locations()
    if level == desk_selectors.PROVINCE:
        items = Province.objects.filter(pk__in=locations.values("municipality__province_id"))
        items = [(p.name, p.code) for p in items.order_by("name")]
    elif level == desk_selectors.MUNICIPALITY:
        items = Municipality.objects.filter(pk__in=locations.values("municipality_id"))
        items = [(m.name, m.code) for m in items.order_by("name")]
    elif level == desk_selectors.ORGANISATION:
        items = Organisation.objects.filter(
            pk__in=locations.values("organisation_id"), kind=OrganisationKind.LIBRARY
        )
        items = [(o.name, str(o.pk)) for o in items.order_by("name")]
    else:
        items = [
            (loc.name, str(loc.pk))
            for loc in Location.objects.filter(pk__in=locations.values("pk")).order_by("name")
        ]
    return [(name, _area_query(fr, area.child_params(level, key))) for name, key in items]


@staff_required
def index(request):
    fr, area, sort, descending = _request(request)
    result = selectors.overview(fr.scope, fr.period, area, today=fr.today)
    rows = selectors.sort_table(result.table, sort, descending)
    drill_level = (
        desk_selectors.ORGANISATION if desk_selectors.ORGANISATION in area.levels else None
    )
    for row in rows:
        if drill_level and area.organisation is None:
            row.url = _area_query(fr, area.child_params(drill_level, str(row.organisation_id)))
    columns = []
    for key, label in [(selectors.NAME_COLUMN, _("Bibliotheek")), *selectors.COLUMNS]:
        active = (sort or selectors.NAME_COLUMN) == key
        next_order = "oplopend" if active and descending else DESCENDING
        if key == selectors.NAME_COLUMN and not active:
            next_order = "oplopend"
        columns.append(
            {
                "key": key,
                "label": str(label),
                "url": _query(
                    fr,
                    **{SORT_PARAM: key, ORDER_PARAM: next_order},
                    **area.params,
                ),
                "sort": ("descending" if descending else "ascending") if active else "",
            }
        )
    query = fr.query()
    return render(
        request,
        "overview/index.html",
        {
            **fr.context(),
            "staff_nav": "figures",
            "overview": result,
            "area": area,
            "crumbs": [(c.label, _area_query(fr, c.params)) for c in area.crumbs],
            "children": _children(fr, area),
            "child_label": desk_selectors.LEVEL_LABELS.get(area.child_level, ""),
            "rows": rows,
            "columns": columns,
            "csv_url": reverse("overview:export", args=["csv"]) + query,
            "xlsx_url": reverse("overview:export", args=["xlsx"]) + query,
            "more_downloads": (
                [
                    (
                        _("De vergelijking van de bibliotheken als CSV-bestand"),
                        reverse("overview:export", args=["csv"])
                        + fr.query(**{PART_PARAM: LIBRARIES_PART}),
                    )
                ]
                if rows
                else []
            ),
            "downloads_hint": _(
                "Het Excel-bestand heeft twee bladen: de cijfers en de vergelijking van de "
                "bibliotheken."
            )
            if rows
            else "",
        },
    )


@staff_required
def export(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    fr, area, sort, descending = _request(request)
    result = selectors.overview(fr.scope, fr.period, area, today=fr.today)
    result.table = selectors.sort_table(result.table, sort, descending)
    sheets = exports.sheets(result)
    name = "overzicht"
    if fmt == "csv" and request.GET.get(PART_PARAM) == LIBRARIES_PART and len(sheets) > 1:
        sheets, name = sheets[1:], "overzicht-bibliotheken"
    return download(fmt, f"{name}-{fr.period.file_label}", sheets)
