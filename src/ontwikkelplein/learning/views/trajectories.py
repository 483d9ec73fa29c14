"""Trajectory list and detail, with the team leader's sign-up of the library."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors, services
from ontwikkelplein.learning.forms import SignUpForm, error_summary
from ontwikkelplein.learning.models import ComponentKind
from ontwikkelplein.organisations.views.access import staff_required


@staff_required
def trajectory_list(request):
    return render(
        request,
        "learning/trajectory_list.html",
        {
            "trajectories": selectors.active_trajectories(),
            "learning_nav": "trajectories",
        },
    )


@staff_required
def trajectory_detail(request, pk):
    trajectory = get_object_or_404(selectors.active_trajectories(), pk=pk)
    may_sign_up = selectors.can_sign_up(request.user).exists()
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
            "learning_nav": "trajectories",
        },
    )
