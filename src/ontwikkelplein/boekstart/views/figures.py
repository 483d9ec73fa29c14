"""BoekStart's figures page and its downloads: levels and periods from the figures engine with the
scopes of organisations/figures.py. A level the user may not use answers 404; a user without
any level 403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.boekstart import figures as boekstart_figures
from ontwikkelplein.boekstart.models import Kind
from ontwikkelplein.core.figures.charts import bar_chart
from ontwikkelplein.core.figures.page import figure_request
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM
from ontwikkelplein.core.tabular import download
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import staff_required

REACH = "bereik"


def _request(request):
    scopes = figure_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Je hebt geen toegang tot de cijfers van BoekStart."))
    return figure_request(request.GET, scopes)


@staff_required
def figures_page(request):
    fr = _request(request)
    result = boekstart_figures.figures(fr.scope, fr.period, today=fr.today)
    for breakdown in result.breakdowns:
        breakdown.chart = bar_chart(breakdown)
    base = reverse("boekstart:figures-export")
    return render(
        request,
        "boekstart/figures.html",
        {
            **fr.context(),
            "figures": result,
            "total_items": [
                (_("Waardebonnen ingeleverd"), result.totals[Kind.VOUCHER]),
                (_("Koffertjes meegegeven"), result.totals[Kind.CASE]),
                (_("Baby's lid gemaakt"), result.totals[Kind.MEMBERSHIP]),
            ],
            "staff_nav": "boekstart-figures",
            "csv_url": fr.export_url(base, "csv"),
            "xlsx_url": fr.export_url(base, "xlsx"),
            "more_downloads": [
                (
                    _("Het bereik per gemeente als CSV-bestand"),
                    fr.export_url(base, "csv", tabel=REACH),
                )
            ],
        },
    )


@staff_required
def figures_export(request):
    fr = _request(request)
    result = boekstart_figures.figures(fr.scope, fr.period, today=fr.today)
    sheets = boekstart_figures.figures_sheets(result)
    name = f"boekstart-{fr.scope.level}-{fr.period.file_label}"
    if request.GET.get("tabel") == REACH:
        sheets, name = sheets[1:], f"boekstart-bereik-{fr.scope.level}-{result.reach_year}"
    return download(request.GET.get(FORMAT_PARAM, "csv"), name, sheets)
