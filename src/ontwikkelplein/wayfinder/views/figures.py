"""The wegwijzer's figures page and its downloads: levels and periods from the figures engine
(core/figures) with the scopes of organisations/figures.py. A level the user may not use
answers 404; a user without any level 403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.charts import bar_chart
from ontwikkelplein.core.figures.page import figure_request
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM
from ontwikkelplein.core.tabular import download
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.wayfinder import figures as wayfinder_figures
from ontwikkelplein.wayfinder.views.staff import may_edit


def _request(request):
    scopes = figure_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Je hebt geen toegang tot de cijfers van de wegwijzer."))
    return figure_request(request.GET, scopes)


@staff_required
def figures_page(request):
    fr = _request(request)
    result = wayfinder_figures.figures(fr.scope, fr.period, today=fr.today)
    for breakdown in result.breakdowns:
        breakdown.chart = bar_chart(breakdown)
    base = reverse("wayfinder:figures-export")
    return render(
        request,
        "wayfinder/staff/figures.html",
        {
            **fr.context(),
            "figures": result,
            "staff_nav": "wayfinder-figures",
            "show_admin_nav": may_edit(request.user),
            "csv_url": fr.export_url(base, "csv"),
            "xlsx_url": fr.export_url(base, "xlsx"),
        },
    )


@staff_required
def figures_export(request):
    fr = _request(request)
    result = wayfinder_figures.figures(fr.scope, fr.period, today=fr.today)
    return download(
        request.GET.get(FORMAT_PARAM, "csv"),
        f"wegwijzer-{fr.scope.level}-{fr.period.file_label}",
        wayfinder_figures.figures_sheets(result),
    )
