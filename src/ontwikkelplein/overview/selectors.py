"""One overview for every level: a location, a library, a municipality, a province, a POI's
region and the nation (docs/reports.md, "Overview").

The public entry point is `overview(scope, period, area=None, *, today=None) -> Overview`. The
scope is a core.figures Scope (organisations/figures.py), the area a node of the desk's
drill-down (desk.selectors.Area: province, municipality, organisation, location inside the
scope). The quarterly and yearly reports call it the same way.

Every level is made of libraries. Per library and window the period figures (desk, referrals,
courses, impact) are computed exactly by `library_figures`, from the same sources and with the
same definitions as the apps' own figures pages:
- desk: the DailyCount/DailyHelpCount roll-ups (desk.selectors reads the same);
- referrals: the referrals created in the window, sent and received (referrals.figures);
- courses: courses.selectors.reach, per organisation;
- impact: impact.selectors.results, per library.
For a window that closed more than SETTLE_DAYS ago they are kept (models.KeptFigures) and read
back instead of computed; open windows stay live. The state "now" (certified staff,
catalogue health) is always live and small. The desk's figures of a municipality, province or
location are read live from the roll-ups of the locations in it; the other figures there are
those of the libraries with a location in it (they are kept per library, not per location).

Above the own organisation (scope.suppress) counts of 1 to 4 are shown as "<5" and a share or
mean resting on fewer than 5 is not shown (core/figures/cells.py)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import Cell, Measure, hide_small, is_small, protect_group
from ontwikkelplein.core.figures.periods import Comparison, Period, Window
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import SMALL_TEXT, Level
from ontwikkelplein.courses import selectors as course_selectors
from ontwikkelplein.courses.models import Run, RunStatus
from ontwikkelplein.desk.models import DailyCount, DailyHelpCount
from ontwikkelplein.desk.selectors import Area
from ontwikkelplein.impact import selectors as impact_selectors
from ontwikkelplein.impact.models import ItemKind, Response
from ontwikkelplein.learning import selectors as learning_selectors
from ontwikkelplein.learning.models import ParticipantRole
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.overview.models import KeptFigures
from ontwikkelplein.referrals.models import Referral, Status
from ontwikkelplein.verification import figures as verification_figures
from ontwikkelplein.wayfinder import figures as wayfinder_figures

FIGURE_SET = "bibliotheek"
# Raise when the computation in library_figures changes: kept rows of another version are
# never read again (and `manage.py forget_kept_figures` removes them).
FIGURE_SET_VERSION = 1
# A window is closed, and its figures kept, once it ended this many days ago: desk registrations
# may arrive up to 7 days late (desk.services.MAX_AGE) and be corrected for 24 hours after.
SETTLE_DAYS = 14

# The period figures of one library, all exact counts (sums, so libraries add up).
PERIOD_KEYS = (
    "desk_contacts",
    "desk_questions",
    "desk_help",
    "desk_referred",
    "ref_sent",
    "ref_received",
    "ref_accepted",
    "ref_closed_outcome",
    "ref_first_contact",
    "ref_first_contact_hours",
    "course_runs",
    "course_participants",
    "course_sessions",
    "course_present",
    "course_marks",
    "course_drop_outs",
    "impact_pairs",
    "impact_improved",
    "impact_paired_answers",
)
DESK_KEYS = ("desk_contacts", "desk_questions", "desk_help", "desk_referred")


def settled_before(today: datetime.date) -> datetime.date:
    """Windows that ended before this day are closed: their figures no longer change."""
    return today - datetime.timedelta(days=SETTLE_DAYS)


def is_closed(window: Window, today: datetime.date) -> bool:
    return window.end < settled_before(today)


def _empty() -> dict:
    return dict.fromkeys(PERIOD_KEYS, 0)


def _bounds(window: Window) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(window.start, datetime.time.min, tz)
    end = datetime.datetime.combine(window.end + datetime.timedelta(days=1), datetime.time.min, tz)
    return start, end


# --- Per library, exact ------------------------------------------------------------------


def library_figures(organisation_ids, window: Window) -> dict:
    """{organisation id: {key: count}} for the period keys, computed live and exact."""
    ids = list(organisation_ids)
    result = {oid: _empty() for oid in ids}
    if not ids:
        return result

    for oid, values in desk_figures(Q(organisation_id__in=ids), window, by_organisation=True):
        result[oid].update(values)

    start, end = _bounds(window)
    created = Referral.objects.filter(created_at__gte=start, created_at__lt=end)
    for row in (
        created.filter(sender_organisation_id__in=ids)
        .values("sender_organisation_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        result[row["sender_organisation_id"]]["ref_sent"] = row["n"]
    received = created.filter(receiver_organisation_id__in=ids)
    for row in (
        received.values("receiver_organisation_id")
        .annotate(
            n=Count("pk"),
            accepted=Count("pk", filter=Q(received_at__isnull=False)),
            closed=Count("pk", filter=Q(status=Status.CLOSED) & ~Q(outcome="")),
            first=Count("pk", filter=Q(first_contact_at__isnull=False)),
        )
        .order_by()
    ):
        slot = result[row["receiver_organisation_id"]]
        slot["ref_received"] = row["n"]
        slot["ref_accepted"] = row["accepted"]
        slot["ref_closed_outcome"] = row["closed"]
        slot["ref_first_contact"] = row["first"]
    for oid, created_at, first_at in received.filter(first_contact_at__isnull=False).values_list(
        "receiver_organisation_id", "created_at", "first_contact_at"
    ):
        hours = max(0, round((first_at - created_at).total_seconds() / 3600))
        result[oid]["ref_first_contact_hours"] += hours

    libraries = Organisation.objects.filter(pk__in=ids)
    reach = course_selectors.reach(libraries, window, suppress=False)
    for row in reach.per_organisation:
        slot = next((result[oid] for oid in ids if str(oid) == row.key), None)
        if slot is None:
            continue
        slot["course_participants"] = row.participants or 0
        slot["course_sessions"] = row.sessions_held or 0
        slot["course_present"] = row.present
        slot["course_marks"] = row.marks
        slot["course_drop_outs"] = row.drop_outs or 0
    for row in (
        Run.objects.filter(organisation_id__in=ids)
        .exclude(status=RunStatus.DRAFT)
        .filter(sessions__date__gte=window.start, sessions__date__lte=window.end)
        .values("organisation_id")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        result[row["organisation_id"]]["course_runs"] = row["n"]

    measured = set(
        Response.objects.filter(
            card__run__organisation_id__in=ids,
            submitted_on__gte=window.start,
            submitted_on__lte=window.end,
        ).values_list("card__run__organisation_id", flat=True)
    )
    for oid in measured:
        runs = Run.objects.filter(organisation_id=oid)
        for set_result in impact_selectors.results(runs, window):
            result[oid]["impact_pairs"] += set_result.pairs
            for item in set_result.items:
                if item.question.kind == ItemKind.SATISFACTION:
                    continue
                result[oid]["impact_improved"] += item.improved.yes
                result[oid]["impact_paired_answers"] += item.improved.base
    return result


def desk_figures(where: Q, window: Window, *, by_organisation: bool = False):
    """The desk's four numbers from the roll-ups: (organisation id or None, values) pairs."""
    group = ["organisation_id"] if by_organisation else []
    counts = DailyCount.objects.filter(where, date__gte=window.start, date__lte=window.end)
    helps = DailyHelpCount.objects.filter(where, date__gte=window.start, date__lte=window.end)
    out: dict = defaultdict(lambda: dict.fromkeys(DESK_KEYS, 0))
    sums = {
        "n_contacts": Sum("contacts"),
        "n_questions": Sum("questions"),
        "n_referred": Sum("questions", filter=~Q(referral_target="")),
    }
    if group:
        rows = list(counts.values(*group).annotate(**sums).order_by())
        help_rows = list(helps.values(*group).annotate(n=Sum("questions")).order_by())
    else:
        rows = [counts.aggregate(**sums)]
        help_rows = [helps.aggregate(n=Sum("questions"))]
    for row in rows:
        slot = out[row.get("organisation_id")]
        slot["desk_contacts"] = row["n_contacts"] or 0
        slot["desk_questions"] = row["n_questions"] or 0
        slot["desk_referred"] = row["n_referred"] or 0
    for row in help_rows:
        out[row.get("organisation_id")]["desk_help"] = row["n"] or 0
    return list(out.items())


def kept_library_figures(organisation_ids, window: Window, today: datetime.date) -> dict:
    """library_figures, read from the kept rows for a closed window and kept when missing."""
    ids = set(organisation_ids)
    if not is_closed(window, today):
        return library_figures(ids, window)
    kept = KeptFigures.objects.filter(
        figure_set=FIGURE_SET,
        version=FIGURE_SET_VERSION,
        start=window.start,
        end=window.end,
        organisation_id__in=ids,
    ).values_list("organisation_id", "data")
    result = {oid: {**_empty(), **data} for oid, data in kept}
    missing = ids - set(result)
    if missing:
        computed = library_figures(missing, window)
        result.update(computed)
        rows = [
            KeptFigures(
                organisation_id=oid,
                figure_set=FIGURE_SET,
                version=FIGURE_SET_VERSION,
                start=window.start,
                end=window.end,
                data=data,
            )
            for oid, data in computed.items()
        ]
        try:
            with transaction.atomic():
                KeptFigures.objects.bulk_create(rows, ignore_conflicts=True)
        except IntegrityError:  # a library removed meanwhile: keep nothing this time
            pass
    return result


def forget(organisation_ids, day: datetime.date | None = None) -> int:
    """Delete the kept figures of these libraries (of the windows holding `day`, or all)."""
    kept = KeptFigures.objects.filter(organisation_id__in=list(organisation_ids))
    if day is not None:
        kept = kept.filter(start__lte=day, end__gte=day)
    deleted, _by_model = kept.delete()
    return deleted


def _add(rows) -> dict:
    total = _empty()
    for values in rows:
        for key in PERIOD_KEYS:
            total[key] += values.get(key, 0)
    return total


# --- The overview ----------------------------------------------------------------------------


@dataclass
class Figure:
    """One number of the overview: a count (a Measure, compared) or a share or mean (text)."""

    key: str
    label: str
    measure: Measure | None = None
    text: str = ""
    previous_text: str = ""
    note: str = ""

    @property
    def display(self) -> str:
        return self.measure.current.display if self.measure else self.text

    @property
    def previous_display(self) -> str:
        if self.measure is not None:
            return self.measure.previous.display if self.measure.previous is not None else ""
        return self.previous_text

    @property
    def export_value(self):
        return self.measure.current.export_value if self.measure else self.text

    @property
    def previous_export_value(self):
        if self.measure is not None:
            previous = self.measure.previous
            return previous.export_value if previous is not None else ""
        return self.previous_text


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure]
    note: str = ""
    compared: bool = True


@dataclass
class LibraryRow:
    organisation_id: object
    name: str
    cells: dict  # column key -> Cell (counts) or str (shares)
    drill: dict = field(default_factory=dict)
    url: str = ""

    @property
    def shown(self) -> list[str]:
        """The cells as shown, in the order of COLUMNS."""
        return [
            cell if isinstance(cell, str) else cell.display
            for cell in (self.cells[key] for key in COLUMN_KEYS)
        ]


COLUMNS = (
    ("desk_contacts", gettext_lazy("Bezoekers balie")),
    ("desk_questions", gettext_lazy("Vragen balie")),
    ("ref_sent", gettext_lazy("Doorverwijzingen verstuurd")),
    ("ref_received", gettext_lazy("Doorverwijzingen ontvangen")),
    ("course_participants", gettext_lazy("Cursusdeelnemers")),
    ("certified", gettext_lazy("Gecertificeerde medewerkers")),
    ("offers", gettext_lazy("Aanbod")),
    ("verified_share", gettext_lazy("Gecontroleerd (6 mnd)")),
)
NAME_COLUMN = "naam"
COLUMN_KEYS = tuple(key for key, _label in COLUMNS)
SHARE_COLUMNS = {"verified_share"}


@dataclass
class Overview:
    scope: Scope
    area: Area
    comparison: Comparison
    libraries: list  # Organisation rows counted
    sections: list[Section]
    certified_by_role: list[tuple[str, Cell]]
    table: list[LibraryRow]
    kept: bool  # the period figures came from (or went into) the kept figures
    today: datetime.date

    @property
    def suppressed(self) -> bool:
        return self.scope.suppress

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def figure(self, section: str, key: str) -> Figure:
        return next(f for f in self.section(section).figures if f.key == key)


def libraries_in(area: Area):
    """The library organisations an area is made of: those of the scope with a location in
    the area (the own level: the own libraries, also without a location)."""
    libraries = Organisation.objects.filter(kind=OrganisationKind.LIBRARY)
    if area.scope.organisation_ids is not None:
        libraries = libraries.filter(pk__in=area.scope.organisation_ids)
    if area.organisation is not None:
        libraries = libraries.filter(pk=area.organisation.pk)
    if area.location is not None:
        libraries = libraries.filter(pk=area.location.organisation_id)
    elif area.province is not None or area.municipality is not None:
        libraries = libraries.filter(pk__in=area.locations().values("organisation_id"))
    return list(libraries.order_by("name"))


def _desk_is_local(area: Area) -> bool:
    """Desk figures of a part of the libraries' locations (read from the roll-ups live)."""
    return area.location is not None or area.province is not None or area.municipality is not None


def _cell(value: int, suppress: bool) -> Cell:
    cell = Cell(value)
    return hide_small(cell) if suppress else cell


def _measure(current: int, previous: int | None, suppress: bool) -> Measure:
    return Measure(
        _cell(current, suppress), _cell(previous, suppress) if previous is not None else None
    )


def _percent(part: int, whole: int, suppress: bool) -> str:
    if not whole:
        return "–"
    if suppress and is_small(whole):
        return SMALL_TEXT
    return f"{round(100 * part / whole)}%"


def _days(hours: int, count: int, suppress: bool) -> str:
    if not count:
        return "–"
    if suppress and is_small(count):
        return SMALL_TEXT
    days = hours / 24 / count
    return _("%(days)s dagen") % {"days": f"{days:.1f}".replace(".", ",")}


def _period_figures(libraries, area: Area, window: Window, today) -> tuple[dict, dict, bool]:
    ids = [library.pk for library in libraries]
    per_library = kept_library_figures(ids, window, today)
    total = _add(per_library.values())
    if _desk_is_local(area):
        total.update(dict.fromkeys(DESK_KEYS, 0))
        for _key, values in desk_figures(area.filter(), window):
            total.update(values)
    return per_library, total, is_closed(window, today)


def overview(
    scope: Scope,
    period: Period,
    area: Area | None = None,
    *,
    today: datetime.date | None = None,
    compare: bool = True,
) -> Overview:
    """The overview of an area (the whole scope when None) for a period, compared like with
    like with the period before (a running year: the same days of last year)."""
    today = today or timezone.localdate()
    area = area or Area(scope)
    comparison = periods.compare(period, today, enabled=compare)
    suppress = scope.suppress
    libraries = libraries_in(area)
    per_library, cur, kept = _period_figures(libraries, area, comparison.current, today)
    prev = None
    if comparison.previous is not None:
        _per, prev, _kept = _period_figures(libraries, area, comparison.previous, today)

    def measure(key):
        return _measure(cur[key], prev[key] if prev is not None else None, suppress)

    def figure(key, label):
        return Figure(key, str(label), measure(key))

    def rate(key, label, part, whole, *, days=False):
        show = _days if days else _percent
        return Figure(
            key,
            str(label),
            text=show(cur[part], cur[whole], suppress),
            previous_text=show(prev[part], prev[whole], suppress) if prev is not None else "",
        )

    desk_note = ""
    if area.location is not None:
        desk_note = _("De balie van deze locatie; de andere cijfers zijn van de hele bibliotheek.")
    elif _desk_is_local(area):
        desk_note = _(
            "De balie van de locaties hier; de andere cijfers zijn van de bibliotheken met een "
            "locatie hier, voor hun hele werkgebied."
        )
    sections = [
        Section(
            "balie",
            _("Bereik van de balie"),
            [
                figure("desk_contacts", _("Bezoekers")),
                figure("desk_questions", _("Vragen")),
                figure("desk_help", _("Keer hulp geboden")),
                figure("desk_referred", _("Vragen doorverwezen")),
            ],
            note=desk_note,
        ),
        Section(
            "doorverwijzingen",
            _("Doorverwijzingen"),
            [
                figure("ref_sent", _("Verstuurd")),
                figure("ref_received", _("Ontvangen")),
                figure("ref_accepted", _("Geaccepteerd")),
                figure("ref_closed_outcome", _("Afgerond met uitkomst")),
                rate(
                    "ref_days",
                    _("Gemiddeld tot eerste contact"),
                    "ref_first_contact_hours",
                    "ref_first_contact",
                    days=True,
                ),
            ],
            note=_("Doorverwijzingen die in de periode zijn verstuurd, en wat er nu mee is."),
        ),
        Section(
            "cursussen",
            _("Cursussen"),
            [
                figure("course_runs", _("Uitvoeringen")),
                figure("course_participants", _("Deelnemers")),
                figure("course_sessions", _("Bijeenkomsten gehouden")),
                rate("course_attendance", _("Opkomst"), "course_present", "course_marks"),
                rate("course_drop_out", _("Uitval"), "course_drop_outs", "course_participants"),
            ],
        ),
        Section(
            "impact",
            _("Impact"),
            [
                figure("impact_pairs", _("Deelnemers met een voor- en nameting")),
                rate(
                    "impact_improved",
                    _("Antwoorden vooruitgegaan (voor en na)"),
                    "impact_improved",
                    "impact_paired_answers",
                ),
            ],
            note=_("Vragenlijsten die in de periode zijn ingevuld; een paar is één deelnemer."),
        ),
    ]

    # The state today: never kept, never compared.
    ids = [library.pk for library in libraries]
    certified = _certified(ids, today)
    catalogue = _catalogue(ids, today)
    certified_total = sum(n for by_role in certified.values() for n in by_role.values())
    offers_total = sum(values[0] for values in catalogue.values())
    verified_total = sum(values[1] for values in catalogue.values())
    roles: dict = defaultdict(int)
    for by_role in certified.values():
        for role, n in by_role.items():
            roles[role] += n
    certified_by_role = [
        (str(label), _cell(roles.get(value, 0), suppress))
        for value, label in ParticipantRole.choices
        if roles.get(value)
    ]
    if suppress:
        protect_group([cell for _label, cell in certified_by_role])
    now_figures = [
        Figure(
            "certified", _("Gecertificeerde medewerkers"), Measure(_cell(certified_total, suppress))
        ),
        Figure("offers", _("Aanbod"), Measure(_cell(offers_total, suppress))),
        Figure(
            "verified_share",
            _("Gecontroleerd in de laatste zes maanden"),
            text=_percent(verified_total, offers_total, suppress),
        ),
    ]
    unmet = _unmet(scope, area, libraries, period, today, compare)
    if unmet is not None:
        now_figures.append(
            Figure(
                "unmet",
                _("Onvervulde vraag in de wegwijzer (in de periode)"),
                Measure(
                    _cell(unmet.current.value, suppress),
                    _cell(unmet.previous.value, suppress) if unmet.previous else None,
                ),
            )
        )
    sections.append(
        Section(
            "nu",
            _("Leren en aanbod nu"),
            now_figures,
            note=_(
                "Certificaten die nu geldig zijn en het aanbod van vandaag; de onvervulde vraag "
                "zijn afgeronde wegwijzerpaden zonder aanbod in de buurt."
            ),
            compared=False,
        )
    )

    table = []
    if len(libraries) > 1:
        table = _table(libraries, per_library, certified, catalogue, suppress)
    return Overview(
        scope=scope,
        area=area,
        comparison=comparison,
        libraries=libraries,
        sections=sections,
        certified_by_role=certified_by_role,
        table=table,
        kept=kept,
        today=today,
    )


def _certified(ids, today) -> dict:
    """{library id: {participant role: certified people}}: certificates valid today."""
    rows = (
        learning_selectors.library_certifications(ids)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .values("participant__group__library_id", "participant__role")
        .annotate(n=Count("holder_name", distinct=True))
        .order_by()
    )
    out: dict = defaultdict(dict)
    for row in rows:
        out[row["participant__group__library_id"]][row["participant__role"]] = row["n"]
    return out


def _catalogue(ids, today) -> dict:
    """{library id: (offers asked to verify, verified in the last six months)}."""
    if not ids:
        return {}
    libraries = Organisation.objects.filter(pk__in=ids)
    by_name = {library.name: library.pk for library in libraries}
    result = verification_figures.figures(Scope(Level.OWN, "", frozenset(ids)), today=today)
    return {
        by_name[row.label]: (row.offers.value, row.verified.value)
        for row in result.rows
        if row.label in by_name
    }


def _unmet(scope, area, libraries, period, today, compare):
    """Unmet need from the wegwijzer, for the municipalities of the scope (or one library)."""
    if area.location is not None or area.municipality is not None or area.province is not None:
        return None
    wayfinder_scope = scope
    if area.organisation is not None:
        wayfinder_scope = Scope(
            Level.OWN, area.organisation.name, frozenset({area.organisation.pk})
        )
    result = wayfinder_figures.figures(wayfinder_scope, period, today=today, compare=compare)
    return result.unmet


def _table(libraries, per_library, certified, catalogue, suppress) -> list[LibraryRow]:
    rows = []
    for library in libraries:
        values = per_library.get(library.pk, _empty())
        offers, verified = catalogue.get(library.pk, (0, 0))
        cells = {key: Cell(values[key]) for key in COLUMN_KEYS if key in values}
        cells["certified"] = Cell(sum(certified.get(library.pk, {}).values()))
        cells["offers"] = Cell(offers)
        cells["verified_share"] = _percent(verified, offers, suppress)
        rows.append(LibraryRow(library.pk, library.name, cells))
    if suppress:
        for key in COLUMN_KEYS:
            if key in SHARE_COLUMNS:
                continue
            column = [row.cells[key] for row in rows]
            for cell in column:
                hide_small(cell)
            protect_group(column)
    return rows


def sort_table(rows: list[LibraryRow], key: str, descending: bool) -> list[LibraryRow]:
    """Sorted by a column as shown: a hidden count sorts as nothing, so the order gives no small
    count away; ties by name."""
    if key not in COLUMN_KEYS:
        return sorted(rows, key=lambda r: r.name.casefold(), reverse=descending)

    def value(row):
        cell = row.cells[key]
        if isinstance(cell, str):
            number = cell.rstrip("%")
            return int(number) if number.isdigit() else -1
        return -1 if cell.hidden else cell.value

    ordered = sorted(rows, key=lambda r: r.name.casefold())
    return sorted(ordered, key=value, reverse=descending)
