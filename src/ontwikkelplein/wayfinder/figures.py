"""The wegwijzer's figures (/beheer/wegwijzer/cijfers/): finished paths per end point, and
unmet need, the paths that found no fitting offer near by, per municipality and theme.

The counts are anonymous day totals (PathCount). Which paths a level sees: the country (KB)
all of them; the own organisation those in the municipalities of its working area and of its
locations; the region (POI) those in every municipality of the provinces of the region. A path
whose place lies in no known municipality is counted by its town and only shows at the country
level. Above the own level every count of 1 to 4 is hidden, with complementary suppression
(core.figures.cells.suppress_tables)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import Breakdown, Cell, Measure, Row, suppress_tables
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.organisations.models import Location, Organisation
from ontwikkelplein.places.models import Municipality
from ontwikkelplein.wayfinder.models import Channel, PathCount

PATHS = "paden"
UNMET = "onvervuld"


def municipality_codes(scope: Scope) -> set[str] | None:
    """The municipalities of a scope's organisations; None for the whole country."""
    if scope.is_country:
        return None
    ids = scope.organisation_ids or frozenset()
    codes = set(
        Organisation.objects.filter(pk__in=ids).values_list("municipalities__code", flat=True)
    )
    codes |= set(
        Location.objects.filter(organisation_id__in=ids).values_list(
            "municipality__code", flat=True
        )
    )
    codes.discard(None)
    if scope.level == Level.REGION:
        # A POI's region is its provinces: every municipality in them, also those where no
        # organisation of the network works (that is where unmet need may be greatest).
        codes |= set(
            Municipality.objects.filter(
                Q(province__support_organisations__in=ids)
                | Q(province__municipalities__code__in=codes)
            ).values_list("code", flat=True)
        )
    return {c for c in codes if c}


def counts_in_scope(scope: Scope):
    codes = municipality_codes(scope)
    queryset = PathCount.objects.all()
    if codes is not None:
        queryset = queryset.filter(municipality_code__in=codes)
    return queryset


@dataclass
class WayfinderFigures:
    comparison: periods.Comparison
    total: Measure
    unmet: Measure
    breakdowns: list[Breakdown]
    series: object = None


def figures(scope: Scope, period, *, today=None, compare: bool = True) -> WayfinderFigures:
    today = today or timezone.localdate()
    comparison = periods.compare(period, today, enabled=compare)
    current, previous = comparison.current, comparison.previous
    low = previous.start if previous else current.start
    rows = (
        counts_in_scope(scope)
        .filter(day__gte=low, day__lte=current.end)
        .values("channel", "theme", "municipality_code", "town", "found_nearby")
        .annotate(
            cur=Sum("count", filter=Q(day__gte=current.start)),
            prev=Sum("count", filter=Q(day__lte=previous.end) if previous else Q(pk__in=[])),
        )
        .order_by()
    )
    themes = dict(
        TaxonomyTerm.objects.filter(taxonomy__slug=Taxonomy.THEME).values_list("code", "name")
    )
    municipalities = dict(Municipality.objects.values_list("code", "name"))

    def area(row) -> str:
        if row["municipality_code"]:
            return municipalities.get(row["municipality_code"], row["municipality_code"])
        if row["town"]:
            return _("%(town)s (plaats, gemeente onbekend)") % {"town": row["town"]}
        return _("Onbekend")

    total, unmet = [0, 0], [0, 0]
    by_end = defaultdict(lambda: [0, 0])
    by_channel = defaultdict(lambda: [0, 0])
    by_theme = defaultdict(lambda: [0, 0])
    by_unmet = defaultdict(lambda: [0, 0])
    for row in rows:
        values = [row["cur"] or 0, row["prev"] or 0]
        theme = themes.get(row["theme"], row["theme"]) or _("Geen thema")
        for i in (0, 1):
            total[i] += values[i]
            by_end[row["found_nearby"]][i] += values[i]
            by_channel[row["channel"]][i] += values[i]
            by_theme[theme][i] += values[i]
            if not row["found_nearby"]:
                unmet[i] += values[i]
                by_unmet[(area(row), theme)][i] += values[i]

    def measure(values) -> Measure:
        return Measure(Cell(values[0]), Cell(values[1]) if previous else None)

    total_measure, unmet_measure = measure(total), measure(unmet)

    def breakdown(key, title, dimension, items, label, total_measure, note=""):
        data_rows = [
            Row(str(k), str(name), {PATHS: measure(v)})
            for k, (name, v) in enumerate(items)
            if v[0] or v[1]
        ]
        return Breakdown(
            key,
            title,
            dimension,
            [PATHS],
            data_rows,
            note=note,
            compared=previous is not None,
            total=[total_measure],
            labels={PATHS: label},
        )

    end_labels = {
        True: _("Passend aanbod dichtbij gevonden"),
        False: _("Geen passend aanbod dichtbij"),
    }
    channel_labels = dict(Channel.choices)
    unmet_items = sorted(by_unmet.items(), key=lambda item: (item[0][0], item[0][1]))
    breakdowns = [
        breakdown(
            "onvervuld",
            _("Onvervulde behoefte per gemeente en thema"),
            _("Gemeente en thema"),
            [(f"{place} – {theme}", v) for (place, theme), v in unmet_items],
            _("Paden zonder passend aanbod dichtbij"),
            unmet_measure,
            note=_(
                "Paden die eindigden zonder passend aanbod binnen 10 km. De gemeente komt uit de "
                "postcode of plaats die is ingevuld."
            ),
        ),
        breakdown(
            "eindpunt",
            _("Afgeronde paden per eindpunt"),
            _("Eindpunt"),
            [(end_labels[k], by_end[k]) for k in (True, False)],
            _("Afgeronde paden"),
            total_measure,
        ),
        breakdown(
            "onderwerp",
            _("Afgeronde paden per thema"),
            _("Thema"),
            sorted(by_theme.items()),
            _("Afgeronde paden"),
            total_measure,
        ),
        breakdown(
            "kanaal",
            _("Afgeronde paden per gebruiker"),
            _("Wie"),
            [(channel_labels[k], by_channel[k]) for k in Channel.values],
            _("Afgeronde paden"),
            total_measure,
        ),
    ]
    result = WayfinderFigures(
        comparison=comparison,
        total=total_measure,
        unmet=unmet_measure,
        breakdowns=breakdowns,
    )
    if scope.suppress:
        suppress_tables(breakdowns, [result.total, result.unmet])
    return result


def figures_sheets(result: WayfinderFigures) -> list[Sheet]:
    comparison = result.comparison
    rows = [
        [_("Onderdeel"), _("Naam"), comparison.current_label, comparison.previous_label],
        [
            _("In het kort"),
            _("Afgeronde paden"),
            result.total.current.export_value,
            result.total.previous.export_value if result.total.previous else "",
        ],
        [
            _("In het kort"),
            _("Paden zonder passend aanbod dichtbij"),
            result.unmet.current.export_value,
            result.unmet.previous.export_value if result.unmet.previous else "",
        ],
    ]
    for breakdown in result.breakdowns:
        for row in breakdown.rows:
            value = row.values[PATHS]
            rows.append(
                [
                    breakdown.title,
                    row.label,
                    value.current.export_value,
                    value.previous.export_value if value.previous else "",
                ]
            )
    return [Sheet(_("Wegwijzer"), rows)]
