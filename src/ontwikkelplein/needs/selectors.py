"""The read side of the needs page (docs/community.md, "De behoeften in de buurt"): what the
platform knows of a library's neighbourhood's need, from the apps that own each signal, each
table in core.figures cells so the small-count rule is the same as on every figures page.

Every count goes through `_cell`: exact for the library's own staff, 1 to 4 shown as "<5" for
the region's POI adviser and the KB (`exact=False`)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.catalogue.models import (
    Offer,
    OfferStatus,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
)
from ontwikkelplein.core.figures.cells import Cell, hide_small
from ontwikkelplein.core.figures.charts import Chart, simple_chart
from ontwikkelplein.core.figures.periods import Window
from ontwikkelplein.courses.models import Enrolment, EnrolmentStatus
from ontwikkelplein.desk.models import DailyCount, Topic
from ontwikkelplein.needs.models import NeedNote, PublicFigure
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.places.models import Municipality
from ontwikkelplein.referrals.models import Outcome, Referral
from ontwikkelplein.wayfinder.models import PathCount

# The periods the page offers, in months back from today (?maanden=).
PERIOD_MONTHS = (3, 6, 12, 24)
DEFAULT_MONTHS = 12
# A theme with need and at most this many offers of or near the library is a gap.
FEW_OFFERS = 1
# The national searches without results the page lists.
UNMATCHED_LIMIT = 15

SIGNALS = (
    ("desk", gettext_lazy("Balievragen")),
    ("unmet", gettext_lazy("Wegwijzer zonder aanbod")),
    ("waiting", gettext_lazy("Wachtlijst")),
    ("not_suitable", gettext_lazy("Past niet")),
    ("notes", gettext_lazy("Notities")),
)


@dataclass
class Line:
    label: str
    cell: Cell
    detail: str = ""


@dataclass
class Table:
    key: str
    caption: str
    label_header: str
    count_header: str
    lines: list[Line]
    empty: str
    chart: Chart | None = None
    detail_header: str = ""


@dataclass
class Gap:
    theme: str
    signals: dict[str, Cell]
    need: Cell
    offers: int
    is_gap: bool


@dataclass
class FigureLine:
    municipality: str
    indicator: str
    year: int
    value: str
    source: str
    licence: str


@dataclass
class Needs:
    library: Organisation
    municipality: Municipality | None
    municipalities: list[Municipality]
    window: Window
    exact: bool
    tables: list[Table] = field(default_factory=list)
    unmatched: Table | None = None
    gaps: list[Gap] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)


def window_for(months: int, today: datetime.date) -> Window:
    """The last `months` months up to and including today."""
    year, month = divmod(today.month - 1 - months, 12)
    first = datetime.date(today.year + year, month + 1, 1)
    last_day = _month_length(first)
    start = first.replace(day=min(today.day, last_day)) + datetime.timedelta(days=1)
    return Window(start, today)


def _month_length(first: datetime.date) -> int:
    following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (following - first).days


def municipalities_of(library: Organisation) -> list[Municipality]:
    """The municipalities a library serves: its working area and where its locations are."""
    return list(
        Municipality.objects.filter(Q(organisations=library) | Q(locations__organisation=library))
        .distinct()
        .order_by("name")
    )


def _cell(value: int | None, exact: bool) -> Cell:
    cell = Cell(int(value or 0))
    return cell if exact else hide_small(cell)


def _table(key, caption, label_header, count_header, counts, exact, empty, *, chart=True):
    """A table (and chart) of (label, count[, detail]) items, largest first."""
    items = sorted(counts, key=lambda item: (-item[1], str(item[0])))
    lines = [
        Line(str(item[0]), _cell(item[1], exact), item[2] if len(item) > 2 else "")
        for item in items
        if item[1]
    ]
    drawn = None
    if chart and lines:
        drawn = simple_chart(
            [(line.label, line.cell.chart_value, line.cell.display) for line in lines],
            count_header,
        )
    return Table(key, caption, label_header, count_header, lines, empty, drawn)


def theme_names() -> dict[str, str]:
    return dict(
        TaxonomyTerm.objects.filter(taxonomy__slug=Taxonomy.THEME).values_list("code", "name")
    )


# --- The signals, each from the app that owns it ------------------------------------------------


def _desk_counts(library, municipality, window):
    """The desk's daily roll-up (desk.models.DailyCount), never the registrations themselves."""
    counts = DailyCount.objects.filter(
        organisation=library, date__gte=window.start, date__lte=window.end
    )
    if municipality is not None:
        counts = counts.filter(location__municipality=municipality)
    return counts


def desk_by_topic(library, municipality, window) -> list[tuple[str, int]]:
    topics = dict(Topic.objects.values_list("pk", "name"))
    rows = (
        _desk_counts(library, municipality, window)
        .values("topic_id")
        .annotate(n=Sum("questions"))
        .order_by()
    )
    merged: dict[str, int] = defaultdict(int)
    for row in rows:
        merged[topics.get(row["topic_id"], _("Zonder onderwerp"))] += row["n"] or 0
    return list(merged.items())


def desk_by_location(library, municipality, window) -> list[tuple[str, int]]:
    rows = (
        _desk_counts(library, municipality, window)
        .values("location__name")
        .annotate(n=Sum("questions"))
        .order_by()
    )
    return [(row["location__name"], row["n"] or 0) for row in rows]


def desk_by_theme(library, municipality, window) -> dict[str, int]:
    """Desk questions by the catalogue theme of their topic (desk.Topic.theme: DigiD and
    toeslagen are "digitale overheid", leesadvies is "lezen en cultuur voor kinderen"), from the
    same roll-up as the tables above. Questions on a topic without a theme are not counted here."""
    themes = dict(
        Topic.objects.filter(theme__isnull=False).values_list("pk", "theme__code")
    )  # the roll-up keeps a topic's id as a plain number (topic_id 0: none)
    if not themes:
        return {}
    rows = (
        _desk_counts(library, municipality, window)
        .filter(topic_id__in=list(themes))
        .values("topic_id")
        .annotate(n=Sum("questions"))
        .order_by()
    )
    merged: dict[str, int] = defaultdict(int)
    for row in rows:
        merged[themes[row["topic_id"]]] += row["n"] or 0
    return {code: n for code, n in merged.items() if n}


def unmet_by_theme(codes, window) -> dict[str, int]:
    """Finished wegwijzer paths that found nothing near by (the source of the overview's
    "Onvervulde vraag in de wegwijzer"), by the need's main theme."""
    rows = (
        PathCount.objects.filter(
            found_nearby=False,
            municipality_code__in=codes,
            day__gte=window.start,
            day__lte=window.end,
        )
        .values("theme")
        .annotate(n=Sum("count"))
        .order_by()
    )
    return {r["theme"]: r["n"] or 0 for r in rows if r["n"]}


def unmatched_searches(window) -> list[tuple[str, int]]:
    """Searches without results (catalogue.UnmatchedSearch): national and anonymous, only phrases
    enough different visitors searched for (catalogue/unmatched.py)."""
    rows = UnmatchedSearch.objects.filter(last_seen__gte=window.start).order_by("-count", "phrase")
    return [(row.phrase, row.count) for row in rows[:UNMATCHED_LIMIT]]


def _waiting(library, municipality):
    enrolments = Enrolment.objects.filter(status=EnrolmentStatus.WAITING, run__organisation=library)
    if municipality is not None:
        enrolments = enrolments.filter(run__location__municipality=municipality)
    return enrolments


def waiting_by_offer(library, municipality) -> list[tuple[str, int]]:
    rows = (
        _waiting(library, municipality)
        .values("run__offer__title")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [(r["run__offer__title"], r["n"]) for r in rows]


def waiting_by_theme(library, municipality) -> dict[str, int]:
    rows = (
        _waiting(library, municipality)
        .values("run__offer__themes__code")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    return {r["run__offer__themes__code"]: r["n"] for r in rows if r["n"]}


def _not_suitable(library, window):
    """Referrals the library sent or received that ended with "Past niet" in the period. A
    referral has no place of its own, so the municipality does not narrow it."""
    return Referral.objects.filter(
        Q(sender_organisation=library) | Q(receiver_organisation=library),
        outcome=Outcome.NOT_SUITABLE,
        closed_at__date__gte=window.start,
        closed_at__date__lte=window.end,
    )


def not_suitable_by_theme(library, window) -> dict[str, tuple[int, int]]:
    """{theme code: (referrals, of which with a reason)}; the reasons themselves are never read."""
    rows = (
        _not_suitable(library, window)
        .values("offer__themes__code")
        .annotate(
            n=Count("id", distinct=True),
            reasons=Count("id", distinct=True, filter=~Q(outcome_reason="")),
        )
        .order_by()
    )
    return {r["offer__themes__code"]: (r["n"], r["reasons"]) for r in rows if r["n"]}


def notes_for(library, municipality, window):
    notes = NeedNote.objects.filter(
        organisation=library, noted_on__gte=window.start, noted_on__lte=window.end
    ).select_related("theme", "municipality", "author")
    if municipality is not None:
        notes = notes.filter(Q(municipality=municipality) | Q(municipality__isnull=True))
    return notes


def offers_by_theme(library, municipalities) -> dict[str, int]:
    """Published offers of the library or with a location in its municipalities, per theme."""
    offers = Offer.objects.filter(status=OfferStatus.PUBLISHED).filter(
        Q(organisation=library) | Q(offer_locations__location__municipality__in=municipalities)
    )
    rows = offers.values("themes__code").annotate(n=Count("id", distinct=True)).order_by()
    return {r["themes__code"]: r["n"] for r in rows if r["themes__code"]}


def public_figures(municipalities) -> list[FigureLine]:
    """The latest year of each open figure per municipality."""
    seen, lines = set(), []
    figures = PublicFigure.objects.filter(municipality__in=municipalities).select_related(
        "municipality"
    )
    for figure in figures.order_by("municipality__name", "indicator", "-year"):
        key = (figure.municipality_id, figure.indicator)
        if key in seen:
            continue
        seen.add(key)
        lines.append(
            FigureLine(
                figure.municipality.name,
                figure.get_indicator_display(),
                figure.year,
                f"{figure.value}".replace(".", ",") + " %",
                figure.source,
                figure.licence,
            )
        )
    return lines


# --- The page -----------------------------------------------------------------------------------


def gaps(signals: dict[str, dict[str, int]], offers: dict[str, int], names, exact) -> list[Gap]:
    """Per theme with any need: the signals beside the offers; the gaps (need and at most
    FEW_OFFERS offers) first, then by need."""
    codes = set()
    for values in signals.values():
        codes |= {code for code in values if code}
    result = []
    for code in codes:
        counts = {key: signals.get(key, {}).get(code, 0) for key, _label in SIGNALS}
        need = sum(counts.values())
        if not need or code not in names:
            continue
        result.append(
            Gap(
                theme=names[code],
                signals={key: _cell(value, exact) for key, value in counts.items()},
                need=_cell(need, exact),
                offers=offers.get(code, 0),
                is_gap=offers.get(code, 0) <= FEW_OFFERS,
            )
        )
    result.sort(key=lambda g: (not g.is_gap, -g.need.value, g.offers, g.theme))
    return result


def needs(
    library: Organisation,
    municipality: Municipality | None,
    window: Window,
    *,
    exact: bool,
) -> Needs:
    municipalities = municipalities_of(library)
    chosen = [municipality] if municipality is not None else municipalities
    names = theme_names()
    result = Needs(library, municipality, municipalities, window, exact)

    result.tables.append(
        _table(
            "desk-topic",
            _("Balievragen per onderwerp"),
            _("Onderwerp"),
            _("Vragen"),
            desk_by_topic(library, municipality, window),
            exact,
            _("In deze periode zijn er aan de balie geen vragen geregistreerd."),
        )
    )
    result.tables.append(
        _table(
            "desk-location",
            _("Balievragen per vestiging"),
            _("Vestiging"),
            _("Vragen"),
            desk_by_location(library, municipality, window),
            exact,
            _("In deze periode zijn er aan de balie geen vragen geregistreerd."),
        )
    )
    unmet = unmet_by_theme([m.code for m in chosen], window)
    result.tables.append(
        _table(
            "unmet",
            _("Wegwijzerpaden zonder passend aanbod in de buurt, per thema"),
            _("Thema"),
            _("Paden"),
            [(names.get(code, _("Zonder thema")), n) for code, n in unmet.items()],
            exact,
            _("Geen wegwijzerpaden zonder aanbod in de buurt in deze periode."),
        )
    )
    result.tables.append(
        _table(
            "waiting",
            _("Op de wachtlijst per aanbod (nu)"),
            _("Aanbod"),
            _("Op de wachtlijst"),
            waiting_by_offer(library, municipality),
            exact,
            _("Niemand staat nu op een wachtlijst."),
        )
    )
    not_suitable = not_suitable_by_theme(library, window)
    result.tables.append(
        _table(
            "not-suitable",
            _("Verwijzingen die eindigden met ‘Past niet’, per thema van het aanbod"),
            _("Thema"),
            _("Verwijzingen"),
            [
                (
                    names.get(code, _("Zonder thema")),
                    n,
                    _cell(reasons, exact).display,
                )
                for code, (n, reasons) in not_suitable.items()
            ],
            exact,
            _("Geen verwijzingen met ‘Past niet’ in deze periode."),
        )
    )
    result.tables[-1].detail_header = _("Met een reden")
    result.unmatched = _table(
        "unmatched",
        _("Zoektermen zonder resultaat (landelijk, alle bibliotheken)"),
        _("Zoekterm"),
        _("Bezoekers"),
        unmatched_searches(window),
        True,
        _("Geen zoektermen zonder resultaat in deze periode."),
        chart=False,
    )
    notes_by_theme: dict[str, int] = defaultdict(int)
    for code in notes_for(library, municipality, window).values_list("theme__code", flat=True):
        if code:
            notes_by_theme[code] += 1
    signals = {
        "desk": desk_by_theme(library, municipality, window),
        "unmet": unmet,
        "waiting": waiting_by_theme(library, municipality),
        "not_suitable": {code: n for code, (n, _reasons) in not_suitable.items()},
        "notes": dict(notes_by_theme),
    }
    result.gaps = gaps(signals, offers_by_theme(library, chosen), names, exact)
    result.figures = public_figures(chosen)
    return result
