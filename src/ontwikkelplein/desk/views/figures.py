"""The figures of the front desk (/beheer/cijfers/) and their downloads. Thin: the numbers come
from desk.selectors, the files from desk.exports; who sees what is decided there, through
organisations.scoping. A drill-down parameter outside the user's scope answers 404, so another
library's numbers are never read, let alone shown."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.desk import exports, selectors
from ontwikkelplein.desk.charts import bar_chart
from ontwikkelplein.desk.periods import EARLIEST, LATEST, Period, PeriodKind
from ontwikkelplein.organisations.views.access import staff_required

DEFAULT_PERIOD = PeriodKind.MONTH
VIEW_PARAM, PERIOD_PARAM, DATE_PARAM = "weergave", "periode", "datum"


@dataclass
class FigureRequest:
    """What the address asks for, checked: the view, the scope, the area and the period."""

    views: list[str]
    view: str
    scope: selectors.Scope
    area: selectors.Area
    period: Period
    notices: list[str] = field(default_factory=list)

    def params(self, **changes) -> dict:
        """The address parameters of this request, with changes (None removes one)."""
        params = {VIEW_PARAM: self.view, PERIOD_PARAM: self.period.kind}
        params[DATE_PARAM] = self.period.start.isoformat()
        params.update(self.area.params)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return params

    def query(self, **changes) -> str:
        return "?" + urlencode(self.params(**changes))

    def area_query(self, area_params: dict) -> str:
        base = {VIEW_PARAM: self.view, PERIOD_PARAM: self.period.kind}
        base[DATE_PARAM] = self.period.start.isoformat()
        return "?" + urlencode({**base, **area_params})


def _figure_request(request) -> FigureRequest:
    views = selectors.available_views(request.user)
    if not views:
        raise PermissionDenied(_("Je hebt geen toegang tot de cijfers van de balie."))
    view = request.GET.get(VIEW_PARAM) or views[0]
    if view not in views:
        raise Http404
    scope = selectors.scope_for(request.user, view)
    if scope is None:
        raise Http404
    try:
        area = selectors.resolve_area(scope, request.GET)
    except selectors.AreaNotFound as error:
        raise Http404 from error

    notices = []
    kind = request.GET.get(PERIOD_PARAM) or DEFAULT_PERIOD
    if kind not in PeriodKind.values:
        notices.append(_("Deze periode kennen we niet. Je ziet nu de cijfers per maand."))
        kind = DEFAULT_PERIOD
    day = timezone.localdate()
    given = request.GET.get(DATE_PARAM)
    if given:
        try:
            day = datetime.date.fromisoformat(given)
        except ValueError:
            day = None
        if day is None or not EARLIEST <= day <= LATEST:
            notices.append(
                _(
                    "Deze datum kennen we niet. Schrijf een datum zoals 2024-06-30. "
                    "Je ziet nu de periode van vandaag."
                )
            )
            day = timezone.localdate()
    return FigureRequest(views, view, scope, area, Period.containing(kind, day), notices)


def _location_choices(figure_request: FigureRequest) -> list[tuple[str, list[tuple[str, str]]]]:
    """The own view's location filter: (organisation, [(location id, name)])."""
    if figure_request.view != selectors.View.OWN:
        return []
    groups: dict[str, list] = {}
    for location in selectors.Area(figure_request.scope).locations().select_related("organisation"):
        groups.setdefault(location.organisation.name, []).append((str(location.pk), location.name))
    return sorted(groups.items())


@staff_required
def figures_page(request):
    figure_request = _figure_request(request)
    figures = selectors.figures(figure_request.scope, figure_request.period, figure_request.area)
    for breakdown in figures.breakdowns:
        for row in breakdown.rows:
            if row.drill is not None:
                row.url = figure_request.area_query(row.drill)
        breakdown.chart = bar_chart(breakdown)
    if figures.series is not None:
        figures.series.chart = bar_chart(figures.series)

    period = figure_request.period
    today = timezone.localdate()
    this_period = Period.containing(period.kind, today)
    crumbs = [
        (crumb.label, figure_request.area_query(crumb.params)) for crumb in figures.area.crumbs
    ]
    views = [
        (
            view,
            selectors.View(view).label,
            "?" + urlencode({VIEW_PARAM: view, PERIOD_PARAM: period.kind}),
        )
        for view in figure_request.views
    ]
    export_query = figure_request.query()
    total_items = [
        (selectors.MEASURE_LABELS[name], measure) for name, measure in figures.totals.values.items()
    ]
    return render(
        request,
        "desk/figures.html",
        {
            "staff_nav": "figures",
            "figures": figures,
            "total_items": total_items,
            "topics_hidden": any(
                row.values["questions"].current.is_hidden for row in figures.breakdown("topic").rows
            ),
            "area": figures.area,
            "period": period,
            "previous": figures.previous,
            "crumbs": crumbs,
            "views": views,
            "view": figure_request.view,
            "notices": figure_request.notices,
            "period_kinds": PeriodKind.choices,
            "location_choices": _location_choices(figure_request),
            "selected_location": str(figures.area.location.pk) if figures.area.location else "",
            "hidden_area_params": (
                []
                if figure_request.view == selectors.View.OWN
                else sorted(figures.area.params.items())
            ),
            "previous_url": (
                figure_request.query(**{DATE_PARAM: period.previous().start.isoformat()})
                if period.previous().end >= EARLIEST
                else ""
            ),
            "next_url": (
                figure_request.query(**{DATE_PARAM: period.next().start.isoformat()})
                if period.next().start <= LATEST
                else ""
            ),
            "previous_label": period.previous().label,
            "next_label": period.next().label,
            "this_period_url": (
                figure_request.query(**{DATE_PARAM: today.isoformat()})
                if this_period != period
                else ""
            ),
            "is_running": period.start <= today <= period.end,
            "small_count_note": exports.small_count_note(),
            "csv_url": reverse("desk:figures-export", args=["csv"]) + export_query,
            "xlsx_url": reverse("desk:figures-export", args=["xlsx"]) + export_query,
            "ido_csv_url": reverse("desk:figures-ido-export", args=["csv"]) + export_query,
            "ido_xlsx_url": reverse("desk:figures-ido-export", args=["xlsx"]) + export_query,
        },
    )


def _file_name(prefix: str, figure_request: FigureRequest, extension: str) -> str:
    return f"{prefix}-{figure_request.period.file_label}.{extension}"


def _download(content, fmt: str, file_name: str) -> HttpResponse:
    content_type = exports.CSV_CONTENT_TYPE if fmt == "csv" else exports.XLSX_CONTENT_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@staff_required
def figures_export(request, fmt: str):
    figure_request = _figure_request(request)
    figures = selectors.figures(figure_request.scope, figure_request.period, figure_request.area)
    content = exports.figures_csv(figures) if fmt == "csv" else exports.figures_xlsx(figures)
    return _download(content, fmt, _file_name("balie-cijfers", figure_request, fmt))


@staff_required
def ido_export(request, fmt: str):
    figure_request = _figure_request(request)
    export = exports.ido_export(figure_request.area, figure_request.period)
    content = exports.ido_csv(export) if fmt == "csv" else exports.ido_xlsx(export)
    return _download(content, fmt, _file_name("ido-registratie", figure_request, fmt))
