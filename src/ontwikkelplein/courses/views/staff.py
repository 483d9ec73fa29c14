"""Staff pages of courses under /beheer/cursussen/. Thin: writes through courses.services, reads
through courses.selectors, access through organisations.scoping.

A run of another organisation answers 404. POI advisers and KB-beheerders read runs and figures
but never see participants' names; only people working for the organisation (and the run's
teachers with an account) do."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.services import record_event
from ontwikkelplein.core import documents as core_documents
from ontwikkelplein.core.figures.page import figure_request
from ontwikkelplein.core.figures.periods import PeriodKind
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM
from ontwikkelplein.core.formatting import date_text
from ontwikkelplein.core.forms import errors_for_summary, formset_errors_for_summary
from ontwikkelplein.core.tabular import FORMATS, download
from ontwikkelplein.courses import documents, exports, selectors, services
from ontwikkelplein.courses.forms import (
    STAFF_CONSENT_TEXT,
    EnrolForm,
    HeadCountForm,
    HelperFormSet,
    RunForm,
    SessionForm,
    WeeklySessionsForm,
    add_course_error,
)
from ontwikkelplein.courses.models import (
    AttendanceStatus,
    Enrolment,
    EnrolmentStatus,
    HeadCount,
    RunStatus,
    Session,
)
from ontwikkelplein.courses.services import CourseError
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.organisations.views.access import (
    require_editable,
    require_editor,
    staff_required,
)

NAV = {"staff_nav": "courses"}


def _is_member(user, run) -> bool:
    try:
        services.check_member(user, run)
    except PermissionDenied:
        return False
    return True


def _member_run(request, pk):
    run = selectors.run_for_user(request.user, pk)
    if not _is_member(request.user, run):
        raise PermissionDenied(_("Alleen medewerkers van de organisatie zien de deelnemers."))
    return run


def _editable_run(request, pk):
    run = selectors.run_for_user(request.user, pk)
    require_editable(request.user, run.organisation_id)
    return run


def _enrolment(request, pk) -> Enrolment:
    enrolment = (
        Enrolment.objects.select_related("run", "person", "run__offer", "run__location")
        .filter(pk=pk, run__in=selectors.runs_for_user(request.user))
        .first()
    )
    if enrolment is None:
        raise Http404
    if not _is_member(request.user, enrolment.run):
        raise PermissionDenied(_("Alleen medewerkers van de organisatie zien de deelnemers."))
    return enrolment


# ---------------------------------------------------------------------------------------------
# Runs


@staff_required
def run_list(request):
    show = request.GET.get("toon", "")
    runs = selectors.runs_for_user(request.user).order_by("-first_date", "-created_at")
    if show != "alle":
        runs = runs.exclude(status=RunStatus.CANCELLED)
    return render(
        request,
        "courses/staff/run_list.html",
        {
            "runs": runs,
            "show_all": show == "alle",
            "can_create": scoping.editable_organisations(request.user).exists(),
            **NAV,
        },
    )


def _run_values(form) -> dict:
    data = form.cleaned_data
    return {name: data.get(name) for name in services.RUN_FIELDS}


@staff_required
def run_create(request):
    require_editor(request.user)
    initial = {}
    if request.GET.get("aanbod"):
        initial["offer"] = request.GET["aanbod"]
    form = RunForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.create_run(
                offer=form.cleaned_data["offer"], user=request.user, **_run_values(form)
            )
        except CourseError as error:
            add_course_error(form, error)
        else:
            messages.success(
                request, _("De uitvoering is aangemaakt. Voeg nu de bijeenkomsten toe.")
            )
            return redirect("courses:staff-run-sessions", pk=run.pk)
    return render(
        request,
        "courses/staff/run_form.html",
        {"form": form, "run": None, "error_summary": errors_for_summary(form), **NAV},
    )


@staff_required
def run_edit(request, pk):
    run = _editable_run(request, pk)
    initial = {name: getattr(run, name) for name in services.RUN_FIELDS}
    form = RunForm(request.POST or None, user=request.user, run=run, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_run(run, user=request.user, **_run_values(form))
        except CourseError as error:
            add_course_error(form, error)
        else:
            messages.success(request, _("De uitvoering is opgeslagen."))
            return redirect("courses:staff-run-detail", pk=run.pk)
    return render(
        request,
        "courses/staff/run_form.html",
        {"form": form, "run": run, "error_summary": errors_for_summary(form), **NAV},
    )


# The groups on the run page, in this order, with the buttons per person.
PARTICIPANT_GROUPS = [
    (
        EnrolmentStatus.INTAKE,
        gettext_lazy("Wacht op intake"),
        [
            ("intake-accept", gettext_lazy("Plaatsen")),
            ("intake-decline", gettext_lazy("Niet plaatsen")),
        ],
    ),
    (
        EnrolmentStatus.ENROLLED,
        gettext_lazy("Ingeschreven"),
        [("cancel", gettext_lazy("Afmelden"))],
    ),
    (
        EnrolmentStatus.OFFERED,
        gettext_lazy("Plaats aangeboden"),
        [
            ("accept-offer", gettext_lazy("Neemt de plaats aan")),
            ("decline-offer", gettext_lazy("Wil de plaats niet")),
        ],
    ),
    (
        EnrolmentStatus.WAITING,
        gettext_lazy("Wachtlijst (op volgorde)"),
        [("cancel", gettext_lazy("Van de wachtlijst halen"))],
    ),
    (
        EnrolmentStatus.CANCELLED,
        gettext_lazy("Afgemeld"),
        [("erase", gettext_lazy("Gegevens verwijderen"))],
    ),
    (
        EnrolmentStatus.DECLINED,
        gettext_lazy("Niet geplaatst"),
        [("erase", gettext_lazy("Gegevens verwijderen"))],
    ),
]


@staff_required
def run_detail(request, pk):
    run = selectors.run_for_user(request.user, pk)
    member = _is_member(request.user, run)
    sessions = selectors.mark_closed(
        run.sessions.all().select_related("head_count").order_by("date", "start_time")
    )
    context = {
        "run": run,
        "sessions": sessions,
        "closed_day": [s for s in sessions if s.closed_reason and not s.cancelled],
        "today": timezone.localdate(),
        "can_edit": scoping.can_edit(request.user, run.organisation_id),
        "is_member": member,
        "places_left": selectors.places_left(run),
        "places_taken": selectors.places_taken(run),
        "sign_up_open": selectors.sign_up_open(run),
        "helpers": list(run.helpers.all()),
        **NAV,
    }
    if member:
        grouped = selectors.participants(run)
        context["groups"] = [
            {"kind": kind, "caption": caption, "people": grouped[kind], "actions": actions}
            for kind, caption, actions in PARTICIPANT_GROUPS
            if grouped[kind] or kind in (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING)
        ]
    return render(request, "courses/staff/run_detail.html", context)


@staff_required
@require_POST
def run_publish(request, pk):
    run = _editable_run(request, pk)
    try:
        services.publish_run(run, user=request.user)
    except CourseError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("De uitvoering is gepubliceerd: inwoners kunnen zich aanmelden.")
        )
    return redirect("courses:staff-run-detail", pk=run.pk)


@staff_required
def run_cancel(request, pk):
    run = _editable_run(request, pk)
    if request.method == "POST":
        try:
            services.cancel_run(run, user=request.user)
        except CourseError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("De uitvoering is geannuleerd. Deelnemers met een e-mailadres krijgen bericht."),
            )
        return redirect("courses:staff-run-detail", pk=run.pk)
    return render(request, "courses/staff/run_cancel.html", {"run": run, **NAV})


def _session_of(run, value: str):
    """The run's session with this id, or None (also for text that is no id at all)."""
    try:
        session_id = uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        return None
    return run.sessions.filter(pk=session_id).first()


@staff_required
def run_sessions(request, pk):
    run = _editable_run(request, pk)
    one = SessionForm(None)
    weekly = WeeklySessionsForm(None)
    error_summary = []
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add-one":
            one = SessionForm(request.POST)
            if one.is_valid():
                try:
                    services.add_session(run, user=request.user, **one.cleaned_data)
                except CourseError as error:
                    add_course_error(one, error)
                else:
                    messages.success(request, _("De bijeenkomst is toegevoegd."))
                    return redirect("courses:staff-run-sessions", pk=run.pk)
            error_summary = errors_for_summary(one)
        elif action == "add-weekly":
            weekly = WeeklySessionsForm(request.POST)
            if weekly.is_valid():
                try:
                    created = services.add_weekly_sessions(
                        run, user=request.user, **weekly.cleaned_data
                    )
                except CourseError as error:
                    add_course_error(weekly, error)
                else:
                    messages.success(
                        request,
                        _("%(n)s bijeenkomsten toegevoegd.") % {"n": len(created)},
                    )
                    for day, reason in created.closed_days:
                        messages.warning(
                            request,
                            _("Niet op %(date)s: de locatie is dan gesloten (%(reason)s).")
                            % {"date": date_text(day), "reason": reason},
                        )
                    return redirect("courses:staff-run-sessions", pk=run.pk)
            error_summary = errors_for_summary(weekly)
        elif action == "cancel-session":
            session = _session_of(run, request.POST.get("session", ""))
            if session is None:
                messages.error(
                    request, _("Deze bijeenkomst bestaat niet (meer). Er is niets veranderd.")
                )
                return redirect("courses:staff-run-sessions", pk=run.pk)
            try:
                services.cancel_session(session, user=request.user)
            except CourseError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, _("De bijeenkomst gaat niet door."))
            return redirect("courses:staff-run-sessions", pk=run.pk)
    return render(
        request,
        "courses/staff/run_sessions.html",
        {
            "run": run,
            "sessions": selectors.mark_closed(run.sessions.order_by("date", "start_time")),
            "today": timezone.localdate(),
            "one": one,
            "weekly": weekly,
            "error_summary": error_summary,
            **NAV,
        },
    )


@staff_required
def run_helpers(request, pk):
    run = _editable_run(request, pk)
    initial = [{"name": h.name, "role": h.role} for h in run.helpers.all()]
    formset = HelperFormSet(request.POST or None, initial=initial, prefix="begeleider")
    if request.method == "POST" and formset.is_valid():
        existing = {h.name: h.user for h in run.helpers.all()}
        helpers = [
            {**f.cleaned_data, "user": existing.get(f.cleaned_data.get("name"))}
            for f in formset.forms
            if f.cleaned_data.get("name")
        ]
        try:
            services.set_helpers(run, helpers, user=request.user)
        except CourseError as error:
            formset.forms[0].add_error("name", error.messages[0])
        else:
            messages.success(request, _("Docenten en vrijwilligers zijn opgeslagen."))
            return redirect("courses:staff-run-detail", pk=run.pk)
    return render(
        request,
        "courses/staff/run_helpers.html",
        {
            "run": run,
            "formset": formset,
            "error_summary": formset_errors_for_summary(formset, _("Rij %(n)s"))
            if formset.is_bound
            else [],
            **NAV,
        },
    )


# ---------------------------------------------------------------------------------------------
# Participants


@staff_required
def enrol(request, pk):
    run = _member_run(request, pk)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = services.PersonData(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            consent_text=str(STAFF_CONSENT_TEXT),
            consent_recorded_by=request.user,
        )
        try:
            enrolment, _token = services.enrol(
                run, person, source="staff", user=request.user, language=data["language"]
            )
        except CourseError as error:
            add_course_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is aangemeld: %(status)s.")
                % {"name": data["name"], "status": enrolment.get_status_display().lower()},
            )
            return redirect("courses:staff-enrolment-print", pk=enrolment.pk)
    return render(
        request,
        "courses/staff/enrol.html",
        {
            "run": run,
            "form": form,
            "consent_text": STAFF_CONSENT_TEXT,
            "places_left": selectors.places_left(run),
            "error_summary": errors_for_summary(form),
            **NAV,
        },
    )


@staff_required
def enrolment_print(request, pk):
    """A printable confirmation for a participant, above all one without e-mail."""
    enrolment = _enrolment(request, pk)
    return render(
        request,
        "courses/staff/enrolment_print.html",
        {**documents.confirmation_context(enrolment), **NAV},
    )


@staff_required
def enrolment_pdf(request, pk):
    """The same confirmation as a PDF, to print or send."""
    enrolment = _enrolment(request, pk)
    response = core_documents.pdf_response(
        documents.confirmation_pdf(enrolment), documents.confirmation_filename(enrolment)
    )
    record_event(
        SecurityEvent.Kind.PERSONAL_DATA_EXPORTED,
        request=request,
        detail={"export": "course-enrolment-pdf", "enrolment": str(enrolment.pk)},
    )
    return response


ENROLMENT_ACTIONS = {
    "cancel": lambda e, u: services.cancel_enrolment(e, user=u),
    "intake-accept": lambda e, u: services.complete_intake(e, accepted=True, user=u),
    "intake-decline": lambda e, u: services.complete_intake(e, accepted=False, user=u),
    "accept-offer": lambda e, u: services.accept_offer(e),
    "decline-offer": lambda e, u: services.decline_offer(e),
    "erase": lambda e, u: services.erase_person(e, user=u),
}
ENROLMENT_DONE = {
    "cancel": gettext_lazy("De aanmelding is afgemeld."),
    "intake-accept": gettext_lazy("De deelnemer is geplaatst."),
    "intake-decline": gettext_lazy("De deelnemer is niet geplaatst."),
    "accept-offer": gettext_lazy("De deelnemer heeft de plaats aangenomen."),
    "decline-offer": gettext_lazy("De deelnemer wil de plaats niet."),
    "erase": gettext_lazy("De persoonsgegevens zijn verwijderd."),
}


@staff_required
@require_POST
def enrolment_action(request, pk):
    enrolment = _enrolment(request, pk)
    action = request.POST.get("action", "")
    if action not in ENROLMENT_ACTIONS:
        messages.error(request, _("Deze actie bestaat niet."))
    else:
        try:
            ENROLMENT_ACTIONS[action](enrolment, request.user)
        except CourseError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, str(ENROLMENT_DONE[action]))
    return redirect("courses:staff-run-detail", pk=enrolment.run_id)


# ---------------------------------------------------------------------------------------------
# Attendance


@staff_required
def register(request, pk):
    """The register of one session: three large radio buttons per participant, one save button;
    for a walk-in activity a head count."""
    session = (
        Session.objects.select_related("run", "run__offer", "run__location")
        .filter(pk=pk, run__in=selectors.runs_for_user(request.user))
        .first()
    )
    if session is None:
        raise Http404
    run = session.run
    if not _is_member(request.user, run):
        raise PermissionDenied(_("Alleen medewerkers van de organisatie zien de deelnemers."))
    errors = []
    head_form = None
    if run.walk_in:
        current = HeadCount.objects.filter(session=session).first()
        head_form = HeadCountForm(
            request.POST or None, initial={"count": current.count if current else None}
        )
        if request.method == "POST" and head_form.is_valid():
            try:
                services.record_head_count(
                    session, head_form.cleaned_data["count"], user=request.user
                )
            except CourseError as error:
                add_course_error(head_form, error)
            else:
                messages.success(request, _("Het aantal bezoekers is opgeslagen."))
                return redirect("courses:staff-run-detail", pk=run.pk)
        errors = errors_for_summary(head_form)
        rows = []
    else:
        rows = selectors.register_rows(session)
        if request.method == "POST":
            marks = {
                str(row["enrolment"].pk): request.POST.get(f"mark-{row['enrolment'].pk}", "")
                for row in rows
            }
            try:
                saved = services.record_attendance(session, marks, user=request.user)
            except CourseError as error:
                errors = [{"anchor": "", "label": "", "message": error.messages[0]}]
                for row in rows:
                    row["status"] = marks.get(str(row["enrolment"].pk), row["status"])
            else:
                messages.success(
                    request, _("Aanwezigheid opgeslagen voor %(n)s deelnemers.") % {"n": saved}
                )
                return redirect("courses:staff-register", pk=session.pk)
    return render(
        request,
        "courses/staff/register.html",
        {
            "session": session,
            "run": run,
            "rows": rows,
            "statuses": AttendanceStatus.choices,
            "head_form": head_form,
            "error_summary": errors,
            "too_early": session.date > timezone.localdate(),
            "closed_reason": selectors.session_closed_reason(session),
            **NAV,
        },
    )


# ---------------------------------------------------------------------------------------------
# Reach


@staff_required
def reach(request):
    """Reach figures with the shared level and period pickers (core/figures). The own level
    shows exact numbers; the region and Heel Nederland hide groups of fewer than 5 people."""
    scopes = figure_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Je hebt geen organisatie om cijfers van te zien."))
    fr = figure_request(request.GET, scopes, compare=False, default_kind=PeriodKind.YEAR)
    organisations = Organisation.objects.filter(**fr.scope.filter("pk"))
    figures = selectors.reach(organisations, fr.period, suppress=fr.scope.suppress)
    fmt = request.GET.get(FORMAT_PARAM)
    if fmt in FORMATS:
        return download(
            fmt, f"cursussen-bereik-{fr.period.file_label}", exports.reach_sheets(figures)
        )
    base = reverse("courses:staff-reach")
    return render(
        request,
        "courses/staff/reach.html",
        {
            **fr.context(),
            "figures": figures,
            "organisation_chart": exports.participants_chart(figures.per_organisation),
            "run_chart": exports.participants_chart(figures.per_run),
            "csv_url": fr.export_url(base, "csv"),
            "xlsx_url": fr.export_url(base, "xlsx"),
            **NAV,
        },
    )
