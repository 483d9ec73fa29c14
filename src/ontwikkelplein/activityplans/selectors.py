"""Reads of activity plans: a library's plans and templates, a plan with its tasks, and the
figures over plans that the region's POI advisers and the KB see (no plan's contents)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, Sum

from ontwikkelplein.activityplans.models import ActivityPlan, PlanPartner, PlanTask
from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.figures.cells import small_display
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind


def plans_of(organisations):
    """The plans (not templates) of the given libraries, soonest first, undated last."""
    return (
        ActivityPlan.objects.filter(organisation__in=organisations, is_template=False)
        .select_related("organisation")
        .prefetch_related("themes", Prefetch("tasks", queryset=PlanTask.objects.all()))
        .order_by("organisation__name", "starts_on", "title")
    )


def templates_for(organisations):
    """The libraries' own templates and the national examples."""
    return (
        ActivityPlan.objects.filter(is_template=True)
        .filter(Q(organisation__in=organisations) | Q(organisation__isnull=True))
        .select_related("organisation")
        .prefetch_related("themes", "target_groups")
        .order_by("organisation__name", "title")
    )


@dataclass
class PlanRow:
    plan: ActivityPlan
    open_tasks: int
    overdue: int
    done: int
    total: int


def plan_rows(plans, today: datetime.date) -> list[PlanRow]:
    rows = []
    for plan in plans:
        tasks = list(plan.tasks.all())
        for task in tasks:
            task.plan = plan  # due dates without a query per task
        done = sum(1 for t in tasks if t.done_on)
        rows.append(
            PlanRow(
                plan=plan,
                open_tasks=len(tasks) - done,
                overdue=sum(1 for t in tasks if t.is_overdue(today)),
                done=done,
                total=len(tasks),
            )
        )
    return rows


def split_rows(rows, today):
    """Upcoming (and undated) plans, then past ones, newest first."""
    upcoming = [r for r in rows if not r.plan.is_past(today)]
    past = [r for r in rows if r.plan.is_past(today)]
    past.sort(key=lambda r: r.plan.starts_on, reverse=True)
    return upcoming, past


def plan_detail(pk):
    return (
        ActivityPlan.objects.select_related("organisation", "location", "offer", "copied_from")
        .prefetch_related(
            "themes",
            "target_groups",
            Prefetch("partners", queryset=PlanPartner.objects.select_related("organisation")),
            Prefetch("tasks", queryset=PlanTask.objects.select_related("owner", "done_by")),
        )
        .filter(pk=pk)
        .first()
    )


def tasks_of(plan) -> list[PlanTask]:
    tasks = list(plan.tasks.all())
    for task in tasks:
        task.plan = plan
    return tasks


def partner_choices(organisation):
    """Partner organisations a plan may name: every partner organisation and library except
    the plan's own."""
    return Organisation.objects.filter(
        kind__in=(OrganisationKind.PARTNER, OrganisationKind.LIBRARY)
    ).exclude(pk=getattr(organisation, "pk", None))


def my_open_tasks(user, today, limit=8):
    """The user's own open tasks of dated plans, soonest first (the staff home's panel)."""
    tasks = [
        t
        for t in PlanTask.objects.filter(
            owner=user,
            done_on__isnull=True,
            plan__is_template=False,
            plan__starts_on__isnull=False,
            plan__organisation__in=scoping.own_organisations(user),
        ).select_related("plan")
        if t.plan.ends_on >= today - datetime.timedelta(days=30)
    ]
    tasks.sort(key=lambda t: (t.due_on, t.title))
    return tasks[:limit]


# --- Figures for the POI and the KB ---------------------------------------------------------


@dataclass
class LibraryFigures:
    organisation: Organisation
    plans: int = 0
    upcoming: int = 0
    evaluated: int = 0
    templates: int = 0


@dataclass
class ThemeFigures:
    theme: TaxonomyTerm
    plans: int = 0
    evaluated: int = 0
    reach: int = 0

    @property
    def reach_display(self) -> str:
        return small_display(self.reach) if self.evaluated else "–"


@dataclass
class Aggregates:
    libraries: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    total_plans: int = 0
    total_evaluated: int = 0


def aggregate_libraries(user):
    """The libraries whose plans a POI adviser (their region) or the KB (all) sees in figures."""
    libraries = Organisation.objects.filter(kind=OrganisationKind.LIBRARY)
    if scoping.is_kb_admin(user):
        return libraries.order_by("name")
    return libraries.filter(pk__in=scoping.region_organisations(user)).order_by("name")


def aggregates(libraries, today: datetime.date) -> Aggregates:
    """Per library the number of plans, upcoming and evaluated ones and own templates; per theme
    the plans, evaluations and the reach they report (1 to 4 shown as <5)."""
    libraries = list(libraries)
    plans = ActivityPlan.objects.filter(organisation__in=libraries)
    counts = {
        row["organisation"]: row
        for row in plans.values("organisation").annotate(
            plans=Count("pk", filter=Q(is_template=False)),
            upcoming=Count("pk", filter=Q(is_template=False, starts_on__gte=today)),
            evaluated=Count("pk", filter=Q(is_template=False, evaluated_on__isnull=False)),
            templates=Count("pk", filter=Q(is_template=True)),
        )
    }
    result = Aggregates()
    for library in libraries:
        row = counts.get(library.pk, {})
        result.libraries.append(
            LibraryFigures(
                organisation=library,
                plans=row.get("plans", 0),
                upcoming=row.get("upcoming", 0),
                evaluated=row.get("evaluated", 0),
                templates=row.get("templates", 0),
            )
        )
        result.total_plans += row.get("plans", 0)
        result.total_evaluated += row.get("evaluated", 0)
    themes = (
        TaxonomyTerm.objects.filter(
            taxonomy__slug=Taxonomy.THEME,
            activity_plans_by_theme__in=plans.filter(is_template=False),
        )
        .annotate(
            plans=Count("activity_plans_by_theme", distinct=True),
            evaluated=Count(
                "activity_plans_by_theme",
                filter=Q(activity_plans_by_theme__evaluated_on__isnull=False),
                distinct=True,
            ),
        )
        .order_by("position", "name")
    )
    reach = dict(
        plans.filter(is_template=False, evaluated_on__isnull=False)
        .values_list("themes")
        .annotate(total=Sum("reach"))
        .values_list("themes", "total")
    )
    for theme in themes:
        result.themes.append(
            ThemeFigures(
                theme=theme,
                plans=theme.plans,
                evaluated=theme.evaluated,
                reach=reach.get(theme.pk) or 0,
            )
        )
    return result
