"""Overviews of learning on the figures engine (core/figures): the own level (team leaders: who
is certified for what, the groups and their costs), the POI region and Heel Nederland (groups,
participants, certificates and costs; counts of 1 to 4 shown as "<5"), with the shared level
and period pickers and downloads. The period selects the groups requested in it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.charts import simple_chart
from ontwikkelplein.core.figures.page import figure_request
from ontwikkelplein.core.figures.periods import PeriodKind
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM, Level
from ontwikkelplein.core.tabular import FORMATS, Sheet, download
from ontwikkelplein.learning import selectors
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import staff_required


def _tables(scope, groups) -> list[tuple[str, str, str, list]]:
    """(key, title, first column, rows) of the level's tables."""
    suppress = scope.suppress
    if scope.level == Level.OWN:
        return [
            (
                "per-traject",
                _("Per traject"),
                _("Traject"),
                selectors.group_figures(groups, "trajectory", suppress=False),
            ),
        ]
    first = ("per-bibliotheek", _("Per bibliotheek"), _("Bibliotheek"), "library")
    if scope.level == Level.COUNTRY:
        first = ("per-poi", _("Per POI"), _("POI"), "poi")
    return [
        (*first[:3], selectors.group_figures(groups, first[3], suppress=suppress)),
        (
            "per-traject",
            _("Per traject"),
            _("Traject"),
            selectors.group_figures(groups, "trajectory", suppress=suppress),
        ),
    ]


def _rows(tables) -> list[list]:
    rows = [
        [
            _("Tabel"),
            _("Naam"),
            _("Groepen"),
            _("Deelnemers"),
            _("Certificaten"),
            _("Kosten"),
            _("Per deelnemer"),
        ]
    ]
    for _key, title, _first, figures in tables:
        for row in figures:
            rows.append(
                [
                    title,
                    row.label,
                    row.groups,
                    row.participants_export,
                    row.certificates_export,
                    row.cost,
                    row.cost_per_participant,
                ]
            )
    return rows


@staff_required
def overview(request):
    scopes = figure_scopes(
        request.user, own_organisations=selectors.team_leader_libraries(request.user)
    )
    if not scopes:
        raise PermissionDenied(_("Alleen teamleiders, POI-adviseurs en de KB zien overzichten."))
    fr = figure_request(request.GET, scopes, compare=False, default_kind=PeriodKind.YEAR)
    groups = selectors.groups_in(fr.scope, fr.comparison.current).distinct()
    tables = _tables(fr.scope, groups)
    fmt = request.GET.get(FORMAT_PARAM)
    if fmt in FORMATS:
        return download(
            fmt, f"leren-{fr.level}-{fr.period.file_label}", [Sheet(_("Leren"), _rows(tables))]
        )
    base = reverse("learning:overview")
    context = {
        **fr.context(),
        "learning_nav": "overview",
        "tables": [
            (
                key,
                title,
                first,
                rows,
                simple_chart(
                    [(r.label, 0 if r.hidden else r.n_participants, r.participants) for r in rows],
                    _("Deelnemers"),
                ),
            )
            for key, title, first, rows in tables
        ],
        "csv_url": fr.export_url(base, "csv"),
        "xlsx_url": fr.export_url(base, "xlsx"),
    }
    if fr.level == Level.OWN:
        context["certificates"] = selectors.library_certifications(fr.scope.organisation_ids)
        context["library_groups"] = (
            groups.select_related("trajectory").prefetch_related("participants").order_by("name")
        )
    elif fr.level == Level.REGION:
        context["certificates"] = selectors.library_certifications(groups.values("library_id"))
    return render(request, "learning/overview.html", context)
