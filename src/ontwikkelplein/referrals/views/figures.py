"""The figures of the referrals (/beheer/doorverwijzingen/cijfers/) and their downloads. Thin:
the numbers come from referrals.figures, the level, period and page furniture from the figures
engine (core/figures) with the scopes of organisations/figures.py. A level the user may not use
answers 404."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.charts import bar_chart
from ontwikkelplein.core.figures.page import FigureRequest, figure_request
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM, Level
from ontwikkelplein.core.tabular import download
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.referrals import figures as referral_figures
from ontwikkelplein.referrals.figures import Direction

DIRECTION_PARAM = "richting"


def _request(request) -> FigureRequest:
    scopes = figure_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Je hebt geen toegang tot de cijfers van de doorverwijzingen."))
    fr = figure_request(request.GET, scopes)
    direction = request.GET.get(DIRECTION_PARAM) or Direction.RECEIVED
    if direction not in Direction.VALUES:
        fr.notices.append(
            _("Deze richting kennen we niet. Je ziet nu de ontvangen doorverwijzingen.")
        )
        direction = Direction.RECEIVED
    fr.extra = {DIRECTION_PARAM: direction}
    return fr


def _figures(fr: FigureRequest):
    return referral_figures.figures(fr.scope, fr.period, fr.extra[DIRECTION_PARAM], today=fr.today)


@staff_required
def figures_page(request):
    fr = _request(request)
    result = _figures(fr)
    for breakdown in result.breakdowns:
        breakdown.chart = bar_chart(breakdown)
    if result.series is not None:
        result.series.chart = bar_chart(result.series)
    direction = fr.extra[DIRECTION_PARAM]
    base = reverse("referrals:figures-export")
    return render(
        request,
        "referrals/figures.html",
        {
            **fr.context(),
            "staff_nav": "referrals",
            "referral_nav": "figures",
            # The referrals menu only for staff who have an inbox (POI and KB do not).
            "show_referral_nav": any(s.level == Level.OWN for s in fr.scopes),
            "figures": result,
            "directions": [
                (value, label, fr.query(**{DIRECTION_PARAM: value}))
                for value, label in Direction.CHOICES
            ],
            "direction": direction,
            "csv_url": fr.export_url(base, "csv"),
            "xlsx_url": fr.export_url(base, "xlsx"),
        },
    )


@staff_required
def figures_export(request):
    fr = _request(request)
    result = _figures(fr)
    file_name = f"doorverwijzingen-{fr.extra[DIRECTION_PARAM]}-{fr.period.file_label}"
    return download(
        request.GET.get(FORMAT_PARAM, "csv"), file_name, referral_figures.figures_sheets(result)
    )
