"""The figures of the front desk (/beheer/cijfers/) and their downloads. Thin: the numbers come
from desk.selectors, the files from desk.exports, the level, period and page furniture from the
figures engine (core/figures) with the scopes of organisations/figures.py. A drill-down
parameter outside the user's scope answers 404, so another library's numbers are never read."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.charts import bar_chart
from ontwikkelplein.core.figures.page import FigureRequest, figure_request
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.core.tabular import FORMATS, download
from ontwikkelplein.desk import exports, selectors
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import staff_required


def _request(request) -> tuple[FigureRequest, selectors.Area]:
    scopes = figure_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Je hebt geen toegang tot de cijfers van de balie."))
    fr = figure_request(request.GET, scopes)
    try:
        area = selectors.resolve_area(fr.scope, request.GET)
    except selectors.AreaNotFound as error:
        raise Http404 from error
    fr.extra = area.params
    if fr.level == Level.OWN:
        fr.form_fields = (selectors.LEVEL_PARAMS[selectors.LOCATION],)
    return fr, area


def _location_choices(fr: FigureRequest) -> list[tuple[str, list[tuple[str, str]]]]:
    """The own level's location filter: (organisation, [(location id, name)])."""
    if fr.level != Level.OWN:
        return []
    groups: dict[str, list] = {}
    for location in selectors.Area(fr.scope).locations().select_related("organisation"):
        groups.setdefault(location.organisation.name, []).append((str(location.pk), location.name))
    return sorted(groups.items())


def _area_query(fr: FigureRequest, area_params: dict) -> str:
    base = fr.params()
    for name in selectors.LEVEL_PARAMS.values():
        base.pop(name, None)
    return "?" + urlencode({**base, **area_params})


@staff_required
def figures_page(request):
    fr, area = _request(request)
    figures = selectors.figures(fr.scope, fr.period, area, today=fr.today)
    for breakdown in figures.breakdowns:
        for row in breakdown.rows:
            if row.drill is not None:
                row.url = _area_query(fr, row.drill)
        breakdown.chart = bar_chart(breakdown)
    if figures.series is not None:
        figures.series.chart = bar_chart(figures.series)

    export_base = reverse("desk:figures-export", args=["csv"])
    ido_base = reverse("desk:figures-ido-export", args=["csv"])
    query = fr.query()
    return render(
        request,
        "desk/figures.html",
        {
            **fr.context(),
            "staff_nav": "figures",
            "figures": figures,
            "total_items": [
                (selectors.MEASURE_LABELS[name], measure)
                for name, measure in figures.totals.values.items()
            ],
            "topics_hidden": any(
                row.values["questions"].current.is_hidden for row in figures.breakdown("topic").rows
            ),
            "area": figures.area,
            "crumbs": [(crumb.label, _area_query(fr, crumb.params)) for crumb in area.crumbs],
            "location_choices": _location_choices(fr),
            "selected_location": str(area.location.pk) if area.location else "",
            "csv_url": export_base + query,
            "xlsx_url": reverse("desk:figures-export", args=["xlsx"]) + query,
            "more_downloads": [
                (_("IDO-registratie voor de Bibliotheekmonitor als CSV-bestand"), ido_base + query),
                (
                    _(
                        "IDO-registratie voor de Bibliotheekmonitor als Excel-bestand (XLSX), "
                        "met bezoekers per locatie"
                    ),
                    reverse("desk:figures-ido-export", args=["xlsx"]) + query,
                ),
            ],
            "downloads_hint": _(
                "De IDO-registratie heeft de vorm van het registratieformulier van de KB: vragen "
                "per locatie, soort vraag, organisatie en geboden hulp. Zo hoef je niets twee "
                "keer in te vullen."
            ),
        },
    )


def _fmt(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404
    return fmt


@staff_required
def figures_export(request, fmt: str):
    fr, area = _request(request)
    figures = selectors.figures(fr.scope, fr.period, area, today=fr.today)
    return download(
        _fmt(fmt), f"balie-cijfers-{fr.period.file_label}", exports.figures_sheets(figures)
    )


@staff_required
def ido_export(request, fmt: str):
    fr, area = _request(request)
    export = exports.ido_export(area, fr.period)
    return download(
        _fmt(fmt), f"ido-registratie-{fr.period.file_label}", exports.ido_sheets(export)
    )
