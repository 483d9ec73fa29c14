"""The figures of a report, gathered in one place from the other apps' figures functions, and
turned into plain data (strings and numbers) that can be stored with a published version.

Everything here is aggregated; counts of people from 1 to 4 are hidden ("<5") with the figures
engine's rule (core/figures/cells.py) whoever makes the report, because a report leaves the
organisation (its public link needs no account). Organisations are counted exactly ("x van y
bibliotheken"): they are no personal data.

The result is `{"period": ..., "previous": ..., "themes": {code: [block, ...]}}`; a block is
one of:

- {"type": "facts", "title", "columns": [...], "rows": [[label, value, ...], ...], "note"}
- {"type": "table", "title", "columns": [...], "rows": [[label, value, ...], ...],
   "chart": [{"label", "text", "width"}], "note"}

All texts are made in Dutch (the report's language; reports/services.py publishes with Dutch
active), so a stored version reads the same in every language of the interface.

When the overview app (issue 16, item 1) keeps figures of closed periods, `gather` can read
them from there instead; nothing else in this app computes figures."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures import periods
from ontwikkelplein.core.figures.cells import Cell, hide_small, protect_group
from ontwikkelplein.core.figures.charts import bar_chart, simple_chart
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level, small_count_note
from ontwikkelplein.courses import selectors as course_selectors
from ontwikkelplein.desk import selectors as desk_selectors
from ontwikkelplein.learning.models import KnowledgeEvent
from ontwikkelplein.learning.selectors import library_certifications
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.participation import selectors as participation_selectors
from ontwikkelplein.referrals import figures as referral_figures
from ontwikkelplein.reports.models import Report, Subject
from ontwikkelplein.verification import figures as verification_figures
from ontwikkelplein.wayfinder import figures as wayfinder_figures

# The schemes of the programme register shown per theme (participation/migrations/0002).
THEME_SCHEMES = {
    "netwerk-beleid": None,  # every scheme
    "digitale-inclusie": ("ido", "spuk-ido", "digitale-inclusie"),
    "belastingdienst": ("belastingdienst", "toeslagen"),
    "gezinsaanpak": ("boekstart", "bibliotheek-op-school"),
    "collectie-programmering": ("inloopschool",),
    "taalhuizen": ("taalhuis",),
}
# Desk questions about these agencies belong to the theme Belastingdienst.
TAX_WORDS = ("belasting", "toeslag")
LARGEST_TABLE = 25  # rows of a per-organisation or per-run table before the rest is summed


@dataclass(frozen=True)
class Subjects:
    """What a report is about, as the figures functions take it."""

    scope: Scope
    libraries: object  # queryset of library organisations
    municipality: object = None
    national: bool = False
    organisers: frozenset = frozenset()  # whose knowledge events count (not for the nation)
    single: bool = False  # one library (its yearly report), not a region or the nation


def period_of(report: Report) -> periods.Period:
    if report.quarter:
        return periods.Period.containing(
            periods.PeriodKind.QUARTER, datetime.date(report.year, 3 * report.quarter - 2, 1)
        )
    return periods.Period.containing(periods.PeriodKind.YEAR, datetime.date(report.year, 1, 1))


def subjects_of(report: Report) -> Subjects:
    libraries = Organisation.objects.filter(kind=OrganisationKind.LIBRARY)
    if report.subject == Subject.NATION:
        return Subjects(Scope(Level.COUNTRY, str(Level.COUNTRY.label)), libraries, national=True)
    if report.subject == Subject.REGION:
        region = scoping.organisations_in_region([report.organisation_id])
        ids = frozenset(region.values_list("pk", flat=True))
        return Subjects(
            Scope(Level.REGION, report.organisation.name, ids),
            libraries.filter(pk__in=ids),
            organisers=ids | {report.organisation_id},
        )
    # A library (in one of its municipalities): counted as seen from outside the library.
    ids = frozenset({report.organisation_id})
    return Subjects(
        Scope(Level.REGION, report.organisation.name, ids),
        libraries.filter(pk__in=ids),
        municipality=report.municipality if report.subject == Subject.MUNICIPALITY else None,
        organisers=ids,
        single=True,
    )


def _number(value) -> str:
    return number_format(value or 0, force_grouping=True)


def _people(value: int) -> str:
    """A count of people as shown in a report: 1 to 4 as "<5"."""
    return hide_small(Cell(value or 0)).display


def _bars(items) -> list[dict]:
    """A chart of (label, value, text) items as stored data."""
    chart = simple_chart(list(items))
    return [{"label": b.label, "text": b.text, "width": b.width} for b in chart.bars]


def _breakdown_block(breakdown, comparison, *, title=None, rows=None) -> dict:
    """A desk Breakdown (already through the small-count rule) as a table with a chart: the
    chart's measure this period and, when compared, the same stretch of the previous period."""
    measure = breakdown.chart_key
    shown = rows if rows is not None else breakdown.rows
    columns = [str(breakdown.dimension), comparison.current_label]
    if comparison.previous is not None:
        columns.append(comparison.previous_label)
    table = []
    for row in shown:
        value = row.values[measure]
        line = [str(row.label), value.current.display]
        if comparison.previous is not None:
            line.append(value.previous.display if value.previous is not None else "")
        table.append(line)
    chart = bar_chart(breakdown, measure)
    labels = {str(row.label) for row in shown}
    return {
        "type": "table",
        "title": str(title or breakdown.title),
        "columns": columns,
        "rows": table,
        "chart": [
            {"label": str(b.label), "text": b.text, "width": b.width}
            for b in chart.bars
            if str(b.label) in labels
        ],
        "note": str(breakdown.note or ""),
    }


def _scheme_block(subjects: Subjects, codes, title: str) -> dict | None:
    """ "x van y bibliotheken (z%)" per scheme of the programme register."""
    counts = participation_selectors.scheme_counts(subjects.libraries)
    if codes is not None:
        counts = [c for c in counts if c.scheme.code in codes]
    if not counts:
        return None
    library = subjects.libraries.first() if subjects.single else None
    if library is not None:
        # One library: its own register, not a share.
        entries = {p.scheme_id: p for p in participation_selectors.register_of(library)}
        rows = []
        for count in counts:
            entry = entries.get(count.scheme.pk)
            if entry is None:
                status = _("Doet niet mee")
            else:
                status = entry.get_status_display()
                if entry.started_on:
                    status += ", " + _("sinds %(date)s") % {"date": _date(entry.started_on)}
                if entry.ends_on:
                    status += ", " + _("tot %(date)s") % {"date": _date(entry.ends_on)}
            rows.append([count.scheme.name, status])
        return {
            "type": "facts",
            "title": title,
            "columns": [_("Programma of regeling"), _("Deelname")],
            "rows": rows,
            "note": _("Uit het programmaregister."),
        }
    rows = [
        [
            c.scheme.name,
            _("%(n)s van %(total)s bibliotheken (%(percent)s%%)")
            % {
                "n": _number(c.taking_part),
                "total": _number(c.libraries),
                "percent": c.percent or 0,
            }
            if c.libraries
            else _("geen bibliotheken"),
        ]
        for c in counts
    ]
    return {
        "type": "table",
        "title": title,
        "columns": [_("Programma of regeling"), _("Doen mee")],
        "rows": rows,
        "chart": _bars((c.scheme.name, c.percent or 0, f"{c.percent or 0}%") for c in counts),
        "note": _("Uit het programmaregister: bibliotheken die nu meedoen."),
    }


def _date(day) -> str:
    return date_format(day, "j F Y")


def _desk(subjects: Subjects, period, today) -> tuple[list[dict], list[dict]]:
    """The IDO's and the desk's figures: visitors and questions, the help given (SPUK a–e),
    channels; and the questions about the Belastingdienst and Toeslagen."""
    area = desk_selectors.Area(subjects.scope)
    if subjects.municipality is not None:
        area = desk_selectors.Area(
            subjects.scope, subjects.municipality.province, subjects.municipality
        )
    result = desk_selectors.figures(subjects.scope, period, area, compare=True, today=today)
    comparison = result.comparison
    columns = ["", comparison.current_label]
    if comparison.previous is not None:
        columns.append(comparison.previous_label)
    totals = []
    for key, label in (
        (desk_selectors.CONTACTS, _("Bezoekers met een vraag")),
        (desk_selectors.QUESTIONS, _("Vragen")),
    ):
        measure = result.totals.values[key]
        line = [label, measure.current.display]
        if comparison.previous is not None:
            line.append(measure.previous.display if measure.previous else "")
        totals.append(line)
    ido = [
        {
            "type": "facts",
            "title": _("Informatiepunt en balie"),
            "columns": columns,
            "rows": totals,
            "note": _("Uit de registratie aan de balie en in het IDO."),
        }
    ]
    help_given = result.breakdown("help")
    if help_given is not None:
        ido.append(
            _breakdown_block(
                help_given,
                comparison,
                title=_("Geboden hulp (SPUK-categorieën a tot en met e)"),
            )
        )
    channel = result.breakdown("channel")
    if channel is not None:
        ido.append(_breakdown_block(channel, comparison, title=_("Vragen per kanaal")))
    tax = []
    agency = result.breakdown("agency")
    if agency is not None:
        rows = [r for r in agency.rows if any(w in str(r.label).lower() for w in TAX_WORDS)]
        if rows:
            tax.append(
                _breakdown_block(
                    agency,
                    comparison,
                    title=_("Vragen over de Belastingdienst en Toeslagen"),
                    rows=rows,
                )
            )
    return ido, tax


def _courses(subjects: Subjects, period) -> list[dict]:
    libraries = subjects.libraries if not subjects.national else Organisation.objects.all()
    reach = course_selectors.reach(libraries, period, suppress=True)
    total = reach.total
    blocks = [
        {
            "type": "facts",
            "title": _("Cursussen"),
            "columns": ["", _("Aantal")],
            "rows": [
                [_("Cursussen met bijeenkomsten in de periode"), _number(len(reach.per_run))],
                [_("Deelnemers"), total.display_participants],
                [_("Bijeenkomsten gehouden"), _number(total.sessions_held)],
                [_("Bezoekers van inloopbijeenkomsten"), _people(total.visitors)],
                [_("Aanwezigheid"), total.display_attendance_rate],
                [_("Uitval"), total.display_drop_out_rate],
            ],
            "note": small_count_note(),
        }
    ]
    if len(reach.per_organisation) > 1:
        rows = reach.per_organisation[:LARGEST_TABLE]
        blocks.append(
            {
                "type": "table",
                "title": _("Deelnemers per organisatie"),
                "columns": [_("Organisatie"), _("Deelnemers"), _("Bijeenkomsten")],
                "rows": [[r.label, r.display_participants, _number(r.sessions_held)] for r in rows],
                "chart": _bars(
                    (r.label, 0 if r.hidden else r.participants or 0, r.display_participants)
                    for r in rows
                ),
                "note": "",
            }
        )
    return blocks


def _offers(subjects: Subjects, today) -> dict:
    result = verification_figures.figures(subjects.scope, today=today)
    total = result.total
    return {
        "type": "facts",
        "title": _("Aanbod op de sociaal-educatieve kaart"),
        "columns": ["", _("Aantal")],
        "rows": [
            [_("Aanbod"), total.offers.display],
            [_("Bevestigd in de laatste zes maanden"), total.share or total.verified.display],
            [_("Verborgen omdat niemand het bevestigde"), total.hidden.display],
        ],
        "note": _("De stand op %(date)s.") % {"date": _date(today)},
    }


def _referrals(subjects: Subjects, period, today) -> list[dict]:
    blocks = []
    for direction, title in (
        (referral_figures.Direction.SENT, _("Verstuurde doorverwijzingen")),
        (referral_figures.Direction.RECEIVED, _("Ontvangen doorverwijzingen")),
    ):
        result = referral_figures.figures(
            subjects.scope, period, direction, compare=True, today=today
        )
        comparison = result.comparison
        columns = ["", comparison.current_label]
        if comparison.previous is not None:
            columns.append(comparison.previous_label)
        first = [_("Doorverwijzingen"), result.total.current.display]
        if comparison.previous is not None:
            previous = result.total.previous
            first.append(previous.display if previous is not None else "")
        rows = [first]
        for stat in result.stats:
            line = [str(stat.label), stat.display]
            if comparison.previous is not None:
                line.append("")
            rows.append(line)
        blocks.append(
            {"type": "facts", "title": title, "columns": columns, "rows": rows, "note": ""}
        )
    return blocks


def _wayfinder(subjects: Subjects, period, today) -> dict | None:
    if subjects.single:
        return None  # the wegwijzer counts per municipality, not per library
    result = wayfinder_figures.figures(subjects.scope, period, today=today, compare=False)
    return {
        "type": "facts",
        "title": _("Wegwijzer"),
        "columns": ["", _("Aantal")],
        "rows": [
            [_("Afgeronde wegwijzers"), result.total.current.display],
            [_("Zonder aanbod in de buurt"), result.unmet.current.display],
        ],
        "note": _("Inwoners die de wegwijzer afmaakten, en hoe vaak er niets in de buurt was."),
    }


def _training(subjects: Subjects, period) -> dict:
    start = timezone.make_aware(datetime.datetime.combine(period.start, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    )
    ids = (
        subjects.libraries.values_list("pk", flat=True)
        if not subjects.national
        else Organisation.objects.values_list("pk", flat=True)
    )
    per_trajectory: dict[str, int] = {}
    for name in (
        library_certifications(ids)
        .filter(issued_at__gte=start, issued_at__lt=end)
        .values_list("trajectory_name", flat=True)
    ):
        per_trajectory[name] = per_trajectory.get(name, 0) + 1
    items = sorted(per_trajectory.items())
    cells = [hide_small(Cell(n)) for _name, n in items]
    protect_group(cells)
    total = hide_small(Cell(sum(per_trajectory.values())))
    return {
        "type": "table",
        "title": _("Certificaten van leertrajecten"),
        "columns": [_("Leertraject"), _("Certificaten")],
        "rows": [[name, cell.display] for (name, _n), cell in zip(items, cells, strict=True)]
        + [[_("Totaal"), total.display]],
        "chart": _bars(
            (name, cell.chart_value, cell.display)
            for (name, _n), cell in zip(items, cells, strict=True)
        ),
        "note": small_count_note(),
    }


def _knowledge(subjects: Subjects, period) -> dict:
    start = timezone.make_aware(datetime.datetime.combine(period.start, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    )
    events = KnowledgeEvent.objects.filter(starts_at__gte=start, starts_at__lt=end)
    if not subjects.national:
        events = events.filter(organiser_id__in=subjects.organisers)
    per_kind: dict[str, int] = {}
    for event in events:
        label = str(event.get_kind_display())
        per_kind[label] = per_kind.get(label, 0) + 1
    items = sorted(per_kind.items())
    return {
        "type": "table",
        "title": _("Kennisbijeenkomsten"),
        "columns": [_("Soort"), _("Bijeenkomsten")],
        "rows": [[label, _number(n)] for label, n in items]
        + [[_("Totaal"), _number(sum(per_kind.values()))]],
        "chart": _bars((label, n, _number(n)) for label, n in items),
        "note": _("Bijeenkomsten op de kennisdeelkalender in de periode."),
    }


def gather(report: Report, *, today: datetime.date | None = None) -> dict:
    """Every figure of the report, per theme, as plain data."""
    today = today or timezone.localdate()
    period = period_of(report)
    subjects = subjects_of(report)
    comparison = periods.compare(period, today)
    themes: dict[str, list[dict]] = {}

    def add(code, *blocks):
        themes.setdefault(code, []).extend(b for b in blocks if b)

    add(
        "netwerk-beleid",
        _scheme_block(subjects, THEME_SCHEMES["netwerk-beleid"], _("Programma's en regelingen")),
    )
    ido, tax = _desk(subjects, period, today)
    add(
        "digitale-inclusie",
        *ido,
        _scheme_block(subjects, THEME_SCHEMES["digitale-inclusie"], _("Deelname")),
    )
    add(
        "belastingdienst",
        _scheme_block(subjects, THEME_SCHEMES["belastingdienst"], _("Convenanten")),
        *tax,
    )
    add(
        "gezinsaanpak",
        _scheme_block(subjects, THEME_SCHEMES["gezinsaanpak"], _("Deelname")),
    )
    add(
        "collectie-programmering",
        *_courses(subjects, period),
        _offers(subjects, today),
        _scheme_block(subjects, THEME_SCHEMES["collectie-programmering"], _("Pilots")),
    )
    add("monitoring", *_referrals(subjects, period, today), _wayfinder(subjects, period, today))
    add("taalhuizen", _scheme_block(subjects, THEME_SCHEMES["taalhuizen"], _("Deelname")))
    add("kennisdeling", _knowledge(subjects, period))
    add("opleiding", _training(subjects, period))
    return {
        "period": comparison.current_label,
        "previous": comparison.previous_label,
        "partial": comparison.partial,
        "scope": subjects.scope.label,
        "municipality": report.municipality.name if report.municipality else "",
        "made_on": today.isoformat(),
        "themes": themes,
    }
