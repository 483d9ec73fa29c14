"""Back-office pages of the impact measurement. Run pages (cards, stories, per-run numbers) are
for the run's own organisation only (another organisation's run answers 404); the overview shows
aggregates for the own organisation, the POI region or the country."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.core import documents as core_documents
from ontwikkelplein.core.figures.page import figure_request
from ontwikkelplein.core.figures.periods import PeriodKind
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM, Level
from ontwikkelplein.core.forms import (
    add_field_error,
    errors_for_summary,
    formset_errors_for_summary,
)
from ontwikkelplein.core.tabular import download
from ontwikkelplein.impact import documents, exports, selectors, services
from ontwikkelplein.impact.forms import (
    CardsForm,
    MeasurementForm,
    QuestionFormSet,
    QuestionSetForm,
    StoryForm,
    answer_choices,
)
from ontwikkelplein.impact.models import Moment, QuestionSet, RunMeasurement
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import staff_required


def _request(request):
    scopes = figure_scopes(request.user)
    if not scopes:
        raise Http404
    return figure_request(request.GET, scopes, compare=False, default_kind=PeriodKind.YEAR)


def _results(fr):
    return selectors.results(selectors.runs_in_scope(fr.scope), fr.comparison.current)


@staff_required
def overview(request):
    fr = _request(request)
    runs = (
        selectors.runs_with_measurement(selectors.own_runs(request.user))
        if fr.level == Level.OWN
        else None
    )
    base = reverse("impact:staff-export")
    return render(
        request,
        "impact/staff/overview.html",
        {
            **fr.context(),
            "staff_nav": "impact",
            "results": _results(fr),
            "runs": runs,
            "question_sets": QuestionSet.objects.filter(active=True),
            "is_kb_admin": scoping.is_kb_admin(request.user),
            "csv_url": fr.export_url(base, "csv"),
            "xlsx_url": fr.export_url(base, "xlsx"),
        },
    )


@staff_required
def export(request):
    fr = _request(request)
    return download(
        request.GET.get(FORMAT_PARAM, "csv"),
        f"impact-{fr.level}-{fr.period.file_label}",
        exports.result_sheets(fr.scope.label, _results(fr)),
    )


def _run_context(request, run, **overrides):
    measurement = RunMeasurement.objects.filter(run=run).first()
    context = {
        "staff_nav": "impact",
        "run": run,
        "measurement": measurement,
        "card_count": run.impact_cards.count(),
        "results": selectors.results([run]),
        "stories": run.impact_stories.all(),
        "measurement_form": MeasurementForm(
            initial={
                "before_set": measurement.before_set_id if measurement else None,
                "after_set": measurement.after_set_id if measurement else None,
            }
        ),
        "cards_form": CardsForm(),
        "story_form": StoryForm(),
        "error_summary": [],
    }
    context.update(overrides)
    return context


@staff_required
def run_detail(request, run_id):
    run = selectors.run_for_user(request.user, run_id)
    context = _run_context(request, run)
    if request.GET.get("opgeslagen"):
        context["saved"] = request.GET["opgeslagen"]
    return render(request, "impact/staff/run.html", context)


def _redirect_saved(run, what: str):
    return HttpResponseRedirect(reverse("impact:staff-run", args=[run.pk]) + f"?opgeslagen={what}")


def _run_page_refused(request, run, form_name: str, form):
    """The run page again (400) with the form that was not saved and its errors."""
    context = _run_context(
        request, run, error_summary=errors_for_summary(form), **{form_name: form}
    )
    return render(request, "impact/staff/run.html", context, status=400)


def _save_run_form(request, run, form, form_name: str, save, saved: str):
    """A form on the run page: when valid, `save` gets its cleaned data and the page comes back
    with `?opgeslagen=<saved>`; a refusal (ImpactError) goes on the form."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except services.ImpactError as error:
            add_field_error(form, error)
        else:
            return _redirect_saved(run, saved)
    return _run_page_refused(request, run, form_name, form)


@staff_required
@require_POST
def run_measurement(request, run_id):
    run = selectors.run_for_user(request.user, run_id)
    return _save_run_form(
        request,
        run,
        MeasurementForm(request.POST),
        "measurement_form",
        lambda data: services.set_questionnaires(
            run, before_set=data["before_set"], after_set=data["after_set"], user=request.user
        ),
        "vragenlijsten",
    )


@staff_required
@require_POST
def run_cards(request, run_id):
    """Makes cards and shows them to print (or as a PDF with formaat=pdf), once: the codes
    are not stored."""
    run = selectors.run_for_user(request.user, run_id)
    form = CardsForm(request.POST)
    if form.is_valid():
        try:
            codes = services.make_cards(run, form.cleaned_data["count"], user=request.user)
        except services.ImpactError as error:
            add_field_error(form, error)
        else:
            context = documents.cards_context(request, run, codes)
            if request.POST.get("formaat") == "pdf":
                return core_documents.pdf_response(
                    documents.cards_pdf(context), documents.cards_filename(run)
                )
            return render(request, "impact/staff/cards.html", {"staff_nav": "impact", **context})
    return _run_page_refused(request, run, "cards_form", form)


@staff_required
@require_POST
def run_story(request, run_id):
    run = selectors.run_for_user(request.user, run_id)
    return _save_run_form(
        request,
        run,
        StoryForm(request.POST),
        "story_form",
        lambda data: services.add_story(
            run, text=data["text"], consent=data["consent"], user=request.user
        ),
        "verhaal",
    )


@staff_required
def run_export(request, run_id):
    run = selectors.run_for_user(request.user, run_id)
    return download(
        request.GET.get(FORMAT_PARAM, "csv"),
        f"impact-{slugify(str(run))[:40] or 'uitvoering'}",
        exports.result_sheets(str(run), selectors.results([run])),
    )


def _moment(value: str) -> str:
    moments = {"voor": Moment.BEFORE, "na": Moment.AFTER}
    if value not in moments:
        raise Http404
    return moments[value]


@staff_required
def print_questionnaire(request, slug, moment):
    question_set = get_object_or_404(QuestionSet, slug=slug)
    moment_value = _moment(moment)
    questions = [
        (q, [label for _v, label in answer_choices(q.kind)])
        for q in question_set.questions_for(moment_value)
    ]
    return render(
        request,
        "impact/staff/print.html",
        {
            "question_set": question_set,
            "is_before": moment_value == Moment.BEFORE,
            "moment": moment,
            "questions": questions,
        },
    )


@staff_required
def questionnaire_pdf_view(request, slug, moment):
    question_set = get_object_or_404(QuestionSet, slug=slug)
    moment_value = _moment(moment)
    return core_documents.pdf_response(
        documents.questionnaire_pdf(question_set, moment_value),
        documents.questionnaire_filename(question_set, moment),
    )


def _require_kb_admin(user) -> None:
    if not scoping.is_kb_admin(user):
        raise PermissionDenied(_("Alleen een KB-beheerder past de vragenlijsten aan."))


@staff_required
def question_sets(request):
    _require_kb_admin(request.user)
    return render(
        request,
        "impact/staff/question_sets.html",
        {"staff_nav": "impact", "question_sets": QuestionSet.objects.all()},
    )


@staff_required
def question_set_edit(request, slug):
    _require_kb_admin(request.user)
    question_set = get_object_or_404(QuestionSet, slug=slug)
    queryset = question_set.questions.all()
    set_form = QuestionSetForm(request.POST or None, instance=question_set, prefix="lijst")
    formset = QuestionFormSet(request.POST or None, queryset=queryset, prefix="vraag")
    summary = []
    status = 200
    if request.method == "POST":
        if set_form.is_valid() and formset.is_valid():
            try:
                services.save_question_set(set_form, formset, user=request.user)
            except services.ImpactError as error:
                summary = [{"anchor": "", "label": "", "message": error.messages[0]}]
            else:
                return HttpResponseRedirect(
                    reverse("impact:staff-question-set", args=[slug]) + "?opgeslagen=1"
                )
        summary = summary or errors_for_summary(set_form) + formset_errors_for_summary(
            formset, _("Vraag %(n)s")
        )
        status = 400
    return render(
        request,
        "impact/staff/question_set_edit.html",
        {
            "staff_nav": "impact",
            "question_set": question_set,
            "set_form": set_form,
            "formset": formset,
            "error_summary": summary,
            "saved": request.GET.get("opgeslagen") == "1",
        },
        status=status,
    )
