"""The questionnaire for participants: type the code from the card (or follow its link), answer
a short page of questions, done. B1, phone first, without JavaScript. A code works once; a member
of staff of the run's organisation who opens the link enters a paper form (marked as such)."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.impact import services, spam
from ontwikkelplein.impact.forms import CodeForm, QuestionnaireForm
from ontwikkelplein.impact.models import Moment
from ontwikkelplein.organisations import scoping


def too_many_requests(request):
    return render(request, "impact/public/too_many.html", status=429)


def code_entry(request):
    form = CodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        if spam.over_limit(request):
            return too_many_requests(request)
        code = services.normalise_code(form.cleaned_data["code"])
        return HttpResponseRedirect(reverse("impact:fill", args=[code]))
    return render(
        request,
        "impact/public/code.html",
        {"form": form, "error_summary": errors_for_summary(form) if form.is_bound else []},
    )


def _staff_of(user, run) -> bool:
    return run.organisation_id in scoping.own_organisation_ids(user)


@require_http_methods(["GET", "POST"])
def fill(request, code):
    if spam.over_limit(request):
        return too_many_requests(request)
    lookup = services.lookup_code(code)
    if lookup is None:
        if spam.count_unknown(request):
            return too_many_requests(request)
        return render(request, "impact/public/unknown.html", {"code": code}, status=404)
    if lookup.used:
        return render(
            request,
            "impact/public/used.html",
            {"message": services.code_used_message()},
            status=409,
        )
    if lookup.question_set is None:
        return render(request, "impact/public/unknown.html", {"no_set": True}, status=404)
    by_staff = _staff_of(request.user, lookup.card.run)
    questions = lookup.question_set.questions_for(lookup.moment)
    data = request.POST if request.method == "POST" else None
    form = QuestionnaireForm(data, questions=questions)
    summary = []
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_answers(code, form.answers(), entered_by_staff=by_staff)
            except services.ImpactError as error:
                return render(
                    request, "impact/public/used.html", {"message": error.messages[0]}, status=409
                )
            query = "?na=1" if lookup.moment == Moment.AFTER else "?na=0"
            if by_staff:
                query += "&medewerker=1"
            return HttpResponseRedirect(reverse("impact:thanks") + query)
        summary = errors_for_summary(form)
    return render(
        request,
        "impact/public/fill.html",
        {
            "form": form,
            "question_set": lookup.question_set,
            "is_before": lookup.moment == Moment.BEFORE,
            "by_staff": by_staff,
            "run": lookup.card.run if by_staff else None,
            "error_summary": summary,
        },
    )


def thanks(request):
    return render(
        request,
        "impact/public/thanks.html",
        {
            "by_staff": request.GET.get("medewerker") == "1",
            "after": request.GET.get("na") == "1",
        },
    )
