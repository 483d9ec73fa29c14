"""Trajectory list and detail, with the team leader's sign-up of the library."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors, services
from ontwikkelplein.learning.forms import (
    ComponentFormSet,
    SignUpForm,
    TrajectoryForm,
    error_summary,
)
from ontwikkelplein.learning.models import ComponentKind, Trajectory
from ontwikkelplein.organisations.views.access import staff_required


@staff_required
def trajectory_list(request):
    return render(
        request,
        "learning/trajectory_list.html",
        {
            "trajectories": selectors.active_trajectories(),
            "own_trajectories": Trajectory.objects.filter(
                owner__in=selectors.organiser_organisations(request.user)
            ),
            "may_define": selectors.organiser_organisations(request.user).exists(),
            "learning_nav": "trajectories",
        },
    )


@staff_required
def trajectory_detail(request, pk):
    # Owners also open their inactive trajectories; everyone else sees active ones only.
    owners = selectors.organiser_organisations(request.user)
    trajectory = get_object_or_404(
        Trajectory.objects.filter(Q(is_active=True) | Q(owner__in=owners)).select_related(
            "owner", "issuer"
        ),
        pk=pk,
    )
    may_sign_up = trajectory.is_active and selectors.can_sign_up(request.user).exists()
    form = None
    if may_sign_up:
        form = SignUpForm(request.POST or None, user=request.user, trajectory=trajectory)
        if request.method == "POST" and form.is_valid():
            try:
                group = services.request_group(
                    user=request.user, trajectory=trajectory, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("De aanmelding is verstuurd. De POI neemt contact met je op.")
                )
                return redirect("learning:group-detail", pk=group.pk)
    components = list(trajectory.components.all())
    return render(
        request,
        "learning/trajectory_detail.html",
        {
            "trajectory": trajectory,
            "modules": [c for c in components if c.kind == ComponentKind.MODULE],
            "meetings": [c for c in components if c.kind == ComponentKind.MEETING],
            "assignments": [c for c in components if c.kind == ComponentKind.ASSIGNMENT],
            "form": form,
            "error_summary": error_summary(form),
            "may_edit": owners.filter(pk=trajectory.owner_id).exists(),
            "learning_nav": "trajectories",
        },
    )


# --- Definitions by the KB and the POIs ---------------------------------------------------------


def _component_rows(formset) -> list[services.ComponentData]:
    rows = []
    for form in formset.forms:
        if not form.has_changed() or form.is_blank:
            continue
        data = form.cleaned_data
        rows.append(
            services.ComponentData(
                id=data.get("id"),
                kind=data["kind"],
                title=data.get("title") or "",
                required=data.get("required", False),
                planned_minutes=data.get("planned_minutes") or 60,
                delete=data.get("delete", False),
            )
        )
    return rows


def _initial_components(trajectory) -> list[dict]:
    if trajectory is None:
        return []
    return [
        {
            "id": c.pk,
            "kind": c.kind,
            "title": c.title,
            "planned_minutes": c.planned_minutes,
            "required": c.required,
        }
        for c in trajectory.components.all()
    ]


@staff_required
def trajectory_form(request, pk=None):
    """Create or change a trajectory definition (KB-beheerders and POI advisers, their own)."""
    owners = selectors.organiser_organisations(request.user)
    if not owners.exists():
        raise PermissionDenied(_("Alleen de KB en de POI's beschrijven leertrajecten."))
    trajectory = None
    if pk is not None:
        trajectory = get_object_or_404(Trajectory.objects.filter(owner__in=owners), pk=pk)
    initial = _initial_components(trajectory)
    form = TrajectoryForm(request.POST or None, instance=trajectory, user=request.user)
    formset = ComponentFormSet(request.POST or None, initial=initial, prefix="onderdelen")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_trajectory(
                user=request.user,
                values=form.cleaned_data,
                components=_component_rows(formset),
                trajectory=trajectory,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Het leertraject is opgeslagen."))
            return redirect("learning:trajectory-detail", pk=saved.pk)
    summary = error_summary(form, *formset.forms) if request.method == "POST" else []
    return render(
        request,
        "learning/trajectory_form.html",
        {
            "form": form,
            "formset": formset,
            "trajectory": trajectory,
            "error_summary": summary,
            "learning_nav": "trajectories",
        },
        status=400 if summary else 200,
    )
