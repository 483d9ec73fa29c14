"""BoekStart's figures (/beheer/boekstart/cijfers/): vouchers, cases and first memberships per
location (own level) or library (region, country), per municipality and per where the voucher
came from; and the reach, cases collected in a year against the babies born in the
municipality that year (Births, from an open data file: load_births).

Levels and periods come from the figures engine (core/figures) with the scopes of
organisations/figures.py. Above the own level every count of 1 to 4 is hidden, with
complementary suppression; a reach is not given when its count is hidden."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.boekstart.models import Births, Kind, Registration, Via
from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import (
    Breakdown,
    Cell,
    Measure,
    Row,
    hide_small,
    suppress_tables,
)
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.organisations.models import Organisation

KINDS = list(Kind.values)


def registrations_in_scope(scope: Scope):
    return Registration.objects.filter(**scope.filter())


@dataclass
class ReachRow:
    municipality: str
    code: str
    cases: Cell
    births: int | None
    births_year: int | None
    source: str

    @property
    def percent(self) -> str:
        if not self.births or self.cases.is_hidden:
            return ""
        return f"{round(100 * self.cases.value / self.births)}%"


@dataclass
class BoekStartFigures:
    comparison: periods.Comparison
    totals: dict  # kind -> Measure
    breakdowns: list[Breakdown]
    reach_year: int
    reach: list[ReachRow]


def _measure(values, compared) -> Measure:
    return Measure(Cell(values[0]), Cell(values[1]) if compared else None)


def figures(scope: Scope, period, *, today=None, compare: bool = True) -> BoekStartFigures:
    today = today or timezone.localdate()
    comparison = periods.compare(period, today, enabled=compare)
    current, previous = comparison.current, comparison.previous
    low = previous.start if previous else current.start
    rows = (
        registrations_in_scope(scope)
        .filter(day__gte=low, day__lte=current.end)
        .values(
            "kind",
            "via",
            "location__name",
            "organisation__name",
            "location__municipality__name",
        )
        .annotate(
            cur=Count("pk", filter=Q(day__gte=current.start)),
            prev=Count("pk", filter=Q(day__lte=previous.end) if previous else Q(pk__in=[])),
        )
        .order_by()
    )
    compared = previous is not None
    totals = {kind: [0, 0] for kind in KINDS}
    by_place = defaultdict(lambda: {kind: [0, 0] for kind in KINDS})
    by_municipality = defaultdict(lambda: {kind: [0, 0] for kind in KINDS})
    by_via = defaultdict(lambda: [0, 0])
    own = scope.level == Level.OWN
    for row in rows:
        values = [row["cur"] or 0, row["prev"] or 0 if compared else 0]
        place = row["location__name"] if own else row["organisation__name"]
        municipality = row["location__municipality__name"] or _("Onbekend")
        for i in (0, 1):
            totals[row["kind"]][i] += values[i]
            by_place[place][row["kind"]][i] += values[i]
            by_municipality[municipality][row["kind"]][i] += values[i]
            if row["kind"] == Kind.VOUCHER:
                by_via[row["via"]][i] += values[i]

    total_measures = {kind: _measure(totals[kind], compared) for kind in KINDS}
    labels = dict(Kind.choices)

    def kind_breakdown(key, title, dimension, items):
        return Breakdown(
            key,
            title,
            dimension,
            KINDS,
            [
                Row(str(n), str(name), {k: _measure(v[k], compared) for k in KINDS})
                for n, (name, v) in enumerate(sorted(items.items()))
            ],
            chart_measure=Kind.CASE,
            compared=compared,
            total=[total_measures[k] for k in KINDS],
            labels=labels,
        )

    via_labels = dict(Via.choices)
    breakdowns = [
        kind_breakdown(
            "plek",
            _("Per locatie") if own else _("Per bibliotheek"),
            _("Locatie") if own else _("Bibliotheek"),
            by_place,
        ),
        kind_breakdown(
            "gemeente", _("Per gemeente"), _("Gemeente van de locatie"), by_municipality
        ),
        Breakdown(
            "waardebon",
            _("Waardebonnen: waar kregen de ouders de bon?"),
            _("Gekregen via"),
            [Kind.VOUCHER],
            [
                Row(via, str(via_labels[via]), {Kind.VOUCHER: _measure(by_via[via], compared)})
                for via in Via.values
                if by_via[via][0] or by_via[via][1]
            ],
            compared=compared,
            total=[total_measures[Kind.VOUCHER]],
            labels=labels,
        ),
    ]
    if scope.suppress:
        suppress_tables(breakdowns, total_measures.values())
    year = current.start.year
    return BoekStartFigures(
        comparison=comparison,
        totals=total_measures,
        breakdowns=breakdowns,
        reach_year=year,
        reach=reach(scope, year),
    )


def _scope_municipality_ids(scope: Scope) -> set | None:
    if scope.is_country:
        return None
    ids = scope.organisation_ids or frozenset()
    found = set(
        Organisation.objects.filter(pk__in=ids).values_list("municipalities__pk", flat=True)
    )
    found |= set(
        Registration.objects.filter(organisation_id__in=ids).values_list(
            "location__municipality_id", flat=True
        )
    )
    found.discard(None)
    return found


def reach(scope: Scope, year: int) -> list[ReachRow]:
    """Per municipality: cases collected in `year` at the scope's locations there, against the
    babies born there that year (or the latest year before it that the data file has)."""
    municipality_ids = _scope_municipality_ids(scope)
    cases = (
        registrations_in_scope(scope)
        .filter(kind=Kind.CASE, day__year=year, location__municipality__isnull=False)
        .values(
            "location__municipality_id",
            "location__municipality__name",
            "location__municipality__code",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    births_qs = Births.objects.filter(year__lte=year).select_related("municipality")
    if municipality_ids is not None:
        births_qs = births_qs.filter(municipality_id__in=municipality_ids)
    births = {}
    for b in births_qs.order_by("municipality_id", "-year"):
        births.setdefault(b.municipality_id, b)
    rows = {}
    for row in cases:
        mid = row["location__municipality_id"]
        if municipality_ids is not None and mid not in municipality_ids:
            continue
        b = births.get(mid)
        rows[mid] = ReachRow(
            row["location__municipality__name"],
            row["location__municipality__code"],
            Cell(row["n"]),
            b.count if b else None,
            b.year if b else None,
            b.source if b else "",
        )
    for mid, b in births.items():
        if mid not in rows:
            rows[mid] = ReachRow(
                b.municipality.name, b.municipality.code, Cell(0), b.count, b.year, b.source
            )
    result = sorted(rows.values(), key=lambda r: r.municipality)
    if scope.suppress:
        for row in result:
            hide_small(row.cases)
    return result


def figures_sheets(result: BoekStartFigures) -> list[Sheet]:
    comparison = result.comparison
    labels = dict(Kind.choices)
    rows = [
        [_("Onderdeel"), _("Naam"), _("Soort"), comparison.current_label, comparison.previous_label]
    ]
    for kind, measure in result.totals.items():
        rows.append(
            [
                _("In het kort"),
                _("Totaal"),
                str(labels[kind]),
                measure.current.export_value,
                measure.previous.export_value if measure.previous else "",
            ]
        )
    for breakdown in result.breakdowns:
        for row in breakdown.rows:
            for kind in breakdown.measures:
                value = row.values[kind]
                rows.append(
                    [
                        breakdown.title,
                        row.label,
                        str(labels[kind]),
                        value.current.export_value,
                        value.previous.export_value if value.previous else "",
                    ]
                )
    reach_rows = [
        [
            _("Gemeente"),
            _("CBS-code"),
            _("Koffertjes in %(year)s") % {"year": result.reach_year},
            _("Levend geboren"),
            _("Jaar geboorten"),
            _("Bereik"),
            _("Bron geboorten"),
        ]
    ]
    for r in result.reach:
        reach_rows.append(
            [
                r.municipality,
                r.code,
                r.cases.export_value,
                r.births if r.births is not None else "",
                r.births_year or "",
                r.percent,
                r.source,
            ]
        )
    return [Sheet(_("BoekStart"), rows), Sheet(_("Bereik"), reach_rows)]
