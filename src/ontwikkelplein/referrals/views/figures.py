"""The figures of the referrals (/beheer/doorverwijzingen/cijfers/) and their CSV download.
Thin: the numbers and who sees what come from referrals.figures (through
organisations.scoping). A view the user may not use answers 404."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.desk.charts import bar_chart
from ontwikkelplein.desk.exports import CSV_CONTENT_TYPE, small_count_note
from ontwikkelplein.desk.periods import EARLIEST, LATEST, Period, PeriodKind
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.referrals import figures as referral_figures
from ontwikkelplein.referrals.figures import Direction, View

DEFAULT_PERIOD = PeriodKind.MONTH
VIEW_PARAM, DIRECTION_PARAM, PERIOD_PARAM, DATE_PARAM = "weergave", "richting", "periode", "datum"


@dataclass
class FigureRequest:
    views: list[str]
    view: str
    scope: referral_figures.Scope
    direction: str
    period: Period
    notices: list[str] = field(default_factory=list)

    def query(self, **changes) -> str:
        params = {
            VIEW_PARAM: self.view,
            DIRECTION_PARAM: self.direction,
            PERIOD_PARAM: self.period.kind,
            DATE_PARAM: self.period.start.isoformat(),
        }
        params.update(changes)
        return "?" + urlencode(params)


def _figure_request(request) -> FigureRequest:
    views = referral_figures.available_views(request.user)
    if not views:
        raise PermissionDenied(_("Je hebt geen toegang tot de cijfers van de doorverwijzingen."))
    view = request.GET.get(VIEW_PARAM) or views[0]
    if view not in views:
        raise Http404
    scope = referral_figures.scope_for(request.user, view)
    if scope is None:
        raise Http404

    notices = []
    direction = request.GET.get(DIRECTION_PARAM) or Direction.RECEIVED
    if direction not in Direction.VALUES:
        notices.append(_("Deze richting kennen we niet. Je ziet nu de ontvangen doorverwijzingen."))
        direction = Direction.RECEIVED
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
    return FigureRequest(views, view, scope, direction, Period.containing(kind, day), notices)


@staff_required
def figures_page(request):
    figure_request = _figure_request(request)
    result = referral_figures.figures(
        figure_request.scope, figure_request.period, figure_request.direction
    )
    for breakdown in result.breakdowns:
        breakdown.chart = bar_chart(breakdown)
    if result.series is not None:
        result.series.chart = bar_chart(result.series)

    period = figure_request.period
    today = timezone.localdate()
    this_period = Period.containing(period.kind, today)
    views = [
        (
            view,
            View(view).label,
            "?" + urlencode({VIEW_PARAM: view, PERIOD_PARAM: period.kind}),
        )
        for view in figure_request.views
    ]
    directions = [
        (value, label, figure_request.query(**{DIRECTION_PARAM: value}))
        for value, label in Direction.CHOICES
    ]
    return render(
        request,
        "referrals/figures.html",
        {
            "staff_nav": "referrals",
            "referral_nav": "figures",
            # The referrals menu only for staff who have an inbox (POI and KB do not).
            "show_referral_nav": View.OWN in figure_request.views,
            "figures": result,
            "scope": figure_request.scope,
            "period": period,
            "previous": result.previous,
            "views": views,
            "view": figure_request.view,
            "directions": directions,
            "direction": figure_request.direction,
            "notices": figure_request.notices,
            "period_kinds": PeriodKind.choices,
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
            "small_count_note": small_count_note(),
            "csv_url": reverse("referrals:figures-export") + figure_request.query(),
        },
    )


@staff_required
def figures_export(request):
    figure_request = _figure_request(request)
    result = referral_figures.figures(
        figure_request.scope, figure_request.period, figure_request.direction
    )
    response = HttpResponse(referral_figures.figures_csv(result), content_type=CSV_CONTENT_TYPE)
    file_name = (
        f"doorverwijzingen-{figure_request.direction}-{figure_request.period.file_label}.csv"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
