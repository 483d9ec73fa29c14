"""The draaiboek pages. Reading a plan: its library's staff (access.py); writing: the library's
specialists and team leaders; another library's plan answers 404. The region's POI advisers and
the KB see only the figures page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.activityplans import access, selectors, services
from ontwikkelplein.activityplans.forms import (
    CopyForm,
    EvaluationForm,
    OfferForm,
    PartnerForm,
    PlanForm,
    TaskForm,
)
from ontwikkelplein.activityplans.models import PlanPartner, PlanTask
from ontwikkelplein.core.forms import add_field_error, posted
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required

NAV = "activityplans"


def _plan(user, pk):
    return access.require_read(user, selectors.plan_detail(pk))


def _writable_plan(user, pk):
    return access.require_write(user, selectors.plan_detail(pk))


def _task(user, pk) -> PlanTask:
    task = PlanTask.objects.select_related("plan", "owner").filter(pk=pk).first()
    if task is None:
        raise Http404
    access.require_read(user, task.plan)
    return task


def _to_plan(plan, anchor=""):
    url = redirect("activityplans:detail", pk=plan.pk).url
    return redirect(f"{url}#{anchor}" if anchor else url)


def _chosen_library(request, libraries):
    """The library a new plan is for: ?org= when the user writes for several."""
    wanted = request.GET.get("org") or request.POST.get("org") or ""
    libraries = list(libraries)
    if not libraries:
        raise PermissionDenied(_("Alleen specialisten en teamleiders maken draaiboeken."))
    return next((o for o in libraries if str(o.pk) == wanted), libraries[0]), libraries


@staff_required
def index(request):
    libraries = access.plan_libraries(request.user)
    if not libraries:
        if access.sees_aggregates(request.user):
            return redirect("activityplans:figures")
        raise PermissionDenied(_("Draaiboeken zijn van de eigen bibliotheek."))
    today = timezone.localdate()
    upcoming, past = selectors.split_rows(
        selectors.plan_rows(selectors.plans_of(libraries), today), today
    )
    return render(
        request,
        "activityplans/index.html",
        {
            "upcoming": upcoming,
            "past": past,
            "templates": selectors.templates_for(libraries),
            "writes": access.writable_libraries(request.user).exists(),
            "several": len(libraries) > 1,
            "today": today,
            "staff_nav": NAV,
        },
    )


@staff_required
def figures(request):
    if not access.sees_aggregates(request.user):
        raise PermissionDenied(_("Deze cijfers zijn voor de POI en de KB."))
    today = timezone.localdate()
    return render(
        request,
        "activityplans/figures.html",
        {
            "figures": selectors.aggregates(selectors.aggregate_libraries(request.user), today),
            "national": scoping.is_kb_admin(request.user),
            "staff_nav": NAV,
        },
    )


@staff_required
def create(request):
    organisation, libraries = _chosen_library(request, access.writable_libraries(request.user))
    form = PlanForm(posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.save_plan(request.user, form, organisation=organisation)
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("Het draaiboek is gemaakt. Voeg nu partners en taken toe."))
            return _to_plan(plan)
    return render(
        request,
        "activityplans/plan_form.html",
        {
            "form": form,
            "organisation": organisation,
            "libraries": libraries if len(libraries) > 1 else [],
            "heading": _("Nieuw draaiboek"),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
def detail(request, pk):
    plan = _plan(request.user, pk)
    today = timezone.localdate()
    writes = access.can_write(request.user, plan)
    tasks = selectors.tasks_of(plan)
    staff = services.staff_of(plan.organisation)
    return render(
        request,
        "activityplans/detail.html",
        {
            "plan": plan,
            "tasks": tasks,
            "promotion_tasks": [t for t in tasks if t.is_promotion],
            "overdue": sum(1 for t in tasks if t.is_overdue(today)),
            "done": sum(1 for t in tasks if t.done_on),
            "partners": list(plan.partners.all()),
            "writes": writes,
            "copies": access.writable_libraries(request.user).exists(),
            "task_form": TaskForm(staff=staff, auto_id="taak_%s") if writes else None,
            "partner_form": PartnerForm(
                organisations=selectors.partner_choices(plan.organisation), auto_id="partner_%s"
            )
            if writes
            else None,
            "offer_problems": services.offer_problems(plan) if writes else [],
            "past": plan.starts_on is not None and plan.starts_on <= today,
            "today": today,
            "staff_nav": NAV,
        },
    )


@staff_required
def edit(request, pk):
    plan = _writable_plan(request.user, pk)
    form = PlanForm(posted(request), instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_plan(request.user, form)
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("Het draaiboek is opgeslagen."))
            return _to_plan(plan)
    return render(
        request,
        "activityplans/plan_form.html",
        {
            "form": form,
            "plan": plan,
            "organisation": plan.organisation,
            "heading": _("Draaiboek bewerken"),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
def copy(request, pk):
    plan = _plan(request.user, pk)
    libraries = access.writable_libraries(request.user)
    if not libraries.exists():
        raise PermissionDenied(_("Alleen specialisten en teamleiders maken draaiboeken."))
    form = CopyForm(posted(request), organisations=libraries)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        copied = services.copy_plan(
            request.user,
            plan,
            organisation=data["organisation"],
            as_template=data["as_template"],
            starts_on=data["starts_on"],
        )
        if copied.is_template:
            messages.success(request, _("Het sjabloon staat bij de eigen sjablonen."))
        else:
            messages.success(request, _("De kopie is gemaakt. Pas de datum en de taken aan."))
        return _to_plan(copied)
    return render(
        request,
        "activityplans/copy.html",
        {
            "plan": plan,
            "form": form,
            "heading": _("Sjabloon gebruiken") if plan.is_template else _("Draaiboek kopiëren"),
            "submit": _("Kopie maken"),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
@require_POST
def delete(request, pk):
    plan = _writable_plan(request.user, pk)
    services.delete_plan(request.user, plan)
    messages.success(request, _("Het draaiboek is verwijderd."))
    return redirect("activityplans:index")


def _task_page(request, plan, form, *, task=None):
    return render(
        request,
        "activityplans/task_form.html",
        {
            "plan": plan,
            "task": task,
            "form": form,
            "heading": _("Taak wijzigen") if task else _("Taak toevoegen"),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


def _save_task(request, plan, form, task=None):
    data = form.cleaned_data
    values = {
        "title": data["title"],
        "offset_days": data["offset_days"],
        "owner": data["owner"],
        "is_promotion": data["is_promotion"],
    }
    if task is None:
        return services.add_task(request.user, plan, **values)
    return services.update_task(request.user, task, **values)


@staff_required
def task_add(request, pk):
    plan = _writable_plan(request.user, pk)
    form = TaskForm(posted(request), staff=services.staff_of(plan.organisation))
    if request.method == "POST" and form.is_valid():
        try:
            _save_task(request, plan, form)
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("De taak is toegevoegd."))
            return _to_plan(plan, "taken")
    return _task_page(request, plan, form)


@staff_required
def task_edit(request, pk):
    task = _task(request.user, pk)
    plan = access.require_write(request.user, task.plan)
    staff = services.staff_of(plan.organisation)
    if request.method == "POST":
        form = TaskForm(posted(request), staff=staff)
    else:
        form = TaskForm(initial=TaskForm.initial_for(task), staff=staff)
    if request.method == "POST" and form.is_valid():
        try:
            _save_task(request, plan, form, task)
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("De taak is opgeslagen."))
            return _to_plan(plan, "taken")
    return _task_page(request, plan, form, task=task)


@staff_required
@require_POST
def task_done(request, pk):
    task = _task(request.user, pk)
    done = request.POST.get("done") == "1"
    services.set_task_done(request.user, task, done)
    if done:
        messages.success(request, _("Afgevinkt: %(task)s.") % {"task": task.title})
    else:
        messages.success(request, _("Weer open: %(task)s.") % {"task": task.title})
    return _to_plan(task.plan, f"taak-{task.pk}")


@staff_required
@require_POST
def task_delete(request, pk):
    task = _task(request.user, pk)
    services.delete_task(request.user, task)
    messages.success(request, _("De taak is weggehaald."))
    return _to_plan(task.plan, "taken")


@staff_required
def partner_add(request, pk):
    plan = _writable_plan(request.user, pk)
    form = PartnerForm(posted(request), organisations=selectors.partner_choices(plan.organisation))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_partner(
                request.user,
                plan,
                organisation=data["organisation"],
                name=data["name"],
                contribution=data["contribution"],
            )
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("De partner staat in het draaiboek."))
            return _to_plan(plan, "partners")
    return render(
        request,
        "activityplans/partner_form.html",
        {
            "plan": plan,
            "form": form,
            "heading": _("Partner of co-creator toevoegen"),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
@require_POST
def partner_delete(request, pk):
    partner = PlanPartner.objects.select_related("plan").filter(pk=pk).first()
    if partner is None:
        raise Http404
    access.require_write(request.user, partner.plan)
    services.remove_partner(request.user, partner)
    messages.success(request, _("De partner is uit het draaiboek gehaald."))
    return _to_plan(partner.plan, "partners")


@staff_required
def make_offer(request, pk):
    plan = _writable_plan(request.user, pk)
    problems = services.offer_problems(plan)
    initial = {"summary": plan.aim.strip().split("\n")[0][:200]}
    form = OfferForm(posted(request), initial=initial)
    if request.method == "POST" and not problems and form.is_valid():
        data = form.cleaned_data
        try:
            offer = services.make_offer(
                request.user,
                plan,
                offer_type=data["offer_type"],
                summary=data["summary"],
                capacity=data["capacity"],
            )
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Het aanbod en de uitvoering staan als concept klaar. Vul ze aan en "
                    "publiceer ze als alles klopt."
                ),
            )
            return redirect("catalogue:staff-offer-edit", pk=offer.pk)
    return render(
        request,
        "activityplans/make_offer.html",
        {
            "plan": plan,
            "form": form,
            "problems": problems,
            "heading": _("Aanbod en uitvoering maken"),
            "submit": _("Maak aanbod en uitvoering"),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
def evaluation(request, pk):
    plan = _writable_plan(request.user, pk)
    initial = {
        "reach": plan.reach,
        "partner_reach": plan.partner_reach,
        "went_well": plan.went_well,
        "to_change": plan.to_change,
        "story": plan.story,
        "consent": plan.story_consent,
    }
    form = EvaluationForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.evaluate(request.user, plan, **data)
        except services.PlanError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("De evaluatie is opgeslagen."))
            return _to_plan(plan, "evaluatie")
    return render(
        request,
        "activityplans/evaluation.html",
        {
            "plan": plan,
            "form": form,
            "heading": _("Evaluatie"),
            "run": plan.offer.runs.order_by("created_at").first() if plan.offer_id else None,
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )
