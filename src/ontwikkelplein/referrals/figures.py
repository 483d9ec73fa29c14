"""Figures of the referrals (/beheer/doorverwijzingen/cijfers/): counts by source, receiver,
programme, outcome and status, the time to first contact, the share closed with an outcome, and
what is overdue now. Counts only: no figure ever lists or links a single referral.

Who sees what (the same three views as the desk figures, through organisations.scoping):
- the own view: staff of a library or partner see the referrals their organisations received,
  or sent, with exact numbers;
- the region view: a POI adviser sees the referrals received (or sent) by the organisations of
  the POI's region (scoping.region_organisations);
- the country view: a KB-beheerder sees the whole network.
In the region and country views a count of 1 to 4 is shown as "<5" (and one more cell of a
table is hidden when a single small count could be worked out from the total); a share or a
median is hidden when it rests on fewer than 5 referrals or would give away a count of 1 to 4.

A referral counts in the period it was sent in (created_at, local date).
"""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ontwikkelplein.catalogue.models import Programme
from ontwikkelplein.core import formatting
from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import (
    Breakdown,
    Cell,
    Measure,
    Row,
    hide_small,
    is_small,
    protect_group,
)
from ontwikkelplein.core.figures.periods import Comparison, Period, Window
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import SMALL_COUNT_LIMIT, SMALL_TEXT
from ontwikkelplein.core.tabular import Sheet, to_csv
from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.referrals.models import (
    Outcome,
    ReceiverKind,
    Referral,
    Source,
    Status,
)

REFERRALS = "referrals"
REFERRALS_LABEL = gettext_lazy("Doorverwijzingen")


class Direction:
    # The values are the words in the address (?richting=verstuurd).
    RECEIVED = "ontvangen"
    SENT = "verstuurd"
    CHOICES = [
        (RECEIVED, gettext_lazy("Ontvangen doorverwijzingen")),
        (SENT, gettext_lazy("Verstuurde doorverwijzingen")),
    ]
    VALUES = {RECEIVED, SENT}


# --- Who sees what (the scopes of organisations/figures.py) -----------------------------


def referrals_in_scope(scope: Scope, direction: str) -> QuerySet[Referral]:
    """Referrals received (or sent) by the scope's organisations."""
    referrals = Referral.objects.all()
    if direction == Direction.SENT:
        if scope.organisation_ids is None:
            return referrals.filter(sender_organisation__isnull=False)
        return referrals.filter(sender_organisation_id__in=scope.organisation_ids)
    if scope.organisation_ids is None:
        return referrals
    return referrals.filter(receiver_organisation_id__in=scope.organisation_ids)


# --- The numbers ----------------------------------------------------------------------------


ReferralBreakdown = Breakdown
LABELS = {REFERRALS: REFERRALS_LABEL}


@dataclass
class Stat:
    """A share or a duration as shown, with the number of referrals it rests on."""

    key: str
    label: str
    display: str
    base: int
    hidden: bool = False
    value: float | None = None  # the exact value (a fraction, or hours), for tests and exports
    note: str = ""

    @property
    def export_value(self) -> str:
        return self.display


@dataclass
class ReferralFigures:
    scope: Scope
    direction: str
    period: Period
    previous: Period | None
    total: Measure
    overdue_now: Cell
    stats: list[Stat]
    breakdowns: list[ReferralBreakdown] = field(default_factory=list)
    series: ReferralBreakdown | None = None
    comparison: Comparison | None = None

    @property
    def suppressed(self) -> bool:
        return self.scope.suppress

    def breakdown(self, key: str) -> ReferralBreakdown | None:
        return next((b for b in self.breakdowns if b.key == key), None)

    def stat(self, key: str) -> Stat:
        return next(s for s in self.stats if s.key == key)


def _bounds(period: Window) -> tuple[datetime.datetime, datetime.datetime]:
    """The period as aware datetimes: from its first local midnight to the one after it."""
    start = timezone.make_aware(datetime.datetime.combine(period.start, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


GROUP_FIELDS = [
    "source",
    "receiver_kind",
    "receiver_role",
    "receiver_organisation_id",
    "sender_organisation_id",
    "programme_id",
    "status",
    "outcome",
]


def figures(
    scope: Scope,
    period: Period,
    direction: str = Direction.RECEIVED,
    *,
    compare: bool = True,
    today: datetime.date | None = None,
) -> ReferralFigures:
    """Everything the page shows for one scope, direction and period (a running period against
    the same days of the previous one)."""
    today = today or timezone.localdate()
    comparison = periods.compare(period, today, enabled=compare)
    previous = comparison.previous
    referrals = referrals_in_scope(scope, direction)
    start, end = _bounds(comparison.current)
    low = _bounds(previous)[0] if previous else start
    previous_end = _bounds(previous)[1] if previous else start

    # One grouped query for every count of both periods.
    annotations = {"cur": Count("pk", filter=Q(created_at__gte=start))}
    if previous:
        annotations["prev"] = Count("pk", filter=Q(created_at__lt=previous_end))
    grouped = (
        referrals.filter(created_at__gte=low, created_at__lt=end)
        .values(*GROUP_FIELDS)
        .annotate(**annotations)
        .order_by()
    )
    by: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    total = [0, 0]
    for row in grouped:
        cur, prev = row["cur"], row.get("prev", 0)
        total[0] += cur
        total[1] += prev
        for name in GROUP_FIELDS:
            slot = by[name][row[name] or ""]
            slot[0] += cur
            slot[1] += prev

    def measure(values) -> Measure:
        return Measure(Cell(values[0]), Cell(values[1]) if compare else None)

    def choice_rows(name, choices, *, empty_label=None) -> list[Row]:
        rows = []
        known = set()
        if empty_label is not None:
            choices = [("", empty_label), *choices]
        for value, label in choices:
            known.add(value)
            rows.append(Row(str(value), str(label), {REFERRALS: measure(by[name][value])}))
        for value, values in by[name].items():
            if value not in known:  # a value no longer among the choices still counts
                rows.append(Row(str(value), str(value), {REFERRALS: measure(values)}))
        return rows

    def named_rows(name, model, empty_label) -> list[Row]:
        keys = [k for k, v in by[name].items() if v[0] or v[1]]
        names = dict(model.objects.filter(pk__in=[k for k in keys if k]).values_list("pk", "name"))
        rows = [
            Row(
                str(k),
                names.get(k, f"#{k}") if k else str(empty_label),
                {REFERRALS: measure(by[name][k])},
            )
            for k in keys
        ]
        rows.sort(
            key=lambda r: (-r.values[REFERRALS].current.value, r.key == "", r.label.casefold())
        )
        return rows

    def table(key, title, dimension, rows, *, has_total=True, note="") -> ReferralBreakdown:
        return ReferralBreakdown(
            key,
            title,
            dimension,
            [REFERRALS],
            rows,
            chart_measure=REFERRALS,
            note=note,
            compared=compare,
            has_total=has_total,
            labels=LABELS,
        )

    roles = [
        row
        for row in choice_rows("receiver_role", ColleagueRole.choices)
        if row.key
        and (
            row.values[REFERRALS].current.value
            or (compare and row.values[REFERRALS].previous.value)
        )
    ]
    breakdowns = [
        table("bron", _("Per bron"), _("Bron"), choice_rows("source", Source.choices)),
        table(
            "soort-ontvanger",
            _("Per soort ontvanger"),
            _("Soort ontvanger"),
            choice_rows("receiver_kind", ReceiverKind.choices),
        ),
        table(
            "collega",
            _("Per collega of programma in de bibliotheek"),
            _("Collega of programma"),
            roles,
            has_total=False,
            note=_("Alleen doorverwijzingen naar een collega in de eigen bibliotheek."),
        ),
        table(
            "ontvanger",
            _("Per ontvangende organisatie"),
            _("Organisatie"),
            named_rows("receiver_organisation_id", Organisation, ""),
        ),
        table(
            "verwijzer",
            _("Per verwijzende organisatie"),
            _("Organisatie"),
            named_rows(
                "sender_organisation_id", Organisation, _("Geen organisatie (inwoner zelf)")
            ),
        ),
        table(
            "programma",
            _("Per programma"),
            _("Programma"),
            named_rows("programme_id", Programme, _("Geen programma gekozen")),
        ),
        table(
            "uitkomst",
            _("Per uitkomst"),
            _("Uitkomst"),
            choice_rows("outcome", Outcome.choices, empty_label=_("Nog niet afgerond")),
        ),
        table("status", _("Per status nu"), _("Status"), choice_rows("status", Status.choices)),
    ]
    # One Measure object for the total everywhere, so hiding it once hides it in every table.
    total_measure = measure(total)
    for breakdown in breakdowns:
        if breakdown.has_total:
            breakdown.total = [total_measure]

    # The timings and the course over the period need one row per referral of the period;
    # they are only ever shown added up.
    timings = list(
        referrals.filter(created_at__gte=start, created_at__lt=end).values_list(
            "created_at", "first_contact_at", "closed_at", "first_contact_due", "outcome"
        )
    )
    series = _series(period, [created for created, *_rest in timings])
    stats = _stats(timings, today, scope.suppress)
    overdue = Cell(
        referrals.exclude(status=Status.CLOSED)
        .filter(first_contact_at__isnull=True, first_contact_due__lt=today)
        .count()
    )

    result = ReferralFigures(
        scope=scope,
        direction=direction,
        period=period,
        previous=comparison.previous_period,
        total=total_measure,
        overdue_now=overdue,
        stats=stats,
        breakdowns=breakdowns,
        series=series,
        comparison=comparison,
    )
    if scope.suppress:
        _apply_small_count_rule(result)
    return result


def _series(period: Period, created: list[datetime.datetime]) -> ReferralBreakdown | None:
    buckets = period.buckets()
    if not buckets:
        return None
    counts = [0] * len(buckets)
    starts = [b.start for b in buckets]
    for moment in created:
        day = timezone.localtime(moment).date()
        index = max(i for i, s in enumerate(starts) if s <= day)
        counts[index] += 1
    rows = [
        Row(b.start.isoformat(), b.label, {REFERRALS: Measure(Cell(c))})
        for b, c in zip(buckets, counts, strict=True)
    ]
    return ReferralBreakdown(
        "verloop",
        _("Verloop"),
        _("Periode"),
        [REFERRALS],
        rows,
        chart_measure=REFERRALS,
        compared=False,
        labels=LABELS,
    )


def _duration_display(hours: float) -> str:
    if hours < 24:
        rounded = max(1, round(hours))
        return ngettext("%(count)s uur", "%(count)s uur", rounded) % {"count": rounded}
    days = round(hours / 24, 1)
    # Plural forms need a whole number; 1.5 is "dagen".
    return ngettext("%(count)s dag", "%(count)s dagen", 1 if days == 1 else 2) % {
        "count": formatting.number(days, 1 if days % 1 else 0)
    }


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


_small = is_small


def _share_hidden(part: int, whole: int, suppress: bool) -> bool:
    """A share hides when it rests on fewer than 5 referrals, or when it and the total would
    give away a count of 1 to 4 on either side."""
    return suppress and (whole < SMALL_COUNT_LIMIT or _small(part) or _small(whole - part))


def _stats(timings, today: datetime.date, suppress: bool) -> list[Stat]:
    hidden_text = SMALL_TEXT
    none_text = _("nog niets")

    # Time to first contact: from sending to the first "contact gelegd" or "in behandeling".
    hours = [
        (first - created).total_seconds() / 3600
        for created, first, _closed, _due, _outcome in timings
        if first is not None
    ]
    median_hidden = suppress and len(hours) < SMALL_COUNT_LIMIT and bool(hours)
    median = statistics.median(hours) if hours else None
    median_stat = Stat(
        "median_first_contact",
        _("Mediaan tijd tot eerste contact"),
        hidden_text if median_hidden else (_duration_display(median) if hours else none_text),
        len(hours),
        hidden=median_hidden,
        value=None if median_hidden else median,
        note=_("De helft van de doorverwijzingen met contact had sneller contact."),
    )

    # Within the deadline: first contact (or, without contact, closing) on or before the last
    # day. Counted once that is decided: answered, or the last day has passed.
    decided = within = 0
    for _created, first, closed, due, _outcome in timings:
        answered = first or closed
        if answered is not None:
            decided += 1
            if timezone.localtime(answered).date() <= due:
                within += 1
        elif today > due:
            decided += 1
    within_hidden = _share_hidden(within, decided, suppress) and decided > 0
    within_stat = Stat(
        "within_deadline",
        _("Eerste contact op tijd"),
        hidden_text if within_hidden else (_percent(within, decided) if decided else none_text),
        decided,
        hidden=within_hidden,
        value=None if within_hidden or not decided else within / decided,
        note=_(
            "Van de doorverwijzingen waarvan de termijn voorbij is of die al contact hadden: "
            "het deel met contact binnen de termijn."
        ),
    )

    count = len(timings)
    closed_with_outcome = sum(1 for *_rest, outcome in timings if outcome)
    closed_hidden = _share_hidden(closed_with_outcome, count, suppress) and count > 0
    closed_stat = Stat(
        "closed_with_outcome",
        _("Afgerond met een uitkomst"),
        hidden_text
        if closed_hidden
        else (_percent(closed_with_outcome, count) if count else none_text),
        count,
        hidden=closed_hidden,
        value=None if closed_hidden or not count else closed_with_outcome / count,
        note=_("Het deel van de doorverwijzingen uit deze periode dat al is afgerond."),
    )
    return [median_stat, within_stat, closed_stat]


def _apply_small_count_rule(result: ReferralFigures) -> None:
    hide_small(result.total.current)
    if result.total.previous is not None:
        hide_small(result.total.previous)
    hide_small(result.overdue_now)
    tables = [*result.breakdowns, *([result.series] if result.series else [])]
    for breakdown in tables:
        for which in ("current", "previous"):
            cells = [getattr(r.values[REFERRALS], which) for r in breakdown.rows]
            cells = [c for c in cells if c is not None]
            for cell in cells:
                hide_small(cell)
            protect_group(cells)
        if breakdown.key in ("ontvanger", "verwijzer", "programma"):
            # Sorted again by what is shown: the order of hidden counts gives nothing away.
            breakdown.rows.sort(
                key=lambda r: (
                    -r.values[REFERRALS].current.chart_value,
                    r.key == "",
                    r.label.casefold(),
                )
            )


# --- Export ---------------------------------------------------------------------------------


def figures_rows(result: ReferralFigures) -> list[list]:
    """The page as one long table: part, name, this period, previous period. The same numbers
    (and hidden counts) as the screen."""
    comparison = result.comparison
    rows = [
        [_("Onderdeel"), _("Naam"), comparison.current_label, comparison.previous_label],
        [
            _("In het kort"),
            _("Doorverwijzingen"),
            result.total.current.export_value,
            result.total.previous.export_value if result.total.previous else "",
        ],
        [
            _("In het kort"),
            _("Nu te laat voor eerste contact"),
            result.overdue_now.export_value,
            "",
        ],
    ]
    rows += [[_("In het kort"), stat.label, stat.export_value, ""] for stat in result.stats]
    for breakdown in [*result.breakdowns, *([result.series] if result.series else [])]:
        for row in breakdown.rows:
            value = row.values[REFERRALS]
            rows.append(
                [
                    breakdown.title,
                    row.label,
                    value.current.export_value,
                    value.previous.export_value if value.previous else "",
                ]
            )
    return rows


def figures_sheets(result: ReferralFigures) -> list[Sheet]:
    return [Sheet(_("Doorverwijzingen"), figures_rows(result))]


def figures_csv(result: ReferralFigures) -> str:
    return to_csv(figures_rows(result))
