"""Reads of the front desk: the figures, the areas a user may drill into, and the grouped question
counts behind the KB-shaped export.

Figures read only the DailyCount/DailyHelpCount roll-ups, never Contact rows, so a dashboard costs
what the number of distinct (day, location, channel, category, agency, topic, referral) combinations
costs, not what years of registrations cost. `figures(scope, period, area)` is the entry point.

Who sees what (docs/ido-registration-export.md has the full rule):
- the own view: staff of a library see their own organisations' exact numbers, down to a location;
- the region view: a POI adviser sees the locations in the POI's provinces, province → municipality
  → library → location;
- the country view: a KB-beheerder sees every location, from the whole country down.
In the region and country views a count of 1 to 4 is shown as "<5", and one more cell of a table is
hidden when a single small count could otherwise be worked out from the total.
"""

import bisect
import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
from ontwikkelplein.desk.periods import Period
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind, Role
from ontwikkelplein.places.models import Municipality, Province

# Counts from 1 to SMALL_COUNT_LIMIT - 1 are hidden in the region and country views.
SMALL_COUNT_LIMIT = 5
TOP_TOPICS = 5

CONTACTS = "contacts"
QUESTIONS = "questions"
MEASURE_LABELS = {CONTACTS: gettext_lazy("Bezoekers"), QUESTIONS: gettext_lazy("Vragen")}


# --- Who sees what --------------------------------------------------------------------------


class View(models.TextChoices):
    # The values are the words in the address (?weergave=regio).
    OWN = "eigen", gettext_lazy("Eigen bibliotheek")
    REGION = "regio", gettext_lazy("Regio (POI)")
    COUNTRY = "land", gettext_lazy("Heel Nederland")


@dataclass(frozen=True)
class Scope:
    """The part of the network a user looks at, and whether small counts are hidden."""

    view: str
    label: str
    organisation_ids: frozenset | None = None  # the own view: these organisations only
    province_ids: frozenset | None = None  # the region view: locations in these provinces only

    @property
    def suppress(self) -> bool:
        # Library staff see their own registrations exactly; upward views never see small counts.
        return self.view != View.OWN


def available_views(user) -> list[str]:
    """The views a user may choose, the most local first."""
    views = []
    if scoping.own_organisations(user).exists():
        views.append(View.OWN)
    if _poi_province_ids(user):
        views.append(View.REGION)
    if scoping.is_kb_admin(user):
        views.append(View.COUNTRY)
    return views


def scope_for(user, view: str) -> Scope | None:
    """The user's scope for the chosen view, or None when the user may not use that view."""
    if view == View.OWN:
        organisations = list(scoping.own_organisations(user).order_by("name"))
        if not organisations:
            return None
        label = (
            organisations[0].name
            if len(organisations) == 1
            else _("Mijn organisaties (%(count)s)") % {"count": len(organisations)}
        )
        return Scope(View.OWN, label, organisation_ids=frozenset(o.pk for o in organisations))
    if view == View.REGION:
        province_ids = _poi_province_ids(user)
        if not province_ids:
            return None
        pois = sorted(
            m.organisation.name
            for m in scoping.memberships(user)
            if m.role == Role.POI_ADVISER and m.organisation.kind == OrganisationKind.POI
        )
        return Scope(View.REGION, ", ".join(pois), province_ids=frozenset(province_ids))
    if view == View.COUNTRY and scoping.is_kb_admin(user):
        return Scope(View.COUNTRY, _("Nederland"))
    return None


def _poi_province_ids(user) -> set[int]:
    poi_ids = [
        m.organisation_id
        for m in scoping.memberships(user)
        if m.role == Role.POI_ADVISER and m.organisation.kind == OrganisationKind.POI
    ]
    if not poi_ids:
        return set()
    return set(
        Province.objects.filter(support_organisations__in=poi_ids).values_list("pk", flat=True)
    )


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
        if self.scope.view == View.OWN:
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
        if self.scope.province_ids is not None:
            locations = locations.filter(municipality__province_id__in=self.scope.province_ids)
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
        elif (
            self.scope.province_ids is not None
            or self.province is not None
            or self.municipality is not None
        ):
            q &= Q(**{f"{prefix}location_id__in": self.locations().values("pk")})
        return q


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
    if scope.view == View.OWN:
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
            scope.province_ids is not None and province.pk not in scope.province_ids
        ):
            raise AreaNotFound
    if "gemeente" in given:
        municipality = Municipality.objects.select_related("province").filter(
            code=given["gemeente"]
        )
        municipality = municipality.first()
        if municipality is None or (
            scope.province_ids is not None and municipality.province_id not in scope.province_ids
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
        if scope.organisation_ids is not None:
            if organisation.pk not in scope.organisation_ids:
                raise AreaNotFound
        elif not narrowed.locations().filter(organisation=organisation).exists():
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
        if scope.view != View.OWN:
            municipality = location.municipality
            province = municipality.province
    if scope.view == View.OWN and len(scope.organisation_ids) == 1:
        organisation = None  # the root already is the one organisation
    return Area(scope, province, municipality, organisation, location)


# --- Numbers and the small-count rule -------------------------------------------------------


@dataclass
class Cell:
    """One number as shown: exact, or hidden because it is small ("<5") or because it would
    give away a small one ("afgeschermd")."""

    value: int
    hidden: str = ""  # "", SMALL or DERIVED

    SMALL = "small"
    DERIVED = "derived"

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden)

    @property
    def display(self) -> str:
        if self.hidden == Cell.SMALL:
            return f"<{SMALL_COUNT_LIMIT}"
        if self.hidden == Cell.DERIVED:
            return _("afgeschermd")
        return formats.number_format(self.value, force_grouping=True)

    @property
    def export_value(self) -> int | str:
        """The number for a spreadsheet, or the text that stands in for it."""
        return self.display if self.hidden else self.value

    @property
    def chart_value(self) -> int:
        return 0 if self.hidden else self.value


def hide_small(cell: Cell) -> Cell:
    """The primary rule: 1 to 4 is shown as "<5" (0 stays 0, it gives nothing away)."""
    if 0 < cell.value < SMALL_COUNT_LIMIT:
        cell.hidden = Cell.SMALL
    return cell


def protect_group(cells: Iterable[Cell]) -> None:
    """The secondary rule, for cells that add up to a total shown elsewhere: when exactly one
    cell is hidden, the total minus the others would give it away, so the smallest other
    non-zero cell is hidden as well."""
    cells = list(cells)
    hidden = [c for c in cells if c.hidden]
    if len(hidden) != 1:
        return
    others = [c for c in cells if not c.hidden and c.value > 0]
    if others:
        min(others, key=lambda c: c.value).hidden = Cell.DERIVED


@dataclass
class Measure:
    """A number in this period and, when compared, in the previous one."""

    current: Cell
    previous: Cell | None = None

    @property
    def difference(self) -> int | None:
        if self.previous is None or self.current.hidden or self.previous.hidden:
            return None
        return self.current.value - self.previous.value

    @property
    def difference_display(self) -> str:
        diff = self.difference
        if diff is None:
            return "" if self.previous is None else _("verborgen")
        number = formats.number_format(abs(diff), force_grouping=True)
        return f"+{number}" if diff > 0 else (f"−{number}" if diff < 0 else "0")

    @property
    def change_display(self) -> str:
        """The difference as a percentage of the previous period ("+25%"), if there was one."""
        diff = self.difference
        if diff is None or not self.previous.value:
            return ""
        percent = round(100 * diff / self.previous.value)
        return f"+{percent}%" if percent > 0 else f"{percent}%".replace("-", "−")


@dataclass
class Row:
    key: str
    label: str
    values: dict[str, Measure]
    drill: dict | None = None  # address parameters of the area one level down
    url: str = ""  # filled in by the view


@dataclass
class Breakdown:
    """One table (and chart) of the dashboard: rows of a dimension with one or two measures."""

    key: str
    title: str
    dimension: str  # the heading of the first column: "Kanaal", "Onderwerp" ...
    measures: list[str]
    rows: list[Row]
    chart_measure: str = QUESTIONS
    note: str = ""
    compared: bool = True
    # The rows add up to the totals of the area (every question counts in exactly one row).
    has_total: bool = True
    total: list["Measure"] | None = None  # the totals in the order of `measures`, if has_total
    chart: object = None  # a charts.Chart, added by the view

    @property
    def table(self) -> list[tuple["Row", list["Measure"]]]:
        """Rows with their measures in the order of `measures`, for the template."""
        return [(row, [row.values[m] for m in self.measures]) for row in self.rows]

    @property
    def measure_labels(self) -> list[tuple[str, str]]:
        return [(m, MEASURE_LABELS[m]) for m in self.measures]

    @property
    def has_data(self) -> bool:
        return any(
            measure.current.value or (measure.previous and measure.previous.value)
            for row in self.rows
            for measure in row.values.values()
        )


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

    def breakdown(self, key: str) -> Breakdown | None:
        return next((b for b in self.breakdowns if b.key == key), None)

    @property
    def suppressed(self) -> bool:
        return self.scope.suppress


# --- The figures ----------------------------------------------------------------------------


def _sums(queryset, group_by: list[str], measures: list[str], period: Period, previous):
    """{group key tuple: {measure: (current, previous)}} in one grouped query; the previous
    period (right before the current one) is summed in the same scan."""
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


def figures(scope: Scope, period: Period, area: Area | None = None, *, compare: bool = True):
    """Everything the dashboard shows for one area and period, compared with the period before
    when `compare` is true. Reads the roll-ups only: a handful of grouped queries."""
    area = area or Area(scope)
    previous = period.previous() if compare else None
    where = area.filter()
    counts = DailyCount.objects.filter(where)

    # One scan for the question dimensions; contacts and questions per combination.
    cells = _sums(
        counts,
        ["channel", "category", "agency_id", "topic_id", "referral_target"],
        [CONTACTS, QUESTIONS],
        period,
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
        breakdowns.append(_area_breakdown(area, child_level, counts, period, previous))
    breakdowns += [
        _choice_breakdown(
            Breakdown("channel", _("Per kanaal"), _("Kanaal"), [CONTACTS, QUESTIONS], [], CONTACTS),
            Channel.choices,
            by["channel"],
            compare,
        ),
        _choice_breakdown(
            Breakdown("category", _("Per soort vraag"), _("Soort vraag"), [QUESTIONS], []),
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
            ),
            Agency,
            _("Geen organisatie gekozen"),
            by["agency"],
            compare,
        ),
        _named_breakdown(
            Breakdown("topic", _("Per onderwerp"), _("Onderwerp"), [QUESTIONS], []),
            Topic,
            _("Geen onderwerp gekozen"),
            by["topic"],
            compare,
        ),
        _help_breakdown(area, period, previous),
        _choice_breakdown(
            Breakdown("referral", _("Doorverwezen naar"), _("Doorverwezen naar"), [QUESTIONS], []),
            [("", _("Niet doorverwezen")), *ReferralTarget.choices],
            by["referral"],
            compare,
        ),
    ]
    series = _series(counts, period)

    result = Figures(scope, area, period, previous, totals, breakdowns, series)
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


def _help_breakdown(area: Area, period: Period, previous) -> Breakdown:
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
        note=_(
            "Bij één vraag kan meer dan één soort hulp horen. "
            "Opgeteld is dit dan meer dan het aantal vragen."
        ),
        compared=compared,
    )


def _area_breakdown(area: Area, level: str, counts, period: Period, previous) -> Breakdown:
    """Contacts and questions per child area (province, municipality, library or location)."""
    measures = [CONTACTS, QUESTIONS]
    compared = previous is not None
    names: dict[str, str] = {}
    values: dict[str, dict] = {}
    if level == ORGANISATION and area.scope.view == View.OWN:
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
        compared=compared,
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
        if area.scope.province_ids is not None:
            provinces = provinces.filter(pk__in=area.scope.province_ids)
        return {p.code: p.name for p in provinces}
    library_locations = area.locations().filter(organisation__kind=OrganisationKind.LIBRARY)
    if area.scope.view == View.OWN:
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
        "series", _("Verloop"), _("Periode"), [CONTACTS, QUESTIONS], rows, compared=False
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
    for measure in result.totals.values.values():
        hide_small(measure.current)
        if measure.previous is not None:
            hide_small(measure.previous)
    tables = [*result.breakdowns, *([result.series] if result.series else [])]
    for breakdown in tables:
        for name in breakdown.measures:
            for which in ("current", "previous"):
                cells = [getattr(r.values[name], which) for r in breakdown.rows]
                cells = [c for c in cells if c is not None]
                for cell in cells:
                    hide_small(cell)
                # Help types overlap (one question, several kinds of help), but each of them is
                # also a total elsewhere; protecting them as a group costs little and is safe.
                protect_group(cells)


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
