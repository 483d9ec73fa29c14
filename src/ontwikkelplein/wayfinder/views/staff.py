"""The KB's back office of the wegwijzer (/beheer/wegwijzer/versies/): versions, a new draft
from the published one, editing questions and answers, preview and publishing. Only a
KB-beheerder; anyone else with a role gets 403, anonymous visitors the login page."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontwikkelplein.core.forms import add_field_error, errors_for_summary, posted
from ontwikkelplein.core.views import form_page
from ontwikkelplein.organisations import scoping
from ontwikkelplein.wayfinder import services
from ontwikkelplein.wayfinder.forms import AnswerForm, QuestionForm
from ontwikkelplein.wayfinder.models import (
    ANSWER_TRANSLATION_COLUMNS,
    Answer,
    PathCount,
    Question,
    QuestionKind,
    Version,
)
from ontwikkelplein.wayfinder.reference_data import DEFAULT_ICON, ICONS

BASE = "core/staff/base.html"


def may_edit(user) -> bool:
    return scoping.is_kb_admin(user)


def kb_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_edit(request.user):
            raise PermissionDenied(_("Alleen een KB-beheerder mag de wegwijzer aanpassen."))
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _get(model, pk, *related):
    obj = model.objects.select_related(*related).filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def _refused(request, error, url):
    for message in error.messages:
        messages.error(request, message)
    return redirect(url)


@kb_required
@require_http_methods(["GET", "HEAD"])
def versions(request):
    rows = list(Version.objects.all())
    counts = {}
    for row in PathCount.objects.values_list("version_number", "count"):
        counts[row[0]] = counts.get(row[0], 0) + row[1]
    for version in rows:
        version.paths = counts.get(version.number, 0)
    return render(
        request,
        "wayfinder/staff/versions.html",
        {
            "versions": rows,
            "has_draft": any(v.is_draft for v in rows),
            "staff_nav": "wayfinder-admin",
        },
    )


@kb_required
@require_POST
def version_new(request):
    try:
        draft = services.create_draft()
    except services.WayfinderError as error:
        return _refused(request, error, reverse("wayfinder:versions"))
    messages.success(request, _("Concept %(number)s is gemaakt.") % {"number": draft.number})
    return redirect("wayfinder:version-detail", pk=draft.pk)


@kb_required
@require_http_methods(["GET", "HEAD"])
def version_detail(request, pk):
    version = _get(Version, pk)
    questions = list(
        version.questions.prefetch_related(
            "answers__themes", "answers__target_groups", "answers__offer_types"
        ).order_by("order", "pk")
    )
    questions.sort(key=lambda q: q.kind == QuestionKind.WHERE)
    for question in questions:
        question.icon_file = question.icon if question.icon in ICONS else DEFAULT_ICON
        for answer in question.answers.all():
            answer.icon_file = answer.icon if answer.icon in ICONS else DEFAULT_ICON
    return render(
        request,
        "wayfinder/staff/version.html",
        {
            "version": version,
            "questions": questions,
            "problems": services.problems(version) if version.is_draft else [],
            "preview_url": reverse("wayfinder:start") + f"?versie={version.number}",
            "staff_nav": "wayfinder-admin",
        },
    )


@kb_required
@require_POST
def version_publish(request, pk):
    version = _get(Version, pk)
    url = reverse("wayfinder:version-detail", args=[version.pk])
    try:
        services.publish(version)
    except services.WayfinderError as error:
        return _refused(request, error, url)
    messages.success(
        request,
        _("Versie %(number)s is gepubliceerd. Wie al bezig was, maakt de oude versie af.")
        % {"number": version.number},
    )
    return redirect(url)


@kb_required
@require_POST
def version_delete(request, pk):
    version = _get(Version, pk)
    try:
        services.delete_draft(version)
    except services.WayfinderError as error:
        return _refused(request, error, reverse("wayfinder:version-detail", args=[version.pk]))
    messages.success(request, _("Het concept is verwijderd."))
    return redirect("wayfinder:versions")


def _locked(request, version):
    if not version.is_draft:
        messages.error(
            request, _("Alleen een concept kun je veranderen. Maak eerst een nieuw concept.")
        )
        return redirect("wayfinder:version-detail", pk=version.pk)
    return None


@kb_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_edit(request, pk):
    question = _get(Question, pk, "version")
    version = question.version
    locked = _locked(request, version)
    if locked:
        return locked
    back = reverse("wayfinder:version-detail", args=[version.pk])
    if request.method == "POST":
        form = QuestionForm(posted(request))
        if form.is_valid():
            try:
                services.update_question(question, **form.cleaned_data)
            except services.WayfinderError as error:
                add_field_error(form, error)
            else:
                messages.success(request, _("De vraag is opgeslagen."))
                return redirect(back)
    else:
        form = QuestionForm(
            initial={name: getattr(question, name) for name in QuestionForm.base_fields}
        )
    return _form_page(request, form, _("Vraag aanpassen"), back, lead=f"{version}: {question.text}")


def _form_page(request, form, heading, back, lead=""):
    response = form_page(
        request,
        form,
        base=BASE,
        heading=heading,
        lead=lead,
        error_summary=errors_for_summary(form) if form.is_bound else [],
        back=(back, _("Terug naar de versie")),
        cancel_url=back,
        staff_nav="wayfinder-admin",
    )
    if form.is_bound:
        response.status_code = 400
    return response


def _answer_form_page(request, question, answer):
    version = question.version
    locked = _locked(request, version)
    if locked:
        return locked
    back = reverse("wayfinder:version-detail", args=[version.pk])
    if question.kind == QuestionKind.WHERE:
        messages.error(
            request, _("De vraag naar de plaats heeft geen antwoorden om uit te kiezen.")
        )
        return redirect(back)
    if request.method == "POST":
        form = AnswerForm(posted(request))
        if form.is_valid():
            try:
                services.save_answer(question, answer=answer, **form.cleaned_data)
            except services.WayfinderError as error:
                add_field_error(form, error)
            else:
                messages.success(request, _("Het antwoord is opgeslagen."))
                return redirect(back)
    elif answer is not None:
        form = AnswerForm(
            initial={
                "label": answer.label,
                "label_en": answer.label_en,
                **{name: getattr(answer, name) for name in ANSWER_TRANSLATION_COLUMNS},
                "key": answer.key,
                "icon": answer.icon,
                "order": answer.order,
                "themes": list(answer.themes.all()),
                "target_groups": list(answer.target_groups.all()),
                "offer_types": list(answer.offer_types.all()),
            }
        )
    else:
        form = AnswerForm(initial={"order": question.answers.count() + 1})
    heading = _("Antwoord aanpassen") if answer else _("Antwoord toevoegen")
    return _form_page(request, form, heading, back, lead=f"{version}: {question.text}")


@kb_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_new(request, pk):
    question = _get(Question, pk, "version")
    return _answer_form_page(request, question, None)


@kb_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_edit(request, pk):
    answer = _get(Answer, pk, "question__version")
    return _answer_form_page(request, answer.question, answer)


@kb_required
@require_POST
def answer_delete(request, pk):
    answer = _get(Answer, pk, "question__version")
    url = reverse("wayfinder:version-detail", args=[answer.question.version_id])
    try:
        services.delete_answer(answer)
    except services.WayfinderError as error:
        return _refused(request, error, url)
    messages.success(request, _("Het antwoord is verwijderd."))
    return redirect(url)
