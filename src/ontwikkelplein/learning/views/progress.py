"""A participant's progress: their own ("mijn voortgang") and one participant's page, where
the participant or the team leader records completed modules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors, services
from ontwikkelplein.learning.forms import CompletionForm, QuestionForm, error_summary
from ontwikkelplein.learning.models import Component, ComponentKind, GroupState
from ontwikkelplein.learning.views.access import visible_participant
from ontwikkelplein.learning.views.pages import form_page


@login_required
def my_progress(request):
    participations = list(selectors.my_participations(request.user))
    return render(
        request,
        "learning/my_progress.html",
        {
            "progress": [selectors.progress(p) for p in participations],
            "learning_nav": "mine",
        },
    )


@login_required
def participant_detail(request, pk):
    participant = visible_participant(request.user, pk)
    group = participant.group
    own = participant.user_id == request.user.pk
    may_record = group.state != GroupState.REQUESTED and (
        own or selectors.can_manage_group(request.user, group)
    )
    progress = selectors.progress(participant)
    open_components = Component.objects.filter(
        trajectory=group.trajectory, kind__in=[ComponentKind.MODULE, ComponentKind.ASSIGNMENT]
    ).exclude(completions__participant=participant)
    form = None
    if may_record and open_components.exists():
        form = CompletionForm(request.POST or None, components=open_components)
        if request.method == "POST" and form.is_valid():
            try:
                certificate = services.record_completion(
                    user=request.user, participant=participant, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Het onderdeel is afgerond."))
                if certificate:
                    messages.success(request, _("Het certificaat is uitgegeven."))
                return redirect("learning:participant-detail", pk=participant.pk)
    completions = {c.component_id: c for c in participant.completions.select_related("component")}
    components = [
        (c, completions.get(c.pk)) for c in group.trajectory.components.all() if c.completable
    ]
    attendance = {a.meeting_id: a for a in participant.attendances.all()}
    meetings = [
        (m, attendance.get(m.pk), selectors._local_date(m.starts_at) >= participant.joined_on)
        for m in group.meetings.all()
    ]
    return render(
        request,
        "learning/participant_detail.html",
        {
            "participant": participant,
            "group": group,
            "own": own,
            "progress": progress,
            "components": components,
            "meetings": meetings,
            "form": form,
            "error_summary": error_summary(form),
            "questions": participant.questions.all(),
            "question_form": QuestionForm(auto_id="vraag_%s") if own else None,
            "may_see_group": selectors.visible_groups(request.user).filter(pk=group.pk).exists(),
            "learning_nav": "mine" if own else "groups",
        },
    )


@login_required
def own_question(request, pk):
    """A participant writes down their own learning question (kick-off)."""
    participant = visible_participant(request.user, pk)
    if participant.user_id != request.user.pk:
        raise PermissionDenied(_("Alleen de deelnemer zelf schrijft een leervraag."))
    form = QuestionForm(request.POST or None, auto_id="vraag_%s")
    if request.method == "POST" and form.is_valid():
        services.add_question(
            user=request.user,
            group=participant.group,
            participant=participant,
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Je leervraag is opgeslagen."))
        return redirect("learning:participant-detail", pk=participant.pk)
    return form_page(
        request,
        form,
        nav="mine",
        heading=_("Jouw leervraag"),
        back=(
            reverse("learning:participant-detail", args=[participant.pk]),
            _("Terug naar je voortgang"),
        ),
        submit=_("Leervraag opslaan"),
    )
