"""A group's pages: the list, the group page, accepting and planning (POI), participants,
meetings, the attendance register, the CSV import and the learning questions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.learning import selectors, services
from ontwikkelplein.learning.csv_import import read_rows
from ontwikkelplein.learning.forms import (
    AcceptForm,
    ImportForm,
    MeetingForm,
    ParticipantForm,
    QuestionForm,
    ReflectionForm,
    error_summary,
)
from ontwikkelplein.learning.models import AttendanceStatus, GroupState, LearningQuestion
from ontwikkelplein.learning.views.access import managed_group, managed_meeting, visible_group
from ontwikkelplein.learning.views.pages import form_page
from ontwikkelplein.organisations.views.access import staff_required


def _messages_of(error: ValidationError) -> list[str]:
    return list(error.messages)


@staff_required
def group_list(request):
    groups = selectors.visible_groups(request.user).order_by("-requested_at")
    return render(
        request,
        "learning/group_list.html",
        {
            "groups": groups,
            # The same list as the POI adviser's panel on the staff home (learning/menu.py).
            "to_accept": selectors.groups_to_plan(request.user),
            "learning_nav": "groups",
        },
    )


@staff_required
def group_detail(request, pk):
    group = visible_group(request.user, pk)
    progress = selectors.progress_for_group(group)
    return render(
        request,
        "learning/group_detail.html",
        {
            "group": group,
            "progress": progress,
            "meetings": group.meetings.all(),
            "may_manage": selectors.can_manage_group(request.user, group)
            and group.state != GroupState.REQUESTED,
            "may_accept": group.state == GroupState.REQUESTED
            and selectors.advises_for(request.user, group),
            "may_complete": group.state in (GroupState.PLANNED, GroupState.RUNNING)
            and selectors.can_manage_group(request.user, group),
            "cost_per_participant": (group.price / len(progress)).quantize(group.price)
            if progress
            else None,
            "learning_nav": "groups",
        },
    )


def _group_form_page(request, form, group, **kwargs):
    """A form about a group (core's form page): back to the group, the group's name under the
    heading, and a cancel link to the group."""
    group_url = reverse("learning:group-detail", args=[group.pk])
    return form_page(
        request,
        form,
        nav="groups",
        back=(group_url, _("Terug naar de groep")),
        lead=group.name,
        cancel_url=group_url,
        **kwargs,
    )


@staff_required
def group_accept(request, pk):
    group = visible_group(request.user, pk)
    if not selectors.advises_for(request.user, group):
        raise PermissionDenied(_("Alleen een adviseur van de POI kan deze aanmelding accepteren."))
    form = AcceptForm(request.POST or None, initial={"first_date": group.preferred_start})
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_group(
                user=request.user, group=group, first_meeting=form.first_meeting()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("De groep is geaccepteerd en de bijeenkomsten zijn gepland.")
            )
            return redirect("learning:group-detail", pk=group.pk)
    return _group_form_page(
        request,
        form,
        group,
        heading=_("Accepteren en plannen"),
        intro=_(
            "We plannen de bijeenkomsten van het traject verdeeld over %(weeks)s weken, vanaf "
            "de eerste bijeenkomst. Daarna kun je elke datum nog wijzigen."
        )
        % {"weeks": group.trajectory.duration_weeks},
        submit=_("Accepteren en plannen"),
    )


@staff_required
@require_POST
def group_complete(request, pk):
    group = managed_group(request.user, pk)
    try:
        services.complete_group(user=request.user, group=group)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("De groep is afgerond."))
    return redirect("learning:group-detail", pk=group.pk)


@staff_required
def participant_add(request, pk):
    group = managed_group(request.user, pk)
    form = ParticipantForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_participant(user=request.user, group=group, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De deelnemer is toegevoegd."))
            if "nog_een" in request.POST:
                return redirect("learning:participant-add", pk=group.pk)
            return redirect("learning:group-detail", pk=group.pk)
    return _group_form_page(
        request,
        form,
        group,
        heading=_("Deelnemer toevoegen"),
        second=_("Opslaan en nog een toevoegen"),
        second_name="nog_een",
        second_value="1",
    )


def _meeting_form(request, group, meeting=None):
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_meeting(user=request.user, group=group, meeting=meeting, **form.values())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De bijeenkomst is opgeslagen."))
            return redirect("learning:group-detail", pk=group.pk)
    return _group_form_page(
        request,
        form,
        group,
        heading=_("Bijeenkomst wijzigen") if meeting else _("Bijeenkomst toevoegen"),
        intro=_("Elke geplande bijeenkomst telt mee voor de aanwezigheidseis."),
    )


@staff_required
def meeting_add(request, pk):
    return _meeting_form(request, managed_group(request.user, pk))


@staff_required
def meeting_edit(request, pk):
    meeting = managed_meeting(request.user, pk)
    return _meeting_form(request, meeting.group, meeting)


@staff_required
def attendance(request, pk):
    """The register of one meeting: one row per participant, three big radio buttons. A plain
    form: it works without JavaScript and on a tablet."""
    meeting = managed_meeting(request.user, pk)
    group = meeting.group
    participants = selectors.counted_participants(meeting)
    current = {a.participant_id: a.status for a in meeting.attendances.all()}
    errors = []
    if request.method == "POST":
        statuses = {}
        for participant in participants:
            value = request.POST.get(f"status-{participant.pk}", "")
            if value and value not in AttendanceStatus.values:
                errors.append(participant.name)
            statuses[participant.pk] = value
        if not errors:
            try:
                issued = services.register_attendance(
                    user=request.user, meeting=meeting, statuses=statuses
                )
            except ValidationError as error:
                errors += _messages_of(error)
            else:
                messages.success(request, _("De aanwezigheid is opgeslagen."))
                for certificate in issued:
                    messages.success(
                        request,
                        _("%(name)s heeft het certificaat gehaald.")
                        % {"name": certificate.holder_name},
                    )
                return redirect("learning:group-detail", pk=group.pk)
        current = statuses
    rows = [(p, current.get(p.pk, "")) for p in participants]
    return render(
        request,
        "learning/attendance.html",
        {
            "group": group,
            "meeting": meeting,
            "rows": rows,
            "choices": AttendanceStatus.choices,
            "error_summary": [
                {
                    "anchor": "",
                    "label": "",
                    "message": _("Kies een geldige waarde voor %(n)s.") % {"n": e},
                }
                for e in errors
            ],
            "learning_nav": "groups",
        },
    )


@staff_required
def completion_import(request, pk):
    group = managed_group(request.user, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        rows, row_errors = read_rows(form.cleaned_data["file"])
        if not row_errors:
            result = services.import_completions(user=request.user, group=group, rows=rows)
            row_errors = result.errors
            if result.ok:
                messages.success(
                    request,
                    _(
                        "Import klaar: %(stored)s afgeronde modules opgeslagen, %(skipped)s "
                        "stonden er al. %(certificates)s nieuwe certificaten."
                    )
                    % {
                        "stored": result.stored,
                        "skipped": result.skipped,
                        "certificates": result.certificates,
                    },
                )
                return redirect("learning:group-detail", pk=group.pk)
    summary = error_summary(form) + [
        {"anchor": "id_file", "label": "", "message": message} for message in row_errors
    ]
    return render(
        request,
        "learning/import.html",
        {
            "group": group,
            "form": form,
            "error_summary": summary,
            "modules": [c for c in group.trajectory.components.all() if c.completable],
            "learning_nav": "groups",
        },
    )


@staff_required
def questions(request, pk):
    group = visible_group(request.user, pk)
    may_manage = selectors.can_manage_group(request.user, group)
    form = QuestionForm(request.POST or None) if may_manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.add_question(user=request.user, group=group, text=form.cleaned_data["text"])
            messages.success(request, _("De leervraag is opgeslagen."))
            return redirect("learning:questions", pk=group.pk)
    return render(
        request,
        "learning/questions.html",
        {
            "group": group,
            "questions": group.questions.select_related("participant"),
            "form": form,
            "may_manage": may_manage,
            "error_summary": error_summary(form),
            "learning_nav": "groups",
        },
    )


@staff_required
def question_revisit(request, pk):
    question = get_object_or_404(LearningQuestion.objects.select_related("group"), pk=pk)
    group = visible_group(request.user, question.group_id)
    form = ReflectionForm(request.POST or None, initial={"reflection": question.reflection})
    if request.method == "POST" and form.is_valid():
        services.revisit_question(
            user=request.user, question=question, reflection=form.cleaned_data["reflection"]
        )
        messages.success(request, _("De terugblik is opgeslagen."))
        return redirect("learning:questions", pk=group.pk)
    return form_page(
        request,
        form,
        nav="groups",
        title=_("Terugblik"),
        heading=_("Terugblik op een leervraag"),
        back=(reverse("learning:questions", args=[group.pk]), _("Terug naar de leervragen")),
        lead=question.text,
    )
