"""Reads of the front desk: the figures, the areas a user may drill into, and the grouped question
counts behind the KB-shaped export.

Figures read only the DailyCount/DailyHelpCount roll-ups, never Contact rows, so a dashboard costs
what the number of distinct (day, location, channel, category, agency, topic, referral) combinations
costs, not what years of registrations cost. `figures(scope, period, area)` is the entry point.

Who sees what (docs/ido-registration-export.md has the full rule), with the scopes of
organisations/figures.py (core/figures):
- the own level: staff of a library see their own organisations' exact numbers, down to a location;
- the region level: a POI adviser sees the locations of the region's organisations
  (scoping.region_organisations), province → municipality → library → location;
- the country level: a KB-beheerder sees every location, from the whole country down.
In the region and country levels a count of 1 to 4 is shown as "<5", and one more cell of a table is
hidden when a single small count could otherwise be worked out from the total.
"""

import bisect
import datetime
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import Breakdown, Cell, Measure, Row, suppress_tables
from ontwikkelplein.core.figures.periods import Comparison, Period, Window
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.desk.models import (
    Agency,
    Category,
    Channel,
    DailyCount,
    DailyHelpCount,
    HelpType,
    Question,
    ReferralTarget,
    Topic,
)
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind
from ontwikkelplein.places.models import Municipality, Province

TOP_TOPICS = 5

CONTACTS = "contacts"
QUESTIONS = "questions"
MEASURE_LABELS = {CONTACTS: gettext_lazy("Bezoekers"), QUESTIONS: gettext_lazy("Vragen")}


# --- Areas: the drill-down ------------------------------------------------------------------

PROVINCE, MUNICIPALITY, ORGANISATION, LOCATION = (
    "province",
    "municipality",
    "organisation",
    "location",
)
LEVEL_PARAMS = {
    PROVINCE: "provincie",
    MUNICIPALITY: "gemeente",
    ORGANISATION: "organisatie",
    LOCATION: "locatie",
}
LEVEL_LABELS = {
    PROVINCE: gettext_lazy("Per provincie"),
    MUNICIPALITY: gettext_lazy("Per gemeente"),
    ORGANISATION: gettext_lazy("Per bibliotheek"),
    LOCATION: gettext_lazy("Per locatie"),
}
LEVEL_NAMES = {
    PROVINCE: gettext_lazy("Provincie"),
    MUNICIPALITY: gettext_lazy("Gemeente"),
    ORGANISATION: gettext_lazy("Bibliotheek"),
    LOCATION: gettext_lazy("Locatie"),
}


class AreaNotFound(Exception):
    """A drill-down parameter names nothing this user may see (the view answers 404)."""


@dataclass(frozen=True)
class Crumb:
    label: str
    params: dict


@dataclass(frozen=True)
class Area:
    """A node of the drill-down: the scope narrowed by any of province, municipality,
    organisation and location (each inside the ones before it)."""

    scope: Scope
    province: Province | None = None
    municipality: Municipality | None = None
    organisation: Organisation | None = None
    location: Location | None = None

    @property
    def levels(self) -> list[str]:
        """The levels of this scope's drill-down, from the top."""
        if self.scope.level == Level.OWN:
            if len(self.scope.organisation_ids) > 1:
                return [ORGANISATION, LOCATION]
            return [LOCATION]
        return [PROVINCE, MUNICIPALITY, ORGANISATION, LOCATION]

    @property
    def level(self) -> str:
        """The deepest level chosen, or "root"."""
        chosen = [level for level in self.levels if self._object(level) is not None]
        return chosen[-1] if chosen else "root"

    @property
    def child_level(self) -> str | None:
        levels = self.levels
        if self.level == "root":
            return levels[0]
        index = levels.index(self.level)
        return levels[index + 1] if index + 1 < len(levels) else None

    def _object(self, level: str):
        return getattr(self, level)

    @property
    def name(self) -> str:
        level = self.level
        if level == "root":
            return self.scope.label
        return self._object(level).name

    @property
    def params(self) -> dict:
        """The address parameters that select this area."""
        params = {}
        for level in self.levels:
            obj = self._object(level)
            if obj is not None:
                params[LEVEL_PARAMS[level]] = _param_value(level, obj)
        return params

    def child_params(self, level: str, key: str) -> dict:
        return {**self.params, LEVEL_PARAMS[level]: key}

    @property
    def crumbs(self) -> list[Crumb]:
        """The way down to this area, from the top, each with its address parameters."""
        crumbs, params = [Crumb(self.scope.label, {})], {}
        for level in self.levels:
            obj = self._object(level)
            if obj is not None:
                params = {**params, LEVEL_PARAMS[level]: _param_value(level, obj)}
                crumbs.append(Crumb(obj.name, params))
        return crumbs

    # Filters -----------------------------------------------------------------------------

    def locations(self):
        """The locations inside this area (a queryset)."""
        locations = Location.objects.all()
        if self.scope.organisation_ids is not None:
            locations = locations.filter(organisation_id__in=self.scope.organisation_ids)
        if self.province is not None:
            locations = locations.filter(municipality__province=self.province)
        if self.municipality is not None:
            locations = locations.filter(municipality=self.municipality)
        if self.organisation is not None:
            locations = locations.filter(organisation=self.organisation)
        if self.location is not None:
            locations = locations.filter(pk=self.location.pk)
        return locations

    def filter(self, prefix: str = "") -> Q:
        """A filter on rows with organisation and location foreign keys (DailyCount,
        DailyHelpCount; Question with prefix "contact__")."""
        q = Q()
        if self.scope.organisation_ids is not None:
            q &= Q(**{f"{prefix}organisation_id__in": self.scope.organisation_ids})
        if self.organisation is not None:
            q &= Q(**{f"{prefix}organisation_id": self.organisation.pk})
        if self.location is not None:
            q &= Q(**{f"{prefix}location_id": self.location.pk})
        elif self.province is not None or self.municipality is not None:
            q &= Q(**{f"{prefix}location_id__in": self.locations().values("pk")})
        return q


def _scope_province_ids(scope: Scope) -> set:
    """The provinces in which the scope's organisations have a location."""
    return set(
        Location.objects.filter(organisation_id__in=scope.organisation_ids).values_list(
            "municipality__province_id", flat=True
        )
    )


def _param_value(level: str, obj) -> str:
    return obj.code if level in (PROVINCE, MUNICIPALITY) else str(obj.pk)


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError, AttributeError) as error:
        raise AreaNotFound from error


def resolve_area(scope: Scope, params: Mapping[str, str]) -> Area:
    """The area named by the address parameters (provincie, gemeente, organisatie, locatie),
    checked against the scope. Raises AreaNotFound for anything outside it, so another
    library's id answers 404 and its numbers are never read."""
    area = Area(scope)
    allowed = {LEVEL_PARAMS[level] for level in area.levels}
    # In the own view a single organisation is the root; naming it is allowed, not required.
    if scope.level == Level.OWN:
        allowed.add(LEVEL_PARAMS[ORGANISATION])
    given = {
        name: (params.get(name) or "").strip()
        for name in LEVEL_PARAMS.values()
        if (params.get(name) or "").strip()
    }
    if set(given) - allowed:
        raise AreaNotFound

    province = municipality = organisation = location = None
    if "provincie" in given:
        province = Province.objects.filter(code=given["provincie"]).first()
        if province is None or (
            not scope.is_country and province.pk not in _scope_province_ids(scope)
        ):
            raise AreaNotFound
    if "gemeente" in given:
        municipality = Municipality.objects.select_related("province").filter(
            code=given["gemeente"]
        )
        municipality = municipality.first()
        if municipality is None or (
            not scope.is_country and municipality.province_id not in _scope_province_ids(scope)
        ):
            raise AreaNotFound
        if province is not None and municipality.province_id != province.pk:
            raise AreaNotFound
        province = municipality.province
    narrowed = Area(scope, province, municipality)
    if "organisatie" in given:
        organisation = Organisation.objects.filter(pk=_uuid(given["organisatie"])).first()
        if organisation is None:
            raise AreaNotFound
        if not scope.includes(organisation.pk):
            raise AreaNotFound
        if (
            scope.level != Level.OWN
            and not narrowed.locations().filter(organisation=organisation).exists()
        ):
            raise AreaNotFound
    if "locatie" in given:
        candidates = Area(scope, province, municipality, organisation).locations()
        location = (
            candidates.select_related("organisation", "municipality__province")
            .filter(pk=_uuid(given["locatie"]))
            .first()
        )
        if location is None:
            raise AreaNotFound
        organisation = location.organisation
        if scope.level != Level.OWN:
            municipality = location.municipality
            province = municipality.province
    if scope.level == Level.OWN and len(scope.organisation_ids) == 1:
        organisation = None  # the root already is the one organisation
    return Area(scope, province, municipality, organisation, location)


@dataclass
class Figures:
    scope: Scope
    area: Area
    period: Period
    previous: Period | None
    totals: Row
    breakdowns: list[Breakdown] = field(default_factory=list)
    series: Breakdown | None = None
    top_topics: list[Row] = field(default_factory=list)
    comparison: Comparison | None = None

    def breakdown(self, key: str) -> Breakdown | None:
        return next((b for b in self.breakdowns if b.key == key), None)

    @property
    def suppressed(self) -> bool:
        return self.scope.suppress


# --- The figures ----------------------------------------------------------------------------


def _sums(queryset, group_by: list[str], measures: list[str], period: Window, previous):
    """{group key tuple: {measure: (current, previous)}} in one grouped query; the previous
    window (before the current one, like with like) is summed in the same scan."""
    start = previous.start if previous else period.start
    annotations = {}
    for measure in measures:
        annotations[f"{measure}__cur"] = Sum(measure, filter=Q(date__gte=period.start))
        if previous:
            annotations[f"{measure}__prev"] = Sum(measure, filter=Q(date__lte=previous.end))
    rows = (
        queryset.filter(date__gte=start, date__lte=period.end)
        .values(*group_by)
        .annotate(**annotations)
        .order_by()
    )
    result = {}
    for row in rows:
        key = tuple(row[name] for name in group_by)
        result[key] = {
            m: (row[f"{m}__cur"] or 0, (row.get(f"{m}__prev") or 0) if previous else None)
            for m in measures
        }
    return result


def _merge(target: dict, key, values: dict) -> None:
    slot = target.setdefault(key, {})
    for measure, (cur, prev) in values.items():
        old_cur, old_prev = slot.get(measure, (0, 0 if prev is not None else None))
        slot[measure] = (old_cur + cur, None if prev is None else (old_prev or 0) + prev)


def _row(key, label, values: dict, measures: list[str], compared: bool) -> Row:
    measures_out = {}
    for measure in measures:
        cur, prev = values.get(measure, (0, 0))
        measures_out[measure] = Measure(Cell(cur), Cell(prev or 0) if compared else None)
    return Row(str(key), str(label), measures_out)


def figures(
    scope: Scope,
    period: Period,
    area: Area | None = None,
    *,
    compare: bool = True,
    today: datetime.date | None = None,
):
    """Everything the dashboard shows for one area and period, compared with the period before
    when `compare` is true (like with like: a running period against the same days of the
    previous one). Reads the roll-ups only: a handful of grouped queries."""
    area = area or Area(scope)
    comparison = periods.compare(period, today or timezone.localdate(), enabled=compare)
    current, previous = comparison.current, comparison.previous
    where = area.filter()
    counts = DailyCount.objects.filter(where)

    # One scan for the question dimensions; contacts and questions per combination.
    cells = _sums(
        counts,
        ["channel", "category", "agency_id", "topic_id", "referral_target"],
        [CONTACTS, QUESTIONS],
        current,
        previous,
    )
    by = defaultdict(dict)
    for (channel, category, agency_id, topic_id, referral), values in cells.items():
        _merge(by["channel"], channel, values)
        _merge(by["category"], category, values)
        _merge(by["agency"], agency_id, values)
        _merge(by["topic"], topic_id, values)
        _merge(by["referral"], referral, values)
    totals_values = {}
    for values in by["channel"].values():
        _merge(totals_values, "total", values)
    totals = _row(
        "total", _("Totaal"), totals_values.get("total", {}), [CONTACTS, QUESTIONS], compare
    )

    breakdowns = []
    child_level = area.child_level
    if child_level is not None:
        breakdowns.append(_area_breakdown(area, child_level, counts, current, previous))
    breakdowns += [
        _choice_breakdown(
            Breakdown(
                "channel",
                _("Per kanaal"),
                _("Kanaal"),
                [CONTACTS, QUESTIONS],
                [],
                CONTACTS,
                labels=MEASURE_LABELS,
            ),
            Channel.choices,
            by["channel"],
            compare,
        ),
        _choice_breakdown(
            Breakdown(
                "category",
                _("Per soort vraag"),
                _("Soort vraag"),
                [QUESTIONS],
                [],
                labels=MEASURE_LABELS,
            ),
            Category.choices,
            by["category"],
            compare,
        ),
        _named_breakdown(
            Breakdown(
                "agency",
                _("Per organisatie waar de vraag over gaat"),
                _("Organisatie"),
                [QUESTIONS],
                [],
                labels=MEASURE_LABELS,
            ),
            Agency,
            _("Geen organisatie gekozen"),
            by["agency"],
            compare,
        ),
        _named_breakdown(
            Breakdown(
                "topic", _("Per onderwerp"), _("Onderwerp"), [QUESTIONS], [], labels=MEASURE_LABELS
            ),
            Topic,
            _("Geen onderwerp gekozen"),
            by["topic"],
            compare,
        ),
        _help_breakdown(area, current, previous),
        _choice_breakdown(
            Breakdown(
                "referral",
                _("Doorverwezen naar"),
                _("Doorverwezen naar"),
                [QUESTIONS],
                [],
                labels=MEASURE_LABELS,
            ),
            [("", _("Niet doorverwezen")), *ReferralTarget.choices],
            by["referral"],
            compare,
        ),
    ]
    series = _series(counts, period)

    result = Figures(scope, area, period, comparison.previous_period, totals, breakdowns, series)
    result.comparison = comparison
    for breakdown in [*breakdowns, *([series] if series else [])]:
        if breakdown.has_total:
            breakdown.total = [totals.values[m] for m in breakdown.measures]
    if scope.suppress:
        _apply_small_count_rule(result)
        # Sorted again by what is shown: the order of hidden counts gives nothing away.
        for key in ("agency", "topic"):
            _sort_by_count(result.breakdown(key).rows)
    result.top_topics = _top_topics(result.breakdown("topic"))
    return result


def _choice_breakdown(breakdown: Breakdown, choices, values, compared) -> Breakdown:
    """A fixed list of choices (channels, categories ...), each shown, in the list's order."""
    measures = breakdown.measures
    rows = [_row(v, label, values.get(v, {}), measures, compared) for v, label in choices]
    # Values no longer among the choices still count.
    known = {v for v, _label in choices}
    rows += [_row(v, v, vals, measures, compared) for v, vals in values.items() if v not in known]
    breakdown.rows = rows
    breakdown.compared = compared
    return breakdown


def _named_breakdown(breakdown: Breakdown, model, none_label, values, compared) -> Breakdown:
    """Agencies or topics: only the ones with registrations, most asked first."""
    names = dict(model.objects.filter(pk__in=[k for k in values if k]).values_list("pk", "name"))
    rows = [
        _row(k, names.get(k, none_label if not k else f"#{k}"), vals, [QUESTIONS], compared)
        for k, vals in values.items()
        if any(cur or prev for cur, prev in vals.values())
    ]
    _sort_by_count(rows)
    breakdown.rows = rows
    breakdown.compared = compared
    return breakdown


def _sort_by_count(rows: list[Row]) -> None:
    """Most asked first, "none chosen" last among equals, then by name."""
    rows.sort(key=lambda r: (-r.values[QUESTIONS].current.chart_value, r.key == "0", r.label))


def _help_breakdown(area: Area, period: Window, previous) -> Breakdown:
    values = _sums(
        DailyHelpCount.objects.filter(area.filter()),
        ["help_type"],
        [QUESTIONS],
        period,
        previous,
    )
    compared = previous is not None
    rows = [
        _row(v, label, values.get((v,), {}), [QUESTIONS], compared) for v, label in HelpType.choices
    ]
    return Breakdown(
        "help",
        _("Geboden hulp"),
        _("Soort hulp"),
        [QUESTIONS],
        rows,
        has_total=False,
        labels=MEASURE_LABELS,
        note=_(
            "Bij één vraag kan meer dan één soort hulp horen. "
            "Opgeteld is dit dan meer dan het aantal vragen."
        ),
        compared=compared,
    )


def _area_breakdown(area: Area, level: str, counts, period: Window, previous) -> Breakdown:
    """Contacts and questions per child area (province, municipality, library or location)."""
    measures = [CONTACTS, QUESTIONS]
    compared = previous is not None
    names: dict[str, str] = {}
    values: dict[str, dict] = {}
    if level == ORGANISATION and area.scope.level == Level.OWN:
        grouped = _sums(counts, ["organisation_id"], measures, period, previous)
        for (organisation_id,), vals in grouped.items():
            _merge(values, str(organisation_id), vals)
        organisations = Organisation.objects.filter(pk__in=area.scope.organisation_ids)
        names = {str(o.pk): o.name for o in organisations}
    else:
        grouped = _sums(counts, ["location_id"], measures, period, previous)
        child_of = _child_keys(area, level, [k[0] for k in grouped])
        for (location_id,), vals in grouped.items():
            key, name = child_of.get(location_id, (None, None))
            if key is None:
                continue
            names[key] = name
            _merge(values, key, vals)
        names.update(_expected_children(area, level))
    rows = []
    for key, name in names.items():
        row = _row(key, name, values.get(key, {}), measures, compared)
        row.drill = area.child_params(level, key)
        rows.append(row)
    rows.sort(key=lambda r: r.label.casefold())
    return Breakdown(
        "areas",
        str(LEVEL_LABELS[level]),
        str(LEVEL_NAMES[level]),
        measures,
        rows,
        QUESTIONS,
        compared=compared,
        labels=MEASURE_LABELS,
    )


def _child_keys(area: Area, level: str, location_ids) -> dict:
    """location id → (key, name) of the child area it falls in."""
    fields = {
        PROVINCE: ("municipality__province__code", "municipality__province__name"),
        MUNICIPALITY: ("municipality__code", "municipality__name"),
        ORGANISATION: ("organisation_id", "organisation__name"),
        LOCATION: ("pk", "name"),
    }[level]
    rows = Location.objects.filter(pk__in=location_ids).values_list("pk", *fields)
    return {pk: (str(key), name) for pk, key, name in rows}


def _expected_children(area: Area, level: str) -> dict[str, str]:
    """Children shown even without registrations, so a place that registers nothing stands
    out: every province of the scope, and the library locations below a province."""
    if level == PROVINCE:
        provinces = Province.objects.all()
        if not area.scope.is_country:
            provinces = provinces.filter(pk__in=_scope_province_ids(area.scope))
        return {p.code: p.name for p in provinces}
    library_locations = area.locations().filter(organisation__kind=OrganisationKind.LIBRARY)
    if area.scope.level == Level.OWN:
        library_locations = area.locations()
    if level == MUNICIPALITY:
        rows = library_locations.values_list("municipality__code", "municipality__name")
    elif level == ORGANISATION:
        rows = library_locations.values_list("organisation_id", "organisation__name")
    else:
        rows = library_locations.values_list("pk", "name")
    return {str(key): name for key, name in rows}


def _series(counts, period: Period) -> Breakdown | None:
    """Contacts and questions per day, week or month of the period (no comparison)."""
    buckets = period.buckets()
    if not buckets:
        return None
    per_day = (
        counts.filter(date__gte=period.start, date__lte=period.end)
        .values("date")
        .annotate(contacts=Sum(CONTACTS), questions=Sum(QUESTIONS))
        .order_by()
    )
    values = [{CONTACTS: (0, None), QUESTIONS: (0, None)} for _bucket in buckets]
    starts = [b.start for b in buckets]
    for row in per_day:
        index = bisect.bisect_right(starts, row["date"]) - 1
        for measure in (CONTACTS, QUESTIONS):
            cur, _prev = values[index][measure]
            values[index][measure] = (cur + (row[measure] or 0), None)
    rows = [
        _row(b.start.isoformat(), b.label, v, [CONTACTS, QUESTIONS], False)
        for b, v in zip(buckets, values, strict=True)
    ]
    return Breakdown(
        "series",
        _("Verloop"),
        _("Periode"),
        [CONTACTS, QUESTIONS],
        rows,
        QUESTIONS,
        compared=False,
        labels=MEASURE_LABELS,
    )


def _top_topics(topics: Breakdown | None) -> list[Row]:
    """The most asked topics of this period; hidden counts never rank."""
    if topics is None:
        return []
    rows = [
        r
        for r in topics.rows
        if r.key != "0"
        and not r.values[QUESTIONS].current.hidden
        and r.values[QUESTIONS].current.value
    ]
    return sorted(rows, key=lambda r: -r.values[QUESTIONS].current.value)[:TOP_TOPICS]


def _apply_small_count_rule(result: Figures) -> None:
    # Help types overlap (one question, several kinds of help), but each of them is also a
    # total elsewhere; protecting them as a group costs little and is safe.
    suppress_tables(
        [*result.breakdowns, *([result.series] if result.series else [])],
        result.totals.values.values(),
    )


# --- The KB-shaped export ------------------------------------------------------------------


def ido_question_counts(area: Area, period: Period) -> list[dict]:
    """Questions per (location, channel, category, agency, topic, referral target, help types)
    in the period, grouped in the database. For the KB-shaped export, which needs the help given
    per kind of question (the roll-ups count help apart). Removed registrations do not count."""
    # registered_at is indexed; a day's margin on each side covers any time-zone offset, and
    # the stored local date then decides exactly.
    tz = timezone.get_current_timezone()
    low = datetime.datetime.combine(
        period.start - datetime.timedelta(days=1), datetime.time.min, tz
    )
    high = datetime.datetime.combine(period.end + datetime.timedelta(days=2), datetime.time.min, tz)
    rows = (
        Question.objects.filter(
            area.filter("contact__"),
            contact__is_removed=False,
            contact__registered_at__gte=low,
            contact__registered_at__lt=high,
            contact__date__gte=period.start,
            contact__date__lte=period.end,
        )
        .values(
            "contact__location_id",
            "contact__channel",
            "category",
            "agency_id",
            "topic_id",
            "referral_target",
            "help_types",
        )
        .annotate(questions=Count("id"))
        .order_by()
    )
    return [
        {
            "location_id": r["contact__location_id"],
            "channel": r["contact__channel"],
            "category": r["category"],
            "agency_id": r["agency_id"],
            "topic_id": r["topic_id"],
            "referral_target": r["referral_target"],
            "help_types": list(r["help_types"] or []),
            "questions": r["questions"],
        }
        for r in rows
    ]


def contacts_per_location(area: Area, period: Period) -> list[dict]:
    """Contacts and questions per location and channel in the period (from the roll-up)."""
    rows = (
        DailyCount.objects.filter(area.filter(), date__gte=period.start, date__lte=period.end)
        .values("location_id", "channel")
        .annotate(contacts=Sum(CONTACTS), questions=Sum(QUESTIONS))
        .order_by()
    )
    return list(rows)


def locations_by_id(ids) -> dict:
    return {
        loc.pk: loc
        for loc in Location.objects.filter(pk__in=set(ids)).select_related("organisation")
    }
